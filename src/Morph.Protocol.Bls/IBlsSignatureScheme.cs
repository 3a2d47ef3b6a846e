namespace Morph.Protocol.Crypto.Bls;

/// <summary>
/// The IETF BLS signature API (draft-irtf-cfrg-bls-signature-05), proof-of-possession ciphersuite
/// BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_: public keys in G1 (48 bytes), signatures in G2 (96 bytes), ZCash
/// compressed encodings. Behind an interface so a native library (blst) can stand in for the managed code.
/// Verification answers false on any invalid input; producing operations give the reason.
/// </summary>
public interface IBlsSignatureScheme
{
    BlsResult<byte[]> KeyGen(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> keyInfo);
    BlsResult<byte[]> SkToPk(ReadOnlySpan<byte> secretKey);
    /// <summary>BlsError.None when the key decodes, is in G1 and is not the identity.</summary>
    BlsError KeyValidate(ReadOnlySpan<byte> publicKey);
    BlsResult<byte[]> Sign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message);
    bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
    BlsResult<byte[]> Aggregate(IReadOnlyList<byte[]> signatures);
    bool AggregateVerify(IReadOnlyList<byte[]> publicKeys, IReadOnlyList<byte[]> messages, ReadOnlySpan<byte> signature);
    bool FastAggregateVerify(IReadOnlyList<byte[]> publicKeys, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
    BlsResult<byte[]> PopProve(ReadOnlySpan<byte> secretKey);
    bool PopVerify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> proof);

    /// <summary>Verify with already validated objects (registered keys, an aggregated key).</summary>
    bool Verify(BlsPublicKey publicKey, ReadOnlySpan<byte> message, BlsSignature signature);
    /// <summary>FastAggregateVerify with already validated keys: n−1 additions, one hash, one 2-pairing.</summary>
    bool FastAggregateVerify(ReadOnlySpan<BlsPublicKey> publicKeys, ReadOnlySpan<byte> message, BlsSignature signature);
    bool PopVerify(BlsPublicKey publicKey, BlsSignature proof);
}
