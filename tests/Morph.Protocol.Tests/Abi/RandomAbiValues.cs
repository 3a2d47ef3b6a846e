using System.Numerics;
using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Abi;

/// <summary>A random valid value of any ABI type, from a seeded Random (CsCheck supplies and shrinks the seed).</summary>
internal static class RandomAbiValues
{
    public static AbiValue For(AbiType type, Random r) => type switch
    {
        AbiUInt u => new AbiValue.UInt(RandomUInt(r) >> (256 - u.Bits)),
        AbiInt i => new AbiValue.Int(RandomInt(r, i.Bits)),
        AbiAddress => new AbiValue.Addr(Address.FromBytes(Bytes(r, 20))),
        AbiBool => new AbiValue.Bool(r.Next(2) == 1),
        AbiFixedBytes fb => new AbiValue.Bytes(ByteString.From(Bytes(r, fb.Size))),
        AbiBytes => new AbiValue.Bytes(ByteString.From(Bytes(r, r.Next(3) == 0 ? 0 : r.Next(70)))),
        AbiString => new AbiValue.Str(r.Next(4) switch { 0 => "", 1 => "morph", 2 => "δέλτα-委托", _ => new string('x', r.Next(100)) }),
        AbiArray a => new AbiValue.Array(new ValueArray<AbiValue>(Enumerable.Range(0, a.Length ?? r.Next(4)).Select(_ => For(a.Element, r)).ToArray())),
        AbiTuple t => new AbiValue.Tuple(new ValueArray<AbiValue>(t.Components.Select(c => For(c, r)).ToArray())),
        _ => throw new ArgumentException(type.Canonical),
    };

    private static UInt256 RandomUInt(Random r) => r.Next(4) switch
    {
        0 => UInt256.Zero,
        1 => UInt256.MaxValue,
        _ => new UInt256((ulong)r.NextInt64(), (ulong)r.NextInt64(), (ulong)r.NextInt64(), (ulong)r.NextInt64() | ((ulong)r.Next(2) << 63)),
    };

    private static BigInteger RandomInt(Random r, int bits)
    {
        var limit = BigInteger.One << (bits - 1);
        return r.Next(4) switch
        {
            0 => -limit,
            1 => limit - 1,
            _ => (RandomUInt(r).ToBigInteger() % (2 * limit)) - limit,
        };
    }

    private static byte[] Bytes(Random r, int n)
    {
        var b = new byte[n];
        r.NextBytes(b);
        return b;
    }
}
