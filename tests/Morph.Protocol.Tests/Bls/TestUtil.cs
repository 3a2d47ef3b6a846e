using System.Numerics;
using Morph.Protocol.Crypto.Bls;

namespace Morph.Protocol.Tests.Bls;

internal static class TestUtil
{
    public static readonly BigInteger P = Fp.Modulus;
    public static readonly BigInteger R = G1.Order;

    public static BigInteger Mod(BigInteger v) => ((v % P) + P) % P;
    public static BigInteger Big(byte[] be) => new(be, isUnsigned: true, isBigEndian: true);
    public static Fp ToFp(BigInteger v) => Fp.FromBigInteger(v);

    public static byte[] Scalar32(BigInteger v)
    {
        var b = new byte[32];
        v.TryWriteBytes(b.AsSpan(32 - v.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return b;
    }

    public static Point<Fp> G1Mul(BigInteger k) => Curve<Fp>.MulVartime(Curve<Fp>.FromAffine(G1.Generator), Scalar32(k));
    public static Point<Fp2> G2Mul(BigInteger k) => Curve<Fp2>.MulVartime(Curve<Fp2>.FromAffine(G2.Generator), Scalar32(k));

    public static Fp12 Pow(Fp12 f, int e)
    {
        var r = Fp12.One;
        for (int i = 0; i < e; i++) r = Fp12.Mul(r, f);
        return r;
    }
}
