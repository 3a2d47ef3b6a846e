using System.Numerics;

namespace Morph.Protocol.Primitives;

public readonly partial struct UInt256
{
    /// <summary>Number of significant bits (0 for zero).</summary>
    public int BitLength =>
        u3 != 0 ? 256 - BitOperations.LeadingZeroCount(u3) :
        u2 != 0 ? 192 - BitOperations.LeadingZeroCount(u2) :
        u1 != 0 ? 128 - BitOperations.LeadingZeroCount(u1) :
        64 - BitOperations.LeadingZeroCount(u0);

    public int PopCount =>
        BitOperations.PopCount(u0) + BitOperations.PopCount(u1) + BitOperations.PopCount(u2) + BitOperations.PopCount(u3);

    public bool TestBit(int index)
    {
        if ((uint)index >= 256) throw new ArgumentOutOfRangeException(nameof(index));
        return ((Limb(index >> 6) >> (index & 63)) & 1) != 0;
    }

    public static UInt256 operator &(in UInt256 a, in UInt256 b) => new(a.u0 & b.u0, a.u1 & b.u1, a.u2 & b.u2, a.u3 & b.u3);
    public static UInt256 operator |(in UInt256 a, in UInt256 b) => new(a.u0 | b.u0, a.u1 | b.u1, a.u2 | b.u2, a.u3 | b.u3);
    public static UInt256 operator ^(in UInt256 a, in UInt256 b) => new(a.u0 ^ b.u0, a.u1 ^ b.u1, a.u2 ^ b.u2, a.u3 ^ b.u3);
    public static UInt256 operator ~(in UInt256 a) => new(~a.u0, ~a.u1, ~a.u2, ~a.u3);

    /// <summary>Logical shift left; shifts of 256 or more give zero (EVM SHL semantics), negative shifts throw.</summary>
    public static UInt256 operator <<(in UInt256 a, int shift)
    {
        if (shift < 0) throw new ArgumentOutOfRangeException(nameof(shift));
        if (shift >= 256) return Zero;
        int limbs = shift >> 6, bits = shift & 63;
        Span<ulong> r = stackalloc ulong[4];
        for (int i = 3; i >= 0; i--)
        {
            int src = i - limbs;
            if (src < 0) { r[i] = 0; continue; }
            ulong v = a.Limb(src) << bits;
            if (bits != 0 && src > 0) v |= a.Limb(src - 1) >> (64 - bits);
            r[i] = v;
        }
        return new UInt256(r[0], r[1], r[2], r[3]);
    }

    /// <summary>Logical shift right; shifts of 256 or more give zero (EVM SHR semantics), negative shifts throw.</summary>
    public static UInt256 operator >>(in UInt256 a, int shift)
    {
        if (shift < 0) throw new ArgumentOutOfRangeException(nameof(shift));
        if (shift >= 256) return Zero;
        int limbs = shift >> 6, bits = shift & 63;
        Span<ulong> r = stackalloc ulong[4];
        for (int i = 0; i < 4; i++)
        {
            int src = i + limbs;
            if (src > 3) { r[i] = 0; continue; }
            ulong v = a.Limb(src) >> bits;
            if (bits != 0 && src < 3) v |= a.Limb(src + 1) << (64 - bits);
            r[i] = v;
        }
        return new UInt256(r[0], r[1], r[2], r[3]);
    }
}
