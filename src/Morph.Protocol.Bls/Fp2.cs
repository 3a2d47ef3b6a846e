using System.Numerics;

namespace Morph.Protocol.Crypto.Bls;

/// <summary>Fp2 = Fp[u]/(u² + 1); an element is c0 + c1·u.</summary>
internal readonly struct Fp2 : ICurveField<Fp2>
{
    public readonly Fp C0, C1;

    public Fp2(in Fp c0, in Fp c1) { C0 = c0; C1 = c1; }

    public static Fp2 Zero => default;
    public static Fp2 One => new(Fp.One, Fp.Zero);
    public bool IsZero => C0.IsZero && C1.IsZero;

    public static Fp2 Add(in Fp2 a, in Fp2 b) => new(Fp.Add(a.C0, b.C0), Fp.Add(a.C1, b.C1));
    public static Fp2 Sub(in Fp2 a, in Fp2 b) => new(Fp.Sub(a.C0, b.C0), Fp.Sub(a.C1, b.C1));
    public static Fp2 Double(in Fp2 a) => new(Fp.Double(a.C0), Fp.Double(a.C1));
    public static Fp2 Neg(in Fp2 a) => new(Fp.Neg(a.C0), Fp.Neg(a.C1));
    public static Fp2 Conjugate(in Fp2 a) => new(a.C0, Fp.Neg(a.C1));

    /// <summary>Karatsuba: three base-field products.</summary>
    public static Fp2 Mul(in Fp2 a, in Fp2 b)
    {
        var t0 = Fp.Mul(a.C0, b.C0);
        var t1 = Fp.Mul(a.C1, b.C1);
        var t2 = Fp.Mul(Fp.Add(a.C0, a.C1), Fp.Add(b.C0, b.C1));
        return new(Fp.Sub(t0, t1), Fp.Sub(Fp.Sub(t2, t0), t1));
    }

    /// <summary>(a0+a1)(a0−a1) + 2a0a1·u: two base-field products.</summary>
    public static Fp2 Square(in Fp2 a)
    {
        var t = Fp.Mul(a.C0, a.C1);
        return new(Fp.Mul(Fp.Add(a.C0, a.C1), Fp.Sub(a.C0, a.C1)), Fp.Double(t));
    }

    public static Fp2 MulByFp(in Fp2 a, in Fp b) => new(Fp.Mul(a.C0, b), Fp.Mul(a.C1, b));

    /// <summary>Multiplication by ξ = 1 + u, the non-residue of the sextic tower.</summary>
    public static Fp2 MulByNonResidue(in Fp2 a) => new(Fp.Sub(a.C0, a.C1), Fp.Add(a.C0, a.C1));

    public static Fp2 Inverse(in Fp2 a)
    {
        var norm = Fp.Add(Fp.Square(a.C0), Fp.Square(a.C1));
        var inv = Fp.Inverse(norm);
        return new(Fp.Mul(a.C0, inv), Fp.Neg(Fp.Mul(a.C1, inv)));
    }

    public static Fp2 Select(in Fp2 a, in Fp2 b, ulong mask) => new(Fp.Select(a.C0, b.C0, mask), Fp.Select(a.C1, b.C1, mask));
    public static bool Equals(in Fp2 a, in Fp2 b) => Fp.Equals(a.C0, b.C0) & Fp.Equals(a.C1, b.C1);

    // E2: y² = x³ + 4(1 + u).
    private static readonly Fp2 B = new(Fp.FromBigInteger(4), Fp.FromBigInteger(4));
    public static Fp2 CurveB => B;
    public static Fp2 MulBy3B(in Fp2 a) => MulByNonResidue(new Fp2(Fp.MulBy3B(a.C0), Fp.MulBy3B(a.C1)));

    public static Fp2 Pow(in Fp2 a, ReadOnlySpan<ulong> e)
    {
        Fp2 r = One;
        for (int i = e.Length - 1; i >= 0; i--)
            for (int bit = 63; bit >= 0; bit--)
            {
                r = Square(r);
                if (((e[i] >> bit) & 1) != 0) r = Mul(r, a);
            }
        return r;
    }

    public static Fp2 Pow(in Fp2 a, BigInteger e) => Pow(a, Fp.Limbs(e));

    /// <summary>
    /// Square root through the base field (the "complex method", p ≡ 3 mod 4): γ = √(a0² + a1²), x0 = √((a0 ± γ)/2),
    /// x1 = a1/(2x0). Three or four Fp exponentiations instead of two Fp2 ones, and a non-square is found at the
    /// first (its norm is a non-square in Fp). Inputs are public (decoding, hashing); false when a is not a square.
    /// </summary>
    public static bool TrySqrt(in Fp2 a, out Fp2 root)
    {
        if (a.C1.IsZero)
        {
            // −1 is a non-residue, so exactly one of a0 and −a0 has a root in Fp.
            if (Fp.TrySqrt(a.C0, out var r)) root = new Fp2(r, Fp.Zero);
            else { Fp.TrySqrt(Fp.Neg(a.C0), out r); root = new Fp2(Fp.Zero, r); }
            return Equals(Square(root), a);
        }
        root = default;
        var norm = Fp.Add(Fp.Square(a.C0), Fp.Square(a.C1));
        if (!Fp.TrySqrt(norm, out var gamma)) return false;
        var delta = Fp.Mul(Fp.Add(a.C0, gamma), Fp.InvTwo);
        if (!Fp.TrySqrt(delta, out var x0))
        {
            delta = Fp.Mul(Fp.Sub(a.C0, gamma), Fp.InvTwo);
            if (!Fp.TrySqrt(delta, out x0)) return false;
        }
        var x1 = Fp.Mul(a.C1, Fp.Inverse(Fp.Double(x0)));
        root = new Fp2(x0, x1);
        return Equals(Square(root), a);
    }

    /// <summary>a is a square in Fp2 iff its norm is a square in Fp.</summary>
    public static bool IsSquare(in Fp2 a) => Fp.IsSquare(Fp.Add(Fp.Square(a.C0), Fp.Square(a.C1)));

    /// <summary>RFC 9380 sgn0 for m = 2.</summary>
    public bool Sgn0
    {
        get
        {
            bool sign0 = C0.IsOdd, zero0 = C0.IsZero, sign1 = C1.IsOdd;
            return sign0 | (zero0 & sign1);
        }
    }

    /// <summary>The ZCash sort flag: compare c1 first, c0 when c1 is zero.</summary>
    public bool IsLexLargest => C1.IsZero ? C0.IsLexLargest : C1.IsLexLargest;

    public override string ToString() => $"({C0}, {C1})";
}
