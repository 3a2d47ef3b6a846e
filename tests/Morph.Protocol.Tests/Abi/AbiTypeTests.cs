using Morph.Protocol.Abi;

namespace Morph.Protocol.Tests.Abi;

[TestClass]
public sealed class AbiTypeTests
{
    [TestMethod]
    [DataRow("uint8", false, 32)]
    [DataRow("int24", false, 32)]
    [DataRow("address", false, 32)]
    [DataRow("bytes32[32]", false, 1024)]
    [DataRow("(uint256,bool)[2]", false, 128)]
    [DataRow("(uint8,bytes,uint64,uint16,bytes32,bytes32,bytes32)", true, 32)]
    [DataRow("(address,bytes32,bytes)[]", true, 32)]
    [DataRow("string[2]", true, 32)]
    [DataRow("uint256[][3]", true, 32)]
    [DataRow("((uint256,(bool,bytes4)[2]),address)", false, 192)]
    public void Canonical_round_trip_with_static_info(string s, bool dynamic, int headSize)
    {
        var t = AbiType.Parse(s);
        Assert.AreEqual(s, t.Canonical);
        Assert.AreEqual(dynamic, t.IsDynamic);
        Assert.AreEqual(headSize, t.HeadSize);
        Assert.AreEqual(t, AbiType.Parse(s));
    }

    [TestMethod]
    public void Aliases_normalise() => Assert.AreEqual("(uint256,int256[])", AbiType.Parse("(uint,int[])").Canonical);

    [TestMethod]
    [DataRow("")]
    [DataRow("uint7")]
    [DataRow("uint264")]
    [DataRow("uint08")]
    [DataRow("int0")]
    [DataRow("bytes0")]
    [DataRow("bytes33")]
    [DataRow("byte")]
    [DataRow("uint256[0]")]
    [DataRow("uint256[01]")]
    [DataRow("uint256[")]
    [DataRow("uint256[x]")]
    [DataRow("()")]
    [DataRow("(uint256")]
    [DataRow("(uint256,)")]
    [DataRow("uint256 ")]
    [DataRow("tuple")]
    [DataRow("function")]
    [DataRow("uint256[1000000][1000000]")]
    public void Bad_types_are_refused(string s)
    {
        Assert.IsFalse(AbiType.TryParse(s, out _, out string? error));
        Assert.IsFalse(string.IsNullOrEmpty(error));
        Assert.ThrowsExactly<FormatException>(() => AbiType.Parse(s));
    }

    [TestMethod]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        string deep = new string('(', 10_000) + "uint256" + new string(')', 10_000);
        Assert.IsFalse(AbiType.TryParse(deep, out _, out _));
        Assert.IsFalse(AbiType.TryParse("uint256" + string.Concat(Enumerable.Repeat("[]", 10_000)), out _, out _));
    }

    [TestMethod]
    public void ParseList_splits_at_top_level_commas()
    {
        var list = AbiType.ParseList("bool[],(uint256,bool)[2],bytes");
        CollectionAssert.AreEqual(new[] { "bool[]", "(uint256,bool)[2]", "bytes" }, list.Select(t => t.Canonical).ToArray());
        Assert.AreEqual(0, AbiType.ParseList("").Count);
        Assert.ThrowsExactly<FormatException>(() => AbiType.ParseList("uint256,,bool"));
    }

    [TestMethod]
    public void Signature_selector_and_topic0()
    {
        Assert.AreEqual(0xa9059cbbu, AbiSignature.SelectorValue("transfer(address,uint256)"));
        CollectionAssert.AreEqual(new byte[] { 0xa9, 0x05, 0x9c, 0xbb }, AbiSignature.Selector("transfer(address,uint256)"));
        Assert.AreEqual("0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0",
            AbiSignature.Topic0("OwnershipTransferred(address,address)").ToString());
        Assert.AreEqual("f((uint256,bytes)[],uint8)", AbiSignature.Canonical("f", AbiType.ParseList("(uint,bytes)[],uint8")));
    }
}
