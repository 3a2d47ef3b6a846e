using System;
using System.Text;

namespace Morph.Protocol.Spec.Model
{
    /// <summary>Ethereum's Keccak-256 (padding 0x01), small and dependency-free, so that the binder and the generator
    /// turn signatures into selectors and topics at compile time (the runtime uses BouncyCastle; a test holds them equal).</summary>
    public static class SpecKeccak
    {
        private static readonly ulong[] RoundConstants =
        {
            0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL,
            0x000000000000808bUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
            0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
            0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL,
            0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800aUL, 0x800000008000000aUL,
            0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
        };

        private static readonly int[] Rotations = { 1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44 };
        private static readonly int[] Lanes = { 10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1 };

        public static byte[] Hash(byte[] input)
        {
            const int rate = 136;
            var state = new ulong[25];
            var padded = new byte[(input.Length / rate + 1) * rate];
            Array.Copy(input, padded, input.Length);
            padded[input.Length] ^= 0x01;
            padded[padded.Length - 1] ^= 0x80;
            for (int block = 0; block < padded.Length; block += rate)
            {
                for (int i = 0; i < rate / 8; i++)
                    for (int b = 0; b < 8; b++) state[i] ^= (ulong)padded[block + i * 8 + b] << (8 * b);
                Permute(state);
            }
            var output = new byte[32];
            for (int i = 0; i < 4; i++)
                for (int b = 0; b < 8; b++) output[i * 8 + b] = (byte)(state[i] >> (8 * b));
            return output;
        }

        public static byte[] Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

        /// <summary>The first 4 bytes of keccak256(signature), as a big-endian number.</summary>
        public static uint Selector(string signature)
        {
            var h = Hash(signature);
            return (uint)(h[0] << 24 | h[1] << 16 | h[2] << 8 | h[3]);
        }

        private static ulong Rol(ulong x, int n) => x << n | x >> (64 - n);

        private static void Permute(ulong[] a)
        {
            var c = new ulong[5];
            for (int round = 0; round < 24; round++)
            {
                for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
                for (int x = 0; x < 5; x++)
                {
                    var d = c[(x + 4) % 5] ^ Rol(c[(x + 1) % 5], 1);
                    for (int y = 0; y < 25; y += 5) a[y + x] ^= d;
                }
                var t = a[1];
                for (int i = 0; i < 24; i++)
                {
                    var j = Lanes[i];
                    var tmp = a[j];
                    a[j] = Rol(t, Rotations[i]);
                    t = tmp;
                }
                for (int y = 0; y < 25; y += 5)
                {
                    for (int x = 0; x < 5; x++) c[x] = a[y + x];
                    for (int x = 0; x < 5; x++) a[y + x] = c[x] ^ (~c[(x + 1) % 5] & c[(x + 2) % 5]);
                }
                a[0] ^= RoundConstants[round];
            }
        }
    }
}
