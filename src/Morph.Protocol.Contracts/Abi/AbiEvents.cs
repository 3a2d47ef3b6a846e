using Morph.Protocol.Primitives;

namespace Morph.Protocol.Abi;

/// <summary>
/// Event logs per the Solidity ABI spec ("Events" and "Encoding of Indexed Event Parameters"): value types
/// (uintN, intN, address, bool, bytesN) that are indexed sit in a topic as their 32-byte word; every other indexed
/// type is hashed, even a static array or struct: string/bytes as keccak256 of the raw content, arrays and
/// structs as keccak256 of their in-place encoding (elements each padded to 32 bytes, no offsets or lengths).
/// Non-indexed parameters are abi.encode'd together into the data.
/// </summary>
public static class AbiEvents
{
    public static AbiLog Encode(string canonicalSignature, IReadOnlyList<AbiEventParameter> ps, IReadOnlyList<AbiValue> values, bool anonymous = false) =>
        Encode(AbiSignature.Topic0(canonicalSignature), ps, values, anonymous);

    /// <exception cref="AbiEncodeException">a value does not fit its type, or there are too many indexed parameters.</exception>
    public static AbiLog Encode(Bytes32 topic0, IReadOnlyList<AbiEventParameter> ps, IReadOnlyList<AbiValue> values, bool anonymous = false)
    {
        ArgumentNullException.ThrowIfNull(ps);
        ArgumentNullException.ThrowIfNull(values);
        if (ps.Count != values.Count) throw new AbiEncodeException("values", $"expected {ps.Count} values, got {values.Count}");
        // Validate everything first so a failure's path uses the parameter's own index.
        for (int i = 0; i < ps.Count; i++)
        {
            // An indexed dynamic parameter may be given as its topic hash: a decoded log re-encodes unchanged.
            if (ps[i].Indexed && !IsValueType(ps[i].Type) && values[i] is AbiValue.IndexedHash) continue;
            if (AbiEncoder.Check(ps[i].Type, values[i]) is { } f) throw new AbiEncodeException($"values[{i}]" + f.Path, f.Rule);
        }
        var topics = new List<Bytes32>();
        if (!anonymous) topics.Add(topic0);
        var dataTypes = new List<AbiType>();
        var dataValues = new List<AbiValue>();
        Span<byte> word = stackalloc byte[32];
        for (int i = 0; i < ps.Count; i++)
        {
            var p = ps[i];
            if (!p.Indexed)
            {
                dataTypes.Add(p.Type);
                dataValues.Add(values[i]);
                continue;
            }
            if (IsValueType(p.Type))
            {
                AbiEncoder.Write(p.Type, values[i], word);
                topics.Add(Bytes32.FromBytes(word));
            }
            else if (values[i] is AbiValue.IndexedHash given)
            {
                topics.Add(given.Hash);
            }
            else
            {
                topics.Add(Keccak256.Hash(EncodeForTopic(p.Type, values[i], topLevel: true)));
            }
        }
        if (topics.Count > 4) throw new AbiEncodeException("values", $"an event has at most {(anonymous ? 4 : 3)} indexed parameters");
        byte[] data = AbiCodec.Encode(dataTypes, dataValues);
        return new AbiLog(new ValueArray<Bytes32>(topics), ByteString.WrapOwned(data));
    }

    /// <summary>Decodes a non-anonymous event log; never throws on log content.</summary>
    public static AbiEventDecodeResult Decode(Bytes32 topic0, IReadOnlyList<AbiEventParameter> ps, AbiLog log) => DecodeCore(topic0, ps, log, anonymous: false);

    /// <summary>Decodes an anonymous event log (no topic0); never throws on log content.</summary>
    public static AbiEventDecodeResult DecodeAnonymous(IReadOnlyList<AbiEventParameter> ps, AbiLog log) => DecodeCore(default, ps, log, anonymous: true);

