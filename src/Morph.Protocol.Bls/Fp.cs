using System.Numerics;
using System.Runtime.CompilerServices;

namespace Morph.Protocol.Crypto.Bls;

/// <summary>
/// An element of the BLS12-381 base field, kept in Montgomery form (a·R mod p, R = 2^384) on six 64-bit limbs,
/// little-endian. Every operation is branch-free on the values (selection by masks), so the same code serves secret
/// and public data.
/// </summary>
internal readonly partial struct Fp : ICurveField<Fp>
{
    internal readonly ulong l0, l1, l2, l3, l4, l5;

    internal const ulong P0 = 0xb9feffffffffaaabUL, P1 = 0x1eabfffeb153ffffUL, P2 = 0x6730d2a0f6b0f624UL,
        P3 = 0x64774b84f38512bfUL, P4 = 0x4b1ba7b6434bacd7UL, P5 = 0x1a0111ea397fe69aUL;
    // -p^-1 mod 2^64, for the Montgomery reduction.
    private const ulong Inv = 0x89f3fffcfffcfffdUL;

    public static readonly BigInteger Modulus = BigInteger.Parse(
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
        System.Globalization.NumberStyles.HexNumber);

    public static Fp Zero => default;
    // R mod p: the Montgomery form of 1.
    public static Fp One => new(0x760900000002fffdUL, 0xebf4000bc40c0002UL, 0x5f48985753c758baUL,
        0x77ce585370525745UL, 0x5c071a97a256ec6dUL, 0x15f65ec3fa80e493UL);
    // R^2 mod p: multiplying by it converts a canonical value into Montgomery form.
    private static Fp R2 => new(0xf4df1f341c341746UL, 0x0a76e6a609d104f1UL, 0x8de5476c4c95b6d5UL,
        0x67eb88a9939d83c0UL, 0x9a793e85b519952dUL, 0x11988fe592cae3aaUL);

    internal Fp(ulong a0, ulong a1, ulong a2, ulong a3, ulong a4, ulong a5)
    {
        l0 = a0; l1 = a1; l2 = a2; l3 = a3; l4 = a4; l5 = a5;
    }

    public bool IsZero => (l0 | l1 | l2 | l3 | l4 | l5) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulAdd(ulong a, ulong b, ulong c, ref ulong carry)
    {
        // a*b + c + carry < 2^128, so one 128-bit result holds it.
        ulong hi = Math.BigMul(a, b, out ulong lo);
        lo += c;
        hi += lo < c ? 1UL : 0UL;
        lo += carry;
        hi += lo < carry ? 1UL : 0UL;
        carry = hi;
        return lo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddC(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b;
        ulong c1 = s < a ? 1UL : 0UL;
        ulong r = s + carry;
        carry = c1 | (r < s ? 1UL : 0UL);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubB(ulong a, ulong b, ref ulong borrow)
    {
        ulong d = a - b;
        ulong b1 = a < b ? 1UL : 0UL;
        ulong r = d - borrow;
        borrow = b1 | (d < borrow ? 1UL : 0UL);
        return r;
    }

    /// <summary>Subtracts p once if the value (below 2p) is at least p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5)
    {
        ulong b = 0;
        ulong s0 = SubB(t0, P0, ref b), s1 = SubB(t1, P1, ref b), s2 = SubB(t2, P2, ref b);
        ulong s3 = SubB(t3, P3, ref b), s4 = SubB(t4, P4, ref b), s5 = SubB(t5, P5, ref b);
        ulong keep = 0UL - b; // all ones when t < p: keep t
        return new Fp((t0 & keep) | (s0 & ~keep), (t1 & keep) | (s1 & ~keep), (t2 & keep) | (s2 & ~keep),
            (t3 & keep) | (s3 & ~keep), (t4 & keep) | (s4 & ~keep), (t5 & keep) | (s5 & ~keep));
    }

    public static Fp Add(in Fp a, in Fp b)
    {
        ulong c = 0;
        ulong t0 = AddC(a.l0, b.l0, ref c), t1 = AddC(a.l1, b.l1, ref c), t2 = AddC(a.l2, b.l2, ref c);
        ulong t3 = AddC(a.l3, b.l3, ref c), t4 = AddC(a.l4, b.l4, ref c), t5 = AddC(a.l5, b.l5, ref c);
        return Reduce(t0, t1, t2, t3, t4, t5); // 2p < 2^382: no carry out
    }

    /// <summary>2a by a one-bit shift (no carry chain: a &lt; p &lt; 2^381), then the conditional subtraction.</summary>
    public static Fp Double(in Fp a) => Reduce(a.l0 << 1, (a.l1 << 1) | (a.l0 >> 63), (a.l2 << 1) | (a.l1 >> 63),
        (a.l3 << 1) | (a.l2 >> 63), (a.l4 << 1) | (a.l3 >> 63), (a.l5 << 1) | (a.l4 >> 63));

    public static Fp Sub(in Fp a, in Fp b)
    {
        ulong br = 0;
        ulong t0 = SubB(a.l0, b.l0, ref br), t1 = SubB(a.l1, b.l1, ref br), t2 = SubB(a.l2, b.l2, ref br);
        ulong t3 = SubB(a.l3, b.l3, ref br), t4 = SubB(a.l4, b.l4, ref br), t5 = SubB(a.l5, b.l5, ref br);
        ulong m = 0UL - br; // add p back when it went negative
        ulong c = 0;
        t0 = AddC(t0, P0 & m, ref c); t1 = AddC(t1, P1 & m, ref c); t2 = AddC(t2, P2 & m, ref c);
        t3 = AddC(t3, P3 & m, ref c); t4 = AddC(t4, P4 & m, ref c); t5 = AddC(t5, P5 & m, ref c);
        return new Fp(t0, t1, t2, t3, t4, t5);
    }

    public static Fp Neg(in Fp a) => Sub(default, a);

    /// <summary>Constant-time selection: b when mask is all ones, a when zero.</summary>
    public static Fp Select(in Fp a, in Fp b, ulong mask) => new(
        a.l0 ^ ((a.l0 ^ b.l0) & mask), a.l1 ^ ((a.l1 ^ b.l1) & mask), a.l2 ^ ((a.l2 ^ b.l2) & mask),
        a.l3 ^ ((a.l3 ^ b.l3) & mask), a.l4 ^ ((a.l4 ^ b.l4) & mask), a.l5 ^ ((a.l5 ^ b.l5) & mask));

    public static bool Equals(in Fp a, in Fp b) =>
        ((a.l0 ^ b.l0) | (a.l1 ^ b.l1) | (a.l2 ^ b.l2) | (a.l3 ^ b.l3) | (a.l4 ^ b.l4) | (a.l5 ^ b.l5)) == 0;

    /// <summary>
    /// a^e for a public exponent given as little-endian limbs: fixed 4-bit windows. The exponent drives the control
    /// flow and the table index, never the base, so this is constant-time in a (inversion of secret-derived values).
    /// </summary>
    public static Fp Pow(in Fp a, ReadOnlySpan<ulong> e)
    {
        Span<Fp> table = stackalloc Fp[16];
        table[0] = One;
        table[1] = a;
        for (int i = 2; i < 16; i++) table[i] = Mul(table[i - 1], a);
        Fp r = One;
        bool started = false;
        for (int i = e.Length - 1; i >= 0; i--)
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                int w = (int)((e[i] >> shift) & 0xF);
                if (started) r = Square(Square(Square(Square(r))));
                if (w != 0) { r = started ? Mul(r, table[w]) : table[w]; started = true; }
            }
        return r;
    }

    private static readonly ulong[] PMinus2 = Limbs(Modulus - 2);
    private static readonly ulong[] PPlus1Over4 = Limbs((Modulus + 1) / 4);
    private static readonly ulong[] PMinus1Over2 = Limbs((Modulus - 1) / 2);

    /// <summary>Inverse by Fermat (exponent p−2 is public, so this is constant-time); 0 maps to 0.</summary>
    public static Fp Inverse(in Fp a) => Pow(a, PMinus2);

    /// <summary>Square root when it exists (p ≡ 3 mod 4, so a^((p+1)/4)).</summary>
    public static bool TrySqrt(in Fp a, out Fp root)
    {
        root = Pow(a, PPlus1Over4);
        return Equals(Square(root), a);
    }

    public static readonly Fp InvTwo = Inverse(FromBigInteger(2));

    /// <summary>Euler's criterion; zero counts as a square.</summary>
    public static bool IsSquare(in Fp a) => a.IsZero || Equals(Pow(a, PMinus1Over2), One);

    /// <summary>The canonical (non-Montgomery) limbs.</summary>
    public Fp FromMontgomery() => Mul(this, new Fp(1, 0, 0, 0, 0, 0));

    /// <summary>Parity of the canonical value (RFC 9380 sgn0 over Fp).</summary>
    public bool IsOdd => (FromMontgomery().l0 & 1) != 0;

    /// <summary>True when the canonical value is above (p−1)/2 (the ZCash "lexicographically largest" rule).</summary>
    public bool IsLexLargest
    {
        get
        {
            // v > (p-1)/2  ⇔  2v > p-1  ⇔  2v ≥ p; 2v fits in 6 limbs since p < 2^381.
            var c = FromMontgomery();
            ulong carry = 0;
            ulong d0 = AddC(c.l0, c.l0, ref carry), d1 = AddC(c.l1, c.l1, ref carry), d2 = AddC(c.l2, c.l2, ref carry);
            ulong d3 = AddC(c.l3, c.l3, ref carry), d4 = AddC(c.l4, c.l4, ref carry), d5 = AddC(c.l5, c.l5, ref carry);
            ulong b = 0;
            SubB(d0, P0, ref b); SubB(d1, P1, ref b); SubB(d2, P2, ref b);
            SubB(d3, P3, ref b); SubB(d4, P4, ref b); SubB(d5, P5, ref b);
            return b == 0;
        }
    }

    /// <summary>Reads a 48-byte big-endian canonical value; false when it is not below p.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> be48, out Fp value)
    {
        ulong a5 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be48);
        ulong a4 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be48[8..]);
        ulong a3 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be48[16..]);
        ulong a2 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be48[24..]);
        ulong a1 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be48[32..]);
        ulong a0 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be48[40..]);
        ulong b = 0;
        SubB(a0, P0, ref b); SubB(a1, P1, ref b); SubB(a2, P2, ref b);
        SubB(a3, P3, ref b); SubB(a4, P4, ref b); SubB(a5, P5, ref b);
        if (b == 0) { value = default; return false; }
        value = Mul(new Fp(a0, a1, a2, a3, a4, a5), R2);
        return true;
    }

    public void WriteBytes(Span<byte> be48)
    {
        var c = FromMontgomery();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(be48, c.l5);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(be48[8..], c.l4);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(be48[16..], c.l3);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(be48[24..], c.l2);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(be48[32..], c.l1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(be48[40..], c.l0);
    }

    // R^3 mod p: Mul(x, R3) = x·R², the Montgomery form of x·2^384.
    private static readonly Fp R3 = FromBigInteger(BigInteger.ModPow(BigInteger.One << 384, 3, Modulus)).FromMontgomery();

    /// <summary>
    /// v mod p for a 64-byte big-endian v (hash_to_field, L = 64), without allocation: v = hi·2^384 + lo, so
    /// v·R = Mul(hi, R³) + Mul(lo mod p, R²).
    /// </summary>
    public static Fp FromBigEndianWide(ReadOnlySpan<byte> be64)
    {
        if (be64.Length != 64) return FromBigInteger(new BigInteger(be64, isUnsigned: true, isBigEndian: true));
        var hi = new Fp(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be64[8..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be64), 0, 0, 0, 0);
        ulong a5 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be64[16..]);
        ulong a4 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be64[24..]);
        ulong a3 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be64[32..]);
        ulong a2 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be64[40..]);
        ulong a1 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be64[48..]);
        ulong a0 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(be64[56..]);
        // lo < 2^384 < 10p: subtract p until below it (public data, so the loop count may vary).
        while (true)
        {
            ulong b = 0;
            ulong s0 = SubB(a0, P0, ref b), s1 = SubB(a1, P1, ref b), s2 = SubB(a2, P2, ref b);
            ulong s3 = SubB(a3, P3, ref b), s4 = SubB(a4, P4, ref b), s5 = SubB(a5, P5, ref b);
            if (b != 0) break;
            a0 = s0; a1 = s1; a2 = s2; a3 = s3; a4 = s4; a5 = s5;
        }
        return Add(Mul(hi, R3), Mul(new Fp(a0, a1, a2, a3, a4, a5), R2));
    }

    public static Fp FromBigInteger(BigInteger v)
    {
        v %= Modulus;
        if (v.Sign < 0) v += Modulus;
        Span<byte> buf = stackalloc byte[48];
        buf.Clear();
        v.TryWriteBytes(buf[(48 - v.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
        TryFromBytes(buf, out var r);
        return r;
    }

    public static Fp FromHex(string hex) => FromBigInteger(BigInteger.Parse("0" + (hex.StartsWith("0x") ? hex[2..] : hex),
        System.Globalization.NumberStyles.HexNumber));

    public BigInteger ToBigInteger()
    {
        Span<byte> buf = stackalloc byte[48];
        WriteBytes(buf);
        return new BigInteger(buf, isUnsigned: true, isBigEndian: true);
    }

    internal static ulong[] Limbs(BigInteger v)
    {
        var bytes = v.ToByteArray(isUnsigned: true, isBigEndian: false);
        var limbs = new ulong[(bytes.Length + 7) / 8];
        for (int i = 0; i < bytes.Length; i++) limbs[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        return limbs;
    }

    public override string ToString() => "0x" + ToBigInteger().ToString("x");
}
