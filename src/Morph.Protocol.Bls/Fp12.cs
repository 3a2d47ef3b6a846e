namespace Morph.Protocol.Crypto.Bls;

/// <summary>Fp12 = Fp6[w]/(w² − v); an element is c0 + c1·w. Pairing values live here.</summary>
internal readonly struct Fp12
{
    public readonly Fp6 C0, C1;

    public Fp12(in Fp6 c0, in Fp6 c1) { C0 = c0; C1 = c1; }

    public static Fp12 One => new(Fp6.One, Fp6.Zero);
    public bool IsOne => Equals(this, One);

    public static bool Equals(in Fp12 a, in Fp12 b) => Fp6.Equals(a.C0, b.C0) & Fp6.Equals(a.C1, b.C1);

    public static Fp12 Mul(in Fp12 a, in Fp12 b)
    {
        var aa = Fp6.Mul(a.C0, b.C0);
        var bb = Fp6.Mul(a.C1, b.C1);
        var c1 = Fp6.Sub(Fp6.Sub(Fp6.Mul(Fp6.Add(a.C0, a.C1), Fp6.Add(b.C0, b.C1)), aa), bb);
        return new(Fp6.Add(Fp6.MulByNonResidue(bb), aa), c1);
    }

    public static Fp12 Square(in Fp12 a)
    {
        var ab = Fp6.Mul(a.C0, a.C1);
        var s = Fp6.Add(a.C0, a.C1);
        var c0 = Fp6.Sub(Fp6.Sub(Fp6.Mul(Fp6.Add(Fp6.MulByNonResidue(a.C1), a.C0), s), ab), Fp6.MulByNonResidue(ab));
        return new(c0, Fp6.Add(ab, ab));
    }

    /// <summary>x^(p^6), which is the inverse for elements of the cyclotomic subgroup.</summary>
    public static Fp12 Conjugate(in Fp12 a) => new(a.C0, Fp6.Neg(a.C1));

    public static Fp12 Inverse(in Fp12 a)
    {
        var t = Fp6.Inverse(Fp6.Sub(Fp6.Square(a.C0), Fp6.MulByNonResidue(Fp6.Square(a.C1))));
        return new(Fp6.Mul(a.C0, t), Fp6.Neg(Fp6.Mul(a.C1, t)));
    }

    public static Fp12 Frobenius(in Fp12 a)
    {
        var c0 = Fp6.Frobenius(a.C0);
        var c1 = Fp6.Frobenius(a.C1);
        var g1 = FrobeniusConstants.Gamma[1];
        return new(c0, new Fp6(Fp2.Mul(c1.C0, g1), Fp2.Mul(c1.C1, g1), Fp2.Mul(c1.C2, g1)));
    }

    /// <summary>
    /// Product with a line value l0 + l1·w + l4·w·v (coefficients 0, 1 and 4 of the w-basis): the sparse shape of
    /// the M-type twist's lines, about 13 Fp2 products instead of 18.
    /// </summary>
    public static Fp12 MulBy014(in Fp12 a, in Fp2 l0, in Fp2 l1, in Fp2 l4)
    {
        var aa = Fp6.MulBy01(a.C0, l0, l1);
        var bb = Fp6.MulBy1(a.C1, l4);
        var o = Fp2.Add(l1, l4);
        var c1 = Fp6.Sub(Fp6.Sub(Fp6.MulBy01(Fp6.Add(a.C1, a.C0), l0, o), aa), bb);
        var c0 = Fp6.Add(Fp6.MulByNonResidue(bb), aa);
        return new(c0, c1);
    }

    private static void Fp4Square(in Fp2 a, in Fp2 b, out Fp2 c0, out Fp2 c1)
    {
        var t0 = Fp2.Square(a);
        var t1 = Fp2.Square(b);
        c0 = Fp2.Add(Fp2.MulByNonResidue(t1), t0);
        c1 = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(a, b)), t0), t1);
    }

    /// <summary>
    /// Granger–Scott squaring, valid only in the cyclotomic subgroup (after the easy part of the final
    /// exponentiation): three Fp4 squarings instead of a full Fp12 squaring.
    /// </summary>
    public static Fp12 CyclotomicSquare(in Fp12 f)
    {
        var z0 = f.C0.C0; var z4 = f.C0.C1; var z3 = f.C0.C2;
        var z2 = f.C1.C0; var z1 = f.C1.C1; var z5 = f.C1.C2;

        Fp4Square(z0, z1, out var t0, out var t1);
        z0 = Fp2.Sub(t0, z0); z0 = Fp2.Add(Fp2.Double(z0), t0);
        z1 = Fp2.Add(t1, z1); z1 = Fp2.Add(Fp2.Double(z1), t1);

        Fp4Square(z2, z3, out t0, out t1);
        Fp4Square(z4, z5, out var t2, out var t3);
        z4 = Fp2.Sub(t0, z4); z4 = Fp2.Add(Fp2.Double(z4), t0);
        z5 = Fp2.Add(t1, z5); z5 = Fp2.Add(Fp2.Double(z5), t1);

        t0 = Fp2.MulByNonResidue(t3);
        z2 = Fp2.Add(t0, z2); z2 = Fp2.Add(Fp2.Double(z2), t0);
        z3 = Fp2.Sub(t2, z3); z3 = Fp2.Add(Fp2.Double(z3), t2);

        return new(new Fp6(z0, z4, z3), new Fp6(z2, z1, z5));
    }
}
