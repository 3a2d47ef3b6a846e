using System.Text.Json;
using Morph.Protocol.Abi;

namespace Morph.Protocol.Cli.Commands.Chain;

/// <summary>ABI values to and from the command line's text.</summary>
internal static class AbiText
{
    /// <summary>An argument as a JSON value, else as a bare string (addresses, hex, names need no quotes). One that is
    /// not of its type is a usage error.</summary>
    public static AbiValue Parse(AbiType type, string text, string parameter)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException) { doc = JsonDocument.Parse(JsonSerializer.Serialize(text)); }
        try
        {
            using (doc) return AbiJson.FromJson(type, doc.RootElement);
        }
        catch (FormatException e) { throw new ChainCommand.UsageException($"argument {parameter} ({type.Canonical}): {e.Message.Split('\n')[0]}"); }
    }

    public static string Short(string hex) => hex.Length > 20 ? hex[..10] + "…" + hex[^6..] : hex;

    /// <summary>A value as text: integers in decimal, addresses checksummed, bytes as hex (shortened in tables).</summary>
    public static string Show(AbiValue v, bool full) => v switch
    {
        AbiValue.UInt u => u.Value.ToString(),
        AbiValue.Int i => i.Value.ToString(),
        AbiValue.Bool b => b.Value ? "true" : "false",
        AbiValue.Addr a => a.Value.ToString(),
        AbiValue.Bytes b => full ? b.Value.ToString() : Short(b.Value.ToString()),
        AbiValue.Str s => JsonSerializer.Serialize(s.Value),
        AbiValue.Array a => "[" + string.Join(", ", a.Items.Select(x => Show(x, full))) + "]",
        AbiValue.Tuple t => "(" + string.Join(", ", t.Items.Select(x => Show(x, full))) + ")",
        AbiValue.IndexedHash h => "hash " + h.Hash,
        _ => v.ToString(),
    };
}
