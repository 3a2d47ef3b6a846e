using System.Numerics;
using System.Security.Cryptography;

namespace Morph.Protocol.Crypto.Bls;

/// <summary>The ciphersuite's core operations on decoded points (draft-irtf-cfrg-bls-signature-05, section 2).</summary>
internal static class BlsCore
{
    public static ReadOnlySpan<byte> SignatureDst => "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"u8;
    public static ReadOnlySpan<byte> PopDst => "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"u8;

    // r, big-endian, for the secret-key range check.
    private static ReadOnlySpan<byte> OrderBe =>
    [
        0x73, 0xed, 0xa7, 0x53, 0x29, 0x9d, 0x7d, 0x48, 0x33, 0x39, 0xd8, 0x08, 0x09, 0xa1, 0xd8, 0x05,
        0x53, 0xbd, 0xa4, 0x02, 0xff, 0xfe, 0x5b, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
    ];

    /// <summary>0 &lt; sk &lt; r, without branching on the key's bytes.</summary>
    public static BlsError ValidateSecretKey(ReadOnlySpan<byte> sk)
    {
        if (sk.Length != 32) return BlsError.BadLength;
        int acc = 0, borrow = 0;
        for (int i = 31; i >= 0; i--)
        {
            acc |= sk[i];
            int d = sk[i] - OrderBe[i] - borrow;
            borrow = (d >> 8) & 1; // 1 when negative
        }
        if (acc == 0) return BlsError.ZeroSecretKey;
        return borrow == 1 ? BlsError.None : BlsError.SecretKeyOutOfRange;
    }

    /// <summary>KeyGen of draft-irtf-cfrg-bls-signature-05 section 2.3 (HKDF-SHA256, salt iterated from the v4+ salt).</summary>
    public static BlsError KeyGen(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> keyInfo, Span<byte> sk32)
    {
        if (ikm.Length < 32) return BlsError.IkmTooShort;
        byte[] salt = "BLS-SIG-KEYGEN-SALT-"u8.ToArray();
        var ikm0 = new byte[ikm.Length + 1];
        ikm.CopyTo(ikm0);
        var info = new byte[keyInfo.Length + 2];
        keyInfo.CopyTo(info);
        info[^2] = 0; info[^1] = 48; // I2OSP(L = 48, 2)
        var okm = new byte[48];
        var order = G1.Order;
        BigInteger skInt = BigInteger.Zero;
        while (skInt.IsZero)
        {
            salt = SHA256.HashData(salt);
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm0, salt);
            HKDF.Expand(HashAlgorithmName.SHA256, prk, okm, info);
            skInt = new BigInteger(okm, isUnsigned: true, isBigEndian: true) % order;
            CryptographicOperations.ZeroMemory(prk);
        }
        sk32.Clear();
        skInt.TryWriteBytes(sk32[(32 - skInt.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
        CryptographicOperations.ZeroMemory(okm);
        CryptographicOperations.ZeroMemory(ikm0);
        return BlsError.None;
    }

    /// <summary>SkToPk: constant-time [sk]g1.</summary>
    public static Affine<Fp> SkToPk(ReadOnlySpan<byte> sk32) =>
        Curve<Fp>.ToAffine(Curve<Fp>.MulConstantTime(Curve<Fp>.FromAffine(G1.Generator), sk32));

    /// <summary>CoreSign: constant-time [sk]H(m).</summary>
    public static Affine<Fp2> Sign(ReadOnlySpan<byte> sk32, ReadOnlySpan<byte> msg, ReadOnlySpan<byte> dst) =>
        Curve<Fp2>.ToAffine(Curve<Fp2>.MulConstantTime(HashToCurve.HashToG2(msg, dst), sk32));

    /// <summary>CoreVerify on validated points: e(pk, H(m))·e(−g1, σ) = 1, one shared final exponentiation.</summary>
    public static bool Verify(in Affine<Fp> pk, ReadOnlySpan<byte> msg, in Affine<Fp2> sig, ReadOnlySpan<byte> dst)
    {
        if (pk.IsIdentity) return false;
        var q = Curve<Fp2>.ToAffine(HashToCurve.HashToG2(msg, dst));
        ReadOnlySpan<Affine<Fp>> ps = [pk, G1.NegGenerator];
        ReadOnlySpan<Affine<Fp2>> qs = [q, sig];
        return Pairing.ProductIsOne(ps, qs);
    }
}
