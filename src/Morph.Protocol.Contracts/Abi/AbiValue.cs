using System.Numerics;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Abi;

/// <summary>
/// A decoded or to-be-encoded ABI value. A closed hierarchy (private constructor): the codec switches on
/// exactly these cases. Records with <see cref="ValueArray{T}"/> and <see cref="ByteString"/>, so equal
/// content compares equal.
/// </summary>
public abstract record AbiValue
{
    private AbiValue() { }

    /// <summary>uintN for any N; the range is checked against the type when encoding.</summary>
    public sealed record UInt(UInt256 Value) : AbiValue;

    /// <summary>intN for any N; range checked against the type when encoding.</summary>
    public sealed record Int(BigInteger Value) : AbiValue;

    public sealed record Bool(bool Value) : AbiValue;

    public sealed record Addr(Address Value) : AbiValue;

    /// <summary>Both <c>bytes</c> and <c>bytesN</c> (whose length must equal N).</summary>
    public sealed record Bytes(ByteString Value) : AbiValue;

    public sealed record Str(string Value) : AbiValue;

    /// <summary>T[] and T[k].</summary>
    public sealed record Array(ValueArray<AbiValue> Items) : AbiValue
    {
        public Array(params AbiValue[] items) : this(new ValueArray<AbiValue>(items)) { }
    }

    public sealed record Tuple(ValueArray<AbiValue> Items) : AbiValue
    {
        public Tuple(params AbiValue[] items) : this(new ValueArray<AbiValue>(items)) { }
    }

    /// <summary>
    /// Only produced by event decoding: an indexed parameter of a dynamic or composite type (string, bytes,
    /// arrays, tuples) appears in its topic as keccak256 of its encoding, so the value itself is lost;
    /// this carries the 32-byte hash. Not encodable.
    /// </summary>
    public sealed record IndexedHash(Bytes32 Hash) : AbiValue;
}
