namespace Morph.Protocol.Crypto.Bls;

/// <summary>Fp6 = Fp2[v]/(v³ − ξ), ξ = 1 + u; an element is c0 + c1·v + c2·v².</summary>
internal readonly struct Fp6
{
    public readonly Fp2 C0, C1, C2;

    public Fp6(in Fp2 c0, in Fp2 c1, in Fp2 c2) { C0 = c0; C1 = c1; C2 = c2; }

    public static Fp6 Zero => default;
    public static Fp6 One => new(Fp2.One, Fp2.Zero, Fp2.Zero);
    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;

    public static Fp6 Add(in Fp6 a, in Fp6 b) => new(Fp2.Add(a.C0, b.C0), Fp2.Add(a.C1, b.C1), Fp2.Add(a.C2, b.C2));
    public static Fp6 Sub(in Fp6 a, in Fp6 b) => new(Fp2.Sub(a.C0, b.C0), Fp2.Sub(a.C1, b.C1), Fp2.Sub(a.C2, b.C2));
    public static Fp6 Neg(in Fp6 a) => new(Fp2.Neg(a.C0), Fp2.Neg(a.C1), Fp2.Neg(a.C2));
    public static bool Equals(in Fp6 a, in Fp6 b) => Fp2.Equals(a.C0, b.C0) & Fp2.Equals(a.C1, b.C1) & Fp2.Equals(a.C2, b.C2);

    /// <summary>Multiplication by v: (c0, c1, c2) → (ξ·c2, c0, c1).</summary>
    public static Fp6 MulByNonResidue(in Fp6 a) => new(Fp2.MulByNonResidue(a.C2), a.C0, a.C1);

    /// <summary>Karatsuba-style: six Fp2 products.</summary>
    public static Fp6 Mul(in Fp6 a, in Fp6 b)
    {
        var aa = Fp2.Mul(a.C0, b.C0);
        var bb = Fp2.Mul(a.C1, b.C1);
        var cc = Fp2.Mul(a.C2, b.C2);
        var t1 = Fp2.Add(Fp2.MulByNonResidue(Fp2.Sub(Fp2.Sub(Fp2.Mul(Fp2.Add(a.C1, a.C2), Fp2.Add(b.C1, b.C2)), bb), cc)), aa);
        var t2 = Fp2.Add(Fp2.Sub(Fp2.Sub(Fp2.Mul(Fp2.Add(a.C0, a.C1), Fp2.Add(b.C0, b.C1)), aa), bb), Fp2.MulByNonResidue(cc));
        var t3 = Fp2.Sub(Fp2.Add(Fp2.Sub(Fp2.Mul(Fp2.Add(a.C0, a.C2), Fp2.Add(b.C0, b.C2)), aa), bb), cc);
        return new(t1, t2, t3);
    }

    /// <summary>Chung–Hasan SQR2.</summary>
    public static Fp6 Square(in Fp6 a)
    {
        var s0 = Fp2.Square(a.C0);
        var s1 = Fp2.Double(Fp2.Mul(a.C0, a.C1));
        var s2 = Fp2.Square(Fp2.Add(Fp2.Sub(a.C0, a.C1), a.C2));
        var s3 = Fp2.Double(Fp2.Mul(a.C1, a.C2));
        var s4 = Fp2.Square(a.C2);
        return new(
            Fp2.Add(Fp2.MulByNonResidue(s3), s0),
            Fp2.Add(Fp2.MulByNonResidue(s4), s1),
            Fp2.Sub(Fp2.Sub(Fp2.Add(Fp2.Add(s1, s2), s3), s0), s4));
    }

    /// <summary>Product with the sparse b0 + b1·v (line evaluation).</summary>
    public static Fp6 MulBy01(in Fp6 a, in Fp2 b0, in Fp2 b1)
    {
        var aa = Fp2.Mul(a.C0, b0);
        var bb = Fp2.Mul(a.C1, b1);
        var t1 = Fp2.Add(Fp2.MulByNonResidue(Fp2.Mul(a.C2, b1)), aa);
        var t2 = Fp2.Sub(Fp2.Sub(Fp2.Mul(Fp2.Add(b0, b1), Fp2.Add(a.C0, a.C1)), aa), bb);
        var t3 = Fp2.Add(Fp2.Mul(a.C2, b0), bb);
        return new(t1, t2, t3);
    }

    /// <summary>Product with the sparse b1·v.</summary>
    public static Fp6 MulBy1(in Fp6 a, in Fp2 b1) =>
        new(Fp2.MulByNonResidue(Fp2.Mul(a.C2, b1)), Fp2.Mul(a.C0, b1), Fp2.Mul(a.C1, b1));

    public static Fp6 Inverse(in Fp6 a)
    {
        var c0 = Fp2.Sub(Fp2.Square(a.C0), Fp2.MulByNonResidue(Fp2.Mul(a.C1, a.C2)));
        var c1 = Fp2.Sub(Fp2.MulByNonResidue(Fp2.Square(a.C2)), Fp2.Mul(a.C0, a.C1));
        var c2 = Fp2.Sub(Fp2.Square(a.C1), Fp2.Mul(a.C0, a.C2));
        var t = Fp2.Add(Fp2.MulByNonResidue(Fp2.Add(Fp2.Mul(a.C1, c2), Fp2.Mul(a.C2, c1))), Fp2.Mul(a.C0, c0));
        t = Fp2.Inverse(t);
        return new(Fp2.Mul(c0, t), Fp2.Mul(c1, t), Fp2.Mul(c2, t));
    }

    /// <summary>x → x^p: conjugate the coefficients and scale by v^(p−1) and v^(2(p−1)).</summary>
    public static Fp6 Frobenius(in Fp6 a) => new(
        Fp2.Conjugate(a.C0),
        Fp2.Mul(Fp2.Conjugate(a.C1), FrobeniusConstants.Gamma[2]),
        Fp2.Mul(Fp2.Conjugate(a.C2), FrobeniusConstants.Gamma[4]));
}

/// <summary>γ_k = ξ^(k(p−1)/6), the Frobenius twists of the basis w^k of Fp12 (computed once, not transcribed).</summary>
internal static class FrobeniusConstants
{
    public static readonly Fp2[] Gamma = Compute();

    private static Fp2[] Compute()
    {
        var xi = new Fp2(Fp.One, Fp.One);
        var e = (Fp.Modulus - 1) / 6;
        var g = new Fp2[6];
        for (int k = 0; k < 6; k++) g[k] = Fp2.Pow(xi, e * k);
        return g;
    }
}
