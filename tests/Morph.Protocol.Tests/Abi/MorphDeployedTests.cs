using System.Text.Json;
using System.Text.RegularExpressions;
using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Abi;

/// <summary>
/// The codec against every function and event of the deployed Morph contracts (viem-made vectors). Indexed flags
/// are not in the JSON, so they come from the declarations in reference/morph-deployed-abi.md.
/// </summary>
[TestClass]
public sealed partial class MorphDeployedTests
{
    private static string VectorFile => Path.Combine(TestPaths.Vectors, "abi", "morph-deployed.json");
    private static string AbiDoc => Path.Combine(TestPaths.Vectors, "..", "reference", "morph-deployed-abi.md");

    private static IEnumerable<JsonElement> Cases(string kind)
    {
        var doc = JsonDocument.Parse(File.ReadAllBytes(VectorFile));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == kind).ToList();
    }

    private static (string Name, IReadOnlyList<AbiType> Types) SplitSignature(string signature)
    {
        int open = signature.IndexOf('(');
        return (signature[..open], AbiType.ParseList(signature[(open + 1)..^1]));
    }

    [TestMethod]
    public void Every_function_call_encodes_and_decodes()
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var c in Cases("function"))
        {
            count++;
            string sig = c.GetProperty("signature").GetString()!;
            try
            {
                var (_, types) = SplitSignature(sig);
                var selector = AbiSignature.Selector(sig);
                Assert.AreEqual(c.GetProperty("selector").GetString(), Hex.ToHex(selector));
                var values = AbiJson.FromJson(types, c.GetProperty("args"));
                var expected = Hex.Parse(c.GetProperty("calldata").GetString()!);
                var calldata = AbiCodec.EncodeCall(selector, types, values);
                if (!calldata.AsSpan().SequenceEqual(expected)) { failures.Add($"{sig}: calldata {Hex.ToHex(calldata)}"); continue; }
                var decoded = AbiCodec.DecodeCall(selector, types, expected);
                if (!decoded.IsOk || !decoded.Values.SequenceEqual(values)) failures.Add($"{sig}: decode {decoded}");
            }
            catch (Exception e) { failures.Add($"{sig}: {e.Message}"); }
        }
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        Assert.IsTrue(count > 250, $"only {count} function cases");
    }

    [TestMethod]
    public void Every_event_log_encodes_and_decodes()
    {
        var declarations = ReadEventDeclarations();
        var failures = new List<string>();
        int count = 0;
        foreach (var c in Cases("event"))
        {
            count++;
            string sig = c.GetProperty("signature").GetString()!;
            try
            {
                var ps = declarations[sig];
                var types = ps.Select(p => p.Type).ToList();
                var values = AbiJson.FromJson(types, c.GetProperty("args"));
                var topic0 = Bytes32.Parse(c.GetProperty("topic0").GetString()!);
                Assert.AreEqual(topic0, AbiSignature.Topic0(sig));
                var log = AbiEvents.Encode(topic0, ps, values);
                var expectedTopics = c.GetProperty("topics").EnumerateArray().Select(t => Bytes32.Parse(t.GetString()!)).ToArray();
                var expected = new AbiLog(new ValueArray<Bytes32>(expectedTopics), ByteString.ParseHex(c.GetProperty("data").GetString()!));
                if (log != expected) { failures.Add($"{sig}: encoded {string.Join(",", log.Topics)} / {log.Data}"); continue; }
                var decoded = AbiEvents.Decode(topic0, ps, expected);
                if (!decoded.IsOk) { failures.Add($"{sig}: {decoded.Error}"); continue; }
                for (int i = 0; i < ps.Count; i++)
                {
                    bool hashed = ps[i].Indexed && ps[i].Type.IsDynamic;
                    if (hashed ? decoded.Values[i] is not AbiValue.IndexedHash : decoded.Values[i] != values[i])
                        failures.Add($"{sig}: parameter {i} decoded as {decoded.Values[i]}");
                }
            }
            catch (Exception e) { failures.Add($"{sig}: {e.GetType().Name} {e.Message}"); }
        }
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        Assert.IsTrue(count > 80, $"only {count} event cases");
    }

    /// <summary>Canonical signature → parameters, from rows like "| `0x..` | `Sig(..)` | `Sig(type indexed name, ..)` |".</summary>
    private static Dictionary<string, IReadOnlyList<AbiEventParameter>> ReadEventDeclarations()
    {
        var result = new Dictionary<string, IReadOnlyList<AbiEventParameter>>();
        foreach (var line in File.ReadLines(AbiDoc))
        {
            var m = EventRow().Match(line);
            if (!m.Success) continue;
            string inner = m.Groups["params"].Value;
            var ps = inner.Length == 0 ? [] : inner.Split(", ").Select(p =>
            {
                var parts = p.Split(' ');
                bool indexed = parts.Length == 3 && parts[1] == "indexed";
                return new AbiEventParameter(parts[^1], AbiType.Parse(parts[0]), indexed);
            }).ToList();
            result[m.Groups["sig"].Value] = ps;
        }
        return result;
    }

    [GeneratedRegex(@"^\| `0x[0-9a-f]{64}` \| `(?<sig>[^`]+)` \| `\w+\((?<params>[^`]*)\)` \|")]
    private static partial Regex EventRow();
}
