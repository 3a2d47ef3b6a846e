namespace Morph.Protocol.Crypto.Bls;

/// <summary>
/// Optimal ate pairing on BLS12-381: a multi-Miller loop (one shared accumulator, so the Fp12 squarings are paid once
/// for all pairs) and one final exponentiation. Line formulas follow Costello–Lange–Naehrig / Aranha et al.
/// (2010/354, algorithms 26–27), evaluated as sparse Fp12 elements (coefficients 0, 1, 4).
/// </summary>
internal static class Pairing
{
    /// <summary>The running multiple of Q in the Miller loop, in Jacobian-style coordinates.</summary>
    private struct G2State
    {
        public Fp2 X, Y, Z;
        public Affine<Fp2> Q;
        public Affine<Fp> P;
    }

    /// <summary>True iff Π e(P_i, Q_i) = 1. Pairs with an identity member contribute 1 and are skipped.</summary>
    public static bool ProductIsOne(ReadOnlySpan<Affine<Fp>> ps, ReadOnlySpan<Affine<Fp2>> qs) =>
        FinalExponentiation(MillerLoop(ps, qs)).IsOne;

    public static Fp12 Pair(in Affine<Fp> p, in Affine<Fp2> q) =>
        FinalExponentiation(MillerLoop([p], [q]));

    public static Fp12 MillerLoop(ReadOnlySpan<Affine<Fp>> ps, ReadOnlySpan<Affine<Fp2>> qs)
    {
        if (ps.Length != qs.Length) throw new ArgumentException("pair count mismatch");
        Span<G2State> st = ps.Length <= 8 ? stackalloc G2State[ps.Length] : new G2State[ps.Length];
        int n = 0;
        for (int i = 0; i < ps.Length; i++)
        {
            if (ps[i].IsIdentity || qs[i].IsIdentity) continue;
            st[n++] = new G2State { X = qs[i].X, Y = qs[i].Y, Z = Fp2.One, Q = qs[i], P = ps[i] };
        }
        st = st[..n];

        var f = Fp12.One;
        // Bits of |x| from bit 62 down to 1 (the top bit starts the loop), then a last doubling for bit 0.
        for (int bit = 62; bit >= 1; bit--)
        {
            for (int i = 0; i < st.Length; i++) f = DoublingStep(ref st[i], f);
            if (((G1.X >> bit) & 1) != 0)
                for (int i = 0; i < st.Length; i++) f = AdditionStep(ref st[i], f);
            f = Fp12.Square(f);
        }
        for (int i = 0; i < st.Length; i++) f = DoublingStep(ref st[i], f);
        return Fp12.Conjugate(f); // x is negative
    }

    private static Fp12 Ell(in Fp12 f, in Fp2 c0, in Fp2 c1, in Fp2 c2, in Affine<Fp> p) =>
        Fp12.MulBy014(f, c2, Fp2.MulByFp(c1, p.X), Fp2.MulByFp(c0, p.Y));

