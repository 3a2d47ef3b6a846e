using System.Numerics;

namespace Morph.Protocol.Primitives;

public readonly partial struct UInt256
{
    public static void DivRem(in UInt256 a, in UInt256 b, out UInt256 quotient, out UInt256 remainder)
    {
        if (b.IsZero) throw new DivideByZeroException();
        if (a < b)
        {
            quotient = Zero;
            remainder = a;
            return;
        }
        Span<ulong> u = stackalloc ulong[4] { a.u0, a.u1, a.u2, a.u3 };
        Span<ulong> v = stackalloc ulong[4] { b.u0, b.u1, b.u2, b.u3 };
        Span<ulong> q = stackalloc ulong[4];
        Span<ulong> r = stackalloc ulong[4];
        DivideLimbs(u, v, q, r);
        quotient = new UInt256(q[0], q[1], q[2], q[3]);
        remainder = new UInt256(r[0], r[1], r[2], r[3]);
    }

    public static UInt256 operator /(in UInt256 a, in UInt256 b)
    {
        DivRem(a, b, out UInt256 q, out _);
        return q;
    }

    public static UInt256 operator %(in UInt256 a, in UInt256 b)
    {
        DivRem(a, b, out _, out UInt256 r);
        return r;
    }

    /// <summary>
    /// floor(a·b / denominator) through a 512-bit product, so the intermediate never overflows (the
    /// Uniswap FullMath.mulDiv pattern used for pro-rata reward shares).
    /// </summary>
    /// <exception cref="DivideByZeroException">denominator is zero.</exception>
    /// <exception cref="OverflowException">the quotient does not fit in 256 bits.</exception>
    public static UInt256 MulDiv(in UInt256 a, in UInt256 b, in UInt256 denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException();
        return TryMulDiv(a, b, denominator, out UInt256 r) ? r : throw new OverflowException("MulDiv result exceeds 256 bits.");
    }

    /// <summary>As <see cref="MulDiv"/>, but false (not an exception) on overflow or a zero denominator.</summary>
    public static bool TryMulDiv(in UInt256 a, in UInt256 b, in UInt256 denominator, out UInt256 result)
    {
        result = Zero;
        if (denominator.IsZero) return false;
        Span<ulong> p = stackalloc ulong[8];
        MultiplyFull(a, b, p);
        // The quotient fits in 256 bits exactly when the product's high half is below the denominator.
        var high = new UInt256(p[4], p[5], p[6], p[7]);
        if (high >= denominator) return false;
        Span<ulong> v = stackalloc ulong[4] { denominator.u0, denominator.u1, denominator.u2, denominator.u3 };
        Span<ulong> q = stackalloc ulong[8];
        Span<ulong> r = stackalloc ulong[4];
        DivideLimbs(p, v, q, r);
        result = new UInt256(q[0], q[1], q[2], q[3]);
        return true;
    }

    /// <summary>10^n for n in 0..77 (the largest power of ten below 2^256).</summary>
    public static UInt256 Pow10(int n)
    {
        if ((uint)n > 77) throw new ArgumentOutOfRangeException(nameof(n), n, "10^n fits in 256 bits only for n in 0..77.");
        UInt256 r = One;
        UInt256 ten = 10UL;
        for (int i = 0; i < n; i++) r = WrappingMultiply(r, ten);
        return r;
    }

    /// <summary>
    /// Knuth's algorithm D (TAOCP 4.3.1) on 64-bit limbs, least significant first, as in Hacker's Delight
    /// divmnu64. <paramref name="q"/> has u.Length limbs, <paramref name="r"/> v.Length limbs. Stack only.
    /// </summary>
    internal static void DivideLimbs(ReadOnlySpan<ulong> u, ReadOnlySpan<ulong> v, Span<ulong> q, Span<ulong> r)
    {
        int m = u.Length;
        while (m > 0 && u[m - 1] == 0) m--;
        int n = v.Length;
        while (n > 0 && v[n - 1] == 0) n--;
        if (n == 0) throw new DivideByZeroException();
        q.Clear();
        r.Clear();
        if (m < n)
        {
            u[..m].CopyTo(r);
            return;
        }

        if (n == 1)
        {
            // Short division: one 128-by-64 step per limb.
            ulong d = v[0], rem = 0;
            for (int j = m - 1; j >= 0; j--)
            {
                UInt128 cur = ((UInt128)rem << 64) | u[j];
                q[j] = (ulong)(cur / d);
                rem = (ulong)(cur % d);
            }
            r[0] = rem;
            return;
        }

        // Normalise so the divisor's top limb has its high bit set; then each quotient estimate is off by at most 2.
        int s = BitOperations.LeadingZeroCount(v[n - 1]);
        Span<ulong> vn = stackalloc ulong[n];
        Span<ulong> un = stackalloc ulong[m + 1];
        for (int i = n - 1; i > 0; i--) vn[i] = s == 0 ? v[i] : (v[i] << s) | (v[i - 1] >> (64 - s));
        vn[0] = v[0] << s;
        un[m] = s == 0 ? 0 : u[m - 1] >> (64 - s);
        for (int i = m - 1; i > 0; i--) un[i] = s == 0 ? u[i] : (u[i] << s) | (u[i - 1] >> (64 - s));
        un[0] = u[0] << s;

        ulong vTop = vn[n - 1], vNext = vn[n - 2];
        for (int j = m - n; j >= 0; j--)
        {
            UInt128 num = ((UInt128)un[j + n] << 64) | un[j + n - 1];
            UInt128 qhat = num / vTop;
            UInt128 rhat = num - qhat * vTop;
            while (qhat > ulong.MaxValue || qhat * vNext > ((rhat << 64) | un[j + n - 2]))
            {
                qhat--;
                rhat += vTop;
                if (rhat > ulong.MaxValue) break;
            }

            // Multiply and subtract qhat·vn from un[j..j+n].
            ulong qh = (ulong)qhat, carry = 0, borrow = 0;
            for (int i = 0; i < n; i++)
            {
                UInt128 p = (UInt128)qh * vn[i] + carry;
                carry = (ulong)(p >> 64);
                un[i + j] = SubtractWithBorrow(un[i + j], (ulong)p, ref borrow);
            }
            un[j + n] = SubtractWithBorrow(un[j + n], carry, ref borrow);

            if (borrow != 0)
            {
                // qhat was one too large (rare): add the divisor back.
                qh--;
                ulong c = 0;
                for (int i = 0; i < n; i++) un[i + j] = AddWithCarry(un[i + j], vn[i], ref c);
                un[j + n] += c;
            }
            q[j] = qh;
        }

        for (int i = 0; i < n; i++) r[i] = s == 0 ? un[i] : (un[i] >> s) | (un[i + 1] << (64 - s));
    }
}
