using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>An undelegation or redelegation entry (PROTOCOL.md section 3): taken out of its staker's total at once and
/// locked for undelegateLockEpochs from the epoch it was made in; at most maxPendingEntries of them, Locked or
/// Claimable, per (delegator, incarnation of the staker it leaves).</summary>
public abstract class DelegationEntry
{
    private protected DelegationEntry(ulong id, Address delegator, L2Staker from, UInt256 amount, ulong epoch)
    {
        Id = id; Delegator = delegator; From = from; Amount = amount; CreatedEpoch = epoch;
    }

    public ulong Id { get; }
    public Address Delegator { get; }
    /// <summary>The staker incarnation it leaves (and counts against).</summary>
    public L2Staker From { get; }
    public UInt256 Amount { get; }
    public ulong CreatedEpoch { get; }
    /// <summary>createdEpoch + undelegateLockEpochs, exactly (a boundary beyond the last epoch is never reached).</summary>
    public abstract BlockBoundary UnlockEpoch { get; }

    public PendingEntriesKey BoundKey => new(Delegator, From.Address, From.RegistrationNonce);
    /// <summary>Locked or Claimable: it holds MORPH in the staking account and a slot of the bound.</summary>
    public abstract bool IsPending { get; }
    /// <summary>Whether its delegator could claim it now (lazily: time and removals are applied when it is touched).</summary>
    public abstract bool IsClaimableNow { get; }

    internal abstract void WriteState(StateWriter w);
}

/// <summary>An undelegation entry: the host of lifecycle Undelegation.</summary>
[Lifecycle("Undelegation")]
public sealed partial class Undelegation : DelegationEntry
{
    private readonly L2Staking _staking;

    internal Undelegation(L2Staking staking, ulong id, Address delegator, L2Staker from, UInt256 amount, ulong epoch)
        : base(id, delegator, from, amount, epoch)
    {
        _staking = staking;
        StartUndelegateLockEpochs(epoch);   // 'lock undelegateLockEpochs on epochs from created'
    }

    public override BlockBoundary UnlockEpoch => UndelegateLockEpochsEnds!.Value;
    public UndelegationKey Key => new(Id, Delegator, From.Address, From.RegistrationNonce);
    public override bool IsPending => State is UndelegationState.Locked or UndelegationState.Claimable;
    public override bool IsClaimableNow => State == UndelegationState.Claimable || CanFireMature(out _) || CanFireStakerRemoved(out _);

    /// <summary>Applies what time and the staker's removal made due (Mature, or StakerRemoved waiving the lock).</summary>
    [WaiverPath]
    internal void Settle()
    {
        if (State != UndelegationState.Locked) return;
        if (CanFireStakerRemoved(out _)) FireStakerRemoved();
        else if (CanFireMature(out _)) FireMature();
    }

    internal void MarkClaimed()
    {
        if (!CanFireClaim(out var failed)) throw L2Staking.Unvalidated("Undelegation.Claim", failed);
        FireClaim();
    }

    private partial ulong ClockNow(LifecycleClock clock) => clock == LifecycleClock.Epochs ? _staking.Chain.CurrentEpoch : _staking.Chain.Height;
    private partial ProtocolParameters LockParameters() => _staking.Parameters;
    private partial bool StakerGone() => !From.IsPresent;

    internal override void WriteState(StateWriter w)
    {
        w.Write(0UL); w.Write(Id); w.Write(Delegator); w.Write(From.RegistrationNonce); w.Write(Amount); w.Write(CreatedEpoch); w.Write((ulong)State);
    }
}

/// <summary>A redelegation entry from one staker incarnation to another: the host of lifecycle Redelegation.</summary>
[Lifecycle("Redelegation")]
public sealed partial class Redelegation : DelegationEntry
{
    private readonly L2Staking _staking;

    internal Redelegation(L2Staking staking, ulong id, Address delegator, L2Staker from, L2Staker to, UInt256 amount, ulong epoch)
        : base(id, delegator, from, amount, epoch)
    {
        _staking = staking; To = to;
        StartUndelegateLockEpochs(epoch);
    }

    /// <summary>The incarnation it joins when completed; if that incarnation is gone, the amount is returned instead.</summary>
    public L2Staker To { get; }
    public override BlockBoundary UnlockEpoch => UndelegateLockEpochsEnds!.Value;
    public RedelegationKey Key => new(Id, Delegator, From.Address, From.RegistrationNonce);
    public override bool IsPending => State is RedelegationState.Locked or RedelegationState.Claimable;
    public bool IsMatured => UndelegateLockEpochsElapsed();
    /// <summary>Matured, and its 'to' (same incarnation) is present: completing it moves the amount into (delegator, to).</summary>
    public bool IsCompletable => State == RedelegationState.Locked && CanFireComplete(out _) && To.IsPresent;
    /// <summary>Matured with its 'to' gone: Claimable from its unlock, with no completion needed.</summary>
    public override bool IsClaimableNow => State == RedelegationState.Claimable || (State == RedelegationState.Locked && IsMatured && !To.IsPresent);

    internal void MarkCompleted()
    {
        if (!CanFireComplete(out var failed)) throw L2Staking.Unvalidated("Redelegation.Complete", failed);
        FireComplete();
    }

    internal void MarkClaimed()
    {
        // Locked → Claimable first when 'to' left (guard TargetGone), then the claim.
        if (State == RedelegationState.Locked && CanFireComplete(out _)) FireComplete();
        if (!CanFireClaim(out var failed)) throw L2Staking.Unvalidated("Redelegation.Claim", failed);
        FireClaim();
    }

    private partial ulong ClockNow(LifecycleClock clock) => clock == LifecycleClock.Epochs ? _staking.Chain.CurrentEpoch : _staking.Chain.Height;
    private partial ProtocolParameters LockParameters() => _staking.Parameters;
    private partial bool TargetPresent() => To.IsPresent;
    private partial bool TargetGone() => !To.IsPresent;

    internal override void WriteState(StateWriter w)
    {
        w.Write(1UL); w.Write(Id); w.Write(Delegator); w.Write(From.RegistrationNonce); w.Write(To.RegistrationNonce); w.Write(Amount);
        w.Write(CreatedEpoch); w.Write((ulong)State);
    }
}
