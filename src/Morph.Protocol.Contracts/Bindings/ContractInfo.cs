using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Contracts;

/// <summary>A contract as the spec declares it.</summary>
public sealed record ContractInfo(string Name, string? Description, IReadOnlyList<ContractFunctionInfo> Functions, IReadOnlyList<ContractEventInfo> Events)
{
    /// <summary>The custom errors the spec declares for this contract (<c>error</c> and <c>extension error</c>).</summary>
    public IReadOnlyList<ContractErrorInfo> Errors { get; init; } = [];
}

public delegate ContractResult<IContractCall> CallDecoder(ReadOnlySpan<byte> calldata);

/// <summary>A contract function: its signature, selector, spec mapping and typed (de)coders.</summary>
public sealed class ContractFunctionInfo
{
    private readonly byte[] _selector;

    public ContractFunctionInfo(string contract, string name, string signature, string mutability,
        IReadOnlyList<string> parameterTypes, IReadOnlyList<string> returnTypes, IReadOnlyList<string> triggers,
        bool isQuery, bool isExtension, Func<IReadOnlyList<AbiValue>, IContractCall> fromValues, CallDecoder decode, uint? selector = null)
    {
        Contract = contract; Name = name; Signature = signature; Mutability = mutability;
        ParameterTypes = parameterTypes.Select(AbiType.Parse).ToArray();
        ReturnTypes = returnTypes.Select(AbiType.Parse).ToArray();
        Triggers = triggers; IsQuery = isQuery; IsExtension = isExtension; FromValues = fromValues; Decode = decode;
        // The generated records pass their compile-time constant; hashed here only for a hand-made info.
        SelectorValue = selector ?? AbiSignature.SelectorValue(signature);
        _selector = [(byte)(SelectorValue >> 24), (byte)(SelectorValue >> 16), (byte)(SelectorValue >> 8), (byte)SelectorValue];
    }

    public string Contract { get; }
    public string Name { get; }
    public string Signature { get; }
    public string Mutability { get; }
    public IReadOnlyList<AbiType> ParameterTypes { get; }
    public IReadOnlyList<AbiType> ReturnTypes { get; }
    /// <summary>The lifecycle triggers (<c>Lifecycle.Trigger</c>) this function fires.</summary>
    public IReadOnlyList<string> Triggers { get; }
    public bool IsQuery { get; }
    /// <summary>An operation Morph's deployed contracts lack (e.g. registration with a proof of possession).</summary>
    public bool IsExtension { get; }
    public ReadOnlySpan<byte> Selector => _selector;
    /// <summary>The selector as a big-endian number (the generated record's <c>SelectorValue</c> constant).</summary>
    public uint SelectorValue { get; }
    public Func<IReadOnlyList<AbiValue>, IContractCall> FromValues { get; }
    public CallDecoder Decode { get; }

    public override string ToString() => $"{Contract}.{Signature}";
}

/// <summary>A contract event: its signature, topic0, parameters and typed (de)coders.</summary>
public sealed class ContractEventInfo
{
    public ContractEventInfo(string contract, string name, string signature, IReadOnlyList<AbiEventParameter> parameters,
        IReadOnlyList<string> emittedOn, bool isExtension, Func<IReadOnlyList<AbiValue>, IContractEvent> fromValues,
        Func<AbiLog, ContractResult<IContractEvent>> decode, Bytes32? topic0 = null)
    {
        Contract = contract; Name = name; Signature = signature; Parameters = parameters; EmittedOn = emittedOn;
        IsExtension = isExtension; FromValues = fromValues; Decode = decode;
        // The generated records pass their compile-time constant; hashed here only for a hand-made info.
        Topic0 = topic0 ?? AbiSignature.Topic0(signature);
    }

    public string Contract { get; }
    public string Name { get; }
    public string Signature { get; }
    public IReadOnlyList<AbiEventParameter> Parameters { get; }
    /// <summary>The lifecycle triggers (<c>Lifecycle.Trigger</c>) whose application emits this event.</summary>
    public IReadOnlyList<string> EmittedOn { get; }
    public bool IsExtension { get; }
    public Bytes32 Topic0 { get; }
    public Func<IReadOnlyList<AbiValue>, IContractEvent> FromValues { get; }
    public Func<AbiLog, ContractResult<IContractEvent>> Decode { get; }

    public override string ToString() => $"{Contract}.{Signature}";
}

public delegate ContractResult<IContractError> ErrorDecoder(ReadOnlySpan<byte> revertData);

/// <summary>A custom error: its signature, its selector (a compile-time constant of the generated record) and
/// typed (de)coders.</summary>
public sealed class ContractErrorInfo
{
    private readonly byte[] _selector;

    public ContractErrorInfo(string contract, string name, string signature, uint selector, IReadOnlyList<string> parameterTypes,
        bool isExtension, Func<IReadOnlyList<AbiValue>, IContractError> fromValues, ErrorDecoder decode)
    {
        Contract = contract; Name = name; Signature = signature; SelectorValue = selector;
        ParameterTypes = parameterTypes.Select(AbiType.Parse).ToArray();
        IsExtension = isExtension; FromValues = fromValues; Decode = decode;
        _selector = [(byte)(selector >> 24), (byte)(selector >> 16), (byte)(selector >> 8), (byte)selector];
    }

    public string Contract { get; }
    public string Name { get; }
    public string Signature { get; }
    public uint SelectorValue { get; }
    public ReadOnlySpan<byte> Selector => _selector;
    public IReadOnlyList<AbiType> ParameterTypes { get; }
    /// <summary>A protocol-only error: Morph's deployed contract never reverts with it (it reverts with strings).</summary>
    public bool IsExtension { get; }
    public Func<IReadOnlyList<AbiValue>, IContractError> FromValues { get; }
    public ErrorDecoder Decode { get; }

    public override string ToString() => $"{Contract}.{Signature}";
}

/// <summary>A typed custom error of a contract (its revert data).</summary>
public interface IContractError
{
    ContractErrorInfo Error { get; }
    IReadOnlyList<AbiValue> ToValues();
    byte[] Encode();
}

/// <summary>A typed call of a contract function.</summary>
public interface IContractCall
{
    ContractFunctionInfo Function { get; }
    IReadOnlyList<AbiValue> ToValues();
    byte[] Encode();
}

/// <summary>A typed event of a contract.</summary>
public interface IContractEvent
{
    ContractEventInfo Event { get; }
    IReadOnlyList<AbiValue> ToValues();
    AbiLog Encode();
}
