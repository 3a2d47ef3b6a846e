namespace Morph.Protocol.Crypto.Bls;

/// <summary>The managed implementation of <see cref="IBlsSignatureScheme"/>.</summary>
public sealed class BlsSignatureScheme : IBlsSignatureScheme
{
    public static BlsSignatureScheme Instance { get; } = new();

    public BlsResult<byte[]> KeyGen(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> keyInfo)
    {
        var sk = new byte[32];
        var err = BlsCore.KeyGen(ikm, keyInfo, sk);
        return err == BlsError.None ? BlsResult<byte[]>.Ok(sk) : BlsResult<byte[]>.Fail(err);
    }

    public BlsResult<byte[]> SkToPk(ReadOnlySpan<byte> secretKey)
    {
        var err = BlsCore.ValidateSecretKey(secretKey);
        if (err != BlsError.None) return BlsResult<byte[]>.Fail(err);
        var pk = new byte[Serialization.G1Size];
        Serialization.CompressG1(BlsCore.SkToPk(secretKey), pk);
        return BlsResult<byte[]>.Ok(pk);
    }

    public BlsError KeyValidate(ReadOnlySpan<byte> publicKey) => BlsPublicKey.Parse(publicKey).Error;

    public BlsResult<byte[]> Sign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message) =>
        SignWith(secretKey, message, BlsCore.SignatureDst);

    private static BlsResult<byte[]> SignWith(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        var err = BlsCore.ValidateSecretKey(secretKey);
        if (err != BlsError.None) return BlsResult<byte[]>.Fail(err);
        var sig = new byte[Serialization.G2Size];
        Serialization.CompressG2(BlsCore.Sign(secretKey, message, dst), sig);
        return BlsResult<byte[]>.Ok(sig);
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (Serialization.DecompressG1(publicKey, out var pk) != BlsError.None || pk.IsIdentity) return false;
        if (Serialization.DecompressG2(signature, out var sig) != BlsError.None) return false;
        return BlsCore.Verify(pk, message, sig, BlsCore.SignatureDst);
    }

    public bool Verify(BlsPublicKey publicKey, ReadOnlySpan<byte> message, BlsSignature signature) =>
        publicKey is not null && signature is not null && BlsCore.Verify(publicKey.Point, message, signature.Point, BlsCore.SignatureDst);

    public BlsResult<byte[]> Aggregate(IReadOnlyList<byte[]> signatures)
    {
        if (signatures is null || signatures.Count == 0) return BlsResult<byte[]>.Fail(BlsError.EmptyInput);
        var acc = Curve<Fp2>.Identity;
        foreach (var s in signatures)
        {
            var err = Serialization.DecompressG2(s, out var p);
            if (err != BlsError.None) return BlsResult<byte[]>.Fail(err);
            acc = Curve<Fp2>.AddAffine(acc, p);
        }
        var outBytes = new byte[Serialization.G2Size];
        Serialization.CompressG2(Curve<Fp2>.ToAffine(acc), outBytes);
        return BlsResult<byte[]>.Ok(outBytes);
    }

    public bool AggregateVerify(IReadOnlyList<byte[]> publicKeys, IReadOnlyList<byte[]> messages, ReadOnlySpan<byte> signature)
    {
        if (publicKeys is null || messages is null) return false;
        int n = publicKeys.Count;
        if (n == 0 || n != messages.Count) return false;
        if (Serialization.DecompressG2(signature, out var sig) != BlsError.None) return false;
        var ps = new Affine<Fp>[n + 1];
        var qs = new Affine<Fp2>[n + 1];
        for (int i = 0; i < n; i++)
        {
            if (Serialization.DecompressG1(publicKeys[i], out ps[i]) != BlsError.None || ps[i].IsIdentity) return false;
            qs[i] = Curve<Fp2>.ToAffine(HashToCurve.HashToG2(messages[i], BlsCore.SignatureDst));
        }
        ps[n] = G1.NegGenerator;
        qs[n] = sig;
        return Pairing.ProductIsOne(ps, qs);
    }

    public bool FastAggregateVerify(IReadOnlyList<byte[]> publicKeys, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKeys is null || publicKeys.Count == 0) return false;
        if (Serialization.DecompressG2(signature, out var sig) != BlsError.None) return false;
        var acc = Curve<Fp>.Identity;
        foreach (var pkBytes in publicKeys)
        {
            if (Serialization.DecompressG1(pkBytes, out var pk) != BlsError.None || pk.IsIdentity) return false;
            acc = Curve<Fp>.AddAffine(acc, pk);
        }
        return BlsCore.Verify(Curve<Fp>.ToAffine(acc), message, sig, BlsCore.SignatureDst);
    }

    public bool FastAggregateVerify(ReadOnlySpan<BlsPublicKey> publicKeys, ReadOnlySpan<byte> message, BlsSignature signature)
    {
        if (publicKeys.Length == 0 || signature is null) return false;
        foreach (var k in publicKeys) if (k is null) return false;
        var sum = BlsPublicKey.SumPoints(publicKeys);
        return BlsCore.Verify(Curve<Fp>.ToAffine(sum), message, signature.Point, BlsCore.SignatureDst);
    }

    public BlsResult<byte[]> PopProve(ReadOnlySpan<byte> secretKey)
    {
        var err = BlsCore.ValidateSecretKey(secretKey);
        if (err != BlsError.None) return BlsResult<byte[]>.Fail(err);
        var pk = new byte[Serialization.G1Size];
        Serialization.CompressG1(BlsCore.SkToPk(secretKey), pk);
        return SignWith(secretKey, pk, BlsCore.PopDst);
    }

    public bool PopVerify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> proof)
    {
        if (Serialization.DecompressG1(publicKey, out var pk) != BlsError.None || pk.IsIdentity) return false;
        if (Serialization.DecompressG2(proof, out var sig) != BlsError.None) return false;
        Span<byte> pkBytes = stackalloc byte[Serialization.G1Size];
        Serialization.CompressG1(pk, pkBytes); // hash the canonical encoding
        return BlsCore.Verify(pk, pkBytes, sig, BlsCore.PopDst);
    }

    public bool PopVerify(BlsPublicKey publicKey, BlsSignature proof) =>
        publicKey is not null && proof is not null && BlsCore.Verify(publicKey.Point, publicKey.ToBytes(), proof.Point, BlsCore.PopDst);
}
