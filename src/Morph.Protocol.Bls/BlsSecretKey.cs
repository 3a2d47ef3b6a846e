using System.Security.Cryptography;

namespace Morph.Protocol.Crypto.Bls;

/// <summary>A secret key 0 &lt; sk &lt; r (32 bytes big-endian). Its operations never branch on the key's bits.</summary>
public sealed class BlsSecretKey : IDisposable
{
    private readonly byte[] _sk;
    private BlsPublicKey? _pk;
    private bool _disposed;

    private BlsSecretKey(byte[] sk) => _sk = sk;

    public static BlsResult<BlsSecretKey> FromBytes(ReadOnlySpan<byte> bytes)
    {
        var err = BlsCore.ValidateSecretKey(bytes);
        return err == BlsError.None ? BlsResult<BlsSecretKey>.Ok(new BlsSecretKey(bytes.ToArray())) : BlsResult<BlsSecretKey>.Fail(err);
    }

    /// <summary>KeyGen(IKM, key_info) of the IETF draft; IKM must be at least 32 bytes of secret randomness.</summary>
    public static BlsResult<BlsSecretKey> KeyGen(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> keyInfo = default)
    {
        var sk = new byte[32];
        var err = BlsCore.KeyGen(ikm, keyInfo, sk);
        return err == BlsError.None ? BlsResult<BlsSecretKey>.Ok(new BlsSecretKey(sk)) : BlsResult<BlsSecretKey>.Fail(err);
    }

    public BlsPublicKey PublicKey => _pk ??= new BlsPublicKey(BlsCore.SkToPk(Key));

    public BlsSignature Sign(ReadOnlySpan<byte> message) => new(BlsCore.Sign(Key, message, BlsCore.SignatureDst));

    /// <summary>PopProve: a signature, under the PoP DST, of the compressed public key.</summary>
    public BlsSignature ProvePossession() => new(BlsCore.Sign(Key, PublicKey.ToBytes(), BlsCore.PopDst));

    public byte[] ToBytes() => (byte[])Key.Clone();

    // A zeroed key would sign as sk = 0 (the identity): using a disposed key is a programming error, so it throws.
    private byte[] Key => _disposed ? throw new ObjectDisposedException(nameof(BlsSecretKey)) : _sk;

    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_sk);
    }

    public override string ToString() => "BlsSecretKey(***)";
}
