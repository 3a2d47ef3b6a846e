using Morph.Protocol.Primitives;

namespace Morph.Protocol.Abi;

/// <summary>
/// A Solidity ABI type. Records, so two parses of the same canonical string are equal.
/// <see cref="HeadSize"/> is never 0: empty tuples are refused, which keeps a decoded array's length bounded
/// by the input size.
/// </summary>
public abstract record AbiType
{
    private protected AbiType() { }

    /// <summary>The canonical form used in signatures, e.g. "(uint256,bool)[2]".</summary>
    public abstract string Canonical { get; }

    /// <summary>True for bytes, string, T[], and arrays or tuples containing a dynamic type.</summary>
    public abstract bool IsDynamic { get; }

    /// <summary>Bytes this type takes in a head: 32 for a dynamic type (its offset), the full static size otherwise.</summary>
    public abstract int HeadSize { get; }

    public sealed override string ToString() => Canonical;

    public static AbiType Parse(string canonical) =>
        TryParse(canonical, out AbiType? t, out string? error) ? t! : throw new FormatException(error);

    public static bool TryParse(string? text, out AbiType? type, out string? error) => AbiTypeParser.TryParse(text, out type, out error);

    /// <summary>A comma-separated top-level list, e.g. "bool[],(uint256,bool)[2],bytes"; "" is the empty list.</summary>
    public static IReadOnlyList<AbiType> ParseList(string commaSeparated) =>
        AbiTypeParser.TryParseList(commaSeparated, out var list, out string? error) ? list : throw new FormatException(error);

    public static bool TryParseList(string? commaSeparated, out IReadOnlyList<AbiType> types, out string? error) =>
        AbiTypeParser.TryParseList(commaSeparated, out types, out error);
}

/// <summary>uintN, N in 8..256 step 8.</summary>
public sealed record AbiUInt(int Bits) : AbiType
{
    public override string Canonical => "uint" + Bits;
    public override bool IsDynamic => false;
    public override int HeadSize => 32;
}

/// <summary>intN, N in 8..256 step 8.</summary>
public sealed record AbiInt(int Bits) : AbiType
{
    public override string Canonical => "int" + Bits;
    public override bool IsDynamic => false;
    public override int HeadSize => 32;
}

public sealed record AbiAddress : AbiType
{
    public override string Canonical => "address";
    public override bool IsDynamic => false;
    public override int HeadSize => 32;
}

public sealed record AbiBool : AbiType
{
    public override string Canonical => "bool";
    public override bool IsDynamic => false;
    public override int HeadSize => 32;
}

/// <summary>bytesN, N in 1..32: left-aligned in its word.</summary>
public sealed record AbiFixedBytes(int Size) : AbiType
{
    public override string Canonical => "bytes" + Size;
    public override bool IsDynamic => false;
    public override int HeadSize => 32;
}

public sealed record AbiBytes : AbiType
{
    public override string Canonical => "bytes";
    public override bool IsDynamic => true;
    public override int HeadSize => 32;
}

public sealed record AbiString : AbiType
{
    public override string Canonical => "string";
    public override bool IsDynamic => true;
    public override int HeadSize => 32;
}

/// <summary>T[k] when <paramref name="Length"/> has a value, T[] when it is null.</summary>
public sealed record AbiArray(AbiType Element, int? Length) : AbiType
{
    public override string Canonical => Element.Canonical + (Length is { } k ? $"[{k}]" : "[]");
    public override bool IsDynamic => Length is null || Element.IsDynamic;
    public override int HeadSize => IsDynamic ? 32 : checked(Element.HeadSize * Length!.Value);
}

public sealed record AbiTuple(ValueArray<AbiType> Components) : AbiType
{
    public AbiTuple(params AbiType[] components) : this(new ValueArray<AbiType>(components)) { }

    public override string Canonical => "(" + string.Join(",", Components.Select(c => c.Canonical)) + ")";
    public override bool IsDynamic => Components.Any(c => c.IsDynamic);
    public override int HeadSize => IsDynamic ? 32 : checked(Components.Sum(c => c.HeadSize));
}
