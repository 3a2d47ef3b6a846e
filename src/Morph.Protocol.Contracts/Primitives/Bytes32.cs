using System.Buffers.Binary;

namespace Morph.Protocol.Primitives;

/// <summary>32 opaque bytes (hashes, topics, bytes32 values). Fields hold the bytes big-endian: u0 is bytes 0..7.</summary>
public readonly struct Bytes32 : IEquatable<Bytes32>
{
    private readonly ulong _u0, _u1, _u2, _u3;

    public static readonly Bytes32 Zero = default;

    private Bytes32(ulong u0, ulong u1, ulong u2, ulong u3)
    {
        _u0 = u0;
        _u1 = u1;
        _u2 = u2;
        _u3 = u3;
    }

    public static Bytes32 FromBytes(ReadOnlySpan<byte> bytes32)
    {
        if (bytes32.Length != 32) throw new ArgumentException("Exactly 32 bytes are required.", nameof(bytes32));
        return new Bytes32(
            BinaryPrimitives.ReadUInt64BigEndian(bytes32),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]));
    }

    public void WriteTo(Span<byte> dest)
    {
        if (dest.Length < 32) throw new ArgumentException("Destination needs 32 bytes.", nameof(dest));
        BinaryPrimitives.WriteUInt64BigEndian(dest, _u0);
        BinaryPrimitives.WriteUInt64BigEndian(dest[8..], _u1);
        BinaryPrimitives.WriteUInt64BigEndian(dest[16..], _u2);
        BinaryPrimitives.WriteUInt64BigEndian(dest[24..], _u3);
    }

    public byte[] ToArray()
    {
        var b = new byte[32];
        WriteTo(b);
        return b;
    }

    public static Bytes32 Parse(string s) => TryParse(s, out Bytes32 r) ? r : throw new FormatException($"Not 0x + 64 hex digits: '{s}'.");

    public static bool TryParse(string? s, out Bytes32 result)
    {
        result = Zero;
        if (s is null || s.Length != 66 || !Hex.TryParse(s, out byte[] b)) return false;
        result = FromBytes(b);
        return true;
    }

    public bool Equals(Bytes32 other) => _u0 == other._u0 && _u1 == other._u1 && _u2 == other._u2 && _u3 == other._u3;
    public override bool Equals(object? obj) => obj is Bytes32 other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_u0, _u1, _u2, _u3);
    public static bool operator ==(Bytes32 a, Bytes32 b) => a.Equals(b);
    public static bool operator !=(Bytes32 a, Bytes32 b) => !a.Equals(b);

    public override string ToString()
    {
        Span<byte> b = stackalloc byte[32];
        WriteTo(b);
        return Hex.ToHex(b);
    }
}
