using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>One incarnation of a staker on L2, keyed by (address, registrationNonce): the host of lifecycle L2Staker
/// (spec/l2-staking.morph). An add-staker message starts it with fresh state; a remove-staker message ends it in
/// O(log n), touching no delegator: its delegations read 0 from the removal block and are claimed back lazily.</summary>
[Lifecycle("L2Staker")]
public sealed partial class L2Staker
{
    private readonly L2Staking _staking;
    private readonly List<(ulong FromEpoch, ushort Rate)> _commission = [(0, 0)];

    internal L2Staking Staking => _staking;

    internal L2Staker(L2Staking staking, L2StakerEntry entry, ulong addedAt)
    {
        _staking = staking;
        Address = entry.Address; RegistrationNonce = entry.RegistrationNonce; TmKey = entry.TmKey; BlsKey = entry.BlsKey;
        AddedAt = addedAt;
        Commission = new CommissionAccount(this);
    }

    public Address Address { get; }
    public ulong RegistrationNonce { get; }
    public Bytes32 TmKey { get; }
    public ByteString BlsKey { get; }
    public L2StakerKey Key => new(Address, RegistrationNonce);
    /// <summary>The L2 block whose transaction applied its add-staker message (0: genesis).</summary>
    public ulong AddedAt { get; }
    /// <summary>The L2 block whose transaction applied its remove-staker message: its total reads 0 from here.</summary>
    public ulong? RemovedAt { get; private set; }

    /// <summary>The sum of its delegations now (section 3: what ranks it).</summary>
    public UInt256 TotalDelegation { get; private set; }
    /// <summary>(block, total) after every transaction of the block (section 6).</summary>
    public Checkpoints TotalHistory { get; } = new();

    /// <summary>Debt from penalties not yet netted against commission (section 7); saturates at 2^256 − 1.</summary>
    public UInt256 Debt { get; internal set; }
    /// <summary>Scheduled turns proposed by another member since it last proposed or was unjailed (section 7).</summary>
    public ulong Missed { get; internal set; }
    /// <summary>Its commission account (lifecycle Commission): credited at each close, netted against debt.</summary>
    public CommissionAccount Commission { get; private set; } = null!;
    /// <summary>I_s(e), the reward index per unit of delegation (section 7), scaled by 10^27.</summary>
    public RewardIndex Index { get; } = new();

    private readonly List<(ulong From, ulong? To)> _jailings = [];

    /// <summary>Jailed at any block of epoch e (a jailing carried over, or the epoch of its unjailing, included).</summary>
    public bool JailedIn(ulong epoch)
    {
        for (int i = _jailings.Count - 1; i >= 0; i--)
        {
            var (from, to) = _jailings[i];
            if (to is { } t && t < epoch) return false;   // intervals are in time order: older ones end earlier still
            if (from <= epoch) return true;
        }
        return false;
    }

    internal void Jailed(ulong epoch) => _jailings.Add((epoch, null));
    internal void Unjailed(ulong epoch) { _jailings[^1] = (_jailings[^1].From, epoch); Missed = 0; }

    public bool IsPresent => State != L2StakerState.Removed;
    public bool IsEligible => State == L2StakerState.Eligible;
    public bool IsJailed => State == L2StakerState.Jailed;
    /// <summary>The epoch of its latest jailing (the wait 'jailEpochs' counts from it).</summary>
    public ulong? JailEpoch => JailEpochsStart;

    /// <summary>Its total at height h (section 6): 0 before it was added and from the block of its removal.</summary>
    public UInt256 TotalAt(ulong height) => RemovedAt is { } r && height >= r ? UInt256.Zero : TotalHistory.At(height);

    /// <summary>rate(e) in basis points: a change made in epoch e applies from e+1.</summary>
    public ushort CommissionRate(ulong epoch)
    {
        for (int i = _commission.Count - 1; i >= 0; i--)
            if (_commission[i].FromEpoch <= epoch) return _commission[i].Rate;
        return 0;
    }

    /// <summary>Every rate with the epoch it applies from (a dashboard's commission history).</summary>
    public IReadOnlyList<(ulong FromEpoch, ushort Rate)> CommissionHistory => _commission;

    internal void SetPendingCommission(ulong epoch, ushort rate)
    {
        // A later call in e replaces the pending rate for e+1.
        if (_commission[^1].FromEpoch == epoch + 1) _commission[^1] = (epoch + 1, rate);
        else _commission.Add((epoch + 1, rate));
    }

    internal void SetTotal(UInt256 total, ulong block)
    {
        TotalDelegation = total;
        TotalHistory.Record(block, total);
    }

    internal void MarkRemoved(ulong block)
    {
        if (!CanFireRemove(out var failed)) throw L2Staking.Unvalidated("L2Staker.Remove", failed);
        RemovedAt = block;
        // Removed is not Jailed: a jailing still open ends with the removal's epoch, so an epoch after it pays the
        // commission of a block the staker still proposes (section 3, Removal), as for any removed staker.
        if (_jailings.Count > 0 && _jailings[^1].To is null) _jailings[^1] = (_jailings[^1].From, _staking.Chain.EpochOf(block));
        FireRemove();
    }

    private partial ulong ClockNow(LifecycleClock clock) => clock == LifecycleClock.Epochs ? _staking.Chain.CurrentEpoch : _staking.Chain.Height;
    private partial ProtocolParameters LockParameters() => _staking.Parameters;
    private partial bool OthersEligible() => _staking.EligibleCount > 1;
    private partial bool DebtWithinLimit() => Debt <= _staking.Parameters.MaxDebt;

    internal void WriteState(StateWriter w)
    {
        w.Write(Address); w.Write(RegistrationNonce); w.Write((ulong)State); w.Write(TotalDelegation); w.Write(Debt);
        w.Write(AddedAt); w.Write(RemovedAt ?? ulong.MaxValue); w.Write(JailEpoch ?? ulong.MaxValue);
        w.Write(Missed); w.Write(Commission.Unclaimed); w.Write(Commission.Claimed);
        w.Write((ulong)_jailings.Count);
        foreach (var (f, t) in _jailings) { w.Write(f); w.Write(t ?? ulong.MaxValue); }
        Index.WriteState(w);
        w.Write((ulong)_commission.Count);
        foreach (var (e, r) in _commission) { w.Write(e); w.Write(r); }
        TotalHistory.WriteState(w);
    }
}
