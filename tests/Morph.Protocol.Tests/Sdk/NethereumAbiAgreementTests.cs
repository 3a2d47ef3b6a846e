using System.Collections;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Util;

namespace Morph.Protocol.Tests.Sdk;

/// <summary>One codec: ours builds and reads the bytes. Nethereum.ABI, an independent implementation, must agree
/// with it on every vector of ../shared/vectors/abi: it decodes the expected bytes to the values we decode, and
/// re-encodes them to the bytes we encode; it hashes as our Keccak does.</summary>
[TestClass]
public sealed class NethereumAbiAgreementTests
{
    private static string VectorFile(string name) => Path.Combine(TestPaths.Vectors, "abi", name);

    private static JsonObject Json(AbiType t, string name) => t switch
    {
        AbiTuple tuple => new JsonObject { ["name"] = name, ["type"] = "tuple", ["components"] = Components(tuple.Components) },
        AbiArray { Element: var e } a when Innermost(e) is AbiTuple inner =>
            new JsonObject { ["name"] = name, ["type"] = "tuple" + a.Canonical[Innermost(e).Canonical.Length..], ["components"] = Components(inner.Components) },
        _ => new JsonObject { ["name"] = name, ["type"] = t.Canonical },
    };

    private static AbiType Innermost(AbiType t) => t is AbiArray a ? Innermost(a.Element) : t;

    private static JsonArray Components(IEnumerable<AbiType> types) => new(types.Select((t, i) => (JsonNode)Json(t, "c" + i)).ToArray());

    /// <summary>Nethereum's parameters for our types, through its own JSON ABI reader (tuples get their components).</summary>
    private static Parameter[] Parameters(IReadOnlyList<AbiType> types)
    {
        var abi = new JsonArray(new JsonObject { ["type"] = "function", ["name"] = "f", ["stateMutability"] = "nonpayable", ["inputs"] = Components(types), ["outputs"] = new JsonArray() });
        return new ABIJsonDeserialiser().DeserialiseContract(abi.ToJsonString()).Functions[0].InputParameters;
    }

