using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Transactions;

/// <summary>The refusals before an operation runs (PROTOCOL.md 8, invariant 6: malformed calldata, an unknown selector,
/// ETH to a function that takes none, a function the spec refuses or the model does not run), worded once for both
/// chains' calldata entries; each chain's dispatchers reach them through IContractRefusals.</summary>
internal static class CalldataRefusals
{
    public static TxResult UnknownFunction(ContractInfo contract, uint selector) =>
        TxResult.Fail(ProtocolRule.UnknownFunction, $"{contract.Name} has no function with selector 0x{selector:x8}");

    public static TxResult MalformedCalldata(ContractFunctionInfo? function, int length, AbiError? error) =>
        TxResult.Fail(ProtocolRule.MalformedCalldata, function is null ? $"calldata of {length} bytes has no 4-byte selector" : $"{function}: {error}");

    public static TxResult Refused(Address from, ContractFunctionInfo function, ProtocolRule rule, string? reason) =>
        TxResult.Fail(rule, $"{from}: {function} is refused by the model: {reason}");

    /// <summary>A query, or a function the model does not run; <paramref name="why"/> says what the chain models instead.</summary>
    public static TxResult NotRun(ContractFunctionInfo function, string why) =>
        TxResult.Fail(ProtocolRule.NotModelled, function.IsQuery || function.Mutability is "view" or "pure"
            ? $"{function} is a query: read the model's state instead"
            : $"{function} is not an operation of the model ({why})");

    /// <summary>A uint256 argument as the model holds it (a ulong); null beyond the model's integers (section 9:
    /// ValueOutOfRange, or for a batch index the batch that cannot exist).</summary>
    public static ulong? AsModelInteger(UInt256 v) => (v.u1 | v.u2 | v.u3) == 0 ? v.u0 : null;
}
