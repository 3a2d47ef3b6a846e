using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Primitives;

[TestClass]
public sealed class ByteValueTests
{
    [TestMethod]
    public void Bytes32_parse_format_and_bytes()
    {
        const string s = "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
        var b = Bytes32.Parse(s);
        Assert.AreEqual(s, b.ToString());
        Assert.AreEqual(b, Bytes32.Parse(s.ToUpperInvariant().Replace("0X", "0x")));
        Assert.AreEqual(b, Bytes32.FromBytes(b.ToArray()));
        Assert.AreEqual(0xc5, b.ToArray()[0]);
        Assert.IsFalse(Bytes32.TryParse(s[..^2], out _));
        Assert.IsFalse(Bytes32.TryParse(s[2..] + "00", out _));
        Assert.AreEqual("0x" + new string('0', 64), Bytes32.Zero.ToString());
    }

    [TestMethod]
    public void ByteString_has_value_semantics_and_copies_its_input()
    {
        var raw = new byte[] { 1, 2, 3 };
        var a = ByteString.From(raw);
        raw[0] = 9;
        Assert.AreEqual(ByteString.ParseHex("0x010203"), a);
        Assert.AreEqual(ByteString.ParseHex("0x010203").GetHashCode(), a.GetHashCode());
        Assert.AreNotEqual(ByteString.ParseHex("0x0102"), a);
        Assert.AreEqual("0x010203", a.ToString());
        Assert.AreEqual(ByteString.Empty, ByteString.ParseHex("0x"));
        Assert.ThrowsExactly<FormatException>(() => ByteString.ParseHex("0x123"));
        Assert.ThrowsExactly<FormatException>(() => ByteString.ParseHex("1234"));
        a.ToArray()[0] = 7;
        Assert.AreEqual(1, a.Span[0]);
    }

    [TestMethod]
    public void ValueArray_compares_structurally()
    {
        var a = new ValueArray<int>(1, 2, 3);
        var b = new ValueArray<int>(new List<int> { 1, 2, 3 });
        Assert.AreEqual(a, b);
        Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
        Assert.AreNotEqual(a, new ValueArray<int>(1, 2));
        Assert.AreEqual(ValueArray<int>.Empty, new ValueArray<int>());
        Assert.AreEqual(0, default(ValueArray<string>).Count);
        Assert.AreEqual(new ValueArray<string?>("x", null), new ValueArray<string?>("x", null));
        Assert.AreEqual(new ValueArray<ByteString>(ByteString.ParseHex("0x01")), new ValueArray<ByteString>(ByteString.ParseHex("0x01")));
    }

    [TestMethod]
    public void Keccak256_known_values()
    {
        Assert.AreEqual("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Keccak256.Hash([]).ToString());
        Assert.AreEqual("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", Keccak256.HashUtf8("abc").ToString());
    }

    [TestMethod]
    public void Hex_requires_prefix_and_even_length()
    {
        Assert.IsTrue(Hex.TryParse("0xAbCd", out var b));
        CollectionAssert.AreEqual(new byte[] { 0xab, 0xcd }, b);
        Assert.IsFalse(Hex.TryParse("abcd", out _));
        Assert.IsFalse(Hex.TryParse("0xabc", out _));
        Assert.IsFalse(Hex.TryParse("0xzz", out _));
        Assert.AreEqual("0xabcd", Hex.ToHex(b));
    }
}
