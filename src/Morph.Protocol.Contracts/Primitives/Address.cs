using System.Buffers.Binary;

namespace Morph.Protocol.Primitives;

/// <summary>
/// A 20-byte Ethereum address held in three fields (no array, so it is a cheap dictionary key).
/// Text form is EIP-55 checksummed; parsing refuses mixed case whose checksum is wrong, because a
/// mixed-case address is a claim of a checksum and a wrong one signals a typo.
/// </summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    // Big-endian: _hi is bytes 0..7, _mid 8..15, _lo 16..19, so field order is byte order.
    private readonly ulong _hi, _mid;
    private readonly uint _lo;

    public static readonly Address Zero = default;

    private Address(ulong hi, ulong mid, uint lo)
    {
        _hi = hi;
        _mid = mid;
        _lo = lo;
    }

    public static Address FromBytes(ReadOnlySpan<byte> bytes20)
    {
        if (bytes20.Length != 20) throw new ArgumentException("Exactly 20 bytes are required.", nameof(bytes20));
        return new Address(
            BinaryPrimitives.ReadUInt64BigEndian(bytes20),
            BinaryPrimitives.ReadUInt64BigEndian(bytes20[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes20[16..]));
    }

    public void WriteTo(Span<byte> dest20)
    {
        if (dest20.Length < 20) throw new ArgumentException("Destination needs 20 bytes.", nameof(dest20));
        BinaryPrimitives.WriteUInt64BigEndian(dest20, _hi);
        BinaryPrimitives.WriteUInt64BigEndian(dest20[8..], _mid);
        BinaryPrimitives.WriteUInt32BigEndian(dest20[16..], _lo);
    }

    public byte[] ToBytes()
    {
        var b = new byte[20];
        WriteTo(b);
        return b;
    }

    public static Address Parse(string s) =>
        TryParse(s, out Address a) ? a : throw new FormatException($"Not an address (0x + 40 hex, valid EIP-55 checksum if mixed case): '{s}'.");

    public static bool TryParse(string? s, out Address result)
    {
        result = Zero;
        if (s is null || s.Length != 42 || s[0] != '0' || s[1] != 'x') return false;
        bool hasLower = false, hasUpper = false;
        Span<byte> bytes = stackalloc byte[20];
        for (int i = 0; i < 20; i++)
        {
            char c1 = s[2 + 2 * i], c2 = s[3 + 2 * i];
            int hi = UInt256.HexDigit(c1), lo = UInt256.HexDigit(c2);
            if ((hi | lo) < 0) return false;
            hasLower |= char.IsAsciiLetterLower(c1) || char.IsAsciiLetterLower(c2);
            hasUpper |= char.IsAsciiLetterUpper(c1) || char.IsAsciiLetterUpper(c2);
            bytes[i] = (byte)((hi << 4) | lo);
        }
        var candidate = FromBytes(bytes);
        if (hasLower && hasUpper && !string.Equals(candidate.ToString(), s, StringComparison.Ordinal)) return false;
        result = candidate;
        return true;
    }

    /// <summary>EIP-55: a hex letter is upper case when the matching nibble of keccak256(lower-case hex) is ≥ 8.</summary>
    public override string ToString()
    {
        Span<byte> raw = stackalloc byte[20];
        WriteTo(raw);
        Span<byte> ascii = stackalloc byte[40];
        for (int i = 0; i < 20; i++)
        {
            ascii[2 * i] = (byte)"0123456789abcdef"[raw[i] >> 4];
            ascii[2 * i + 1] = (byte)"0123456789abcdef"[raw[i] & 0xF];
        }
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(ascii, hash);
        Span<char> chars = stackalloc char[42];
        chars[0] = '0';
        chars[1] = 'x';
        for (int i = 0; i < 40; i++)
        {
            char c = (char)ascii[i];
            int nibble = (i & 1) == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0xF;
            chars[2 + i] = c >= 'a' && nibble >= 8 ? (char)(c - 32) : c;
        }
        return new string(chars);
    }

    public bool Equals(Address other) => _hi == other._hi && _mid == other._mid && _lo == other._lo;
    public override bool Equals(object? obj) => obj is Address other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_hi, _mid, _lo);

    public int CompareTo(Address other) =>
        _hi != other._hi ? _hi.CompareTo(other._hi) : _mid != other._mid ? _mid.CompareTo(other._mid) : _lo.CompareTo(other._lo);

    public static bool operator ==(Address a, Address b) => a.Equals(b);
    public static bool operator !=(Address a, Address b) => !a.Equals(b);
    public static bool operator <(Address a, Address b) => a.CompareTo(b) < 0;
    public static bool operator >(Address a, Address b) => a.CompareTo(b) > 0;
    public static bool operator <=(Address a, Address b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Address a, Address b) => a.CompareTo(b) >= 0;
}
