using System.Collections.Concurrent;
using Morph.Protocol.Devnet;
using Morph.Protocol.L1;
using Morph.Protocol.L1.Restaking;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Tests.L1;

/// <summary>Builds L1 networks for tests: devnet stakers (keys cached; deriving them is the slow part), whitelisting
/// and registration in one call, and assertions that a refusal names its rule and changes nothing.</summary>
internal static class TestNet
{
    private static readonly ConcurrentDictionary<int, DevnetStaker> Stakers = new();

    public static DevnetStaker Staker(int i) => Stakers.GetOrAdd(i, DevnetStaker.Create);

    public static Address Owner => L1Genesis.Devnet.Owner;
    public static readonly Address Outsider = Address.Parse("0x00000000000000000000000000000000000000ff");

    public static ProtocolParameters Params(byte x = 3, ulong unrestakingDelay = 0) => ProtocolParameters.Devnet with
    {
        SequencerSetMaxSize = x,
        UnrestakingDelayBlocks = unrestakingDelay,
    };

    public static L1Network Create(int stakers, byte x = 3, ulong unrestakingDelay = 0, ModelProofSystem? proofs = null)
    {
        var p = Params(x, unrestakingDelay);
        var net = new L1Network(p, proofs: proofs ?? new ModelProofSystem());
        net.AdvanceTo(100);
        for (int i = 1; i <= stakers; i++) Join(net, Staker(i));
        return net;
    }

    public static void Join(L1Network net, DevnetStaker s)
    {
        Ok(net.UpdateWhitelist(Owner, [s.Address], []));
        Ok(s.Register(net).Result);
    }

    public static TxResult Ok(TxResult r)
    {
        Assert.IsTrue(r.IsOk, $"expected success, got {r}");
        return r;
    }

    /// <summary>Runs a transaction expected to be refused with <paramref name="rule"/>, and checks nothing changed.</summary>
    public static ProtocolError Refused(L1Network net, ProtocolRule rule, Func<TxResult> tx)
    {
        var before = net.StateHash();
        var r = tx();
        Assert.IsFalse(r.IsOk, $"expected {rule}, but it was applied");
        Assert.AreEqual(rule, r.Error!.Rule, r.Error.Message);
        Assert.IsFalse(string.IsNullOrWhiteSpace(r.Error.Message));
        Assert.AreEqual(before, net.StateHash(), $"refused {rule} changed the state");
        Assert.AreEqual(0, r.Events.Count);
        return r.Error;
    }

    /// <summary>Genesis with the first X stakers as the set, then BLS mode, advanced past the first submitter window.</summary>
    public static void ToBls(L1Network net)
    {
        net.RelayAll();
        Ok(net.MarkL2Genesis(Owner));
        Ok(net.EnableBls(Owner));
        net.AdvanceBy(net.Parameters.BatchTimeoutBlocks);
    }

    public static Bytes32 Hash(string label) => Keccak256.HashUtf8(label);

    /// <summary>Commits the next batch signed by <paramref name="signers"/> (members of latestSequencerSet).</summary>
    public static TxResult CommitSigned(L1Network net, IReadOnlyList<DevnetStaker> signers, string label, IReadOnlyList<Address>? newSet = null, Address? sender = null)
    {
        var index = net.Rollup.LastCommitted + 1;
        var hash = Hash(label);
        var (bitmap, sig) = DevnetStaker.SignBatch(net, signers, net.Rollup.LatestSequencerSet, index, hash, newSet);
        return net.CommitBatch(sender ?? Outsider, new BatchCommit(index, hash, newSet, bitmap, sig));
    }

    public static IReadOnlyList<DevnetStaker> Members(L1Network net) =>
        net.Rollup.LatestSequencerSet.Select(a => Enumerable.Range(1, 64).Select(Staker).First(s => s.Address == a)).ToList();
}
