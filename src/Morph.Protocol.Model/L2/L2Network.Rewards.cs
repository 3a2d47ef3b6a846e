using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L2;

/// <summary>The L1 facts a record names (section 6): where the model holds both chains, a rollup record must name a
/// batch finalized on L1.</summary>
public interface IL1Facts
{
    bool IsFinalized(ulong batchIndex);

    /// <summary>What L1 committed as batch <paramref name="batchIndex"/> (its L2 blocks, size and submitter), or null
    /// when L1 knows no such batch: a rollup record naming other facts names no finalized batch.</summary>
    (ulong StartBlock, ulong EndBlock, UInt256 SizeBytes, Address Submitter)? Committed(ulong batchIndex) => null;

    /// <summary>L1's slot k (after enableBls): its scheduled submitter and that one's registration nonce, the set hash
    /// and whether it timed out; null when L1 cannot tell (the slot's window is not over, or no BLS).</summary>
    (Address Scheduled, ulong RegistrationNonce, Bytes32 SetHash, bool TimedOut)? Slot(ulong k) => null;
}

// Records and rewards (PROTOCOL.md sections 6 and 7): the oracle's transactions, fund, claims and debt, through the
// generated Record and Distribute bindings as for staking.
public sealed partial class L2Network : IRecordOperations<TxResult>, IDistributeOperations<TxResult>
{
    public TxResult RecordBlocks(Address sender, IReadOnlyList<BlockRecord> records) => Run(() => Distribution.RecordBlocks(sender, records));
    public TxResult RecordRollups(Address sender, IReadOnlyList<RollupRecord> records) => Run(() => Distribution.RecordRollups(sender, records));
    public TxResult RecordSlots(Address sender, IReadOnlyList<SlotRecord> records) => Run(() => Distribution.RecordSlots(sender, records));
    public TxResult SetOracle(Address sender, Address oracle) => Run(() => Distribution.SetOracle(sender, oracle));
    public TxResult Fund(Address sender, UInt256 amount) => Run(() => Distribution.Fund(sender, amount));
    public TxResult ClaimReward(Address sender, Address staker, ulong registrationNonce) => Run(() => Distribution.ClaimReward(sender, staker, registrationNonce));
    public TxResult ClaimAll(Address sender) => Run(() => Distribution.ClaimAll(sender));
    public TxResult ClaimCommission(Address sender, ulong registrationNonce) => Run(() => Distribution.ClaimCommission(sender, registrationNonce));
    public TxResult PayDebt(Address sender, Address staker, UInt256 amount) => Run(() => Distribution.PayDebt(sender, staker, amount));

    // ---- calldata ----

    TxResult IRecordOperations<TxResult>.SetOracle(Address from, UInt256 value, RecordContract.SetOracleAddressCall c) => SetOracle(from, c.Oracle);
    TxResult IRecordOperations<TxResult>.RecordBlocks(Address from, UInt256 value, RecordContract.RecordBlocksCall c) => RecordBlocks(from, c.Records);
    TxResult IRecordOperations<TxResult>.RecordRollups(Address from, UInt256 value, RecordContract.RecordRollupsCall c) => RecordRollups(from, c.Records);
    TxResult IRecordOperations<TxResult>.RecordSlots(Address from, UInt256 value, RecordContract.RecordSlotsCall c) => RecordSlots(from, c.Records);
    TxResult IDistributeOperations<TxResult>.Fund(Address from, UInt256 value, DistributeContract.FundCall c) => Fund(from, c.Amount);
    TxResult IDistributeOperations<TxResult>.ClaimReward(Address from, UInt256 value, DistributeContract.ClaimRewardCall c) =>
        Small(c.RegistrationNonce, "registrationNonce") is { } n ? ClaimReward(from, c.Staker, n) : OutOfRange(c.RegistrationNonce, "registrationNonce");
    TxResult IDistributeOperations<TxResult>.ClaimAll(Address from, UInt256 value, DistributeContract.ClaimAllRewardsCall c) => ClaimAll(from);
    TxResult IDistributeOperations<TxResult>.ClaimCommission(Address from, UInt256 value, DistributeContract.ClaimCommissionOfCall c) =>
        Small(c.RegistrationNonce, "registrationNonce") is { } n ? ClaimCommission(from, n) : OutOfRange(c.RegistrationNonce, "registrationNonce");
    TxResult IDistributeOperations<TxResult>.PayDebt(Address from, UInt256 value, DistributeContract.PayDebtCall c) => PayDebt(from, c.Staker, c.Amount);
}
