namespace Morph.Protocol.Crypto.Bls;

/// <summary>A point in homogeneous projective coordinates (x = X/Z, y = Y/Z); the identity has Z = 0.</summary>
internal readonly struct Point<F> where F : unmanaged, ICurveField<F>
{
    public readonly F X, Y, Z;
    public Point(in F x, in F y, in F z) { X = x; Y = y; Z = z; }
    public bool IsIdentity => Z.IsZero;
}

/// <summary>An affine point; the identity is flagged (its coordinates are zero).</summary>
internal readonly struct Affine<F> where F : unmanaged, ICurveField<F>
{
    public readonly F X, Y;
    public readonly bool IsIdentity;
    public Affine(in F x, in F y) { X = x; Y = y; IsIdentity = false; }
    private Affine(bool identity) { X = default; Y = default; IsIdentity = identity; }
    public static Affine<F> Identity => new(true);
}

/// <summary>
/// Short Weierstrass y² = x³ + b arithmetic shared by G1 (over Fp) and G2 (over Fp2). Addition and doubling use the
/// complete formulas of Renes–Costello–Batina (2015/1060, algorithms 7 and 9, a = 0): no exceptional cases, so
/// there is no branch on the points, which the constant-time scalar multiplication relies on.
/// </summary>
internal static class Curve<F> where F : unmanaged, ICurveField<F>
{
    public static Point<F> Identity => new(F.Zero, F.One, F.Zero);

    public static Point<F> FromAffine(in Affine<F> a) => a.IsIdentity ? Identity : new(a.X, a.Y, F.One);

    public static Affine<F> ToAffine(in Point<F> p)
    {
        if (p.IsIdentity) return Affine<F>.Identity;
        var zi = F.Inverse(p.Z);
        return new(F.Mul(p.X, zi), F.Mul(p.Y, zi));
    }

    public static Point<F> Neg(in Point<F> p) => new(p.X, F.Neg(p.Y), p.Z);
    public static Affine<F> Neg(in Affine<F> p) => p.IsIdentity ? p : new(p.X, F.Neg(p.Y));

    public static Point<F> Add(in Point<F> p, in Point<F> q)
    {
        var t0 = F.Mul(p.X, q.X);
        var t1 = F.Mul(p.Y, q.Y);
        var t2 = F.Mul(p.Z, q.Z);
        var t3 = F.Mul(F.Add(p.X, p.Y), F.Add(q.X, q.Y));
        var t4 = F.Add(t0, t1);
        t3 = F.Sub(t3, t4);
        t4 = F.Mul(F.Add(p.Y, p.Z), F.Add(q.Y, q.Z));
        var x3 = F.Add(t1, t2);
        t4 = F.Sub(t4, x3);
        x3 = F.Mul(F.Add(p.X, p.Z), F.Add(q.X, q.Z));
        var y3 = F.Add(t0, t2);
        y3 = F.Sub(x3, y3);
        x3 = F.Add(t0, t0);
        t0 = F.Add(x3, t0);
        t2 = F.MulBy3B(t2);
        var z3 = F.Add(t1, t2);
        t1 = F.Sub(t1, t2);
        y3 = F.MulBy3B(y3);
        x3 = F.Mul(t4, y3);
        t2 = F.Mul(t3, t1);
        x3 = F.Sub(t2, x3);
        y3 = F.Mul(y3, t0);
        t1 = F.Mul(t1, z3);
        y3 = F.Add(t1, y3);
        t0 = F.Mul(t0, t3);
        z3 = F.Mul(z3, t4);
        z3 = F.Add(z3, t0);
        return new(x3, y3, z3);
    }

