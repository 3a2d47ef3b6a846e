using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Abi;

[TestClass]
public sealed class AbiDecodeErrorTests
{
    private static string W(string hexNoPrefix) => hexNoPrefix.PadLeft(64, '0');
    private static string Wr(string hexNoPrefix) => hexNoPrefix.PadRight(64, '0');

    [TestMethod]
    [DataRow("uint8", "100", AbiErrorKind.ValueOutOfRange, 0)]
    [DataRow("uint256,uint8", "01|100", AbiErrorKind.ValueOutOfRange, 0x20)]
    [DataRow("bool", "02", AbiErrorKind.ValueOutOfRange, 0)]
    [DataRow("address", "010000000000000000000000000000000000000000", AbiErrorKind.ValueOutOfRange, 0)]
    [DataRow("int8", "80", AbiErrorKind.ValueOutOfRange, 0)]
    [DataRow("int8", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", AbiErrorKind.ValueOutOfRange, 0)]
    [DataRow("bytes1", "R0101", AbiErrorKind.NonZeroPadding, 0)]
    [DataRow("bytes", "1000", AbiErrorKind.OffsetOutOfRange, 0)]
    [DataRow("bytes", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", AbiErrorKind.OffsetOutOfRange, 0)]
    [DataRow("bytes", "20|8000000000000000000000000000000000000000000000000000000000000000", AbiErrorKind.LengthOutOfRange, 0x20)]
    [DataRow("bytes", "20|21|00", AbiErrorKind.LengthOutOfRange, 0x20)]
    [DataRow("uint256[]", "20|ffffffffffffffff", AbiErrorKind.LengthOutOfRange, 0x20)]
    [DataRow("uint256[]", "20|02|01", AbiErrorKind.LengthOutOfRange, 0x20)]
    [DataRow("string", "20|02|Rff00", AbiErrorKind.BadUtf8, 0x40)]
    [DataRow("(uint256,bytes)", "20|01|1000", AbiErrorKind.OffsetOutOfRange, 0x40)]
    [DataRow("uint256[2]", "01", AbiErrorKind.TooShort, 0)]
    public void Malformed_input_gives_the_expected_kind_and_offset(string types, string words, AbiErrorKind kind, int offset)
    {
        string hex = "0x" + string.Concat(words.Split('|').Select(w => w.StartsWith('R') ? Wr(w[1..]) : W(w)));
        var r = AbiCodec.Decode(AbiType.ParseList(types), Hex.Parse(hex));
        Assert.IsFalse(r.IsOk, r.ToString());
        Assert.AreEqual(kind, r.Error!.Kind, r.Error.Message);
        Assert.AreEqual(offset, r.Error.Offset, r.Error.Message);
        StringAssert.StartsWith(r.Error.Message, $"at offset 0x{offset:x}: expected ");
    }

    [TestMethod]
    public void Message_names_offset_and_type()
    {
        var r = AbiCodec.Decode(AbiType.ParseList("uint256,uint256,uint8"), Hex.Parse("0x" + W("1") + W("2") + W("1ff")));
        Assert.AreEqual("at offset 0x40: expected uint8, value out of range", r.Error!.Message);
        Assert.AreEqual("uint8", r.Error.ExpectedType);
    }

    [TestMethod]
    public void Truncated_word_is_TooShort()
    {
        var r = AbiCodec.Decode(AbiType.ParseList("uint256"), new byte[31]);
        Assert.AreEqual(AbiErrorKind.TooShort, r.Error!.Kind);
        Assert.AreEqual(0, r.Error.Offset);
    }

    [TestMethod]
    public void Trailing_bytes_and_bytes_padding_are_accepted_as_solc_does()
    {
        var types = AbiType.ParseList("bytes");
        // offset, length 1, payload 0xab with non-zero padding, then trailing junk.
        var data = Hex.Parse("0x" + W("20") + W("1") + "ab" + new string('c', 62) + "deadbeef");
        var r = AbiCodec.Decode(types, data);
        Assert.IsTrue(r.IsOk, r.ToString());
        Assert.AreEqual(new AbiValue.Bytes(ByteString.ParseHex("0xab")), r.Values[0]);
        // The payload need not be padded at the very end of the data either.
        Assert.IsTrue(AbiCodec.Decode(types, Hex.Parse("0x" + W("20") + W("1") + "ab")).IsOk);
    }

    [TestMethod]
    public void Aliased_offsets_cannot_inflate_a_small_input()
    {
        // bytes[] of 2000 elements whose offsets all point at one 64 KiB payload: ~128 MiB if decoded naively.
        const int n = 2000, payload = 65536;
        var data = new byte[32 + 32 + 32 * n + 32 + payload];
        new UInt256(0x20, 0, 0, 0).WriteBigEndian(data);
        new UInt256(n, 0, 0, 0).WriteBigEndian(data.AsSpan(32));
        for (int i = 0; i < n; i++) new UInt256(32UL * n, 0, 0, 0).WriteBigEndian(data.AsSpan(64 + 32 * i));
        new UInt256(payload, 0, 0, 0).WriteBigEndian(data.AsSpan(64 + 32 * n));
        var r = AbiCodec.Decode(AbiType.ParseList("bytes[]"), data);
        Assert.IsFalse(r.IsOk);
        Assert.AreEqual(AbiErrorKind.LimitExceeded, r.Error!.Kind);
    }

    [TestMethod]
    public void Empty_data_for_no_types_is_ok_and_for_a_type_is_TooShort()
    {
        Assert.IsTrue(AbiCodec.Decode([], []).IsOk);
        Assert.AreEqual(AbiErrorKind.TooShort, AbiCodec.Decode(AbiType.ParseList("bytes"), []).Error!.Kind);
    }
}