    /// <summary>A Nethereum decoded value and our AbiValue as one comparable text.</summary>
    private static string Text(object? v) => v switch
    {
        null => "null",
        BigInteger b => b.ToString(),
        bool b => b ? "true" : "false",
        byte[] bytes => Hex.ToHex(bytes),
        string s when s.StartsWith("0x") && s.Length == 42 => s.ToLowerInvariant(),
        string s => JsonSerializer.Serialize(s),
        List<ParameterOutput> tuple => "(" + string.Join(",", tuple.Select(p => Text(p.Result))) + ")",
        IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(Text)) + "]",
        _ => v.ToString()!,
    };

    private static string Text(AbiValue v) => v switch
    {
        AbiValue.UInt u => u.Value.ToString(),
        AbiValue.Int i => i.Value.ToString(),
        AbiValue.Bool b => b.Value ? "true" : "false",
        AbiValue.Addr a => a.Value.ToString().ToLowerInvariant(),
        AbiValue.Bytes b => b.Value.ToString(),
        AbiValue.Str s => JsonSerializer.Serialize(s.Value),
        AbiValue.Array a => "[" + string.Join(",", a.Items.Select(Text)) + "]",
        AbiValue.Tuple t => "(" + string.Join(",", t.Items.Select(Text)) + ")",
        _ => v.ToString(),
    };

    /// <summary>Nethereum's decoded tuples (lists of ParameterOutput) as the object[] its tuple encoder takes.</summary>
    private static object? Plain(object? v) => v switch
    {
        List<ParameterOutput> tuple => tuple.Select(p => Plain(p.Result)).ToArray(),
        IList list when v is not byte[] && v is not string => list.Cast<object?>().Select(Plain).ToList(),
        _ => v,
    };

    /// <summary>Nethereum decodes <paramref name="encoded"/>; its values must be ours, and its re-encoding our bytes.</summary>
    private static string? Agree(IReadOnlyList<AbiType> types, byte[] encoded, IReadOnlyList<AbiValue> ours)
    {
        var parameters = Parameters(types);
        var decoded = new ParameterDecoder().DecodeDefaultData(encoded, parameters);
        var theirs = decoded.Select(o => Text(o.Result)).ToArray();
        var mine = ours.Select(Text).ToArray();
        if (!theirs.SequenceEqual(mine)) return $"decoded [{string.Join(", ", theirs)}] != ours [{string.Join(", ", mine)}]";
        var reencoded = new ParametersEncoder().EncodeParameters(parameters, decoded.Select(o => Plain(o.Result)).ToArray());
        var ourBytes = AbiCodec.Encode(types, ours);
        if (!reencoded.AsSpan().SequenceEqual(ourBytes)) return $"re-encoded {Hex.ToHex(reencoded)} != ours {Hex.ToHex(ourBytes)}";
        return null;
    }

    [TestMethod]
    public void Codec_vectors_agree()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(VectorFile("codec.json")));
        var failures = new List<string>();
        var count = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var types = AbiType.ParseList(c.GetProperty("types").GetString()!);
            var encoded = Hex.Parse(c.GetProperty("encoded").GetString()!);
            var ours = AbiCodec.Decode(types, encoded);
            if (!ours.IsOk) { failures.Add($"{c.GetProperty("name")}: ours failed: {ours.Error}"); continue; }
            try { if (Agree(types, encoded, ours.Values) is { } f) failures.Add($"{c.GetProperty("name")} ({c.GetProperty("types")}): {f}"); }
            catch (Exception e) { failures.Add($"{c.GetProperty("name")} ({c.GetProperty("types")}): Nethereum threw {e.GetType().Name}: {e.Message}"); }
            count++;
        }
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        Assert.AreEqual(100, count);
    }

    [TestMethod]
    public void Keccak_vectors_agree()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(VectorFile("keccak256.json")));
        var cases = doc.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.AreEqual(8, cases.Count);
        foreach (var c in cases)
        {
            var input = Hex.Parse(c.GetProperty("input").GetString()!);
            var theirs = Hex.ToHex(Sha3Keccack.Current.CalculateHash(input));
            Assert.AreEqual(c.GetProperty("output").GetString(), theirs);
            Assert.AreEqual(theirs, Keccak256.Hash(input).ToString());
        }
    }

    [TestMethod]
    public void Morph_deployed_vectors_agree()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(VectorFile("morph-deployed.json")));
        var failures = new List<string>();
        int functions = 0, events = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var contract = ContractCatalog.Contracts.Single(x => x.Name == c.GetProperty("contract").GetString());
            var signature = c.GetProperty("signature").GetString()!;
            var name = $"{contract.Name}.{signature}";
            var keccak = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(signature));
            if (c.GetProperty("kind").GetString() == "function")
            {
                var f = contract.Functions.Single(x => x.Signature == signature);
                if (!f.Selector.SequenceEqual(keccak.AsSpan(0, 4))) failures.Add($"{name}: selector");
                var calldata = Hex.Parse(c.GetProperty("calldata").GetString()!);
                var ours = f.Decode(calldata);
                if (!ours.IsOk) { failures.Add($"{name}: ours failed {ours.Error}"); continue; }
                if (Agree(f.ParameterTypes, calldata[4..], ours.Value!.ToValues()) is { } fail) failures.Add($"{name}: {fail}");
                functions++;
            }
            else
            {
                var e = contract.Events.Single(x => x.Signature == signature);
                if (!e.Topic0.ToArray().AsSpan().SequenceEqual(keccak)) failures.Add($"{name}: topic0");
                // The data part: the non-indexed parameters, abi-encoded.
                var data = ByteString.ParseHex(c.GetProperty("data").GetString()!).ToArray();
                var plain = e.Parameters.Where(p => !p.Indexed).Select(p => p.Type).ToArray();
                var ours = AbiCodec.Decode(plain, data);
                if (!ours.IsOk) { failures.Add($"{name}: ours failed {ours.Error}"); continue; }
                if (plain.Length > 0 && Agree(plain, data, ours.Values) is { } fail) failures.Add($"{name}: {fail}");
                events++;
            }
        }
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        Assert.AreEqual(388, functions + events);
    }
}
