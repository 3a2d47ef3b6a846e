using System.Numerics;
using CsCheck;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Primitives;

/// <summary>UInt256 generators biased to the places carries and borrows break: 0, 1, max, 2^k ± 1, single limbs.</summary>
internal static class UInt256Gen
{
    public static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    private static readonly Gen<ulong> Limb = Gen.Frequency(
        (4, (IGen<ulong>)Gen.ULong),
        (1, Gen.OneOf(0UL, 1UL, ulong.MaxValue, 1UL << 63, (1UL << 63) - 1, (1UL << 32) - 1, 1UL << 32)));

    private static readonly Gen<UInt256> Boundary = Gen.Int[0, 255].Select(Gen.Int[-1, 1], (k, d) =>
    {
        var p = BigInteger.One << k;
        var v = BigInteger.Clamp(p + d, 0, TwoTo256 - 1);
        return UInt256.FromBigInteger(v);
    });

    public static readonly Gen<UInt256> Value = Gen.Frequency(
        (4, (IGen<UInt256>)Limb.Select(Limb, Limb, Limb, (a, b, c, d) => new UInt256(a, b, c, d))),
        (2, Boundary),
        (1, Gen.OneOf(UInt256.Zero, UInt256.One, UInt256.MaxValue)),
        (2, Limb.Select(x => new UInt256(x, 0, 0, 0))),
        (2, Limb.Select(Limb, Limb, Limb, Gen.Int[0, 255], (a, b, c, d, s) => new UInt256(a, b, c, d) >> s)));

    public static BigInteger Big(this UInt256 v) => v.ToBigInteger();
}
