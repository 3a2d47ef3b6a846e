using CsCheck;
using Morph.Protocol.Crypto.Bls;

namespace Morph.Protocol.Tests.Bls;

[TestClass]
public sealed class SignatureTests
{
    private static readonly IBlsSignatureScheme Scheme = BlsSignatureScheme.Instance;
    private static readonly Gen<BlsSecretKey> GenKey = Gen.Byte.Array[32].Select(ikm => BlsSecretKey.KeyGen(ikm).Value);

    [TestMethod]
    public void SignVerifyRoundTrip() =>
        Gen.Select(GenKey, Gen.Byte.Array[0, 64]).Sample((sk, msg) =>
        {
            var pk = sk.PublicKey;
            var sig = sk.Sign(msg);
            Assert.IsTrue(Scheme.Verify(pk, msg, sig));
            Assert.IsTrue(Scheme.Verify(pk.ToBytes(), msg, sig.ToBytes()));
            var other = msg.Concat(new byte[] { 1 }).ToArray();
            Assert.IsFalse(Scheme.Verify(pk, other, sig), "another message");
            // The byte API and the typed API agree.
            var bytesSig = Scheme.Sign(sk.ToBytes(), msg);
            CollectionAssert.AreEqual(sig.ToBytes(), bytesSig.Value);
            CollectionAssert.AreEqual(pk.ToBytes(), Scheme.SkToPk(sk.ToBytes()).Value);
        }, iter: 3);

    [TestMethod]
    public void AggregateOfRandomKeys() =>
        Gen.Select(GenKey.Array[1, 6], Gen.Byte.Array[32]).Sample((sks, msg) =>
        {
            var pks = sks.Select(s => s.PublicKey).ToArray();
            var agg = BlsSignature.Aggregate(sks.Select(s => s.Sign(msg))).Value;
            Assert.IsTrue(Scheme.FastAggregateVerify(pks, msg, agg));
            Assert.IsTrue(Scheme.Verify(BlsPublicKey.Aggregate(pks).Value, msg, agg), "Verify with the summed key");
            Assert.IsTrue(Scheme.FastAggregateVerify(pks.Select(p => p.ToBytes()).ToList(), msg, agg.ToBytes()));
            if (pks.Length > 1) Assert.IsFalse(Scheme.FastAggregateVerify(pks[1..], msg, agg), "a signer missing");
            var msgs = sks.Select((_, i) => msg.Append((byte)i).ToArray()).ToList();
            var aggDistinct = Scheme.Aggregate(sks.Select((s, i) => s.Sign(msgs[i]).ToBytes()).ToList()).Value;
            Assert.IsTrue(Scheme.AggregateVerify(pks.Select(p => p.ToBytes()).ToList(), msgs, aggDistinct));
        }, iter: 2);

    [TestMethod]
    public void ProofOfPossession()
    {
        var sk = BlsSecretKey.KeyGen(new byte[32]).Value;
        var proof = sk.ProvePossession();
        Assert.IsTrue(Scheme.PopVerify(sk.PublicKey, proof));
        Assert.IsTrue(Scheme.PopVerify(sk.PublicKey.ToBytes(), proof.ToBytes()));
        Assert.IsFalse(Scheme.Verify(sk.PublicKey, sk.PublicKey.ToBytes(), proof), "PoP DST differs from the signature DST");
    }

    /// <summary>
    /// EIP-2333's derive_master_SK is this KeyGen (HKDF_mod_r, empty key_info); its test case 0 pins the HKDF
    /// details (iterated salt, IKM || 0x00, L = 48) against an outside source.
    /// </summary>
    [TestMethod]
    public void KeyGenMatchesEip2333MasterKeyVector()
    {
        var seed = Convert.FromHexString(
            "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04");
        var sk = Scheme.KeyGen(seed, default).Value;
        var expected = System.Numerics.BigInteger.Parse("6083874454709270928345386274498605044986640685124978867557563392430687146096");
        Assert.AreEqual(expected, new System.Numerics.BigInteger(sk, isUnsigned: true, isBigEndian: true));
    }

    [TestMethod]
    public void KeyGenIsDeterministicAndInRange()
    {
        var ikm = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var a = Scheme.KeyGen(ikm, default).Value;
        CollectionAssert.AreEqual(a, Scheme.KeyGen(ikm, default).Value);
        Assert.AreEqual(BlsError.None, BlsSecretKey.FromBytes(a).Error);
        CollectionAssert.AreNotEqual(a, Scheme.KeyGen(ikm, "info"u8).Value, "key_info changes the key");
    }

    [TestMethod]
    public void PublicKeyAddition()
    {
        var a = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)1, 32).ToArray()).Value;
        var b = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)2, 32).ToArray()).Value;
        var sum = a.PublicKey.Add(b.PublicKey).Value;
        Assert.AreEqual(BlsPublicKey.Aggregate([a.PublicKey, b.PublicKey]).Value, sum);
        Assert.AreEqual(BlsPublicKey.Parse(sum.ToBytes()).Value, sum);
    }
}