    /// <summary>Mixed addition with an affine (Z = 1) non-identity point (RCB algorithm 8).</summary>
    public static Point<F> AddAffine(in Point<F> p, in Affine<F> q)
    {
        if (q.IsIdentity) return p;
        var t0 = F.Mul(p.X, q.X);
        var t1 = F.Mul(p.Y, q.Y);
        var t3 = F.Mul(F.Add(q.X, q.Y), F.Add(p.X, p.Y));
        var t4 = F.Add(t0, t1);
        t3 = F.Sub(t3, t4);
        t4 = F.Add(F.Mul(q.Y, p.Z), p.Y);
        var y3 = F.Add(F.Mul(q.X, p.Z), p.X);
        var x3 = F.Add(t0, t0);
        t0 = F.Add(x3, t0);
        var t2 = F.MulBy3B(p.Z);
        var z3 = F.Add(t1, t2);
        t1 = F.Sub(t1, t2);
        y3 = F.MulBy3B(y3);
        x3 = F.Mul(t4, y3);
        t2 = F.Mul(t3, t1);
        x3 = F.Sub(t2, x3);
        y3 = F.Mul(y3, t0);
        t1 = F.Mul(t1, z3);
        y3 = F.Add(t1, y3);
        t0 = F.Mul(t0, t3);
        z3 = F.Mul(z3, t4);
        z3 = F.Add(z3, t0);
        return new(x3, y3, z3);
    }

    public static Point<F> Double(in Point<F> p)
    {
        var t0 = F.Square(p.Y);
        var z3 = F.Double(F.Double(F.Double(t0)));
        var t1 = F.Mul(p.Y, p.Z);
        var t2 = F.Square(p.Z);
        t2 = F.MulBy3B(t2);
        var x3 = F.Mul(t2, z3);
        var y3 = F.Add(t0, t2);
        z3 = F.Mul(t1, z3);
        t1 = F.Add(t2, t2);
        t2 = F.Add(t1, t2);
        t0 = F.Sub(t0, t2);
        y3 = F.Mul(t0, y3);
        y3 = F.Add(x3, y3);
        t1 = F.Mul(p.X, p.Y);
        x3 = F.Mul(t0, t1);
        x3 = F.Add(x3, x3);
        return new(x3, y3, z3);
    }

    public static bool Equals(in Point<F> p, in Point<F> q) =>
        F.Equals(F.Mul(p.X, q.Z), F.Mul(q.X, p.Z)) & F.Equals(F.Mul(p.Y, q.Z), F.Mul(q.Y, p.Z));

    public static bool IsOnCurve(in Affine<F> a) =>
        a.IsIdentity || F.Equals(F.Square(a.Y), F.Add(F.Mul(F.Square(a.X), a.X), F.CurveB));

    /// <summary>
    /// [k]P for a public 64-bit k (the BLS parameter |x|, in subgroup checks and cofactor clearing): variable-time
    /// double-and-add in Jacobian coordinates, whose doubling (2M + 5S) is cheaper than the complete one (6M + 2S).
    /// </summary>
    public static Point<F> MulVartime(in Point<F> p, ulong k)
    {
        if (p.IsIdentity || k == 0) return Identity;
        // projective (x = X/Z) → Jacobian (x = X/Z²): (XZ, YZ², Z)
        F bx = F.Mul(p.X, p.Z), by = F.Mul(p.Y, F.Square(p.Z)), bz = p.Z;
        F x = bx, y = by, z = bz;
        for (int i = 62 - System.Numerics.BitOperations.LeadingZeroCount(k); i >= 0; i--)
        {
            JacobianDouble(ref x, ref y, ref z);
            if (((k >> i) & 1) != 0) JacobianAdd(ref x, ref y, ref z, bx, by, bz);
        }
        if (z.IsZero) return Identity;
        // Jacobian → projective: (XZ, Y, Z³)
        return new(F.Mul(x, z), y, F.Mul(F.Square(z), z));
    }

