using System.Buffers.Binary;

namespace Morph.Protocol.Abi;

/// <summary>The Solidity ABI: abi.encode / abi.decode of parameter lists, and calldata with a 4-byte selector.</summary>
public static class AbiCodec
{
    /// <summary>abi.encode(values) for the given parameter types (head/tail layout).</summary>
    /// <exception cref="AbiEncodeException">a value does not fit its type; the exception names its path.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<AbiValue> values) => AbiEncoder.Encode(types, values);

    /// <summary>abi.decode; never throws on any data: bad input gives an <see cref="AbiError"/> naming offset, type and kind.</summary>
    /// <remarks>
    /// Strict where solc's ABI decoder v2 is strict: value types are validated (bool 0/1, address and uintN high bits
    /// zero, intN sign-extended: <see cref="AbiErrorKind.ValueOutOfRange"/>; bytesN right padding zero:
    /// <see cref="AbiErrorKind.NonZeroPadding"/>), and offsets and lengths must stay inside the data. Like solc, the
    /// right padding of bytes/string payloads is not checked (it may even be absent at the very end of the data),
    /// trailing bytes after the encoding are ignored, and non-canonical offsets are followed. Unlike solc, a string
    /// must be valid UTF-8 (<see cref="AbiErrorKind.BadUtf8"/>), since a .NET string cannot carry other bytes
    /// losslessly (decode as <c>bytes</c> to get them). Decoded size is capped at a multiple of the input size so
    /// that aliased offsets cannot turn a small input into a huge allocation (<see cref="AbiErrorKind.LimitExceeded"/>).
    /// </remarks>
    public static AbiDecodeResult Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data) => AbiDecoder.Decode(types, data);

    /// <summary>selector (big-endian, as written in hex) followed by abi.encode(values).</summary>
    public static byte[] EncodeCall(uint selector, IReadOnlyList<AbiType> types, IReadOnlyList<AbiValue> values)
    {
        Span<byte> sel = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(sel, selector);
        return EncodeCall(sel, types, values);
    }

    public static byte[] EncodeCall(ReadOnlySpan<byte> selector, IReadOnlyList<AbiType> types, IReadOnlyList<AbiValue> values)
    {
        if (selector.Length != 4) throw new ArgumentException("A selector is 4 bytes.", nameof(selector));
        var result = AbiEncoder.Encode(types, values, prefix: 4);
        selector.CopyTo(result);
        return result;
    }

    /// <summary>
    /// Checks the selector, then decodes the arguments. Error offsets count from the start of the calldata
    /// (so include the 4 selector bytes).
    /// </summary>
    public static AbiDecodeResult DecodeCall(ReadOnlySpan<byte> expectedSelector4, IReadOnlyList<AbiType> types, ReadOnlySpan<byte> calldata)
    {
        if (expectedSelector4.Length != 4) throw new ArgumentException("A selector is 4 bytes.", nameof(expectedSelector4));
        if (calldata.Length < 4)
            return AbiDecodeResult.Fail(new AbiError(0, "bytes4", AbiErrorKind.TooShort, $"at offset 0x0: expected bytes4 selector, only {calldata.Length} bytes"));
        if (!calldata[..4].SequenceEqual(expectedSelector4))
            return AbiDecodeResult.Fail(new AbiError(0, "bytes4", AbiErrorKind.SelectorMismatch,
                $"at offset 0x0: expected selector {Primitives.Hex.ToHex(expectedSelector4)}, got {Primitives.Hex.ToHex(calldata[..4])}"));
        return AbiDecoder.Decode(types, calldata[4..], reportBase: 4);
    }
}
