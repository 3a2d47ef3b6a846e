using Morph.Protocol.Primitives;

namespace Morph.Protocol;

/// <summary>A canonical byte serialization of model state, hashed with Keccak-256: same state, same hash.
/// Callers write collections in a defined order (sorted keys), never in hash-table order.</summary>
public sealed class StateWriter
{
    private readonly MemoryStream _stream = new();
    private readonly byte[] _buffer = new byte[32];

    public void Write(ulong v) { System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(_buffer, v); _stream.Write(_buffer, 0, 8); }
    public void Write(bool v) => _stream.WriteByte(v ? (byte)1 : (byte)0);
    public void Write(UInt256 v) { v.WriteBigEndian(_buffer); _stream.Write(_buffer, 0, 32); }
    public void Write(Address v) { v.WriteTo(_buffer); _stream.Write(_buffer, 0, 20); }
    public void Write(Bytes32 v) { v.WriteTo(_buffer); _stream.Write(_buffer, 0, 32); }
    public void Write(string v) { var b = System.Text.Encoding.UTF8.GetBytes(v); Write((ulong)b.Length); _stream.Write(b); }
    public void Write(ReadOnlySpan<byte> v) { Write((ulong)v.Length); _stream.Write(v); }

    public Bytes32 Hash() => Keccak256.Hash(_stream.GetBuffer().AsSpan(0, (int)_stream.Length));
}

/// <summary>A boundary in the state hash (the lifecycle runtime, its own assembly, does not know the writer).</summary>
internal static class BlockBoundaryState
{
    internal static void WriteTo(this Morph.Protocol.Lifecycles.BlockBoundary b, StateWriter w) => w.Write(b.ToUInt256());
}
