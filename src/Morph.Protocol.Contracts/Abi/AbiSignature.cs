using System.Buffers.Binary;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Abi;

/// <summary>Function selectors and event topic0 from canonical signatures such as "transfer(address,uint256)".</summary>
public static class AbiSignature
{
    /// <summary>The first 4 bytes of keccak256(signature).</summary>
    public static byte[] Selector(string canonicalSignature)
    {
        Span<byte> h = stackalloc byte[32];
        Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(canonicalSignature), h);
        return h[..4].ToArray();
    }

    /// <summary>The selector as a big-endian number (0xa9059cbb for transfer).</summary>
    public static uint SelectorValue(string canonicalSignature) => BinaryPrimitives.ReadUInt32BigEndian(Selector(canonicalSignature));

    /// <summary>keccak256(signature): the first topic of a non-anonymous event.</summary>
    public static Bytes32 Topic0(string canonicalSignature) => Keccak256.HashUtf8(canonicalSignature);

    /// <summary>"name(type1,type2)" with canonical type names (tuples expanded, uint → uint256).</summary>
    public static string Canonical(string name, IReadOnlyList<AbiType> types) =>
        name + "(" + string.Join(",", types.Select(t => t.Canonical)) + ")";
}
