using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Morph.Protocol.Crypto.Bls;

/// <summary>
/// An element of the BLS12-381 base field, kept in Montgomery form (a·R mod p, R = 2^384) on six 64-bit limbs,
/// little-endian. Every operation is branch-free on the values (selection by masks), so the same code serves secret
/// and public data.
/// </summary>
internal readonly struct Fp : ICurveField<Fp>
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

    public static Fp Double(in Fp a) => Add(a, a);

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

    /// <summary>Montgomery product a·b·R^-1 (no-carry CIOS: p's top limb leaves a spare bit).</summary>
    public static Fp Mul(in Fp a, in Fp b)
    {
        if (!Bmi2.X64.IsSupported) return MulPortable(a, b);
        // Straight-line code on locals with the mulx intrinsic: helper calls here would exhaust the JIT's inlining
        // budget for this method and leave real calls in the hottest loop of the library.
        // Limbs are read from memory at each use: holding all twelve in registers only makes the JIT spill.
        ulong bi, t0, t1, t2, t3, t4, t5, c, hiw, m, lo, hi;
        unchecked
        {
            // round 0: t += a·bi, then add m·p and shift one limb
            c = 0; bi = b.l0;
            lo = a.l0 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l0, bi);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = a.l1 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l1, bi);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = a.l2 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l2, bi);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = a.l3 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l3, bi);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = a.l4 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l4, bi);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = a.l5 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l5, bi);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            hiw = c;
            m = t0 * Inv;
            c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            t5 = c + hiw;
            // round 1: t += a·bi, then add m·p and shift one limb
            c = 0; bi = b.l1;
            lo = a.l0 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l0, bi);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = a.l1 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l1, bi);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = a.l2 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l2, bi);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = a.l3 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l3, bi);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = a.l4 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l4, bi);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = a.l5 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l5, bi);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            hiw = c;
            m = t0 * Inv;
            c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            t5 = c + hiw;
            // round 2: t += a·bi, then add m·p and shift one limb
            c = 0; bi = b.l2;
            lo = a.l0 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l0, bi);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = a.l1 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l1, bi);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = a.l2 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l2, bi);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = a.l3 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l3, bi);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = a.l4 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l4, bi);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = a.l5 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l5, bi);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            hiw = c;
            m = t0 * Inv;
            c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            t5 = c + hiw;
            // round 3: t += a·bi, then add m·p and shift one limb
            c = 0; bi = b.l3;
            lo = a.l0 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l0, bi);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = a.l1 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l1, bi);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = a.l2 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l2, bi);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = a.l3 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l3, bi);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = a.l4 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l4, bi);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = a.l5 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l5, bi);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            hiw = c;
            m = t0 * Inv;
            c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            t5 = c + hiw;
            // round 4: t += a·bi, then add m·p and shift one limb
            c = 0; bi = b.l4;
            lo = a.l0 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l0, bi);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = a.l1 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l1, bi);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = a.l2 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l2, bi);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = a.l3 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l3, bi);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = a.l4 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l4, bi);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = a.l5 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l5, bi);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            hiw = c;
            m = t0 * Inv;
            c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            t5 = c + hiw;
            // round 5: t += a·bi, then add m·p and shift one limb
            c = 0; bi = b.l5;
            lo = a.l0 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l0, bi);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = a.l1 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l1, bi);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = a.l2 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l2, bi);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = a.l3 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l3, bi);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = a.l4 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l4, bi);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = a.l5 * bi; hi = Bmi2.X64.MultiplyNoFlags(a.l5, bi);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            hiw = c;
            m = t0 * Inv;
            c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            t5 = c + hiw;
        }
        return Reduce(t0, t1, t2, t3, t4, t5);
    }

    private static Fp MulPortable(in Fp a, in Fp b)
    {
        ulong t0, t1, t2, t3, t4, t5, c, hiw, m;
        // round 0
        c = 0;
        t0 = MulAdd(a.l0, b.l0, 0, ref c);
        t1 = MulAdd(a.l1, b.l0, 0, ref c);
        t2 = MulAdd(a.l2, b.l0, 0, ref c);
        t3 = MulAdd(a.l3, b.l0, 0, ref c);
        t4 = MulAdd(a.l4, b.l0, 0, ref c);
        t5 = MulAdd(a.l5, b.l0, 0, ref c);
        hiw = c;
        m = t0 * Inv;
        c = 0; MulAdd(m, P0, t0, ref c);
        t0 = MulAdd(m, P1, t1, ref c);
        t1 = MulAdd(m, P2, t2, ref c);
        t2 = MulAdd(m, P3, t3, ref c);
        t3 = MulAdd(m, P4, t4, ref c);
        t4 = MulAdd(m, P5, t5, ref c);
        t5 = c + hiw;
        // round 1
        c = 0;
        t0 = MulAdd(a.l0, b.l1, t0, ref c);
        t1 = MulAdd(a.l1, b.l1, t1, ref c);
        t2 = MulAdd(a.l2, b.l1, t2, ref c);
        t3 = MulAdd(a.l3, b.l1, t3, ref c);
        t4 = MulAdd(a.l4, b.l1, t4, ref c);
        t5 = MulAdd(a.l5, b.l1, t5, ref c);
        hiw = c;
        m = t0 * Inv;
        c = 0; MulAdd(m, P0, t0, ref c);
        t0 = MulAdd(m, P1, t1, ref c);
        t1 = MulAdd(m, P2, t2, ref c);
        t2 = MulAdd(m, P3, t3, ref c);
        t3 = MulAdd(m, P4, t4, ref c);
        t4 = MulAdd(m, P5, t5, ref c);
        t5 = c + hiw;
        // round 2
        c = 0;
        t0 = MulAdd(a.l0, b.l2, t0, ref c);
        t1 = MulAdd(a.l1, b.l2, t1, ref c);
        t2 = MulAdd(a.l2, b.l2, t2, ref c);
        t3 = MulAdd(a.l3, b.l2, t3, ref c);
        t4 = MulAdd(a.l4, b.l2, t4, ref c);
        t5 = MulAdd(a.l5, b.l2, t5, ref c);
        hiw = c;
        m = t0 * Inv;
        c = 0; MulAdd(m, P0, t0, ref c);
        t0 = MulAdd(m, P1, t1, ref c);
        t1 = MulAdd(m, P2, t2, ref c);
        t2 = MulAdd(m, P3, t3, ref c);
        t3 = MulAdd(m, P4, t4, ref c);
        t4 = MulAdd(m, P5, t5, ref c);
        t5 = c + hiw;
        // round 3
        c = 0;
        t0 = MulAdd(a.l0, b.l3, t0, ref c);
        t1 = MulAdd(a.l1, b.l3, t1, ref c);
        t2 = MulAdd(a.l2, b.l3, t2, ref c);
        t3 = MulAdd(a.l3, b.l3, t3, ref c);
        t4 = MulAdd(a.l4, b.l3, t4, ref c);
        t5 = MulAdd(a.l5, b.l3, t5, ref c);
        hiw = c;
        m = t0 * Inv;
        c = 0; MulAdd(m, P0, t0, ref c);
        t0 = MulAdd(m, P1, t1, ref c);
        t1 = MulAdd(m, P2, t2, ref c);
        t2 = MulAdd(m, P3, t3, ref c);
        t3 = MulAdd(m, P4, t4, ref c);
        t4 = MulAdd(m, P5, t5, ref c);
        t5 = c + hiw;
        // round 4
        c = 0;
        t0 = MulAdd(a.l0, b.l4, t0, ref c);
        t1 = MulAdd(a.l1, b.l4, t1, ref c);
        t2 = MulAdd(a.l2, b.l4, t2, ref c);
        t3 = MulAdd(a.l3, b.l4, t3, ref c);
        t4 = MulAdd(a.l4, b.l4, t4, ref c);
        t5 = MulAdd(a.l5, b.l4, t5, ref c);
        hiw = c;
        m = t0 * Inv;
        c = 0; MulAdd(m, P0, t0, ref c);
        t0 = MulAdd(m, P1, t1, ref c);
        t1 = MulAdd(m, P2, t2, ref c);
        t2 = MulAdd(m, P3, t3, ref c);
        t3 = MulAdd(m, P4, t4, ref c);
        t4 = MulAdd(m, P5, t5, ref c);
        t5 = c + hiw;
        // round 5
        c = 0;
        t0 = MulAdd(a.l0, b.l5, t0, ref c);
        t1 = MulAdd(a.l1, b.l5, t1, ref c);
        t2 = MulAdd(a.l2, b.l5, t2, ref c);
        t3 = MulAdd(a.l3, b.l5, t3, ref c);
        t4 = MulAdd(a.l4, b.l5, t4, ref c);
        t5 = MulAdd(a.l5, b.l5, t5, ref c);
        hiw = c;
        m = t0 * Inv;
        c = 0; MulAdd(m, P0, t0, ref c);
        t0 = MulAdd(m, P1, t1, ref c);
        t1 = MulAdd(m, P2, t2, ref c);
        t2 = MulAdd(m, P3, t3, ref c);
        t3 = MulAdd(m, P4, t4, ref c);
        t4 = MulAdd(m, P5, t5, ref c);
        t5 = c + hiw;
        return Reduce(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>
    /// Dedicated squaring: the 15 cross products once and doubled, the 6 squares, then a separate Montgomery
    /// reduction (57 limb products instead of 72). Exponentiations (inversion, square roots) are mostly squarings.
    /// </summary>
    public static Fp Square(in Fp a)
    {
        if (!Bmi2.X64.IsSupported) return Mul(a, a);
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0, t9 = 0, t10 = 0, t11 = 0;
        ulong c, c2, cc, m, lo, hi, s;
        unchecked
        {
            // cross products a_i·a_j, i < j
            c = 0;
            lo = a.l0 * a.l1; hi = Bmi2.X64.MultiplyNoFlags(a.l0, a.l1);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = a.l0 * a.l2; hi = Bmi2.X64.MultiplyNoFlags(a.l0, a.l2);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = a.l0 * a.l3; hi = Bmi2.X64.MultiplyNoFlags(a.l0, a.l3);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = a.l0 * a.l4; hi = Bmi2.X64.MultiplyNoFlags(a.l0, a.l4);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = a.l0 * a.l5; hi = Bmi2.X64.MultiplyNoFlags(a.l0, a.l5);
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            t6 = c;
            c = 0;
            lo = a.l1 * a.l2; hi = Bmi2.X64.MultiplyNoFlags(a.l1, a.l2);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = a.l1 * a.l3; hi = Bmi2.X64.MultiplyNoFlags(a.l1, a.l3);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = a.l1 * a.l4; hi = Bmi2.X64.MultiplyNoFlags(a.l1, a.l4);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            lo = a.l1 * a.l5; hi = Bmi2.X64.MultiplyNoFlags(a.l1, a.l5);
            lo += t6; hi += lo < t6 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t6 = lo; c = hi;
            t7 = c;
            c = 0;
            lo = a.l2 * a.l3; hi = Bmi2.X64.MultiplyNoFlags(a.l2, a.l3);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            lo = a.l2 * a.l4; hi = Bmi2.X64.MultiplyNoFlags(a.l2, a.l4);
            lo += t6; hi += lo < t6 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t6 = lo; c = hi;
            lo = a.l2 * a.l5; hi = Bmi2.X64.MultiplyNoFlags(a.l2, a.l5);
            lo += t7; hi += lo < t7 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t7 = lo; c = hi;
            t8 = c;
            c = 0;
            lo = a.l3 * a.l4; hi = Bmi2.X64.MultiplyNoFlags(a.l3, a.l4);
            lo += t7; hi += lo < t7 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t7 = lo; c = hi;
            lo = a.l3 * a.l5; hi = Bmi2.X64.MultiplyNoFlags(a.l3, a.l5);
            lo += t8; hi += lo < t8 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t8 = lo; c = hi;
            t9 = c;
            c = 0;
            lo = a.l4 * a.l5; hi = Bmi2.X64.MultiplyNoFlags(a.l4, a.l5);
            lo += t9; hi += lo < t9 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t9 = lo; c = hi;
            t10 = c;
            // double them
            t11 = t10 >> 63;
            t10 = (t10 << 1) | (t9 >> 63);
            t9 = (t9 << 1) | (t8 >> 63);
            t8 = (t8 << 1) | (t7 >> 63);
            t7 = (t7 << 1) | (t6 >> 63);
            t6 = (t6 << 1) | (t5 >> 63);
            t5 = (t5 << 1) | (t4 >> 63);
            t4 = (t4 << 1) | (t3 >> 63);
            t3 = (t3 << 1) | (t2 >> 63);
            t2 = (t2 << 1) | (t1 >> 63);
            t1 <<= 1;
            // add the squares a_i² on the diagonal
            c = 0;
            lo = a.l0 * a.l0; hi = Bmi2.X64.MultiplyNoFlags(a.l0, a.l0);
            t0 = lo;
            t1 += hi; c = t1 < hi ? 1UL : 0UL;
            lo = a.l1 * a.l1; hi = Bmi2.X64.MultiplyNoFlags(a.l1, a.l1);
            s = t2 + c; c = s < c ? 1UL : 0UL; s += lo; c += s < lo ? 1UL : 0UL; t2 = s;
            s = t3 + c; c = s < c ? 1UL : 0UL; s += hi; c += s < hi ? 1UL : 0UL; t3 = s;
            lo = a.l2 * a.l2; hi = Bmi2.X64.MultiplyNoFlags(a.l2, a.l2);
            s = t4 + c; c = s < c ? 1UL : 0UL; s += lo; c += s < lo ? 1UL : 0UL; t4 = s;
            s = t5 + c; c = s < c ? 1UL : 0UL; s += hi; c += s < hi ? 1UL : 0UL; t5 = s;
            lo = a.l3 * a.l3; hi = Bmi2.X64.MultiplyNoFlags(a.l3, a.l3);
            s = t6 + c; c = s < c ? 1UL : 0UL; s += lo; c += s < lo ? 1UL : 0UL; t6 = s;
            s = t7 + c; c = s < c ? 1UL : 0UL; s += hi; c += s < hi ? 1UL : 0UL; t7 = s;
            lo = a.l4 * a.l4; hi = Bmi2.X64.MultiplyNoFlags(a.l4, a.l4);
            s = t8 + c; c = s < c ? 1UL : 0UL; s += lo; c += s < lo ? 1UL : 0UL; t8 = s;
            s = t9 + c; c = s < c ? 1UL : 0UL; s += hi; c += s < hi ? 1UL : 0UL; t9 = s;
            lo = a.l5 * a.l5; hi = Bmi2.X64.MultiplyNoFlags(a.l5, a.l5);
            s = t10 + c; c = s < c ? 1UL : 0UL; s += lo; c += s < lo ? 1UL : 0UL; t10 = s;
            s = t11 + c; c = s < c ? 1UL : 0UL; s += hi; c += s < hi ? 1UL : 0UL; t11 = s;
            // Montgomery reduction of the 12 limbs, one limb per round
            cc = 0;
            m = t0 * Inv; c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t0; hi += lo < t0 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t0 = lo; c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            s = t6 + c; c2 = s < c ? 1UL : 0UL; s += cc; c2 += s < cc ? 1UL : 0UL; t6 = s; cc = c2;
            m = t1 * Inv; c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t1; hi += lo < t1 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t1 = lo; c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t6; hi += lo < t6 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t6 = lo; c = hi;
            s = t7 + c; c2 = s < c ? 1UL : 0UL; s += cc; c2 += s < cc ? 1UL : 0UL; t7 = s; cc = c2;
            m = t2 * Inv; c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t2; hi += lo < t2 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t2 = lo; c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t6; hi += lo < t6 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t6 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t7; hi += lo < t7 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t7 = lo; c = hi;
            s = t8 + c; c2 = s < c ? 1UL : 0UL; s += cc; c2 += s < cc ? 1UL : 0UL; t8 = s; cc = c2;
            m = t3 * Inv; c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t3; hi += lo < t3 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t3 = lo; c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t6; hi += lo < t6 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t6 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t7; hi += lo < t7 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t7 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t8; hi += lo < t8 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t8 = lo; c = hi;
            s = t9 + c; c2 = s < c ? 1UL : 0UL; s += cc; c2 += s < cc ? 1UL : 0UL; t9 = s; cc = c2;
            m = t4 * Inv; c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t4; hi += lo < t4 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t4 = lo; c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t6; hi += lo < t6 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t6 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t7; hi += lo < t7 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t7 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t8; hi += lo < t8 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t8 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t9; hi += lo < t9 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t9 = lo; c = hi;
            s = t10 + c; c2 = s < c ? 1UL : 0UL; s += cc; c2 += s < cc ? 1UL : 0UL; t10 = s; cc = c2;
            m = t5 * Inv; c = 0;
            lo = m * P0; hi = Bmi2.X64.MultiplyNoFlags(m, P0);
            lo += t5; hi += lo < t5 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t5 = lo; c = hi;
            lo = m * P1; hi = Bmi2.X64.MultiplyNoFlags(m, P1);
            lo += t6; hi += lo < t6 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t6 = lo; c = hi;
            lo = m * P2; hi = Bmi2.X64.MultiplyNoFlags(m, P2);
            lo += t7; hi += lo < t7 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t7 = lo; c = hi;
            lo = m * P3; hi = Bmi2.X64.MultiplyNoFlags(m, P3);
            lo += t8; hi += lo < t8 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t8 = lo; c = hi;
            lo = m * P4; hi = Bmi2.X64.MultiplyNoFlags(m, P4);
            lo += t9; hi += lo < t9 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t9 = lo; c = hi;
            lo = m * P5; hi = Bmi2.X64.MultiplyNoFlags(m, P5);
            lo += t10; hi += lo < t10 ? 1UL : 0UL;
            lo += c; hi += lo < c ? 1UL : 0UL;
            t10 = lo; c = hi;
            s = t11 + c; c2 = s < c ? 1UL : 0UL; s += cc; c2 += s < cc ? 1UL : 0UL; t11 = s; cc = c2;
        }
        return Reduce(t6, t7, t8, t9, t10, t11);
    }

    // E1: y² = x³ + 4.
    private static readonly Fp Four = FromBigInteger(4);
    public static Fp CurveB => Four;
    public static Fp MulBy3B(in Fp a)
    {
        var a4 = Double(Double(a));
        return Add(Double(a4), a4); // 12a
    }

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
