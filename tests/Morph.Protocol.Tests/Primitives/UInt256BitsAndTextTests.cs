using System.Numerics;
using CsCheck;
using Morph.Protocol.Primitives;
using static Morph.Protocol.Tests.Primitives.UInt256Gen;

namespace Morph.Protocol.Tests.Primitives;

[TestClass]
public sealed class UInt256BitsAndTextTests
{
    private const long Iter = 10_000;

    [TestMethod]
    public void Shifts_match_BigInteger() =>
        Value.Select(Gen.Int[0, 300]).Sample((a, s) =>
        {
            Assert.AreEqual((a.Big() << s) % TwoTo256, (a << s).Big(), $"{a} << {s}");
            Assert.AreEqual(a.Big() >> s, (a >> s).Big(), $"{a} >> {s}");
        }, iter: Iter);

    [TestMethod]
    public void Bitwise_ops_match_BigInteger() =>
        Value.Select(Value).Sample((a, b) =>
        {
            Assert.AreEqual(a.Big() & b.Big(), (a & b).Big());
            Assert.AreEqual(a.Big() | b.Big(), (a | b).Big());
            Assert.AreEqual(a.Big() ^ b.Big(), (a ^ b).Big());
            Assert.AreEqual(TwoTo256 - 1 - a.Big(), (~a).Big());
        }, iter: Iter);

    [TestMethod]
    public void Comparison_matches_BigInteger() =>
        Value.Select(Value).Sample((a, b) =>
        {
            int expected = a.Big().CompareTo(b.Big());
            Assert.AreEqual(Math.Sign(expected), Math.Sign(a.CompareTo(b)));
            Assert.AreEqual(expected < 0, a < b);
            Assert.AreEqual(expected <= 0, a <= b);
            Assert.AreEqual(expected > 0, a > b);
            Assert.AreEqual(expected >= 0, a >= b);
            Assert.AreEqual(expected == 0, a == b);
            Assert.AreEqual(expected != 0, a != b);
            if (a == b) Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
        }, iter: Iter);

    [TestMethod]
    public void Bit_queries_match_BigInteger() =>
        Value.Select(Gen.Int[0, 255]).Sample((a, i) =>
        {
            var big = a.Big();
            Assert.AreEqual(big.IsZero ? 0 : (int)big.GetBitLength(), a.BitLength);
            Assert.AreEqual((int)BigInteger.PopCount(big), a.PopCount);
            Assert.AreEqual(!((big >> i) & 1).IsZero, a.TestBit(i));
            Assert.AreEqual(big.IsZero, a.IsZero);
        }, iter: Iter);

    [TestMethod]
    public void Decimal_and_hex_round_trip_and_match_BigInteger() =>
        Value.Sample(a =>
        {
            string dec = a.ToString();
            Assert.AreEqual(a.Big().ToString(), dec);
            Assert.AreEqual(a, UInt256.Parse(dec));
            string hex = a.ToHexString();
            Assert.AreEqual(a.IsZero ? "0x0" : "0x" + a.Big().ToString("x").TrimStart('0'), hex);
            Assert.AreEqual(a, UInt256.Parse(hex));
            Assert.AreEqual(a, UInt256.Parse(hex.ToUpperInvariant().Replace("0X", "0x")));
        }, iter: Iter);

    [TestMethod]
    public void Big_endian_round_trip_and_BigInteger_conversions() =>
        Value.Sample(a =>
        {
            var buf = new byte[32];
            a.WriteBigEndian(buf);
            Assert.AreEqual(a.Big(), new BigInteger(buf, isUnsigned: true, isBigEndian: true));
            Assert.AreEqual(a, UInt256.FromBigEndian(buf));
            Assert.AreEqual(a, UInt256.FromBigInteger(a.Big()));
            int skip = 32 - (a.BitLength + 7) / 8;
            Assert.AreEqual(a, UInt256.FromBigEndian(buf.AsSpan(skip)));
            if (a.BitLength <= 64) Assert.AreEqual((ulong)a.Big(), (ulong)a);
            else Assert.ThrowsExactly<OverflowException>(() => (ulong)a);
        }, iter: Iter);

    [TestMethod]
    [DataRow("0", "0")]
    [DataRow("0x0", "0")]
    [DataRow("0X0a", "10")]
    [DataRow("000123", "123")]
    [DataRow("0x0000000000000000000000000000000000000000000000000000000000000000000000ff", "255")]
    [DataRow("115792089237316195423570985008687907853269984665640564039457584007913129639935", "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    [DataRow("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void Parse_accepts(string text, string expectedDecimal) =>
        Assert.AreEqual(BigInteger.Parse(expectedDecimal), UInt256.Parse(text).Big());

    [TestMethod]
    [DataRow("")]
    [DataRow("0x")]
    [DataRow("-1")]
    [DataRow("+1")]
    [DataRow(" 1")]
    [DataRow("1 ")]
    [DataRow("1_000")]
    [DataRow("1,000")]
    [DataRow("0x1g")]
    [DataRow("12a")]
    [DataRow("x12")]
    [DataRow("115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [DataRow("0x10000000000000000000000000000000000000000000000000000000000000000")]
    [DataRow("999999999999999999999999999999999999999999999999999999999999999999999999999999999")]
    public void Parse_rejects(string text)
    {
        Assert.IsFalse(UInt256.TryParse(text, out _));
        Assert.ThrowsExactly<FormatException>(() => UInt256.Parse(text));
    }

    [TestMethod]
    public void FromBigInteger_rejects_out_of_range()
    {
        Assert.ThrowsExactly<OverflowException>(() => UInt256.FromBigInteger(-1));
        Assert.ThrowsExactly<OverflowException>(() => UInt256.FromBigInteger(TwoTo256));
        Assert.AreEqual(UInt256.MaxValue, UInt256.FromBigInteger(TwoTo256 - 1));
    }

    [TestMethod]
    public void Shift_of_negative_amount_throws_and_of_256_or_more_gives_zero()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => UInt256.One << -1);
        Assert.AreEqual(UInt256.Zero, UInt256.MaxValue << 256);
        Assert.AreEqual(UInt256.Zero, UInt256.MaxValue >> 256);
    }
}
