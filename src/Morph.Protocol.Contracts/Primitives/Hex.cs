namespace Morph.Protocol.Primitives;

/// <summary>0x-prefixed hexadecimal, the form Ethereum tooling and the shared vectors use.</summary>
public static class Hex
{
    /// <summary>"0x" followed by lower-case hex digits.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>
    /// Parses "0x" + an even number of hex digits (either case). The prefix is required so that a decimal
    /// string is never silently read as hex.
    /// </summary>
    public static bool TryParse(string? s, out byte[] bytes)
    {
        bytes = [];
        if (s is null || s.Length < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') || (s.Length & 1) != 0) return false;
        var result = new byte[(s.Length - 2) / 2];
        for (int i = 0; i < result.Length; i++)
        {
            int hi = UInt256.HexDigit(s[2 + 2 * i]), lo = UInt256.HexDigit(s[3 + 2 * i]);
            if ((hi | lo) < 0) return false;
            result[i] = (byte)((hi << 4) | lo);
        }
        bytes = result;
        return true;
    }

    public static byte[] Parse(string s) => TryParse(s, out byte[] b) ? b : throw new FormatException($"Not 0x-prefixed even-length hex: '{s}'.");
}
