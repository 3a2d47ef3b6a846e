using System.Numerics;
using System.Text;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Abi;

/// <summary>
/// abi.encode in two passes: <see cref="Check"/> validates every value against its type (so a failure names
/// its path and nothing is half-written) and <see cref="Size"/> gives the exact length; then one write into an
/// exactly sized array.
/// </summary>
internal static class AbiEncoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<AbiValue> values, int prefix = 0)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
            throw new AbiEncodeException("values", $"expected {types.Count} values, got {values.Count}");
        for (int i = 0; i < types.Count; i++)
        {
            var failure = Check(types[i], values[i]);
            if (failure is not null) throw new AbiEncodeException($"values[{i}]" + failure.Path, failure.Rule);
        }
        var items = new List<AbiValue>(values);
        var result = new byte[prefix + SequenceSize(types, items)];
        WriteSequence(types, items, result.AsSpan(prefix));
        return result;
    }

    /// <summary>A validation failure; the path is built up as the recursion unwinds (only on failure).</summary>
    internal sealed class Failure(string rule)
    {
        public string Rule { get; } = rule;
        public string Path { get; private set; } = "";
        public Failure Under(string segment) { Path = segment + Path; return this; }
    }

    internal static Failure? Check(AbiType type, AbiValue value)
    {
        switch (type)
        {
            case AbiUInt u:
                if (value is not AbiValue.UInt uv) return WrongKind(type, value);
                return uv.Value.BitLength <= u.Bits ? null : new Failure($"{uv.Value.ToHexString()} does not fit in {type.Canonical}");
            case AbiInt i:
                if (value is not AbiValue.Int iv) return WrongKind(type, value);
                var limit = BigInteger.One << (i.Bits - 1);
                return iv.Value >= -limit && iv.Value < limit ? null : new Failure($"{iv.Value} does not fit in {type.Canonical}");
            case AbiAddress:
                return value is AbiValue.Addr ? null : WrongKind(type, value);
            case AbiBool:
                return value is AbiValue.Bool ? null : WrongKind(type, value);
            case AbiFixedBytes fb:
                if (value is not AbiValue.Bytes bv) return WrongKind(type, value);
                return bv.Value.Length == fb.Size ? null : new Failure($"{type.Canonical} needs exactly {fb.Size} bytes, got {bv.Value.Length}");
            case AbiBytes:
                return value is AbiValue.Bytes ? null : WrongKind(type, value);
            case AbiString:
                if (value is not AbiValue.Str sv) return WrongKind(type, value);
                try { StrictUtf8.GetByteCount(sv.Value); return null; }
                catch (EncoderFallbackException) { return new Failure("string is not valid UTF-16 (lone surrogate), so has no UTF-8 encoding"); }
            case AbiArray a:
                if (value is not AbiValue.Array av) return WrongKind(type, value);
                if (a.Length is { } k && av.Items.Count != k) return new Failure($"{type.Canonical} needs exactly {k} elements, got {av.Items.Count}");
                for (int n = 0; n < av.Items.Count; n++)
                    if (Check(a.Element, av.Items[n]) is { } f) return f.Under($"[{n}]");
                return null;
            case AbiTuple t:
                if (value is not AbiValue.Tuple tv) return WrongKind(type, value);
                if (tv.Items.Count != t.Components.Count) return new Failure($"{type.Canonical} needs {t.Components.Count} fields, got {tv.Items.Count}");
                for (int n = 0; n < tv.Items.Count; n++)
                    if (Check(t.Components[n], tv.Items[n]) is { } f) return f.Under($".field{n}");
                return null;
            default:
                return new Failure($"unsupported type {type.Canonical}");
        }
    }

    private static Failure WrongKind(AbiType type, AbiValue? value) =>
        new($"expected a value for {type.Canonical}, got {(value is null ? "null" : value.GetType().Name)}");

    /// <summary>Bytes of the whole encoding of <paramref name="value"/> (head and tail for a dynamic type).</summary>
    internal static int Size(AbiType type, AbiValue value) => type switch
    {
        _ when !type.IsDynamic => type.HeadSize,
        AbiBytes => checked(32 + Pad32(((AbiValue.Bytes)value).Value.Length)),
        AbiString => checked(32 + Pad32(StrictUtf8.GetByteCount(((AbiValue.Str)value).Value))),
        AbiArray { Length: null } a => checked(32 + SequenceSize(Repeat(a.Element, ((AbiValue.Array)value).Items.Count), ((AbiValue.Array)value).Items)),
        AbiArray a => SequenceSize(Repeat(a.Element, a.Length!.Value), ((AbiValue.Array)value).Items),
        AbiTuple t => SequenceSize(t.Components, ((AbiValue.Tuple)value).Items),
        _ => throw new InvalidOperationException(type.Canonical),
    };

    private static int SequenceSize(IReadOnlyList<AbiType> types, IReadOnlyList<AbiValue> values)
    {
        int size = 0;
        for (int i = 0; i < types.Count; i++)
            size = checked(size + (types[i].IsDynamic ? 32 + Size(types[i], values[i]) : types[i].HeadSize));
        return size;
    }

    internal static int Pad32(int n) => checked((n + 31) & ~31);

    private static IReadOnlyList<AbiType> Repeat(AbiType t, int n) => new RepeatList(t, n);

    /// <summary>Writes head then tails; returns bytes written.</summary>
    private static int WriteSequence(IReadOnlyList<AbiType> types, IReadOnlyList<AbiValue> values, Span<byte> dest)
    {
        int head = 0;
        foreach (var t in types) head += t.HeadSize;
        int tail = head, pos = 0;
        for (int i = 0; i < types.Count; i++)
        {
            if (types[i].IsDynamic)
            {
                ((UInt256)(ulong)tail).WriteBigEndian(dest[pos..]);
                tail += Write(types[i], values[i], dest[tail..]);
                pos += 32;
            }
            else
            {
                pos += Write(types[i], values[i], dest[pos..]);
            }
        }
        return tail;
    }

    /// <summary>Writes the encoding of a validated value at the start of <paramref name="dest"/>; returns its size.</summary>
    internal static int Write(AbiType type, AbiValue value, Span<byte> dest)
    {
        switch (type, value)
        {
            case (AbiUInt, AbiValue.UInt u):
                u.Value.WriteBigEndian(dest);
                return 32;
            case (AbiInt, AbiValue.Int i):
                WriteInt(i.Value, dest);
                return 32;
            case (AbiAddress, AbiValue.Addr a):
                dest[..12].Clear();
                a.Value.WriteTo(dest[12..32]);
                return 32;
            case (AbiBool, AbiValue.Bool b):
                dest[..31].Clear();
                dest[31] = b.Value ? (byte)1 : (byte)0;
                return 32;
            case (AbiFixedBytes, AbiValue.Bytes fb):
                dest[..32].Clear();
                fb.Value.Span.CopyTo(dest);
                return 32;
            case (AbiBytes, AbiValue.Bytes bs):
                return WritePayload(bs.Value.Span, dest);
            case (AbiString, AbiValue.Str s):
                return WritePayload(StrictUtf8.GetBytes(s.Value), dest);
            case (AbiArray { Length: null } a, AbiValue.Array av):
                ((UInt256)(ulong)av.Items.Count).WriteBigEndian(dest);
                return 32 + WriteSequence(Repeat(a.Element, av.Items.Count), av.Items, dest[32..]);
            case (AbiArray a, AbiValue.Array av):
                return WriteSequence(Repeat(a.Element, av.Items.Count), av.Items, dest);
            case (AbiTuple t, AbiValue.Tuple tv):
                return WriteSequence(t.Components, tv.Items, dest);
            default:
                throw new InvalidOperationException($"unvalidated value for {type.Canonical}");
        }
    }

    /// <summary>Two's complement in 256 bits: negative values are sign-extended with 0xff.</summary>
    internal static void WriteInt(BigInteger v, Span<byte> dest)
    {
        dest[..32].Fill(v.Sign < 0 ? (byte)0xff : (byte)0);
        int n = v.GetByteCount(isUnsigned: false);
        v.TryWriteBytes(dest.Slice(32 - n, n), out _, isUnsigned: false, isBigEndian: true);
    }

    private static int WritePayload(ReadOnlySpan<byte> payload, Span<byte> dest)
    {
        ((UInt256)(ulong)payload.Length).WriteBigEndian(dest);
        int padded = Pad32(payload.Length);
        dest.Slice(32, padded).Clear();
        payload.CopyTo(dest[32..]);
        return 32 + padded;
    }
}
