using System.Numerics;
using Morph.Protocol.Crypto.Bls;
using static Morph.Protocol.Tests.Bls.TestUtil;

namespace Morph.Protocol.Tests.Bls;

/// <summary>Every BlsError reason from a crafted input; verification says false, never throws.</summary>
[TestClass]
public sealed class RefusalTests
{
    private static readonly IBlsSignatureScheme Scheme = BlsSignatureScheme.Instance;
    private static readonly BlsSecretKey Sk = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)7, 32).ToArray()).Value;
    private static byte[] Msg => "batch"u8.ToArray();

    private static byte[] G1Infinity() { var b = new byte[48]; b[0] = 0xC0; return b; }
    private static byte[] G2Infinity() { var b = new byte[96]; b[0] = 0xC0; return b; }

    private static byte[] EncodeX(BigInteger x, int size)
    {
        var b = new byte[size];
        x.TryWriteBytes(b.AsSpan(size - x.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        b[0] |= 0x80;
        return b;
    }

    /// <summary>The first small x whose decoding fails for the wanted reason.</summary>
    private static byte[] FindG1(BlsError wanted)
    {
        for (int x = 1; x < 100; x++)
        {
            var b = EncodeX(x, 48);
            if (Serialization.DecompressG1(b, out _) == wanted) return b;
        }
        throw new AssertFailedException("no small x gives " + wanted);
    }

    private static byte[] FindG2(BlsError wanted)
    {
        for (int x = 1; x < 100; x++)
        {
            var b = EncodeX(x, 96); // x = x·1 + 0·u: c1 = 0 in the first half, c0 = x in the second
            b = new byte[96];
            b[0] = 0x80;
            new BigInteger(x).TryWriteBytes(b.AsSpan(95, 1), out _, isUnsigned: true, isBigEndian: true);
            if (Serialization.DecompressG2(b, out _) == wanted) return b;
        }
        throw new AssertFailedException("no small x gives " + wanted);
    }

    [TestMethod]
    public void BadLength()
    {
        Assert.AreEqual(BlsError.BadLength, BlsPublicKey.Parse(new byte[47]).Error);
        Assert.AreEqual(BlsError.BadLength, BlsSignature.Parse(new byte[95]).Error);
        Assert.AreEqual(BlsError.BadLength, BlsSecretKey.FromBytes(new byte[31]).Error);
        Assert.AreEqual(BlsError.BadLength, Scheme.KeyValidate(Sk.PublicKey.ToBytes().Concat(new byte[1]).ToArray()));
        Assert.IsFalse(Scheme.Verify(Sk.PublicKey.ToBytes(), Msg, new byte[10]));
    }

    [TestMethod]
    public void BadFlags()
    {
        var pk = Sk.PublicKey.ToBytes();
        pk[0] &= 0x7F; // compression flag cleared
        Assert.AreEqual(BlsError.BadFlags, BlsPublicKey.Parse(pk).Error);
        var inf = G1Infinity();
        inf[0] |= 0x20; // infinity with the sort flag
        Assert.AreEqual(BlsError.BadFlags, BlsPublicKey.Parse(inf).Error);
        var sig = Sk.Sign(Msg).ToBytes();
        sig[0] &= 0x7F;
        Assert.AreEqual(BlsError.BadFlags, BlsSignature.Parse(sig).Error);
        Assert.IsFalse(Scheme.Verify(Sk.PublicKey.ToBytes(), Msg, sig));
    }

    [TestMethod]
    public void NonCanonicalInfinity()
    {
        var g1 = G1Infinity(); g1[47] = 1;
        Assert.AreEqual(BlsError.NonCanonicalInfinity, BlsPublicKey.Parse(g1).Error);
        var g2 = G2Infinity(); g2[0] |= 0x01;
        Assert.AreEqual(BlsError.NonCanonicalInfinity, BlsSignature.Parse(g2).Error);
    }

    [TestMethod]
    public void NotInField()
    {
        Assert.AreEqual(BlsError.NotInField, BlsPublicKey.Parse(EncodeX(P, 48)).Error);
        var sig = new byte[96];
        P.TryWriteBytes(sig.AsSpan(48), out _, isUnsigned: true, isBigEndian: true); // x.c0 = p
        sig[0] = 0x80;
        Assert.AreEqual(BlsError.NotInField, BlsSignature.Parse(sig).Error);
    }

    [TestMethod]
    public void NotOnCurve()
    {
        Assert.AreEqual(BlsError.NotOnCurve, BlsPublicKey.Parse(FindG1(BlsError.NotOnCurve)).Error);
        Assert.AreEqual(BlsError.NotOnCurve, BlsSignature.Parse(FindG2(BlsError.NotOnCurve)).Error);
    }

    [TestMethod]
    public void NotInSubgroup()
    {
        var pk = FindG1(BlsError.NotInSubgroup);
        Assert.AreEqual(BlsError.NotInSubgroup, Scheme.KeyValidate(pk));
        Assert.IsFalse(Scheme.Verify(pk, Msg, Sk.Sign(Msg).ToBytes()));
        var sig = FindG2(BlsError.NotInSubgroup);
        Assert.AreEqual(BlsError.NotInSubgroup, BlsSignature.Parse(sig).Error);
        Assert.IsFalse(Scheme.Verify(Sk.PublicKey.ToBytes(), Msg, sig));
        Assert.AreEqual(BlsError.NotInSubgroup, Scheme.Aggregate([sig]).Error);
    }

    [TestMethod]
    public void IdentityPublicKey()
    {
        var inf = G1Infinity();
        Assert.AreEqual(BlsError.None, Serialization.DecompressG1(inf, out _), "the identity decodes as a point");
        Assert.AreEqual(BlsError.IdentityPublicKey, Scheme.KeyValidate(inf));
        Assert.AreEqual(BlsError.IdentityPublicKey, BlsPublicKey.Parse(inf).Error);
        Assert.IsFalse(Scheme.Verify(inf, Msg, G2Infinity()));
        Assert.IsFalse(Scheme.PopVerify(inf, G2Infinity()));
        Assert.IsFalse(Scheme.FastAggregateVerify([Sk.PublicKey.ToBytes(), inf], Msg, Sk.Sign(Msg).ToBytes()));
        Assert.IsFalse(Scheme.AggregateVerify([inf], [Msg], G2Infinity()));
        // Keys that cancel out sum to the identity, which is refused as a key.
        var neg = new BlsPublicKey(Curve<Fp>.Neg(Sk.PublicKey.Point));
        Assert.AreEqual(BlsError.IdentityPublicKey, Sk.PublicKey.Add(neg).Error);
    }

    [TestMethod]
    public void SecretKeyRange()
    {
        Assert.AreEqual(BlsError.ZeroSecretKey, BlsSecretKey.FromBytes(new byte[32]).Error);
        Assert.AreEqual(BlsError.ZeroSecretKey, Scheme.Sign(new byte[32], Msg).Error);
        Assert.AreEqual(BlsError.SecretKeyOutOfRange, BlsSecretKey.FromBytes(Scalar32(R)).Error);
        Assert.AreEqual(BlsError.SecretKeyOutOfRange, Scheme.SkToPk(Enumerable.Repeat((byte)0xFF, 32).ToArray()).Error);
        Assert.AreEqual(BlsError.None, BlsSecretKey.FromBytes(Scalar32(R - 1)).Error);
        Assert.AreEqual(BlsError.None, BlsSecretKey.FromBytes(Scalar32(1)).Error);
        Assert.AreEqual(BlsError.ZeroSecretKey, Scheme.PopProve(new byte[32]).Error);
    }

    [TestMethod]
    public void EmptyInputsAndMismatches()
    {
        Assert.AreEqual(BlsError.EmptyInput, Scheme.Aggregate([]).Error);
        Assert.AreEqual(BlsError.EmptyInput, BlsSignature.Aggregate(Array.Empty<BlsSignature>()).Error);
        Assert.AreEqual(BlsError.EmptyInput, BlsPublicKey.Aggregate(Array.Empty<BlsPublicKey>()).Error);
        Assert.IsFalse(Scheme.FastAggregateVerify(Array.Empty<byte[]>(), Msg, G2Infinity()));
        Assert.IsFalse(Scheme.FastAggregateVerify(ReadOnlySpan<BlsPublicKey>.Empty, Msg, BlsSignature.Parse(G2Infinity()).Value));
        Assert.IsFalse(Scheme.AggregateVerify([Sk.PublicKey.ToBytes()], [Msg, Msg], Sk.Sign(Msg).ToBytes()));
        Assert.AreEqual(BlsError.IkmTooShort, BlsSecretKey.KeyGen(new byte[31]).Error);
    }

    [TestMethod]
    public void NullInputsAreRefusedNotThrown()
    {
        var sig = Sk.Sign(Msg);
        Assert.IsFalse(Scheme.Verify((BlsPublicKey)null!, Msg, sig));
        Assert.IsFalse(Scheme.Verify(Sk.PublicKey, Msg, null!));
        Assert.IsFalse(Scheme.FastAggregateVerify((IReadOnlyList<byte[]>)null!, Msg, sig.ToBytes()));
        Assert.IsFalse(Scheme.FastAggregateVerify(new BlsPublicKey[] { null! }, Msg, sig));
        Assert.IsFalse(Scheme.FastAggregateVerify(new byte[][] { null! }, Msg, sig.ToBytes()));
        Assert.IsFalse(Scheme.AggregateVerify(null!, null!, sig.ToBytes()));
        Assert.IsFalse(Scheme.PopVerify((BlsPublicKey)null!, sig));
        Assert.AreEqual(BlsError.EmptyInput, Scheme.Aggregate(null!).Error);
        Assert.AreEqual(BlsError.BadLength, Scheme.Aggregate([null!]).Error);
        Assert.AreEqual(BlsError.EmptyInput, Sk.PublicKey.Add(null!).Error);
    }

    [TestMethod]
    public void ReadingAFailedResultIsAProgrammerError()
    {
        var r = BlsPublicKey.Parse(new byte[1]);
        Assert.IsFalse(r.TryGetValue(out _));
        Assert.ThrowsExactly<InvalidOperationException>(() => _ = r.Value);
    }
}
