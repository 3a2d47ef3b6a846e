using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Primitives;

[TestClass]
public sealed class AddressTests
{
    // The test vectors of EIP-55 itself: each is its own checksummed form.
    [TestMethod]
    [DataRow("0x52908400098527886E0F7030069857D2E4169EE7")] // all caps
    [DataRow("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [DataRow("0xde709f2102306220921060314715629080e2fb77")] // all lower
    [DataRow("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [DataRow("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")] // normal
    [DataRow("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [DataRow("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [DataRow("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Eip55_vectors_round_trip(string s)
    {
        var a = Address.Parse(s);
        Assert.AreEqual(s, a.ToString());
        Assert.AreEqual(a, Address.Parse(s.ToLowerInvariant()));
        Assert.AreEqual(a, Address.Parse("0x" + s[2..].ToUpperInvariant()));
    }

    [TestMethod]
    [DataRow("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")] // last letter's case flipped
    [DataRow("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [DataRow("0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    public void Bad_checksum_is_refused(string s)
    {
        Assert.IsFalse(Address.TryParse(s, out _));
        Assert.ThrowsExactly<FormatException>(() => Address.Parse(s));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("0x")]
    [DataRow("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [DataRow("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae")]
    [DataRow("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaedd")]
    [DataRow("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg")]
    [DataRow("0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    public void Malformed_is_refused(string s) => Assert.IsFalse(Address.TryParse(s, out _));

    [TestMethod]
    public void Bytes_round_trip_and_order_is_byte_order()
    {
        var bytes = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
        var a = Address.FromBytes(bytes);
        CollectionAssert.AreEqual(bytes, a.ToBytes());
        var higherLast = (byte[])bytes.Clone();
        higherLast[19] = 0xff;
        var higherFirst = (byte[])bytes.Clone();
        higherFirst[0] = 0xff;
        Assert.IsTrue(a < Address.FromBytes(higherLast));
        Assert.IsTrue(Address.FromBytes(higherLast) < Address.FromBytes(higherFirst));
        Assert.AreEqual("0x0000000000000000000000000000000000000000", Address.Zero.ToString());
    }
}
