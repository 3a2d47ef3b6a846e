using System.Numerics;
using CsCheck;
using Morph.Protocol.Crypto.Bls;

namespace Morph.Protocol.Tests.Bls;

/// <summary>KeyGen's OS2IP(okm) mod r is constant-time code; BigInteger is the oracle.</summary>
[TestClass]
public sealed class KeyGenReductionTests
{
    private static readonly BigInteger R = BigInteger.Parse("073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", System.Globalization.NumberStyles.HexNumber);

    private static void Check(byte[] okm)
    {
        var expected = new BigInteger(okm, isUnsigned: true, isBigEndian: true) % R;
        var sk = new byte[32];
        BlsCore.ReduceModOrder(okm, sk);
        Assert.AreEqual(expected, new BigInteger(sk, isUnsigned: true, isBigEndian: true), Convert.ToHexString(okm));
    }

    [TestMethod]
    public void Random_48_byte_inputs_reduce_as_BigInteger_does() =>
        Gen.Byte.Array[48].Sample(okm => Check(okm), iter: 5_000);

    [TestMethod]
    public void Boundaries_reduce_as_BigInteger_does()
    {
        static byte[] Of(BigInteger v)
        {
            var b = new byte[48];
            v.TryWriteBytes(b.AsSpan(48 - v.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
            return b;
        }
        foreach (var v in new[] { BigInteger.Zero, BigInteger.One, R - 1, R, R + 1, R * 2, (R << 129) - 1, R << 128, (BigInteger.One << 384) - 1 })
            Check(Of(v));
    }
}
