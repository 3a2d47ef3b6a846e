using Morph.Protocol.Contracts;

namespace Morph.Protocol.Sdk;

/// <summary>A contract call, estimate or send that reverted, with the decoded reason (<c>Error(string)</c>,
/// <c>Panic(uint256)</c>, a declared error, or the raw data). A send that reverts in its simulation never reaches
/// the node's mempool and spends no nonce.</summary>
public sealed class ContractRevertException(string operation, RevertReason reason, string? transactionHash = null)
    : Exception($"{operation} reverted: {reason.Message}")
{
    /// <summary>What was attempted: <c>L1Staking.register(bytes32,bytes) call</c>, <c>… estimate</c>, <c>… send</c>.</summary>
    public string Operation { get; } = operation;
    public RevertReason Reason { get; } = reason;
    /// <summary>The spec error the contract reverted with, as its generated record (e.g.
    /// <c>L1StakingContract.WrongStakeAmountError</c>); null for <c>Error(string)</c>, a panic or unknown data.</summary>
    public IContractError? Error => Reason.Error;
    /// <summary>Set when a mined transaction failed (status 0); null when the revert was caught before sending.</summary>
    public string? TransactionHash { get; } = transactionHash;
}

/// <summary>The node could not be used: unreachable, too slow, the wrong chain, or an RPC error that is not a
/// revert. The message is one line naming the node and the cause.</summary>
public sealed class ChainTransportException(string message, Exception? inner = null) : Exception(message, inner);