    private static AbiEventDecodeResult DecodeCore(Bytes32 topic0, IReadOnlyList<AbiEventParameter> ps, AbiLog log, bool anonymous)
    {
        ArgumentNullException.ThrowIfNull(ps);
        ArgumentNullException.ThrowIfNull(log);
        var topics = log.Topics;
        int first = anonymous ? 0 : 1;
        if (!anonymous)
        {
            if (topics.Count == 0)
                return AbiEventDecodeResult.Fail(new AbiError(0, "bytes32", AbiErrorKind.TopicCountMismatch, "at topic 0: expected topic0, the log has no topics"));
            if (topics[0] != topic0)
                return AbiEventDecodeResult.Fail(new AbiError(0, "bytes32", AbiErrorKind.Topic0Mismatch, $"at topic 0: expected topic0 {topic0}, got {topics[0]}"));
        }
        int indexed = ps.Count(p => p.Indexed);
        if (topics.Count != first + indexed)
            return AbiEventDecodeResult.Fail(new AbiError(0, "bytes32", AbiErrorKind.TopicCountMismatch,
                $"at topic 0: expected {first + indexed} topics, got {topics.Count}"));

        var dataTypes = ps.Where(p => !p.Indexed).Select(p => p.Type).ToList();
        var data = AbiDecoder.Decode(dataTypes, log.Data.Span);
        if (!data.IsOk) return AbiEventDecodeResult.Fail(data.Error!);

        var values = new AbiValue[ps.Count];
        int topic = first, dataIndex = 0;
        Span<byte> word = stackalloc byte[32];
        for (int i = 0; i < ps.Count; i++)
        {
            var p = ps[i];
            if (!p.Indexed) { values[i] = data.Values[dataIndex++]; continue; }
            var t = topics[topic];
            if (IsValueType(p.Type))
            {
                t.WriteTo(word);
                var r = AbiDecoder.Decode([p.Type], word);
                if (!r.IsOk)
                {
                    var e = r.Error!;
                    return AbiEventDecodeResult.Fail(e with { Offset = topic, Message = $"at topic {topic}: expected {e.ExpectedType}, {e.Kind}" });
                }
                values[i] = r.Values[0];
            }
            else
            {
                values[i] = new AbiValue.IndexedHash(t);
            }
            topic++;
        }
        return AbiEventDecodeResult.Ok(values);
    }

    private static bool IsValueType(AbiType t) => t is AbiUInt or AbiInt or AbiAddress or AbiBool or AbiFixedBytes;

    /// <summary>
    /// The "encoded for indexed" form: at top level string/bytes are their raw content; inside arrays and structs
    /// they are zero-padded to a multiple of 32; value types are their word; no lengths or offsets anywhere.
    /// </summary>
    internal static byte[] EncodeForTopic(AbiType type, AbiValue value, bool topLevel)
    {
        var buffer = new List<byte>();
        Append(type, value, topLevel, buffer);
        return buffer.ToArray();
    }

    private static void Append(AbiType type, AbiValue value, bool topLevel, List<byte> buffer)
    {
        switch (type, value)
        {
            case (AbiBytes, AbiValue.Bytes b):
                AppendPadded(b.Value.Span, topLevel, buffer);
                break;
            case (AbiString, AbiValue.Str s):
                AppendPadded(System.Text.Encoding.UTF8.GetBytes(s.Value), topLevel, buffer);
                break;
            case (AbiArray a, AbiValue.Array av):
                foreach (var item in av.Items) Append(a.Element, item, false, buffer);
                break;
            case (AbiTuple t, AbiValue.Tuple tv):
                for (int i = 0; i < tv.Items.Count; i++) Append(t.Components[i], tv.Items[i], false, buffer);
                break;
            default:
                var word = new byte[32];
                AbiEncoder.Write(type, value, word);
                buffer.AddRange(word);
                break;
        }
    }

    private static void AppendPadded(ReadOnlySpan<byte> content, bool topLevel, List<byte> buffer)
    {
        buffer.AddRange(content);
        if (!topLevel) buffer.AddRange(new byte[AbiEncoder.Pad32(content.Length) - content.Length]);
    }
}
