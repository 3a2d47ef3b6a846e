namespace Morph.Protocol.Crypto.Bls;

/// <summary>
/// ZCash compressed encodings: G1 in 48 bytes, G2 in 96 (x.c1 then x.c0), big-endian, with the three top bits of
/// the first byte as flags: compression (must be set), infinity (then everything else zero) and sort (y is the
/// lexicographically larger root).
/// </summary>
internal static class Serialization
{
    private const byte CompressionFlag = 0x80, InfinityFlag = 0x40, SortFlag = 0x20;
    public const int G1Size = 48, G2Size = 96;

    public static void CompressG1(in Affine<Fp> p, Span<byte> out48)
    {
        if (p.IsIdentity)
        {
            out48[..G1Size].Clear();
            out48[0] = CompressionFlag | InfinityFlag;
            return;
        }
        p.X.WriteBytes(out48);
        out48[0] |= (byte)(CompressionFlag | (p.Y.IsLexLargest ? SortFlag : 0));
    }

    public static void CompressG2(in Affine<Fp2> p, Span<byte> out96)
    {
        if (p.IsIdentity)
        {
            out96[..G2Size].Clear();
            out96[0] = CompressionFlag | InfinityFlag;
            return;
        }
        p.X.C1.WriteBytes(out96);
        p.X.C0.WriteBytes(out96[48..]);
        out96[0] |= (byte)(CompressionFlag | (p.Y.IsLexLargest ? SortFlag : 0));
    }

    /// <summary>Checks flags and infinity; on a non-identity point copies x's bytes with the flags cleared.</summary>
    private static BlsError ReadFlags(ReadOnlySpan<byte> bytes, int size, Span<byte> xBytes, out bool identity, out bool sort)
    {
        identity = false; sort = false;
        if (bytes.Length != size) return BlsError.BadLength;
        byte f = bytes[0];
        if ((f & CompressionFlag) == 0) return BlsError.BadFlags;
        sort = (f & SortFlag) != 0;
        if ((f & InfinityFlag) != 0)
        {
            if (sort) return BlsError.BadFlags;
            if ((f & 0x1F) != 0) return BlsError.NonCanonicalInfinity;
            for (int i = 1; i < size; i++) if (bytes[i] != 0) return BlsError.NonCanonicalInfinity;
            identity = true;
            return BlsError.None;
        }
        bytes.CopyTo(xBytes);
        xBytes[0] &= 0x1F;
        return BlsError.None;
    }

    /// <summary>Decodes and fully validates (field, curve, subgroup); the identity is accepted here.</summary>
    public static BlsError DecompressG1(ReadOnlySpan<byte> bytes, out Affine<Fp> point)
    {
        point = Affine<Fp>.Identity;
        Span<byte> xb = stackalloc byte[G1Size];
        var err = ReadFlags(bytes, G1Size, xb, out bool identity, out bool sort);
        if (err != BlsError.None || identity) return err;
        if (!Fp.TryFromBytes(xb, out var x)) return BlsError.NotInField;
        var rhs = Fp.Add(Fp.Mul(Fp.Square(x), x), Fp.CurveB);
        if (!Fp.TrySqrt(rhs, out var y)) return BlsError.NotOnCurve;
        if (y.IsLexLargest != sort) y = Fp.Neg(y);
        var p = new Affine<Fp>(x, y);
        if (!G1.IsInSubgroup(Curve<Fp>.FromAffine(p))) return BlsError.NotInSubgroup;
        point = p;
        return BlsError.None;
    }

    public static BlsError DecompressG2(ReadOnlySpan<byte> bytes, out Affine<Fp2> point)
    {
        point = Affine<Fp2>.Identity;
        Span<byte> xb = stackalloc byte[G2Size];
        var err = ReadFlags(bytes, G2Size, xb, out bool identity, out bool sort);
        if (err != BlsError.None || identity) return err;
        if (!Fp.TryFromBytes(xb[..48], out var x1) || !Fp.TryFromBytes(xb[48..], out var x0)) return BlsError.NotInField;
        var x = new Fp2(x0, x1);
        var rhs = Fp2.Add(Fp2.Mul(Fp2.Square(x), x), Fp2.CurveB);
        if (!Fp2.TrySqrt(rhs, out var y)) return BlsError.NotOnCurve;
        if (y.IsLexLargest != sort) y = Fp2.Neg(y);
        var p = new Affine<Fp2>(x, y);
        if (!G2.IsInSubgroup(Curve<Fp2>.FromAffine(p))) return BlsError.NotInSubgroup;
        point = p;
        return BlsError.None;
    }
}
