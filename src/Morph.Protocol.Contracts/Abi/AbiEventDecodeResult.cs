namespace Morph.Protocol.Abi;

/// <summary>Either all parameter values in declaration order, or an <see cref="AbiError"/>.</summary>
public readonly struct AbiEventDecodeResult
{
    private readonly IReadOnlyList<AbiValue>? _values;

    private AbiEventDecodeResult(IReadOnlyList<AbiValue>? values, AbiError? error)
    {
        _values = values;
        Error = error;
    }

    public static AbiEventDecodeResult Ok(IReadOnlyList<AbiValue> values) => new(values, null);
    public static AbiEventDecodeResult Fail(AbiError error) => new(null, error);

    public bool IsOk => Error is null;
    public IReadOnlyList<AbiValue> Values => _values ?? [];
    public AbiError? Error { get; }

    public override string ToString() => IsOk ? $"Ok[{string.Join(", ", Values)}]" : $"Error: {Error}";
}
