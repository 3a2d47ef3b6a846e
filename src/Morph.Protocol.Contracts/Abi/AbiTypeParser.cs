using Morph.Protocol.Primitives;

namespace Morph.Protocol.Abi;

/// <summary>
/// Recursive-descent parser for canonical ABI type strings. Accepts the aliases uint/int (= 256-bit) and
/// normalises them; refuses whitespace inside a type, zero-length fixed arrays, empty tuples, nesting deeper
/// than <see cref="MaxDepth"/> and static sizes over <see cref="MaxStaticSize"/> (so HeadSize cannot overflow).
/// </summary>
internal static class AbiTypeParser
{
    public const int MaxDepth = 32;
    public const long MaxStaticSize = 1 << 24;

    public static bool TryParse(string? text, out AbiType? type, out string? error)
    {
        type = null;
        if (text is null) { error = "type is null"; return false; }
        int pos = 0;
        type = ParseType(text, ref pos, 0, out error);
        if (type is null) return false;
        if (pos != text.Length) { type = null; error = $"unexpected '{text[pos]}' at {pos} in '{text}'"; return false; }
        return true;
    }

    public static bool TryParseList(string? text, out IReadOnlyList<AbiType> types, out string? error)
    {
        types = [];
        if (text is null) { error = "type list is null"; return false; }
        var result = new List<AbiType>();
        error = null;
        if (text.Trim().Length == 0) return true;
        int depth = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '(') depth++;
            else if (i < text.Length && text[i] == ')') depth--;
            else if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                if (!TryParse(text[start..i].Trim(), out AbiType? t, out error)) return false;
                result.Add(t!);
                start = i + 1;
            }
        }
        types = result;
        return true;
    }

    private static AbiType? ParseType(string s, ref int pos, int depth, out string? error)
    {
        if (depth > MaxDepth) { error = $"type nested deeper than {MaxDepth}"; return null; }
        AbiType? t = s.Length > pos && s[pos] == '(' ? ParseTuple(s, ref pos, depth, out error) : ParseElementary(s, ref pos, out error);
        if (t is null) return null;
        int arrayDepth = 0;
        while (pos < s.Length && s[pos] == '[')
        {
            if (++arrayDepth + depth > MaxDepth) { error = $"type nested deeper than {MaxDepth}"; return null; }
            int close = s.IndexOf(']', pos);
            if (close < 0) { error = $"unclosed '[' at {pos} in '{s}'"; return null; }
            string digits = s[(pos + 1)..close];
            int? length = null;
            if (digits.Length > 0)
            {
                if (!digits.All(char.IsAsciiDigit) || digits[0] == '0' || !int.TryParse(digits, out int k))
                { error = $"bad array length '{digits}' in '{s}'"; return null; }
                length = k;
            }
            t = new AbiArray(t, length);
            if (!t.IsDynamic && StaticSize(t) > MaxStaticSize) { error = $"static size of '{t.Canonical}' is too large"; return null; }
            pos = close + 1;
        }
        error = null;
        return t;
    }

    private static long StaticSize(AbiType t) => t switch
    {
        AbiArray a => a.Length!.Value * StaticSize(a.Element),
        AbiTuple tu => tu.Components.Sum(StaticSize),
        _ => 32,
    };

    private static AbiType? ParseTuple(string s, ref int pos, int depth, out string? error)
    {
        pos++; // '('
        var components = new List<AbiType>();
        if (pos < s.Length && s[pos] == ')') { error = "empty tuple '()' is not a valid ABI type"; return null; }
        while (true)
        {
            var c = ParseType(s, ref pos, depth + 1, out error);
            if (c is null) return null;
            components.Add(c);
            if (pos >= s.Length) { error = $"unclosed '(' in '{s}'"; return null; }
            if (s[pos] == ',') { pos++; continue; }
            if (s[pos] == ')') { pos++; break; }
            error = $"unexpected '{s[pos]}' at {pos} in '{s}'";
            return null;
        }
        var tuple = new AbiTuple(new ValueArray<AbiType>(components));
        if (!tuple.IsDynamic && StaticSize(tuple) > MaxStaticSize) { error = $"static size of '{tuple.Canonical}' is too large"; return null; }
        error = null;
        return tuple;
    }

    private static AbiType? ParseElementary(string s, ref int pos, out string? error)
    {
        int start = pos;
        while (pos < s.Length && char.IsAsciiLetterOrDigit(s[pos])) pos++;
        string word = s[start..pos];
        error = null;
        switch (word)
        {
            case "address": return new AbiAddress();
            case "bool": return new AbiBool();
            case "string": return new AbiString();
            case "bytes": return new AbiBytes();
            case "uint": return new AbiUInt(256);
            case "int": return new AbiInt(256);
        }
        if (TrySuffix(word, "uint", out int bits) && bits is >= 8 and <= 256 && bits % 8 == 0) return new AbiUInt(bits);
        if (TrySuffix(word, "int", out bits) && bits is >= 8 and <= 256 && bits % 8 == 0) return new AbiInt(bits);
        if (TrySuffix(word, "bytes", out int size) && size is >= 1 and <= 32) return new AbiFixedBytes(size);
        error = word.Length == 0 ? $"expected a type at {start} in '{s}'" : $"unknown type '{word}' in '{s}'";
        return null;
    }

    private static bool TrySuffix(string word, string prefix, out int n)
    {
        n = 0;
        if (!word.StartsWith(prefix, StringComparison.Ordinal)) return false;
        string digits = word[prefix.Length..];
        return digits.Length is > 0 and <= 3 && digits[0] != '0' && digits.All(char.IsAsciiDigit) && int.TryParse(digits, out n);
    }
}
