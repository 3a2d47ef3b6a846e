using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Morph.Protocol.Primitives;
using Morph.Protocol.Vectors;

namespace Morph.Protocol.Abi.Vectors;

/// <summary>
/// Runs the shared ABI vector files. Each case is dispatched on its shape: a case with "types" is a codec case
/// (encode must equal "encoded", decode must equal "values", and the decoded values written back as JSON must
/// equal "values"); a case with "input" and "output" is a Keccak-256 case. Other shapes are handled by a hook
/// registered with <see cref="RegisterCaseHandler"/> under a property name that identifies them (e.g. "contract"
/// for morph-deployed.json); a case no handler recognises counts as failed.
/// </summary>
public static class AbiVectorRunner
{
    private static readonly ConcurrentDictionary<string, Func<JsonElement, string?>> Handlers = new();

    /// <summary>
    /// Registers a handler for cases that have the property <paramref name="discriminatingProperty"/>; it returns
    /// null when the case passes, or a failure message. Built-in shapes ("types", "input"/"output") take precedence.
    /// </summary>
    public static void RegisterCaseHandler(string discriminatingProperty, Func<JsonElement, string?> handler) =>
        Handlers[discriminatingProperty] = handler;

    public static VectorFileResult RunFile(string path)
    {
        var failures = new List<string>();
        int passed = 0;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!doc.RootElement.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
            return new VectorFileResult(path, 0, 1, ["file has no \"cases\" array"]);
        int index = 0;
        foreach (var c in cases.EnumerateArray())
        {
            string name = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()! : $"cases[{index}]";
            string? failure;
            try { failure = RunCase(c); }
            catch (Exception e) { failure = $"threw {e.GetType().Name}: {e.Message}"; }
            if (failure is null) passed++;
            else failures.Add($"{name}: {failure}");
            index++;
        }
        return new VectorFileResult(path, passed, failures.Count, failures);
    }

    private static string? RunCase(JsonElement c)
    {
        if (c.ValueKind != JsonValueKind.Object) return "case is not a JSON object";
        if (c.TryGetProperty("types", out _)) return RunCodecCase(c);
        if (c.TryGetProperty("input", out _) && c.TryGetProperty("output", out _)) return RunKeccakCase(c);
        foreach (var (property, handler) in Handlers)
            if (c.TryGetProperty(property, out _)) return handler(c);
        return "unknown case shape (no \"types\", no \"input\"/\"output\", no registered handler)";
    }

    private static string? RunCodecCase(JsonElement c)
    {
        var types = AbiType.ParseList(c.GetProperty("types").GetString()!);
        var values = AbiJson.FromJson(types, c.GetProperty("values"));
        var expected = Hex.Parse(c.GetProperty("encoded").GetString()!);

        var encoded = AbiCodec.Encode(types, values);
        if (!encoded.AsSpan().SequenceEqual(expected)) return $"encode gave {Hex.ToHex(encoded)}";

        var decoded = AbiCodec.Decode(types, expected);
        if (!decoded.IsOk) return $"decode failed: {decoded.Error}";
        if (!decoded.Values.SequenceEqual(values)) return $"decode gave {string.Join(", ", decoded.Values)}";

        var json = AbiJson.ToJson(types, decoded.Values);
        if (!JsonNode.DeepEquals(json, JsonNode.Parse(c.GetProperty("values").GetRawText())))
            return $"decoded values written as JSON differ: {json.ToJsonString()}";
        return null;
    }

    private static string? RunKeccakCase(JsonElement c)
    {
        var input = Hex.Parse(c.GetProperty("input").GetString()!);
        var expected = Bytes32.Parse(c.GetProperty("output").GetString()!);
        var actual = Keccak256.Hash(input);
        return actual == expected ? null : $"keccak256 gave {actual}";
    }
}
