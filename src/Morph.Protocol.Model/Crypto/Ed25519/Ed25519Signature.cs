using Rfc8032 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Morph.Protocol.Crypto.Ed25519;

/// <summary>Pure Ed25519 verification (RFC 8032 section 5.1.7: no prehash, no context), strict: the signature's
/// scalar s must be below the group order L and its R a canonical encoding, and the public key must be a canonical
/// encoding of a point of the prime-order subgroup (no small-order or mixed-order key: an honestly generated key
/// always is one, and a small-order key proves no secret). BouncyCastle's RFC 8032 code does the arithmetic.
/// Answers false on any invalid input, never throws.</summary>
public static class Ed25519Signature
{
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    /// <summary>Whether <paramref name="publicKey"/> is 32 bytes that canonically encode a point of the prime-order
    /// subgroup (so not the identity, not of small order, not of mixed order).</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == PublicKeySize && Rfc8032.ValidatePublicKeyFull(publicKey);

    /// <summary>Whether <paramref name="signature"/> is a valid pure Ed25519 signature by <paramref name="publicKey"/>
    /// over <paramref name="message"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        // The three-span overload is pure Ed25519 (the overloads taking a byte[] ctx are Ed25519ctx).
        signature.Length == SignatureSize && IsValidPublicKey(publicKey) && Rfc8032.Verify(sig: signature, pk: publicKey, m: message);
}
