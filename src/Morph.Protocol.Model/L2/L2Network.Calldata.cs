using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L2;

/// <summary>An L2 transaction as it arrives on chain: sender, contract, calldata (L2 transactions carry no ETH here).</summary>
public sealed record L2Transaction(Address From, Address To, ByteString Data);

// The operations spec/contracts/L2Staking.morph and MorphToken.morph run: the generated dispatchers decode by selector
// and call them here, as L1Network.Execute does for L1.
public sealed partial class L2Network : IL2StakingOperations<TxResult>, IMorphTokenOperations<TxResult>
{
    /// <summary>Executes a transaction given as calldata. While halted, everything but <c>restartL2()</c> is refused
    /// Halted before any other check (section 9); then malformed calldata and out-of-range arguments are typed errors.</summary>
    public TxResult Execute(L2Transaction tx)
    {
        var data = tx.Data.Span;
        bool isRestart = tx.To == Genesis.StakingAddress && data.Length >= 4 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data) == L2StakingContract.RestartL2Call.SelectorValue;
        if (IsHalted && !isRestart) return TxResult.Fail(ProtocolRule.Halted, $"L2 is halted after block {Height}: only restartL2 runs");
        if (tx.To == Genesis.StakingAddress) return L2StakingDispatcher.Dispatch(this, tx.From, UInt256.Zero, data);
        if (tx.To == Genesis.TokenAddress) return MorphTokenDispatcher.Dispatch(this, tx.From, UInt256.Zero, data);
        if (tx.To == Genesis.RecordAddress) return RecordDispatcher.Dispatch(this, tx.From, UInt256.Zero, data);
        if (tx.To == Genesis.DistributionAddress) return DistributeDispatcher.Dispatch(this, tx.From, UInt256.Zero, data);
        return TxResult.Fail(ProtocolRule.UnknownContract, $"{tx.To} is none of L2Staking, MorphToken, Record, Distribute");
    }

    // ---- L2Staking ----

    TxResult IL2StakingOperations<TxResult>.SetCommissionRate(Address from, UInt256 value, L2StakingContract.SetCommissionRateCall c) => SetCommissionRate(from, c.Commission);
    TxResult IL2StakingOperations<TxResult>.Delegate(Address from, UInt256 value, L2StakingContract.DelegateStakeCall c) => Delegate(from, c.Delegatee, c.Amount);
    TxResult IL2StakingOperations<TxResult>.UndelegateAll(Address from, UInt256 value, L2StakingContract.UndelegateStakeCall c) => UndelegateAll(from, c.Delegatee);
    TxResult IL2StakingOperations<TxResult>.Undelegate(Address from, UInt256 value, L2StakingContract.UndelegateCall c) => Undelegate(from, c.Staker, c.Amount);
    TxResult IL2StakingOperations<TxResult>.Redelegate(Address from, UInt256 value, L2StakingContract.RedelegateCall c) => Redelegate(from, c.From, c.To, c.Amount);
    TxResult IL2StakingOperations<TxResult>.CompleteRedelegation(Address from, UInt256 value, L2StakingContract.CompleteRedelegationCall c) =>
        Small(c.EntryId, "entryId") is { } id ? CompleteRedelegation(from, id) : OutOfRange(c.EntryId, "entryId");
    TxResult IL2StakingOperations<TxResult>.ClaimEntry(Address from, UInt256 value, L2StakingContract.ClaimEntryCall c) =>
        Small(c.EntryId, "entryId") is { } id ? ClaimEntry(from, id) : OutOfRange(c.EntryId, "entryId");
    TxResult IL2StakingOperations<TxResult>.ClaimReleased(Address from, UInt256 value, L2StakingContract.ClaimReleasedCall c) =>
        Small(c.RegistrationNonce, "registrationNonce") is { } n ? ClaimReleased(from, c.Staker, n) : OutOfRange(c.RegistrationNonce, "registrationNonce");
    TxResult IL2StakingOperations<TxResult>.Unjail(Address from, UInt256 value, L2StakingContract.UnjailCall c) => Unjail(from);
    TxResult IL2StakingOperations<TxResult>.RestartL2(Address from, UInt256 value, L2StakingContract.RestartL2Call c) => RestartL2(from);

    // ---- MorphToken ----

    TxResult IMorphTokenOperations<TxResult>.Approve(Address from, UInt256 value, MorphTokenContract.ApproveCall c) => Approve(from, c.Spender, c.Amount);
    TxResult IMorphTokenOperations<TxResult>.TransferFrom(Address from, UInt256 value, MorphTokenContract.TransferFromCall c) => TransferFrom(from, c.From, c.To, c.Amount);
    TxResult IMorphTokenOperations<TxResult>.Transfer(Address from, UInt256 value, MorphTokenContract.TransferCall c) => Transfer(from, c.To, c.Amount);

    // ---- refusals before an operation runs ----

    TxResult IContractRefusals<TxResult, ProtocolRule>.UnknownFunction(ContractInfo contract, uint selector) => CalldataRefusals.UnknownFunction(contract, selector);

    TxResult IContractRefusals<TxResult, ProtocolRule>.MalformedCalldata(ContractInfo contract, ContractFunctionInfo? function, int length, AbiError? error) =>
        CalldataRefusals.MalformedCalldata(function, length, error);

    TxResult IContractRefusals<TxResult, ProtocolRule>.NotPayable(ContractFunctionInfo function, UInt256 value) =>
        TxResult.Fail(ProtocolRule.NotPayable, $"{function} takes no value");

    TxResult IContractRefusals<TxResult, ProtocolRule>.Refused(Address from, ContractFunctionInfo function, ProtocolRule rule, string? reason) =>
        CalldataRefusals.Refused(from, function, rule, reason);

    TxResult IContractRefusals<TxResult, ProtocolRule>.NotRun(ContractFunctionInfo function) =>
        CalldataRefusals.NotRun(function, "staking messages arrive through Deliver; Morph's admin settings are not modelled");

    private static ulong? Small(UInt256 v, string _) => CalldataRefusals.AsModelInteger(v);

    private static TxResult OutOfRange(UInt256 v, string name) =>
        TxResult.Fail(ProtocolRule.ValueOutOfRange, $"{name} {v} is beyond the model's integers (2^64 - 1)");
}
