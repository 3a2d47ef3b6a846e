using CsCheck;
using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Abi;

[TestClass]
public sealed class AbiDecodePropertyTests
{
    private static readonly IReadOnlyList<AbiType>[] TypeLists =
    [
        AbiType.ParseList("uint8"),
        AbiType.ParseList("int16,bool,address,bytes3"),
        AbiType.ParseList("bytes"),
        AbiType.ParseList("string"),
        AbiType.ParseList("uint256[]"),
        AbiType.ParseList("bytes32[32]"),
        AbiType.ParseList("(address,bytes32,bytes)[]"),
        AbiType.ParseList("(uint8,bytes,uint64,uint16,bytes32,bytes32,bytes32),(uint256,bytes,bytes)"),
        AbiType.ParseList("string[2],uint256[][]"),
        AbiType.ParseList("((uint256,string)[],bytes)[2],address[]"),
        AbiType.ParseList("bool[],(uint256,bool)[2],bytes"),
        AbiType.ParseList("(uint256,uint256,address[],uint256[],uint256[],uint256[])[]"),
    ];

    private static readonly Gen<(int TypeIndex, int Seed)> Cases = Gen.Int[0, TypeLists.Length - 1].Select(Gen.Int);

    private static (IReadOnlyList<AbiType> Types, AbiValue[] Values, byte[] Encoded) Make(int typeIndex, int seed)
    {
        var types = TypeLists[typeIndex];
        var r = new Random(seed);
        var values = types.Select(t => RandomAbiValues.For(t, r)).ToArray();
        return (types, values, AbiCodec.Encode(types, values));
    }

    [TestMethod]
    public void Random_values_round_trip() =>
        Cases.Sample((ti, seed) =>
        {
            var (types, values, encoded) = Make(ti, seed);
            var r = AbiCodec.Decode(types, encoded);
            Assert.IsTrue(r.IsOk, r.ToString());
            CollectionAssert.AreEqual(values, r.Values.ToArray());
            // Trailing bytes are ignored, as by solc.
            Assert.IsTrue(AbiCodec.Decode(types, [.. encoded, 0xde, 0xad]).IsOk);
            // The JSON form round trips too.
            var json = AbiJson.ToJson(types, values);
            using var doc = System.Text.Json.JsonDocument.Parse(json.ToJsonString());
            CollectionAssert.AreEqual(values, AbiJson.FromJson(types, doc.RootElement).ToArray());
        }, iter: 3000);

    [TestMethod]
    public void Decode_never_throws_on_mutated_encodings() =>
        Gen.Int[0, TypeLists.Length - 1].Select(Gen.Int, Gen.Int).Sample((ti, seed, mutationSeed) =>
        {
            var (types, _, encoded) = Make(ti, seed);
            var r = new Random(mutationSeed);
            var data = Mutate(encoded, r);
            AssertTotal(types, data);
        }, iter: 20_000);

    [TestMethod]
    public void Decode_never_throws_on_random_bytes() =>
        Gen.Int[0, TypeLists.Length - 1].Select(Gen.Byte.Array[0, 600]).Sample((ti, data) => AssertTotal(TypeLists[ti], data), iter: 5000);

    private static void AssertTotal(IReadOnlyList<AbiType> types, byte[] data)
    {
        AbiDecodeResult result;
        try { result = AbiCodec.Decode(types, data); }
        catch (Exception e) { throw new AssertFailedException($"Decode threw {e.GetType().Name} on {Hex.ToHex(data)}", e); }
        if (result.IsOk) return;
        var error = result.Error!;
        Assert.IsTrue(error.Offset >= 0 && error.Offset <= data.Length, error.Message);
        Assert.IsFalse(string.IsNullOrEmpty(error.ExpectedType));
        StringAssert.StartsWith(error.Message, $"at offset 0x{error.Offset:x}: expected {error.ExpectedType}");
    }

    private static readonly UInt256[] Nasty =
    [
        UInt256.MaxValue, (UInt256)0x20UL, (UInt256)0UL, (UInt256)(ulong)uint.MaxValue, (UInt256)ulong.MaxValue,
        (UInt256)(ulong)int.MaxValue, (UInt256)0x7fffffe0UL, UInt256.One << 255, (UInt256)1UL,
    ];

    private static byte[] Mutate(byte[] encoded, Random r)
    {
        var data = (byte[])encoded.Clone();
        int rounds = 1 + r.Next(3);
        for (int k = 0; k < rounds; k++)
        {
            switch (r.Next(5))
            {
                case 0 when data.Length > 0:
                    data = data[..r.Next(data.Length)];
                    break;
                case 1 when data.Length > 0:
                    data[r.Next(data.Length)] ^= (byte)(1 + r.Next(255));
                    break;
                case 2 when data.Length >= 32:
                {
                    int word = r.Next(data.Length / 32);
                    var v = r.Next(3) == 0 ? (UInt256)(ulong)(data.Length - r.Next(64)) : Nasty[r.Next(Nasty.Length)];
                    v.WriteBigEndian(data.AsSpan(word * 32));
                    break;
                }
                case 3:
                {
                    var extra = new byte[r.Next(70)];
                    r.NextBytes(extra);
                    data = [.. data, .. extra];
                    break;
                }
                default:
                    if (data.Length > 32) data = data[32..];
                    break;
            }
        }
        return data;
    }
}
