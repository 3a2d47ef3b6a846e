using Rfc8032 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Morph.Protocol.Crypto.Ed25519;

/// <summary>An Ed25519 secret key (RFC 8032: the 32-byte seed the key is expanded from) and its public key; signs
/// with pure Ed25519 (no prehash, no context). For devnet stakers, scenarios and tests.</summary>
public sealed class Ed25519SecretKey
{
    public const int SeedSize = 32;

    private readonly byte[] _seed;
    private readonly byte[] _publicKey = new byte[Ed25519Signature.PublicKeySize];

    private Ed25519SecretKey(byte[] seed)
    {
        _seed = seed;
        Rfc8032.GeneratePublicKey(_seed, _publicKey);
    }

    /// <summary>The key whose RFC 8032 seed is <paramref name="seed"/> (exactly 32 bytes).</summary>
    public static Ed25519SecretKey FromSeed(ReadOnlySpan<byte> seed) =>
        seed.Length == SeedSize
            ? new Ed25519SecretKey(seed.ToArray())
            : throw new ArgumentException($"an Ed25519 seed is {SeedSize} bytes, got {seed.Length}", nameof(seed));

    /// <summary>The 32-byte encoded public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>The 64-byte pure Ed25519 signature (R ‖ s) over <paramref name="message"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signature = new byte[Ed25519Signature.SignatureSize];
        // The span overload taking the public key, named in full: with byte[] arguments the overload whose second
        // parameter is a byte[] context (Ed25519ctx) binds instead.
        Rfc8032.Sign(sk: (ReadOnlySpan<byte>)_seed, pk: (ReadOnlySpan<byte>)_publicKey, m: message, sig: signature);
        return signature;
    }
}
