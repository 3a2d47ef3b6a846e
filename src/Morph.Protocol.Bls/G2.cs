namespace Morph.Protocol.Crypto.Bls;

/// <summary>E2: y² = x³ + 4(1 + u) over Fp2 (M-type twist), the group of signatures.</summary>
internal static class G2
{
    public static readonly Affine<Fp2> Generator = new(
        new Fp2(Fp.FromHex("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"),
                Fp.FromHex("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e")),
        new Fp2(Fp.FromHex("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"),
                Fp.FromHex("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be")));

    // ψ = untwist ∘ Frobenius ∘ twist: (x, y) → (conj(x)·ξ^−(p−1)/3, conj(y)·ξ^−(p−1)/2). Computed, not transcribed.
    private static readonly Fp2 PsiX = Fp2.Inverse(FrobeniusConstants.Gamma[2]);
    private static readonly Fp2 PsiY = Fp2.Inverse(FrobeniusConstants.Gamma[3]);

    /// <summary>ψ on projective coordinates: conjugation is a field automorphism, so it commutes with X/Z.</summary>
    public static Point<Fp2> Psi(in Point<Fp2> p) => new(
        Fp2.Mul(Fp2.Conjugate(p.X), PsiX), Fp2.Mul(Fp2.Conjugate(p.Y), PsiY), Fp2.Conjugate(p.Z));

    /// <summary>P ∈ G2 ⇔ ψ(P) = [x]P (Scott, 2021/1130), x negative.</summary>
    public static bool IsInSubgroup(in Point<Fp2> p)
    {
        var xp = Curve<Fp2>.Neg(Curve<Fp2>.MulVartime(p, G1.X));
        return Curve<Fp2>.Equals(xp, Psi(p));
    }

    /// <summary>
    /// RFC 9380 clear_cofactor for BLS12-381 G2 (h_eff, Budroni–Pintore): [x²−x−1]P + [x−1]ψ(P) + ψ²(2P).
    /// </summary>
    public static Point<Fp2> ClearCofactor(in Point<Fp2> p)
    {
        var t1 = Curve<Fp2>.Neg(Curve<Fp2>.MulVartime(p, G1.X)); // [x]P
        var t2 = Psi(p);
        var t3 = Psi(Psi(Curve<Fp2>.Double(p)));
        t3 = Curve<Fp2>.Add(t3, Curve<Fp2>.Neg(t2));
        t2 = Curve<Fp2>.Add(t1, t2);
        t2 = Curve<Fp2>.Neg(Curve<Fp2>.MulVartime(t2, G1.X));
        t3 = Curve<Fp2>.Add(t3, t2);
        t3 = Curve<Fp2>.Add(t3, Curve<Fp2>.Neg(t1));
        return Curve<Fp2>.Add(t3, Curve<Fp2>.Neg(p));
    }
}
