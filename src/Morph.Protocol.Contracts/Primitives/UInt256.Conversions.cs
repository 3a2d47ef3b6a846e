using System.Buffers.Binary;
using System.Numerics;

namespace Morph.Protocol.Primitives;

public readonly partial struct UInt256
{
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    public static implicit operator UInt256(ulong value) => new(value, 0, 0, 0);

    public static implicit operator UInt256(uint value) => new(value, 0, 0, 0);

    public static explicit operator ulong(in UInt256 value) =>
        (value.u1 | value.u2 | value.u3) == 0 ? value.u0 : throw new OverflowException("UInt256 value does not fit in a ulong.");

    /// <exception cref="OverflowException">value is negative or at least 2^256.</exception>
    public static UInt256 FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0 || value >= TwoTo256) throw new OverflowException("Value is outside the range of UInt256.");
        Span<byte> buf = stackalloc byte[32];
        buf.Clear();
        value.TryWriteBytes(buf, out _, isUnsigned: true, isBigEndian: false);
        return new UInt256(
            BinaryPrimitives.ReadUInt64LittleEndian(buf),
            BinaryPrimitives.ReadUInt64LittleEndian(buf[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(buf[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(buf[24..]));
    }

    public BigInteger ToBigInteger()
    {
        Span<byte> buf = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(buf, u0);
        BinaryPrimitives.WriteUInt64LittleEndian(buf[8..], u1);
        BinaryPrimitives.WriteUInt64LittleEndian(buf[16..], u2);
        BinaryPrimitives.WriteUInt64LittleEndian(buf[24..], u3);
        return new BigInteger(buf, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>The 32-byte big-endian form (the ABI word).</summary>
    public void WriteBigEndian(Span<byte> dest32)
    {
        if (dest32.Length < 32) throw new ArgumentException("Destination needs 32 bytes.", nameof(dest32));
        BinaryPrimitives.WriteUInt64BigEndian(dest32, u3);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[8..], u2);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[16..], u1);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[24..], u0);
    }

    /// <summary>Reads up to 32 big-endian bytes; shorter input is left-padded with zeros.</summary>
    public static UInt256 FromBigEndian(ReadOnlySpan<byte> upTo32)
    {
        if (upTo32.Length > 32) throw new ArgumentException("At most 32 bytes.", nameof(upTo32));
        Span<byte> buf = stackalloc byte[32];
        buf.Clear();
        upTo32.CopyTo(buf[(32 - upTo32.Length)..]);
        return new UInt256(
            BinaryPrimitives.ReadUInt64BigEndian(buf[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(buf[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(buf[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(buf));
    }

    /// <summary>Decimal, or hexadecimal with a "0x"/"0X" prefix. No sign, whitespace or separators.</summary>
    public static UInt256 Parse(string s) =>
        TryParse(s, out UInt256 r) ? r : throw new FormatException($"Not a UInt256: '{s}'.");

    public static bool TryParse(string? s, out UInt256 result)
    {
        result = Zero;
        if (string.IsNullOrEmpty(s)) return false;
        ReadOnlySpan<char> t = s;
        if (t.Length > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) return TryParseHex(t[2..], out result);
        return TryParseDecimal(t, out result);
    }

    private static bool TryParseHex(ReadOnlySpan<char> digits, out UInt256 result)
    {
        result = Zero;
        ulong r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        foreach (char c in digits)
        {
            int d = HexDigit(c);
            if (d < 0) return false;
            if ((r3 >> 60) != 0) return false; // a fifth nibble would be shifted out
            r3 = (r3 << 4) | (r2 >> 60);
            r2 = (r2 << 4) | (r1 >> 60);
            r1 = (r1 << 4) | (r0 >> 60);
            r0 = (r0 << 4) | (uint)d;
        }
        result = new UInt256(r0, r1, r2, r3);
        return true;
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> digits, out UInt256 result)
    {
        result = Zero;
        UInt256 acc = Zero, ten = 10UL;
        foreach (char c in digits)
        {
            if (c < '0' || c > '9') return false;
            if (!TryMultiply(acc, ten, out acc) || !TryAdd(acc, (ulong)(c - '0'), out acc)) return false;
        }
        result = acc;
        return true;
    }

    internal static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Decimal.</summary>
    public override string ToString()
    {
        if ((u1 | u2 | u3) == 0) return u0.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Peel off 19 decimal digits at a time (10^19 is the largest power of ten in a ulong).
        Span<char> buf = stackalloc char[78];
        int pos = buf.Length;
        Span<ulong> limbs = stackalloc ulong[4] { u0, u1, u2, u3 };
        const ulong chunk = 10_000_000_000_000_000_000UL;
        while (true)
        {
            ulong rem = 0;
            bool nonZero = false;
            for (int i = 3; i >= 0; i--)
            {
                UInt128 cur = ((UInt128)rem << 64) | limbs[i];
                limbs[i] = (ulong)(cur / chunk);
                rem = (ulong)(cur % chunk);
                nonZero |= limbs[i] != 0;
            }
            if (!nonZero)
            {
                while (rem != 0) { buf[--pos] = (char)('0' + (int)(rem % 10)); rem /= 10; }
                break;
            }
            for (int k = 0; k < 19; k++) { buf[--pos] = (char)('0' + (int)(rem % 10)); rem /= 10; }
        }
        return new string(buf[pos..]);
    }

    /// <summary>"0x" and minimal lower-case hex digits; "0x0" for zero.</summary>
    public string ToHexString()
    {
        if (IsZero) return "0x0";
        int nibbles = (BitLength + 3) / 4;
        Span<char> buf = stackalloc char[2 + nibbles];
        buf[0] = '0';
        buf[1] = 'x';
        for (int k = 0; k < nibbles; k++)
        {
            int bit = (nibbles - 1 - k) * 4;
            buf[2 + k] = "0123456789abcdef"[(int)((Limb(bit >> 6) >> (bit & 63)) & 0xF)];
        }
        return new string(buf);
    }
}
