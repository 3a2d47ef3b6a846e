using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Sdk;

/// <summary>One comparable text for a typed service result and for the JSON deployment.json records it as:
/// hex in lower case, integers in decimal, lists in [], tuples in ().</summary>
internal static class Render
{
    public static string Of(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => s.ToLowerInvariant(),
        ITuple t => "(" + string.Join(",", Enumerable.Range(0, t.Length).Select(i => Of(t[i]))) + ")",
        // A generated {Member}Result record: its properties in declaration order, like a tuple.
        _ when value.GetType().Name.EndsWith("Result", StringComparison.Ordinal) && value.GetType().DeclaringType?.Name.EndsWith("Contract", StringComparison.Ordinal) == true =>
            "(" + string.Join(",", value.GetType().GetProperties().Where(p => p.Name != "EqualityContract").Select(p => Of(p.GetValue(value)))) + ")",
        ByteString bs => bs.ToString().ToLowerInvariant(),
        AbiValue v => v.ToString().ToLowerInvariant(),
        IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(Of)) + "]",
        _ => value.ToString()!.ToLowerInvariant(),
    };

    public static string Of(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => e.GetString()!.ToLowerInvariant(),
        JsonValueKind.Number => e.GetRawText(),
        JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(Of)) + "]",
        JsonValueKind.Object => "(" + string.Join(",", e.EnumerateObject().Select(p => Of(p.Value))) + ")",
        _ => "null",
    };
}
