using System.Numerics;
using System.Text;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Abi;

/// <summary>
/// abi.decode that never throws on data. Strictness follows solc's ABI decoder v2 ("strict where solc is strict"):
/// <list type="bullet">
/// <item>value types are validated: bool must be 0/1, address and uintN must have zero high bits, intN must be
/// sign-extended (<see cref="AbiErrorKind.ValueOutOfRange"/>), bytesN must be zero-padded on the right
/// (<see cref="AbiErrorKind.NonZeroPadding"/>);</item>
/// <item>offsets and lengths must stay inside the data (solc reverts likewise);</item>
/// <item>the right padding of bytes/string payloads is NOT checked and may even be missing at the end of the data,
/// as in solc, which only checks that the unpadded payload fits;</item>
/// <item>strings must be valid UTF-8 (<see cref="AbiErrorKind.BadUtf8"/>): solc does not check this, but a .NET
/// string cannot carry invalid UTF-8 losslessly; decode such a parameter as <c>bytes</c> if needed;</item>
/// <item>trailing bytes after the encoding are accepted, as solc does; non-canonical (aliased or gapped) offsets
/// are accepted, but total decoded size is capped relative to the input (<see cref="AbiErrorKind.LimitExceeded"/>)
/// so aliased offsets cannot inflate a small input into a huge allocation.</item>
/// </list>
/// </summary>
internal ref struct AbiDecoder
{
    public const int MaxDepth = 64;
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _reportBase;
    private long _budget;

    public AbiError? Error;

    public AbiDecoder(ReadOnlySpan<byte> data, int reportBase)
    {
        _data = data;
        _reportBase = reportBase;
        // A canonical encoding touches each input byte once; allow generous aliasing on top.
        _budget = 8L * data.Length + 4096;
    }

    public static AbiDecodeResult Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, int reportBase = 0)
    {
        ArgumentNullException.ThrowIfNull(types);
        var d = new AbiDecoder(data, reportBase);
        var values = d.DecodeSequence(types, 0, 0);
        return values is null ? AbiDecodeResult.Fail(d.Error!) : AbiDecodeResult.Ok(values);
    }

    /// <summary>Decodes a sequence (tuple body) whose head starts at <paramref name="start"/>; offsets are relative to it.</summary>
    public AbiValue[]? DecodeSequence(IReadOnlyList<AbiType> types, int start, int depth)
    {
        var result = new AbiValue[types.Count];
        int head = start;
        for (int i = 0; i < types.Count; i++)
        {
            var t = types[i];
            AbiValue? v;
            if (t.IsDynamic)
            {
                if (!ReadOffset(t, head, start, out int target)) return null;
                v = DecodeAt(t, target, depth + 1);
            }
            else
            {
                v = DecodeAt(t, head, depth + 1);
            }
            if (v is null) return null;
            result[i] = v;
            head += t.HeadSize;
        }
        return result;
    }

    private bool ReadOffset(AbiType t, int headPos, int start, out int target)
    {
        target = 0;
        if (!HasWord(headPos)) return Fail(headPos, t, AbiErrorKind.TooShort, "data ends before the offset word");
        var offset = UInt256.FromBigEndian(_data.Slice(headPos, 32));
        // Offsets are relative to the start of the enclosing sequence and must leave room for a 32-byte word.
        if (offset >= (ulong)(_data.Length - start) || (ulong)offset > int.MaxValue || start + (int)(ulong)offset > _data.Length - 32)
            return Fail(headPos, t, AbiErrorKind.OffsetOutOfRange, $"offset {offset.ToHexString()} points outside the data");
        target = start + (int)(ulong)offset;
        return true;
    }

    public AbiValue? DecodeAt(AbiType type, int pos, int depth)
    {
        if (depth > MaxDepth) { Fail(pos, type, AbiErrorKind.LimitExceeded, $"type nested deeper than {MaxDepth}"); return null; }
        if (!type.IsDynamic && (long)pos + type.HeadSize > _data.Length)
        {
            Fail(pos, type, AbiErrorKind.TooShort, $"needs {type.HeadSize} bytes, {Math.Max(0, _data.Length - pos)} left");
            return null;
        }
        switch (type)
        {
            case AbiUInt u:
            {
                if (!Spend(pos, type, 32)) return null;
                var v = UInt256.FromBigEndian(_data.Slice(pos, 32));
                if (v.BitLength > u.Bits) { Fail(pos, type, AbiErrorKind.ValueOutOfRange, "value out of range"); return null; }
                return new AbiValue.UInt(v);
            }
            case AbiInt i:
            {
                if (!Spend(pos, type, 32)) return null;
                var v = new BigInteger(_data.Slice(pos, 32), isUnsigned: false, isBigEndian: true);
                var limit = BigInteger.One << (i.Bits - 1);
                if (v < -limit || v >= limit) { Fail(pos, type, AbiErrorKind.ValueOutOfRange, "value out of range (not sign-extended)"); return null; }
                return new AbiValue.Int(v);
            }
            case AbiAddress:
            {
                if (!Spend(pos, type, 32)) return null;
                if (_data.Slice(pos, 12).ContainsAnyExcept((byte)0)) { Fail(pos, type, AbiErrorKind.ValueOutOfRange, "value out of range (high 12 bytes not zero)"); return null; }
                return new AbiValue.Addr(Address.FromBytes(_data.Slice(pos + 12, 20)));
            }
            case AbiBool:
            {
                if (!Spend(pos, type, 32)) return null;
                if (_data.Slice(pos, 31).ContainsAnyExcept((byte)0) || _data[pos + 31] > 1) { Fail(pos, type, AbiErrorKind.ValueOutOfRange, "value out of range (not 0 or 1)"); return null; }
                return new AbiValue.Bool(_data[pos + 31] == 1);
            }
            case AbiFixedBytes fb:
            {
                if (!Spend(pos, type, 32)) return null;
                if (_data.Slice(pos + fb.Size, 32 - fb.Size).ContainsAnyExcept((byte)0)) { Fail(pos, type, AbiErrorKind.NonZeroPadding, "non-zero padding"); return null; }
                return new AbiValue.Bytes(ByteString.From(_data.Slice(pos, fb.Size)));
            }
            case AbiBytes:
            {
                if (!ReadPayload(type, pos, out var payload)) return null;
                return new AbiValue.Bytes(ByteString.From(payload));
            }
            case AbiString:
            {
                if (!ReadPayload(type, pos, out var payload)) return null;
                try { return new AbiValue.Str(StrictUtf8.GetString(payload)); }
                catch (DecoderFallbackException) { Fail(pos + 32, type, AbiErrorKind.BadUtf8, "string is not valid UTF-8"); return null; }
            }
            case AbiArray { Length: null } a:
            {
                if (!HasWord(pos)) { Fail(pos, type, AbiErrorKind.TooShort, "data ends before the length word"); return null; }
                if (!Spend(pos, type, 32)) return null;
                var len = UInt256.FromBigEndian(_data.Slice(pos, 32));
                // Every element needs at least HeadSize (>= 32) bytes of head, so this bounds the allocation by the input.
                long room = (_data.Length - pos - 32) / a.Element.HeadSize;
                if (len > (ulong)room) { Fail(pos, type, AbiErrorKind.LengthOutOfRange, $"length {len.ToHexString()} exceeds the remaining data"); return null; }
                var items = DecodeSequence(new RepeatList(a.Element, (int)(ulong)len), pos + 32, depth);
                return items is null ? null : new AbiValue.Array(new ValueArray<AbiValue>(items));
            }
            case AbiArray a:
            {
                if (!HasBytes(pos, a.Length!.Value * 32L)) { Fail(pos, type, AbiErrorKind.TooShort, "data ends inside the array head"); return null; }
                var items = DecodeSequence(new RepeatList(a.Element, a.Length.Value), pos, depth);
                return items is null ? null : new AbiValue.Array(new ValueArray<AbiValue>(items));
            }
            case AbiTuple t:
            {
                var items = DecodeSequence(t.Components, pos, depth);
                return items is null ? null : new AbiValue.Tuple(new ValueArray<AbiValue>(items));
            }
            default:
                Fail(pos, type, AbiErrorKind.ValueOutOfRange, "unsupported type");
                return null;
        }
    }

    private bool ReadPayload(AbiType type, int pos, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (!HasWord(pos)) return Fail(pos, type, AbiErrorKind.TooShort, "data ends before the length word");
        var len = UInt256.FromBigEndian(_data.Slice(pos, 32));
        if (len > (ulong)(_data.Length - pos - 32)) return Fail(pos, type, AbiErrorKind.LengthOutOfRange, $"length {len.ToHexString()} exceeds the remaining data");
        int n = (int)(ulong)len;
        if (!Spend(pos, type, 32L + n)) return false;
        payload = _data.Slice(pos + 32, n);
        return true;
    }

    private readonly bool HasWord(int pos) => pos >= 0 && (long)pos + 32 <= _data.Length;

    private readonly bool HasBytes(int pos, long n) => pos >= 0 && pos + n <= _data.Length;

    private bool Spend(int pos, AbiType type, long n)
    {
        _budget -= n;
        return _budget >= 0 || Fail(pos, type, AbiErrorKind.LimitExceeded, "decoded size far exceeds the input (aliased offsets)");
    }

    private bool Fail(int pos, AbiType type, AbiErrorKind kind, string what)
    {
        int at = _reportBase + pos;
        Error ??= new AbiError(at, type.Canonical, kind, $"at offset 0x{at:x}: expected {type.Canonical}, {what}");
        return false;
    }
}
