namespace Morph.Protocol.Primitives;

public readonly partial struct UInt256
{
    /// <summary>a + b modulo 2^256; returns the carry out of the top limb.</summary>
    private static ulong AddCore(in UInt256 a, in UInt256 b, out UInt256 res)
    {
        ulong carry = 0;
        ulong r0 = AddWithCarry(a.u0, b.u0, ref carry);
        ulong r1 = AddWithCarry(a.u1, b.u1, ref carry);
        ulong r2 = AddWithCarry(a.u2, b.u2, ref carry);
        ulong r3 = AddWithCarry(a.u3, b.u3, ref carry);
        res = new UInt256(r0, r1, r2, r3);
        return carry;
    }

    /// <summary>a - b modulo 2^256; returns the borrow out of the top limb.</summary>
    private static ulong SubtractCore(in UInt256 a, in UInt256 b, out UInt256 res)
    {
        ulong borrow = 0;
        ulong r0 = SubtractWithBorrow(a.u0, b.u0, ref borrow);
        ulong r1 = SubtractWithBorrow(a.u1, b.u1, ref borrow);
        ulong r2 = SubtractWithBorrow(a.u2, b.u2, ref borrow);
        ulong r3 = SubtractWithBorrow(a.u3, b.u3, ref borrow);
        res = new UInt256(r0, r1, r2, r3);
        return borrow;
    }

    internal static ulong AddWithCarry(ulong x, ulong y, ref ulong carry)
    {
        ulong s = x + y;
        ulong c1 = s < x ? 1UL : 0UL;
        ulong r = s + carry;
        ulong c2 = r < s ? 1UL : 0UL;
        carry = c1 | c2;
        return r;
    }

    internal static ulong SubtractWithBorrow(ulong x, ulong y, ref ulong borrow)
    {
        ulong d = x - y;
        ulong b1 = x < y ? 1UL : 0UL;
        ulong r = d - borrow;
        ulong b2 = d < borrow ? 1UL : 0UL;
        borrow = b1 | b2;
        return r;
    }

    /// <summary>The full 512-bit product, least significant limb first, into <paramref name="p"/> (8 limbs).</summary>
    internal static void MultiplyFull(in UInt256 a, in UInt256 b, Span<ulong> p)
    {
        p[..8].Clear();
        for (int i = 0; i < 4; i++)
        {
            ulong ai = a.Limb(i);
            if (ai == 0) continue;
            ulong carry = 0;
            for (int j = 0; j < 4; j++)
            {
                UInt128 t = (UInt128)ai * b.Limb(j) + p[i + j] + carry;
                p[i + j] = (ulong)t;
                carry = (ulong)(t >> 64);
            }
            p[i + 4] = carry;
        }
    }

    public static bool TryAdd(in UInt256 a, in UInt256 b, out UInt256 res) => AddCore(a, b, out res) == 0;

    public static bool TrySubtract(in UInt256 a, in UInt256 b, out UInt256 res) => SubtractCore(a, b, out res) == 0;

    public static bool TryMultiply(in UInt256 a, in UInt256 b, out UInt256 res)
    {
        Span<ulong> p = stackalloc ulong[8];
        MultiplyFull(a, b, p);
        res = new UInt256(p[0], p[1], p[2], p[3]);
        return (p[4] | p[5] | p[6] | p[7]) == 0;
    }

    public static UInt256 WrappingAdd(in UInt256 a, in UInt256 b)
    {
        AddCore(a, b, out UInt256 r);
        return r;
    }

    public static UInt256 WrappingSubtract(in UInt256 a, in UInt256 b)
    {
        SubtractCore(a, b, out UInt256 r);
        return r;
    }

    public static UInt256 WrappingMultiply(in UInt256 a, in UInt256 b)
    {
        TryMultiply(a, b, out UInt256 r);
        return r;
    }

    public static UInt256 operator +(in UInt256 a, in UInt256 b) =>
        TryAdd(a, b, out UInt256 r) ? r : throw new OverflowException("UInt256 addition overflowed.");

    public static UInt256 operator -(in UInt256 a, in UInt256 b) =>
        TrySubtract(a, b, out UInt256 r) ? r : throw new OverflowException("UInt256 subtraction underflowed.");

    public static UInt256 operator *(in UInt256 a, in UInt256 b) =>
        TryMultiply(a, b, out UInt256 r) ? r : throw new OverflowException("UInt256 multiplication overflowed.");
}
