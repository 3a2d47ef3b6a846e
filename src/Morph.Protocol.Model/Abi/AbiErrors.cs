namespace Morph.Protocol.Abi;

public enum AbiErrorKind
{
    /// <summary>The data ends before a word or payload that must be there.</summary>
    TooShort,
    /// <summary>A dynamic offset points outside the data.</summary>
    OffsetOutOfRange,
    /// <summary>A length prefix claims more elements or bytes than the remaining data can hold.</summary>
    LengthOutOfRange,
    /// <summary>Non-zero bytes where bytesN requires zero padding.</summary>
    NonZeroPadding,
    /// <summary>A word is not a valid value of its type (bool not 0/1, address or uintN high bits set, intN not sign-extended).</summary>
    ValueOutOfRange,
    /// <summary>A string's bytes are not valid UTF-8.</summary>
    BadUtf8,
    /// <summary>Calldata does not start with the expected 4-byte selector.</summary>
    SelectorMismatch,
    /// <summary>A log's first topic is not the event's topic0.</summary>
    Topic0Mismatch,
    /// <summary>A log has a different number of topics than the event's indexed parameters need.</summary>
    TopicCountMismatch,
    /// <summary>
    /// Decoding would exceed a safety limit: type nesting deeper than the limit, or offsets aliased so that the
    /// decoded values would be far larger than the input (a decompression bomb).
    /// </summary>
    LimitExceeded,
}

/// <summary>Why decoding failed: where (byte offset into the data given), what type was expected, and what went wrong.</summary>
public sealed record AbiError(int Offset, string ExpectedType, AbiErrorKind Kind, string Message)
{
    public override string ToString() => Message;
}

/// <summary>Thrown by encoding when a value does not fit its type; <see cref="Path"/> locates it, e.g. "values[2][1].field0".</summary>
public sealed class AbiEncodeException : Exception
{
    public AbiEncodeException(string path, string rule) : base($"{path}: {rule}")
    {
        Path = path;
        Rule = rule;
    }

    public string Path { get; }

    public string Rule { get; }
}

/// <summary>Either the decoded values or an <see cref="AbiError"/>; decoding never throws on bad data.</summary>
public readonly struct AbiDecodeResult
{
    private readonly IReadOnlyList<AbiValue>? _values;

    private AbiDecodeResult(IReadOnlyList<AbiValue>? values, AbiError? error)
    {
        _values = values;
        Error = error;
    }

    public static AbiDecodeResult Ok(IReadOnlyList<AbiValue> values) => new(values, null);

    public static AbiDecodeResult Fail(AbiError error) => new(null, error);

    public bool IsOk => Error is null;

    /// <summary>The values in parameter order; empty when decoding failed.</summary>
    public IReadOnlyList<AbiValue> Values => _values ?? [];

    public AbiError? Error { get; }

    public override string ToString() => IsOk ? $"Ok[{string.Join(", ", Values)}]" : $"Error: {Error}";
}
