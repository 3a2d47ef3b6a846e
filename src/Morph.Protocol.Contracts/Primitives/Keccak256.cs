using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Morph.Protocol.Primitives;

/// <summary>
/// Ethereum's Keccak-256 (the original Keccak padding 0x01, not FIPS-202 SHA3-256's 0x06), via BouncyCastle.
/// One digest per thread is reused, since KeccakDigest is stateful and not thread-safe.
/// </summary>
public static class Keccak256
{
    [ThreadStatic] private static KeccakDigest? t_digest;

    public static void Hash(ReadOnlySpan<byte> input, Span<byte> dest32)
    {
        if (dest32.Length < 32) throw new ArgumentException("Destination needs 32 bytes.", nameof(dest32));
        var d = t_digest ??= new KeccakDigest(256);
        d.Reset();
        d.BlockUpdate(input);
        d.DoFinal(dest32);
    }

    public static Bytes32 Hash(ReadOnlySpan<byte> input)
    {
        Span<byte> h = stackalloc byte[32];
        Hash(input, h);
        return Bytes32.FromBytes(h);
    }

    public static Bytes32 HashUtf8(string text) => Hash(Encoding.UTF8.GetBytes(text));
}
