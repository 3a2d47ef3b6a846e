using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Abi;

/// <summary>
/// The JSON value form of the shared vectors (viem's): integers as "0x.." hex strings (negatives "-0x.."; decimal
/// strings and JSON numbers are also read), addresses as strings (EIP-55 written), bools as true/false, bytes and
/// bytesN as "0x.." hex, strings as JSON strings, arrays and tuples as JSON arrays.
/// </summary>
public static class AbiJson
{
    /// <exception cref="FormatException">the JSON does not hold a value of <paramref name="type"/>.</exception>
    public static AbiValue FromJson(AbiType type, JsonElement e)
    {
        switch (type)
        {
            case AbiUInt:
                return new AbiValue.UInt(ReadUInt(type, e));
            case AbiInt:
                return new AbiValue.Int(ReadInt(type, e));
            case AbiAddress:
                return new AbiValue.Addr(Address.TryParse(ExpectString(type, e), out var a) ? a : throw Bad(type, e));
            case AbiBool:
                return e.ValueKind switch
                {
                    JsonValueKind.True => new AbiValue.Bool(true),
                    JsonValueKind.False => new AbiValue.Bool(false),
                    _ => throw Bad(type, e),
                };
            case AbiFixedBytes or AbiBytes:
                return new AbiValue.Bytes(ByteString.TryParseHex(ExpectString(type, e), out var b) ? b : throw Bad(type, e));
            case AbiString:
                return new AbiValue.Str(ExpectString(type, e));
            case AbiArray arr:
                if (e.ValueKind != JsonValueKind.Array) throw Bad(type, e);
                return new AbiValue.Array(new ValueArray<AbiValue>(e.EnumerateArray().Select(x => FromJson(arr.Element, x))));
            case AbiTuple t:
                if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != t.Components.Count) throw Bad(type, e);
                return new AbiValue.Tuple(new ValueArray<AbiValue>(e.EnumerateArray().Select((x, i) => FromJson(t.Components[i], x))));
            default:
                throw Bad(type, e);
        }
    }

    /// <summary>Reads a JSON array of values for a parameter list.</summary>
    public static IReadOnlyList<AbiValue> FromJson(IReadOnlyList<AbiType> types, JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != types.Count)
            throw new FormatException($"expected a JSON array of {types.Count} values, got {array}");
        return array.EnumerateArray().Select((x, i) => FromJson(types[i], x)).ToList();
    }

    public static JsonNode ToJson(AbiType type, AbiValue value) => value switch
    {
        AbiValue.UInt u => JsonValue.Create(u.Value.ToHexString()),
        AbiValue.Int i => JsonValue.Create(i.Value.Sign < 0 ? "-" + UInt256.FromBigInteger(-i.Value).ToHexString() : UInt256.FromBigInteger(i.Value).ToHexString()),
        AbiValue.Bool b => JsonValue.Create(b.Value),
        AbiValue.Addr a => JsonValue.Create(a.Value.ToString()),
        AbiValue.Bytes b => JsonValue.Create(b.Value.ToString()),
        AbiValue.Str s => JsonValue.Create(s.Value),
        AbiValue.IndexedHash h => JsonValue.Create(h.Hash.ToString()),
        AbiValue.Array a when type is AbiArray at => new JsonArray(a.Items.Select(x => (JsonNode?)ToJson(at.Element, x)).ToArray()),
        AbiValue.Tuple t when type is AbiTuple tt && tt.Components.Count == t.Items.Count =>
            new JsonArray(t.Items.Select((x, n) => (JsonNode?)ToJson(tt.Components[n], x)).ToArray()),
        _ => throw new ArgumentException($"{value} is not a value of {type.Canonical}"),
    };

    public static JsonArray ToJson(IReadOnlyList<AbiType> types, IReadOnlyList<AbiValue> values) =>
        new(values.Select((v, i) => (JsonNode?)ToJson(types[i], v)).ToArray());

    private static UInt256 ReadUInt(AbiType type, JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out ulong n)) return n;
        return UInt256.TryParse(ExpectString(type, e), out var v) ? v : throw Bad(type, e);
    }

    private static BigInteger ReadInt(AbiType type, JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long n)) return n;
        string s = ExpectString(type, e);
        bool negative = s.StartsWith('-');
        if (!UInt256.TryParse(negative ? s[1..] : s, out var magnitude)) throw Bad(type, e);
        var v = magnitude.ToBigInteger();
        return negative ? -v : v;
    }

    private static string ExpectString(AbiType type, JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Bad(type, e);

    private static FormatException Bad(AbiType type, JsonElement e) =>
        new($"JSON {e.GetRawText()} is not a {type.Canonical} value");
}
