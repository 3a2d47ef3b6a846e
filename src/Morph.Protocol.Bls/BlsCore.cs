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
        do
        {
            salt = SHA256.HashData(salt);
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm0, salt);
            HKDF.Expand(HashAlgorithmName.SHA256, prk, okm, info);
            ReduceModOrder(okm, sk32);
            CryptographicOperations.ZeroMemory(prk);
        }
        while (IsZero(sk32)); // the draft's retry; reveals only that a key was zero (probability ~2^-255)
        CryptographicOperations.ZeroMemory(okm);
        CryptographicOperations.ZeroMemory(ikm0);
        return BlsError.None;
    }

    private static readonly ulong[] OrderLimbs =
    [
        0xffffffff00000001UL, 0x53bda402fffe5bfeUL, 0x3339d80809a1d805UL, 0x73eda753299d7d48UL, 0, 0,
    ];

    /// <summary>OS2IP(okm) mod r for a 48-byte okm, in constant time: binary long division by r·2^i (i = 129..0, public),
    /// each step a full-width subtraction kept or dropped by a mask, never by a branch on secret bits.</summary>
    internal static void ReduceModOrder(ReadOnlySpan<byte> okm48, Span<byte> out32)
    {
        Span<ulong> x = stackalloc ulong[6], shifted = stackalloc ulong[6], diff = stackalloc ulong[6];
        for (int i = 0; i < 6; i++) x[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(okm48.Slice(40 - 8 * i, 8));
        for (int shift = 129; shift >= 0; shift--)
        {
            int limbs = shift / 64, bits = shift % 64;
            for (int i = 5; i >= 0; i--)
            {
                int src = i - limbs;
                ulong hi = src >= 0 ? OrderLimbs[src] << bits : 0;
                ulong lo = bits != 0 && src - 1 >= 0 ? OrderLimbs[src - 1] >> (64 - bits) : 0;
                shifted[i] = hi | lo;
            }
            ulong borrow = 0;
            for (int i = 0; i < 6; i++)
            {
                ulong a = x[i], b = shifted[i], d = a - b - borrow;
                borrow = ((~a & b) | (~(a ^ b) & d)) >> 63;
                diff[i] = d;
            }
            ulong keep = borrow - 1; // no borrow: x ≥ r·2^shift, take the difference
            for (int i = 0; i < 6; i++) x[i] = (diff[i] & keep) | (x[i] & ~keep);
        }
        for (int i = 0; i < 4; i++) System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(out32.Slice(24 - 8 * i, 8), x[i]);
        x.Clear(); diff.Clear();
    }

    private static bool IsZero(ReadOnlySpan<byte> b)
    {
        int acc = 0;
        foreach (var v in b) acc |= v;
        return acc == 0;
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
