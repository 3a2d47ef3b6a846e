using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using Rollups = Morph.Protocol.L1.Rollup;

namespace Morph.Protocol.L1;

/// <summary>An L1 transaction as it arrives on chain: sender, contract, ETH attached, calldata.</summary>
public sealed record L1Transaction(Address From, Address To, UInt256 Value, ByteString Data);

// The operations the spec's contracts run ('runs Operation' in spec/contracts/L1Staking.morph and Rollup.morph): the
// generated dispatchers decode by selector and call them here; what they refuse comes back through IContractRefusals.
public sealed partial class L1Network : IL1StakingOperations<TxResult>, IRollupOperations<TxResult>
{
    /// <summary>Executes a transaction given as calldata: the contract is found by address, the function by selector,
    /// the arguments are decoded by the generated bindings (malformed bytes are a typed error naming the offset), and
    /// the call runs as the domain operation the spec says it runs. Nothing changes unless the whole call is applied.</summary>
    public TxResult Execute(L1Transaction tx)
    {
        if (tx.To == Genesis.StakingAddress) return L1StakingDispatcher.Dispatch(this, tx.From, tx.Value, tx.Data.Span);
        if (tx.To == Genesis.RollupAddress) return RollupDispatcher.Dispatch(this, tx.From, tx.Value, tx.Data.Span);
        return TxResult.Fail(ProtocolRule.UnknownContract, $"{tx.To} is neither L1Staking ({Genesis.StakingAddress}) nor the Rollup ({Genesis.RollupAddress})");
    }

    // ---- L1Staking ----

    TxResult IL1StakingOperations<TxResult>.UpdateWhitelist(Address from, UInt256 value, L1StakingContract.UpdateWhitelistCall call) =>
        UpdateWhitelist(from, call.Add, call.Remove);

    TxResult IL1StakingOperations<TxResult>.Register(Address from, UInt256 value, L1StakingContract.RegisterWithProofCall call) =>
        Register(from, value, call.TmKey, call.BlsKey, call.BlsProofOfPossession, call.BlsRegistrationSignature, call.TmSignature);

    TxResult IL1StakingOperations<TxResult>.OwnerRemove(Address from, UInt256 value, L1StakingContract.RemoveStakerCall call) => OwnerRemove(from, call.Stakers);

    TxResult IL1StakingOperations<TxResult>.Withdraw(Address from, UInt256 value, L1StakingContract.WithdrawCall call) => Withdraw(from);

    TxResult IL1StakingOperations<TxResult>.ClaimWithdrawal(Address from, UInt256 value, L1StakingContract.ClaimWithdrawalCall call) => ClaimWithdrawal(from, call.Receiver);

    // ---- Rollup ----

    TxResult IRollupOperations<TxResult>.MarkL2Genesis(Address from, UInt256 value, RollupContract.MarkL2GenesisCall call) => MarkL2Genesis(from);

    TxResult IRollupOperations<TxResult>.EnableBls(Address from, UInt256 value, RollupContract.EnableBlsCall call) => EnableBls(from);

    TxResult IRollupOperations<TxResult>.ResetSequencerSet(Address from, UInt256 value, RollupContract.ResetSequencerSetCall call) => ResetSequencerSet(from, call.NewSet);

    TxResult IRollupOperations<TxResult>.CommitBatch(Address from, UInt256 value, RollupContract.CommitSignedBatchCall c) =>
        BatchIndex(c.BatchIndex) is not { } index
            ? TxResult.Fail(ProtocolRule.WrongBatchIndex, $"the next batch index is {Rollup.LastCommitted + 1}, got {c.BatchIndex}")
            : CommitBatch(from, new Rollups.BatchCommit(index, c.BatchHash,
                c.NewSequencerSet.Count == 0 ? (IReadOnlyList<Address>?)null : c.NewSequencerSet, c.SignersBitmap, c.AggregateSignature.Length == 0 ? null : c.AggregateSignature));

    TxResult IRollupOperations<TxResult>.ChallengeBatch(Address from, UInt256 value, RollupContract.ChallengeStateCall c) =>
        Rollup.BatchAt(c.BatchIndex) is { } b && b.Hash != c.BatchHash
            ? TxResult.Fail(ProtocolRule.BatchNotFound, $"batch {c.BatchIndex} is {b.Hash}, not {c.BatchHash}")
            : ChallengeBatch(from, value, c.BatchIndex);

    TxResult IRollupOperations<TxResult>.ProveBatch(Address from, UInt256 value, RollupContract.ProveBatchCall c) =>
        BatchIndex(c.BatchIndex) is { } index ? ProveBatch(from, index, c.Proof) : NoSuchBatch(c.BatchIndex);

    TxResult IRollupOperations<TxResult>.SettleChallenge(Address from, UInt256 value, RollupContract.SettleChallengeCall c) =>
        BatchIndex(c.BatchIndex) is { } index ? SettleChallenge(from, index) : NoSuchBatch(c.BatchIndex);

    TxResult IRollupOperations<TxResult>.FinalizeBatch(Address from, UInt256 value, RollupContract.FinalizeBatchIndexCall c) =>
        BatchIndex(c.BatchIndex) is { } index ? FinalizeBatch(from, index) : NoSuchBatch(c.BatchIndex);

    TxResult IRollupOperations<TxResult>.ClaimReward(Address from, UInt256 value, RollupContract.ClaimRewardCall call) => ClaimReward(from, call.Receiver);

    // ---- refusals before an operation runs ----

    TxResult IContractRefusals<TxResult, ProtocolRule>.UnknownFunction(ContractInfo contract, uint selector) => CalldataRefusals.UnknownFunction(contract, selector);

    TxResult IContractRefusals<TxResult, ProtocolRule>.MalformedCalldata(ContractInfo contract, ContractFunctionInfo? function, int length, AbiError? error) =>
        CalldataRefusals.MalformedCalldata(function, length, error);

    TxResult IContractRefusals<TxResult, ProtocolRule>.NotPayable(ContractFunctionInfo function, UInt256 value) =>
        TxResult.Fail(ProtocolRule.NotPayable, $"{function} is {function.Mutability}: no ETH may be attached (got {value} wei)");

    TxResult IContractRefusals<TxResult, ProtocolRule>.Refused(Address from, ContractFunctionInfo function, ProtocolRule rule, string? reason) =>
        CalldataRefusals.Refused(from, function, rule, reason);

    TxResult IContractRefusals<TxResult, ProtocolRule>.NotRun(ContractFunctionInfo function) =>
        CalldataRefusals.NotRun(function, "Morph's batch headers, gas limits and admin settings are not modelled; see the spec's extension functions");

    /// <summary>A uint256 batch index as the model holds it; null beyond the model's integers, which no batch can have
    /// (invariant 6: refused with a typed error, never an overflow).</summary>
    private static ulong? BatchIndex(UInt256 value) => CalldataRefusals.AsModelInteger(value);

    private TxResult NoSuchBatch(UInt256 index) =>
        TxResult.Fail(ProtocolRule.BatchNotFound, $"no committed batch {index} (last committed {Rollup.LastCommitted})");
}
