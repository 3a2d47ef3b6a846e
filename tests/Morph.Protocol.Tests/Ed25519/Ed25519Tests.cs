using System.Numerics;
using Morph.Protocol.Crypto.Ed25519;
using Morph.Protocol.Devnet;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Ed25519;

/// <summary>The Ed25519 helper: RFC 8032's own test vectors for signing, and the strictness PROTOCOL.md section 2
/// asks of verification (s &lt; L, canonical encodings, no prehash, no context) plus the model's choice that a public
/// key lies in the prime-order subgroup (docs/decisions.md).</summary>
[TestClass]
public sealed class Ed25519Tests
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");

    // RFC 8032 section 7.1, TEST 1 and TEST 2.
    [TestMethod]
    [DataRow("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [DataRow("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    public void Rfc8032_test_vectors(string secret, string publicKey, string message, string signature)
    {
        var key = Ed25519SecretKey.FromSeed(Convert.FromHexString(secret));
        CollectionAssert.AreEqual(Convert.FromHexString(publicKey), key.PublicKey.ToArray());
        var m = Convert.FromHexString(message);
        CollectionAssert.AreEqual(Convert.FromHexString(signature), key.Sign(m));
        Assert.IsTrue(Ed25519Signature.Verify(key.PublicKey, m, Convert.FromHexString(signature)));
        Assert.IsFalse(Ed25519Signature.Verify(key.PublicKey, [.. m, 0], Convert.FromHexString(signature)));
    }

    [TestMethod]
    public void A_scalar_at_or_above_the_group_order_is_refused()
    {
        var key = Ed25519SecretKey.FromSeed(new byte[32]);
        var m = "strict"u8.ToArray();
        var signature = key.Sign(m);
        Assert.IsTrue(Ed25519Signature.Verify(key.PublicKey, m, signature));
        Assert.IsFalse(Ed25519Signature.Verify(key.PublicKey, m, AddL(signature)), "s + L: the same point equation, but s ≥ L");
    }

    [TestMethod]
    public void Keys_of_small_or_mixed_order_and_non_canonical_keys_are_refused()
    {
        string[] smallOrder =
        [
            "0100000000000000000000000000000000000000000000000000000000000000", // identity
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2
            "0000000000000000000000000000000000000000000000000000000000000000", // order 4
            "0000000000000000000000000000000000000000000000000000000000000080", // order 4
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // the identity, non-canonical (y = p + 1)
        ];
        foreach (var hex in smallOrder) Assert.IsFalse(Ed25519Signature.IsValidPublicKey(Convert.FromHexString(hex)), hex);
        var key = Ed25519SecretKey.FromSeed(new byte[32]).PublicKey.ToArray();
        Assert.IsTrue(Ed25519Signature.IsValidPublicKey(key));
        Assert.IsFalse(Ed25519Signature.IsValidPublicKey(PlusOrderTwo(key)), "mixed order");
        Assert.IsFalse(Ed25519Signature.IsValidPublicKey(key[..31]));
    }

    [TestMethod]
    public void Devnet_tm_keys_are_ed25519_public_keys_derived_from_the_stakers_seed()
    {
        var s = DevnetStaker.Create(7);
        var again = DevnetStaker.Create(7);
        Assert.AreEqual(s.TmKey, again.TmKey);
        var seed = Keccak256.HashUtf8("Morph.Protocol.Devnet.TmKey.7").ToArray();
        Assert.AreEqual(Bytes32.FromBytes(Ed25519SecretKey.FromSeed(seed).PublicKey), s.TmKey);
        Assert.AreNotEqual(s.TmKey, DevnetStaker.Create(8).TmKey);
    }

    [TestMethod]
    public void A_seed_of_the_wrong_length_is_an_argument_error() =>
        Assert.ThrowsExactly<ArgumentException>(() => Ed25519SecretKey.FromSeed(new byte[31]));

    /// <summary>The signature with L added to its scalar (little-endian, bytes 32..63).</summary>
    internal static byte[] AddL(ReadOnlySpan<byte> signature)
    {
        var s = new BigInteger(signature[32..], isUnsigned: true) + L;
        var result = signature.ToArray();
        var bytes = s.ToByteArray(isUnsigned: true);
        Array.Clear(result, 32, 32);
        bytes.CopyTo(result, 32);
        return result;
    }

    /// <summary>The encoding of A + T, T = (0, −1) the point of order 2: (x, y) becomes (−x, −y).</summary>
    internal static byte[] PlusOrderTwo(byte[] encoded)
    {
        var yBytes = encoded.ToArray();
        var sign = yBytes[31] >> 7;
        yBytes[31] &= 0x7f;
        var y = new BigInteger(yBytes, isUnsigned: true);
        var result = new byte[32];
        ((P - y) % P).ToByteArray(isUnsigned: true).CopyTo(result, 0);
        result[31] |= (byte)((1 - sign) << 7);
        return result;
    }
}
