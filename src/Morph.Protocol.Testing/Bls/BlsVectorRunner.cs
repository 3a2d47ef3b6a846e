using Morph.Protocol.L1.Rollup;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Morph.Protocol.Vectors;

namespace Morph.Protocol.Crypto.Bls.Vectors;

/// <summary>Runs the shared BLS reference vectors (vectors/bls/*.json) against the managed implementation.</summary>
public static class BlsVectorRunner
{
    private static readonly IBlsSignatureScheme Scheme = BlsSignatureScheme.Instance;

    public static IReadOnlyList<VectorFileResult> RunDirectory(string dir) =>
        Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(RunFile).ToList();

    public static VectorFileResult RunFile(string path)
    {
        var name = Path.GetFileName(path);
        Func<JsonElement, JsonElement, string?>? check = name switch
        {
            "keygen.json" => KeyGen,
            "sign.json" => Sign,
            "verify.json" => Verify,
            "aggregate.json" => Aggregate,
            "fast_aggregate_verify.json" => FastAggregateVerify,
            "aggregate_verify.json" => AggregateVerify,
            "pop.json" => Pop,
            "hash_to_G2.json" => HashToG2,
            "deserialization_G1.json" => DeserializeG1,
            "deserialization_G2.json" => DeserializeG2,
            "batch_signature.json" => BatchSignature,
            _ => null,
        };
        if (check is null) return new VectorFileResult(name, 0, 1, [$"{name}: no runner for this file"]);

        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        int passed = 0;
        var failures = new List<string>();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var caseName = c.GetProperty("name").GetString() ?? "?";
            string? why;
            try { why = check(c.GetProperty("input"), c.GetProperty("output")); }
            catch (Exception e) { why = "exception: " + e.Message; }
            if (why is null) passed++;
            else failures.Add($"{caseName}: {why}");
        }
        return new VectorFileResult(name, passed, failures.Count, failures);
    }

    private static byte[] Hex(JsonElement e) => Hex(e.GetString()!);
    private static byte[] Hex(string s) => Convert.FromHexString(s.StartsWith("0x") ? s[2..] : s);
    private static string ToHex(byte[] b) => "0x" + Convert.ToHexStringLower(b);
    private static bool SameHex(byte[] actual, JsonElement expected) => ToHex(actual) == expected.GetString()!.ToLowerInvariant();

    private static string? Expect(bool actual, JsonElement expected) =>
        actual == expected.GetBoolean() ? null : $"expected {expected.GetBoolean()}, got {actual}";

    private static string? ExpectBytes(BlsResult<byte[]> r, JsonElement expected)
    {
        if (expected.ValueKind == JsonValueKind.Null)
            return r.IsOk ? $"expected refusal, got {ToHex(r.Value)}" : null;
        if (!r.IsOk) return $"refused ({r.Error}), expected {expected.GetString()}";
        return SameHex(r.Value, expected) ? null : $"expected {expected.GetString()}, got {ToHex(r.Value)}";
    }

    private static string? KeyGen(JsonElement input, JsonElement output)
    {
        // The file gives privkey → pubkey (SkToPk); an "ikm" input would go through KeyGen first.
        byte[] sk;
        if (input.TryGetProperty("ikm", out var ikm))
        {
            var r = Scheme.KeyGen(Hex(ikm), default);
            if (!r.IsOk) return $"KeyGen refused: {r.Error}";
            sk = r.Value;
            if (input.TryGetProperty("privkey", out var expectedSk) && !SameHex(sk, expectedSk)) return "KeyGen secret key differs";
        }
        else sk = Hex(input.GetProperty("privkey"));
        return ExpectBytes(Scheme.SkToPk(sk), output);
    }

    private static string? Sign(JsonElement input, JsonElement output) =>
        ExpectBytes(Scheme.Sign(Hex(input.GetProperty("privkey")), Hex(input.GetProperty("message"))), output);

    private static string? Verify(JsonElement input, JsonElement output) =>
        Expect(Scheme.Verify(Hex(input.GetProperty("pubkey")), Hex(input.GetProperty("message")), Hex(input.GetProperty("signature"))), output);

    private static string? Aggregate(JsonElement input, JsonElement output) =>
        ExpectBytes(Scheme.Aggregate(input.EnumerateArray().Select(Hex).ToList()), output);

    private static string? FastAggregateVerify(JsonElement input, JsonElement output) =>
        Expect(Scheme.FastAggregateVerify(input.GetProperty("pubkeys").EnumerateArray().Select(Hex).ToList(),
            Hex(input.GetProperty("message")), Hex(input.GetProperty("signature"))), output);

    private static string? AggregateVerify(JsonElement input, JsonElement output) =>
        Expect(Scheme.AggregateVerify(input.GetProperty("pubkeys").EnumerateArray().Select(Hex).ToList(),
            input.GetProperty("messages").EnumerateArray().Select(Hex).ToList(), Hex(input.GetProperty("signature"))), output);

    private static string? Pop(JsonElement input, JsonElement output)
    {
        var pk = Hex(input.GetProperty("pubkey"));
        var proof = Hex(input.GetProperty("proof"));
        if (input.TryGetProperty("privkey", out var skHex))
        {
            // The proof must also be what we would produce.
            var sk = Hex(skHex);
            var mine = Scheme.PopProve(sk);
            if (output.GetBoolean() && (!mine.IsOk || ToHex(mine.Value) != ToHex(proof))) return "PopProve differs from the vector's proof";
            var myPk = Scheme.SkToPk(sk);
            if (!myPk.IsOk || ToHex(myPk.Value) != ToHex(pk)) return "SkToPk differs from the vector's pubkey";
        }
        return Expect(Scheme.PopVerify(pk, proof), output);
    }

    private static string? HashToG2(JsonElement input, JsonElement output)
    {
        var msg = Hex(input.GetProperty("message"));
        var dst = Encoding.UTF8.GetBytes(input.GetProperty("dst").GetString()!);
        var p = Curve<Fp2>.ToAffine(HashToCurve.HashToG2(msg, dst));
        string H(Fp f) => "0x" + Convert.ToHexStringLower(Bytes(f));
        static byte[] Bytes(Fp f) { var b = new byte[48]; f.WriteBytes(b); return b; }
        foreach (var (field, value) in new[] { ("x_c0", p.X.C0), ("x_c1", p.X.C1), ("y_c0", p.Y.C0), ("y_c1", p.Y.C1) })
            if (output.TryGetProperty(field, out var e) && H(value) != e.GetString()!.ToLowerInvariant())
                return $"{field}: expected {e.GetString()}, got {H(value)}";
        if (output.TryGetProperty("compressed", out var comp))
        {
            var b = new byte[96];
            Serialization.CompressG2(p, b);
            if (!SameHex(b, comp)) return $"compressed: expected {comp.GetString()}, got {ToHex(b)}";
        }
        return null;
    }

    private static string? DeserializeG1(JsonElement input, JsonElement output)
    {
        var err = Serialization.DecompressG1(Hex(input), out _);
        return output.GetBoolean() == (err == BlsError.None) ? null : $"expected {(output.GetBoolean() ? "accept" : "refuse")}, got {err}";
    }

    private static string? DeserializeG2(JsonElement input, JsonElement output)
    {
        var err = Serialization.DecompressG2(Hex(input), out _);
        return output.GetBoolean() == (err == BlsError.None) ? null : $"expected {(output.GetBoolean() ? "accept" : "refuse")}, got {err}";
    }

    private static BigInteger Uint(JsonElement e)
    {
        var s = e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString()!;
        return s.StartsWith("0x")
            ? BigInteger.Parse("0" + s[2..], NumberStyles.HexNumber)
            : BigInteger.Parse(s, CultureInfo.InvariantCulture);
    }

    private static string? BatchSignature(JsonElement input, JsonElement output)
    {
        // The signing root and quorum are the Rollup's own (L1.Rollup.BatchSigning), not a copy for the vectors.
        var newSet = input.GetProperty("newSequencerSet").EnumerateArray().Select(e => Morph.Protocol.Primitives.Address.Parse(e.GetString()!.ToLowerInvariant())).ToList();
        var setChange = BatchSigning.SetChangeHash(newSet).ToArray();
        if (!SameHex(setChange, output.GetProperty("setChangeHash"))) return $"setChangeHash: got {ToHex(setChange)}";
        var root = BatchSigning.SigningRoot(Morph.Protocol.Primitives.UInt256.FromBigInteger(Uint(input.GetProperty("l1ChainId"))),
            Morph.Protocol.Primitives.Address.FromBytes(Hex(input.GetProperty("rollup"))),
            Morph.Protocol.Primitives.UInt256.FromBigInteger(Uint(input.GetProperty("batchIndex"))),
            Morph.Protocol.Primitives.Bytes32.FromBytes(Hex(input.GetProperty("batchHash"))),
            Morph.Protocol.Primitives.Bytes32.FromBytes(setChange)).ToArray();
        if (!SameHex(root, output.GetProperty("signingRoot"))) return $"signingRoot: got {ToHex(root)}";

        var members = input.GetProperty("latestSequencerSet").EnumerateArray().ToList();
        var bitmap = Uint(input.GetProperty("signersBitmap"));
        if (bitmap >> members.Count != 0) return "bitmap names bits beyond the set";
        var signers = Enumerable.Range(0, members.Count).Where(i => !(bitmap >> i).IsEven).ToList();

        var keys = new List<BlsPublicKey>();
        var sigs = new List<byte[]>();
        foreach (var i in signers)
        {
            var m = members[i];
            var pk = BlsPublicKey.Parse(Hex(m.GetProperty("blsPublicKey")));
            if (!pk.IsOk) return $"member {i} public key refused: {pk.Error}";
            var sk = Hex(m.GetProperty("privkey"));
            var derived = Scheme.SkToPk(sk);
            if (!derived.IsOk || ToHex(derived.Value) != pk.Value.ToString()) return $"member {i}: privkey does not match blsPublicKey";
            keys.Add(pk.Value);
            var s = Scheme.Sign(sk, root);
            if (!s.IsOk) return $"member {i}: sign refused: {s.Error}";
            sigs.Add(s.Value);
        }
        var agg = Scheme.Aggregate(sigs);
        if (!agg.IsOk) return $"aggregate refused: {agg.Error}";
        if (!SameHex(agg.Value, output.GetProperty("aggregateSignature"))) return $"aggregateSignature: got {ToHex(agg.Value)}";

        var sig = BlsSignature.Parse(agg.Value).Value;
        if (!Scheme.FastAggregateVerify(keys.ToArray(), root, sig)) return "FastAggregateVerify refused the aggregate";
        var aggPk = BlsPublicKey.Aggregate(keys.ToArray());
        if (!aggPk.IsOk || !Scheme.Verify(aggPk.Value, root, sig)) return "Verify with the aggregated key refused";

        bool quorum = BatchSigning.QuorumMet(signers.Count, members.Count, ProtocolParameters.Devnet.SignatureQuorum);
        return quorum == output.GetProperty("quorumMet").GetBoolean() ? null : $"quorumMet: expected {output.GetProperty("quorumMet")}, got {quorum}";
    }
}
