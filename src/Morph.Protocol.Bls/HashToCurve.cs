using System.Security.Cryptography;

namespace Morph.Protocol.Crypto.Bls;

/// <summary>
/// RFC 9380 hash_to_curve for BLS12381G2_XMD:SHA-256_SSWU_RO_: expand_message_xmd, hash_to_field (count 2, m 2,
/// L 64), simplified SWU on the 3-isogenous curve E2', the 3-isogeny to E2, and h_eff cofactor clearing.
/// Messages are public, so this code is variable-time.
/// </summary>
internal static class HashToCurve
{
    private const int L = 64;

    public static Point<Fp2> HashToG2(ReadOnlySpan<byte> msg, ReadOnlySpan<byte> dst)
    {
        Span<byte> uniform = stackalloc byte[4 * L];
        ExpandMessageXmd(msg, dst, uniform);
        var u0 = new Fp2(Fp.FromBigEndianWide(uniform[..L]), Fp.FromBigEndianWide(uniform[L..(2 * L)]));
        var u1 = new Fp2(Fp.FromBigEndianWide(uniform[(2 * L)..(3 * L)]), Fp.FromBigEndianWide(uniform[(3 * L)..]));
        var q0 = MapToCurve(u0);
        var q1 = MapToCurve(u1);
        return G2.ClearCofactor(Curve<Fp2>.Add(q0, q1));
    }

    /// <summary>expand_message_xmd with SHA-256 (b = 32, r = 64 bytes), RFC 9380 section 5.3.1.</summary>
    public static void ExpandMessageXmd(ReadOnlySpan<byte> msg, ReadOnlySpan<byte> dst, Span<byte> output)
    {
        if (dst.Length > 255)
        {
            var dstHash = new byte[32];
            // Section 5.3.3: an oversized DST is replaced by H("H2C-OVERSIZE-DST-" || DST).
            var prefix = "H2C-OVERSIZE-DST-"u8;
            var buf = new byte[prefix.Length + dst.Length];
            prefix.CopyTo(buf);
            dst.CopyTo(buf.AsSpan(prefix.Length));
            SHA256.HashData(buf, dstHash);
            dst = dstHash;
        }
        int len = output.Length;
        int ell = (len + 31) / 32;
        if (ell > 255 || len > 65535) throw new ArgumentException("expand_message_xmd: output too long");

        int dstPrimeLen = dst.Length + 1;
        Span<byte> dstPrime = stackalloc byte[dstPrimeLen];
        dst.CopyTo(dstPrime);
        dstPrime[^1] = (byte)dst.Length;

        // msg_prime = Z_pad(64) || msg || I2OSP(len, 2) || 0x00 || DST_prime
        int mpLen = 64 + msg.Length + 3 + dstPrimeLen;
        byte[]? rented = null;
        Span<byte> mp = mpLen <= 1024 ? stackalloc byte[mpLen] : (rented = new byte[mpLen]);
        mp[..64].Clear();
        msg.CopyTo(mp[64..]);
        int o = 64 + msg.Length;
        mp[o] = (byte)(len >> 8); mp[o + 1] = (byte)len; mp[o + 2] = 0;
        dstPrime.CopyTo(mp[(o + 3)..]);
        Span<byte> b0 = stackalloc byte[32];
        SHA256.HashData(mp[..mpLen], b0);

        Span<byte> block = stackalloc byte[32 + 1 + dstPrimeLen];
        Span<byte> bi = stackalloc byte[32];
        for (int i = 1; i <= ell; i++)
        {
            for (int j = 0; j < 32; j++) block[j] = (byte)(i == 1 ? b0[j] : b0[j] ^ bi[j]);
            block[32] = (byte)i;
            dstPrime.CopyTo(block[33..]);
            SHA256.HashData(block, bi);
            int off = (i - 1) * 32;
            bi[..Math.Min(32, len - off)].CopyTo(output[off..]);
        }
    }

