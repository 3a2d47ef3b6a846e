using System.Numerics;
using CsCheck;
using Morph.Protocol.Crypto.Bls;
using static Morph.Protocol.Tests.Bls.TestUtil;

namespace Morph.Protocol.Tests.Bls;

/// <summary>Fp and Fp2 against System.Numerics.BigInteger modulo p as the oracle.</summary>
[TestClass]
public sealed class FieldPropertyTests
{
    // Wide random integers reduced mod p, plus the edges 0, 1, p−1.
    private static readonly Gen<BigInteger> GenFp = Gen.OneOf(
        Gen.Byte.Array[64].Select(b => Mod(Big(b))),
        Gen.OneOf(BigInteger.Zero, BigInteger.One, P - 1, P - 2, (P - 1) / 2));

    [TestMethod]
    public void FpMatchesBigInteger() =>
        Gen.Select(GenFp, GenFp).Sample((a, b) =>
        {
            Fp x = ToFp(a), y = ToFp(b);
            Assert.AreEqual(Mod(a + b), Fp.Add(x, y).ToBigInteger());
            Assert.AreEqual(Mod(a - b), Fp.Sub(x, y).ToBigInteger());
            Assert.AreEqual(Mod(a * b), Fp.Mul(x, y).ToBigInteger());
            Assert.AreEqual(Mod(a * a), Fp.Square(x).ToBigInteger());
            Assert.AreEqual(Mod(-a), Fp.Neg(x).ToBigInteger());
            Assert.AreEqual(Mod(2 * a), Fp.Double(x).ToBigInteger());
        }, iter: 500);

    [TestMethod]
    public void FpInverseAndDistributivity() =>
        Gen.Select(GenFp, GenFp, GenFp).Sample((a, b, c) =>
        {
            Fp x = ToFp(a), y = ToFp(b), z = ToFp(c);
            if (!a.IsZero) Assert.IsTrue(Fp.Equals(Fp.Mul(x, Fp.Inverse(x)), Fp.One));
            Assert.IsTrue(Fp.Equals(Fp.Mul(x, Fp.Add(y, z)), Fp.Add(Fp.Mul(x, y), Fp.Mul(x, z))));
        }, iter: 100);

    [TestMethod]
    public void FpSqrtOfSquares() =>
        GenFp.Sample(a =>
        {
            var sq = Fp.Square(ToFp(a));
            Assert.IsTrue(Fp.TrySqrt(sq, out var root));
            Assert.IsTrue(Fp.Equals(Fp.Square(root), sq));
            Assert.IsTrue(Fp.IsSquare(sq));
        }, iter: 50);

    [TestMethod]
    public void FpBytesRoundTripAndRangeCheck()
    {
        GenFp.Sample(a =>
        {
            var buf = new byte[48];
            ToFp(a).WriteBytes(buf);
            Assert.AreEqual(a, Big(buf));
            Assert.IsTrue(Fp.TryFromBytes(buf, out var back));
            Assert.AreEqual(a, back.ToBigInteger());
        }, iter: 200);
        var pBytes = new byte[48];
        P.TryWriteBytes(pBytes, out _, isUnsigned: true, isBigEndian: true);
        Assert.IsFalse(Fp.TryFromBytes(pBytes, out _), "p itself is not a field element");
    }

    [TestMethod]
    public void WideReductionMatchesBigInteger() =>
        Gen.OneOf(Gen.Byte.Array[64], Gen.Const(Enumerable.Repeat((byte)0xFF, 64).ToArray()), Gen.Const(new byte[64])).Sample(b =>
            Assert.AreEqual(Mod(Big(b)), Fp.FromBigEndianWide(b).ToBigInteger()), iter: 300);

    [TestMethod]
    public void Fp2MatchesComplexArithmetic() =>
        Gen.Select(GenFp, GenFp, GenFp, GenFp).Sample((a0, a1, b0, b1) =>
        {
            var x = new Fp2(ToFp(a0), ToFp(a1));
            var y = new Fp2(ToFp(b0), ToFp(b1));
            var m = Fp2.Mul(x, y); // (a0 + a1 u)(b0 + b1 u), u² = −1
            Assert.AreEqual(Mod(a0 * b0 - a1 * b1), m.C0.ToBigInteger());
            Assert.AreEqual(Mod(a0 * b1 + a1 * b0), m.C1.ToBigInteger());
            var s = Fp2.Square(x);
            Assert.IsTrue(Fp2.Equals(s, Fp2.Mul(x, x)));
            Assert.IsTrue(Fp2.Equals(Fp2.Mul(x, Fp2.Add(y, y)), Fp2.Add(m, m)));
            if (!x.IsZero) Assert.IsTrue(Fp2.Equals(Fp2.Mul(x, Fp2.Inverse(x)), Fp2.One));
        }, iter: 200);

    [TestMethod]
    public void Fp2SqrtOfSquares() =>
        Gen.Select(GenFp, GenFp).Sample((a0, a1) =>
        {
            var sq = Fp2.Square(new Fp2(ToFp(a0), ToFp(a1)));
            Assert.IsTrue(Fp2.TrySqrt(sq, out var root));
            Assert.IsTrue(Fp2.Equals(Fp2.Square(root), sq));
            Assert.IsTrue(Fp2.IsSquare(sq));
        }, iter: 20);

    [TestMethod]
    public void Fp12InverseAndFrobeniusOrder()
    {
        var f = Pairing.MillerLoop([G1.Generator], [G2.Generator]);
        Assert.IsTrue(Fp12.Mul(f, Fp12.Inverse(f)).IsOne);
        var g = f;
        for (int i = 0; i < 12; i++) g = Fp12.Frobenius(g);
        Assert.IsTrue(Fp12.Equals(g, f), "Frobenius has order 12");
        var h = f;
        for (int i = 0; i < 6; i++) h = Fp12.Frobenius(h);
        Assert.IsTrue(Fp12.Equals(h, Fp12.Conjugate(f)), "x^(p^6) is the conjugate");
    }
}
