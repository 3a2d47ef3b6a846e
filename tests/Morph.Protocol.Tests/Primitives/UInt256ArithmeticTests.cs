using System.Numerics;
using CsCheck;
using Morph.Protocol.Primitives;
using static Morph.Protocol.Tests.Primitives.UInt256Gen;

namespace Morph.Protocol.Tests.Primitives;

[TestClass]
public sealed class UInt256ArithmeticTests
{
    private const long Iter = 20_000;

    [TestMethod]
    public void Add_matches_BigInteger_and_overflows_exactly_at_2_pow_256() =>
        Value.Select(Value).Sample((a, b) =>
        {
            var sum = a.Big() + b.Big();
            bool fits = sum < TwoTo256;
            Assert.AreEqual(fits, UInt256.TryAdd(a, b, out var r));
            Assert.AreEqual(sum % TwoTo256, r.Big());
            Assert.AreEqual(sum % TwoTo256, UInt256.WrappingAdd(a, b).Big());
            if (fits) Assert.AreEqual(sum, (a + b).Big());
            else Assert.ThrowsExactly<OverflowException>(() => a + b);
        }, iter: Iter);

    [TestMethod]
    public void Subtract_matches_BigInteger_and_underflows_exactly_below_zero() =>
        Value.Select(Value).Sample((a, b) =>
        {
            var diff = a.Big() - b.Big();
            bool fits = diff.Sign >= 0;
            Assert.AreEqual(fits, UInt256.TrySubtract(a, b, out var r));
            var wrapped = ((diff % TwoTo256) + TwoTo256) % TwoTo256;
            Assert.AreEqual(wrapped, r.Big());
            Assert.AreEqual(wrapped, UInt256.WrappingSubtract(a, b).Big());
            if (fits) Assert.AreEqual(diff, (a - b).Big());
            else Assert.ThrowsExactly<OverflowException>(() => a - b);
        }, iter: Iter);

    [TestMethod]
    public void Multiply_matches_BigInteger_and_overflows_exactly_at_2_pow_256() =>
        Value.Select(Value).Sample((a, b) =>
        {
            var product = a.Big() * b.Big();
            bool fits = product < TwoTo256;
            Assert.AreEqual(fits, UInt256.TryMultiply(a, b, out var r));
            Assert.AreEqual(product % TwoTo256, r.Big());
            Assert.AreEqual(product % TwoTo256, UInt256.WrappingMultiply(a, b).Big());
            if (fits) Assert.AreEqual(product, (a * b).Big());
            else Assert.ThrowsExactly<OverflowException>(() => a * b);
        }, iter: Iter);

    [TestMethod]
    public void DivRem_matches_BigInteger() =>
        Value.Select(Value).Sample((a, b) =>
        {
            if (b.IsZero)
            {
                Assert.ThrowsExactly<DivideByZeroException>(() => a / b);
                Assert.ThrowsExactly<DivideByZeroException>(() => a % b);
                return;
            }
            var q = BigInteger.DivRem(a.Big(), b.Big(), out var rem);
            UInt256.DivRem(a, b, out var uq, out var ur);
            Assert.AreEqual(q, uq.Big(), $"{a} / {b}");
            Assert.AreEqual(rem, ur.Big(), $"{a} % {b}");
            Assert.AreEqual(q, (a / b).Big());
            Assert.AreEqual(rem, (a % b).Big());
        }, iter: Iter);

    [TestMethod]
    public void MulDiv_matches_BigInteger_floor_with_512_bit_intermediate() =>
        Value.Select(Value, Value).Sample((a, b, d) =>
        {
            if (d.IsZero)
            {
                Assert.ThrowsExactly<DivideByZeroException>(() => UInt256.MulDiv(a, b, d));
                Assert.IsFalse(UInt256.TryMulDiv(a, b, d, out _));
                return;
            }
            var expected = a.Big() * b.Big() / d.Big();
            bool fits = expected < TwoTo256;
            Assert.AreEqual(fits, UInt256.TryMulDiv(a, b, d, out var r), $"{a} * {b} / {d}");
            if (fits)
            {
                Assert.AreEqual(expected, r.Big(), $"{a} * {b} / {d}");
                Assert.AreEqual(expected, UInt256.MulDiv(a, b, d).Big());
            }
            else Assert.ThrowsExactly<OverflowException>(() => UInt256.MulDiv(a, b, d));
        }, iter: Iter);

    [TestMethod]
    public void MulDiv_with_denominator_equal_to_a_factor_is_exact() =>
        Value.Select(Value).Sample((a, b) =>
        {
            if (b.IsZero) return;
            Assert.AreEqual(a, UInt256.MulDiv(a, b, b));
        }, iter: Iter);

    [TestMethod]
    [DataRow("0", "0", "1", "0")]
    [DataRow("115792089237316195423570985008687907853269984665640564039457584007913129639935",
             "115792089237316195423570985008687907853269984665640564039457584007913129639935",
             "115792089237316195423570985008687907853269984665640564039457584007913129639935",
             "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    [DataRow("0x100000000000000000000000000000000", "0x100000000000000000000000000000000", "0x2", "0x8000000000000000000000000000000000000000000000000000000000000000")]
    [DataRow("3", "5", "2", "7")]
    [DataRow("1000000000000000000", "333", "1000", "333000000000000000")]
    public void MulDiv_boundaries(string a, string b, string d, string expected) =>
        Assert.AreEqual(UInt256.Parse(expected), UInt256.MulDiv(UInt256.Parse(a), UInt256.Parse(b), UInt256.Parse(d)));

    [TestMethod]
    public void MulDiv_overflow_at_the_edge()
    {
        // (2^256 - 1) * 2 / 1 needs 257 bits.
        Assert.ThrowsExactly<OverflowException>(() => UInt256.MulDiv(UInt256.MaxValue, 2UL, 1UL));
        Assert.AreEqual(UInt256.MaxValue, UInt256.MulDiv(UInt256.MaxValue, 2UL, 2UL));
    }

    [TestMethod]
    public void Pow10_matches_BigInteger()
    {
        for (int n = 0; n <= 77; n++) Assert.AreEqual(BigInteger.Pow(10, n), UInt256.Pow10(n).Big());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => UInt256.Pow10(78));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => UInt256.Pow10(-1));
    }

    [TestMethod]
    [DataRow(ulong.MaxValue, 1UL)]
    [DataRow(0UL, 0UL)]
    [DataRow(1UL << 63, 1UL << 63)]
    public void Carry_propagates_across_limbs(ulong x, ulong y)
    {
        var a = new UInt256(x, ulong.MaxValue, ulong.MaxValue, 0);
        var sum = a + y;
        Assert.AreEqual(a.Big() + y, sum.Big());
    }

    [TestMethod]
    public void Max_plus_one_throws_and_zero_minus_one_throws()
    {
        Assert.ThrowsExactly<OverflowException>(() => UInt256.MaxValue + UInt256.One);
        Assert.ThrowsExactly<OverflowException>(() => UInt256.Zero - UInt256.One);
        Assert.AreEqual(UInt256.Zero, UInt256.WrappingAdd(UInt256.MaxValue, UInt256.One));
        Assert.AreEqual(UInt256.MaxValue, UInt256.WrappingSubtract(UInt256.Zero, UInt256.One));
    }
}