    // E2': y² = x³ + A'x + B', A' = 240u, B' = 1012(1 + u); Z = −(2 + u).
    private static readonly Fp2 A = new(Fp.Zero, Fp.FromBigInteger(240));
    private static readonly Fp2 B = new(Fp.FromBigInteger(1012), Fp.FromBigInteger(1012));
    private static readonly Fp2 Z = new(Fp.FromBigInteger(-2), Fp.FromBigInteger(-1));
    private static readonly Fp2 MinusBOverA = Fp2.Neg(Fp2.Mul(B, Fp2.Inverse(A)));
    private static readonly Fp2 BOverZA = Fp2.Mul(B, Fp2.Inverse(Fp2.Mul(Z, A)));

    /// <summary>Simplified SWU to E2' (RFC 9380 section 6.6.2, straight-line form not needed: u is public), then iso_map.</summary>
    public static Point<Fp2> MapToCurve(in Fp2 u)
    {
        var u2 = Fp2.Square(u);
        var zu2 = Fp2.Mul(Z, u2);
        var tv1 = Fp2.Add(Fp2.Square(zu2), zu2); // Z²u⁴ + Zu²
        Fp2 x1 = tv1.IsZero ? BOverZA : Fp2.Mul(MinusBOverA, Fp2.Add(Fp2.One, Fp2.Inverse(tv1)));
        var gx1 = Fp2.Add(Fp2.Mul(Fp2.Add(Fp2.Square(x1), A), x1), B);
        // The root attempt doubles as the is_square test (a non-square fails at its first step).
        Fp2 x = x1;
        if (!Fp2.TrySqrt(gx1, out var y))
        {
            x = Fp2.Mul(zu2, x1);
            var gx2 = Fp2.Add(Fp2.Mul(Fp2.Add(Fp2.Square(x), A), x), B);
            Fp2.TrySqrt(gx2, out y);
        }
        if (u.Sgn0 != y.Sgn0) y = Fp2.Neg(y);
        return IsoMap(x, y);
    }

    private static Fp2 C(string c0, string c1) => new(Fp.FromHex(c0), Fp.FromHex(c1));

    // RFC 9380 appendix E.3, coefficients in ascending degree.
    private static readonly Fp2[] XNum =
    [
        C("5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6", "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6"),
        C("0", "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a"),
        C("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e", "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d"),
        C("171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1", "0"),
    ];
    private static readonly Fp2[] XDen =
    [
        C("0", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63"),
        C("c", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f"),
        C("1", "0"),
    ];
    private static readonly Fp2[] YNum =
    [
        C("1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706", "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706"),
        C("0", "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be"),
        C("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c", "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f"),
        C("124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10", "0"),
    ];
    private static readonly Fp2[] YDen =
    [
        C("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb"),
        C("0", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3"),
        C("12", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99"),
        C("1", "0"),
    ];

    private static Fp2 Horner(Fp2[] k, in Fp2 x)
    {
        var acc = k[^1];
        for (int i = k.Length - 2; i >= 0; i--) acc = Fp2.Add(Fp2.Mul(acc, x), k[i]);
        return acc;
    }

    /// <summary>The 3-isogeny E2' → E2, returned projectively (x = xn/xd, y = y·yn/yd) to avoid inversions.</summary>
    private static Point<Fp2> IsoMap(in Fp2 x, in Fp2 y)
    {
        var xn = Horner(XNum, x);
        var xd = Horner(XDen, x);
        var yn = Horner(YNum, x);
        var yd = Horner(YDen, x);
        if (xd.IsZero || yd.IsZero) return Curve<Fp2>.Identity; // exceptional case of the isogeny
        // x = xn/xd, y = y·yn/yd  →  (xn·yd : y·yn·xd : xd·yd)
        return new Point<Fp2>(Fp2.Mul(xn, yd), Fp2.Mul(Fp2.Mul(y, yn), xd), Fp2.Mul(xd, yd));
    }
}
