using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Abi;

[TestClass]
public sealed class AbiEventTests
{
    private static AbiEventParameter P(string name, string type, bool indexed) => new(name, AbiType.Parse(type), indexed);

    [TestMethod]
    public void ChallengeRes_from_the_deployed_vectors_by_hand()
    {
        // Rollup: event ChallengeRes(uint256 indexed batchIndex, address indexed winner, string indexed res)
        AbiEventParameter[] ps = [P("batchIndex", "uint256", true), P("winner", "address", true), P("res", "string", true)];
        const string sig = "ChallengeRes(uint256,address,string)";
        Assert.AreEqual("0xe70d3820e244d5f71d1a6395db24f3460e8dca966edc1fd3625b6292880a877a", AbiSignature.Topic0(sig).ToString());
        AbiValue[] values =
        [
            new AbiValue.UInt(UInt256.Parse("0xb031645e875a50831e3a8c7def14a4e2f8d2d103af29f52b20e9f8f044ad8c01")),
            new AbiValue.Addr(Address.Parse("0x59f7e2Bbf85179017755177FF162e4DdEaa194b7")),
            new AbiValue.Str("δέλτα-委托"),
        ];
        var log = AbiEvents.Encode(sig, ps, values);
        CollectionAssert.AreEqual(new[]
        {
            "0xe70d3820e244d5f71d1a6395db24f3460e8dca966edc1fd3625b6292880a877a",
            "0xb031645e875a50831e3a8c7def14a4e2f8d2d103af29f52b20e9f8f044ad8c01",
            "0x00000000000000000000000059f7e2bbf85179017755177ff162e4ddeaa194b7",
            "0xb56d28fea98873d9708ca045a714fc60806d08bec22d1df96a2859d68ee1076b",
        }, log.Topics.Select(t => t.ToString()).ToArray());
        Assert.AreEqual(0, log.Data.Length);
        // An indexed string is hashed as its raw UTF-8 bytes, no length, no padding.
        Assert.AreEqual(Keccak256.HashUtf8("δέλτα-委托"), log.Topics[3]);

        var decoded = AbiEvents.Decode(AbiSignature.Topic0(sig), ps, log);
        Assert.IsTrue(decoded.IsOk, decoded.ToString());
        Assert.AreEqual(values[0], decoded.Values[0]);
        Assert.AreEqual(values[1], decoded.Values[1]);
        Assert.AreEqual(new AbiValue.IndexedHash(log.Topics[3]), decoded.Values[2]);
    }

    [TestMethod]
    public void Indexed_static_and_dynamic_round_trip_with_hand_computed_topics()
    {
        AbiEventParameter[] ps =
        [
            P("who", "address", true), P("amounts", "uint256[]", true), P("note", "string", false),
            P("pair", "(uint256,bytes)", true), P("root", "bytes32", false),
        ];
        const string sig = "E(address,uint256[],string,(uint256,bytes),bytes32)";
        var who = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var root = Bytes32.Parse("0x" + new string('a', 64));
        AbiValue[] values =
        [
            new AbiValue.Addr(who),
            new AbiValue.Array(new AbiValue.UInt(1UL), new AbiValue.UInt(2UL)),
            new AbiValue.Str("hello"),
            new AbiValue.Tuple(new AbiValue.UInt(7UL), new AbiValue.Bytes(ByteString.ParseHex("0xabcd"))),
            new AbiValue.Bytes(ByteString.From(root.ToArray())),
        ];
        var log = AbiEvents.Encode(sig, ps, values);
        Assert.AreEqual(4, log.Topics.Count);

        // uint256[] indexed: keccak of the elements' words, no length prefix.
        string amounts = "0x" + "1".PadLeft(64, '0') + "2".PadLeft(64, '0');
        Assert.AreEqual(Keccak256.Hash(Hex.Parse(amounts)), log.Topics[2]);
        // (uint256,bytes) indexed: the uint word, then the bytes content zero-padded to 32, no offset or length.
        string pair = "0x" + "7".PadLeft(64, '0') + "abcd".PadRight(64, '0');
        Assert.AreEqual(Keccak256.Hash(Hex.Parse(pair)), log.Topics[3]);
        // Non-indexed parameters are abi.encode'd together.
        CollectionAssert.AreEqual(
            AbiCodec.Encode(AbiType.ParseList("string,bytes32"), [values[2], values[4]]), log.Data.ToArray());

        var d = AbiEvents.Decode(AbiSignature.Topic0(sig), ps, log);
        Assert.IsTrue(d.IsOk, d.ToString());
        CollectionAssert.AreEqual(new AbiValue[]
        {
            values[0], new AbiValue.IndexedHash(log.Topics[2]), values[2], new AbiValue.IndexedHash(log.Topics[3]), values[4],
        }, d.Values.ToArray());
    }

