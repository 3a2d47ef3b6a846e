using System.Text.Json;
using System.Text.Json.Nodes;
using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Benchmarks.Abi;

/// <summary>100,000 logs of Morph's events: every event case of ../shared/vectors/abi/morph-deployed.json (Morph's
/// deployed staking contracts), cycled. The same corpus, with the events' JSON ABI, is written for viem.</summary>
public static class LogCorpus
{
    public const int Count = 100_000;

    public static string VectorsDirectory()
    {
        if (Environment.GetEnvironmentVariable("MORPH_VECTORS") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(candidate)) return candidate;
        }
        return "/work/shared/vectors";
    }

    /// <summary>The distinct logs (address, topics, data) of the vector file's event cases.</summary>
    public static IReadOnlyList<ChainLog> Distinct()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorsDirectory(), "abi", "morph-deployed.json")));
        var address = Address.Parse("0x5300000000000000000000000000000000000015");
        return doc.RootElement.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "event")
            .Select((c, i) => new ChainLog(address,
                new AbiLog(new ValueArray<Bytes32>(c.GetProperty("topics").EnumerateArray().Select(t => Bytes32.Parse(t.GetString()!))),
                    ByteString.ParseHex(c.GetProperty("data").GetString()!)), (ulong)i, Bytes32.Zero, 0))
            .ToList();
    }

    public static ChainLog[] Build()
    {
        var distinct = Distinct();
        return Enumerable.Range(0, Count).Select(i => distinct[i % distinct.Count]).ToArray();
    }

    /// <summary>{ abi: every event of the spec's contracts as JSON ABI, logs: the distinct logs, count }.</summary>
    public static string ToJson()
    {
        var abi = new JsonArray();
        foreach (var e in ContractCatalog.Contracts.SelectMany(c => c.Events).Where(e => !e.IsExtension).DistinctBy(e => (e.Signature, string.Join(",", e.Parameters.Select(p => p.Indexed)))))
            abi.Add(new JsonObject
            {
                ["type"] = "event", ["name"] = e.Name, ["anonymous"] = false,
                ["inputs"] = new JsonArray(e.Parameters.Select(p => (JsonNode)Input(p.Name, p.Type, p.Indexed)).ToArray()),
            });
        var logs = new JsonArray(Distinct().Select(l => (JsonNode)new JsonObject
        {
            ["topics"] = new JsonArray(l.Log.Topics.Select(t => (JsonNode)JsonValue.Create(t.ToString())!).ToArray()),
            ["data"] = l.Log.Data.ToString(),
        }).ToArray());
        return new JsonObject { ["abi"] = abi, ["logs"] = logs, ["count"] = Count }.ToJsonString();
    }

    private static JsonObject Input(string name, AbiType t, bool? indexed)
    {
        var inner = t;
        var suffix = "";
        while (inner is AbiArray a) { suffix = a.Canonical[a.Element.Canonical.Length..] + suffix; inner = a.Element; }
        var o = new JsonObject { ["name"] = name, ["type"] = inner is AbiTuple ? "tuple" + suffix : t.Canonical };
        if (inner is AbiTuple tuple) o["components"] = new JsonArray(tuple.Components.Select((c, i) => (JsonNode)Input("c" + i, c, null)).ToArray());
        if (indexed is { } ix) o["indexed"] = ix;
        return o;
    }
}
