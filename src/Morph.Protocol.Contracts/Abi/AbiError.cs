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
