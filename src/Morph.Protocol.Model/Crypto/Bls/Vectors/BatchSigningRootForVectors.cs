using System.Numerics;
using Org.BouncyCastle.Crypto.Digests;

namespace Morph.Protocol.Crypto.Bls.Vectors;

/// <summary>
/// The batch signing root of PROTOCOL.md section 4, for the vector runner only.
/// The domain's Rollup will own this computation later; this class is to be rerouted to it on merge.
/// </summary>
public static class BatchSigningRootForVectors
{
    public static byte[] Keccak256(ReadOnlySpan<byte> data)
    {
        var d = new KeccakDigest(256);
        d.BlockUpdate(data);
        var h = new byte[32];
        d.DoFinal(h, 0);
        return h;
    }

    /// <summary>keccak256(abi.encode(address[] newSet)), or 32 zero bytes when there is no change.</summary>
    public static byte[] SetChangeHash(IReadOnlyList<byte[]> newSet)
    {
        if (newSet.Count == 0) return new byte[32];
        var buf = new byte[32 * (2 + newSet.Count)];
        buf[31] = 0x20; // offset of the dynamic array
        WriteUint(buf.AsSpan(32, 32), newSet.Count);
        for (int i = 0; i < newSet.Count; i++) WriteAddress(buf.AsSpan(64 + 32 * i, 32), newSet[i]);
        return Keccak256(buf);
    }

    /// <summary>keccak256(abi.encode(keccak256(tag), l1ChainId, rollup, batchIndex, batchHash, setChangeHash)).</summary>
    public static byte[] SigningRoot(BigInteger l1ChainId, byte[] rollup, BigInteger batchIndex, byte[] batchHash, byte[] setChangeHash)
    {
        var buf = new byte[32 * 6];
        Keccak256("Morph.Protocol.BatchSignature.v1"u8).CopyTo(buf, 0);
        WriteUint(buf.AsSpan(32, 32), l1ChainId);
        WriteAddress(buf.AsSpan(64, 32), rollup);
        WriteUint(buf.AsSpan(96, 32), batchIndex);
        batchHash.CopyTo(buf, 128);
        setChangeHash.CopyTo(buf, 160);
        return Keccak256(buf);
    }

    /// <summary>Quorum of PROTOCOL.md section 4: |A| ≥ 1 and popcount·den &gt; num·|A|.</summary>
    public static bool QuorumMet(int signers, int setSize, int num = 2, int den = 3) =>
        setSize >= 1 && (long)signers * den > (long)num * setSize;

    private static void WriteUint(Span<byte> word, BigInteger v)
    {
        word.Clear();
        int n = v.GetByteCount(isUnsigned: true);
        v.TryWriteBytes(word[(32 - n)..], out _, isUnsigned: true, isBigEndian: true);
    }

    private static void WriteAddress(Span<byte> word, byte[] address)
    {
        if (address.Length != 20) throw new ArgumentException("address must be 20 bytes");
        word.Clear();
        address.CopyTo(word[12..]);
    }
}
