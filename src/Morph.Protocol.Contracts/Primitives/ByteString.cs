namespace Morph.Protocol.Primitives;

/// <summary>
/// Immutable bytes with value equality, so records holding <c>bytes</c> values (BLS keys, calldata) compare by
/// content. The array is copied in and never handed out.
/// </summary>
public sealed class ByteString : IEquatable<ByteString>
{
    private readonly byte[] _bytes;

    public static ByteString Empty { get; } = new([]);

    private ByteString(byte[] owned) => _bytes = owned;

    public static ByteString From(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? Empty : new(bytes.ToArray());

    /// <summary>Takes ownership without copying; only for arrays the caller has just created.</summary>
    internal static ByteString WrapOwned(byte[] owned) => owned.Length == 0 ? Empty : new(owned);

    public ReadOnlySpan<byte> Span => _bytes;

    public int Length => _bytes.Length;

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public static ByteString ParseHex(string hex) =>
        Hex.TryParse(hex, out byte[] b) ? WrapOwned(b) : throw new FormatException($"Not 0x-prefixed even-length hex: '{hex}'.");

    public static bool TryParseHex(string? hex, out ByteString result)
    {
        bool ok = Hex.TryParse(hex, out byte[] b);
        result = ok ? WrapOwned(b) : Empty;
        return ok;
    }

    public bool Equals(ByteString? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as ByteString);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_bytes);
        return h.ToHashCode();
    }

    public static bool operator ==(ByteString? a, ByteString? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(ByteString? a, ByteString? b) => !(a == b);

    public override string ToString() => Hex.ToHex(_bytes);
}
