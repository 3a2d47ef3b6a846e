using System.Numerics;
using CsCheck;
using Morph.Protocol.Crypto.Bls;
using static Morph.Protocol.Tests.Bls.TestUtil;

namespace Morph.Protocol.Tests.Bls;

[TestClass]
public sealed class CurvePairingTests
{
    private static readonly Gen<BigInteger> GenScalar = Gen.Byte.Array[40].Select(b => Big(b) % R);

    [TestMethod]
    public void GeneratorsAreOnCurveAndOfOrderR()
    {
        Assert.IsTrue(Curve<Fp>.IsOnCurve(G1.Generator));
        Assert.IsTrue(Curve<Fp2>.IsOnCurve(G2.Generator));
        Assert.IsTrue(G1Mul(R).IsIdentity);
        Assert.IsTrue(G2Mul(R).IsIdentity);
        Assert.IsTrue(G1.IsInSubgroup(Curve<Fp>.FromAffine(G1.Generator)));
        Assert.IsTrue(G2.IsInSubgroup(Curve<Fp2>.FromAffine(G2.Generator)));
    }

    [TestMethod]
    public void ConstantTimeMultiplicationMatchesDoubleAndAdd() =>
        GenScalar.Sample(k =>
        {
            var g1 = Curve<Fp>.FromAffine(G1.Generator);
            Assert.IsTrue(Curve<Fp>.Equals(Curve<Fp>.MulConstantTime(g1, Scalar32(k)), G1Mul(k)));
            var g2 = Curve<Fp2>.FromAffine(G2.Generator);
            Assert.IsTrue(Curve<Fp2>.Equals(Curve<Fp2>.MulConstantTime(g2, Scalar32(k)), G2Mul(k)));
        }, iter: 5);

    [TestMethod]
    public void AdditionIsConsistentWithDoubling() =>
        GenScalar.Sample(k =>
        {
            var p = G1Mul(k);
            Assert.IsTrue(Curve<Fp>.Equals(Curve<Fp>.Add(p, p), Curve<Fp>.Double(p)));
            Assert.IsTrue(Curve<Fp>.Add(p, Curve<Fp>.Neg(p)).IsIdentity);
            Assert.IsTrue(Curve<Fp>.Equals(Curve<Fp>.AddAffine(p, G1.Generator), G1Mul(k + 1)));
        }, iter: 10);

    /// <summary>The endomorphism subgroup checks agree with multiplication by r on points off the subgroup too.</summary>
    [TestMethod]
    public void SubgroupChecksAgreeWithOrderMultiplication()
    {
        int offSubgroup = 0;
        for (int x = 1; x < 40; x++)
        {
            var fx = Fp.FromBigInteger(x);
            if (!Fp.TrySqrt(Fp.Add(Fp.Mul(Fp.Square(fx), fx), Fp.CurveB), out var y)) continue;
            var p = new Point<Fp>(fx, y, Fp.One);
            bool byOrder = Curve<Fp>.MulVartime(p, Scalar32(R)).IsIdentity;
            Assert.AreEqual(byOrder, G1.IsInSubgroup(p), $"G1 x={x}");
            if (!byOrder) offSubgroup++;
            // Clearing the cofactor lands in the subgroup: [h]P with h = (x−1)²/3.
            var h = BigInteger.Pow(new BigInteger(0xd201000000010000UL) + 1, 2) / 3;
            var cleared = Curve<Fp>.MulVartime(p, Scalar32(h));
            Assert.IsTrue(G1.IsInSubgroup(cleared));
        }
        Assert.IsGreaterThan(0, offSubgroup);
        for (int x = 1; x < 8; x++)
        {
            var fx = new Fp2(Fp.FromBigInteger(x), Fp.One);
            if (!Fp2.TrySqrt(Fp2.Add(Fp2.Mul(Fp2.Square(fx), fx), Fp2.CurveB), out var y)) continue;
            var p = new Point<Fp2>(fx, y, Fp2.One);
            bool byOrder = Curve<Fp2>.MulVartime(p, Scalar32(R)).IsIdentity;
            Assert.AreEqual(byOrder, G2.IsInSubgroup(p), $"G2 x={x}+u");
            Assert.IsTrue(G2.IsInSubgroup(G2.ClearCofactor(p)), "h_eff clears the G2 cofactor");
        }
    }

    [TestMethod]
    public void CompressionRoundTrips() =>
        GenScalar.Sample(k =>
        {
            var p1 = Curve<Fp>.ToAffine(G1Mul(k));
            var b1 = new byte[48];
            Serialization.CompressG1(p1, b1);
            Assert.AreEqual(BlsError.None, Serialization.DecompressG1(b1, out var q1));
            Assert.IsTrue(p1.IsIdentity ? q1.IsIdentity : Fp.Equals(p1.X, q1.X) && Fp.Equals(p1.Y, q1.Y));

            var p2 = Curve<Fp2>.ToAffine(G2Mul(k));
            var b2 = new byte[96];
            Serialization.CompressG2(p2, b2);
            Assert.AreEqual(BlsError.None, Serialization.DecompressG2(b2, out var q2));
            Assert.IsTrue(p2.IsIdentity ? q2.IsIdentity : Fp2.Equals(p2.X, q2.X) && Fp2.Equals(p2.Y, q2.Y));
        }, iter: 5);

    [TestMethod]
    public void PairingIsBilinear() =>
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 12]).Sample((a, b) =>
        {
            var e = Pairing.Pair(G1.Generator, G2.Generator);
            var eab = Pairing.Pair(Curve<Fp>.ToAffine(G1Mul(a)), Curve<Fp2>.ToAffine(G2Mul(b)));
            Assert.IsFalse(e.IsOne, "non-degenerate");
            Assert.IsTrue(Fp12.Equals(eab, Pow(e, a * b)));
        }, iter: 3);

    [TestMethod]
    public void MultiPairingSharesOneFinalExponentiation()
    {
        // e(P, Q)·e(−P, Q) = 1 and e(aP, Q) = e(P, aQ), both through the multi-Miller loop.
        var p = Curve<Fp>.ToAffine(G1Mul(5));
        Assert.IsTrue(Pairing.ProductIsOne([p, Curve<Fp>.Neg(p)], [G2.Generator, G2.Generator]));
        Assert.IsTrue(Pairing.ProductIsOne([p, G1.NegGenerator], [G2.Generator, Curve<Fp2>.ToAffine(G2Mul(5))]));
        Assert.IsFalse(Pairing.ProductIsOne([p, G1.NegGenerator], [G2.Generator, Curve<Fp2>.ToAffine(G2Mul(6))]));
    }

    [TestMethod]
    public void HashToG2LandsInTheSubgroup()
    {
        var h = HashToCurve.HashToG2("abc"u8, "QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_"u8);
        Assert.IsTrue(Curve<Fp2>.MulVartime(h, Scalar32(R)).IsIdentity);
    }
}