    private static Fp12 DoublingStep(ref G2State r, in Fp12 f)
    {
        var tmp0 = Fp2.Square(r.X);
        var tmp1 = Fp2.Square(r.Y);
        var tmp2 = Fp2.Square(tmp1);
        var tmp3 = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(tmp1, r.X)), tmp0), tmp2);
        tmp3 = Fp2.Double(tmp3);
        var tmp4 = Fp2.Add(Fp2.Double(tmp0), tmp0);
        var tmp6 = Fp2.Add(r.X, tmp4);
        var tmp5 = Fp2.Square(tmp4);
        var zsquared = Fp2.Square(r.Z);
        r.X = Fp2.Sub(Fp2.Sub(tmp5, tmp3), tmp3);
        r.Z = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(r.Z, r.Y)), tmp1), zsquared);
        r.Y = Fp2.Mul(Fp2.Sub(tmp3, r.X), tmp4);
        tmp2 = Fp2.Double(Fp2.Double(Fp2.Double(tmp2)));
        r.Y = Fp2.Sub(r.Y, tmp2);
        tmp3 = Fp2.Neg(Fp2.Double(Fp2.Mul(tmp4, zsquared)));
        tmp6 = Fp2.Sub(Fp2.Sub(Fp2.Square(tmp6), tmp0), tmp5);
        tmp1 = Fp2.Double(Fp2.Double(tmp1));
        tmp6 = Fp2.Sub(tmp6, tmp1);
        tmp0 = Fp2.Double(Fp2.Mul(r.Z, zsquared));
        return Ell(f, tmp0, tmp3, tmp6, r.P);
    }

    private static Fp12 AdditionStep(ref G2State r, in Fp12 f)
    {
        ref readonly var q = ref r.Q;
        var zsquared = Fp2.Square(r.Z);
        var ysquared = Fp2.Square(q.Y);
        var t0 = Fp2.Mul(zsquared, q.X);
        var t1 = Fp2.Mul(Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(q.Y, r.Z)), ysquared), zsquared), zsquared);
        var t2 = Fp2.Sub(t0, r.X);
        var t3 = Fp2.Square(t2);
        var t4 = Fp2.Double(Fp2.Double(t3));
        var t5 = Fp2.Mul(t4, t2);
        var t6 = Fp2.Sub(Fp2.Sub(t1, r.Y), r.Y);
        var t9 = Fp2.Mul(t6, q.X);
        var t7 = Fp2.Mul(t4, r.X);
        r.X = Fp2.Sub(Fp2.Sub(Fp2.Sub(Fp2.Square(t6), t5), t7), t7);
        r.Z = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(r.Z, t2)), zsquared), t3);
        var t10 = Fp2.Add(q.Y, r.Z);
        var t8 = Fp2.Mul(Fp2.Sub(t7, r.X), t6);
        t0 = Fp2.Double(Fp2.Mul(r.Y, t5));
        r.Y = Fp2.Sub(t8, t0);
        t10 = Fp2.Sub(Fp2.Sub(Fp2.Square(t10), ysquared), Fp2.Square(r.Z));
        t9 = Fp2.Sub(Fp2.Double(t9), t10);
        t10 = Fp2.Double(r.Z);
        t6 = Fp2.Neg(t6);
        t1 = Fp2.Double(t6);
        return Ell(f, t10, t1, t9, r.P);
    }

    /// <summary>f^(x) for the cyclotomic subgroup, x = −|x|: square-and-multiply over |x| then conjugate.</summary>
    private static Fp12 CyclotomicExpByX(in Fp12 f)
    {
        var tmp = f; // top bit of |x|
        for (int bit = 62; bit >= 0; bit--)
        {
            tmp = Fp12.CyclotomicSquare(tmp);
            if (((G1.X >> bit) & 1) != 0) tmp = Fp12.Mul(tmp, f);
        }
        return Fp12.Conjugate(tmp);
    }

    /// <summary>f^((p^12 − 1)/r): easy part by Frobenius and one inversion, hard part by the x-chain.</summary>
    public static Fp12 FinalExponentiation(in Fp12 f)
    {
        var t0 = Fp12.Conjugate(f); // f^(p^6)
        var t1 = Fp12.Inverse(f);
        var t2 = Fp12.Mul(t0, t1);
        t1 = t2;
        t2 = Fp12.Frobenius(Fp12.Frobenius(t2));
        t2 = Fp12.Mul(t2, t1);
        t1 = Fp12.Conjugate(Fp12.CyclotomicSquare(t2));
        var t3 = CyclotomicExpByX(t2);
        var t4 = Fp12.CyclotomicSquare(t3);
        var t5 = Fp12.Mul(t1, t3);
        t1 = CyclotomicExpByX(t5);
        t0 = CyclotomicExpByX(t1);
        var t6 = CyclotomicExpByX(t0);
        t6 = Fp12.Mul(t6, t4);
        t4 = CyclotomicExpByX(t6);
        t5 = Fp12.Conjugate(t5);
        t4 = Fp12.Mul(t4, Fp12.Mul(t5, t2));
        t5 = Fp12.Conjugate(t2);
        t1 = Fp12.Mul(t1, t2);
        t1 = Fp12.Frobenius(Fp12.Frobenius(Fp12.Frobenius(t1)));
        t6 = Fp12.Mul(t6, t5);
        t6 = Fp12.Frobenius(t6);
        t3 = Fp12.Mul(t3, t0);
        t3 = Fp12.Frobenius(Fp12.Frobenius(t3));
        t3 = Fp12.Mul(t3, t1);
        t3 = Fp12.Mul(t3, t6);
        return Fp12.Mul(t3, t4);
    }
}
