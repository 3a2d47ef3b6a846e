using System.Numerics;

namespace Morph.Protocol.Crypto.Bls;

/// <summary>E1: y² = x³ + 4 over Fp, the group of public keys.</summary>
internal static class G1
{
    /// <summary>|x| of the BLS parameter x = −0xd201000000010000.</summary>
    public const ulong X = 0xd201000000010000UL;

    public static readonly Affine<Fp> Generator = new(
        Fp.FromHex("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"),
        Fp.FromHex("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"));

    /// <summary>−g1, precomputed for the verification equation e(pk, H(m))·e(−g1, σ) = 1.</summary>
    public static readonly Affine<Fp> NegGenerator = Curve<Fp>.Neg(Generator);

    public static readonly BigInteger Order = BigInteger.Parse(
        "073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", System.Globalization.NumberStyles.HexNumber);

    // A primitive cube root of unity β with φ(x, y) = (βx, y) acting as [−x²] on G1 (Scott, 2021/1130).
    private static readonly Fp Beta = Fp.FromHex(
        "5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffe");

    /// <summary>
    /// Membership in the order-r subgroup via the GLV endomorphism: P ∈ G1 ⇔ φ(P) = [−x²]P, two 64-bit
    /// multiplications instead of one by the 255-bit r.
    /// </summary>
    public static bool IsInSubgroup(in Point<Fp> p)
    {
        var phi = new Point<Fp>(Fp.Mul(p.X, Beta), p.Y, p.Z);
        var xp = Curve<Fp>.MulVartime(p, X);       // [|x|]P = [−x]P
        var x2p = Curve<Fp>.Neg(Curve<Fp>.MulVartime(xp, X)); // −[x²]P
        return Curve<Fp>.Equals(x2p, phi);
    }
}
