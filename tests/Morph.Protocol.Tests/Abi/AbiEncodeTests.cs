using System.Numerics;
using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Abi;

[TestClass]
public sealed class AbiEncodeTests
{
    private static AbiValue U(ulong v) => new AbiValue.UInt(v);

    [TestMethod]
    public void Failure_names_the_path_and_the_rule()
    {
        var types = AbiType.ParseList("uint8,bool,(uint256,bool)[]");
        var values = new AbiValue[]
        {
            U(1), new AbiValue.Bool(true),
            new AbiValue.Array(new AbiValue.Tuple(U(1), new AbiValue.Bool(false)), new AbiValue.Tuple(U(2), new AbiValue.Str("x"))),
        };
        var e = Assert.ThrowsExactly<AbiEncodeException>(() => AbiCodec.Encode(types, values));
        Assert.AreEqual("values[2][1].field1", e.Path);
        StringAssert.Contains(e.Rule, "bool");
    }

    [TestMethod]
    [DataRow("uint8", "0x100")]
    [DataRow("uint64", "0x10000000000000000")]
    [DataRow("int8", "0x80")]
    [DataRow("int8", "-0x81")]
    [DataRow("int256", "0x8000000000000000000000000000000000000000000000000000000000000000")]
    [DataRow("bytes2", "0x01")]
    [DataRow("bytes2", "0x010203")]
    [DataRow("uint256[2]", "[1]")]
    public void Values_that_do_not_fit_are_refused(string type, string json)
    {
        var t = AbiType.Parse(type);
        string doc = json.StartsWith('[') ? json.Replace("1", "\"0x1\"") : $"\"{json}\"";
        var v = AbiJson.FromJson(t, System.Text.Json.JsonDocument.Parse(doc).RootElement);
        var e = Assert.ThrowsExactly<AbiEncodeException>(() => AbiCodec.Encode([t], [v]));
        Assert.AreEqual("values[0]", e.Path);
    }

    [TestMethod]
    public void Wrong_kind_and_count_are_refused()
    {
        Assert.ThrowsExactly<AbiEncodeException>(() => AbiCodec.Encode(AbiType.ParseList("uint256"), [new AbiValue.Int(1)]));
        Assert.ThrowsExactly<AbiEncodeException>(() => AbiCodec.Encode(AbiType.ParseList("uint256,bool"), [U(1)]));
        Assert.ThrowsExactly<AbiEncodeException>(() => AbiCodec.Encode(AbiType.ParseList("(uint256,bool)"), [new AbiValue.Tuple(U(1))]));
        Assert.ThrowsExactly<AbiEncodeException>(() => AbiCodec.Encode(AbiType.ParseList("string"), [new AbiValue.Str("\ud800")]));
    }

    [TestMethod]
    public void Int_extremes_encode_as_twos_complement()
    {
        var enc = AbiCodec.Encode(AbiType.ParseList("int8,int256"), [new AbiValue.Int(-128), new AbiValue.Int(-(BigInteger.One << 255))]);
        Assert.AreEqual("0x" + new string('f', 62) + "80" + "80" + new string('0', 62), Hex.ToHex(enc));
    }

    [TestMethod]
    public void EncodeCall_prefixes_the_selector_and_DecodeCall_checks_it()
    {
        var types = AbiType.ParseList("address,uint256");
        var to = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        AbiValue[] values = [new AbiValue.Addr(to), U(1000)];
        uint sel = AbiSignature.SelectorValue("transfer(address,uint256)");
        var call = AbiCodec.EncodeCall(sel, types, values);
        Assert.AreEqual(68, call.Length);
        CollectionAssert.AreEqual(call, AbiCodec.EncodeCall(AbiSignature.Selector("transfer(address,uint256)"), types, values));

        var ok = AbiCodec.DecodeCall(AbiSignature.Selector("transfer(address,uint256)"), types, call);
        Assert.IsTrue(ok.IsOk, ok.ToString());
        CollectionAssert.AreEqual(values, ok.Values.ToArray());

        var wrong = AbiCodec.DecodeCall(AbiSignature.Selector("approve(address,uint256)"), types, call);
        Assert.AreEqual(AbiErrorKind.SelectorMismatch, wrong.Error!.Kind);
        Assert.AreEqual(0, wrong.Error.Offset);

        var tooShort = AbiCodec.DecodeCall(AbiSignature.Selector("transfer(address,uint256)"), types, call.AsSpan(0, 3));
        Assert.AreEqual(AbiErrorKind.TooShort, tooShort.Error!.Kind);

        // Argument errors count from the start of the calldata: the second word starts at 4 + 32.
        call[4 + 32] = 0x01;
        var bad = AbiCodec.DecodeCall(AbiSignature.Selector("transfer(address,uint256)"), types, call.AsSpan(0, 60));
        Assert.AreEqual(AbiErrorKind.TooShort, bad.Error!.Kind);
        Assert.AreEqual(36, bad.Error.Offset);
    }
}
