using Morph.Protocol.Abi;

namespace Morph.Protocol.Contracts;

/// <summary>A decoded value or the codec's typed error (offset, type expected): decoding never throws.</summary>
public readonly struct ContractResult<T>
{
    private ContractResult(T? value, AbiError? error) { Value = value; Error = error; }

    public T? Value { get; }
    public AbiError? Error { get; }
    public bool IsOk => Error is null;

    public static ContractResult<T> Ok(T value) => new(value, null);
    public static ContractResult<T> Fail(AbiError error) => new(default, error);

    public override string ToString() => IsOk ? $"Ok({Value})" : $"Error({Error})";
}

public static class ContractResult
{
    public static ContractResult<IContractCall> BoxCall<T>(ContractResult<T> r) where T : IContractCall =>
        r.IsOk ? ContractResult<IContractCall>.Ok(r.Value!) : ContractResult<IContractCall>.Fail(r.Error!);

    public static ContractResult<IContractEvent> BoxEvent<T>(ContractResult<T> r) where T : IContractEvent =>
        r.IsOk ? ContractResult<IContractEvent>.Ok(r.Value!) : ContractResult<IContractEvent>.Fail(r.Error!);

    public static ContractResult<IContractError> BoxError<T>(ContractResult<T> r) where T : IContractError =>
        r.IsOk ? ContractResult<IContractError>.Ok(r.Value!) : ContractResult<IContractError>.Fail(r.Error!);
}
