using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Contracts;

/// <summary>A decoded revert: <c>Error(string)</c>, <c>Panic(uint256)</c>, a declared custom error, or raw data
/// no decoder knows (including an empty revert).</summary>
public sealed record RevertReason(RevertKind Kind, string Message, ByteString Data, string? ErrorSignature = null, IReadOnlyList<AbiValue>? Arguments = null)
{
    /// <summary>A spec error as its generated record (e.g. <c>L1StakingContract.WrongStakeAmountError</c>); null otherwise.</summary>
    public IContractError? Error { get; init; }

    public override string ToString() => Message;
}

public enum RevertKind { Empty, Error, Panic, Custom, Unknown }

/// <summary>Decodes revert data. Knows <c>Error(string)</c> (0x08c379a0) and <c>Panic(uint256)</c> (0x4e487b71),
/// every custom error the spec declares (<see cref="Default"/>, from the generated catalog) and any other registered
/// by signature. Never throws: data it cannot read is <see cref="RevertKind.Unknown"/> with the bytes kept.</summary>
public sealed class RevertDecoder
{
    public static readonly uint ErrorSelector = 0x08c379a0;
    public static readonly uint PanicSelector = 0x4e487b71;
    private static readonly AbiType[] StringType = [AbiType.Parse("string")];
    private static readonly AbiType[] UInt256Type = [AbiType.Parse("uint256")];

    private readonly Dictionary<uint, (string Signature, AbiType[] Types, ContractErrorInfo? Info)> _custom = new();

    /// <summary>A decoder that knows the two built-in errors and every error of the spec's contracts.</summary>
    public static RevertDecoder Default { get; } = new RevertDecoder().WithErrors(ContractCatalog.Contracts);

    /// <summary>Adds every custom error of these contracts, decoded to their generated records. Where two contracts
    /// declare the same signature, the first is kept (the records carry the same values).</summary>
    public RevertDecoder WithErrors(IEnumerable<ContractInfo> contracts)
    {
        foreach (var e in contracts.SelectMany(c => c.Errors))
            _custom.TryAdd(e.SelectorValue, (e.Signature, e.ParameterTypes.ToArray(), e));
        return this;
    }

    /// <summary>Adds a custom error, e.g. <c>ErrZeroAddress()</c> or <c>InsufficientStake(uint256,uint256)</c>.</summary>
    public RevertDecoder WithError(string signature)
    {
        var open = signature.IndexOf('(');
        if (open <= 0 || !signature.EndsWith(')')) throw new FormatException($"not an error signature: '{signature}'");
        var types = SplitTopLevel(signature[(open + 1)..^1]).Select(AbiType.Parse).ToArray();
        var canonical = AbiSignature.Canonical(signature[..open], types);
        _custom[ReadSelector(AbiSignature.Selector(canonical))] = (canonical, types, null);
        return this;
    }

    public RevertReason Decode(ReadOnlySpan<byte> data)
    {
        var bytes = ByteString.From(data);
        if (data.Length == 0) return new RevertReason(RevertKind.Empty, "reverted without data", bytes);
        if (data.Length < 4) return Unknown(bytes);
        var selector = ReadSelector(data);
        var body = data[4..];
        if (selector == ErrorSelector)
        {
            var r = AbiCodec.Decode(StringType, body);
            return r.IsOk ? new RevertReason(RevertKind.Error, ((AbiValue.Str)r.Values[0]).Value, bytes, "Error(string)", r.Values) : Unknown(bytes);
        }
        if (selector == PanicSelector)
        {
            var r = AbiCodec.Decode(UInt256Type, body);
            if (!r.IsOk) return Unknown(bytes);
            var code = ((AbiValue.UInt)r.Values[0]).Value;
            return new RevertReason(RevertKind.Panic, code <= ulong.MaxValue ? $"panic 0x{(ulong)code:x2} ({PanicMeaning(code)})" : $"panic {code} (unknown panic code)", bytes, "Panic(uint256)", r.Values);
        }
        if (_custom.TryGetValue(selector, out var custom))
        {
            var r = AbiCodec.Decode(custom.Types, body);
            if (r.IsOk)
            {
                var name = custom.Signature[..custom.Signature.IndexOf('(')];
                return new RevertReason(RevertKind.Custom, $"{name}({string.Join(", ", r.Values)})", bytes, custom.Signature, r.Values)
                {
                    Error = custom.Info?.FromValues(r.Values),
                };
            }
        }
        return Unknown(bytes);
    }

    public RevertReason Decode(string hex) => Hex.TryParse(hex, out var b) ? Decode(b) : new RevertReason(RevertKind.Unknown, $"revert data is not hex: {hex}", ByteString.Empty);

    private static IEnumerable<string> SplitTopLevel(string list)
    {
        if (list.Trim().Length == 0) yield break;
        int depth = 0, start = 0;
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i] == '(') depth++;
            else if (list[i] == ')') depth--;
            else if (list[i] == ',' && depth == 0) { yield return list[start..i].Trim(); start = i + 1; }
        }
        yield return list[start..].Trim();
    }

    private static RevertReason Unknown(ByteString data) => new(RevertKind.Unknown, $"reverted with unknown data {data}", data);

    private static uint ReadSelector(ReadOnlySpan<byte> s) => (uint)(s[0] << 24 | s[1] << 16 | s[2] << 8 | s[3]);

    /// <summary>Solidity's panic codes.</summary>
    public static string PanicMeaning(UInt256 code) => code > ulong.MaxValue ? "unknown panic code" : (ulong)code switch
    {
        0x00 => "generic compiler panic",
        0x01 => "assert failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "invalid enum value",
        0x22 => "bad storage byte array encoding",
        0x31 => "pop on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "out of memory",
        0x51 => "call to an uninitialized function",
        _ => "unknown panic code",
    };
}