    [TestMethod]
    public void Anonymous_events_have_no_topic0()
    {
        AbiEventParameter[] ps = [P("a", "uint8", true), P("b", "bool", false)];
        var log = AbiEvents.Encode(Bytes32.Zero, ps, [new AbiValue.UInt(5UL), new AbiValue.Bool(true)], anonymous: true);
        Assert.AreEqual(1, log.Topics.Count);
        var d = AbiEvents.DecodeAnonymous(ps, log);
        Assert.IsTrue(d.IsOk, d.ToString());
        Assert.AreEqual(new AbiValue.UInt(5UL), d.Values[0]);
    }

    [TestMethod]
    public void Topic_errors_are_typed_not_thrown()
    {
        AbiEventParameter[] ps = [P("a", "uint8", true), P("b", "bool", false)];
        var topic0 = AbiSignature.Topic0("X(uint8,bool)");
        var log = AbiEvents.Encode(topic0, ps, [new AbiValue.UInt(5UL), new AbiValue.Bool(true)]);

        Assert.AreEqual(AbiErrorKind.Topic0Mismatch, AbiEvents.Decode(AbiSignature.Topic0("Y(uint8,bool)"), ps, log).Error!.Kind);
        var fewer = log with { Topics = new ValueArray<Bytes32>(log.Topics[0]) };
        Assert.AreEqual(AbiErrorKind.TopicCountMismatch, AbiEvents.Decode(topic0, ps, fewer).Error!.Kind);
        var none = log with { Topics = ValueArray<Bytes32>.Empty };
        Assert.AreEqual(AbiErrorKind.TopicCountMismatch, AbiEvents.Decode(topic0, ps, none).Error!.Kind);

        var outOfRange = log with { Topics = new ValueArray<Bytes32>(topic0, Bytes32.Parse("0x" + "1ff".PadLeft(64, '0'))) };
        var e = AbiEvents.Decode(topic0, ps, outOfRange).Error!;
        Assert.AreEqual(AbiErrorKind.ValueOutOfRange, e.Kind);
        Assert.AreEqual(1, e.Offset);

        var badData = log with { Data = ByteString.ParseHex("0x" + "2".PadLeft(64, '0')) };
        Assert.AreEqual(AbiErrorKind.ValueOutOfRange, AbiEvents.Decode(topic0, ps, badData).Error!.Kind);
    }

    [TestMethod]
    public void More_than_three_indexed_parameters_are_refused()
    {
        AbiEventParameter[] ps = [P("a", "bool", true), P("b", "bool", true), P("c", "bool", true), P("d", "bool", true)];
        var v = new AbiValue.Bool(true);
        Assert.ThrowsExactly<AbiEncodeException>(() => AbiEvents.Encode("X(bool,bool,bool,bool)", ps, [v, v, v, v]));
        Assert.AreEqual(4, AbiEvents.Encode(Bytes32.Zero, ps, [v, v, v, v], anonymous: true).Topics.Count);
    }
}
