using System.Text.Json;
using Morph.Protocol.Crypto.Bls;
using Morph.Protocol.Crypto.Ed25519;
using Morph.Protocol.L1;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Tests.L1;

/// <summary>../shared/vectors/bls/batch_signature.json through the Rollup's own verification path: the vector's
/// stakers are registered in an order that keeps both set lists canonical, latestSequencerSet is brought to the
/// vector's list, filler batches reach the vector's index, and the vector's bitmap and aggregate signature are
/// committed: accepted exactly when the vector says the quorum is met.</summary>
[TestClass]
public sealed class BatchSignatureVectorTests
{
    private sealed record Member(Address Address, ByteString PublicKey, BlsSecretKey Key);

    public static IEnumerable<object[]> Cases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Vectors, "bls", "batch_signature.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()!, c.GetRawText() }).ToList();
    }

    public static string DisplayName(System.Reflection.MethodInfo _, object[] data) => "batch_signature " + data[0];

    [TestMethod]
    [DynamicData(nameof(Cases), DynamicDataDisplayName = nameof(DisplayName))]
    public void Vector_case_through_the_rollup(string name, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var input = doc.RootElement.GetProperty("input");
        var output = doc.RootElement.GetProperty("output");
        List<Member> Members(string list) => input.GetProperty(list).EnumerateArray().Select(m => new Member(
            Address.Parse(m.GetProperty("address").GetString()!.ToLowerInvariant()),
            ByteString.ParseHex(m.GetProperty("blsPublicKey").GetString()!),
            BlsSecretKey.FromBytes(Hex.Parse(m.GetProperty("privkey").GetString()!)).Value)).ToList();
        var latest = Members("latestSequencerSet");
        // New members come as addresses only: the vector has no key for those not in the latest set, and none is
        // needed (they do not sign this batch); they register with a key of their own.
        var next = input.GetProperty("newSequencerSet").EnumerateArray().Select(e => Address.Parse(e.GetString()!.ToLowerInvariant())).Select(a =>
            latest.FirstOrDefault(m => m.Address == a) ?? NewMember(a)).ToList();
        var chainId = ulong.Parse(input.GetProperty("l1ChainId").GetString()!);
        var rollup = Address.Parse(input.GetProperty("rollup").GetString()!.ToLowerInvariant());
        var index = ulong.Parse(input.GetProperty("batchIndex").GetString()!);
        var hash = Bytes32.Parse(input.GetProperty("batchHash").GetString()!);
        var bitmap = UInt256.Parse(input.GetProperty("signersBitmap").GetString()!);

        // The signing root and set-change hash the Rollup computes equal the vector's.
        var newSet = next.Select(m => m.Address).ToList();
        Assert.AreEqual(Bytes32.Parse(output.GetProperty("setChangeHash").GetString()!), BatchSigning.SetChangeHash(newSet), "setChangeHash");
        Assert.AreEqual(Bytes32.Parse(output.GetProperty("signingRoot").GetString()!),
            BatchSigning.SigningRoot(chainId, rollup, index, hash, BatchSigning.SetChangeHash(newSet)), "signingRoot");

        // Register in an order that keeps both lists' order (they agree on common members).
        var order = Merge(latest, next);
        var x = (byte)Math.Max(latest.Count, next.Count);
        var p = ProtocolParameters.Devnet with { L1ChainId = chainId, SequencerSetMaxSize = x };
        var genesis = L1Genesis.Devnet with { RollupAddress = rollup };
        var net = new L1Network(p, genesis);
        net.AdvanceTo(10);
        var owner = genesis.Owner;
        TestNet.Ok(net.UpdateWhitelist(owner, order.Select(m => m.Address).ToList(), []));
        int n = 0;
        foreach (var m in order)
        {
            var tmKey = Ed25519SecretKey.FromSeed(Keccak256.HashUtf8($"tm-{name}-{n++}").ToArray());
            var tm = Bytes32.FromBytes(tmKey.PublicKey);
            var message = RegistrationMessage.Compute(chainId, genesis.StakingAddress, m.Address, tm);
            var sig = ByteString.From(m.Key.Sign(message.ToArray()).ToBytes());
            var tmSig = ByteString.From(tmKey.Sign(RegistrationMessage.TmMessage(message, m.PublicKey.Span).ToArray()));
            TestNet.Ok(net.Register(m.Address, p.StakingValue, tm, m.PublicKey, ByteString.From(m.Key.ProvePossession().ToBytes()), sig, tmSig));
        }
        TestNet.Ok(net.MarkL2Genesis(owner));
        var latestSet = latest.Select(m => m.Address).ToList();
        ulong committed = 0;
        if (!net.Rollup.LatestSequencerSet.SequenceEqual(latestSet))
        {
            // Pre-BLS: an Active staker commits the batch that moves the set to the vector's list.
            TestNet.Ok(net.CommitBatch(order[0].Address, new BatchCommit(++committed, Keccak256.HashUtf8("set"), latestSet)));
        }
        net.AdvanceBy(1);
        TestNet.Ok(net.EnableBls(owner));
        net.AdvanceBy(p.BatchTimeoutBlocks);
        while (committed + 1 < index)
        {
            var fill = Keccak256.HashUtf8($"filler-{committed + 1}");
            var root = BatchSigning.SigningRoot(chainId, rollup, committed + 1, fill, Bytes32.Zero);
            var agg = BlsSignature.Aggregate(latest.Select(m => m.Key.Sign(root.ToArray())).ToArray()).Value;
            var all = (UInt256.One << latest.Count) - UInt256.One;
            TestNet.Ok(net.CommitBatch(owner, new BatchCommit(++committed, fill, null, all, ByteString.From(agg.ToBytes()))));
        }

        var result = net.CommitBatch(owner, new BatchCommit(index, hash, newSet, bitmap, ByteString.ParseHex(output.GetProperty("aggregateSignature").GetString()!)));
        if (output.GetProperty("quorumMet").GetBoolean())
        {
            Assert.IsTrue(result.IsOk, result.ToString());
            CollectionAssert.AreEqual((newSet.Count > 0 ? newSet : latestSet).ToArray(), net.Rollup.LatestSequencerSet.ToArray());
        }
        else Assert.AreEqual(ProtocolRule.QuorumNotMet, result.Rule, result.ToString());
    }

    private static Member NewMember(Address a)
    {
        var key = BlsSecretKey.KeyGen(Keccak256.HashUtf8("vector-member-" + a).ToArray()).Value;
        return new Member(a, ByteString.From(key.PublicKey.ToBytes()), key);
    }

    /// <summary>A merge of two lists that keeps each list's order (they agree on the order of common members).</summary>
    private static List<Member> Merge(List<Member> a, List<Member> b)
    {
        var result = new List<Member>();
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (i < a.Count && result.Any(r => r.Address == a[i].Address)) { i++; continue; }
            if (j < b.Count && result.Any(r => r.Address == b[j].Address)) { j++; continue; }
            if (i < a.Count && (j >= b.Count || !b.Skip(j).Any(m => m.Address == a[i].Address) || b[j].Address == a[i].Address)) result.Add(a[i++]);
            else result.Add(b[j++]);
        }
        return result;
    }
}
