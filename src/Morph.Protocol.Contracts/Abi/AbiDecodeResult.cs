namespace Morph.Protocol.Abi;

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
