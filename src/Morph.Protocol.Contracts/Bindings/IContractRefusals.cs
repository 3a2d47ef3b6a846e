using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Contracts;

/// <summary>What a generated dispatcher (<c>{Contract}Dispatcher</c>, from the spec's <c>runs</c> and <c>refused</c>
/// clauses) hands back to the model when a call does not reach an operation; the model turns each into its refusal.
/// Checked in this order: a selector, a known function, arguments that decode, no ETH to a function that is not
/// payable; then the function runs its operation, is refused with its rule, or is not run at all.</summary>
/// <typeparam name="TResult">What the model's operations return.</typeparam>
/// <typeparam name="TRule">The rules the spec names (the build property MorphRuleType; string when unset).</typeparam>
public interface IContractRefusals<TResult, TRule>
{
    /// <summary>No function of the contract has this selector.</summary>
    TResult UnknownFunction(ContractInfo contract, uint selector);

    /// <summary>Calldata without a 4-byte selector (<paramref name="function"/> null), or arguments that do not decode.</summary>
    TResult MalformedCalldata(ContractInfo contract, ContractFunctionInfo? function, int length, AbiError? error);

    /// <summary>ETH attached to a function that is not payable.</summary>
    TResult NotPayable(ContractFunctionInfo function, UInt256 value);

    /// <summary>A function declared <c>refused Rule "reason"</c>.</summary>
    TResult Refused(Address from, ContractFunctionInfo function, TRule rule, string? reason);

    /// <summary>A function that neither runs an operation nor is refused: a query, or one the model does not model.</summary>
    TResult NotRun(ContractFunctionInfo function);
}