    /// <summary>dbl-2009-l (a = 0).</summary>
    private static void JacobianDouble(ref F x, ref F y, ref F z)
    {
        var a = F.Square(x);
        var b = F.Square(y);
        var c = F.Square(b);
        var d = F.Double(F.Sub(F.Sub(F.Square(F.Add(x, b)), a), c));
        var e = F.Add(F.Double(a), a);
        var f = F.Square(e);
        var x3 = F.Sub(f, F.Double(d));
        var c8 = F.Double(F.Double(F.Double(c)));
        var y3 = F.Sub(F.Mul(e, F.Sub(d, x3)), c8);
        z = F.Double(F.Mul(y, z));
        x = x3;
        y = y3;
    }

    /// <summary>add-2007-bl with its exceptional cases (public data only).</summary>
    private static void JacobianAdd(ref F x1, ref F y1, ref F z1, in F x2, in F y2, in F z2)
    {
        if (z2.IsZero) return;
        if (z1.IsZero) { x1 = x2; y1 = y2; z1 = z2; return; }
        var z1z1 = F.Square(z1);
        var z2z2 = F.Square(z2);
        var u1 = F.Mul(x1, z2z2);
        var u2 = F.Mul(x2, z1z1);
        var s1 = F.Mul(F.Mul(y1, z2), z2z2);
        var s2 = F.Mul(F.Mul(y2, z1), z1z1);
        var h = F.Sub(u2, u1);
        var r = F.Double(F.Sub(s2, s1));
        if (h.IsZero)
        {
            if (r.IsZero) JacobianDouble(ref x1, ref y1, ref z1);
            else { x1 = F.One; y1 = F.One; z1 = F.Zero; }
            return;
        }
        var i = F.Square(F.Double(h));
        var j = F.Mul(h, i);
        var v = F.Mul(u1, i);
        var x3 = F.Sub(F.Sub(F.Square(r), j), F.Double(v));
        var y3 = F.Sub(F.Mul(r, F.Sub(v, x3)), F.Double(F.Mul(s1, j)));
        z1 = F.Mul(F.Sub(F.Sub(F.Square(F.Add(z1, z2)), z1z1), z2z2), h);
        x1 = x3;
        y1 = y3;
    }

    /// <summary>
    /// [k]P for a secret 256-bit big-endian k: fixed 4-bit windows, every window does the same four doublings and
    /// one addition, and the table entry is picked by scanning all 16 with masks, so neither the control flow nor
    /// the memory accesses depend on k.
    /// </summary>
    public static Point<F> MulConstantTime(in Point<F> p, ReadOnlySpan<byte> scalarBe32)
    {
        Span<Point<F>> table = stackalloc Point<F>[16];
        table[0] = Identity;
        table[1] = p;
        for (int i = 2; i < 16; i++) table[i] = Add(table[i - 1], p);

        var r = Identity;
        for (int n = 0; n < 64; n++)
        {
            int nibble = (scalarBe32[n >> 1] >> ((n & 1) == 0 ? 4 : 0)) & 0xF;
            r = Double(Double(Double(Double(r))));
            var sel = Identity;
            for (int i = 0; i < 16; i++)
            {
                ulong eq = (ulong)(((uint)(i ^ nibble) - 1) >> 31); // 1 iff i == nibble, without a branch
                ulong mask = 0UL - eq;
                sel = new Point<F>(F.Select(sel.X, table[i].X, mask), F.Select(sel.Y, table[i].Y, mask),
                    F.Select(sel.Z, table[i].Z, mask));
            }
            r = Add(r, sel);
        }
        table.Clear();
        return r;
    }

    /// <summary>[k]P for a public big-endian scalar (tests and non-secret uses).</summary>
    public static Point<F> MulVartime(in Point<F> p, ReadOnlySpan<byte> scalarBe)
    {
        var r = Identity;
        foreach (byte b in scalarBe)
            for (int i = 7; i >= 0; i--)
            {
                r = Double(r);
                if (((b >> i) & 1) != 0) r = Add(r, p);
            }
        return r;
    }
}
