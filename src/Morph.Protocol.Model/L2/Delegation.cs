using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>What one delegator holds with one staker incarnation: the host of lifecycle Delegation. When its staker
/// is removed nothing here is touched: the amount it held reads 0 from the removal block and is released lazily, on
/// the delegator's <c>claimReleased</c>.</summary>
[Lifecycle("Delegation")]
public sealed partial class Delegation
{
    private readonly L2Staking _staking;

    internal Delegation(L2Staking staking, Address delegator, L2Staker staker)
    {
        _staking = staking; Delegator = delegator; Staker = staker;
    }

    public Address Delegator { get; }
    public L2Staker Staker { get; }
    public DelegationKey Key => new(Delegator, Staker.Address, Staker.RegistrationNonce);

    /// <summary>The amount delegated now (for a removed staker: the amount released to the delegator until claimed).</summary>
    public UInt256 Amount { get; private set; }
    /// <summary>(block, amount) after every transaction of the block (section 6).</summary>
    public Checkpoints History { get; } = new();

    /// <summary>The delegation's staker was removed (state Released, applied lazily when the delegator claims it).</summary>
    public bool IsReleased => State == DelegationState.Released || (State == DelegationState.Active && !Staker.IsPresent);

    /// <summary>The effective amount at height h: its checkpoint, and 0 from the block its staker was removed.</summary>
    public UInt256 AmountAt(ulong height) => Staker.RemovedAt is { } r && height >= r ? UInt256.Zero : History.At(height);

    /// <summary>The last epoch its rewards were claimed through (its claim window starts after it), or null.</summary>
    public ulong? RewardClaimedThrough { get; private set; }

    internal void ClaimedReward(ulong epoch)
    {
        if (!CanFireClaimReward(out var failed)) throw L2Staking.Unvalidated("Delegation.ClaimReward", failed);
        FireClaimReward();
        RewardClaimedThrough = epoch;
    }

    internal void SetAmount(UInt256 amount, ulong block)
    {
        Amount = amount;
        History.Record(block, amount);
    }

    /// <summary>claimReleased: Active → Released (lazily, the removal) → Withdrawn; returns what is paid back. The
    /// waiver path of the released delegation: it is paid without lock because its staker is gone.</summary>
    [WaiverPath]
    internal UInt256 Withdraw(ulong block)
    {
        if (CanFireStakerRemoved(out _)) FireStakerRemoved();
        if (!CanFireClaimReleased(out var failed)) throw L2Staking.Unvalidated("Delegation.ClaimReleased", failed);
        FireClaimReleased();
        var paid = Amount;
        Amount = UInt256.Zero;   // the history keeps reading 0 from the removal block: the released amount left it then
        return paid;
    }

    private partial bool StakerGone() => !Staker.IsPresent;
    // Rewards run to the last closed epoch (section 7): until epochs close (the rewards issue), none is claimable.
    private partial bool EpochsClosed() => _staking.Chain.LastClosedEpoch is not null;

    internal void WriteState(StateWriter w)
    {
        w.Write(Delegator); w.Write(Staker.RegistrationNonce); w.Write((ulong)State); w.Write(Amount); w.Write(RewardClaimedThrough ?? ulong.MaxValue);
        History.WriteState(w);
    }
}
