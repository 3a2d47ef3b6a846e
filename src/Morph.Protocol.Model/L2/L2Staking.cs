using System.Collections.Immutable;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L2;

/// <summary>L2 staking (PROTOCOL.md section 3): staker incarnations, delegations with their locks, and the ranking
/// that makes the contract sequencer set. Every operation validates in full (section 9's order), then applies; a
/// refused one changes nothing. No operation scans the stakers or a staker's delegators: a ranking change is
/// O(log n), a removal is O(log n), a completion touches only the delegator's own entries.</summary>
public sealed class L2Staking
{
    private readonly Dictionary<ulong, L2Staker> _byNonce = new();              // every incarnation ever added
    private readonly Dictionary<Address, L2Staker> _present = new();            // the present incarnation of an address
    private readonly Dictionary<(Address Delegator, ulong Nonce), Delegation> _delegations = new();
    private readonly Dictionary<Address, List<Delegation>> _delegationsOf = new();
    private readonly Dictionary<ulong, DelegationEntry> _entries = new();
    private readonly Dictionary<Address, List<DelegationEntry>> _entriesOf = new();   // per delegator, entry order
    private readonly Dictionary<Address, List<Redelegation>> _lockedRedelegations = new();   // per delegator, entry order
    private readonly SortedSet<ulong> _jailed = new();
    private readonly Dictionary<Address, List<L2Staker>> _incarnationsOf = new();   // every incarnation of an address, in order

    internal L2Staking(L2Network chain, ProtocolParameters parameters, MorphToken token, Address stakingAccount)
    {
        Chain = chain; Parameters = parameters; Token = token; Account = stakingAccount;
    }

    internal L2Network Chain { get; }
    public ProtocolParameters Parameters { get; }
    public MorphToken Token { get; }
    /// <summary>The staking contract's account: it holds every delegated, pending and released MORPH.</summary>
    public Address Account { get; }
    public SequencerRanking Ranking { get; } = new();
    public PendingEntriesBound PendingEntries { get; } = new();
    public ulong LastEntryId { get; private set; }

    /// <summary>Σ totals of present incarnations (active delegations).</summary>
    public UInt256 ActiveDelegations { get; private set; }
    /// <summary>Σ amounts of Locked or Claimable entries.</summary>
    public UInt256 PendingEntryAmounts { get; private set; }
    /// <summary>Σ delegations of removed incarnations not yet claimed back.</summary>
    public UInt256 ReleasedUnclaimed { get; private set; }

    public int EligibleCount => Ranking.Count;
    public IEnumerable<L2Staker> Incarnations => _byNonce.Values.OrderBy(s => s.RegistrationNonce);
    public IEnumerable<L2Staker> PresentStakers => _present.Values.OrderBy(s => s.RegistrationNonce);
    public IEnumerable<Delegation> Delegations => _delegations.Values;
    public IEnumerable<DelegationEntry> Entries => _entries.Values.OrderBy(e => e.Id);

    public L2Staker? Present(Address a) => _present.GetValueOrDefault(a);
    public L2Staker? Incarnation(ulong registrationNonce) => _byNonce.GetValueOrDefault(registrationNonce);
    public L2Staker? Incarnation(Address a, ulong registrationNonce) =>
        _byNonce.TryGetValue(registrationNonce, out var s) && s.Address == a ? s : null;
    public Delegation? DelegationOf(Address delegator, L2Staker staker) => _delegations.GetValueOrDefault((delegator, staker.RegistrationNonce));
    public UInt256 DelegatedAmount(Address delegator, L2Staker staker) => DelegationOf(delegator, staker)?.Amount ?? UInt256.Zero;
    public IReadOnlyList<Delegation> DelegationsOf(Address delegator) => _delegationsOf.TryGetValue(delegator, out var l) ? l : [];
    public DelegationEntry? Entry(ulong id) => _entries.GetValueOrDefault(id);

    /// <summary>A delegator's unlock queue: its pending entries (Locked or Claimable) in entry order, each with its
    /// unlock epoch and whether it can be claimed now. O(its own entries).</summary>
    public IEnumerable<DelegationEntry> UnlockQueue(Address delegator) =>
        _entriesOf.TryGetValue(delegator, out var mine) ? mine.Where(e => e.IsPending) : [];

    /// <summary>The incarnation of <paramref name="a"/> that held block h: the latest added at or before h (a removed one
    /// may still propose the block after its removal). O(incarnations of that address).</summary>
    public L2Staker? IncarnationAt(Address a, ulong h)
    {
        if (!_incarnationsOf.TryGetValue(a, out var all)) return null;
        for (int i = all.Count - 1; i >= 0; i--) if (all[i].AddedAt <= h) return all[i];
        return null;
    }

    /// <summary>The incarnation of <paramref name="a"/> present at the end of block h, or null.</summary>
    public L2Staker? PresentAt(Address a, ulong h) =>
        IncarnationAt(a, h) is { } s && (s.RemovedAt is not { } r || r > h) ? s : null;

    /// <summary>The contract set now: the top min(X, eligible) by (total desc, registration asc), in canonical order
    /// (ascending registration nonce). O(X log X).</summary>
    public ImmutableArray<Address> ContractSet()
    {
        var nonces = Ranking.Top(Parameters.SequencerSetMaxSize).ToArray();
        Array.Sort(nonces);
        var set = ImmutableArray.CreateBuilder<Address>(nonces.Length);
        foreach (var n in nonces) set.Add(_byNonce[n].Address);
        return set.MoveToImmutable();
    }

    // ---- the staking messages (applied in the block that relays them; never refused) ----

    internal IContractEvent AddStaker(L2StakerEntry entry, ulong block)
    {
        var s = new L2Staker(this, entry, block);
        _byNonce.Add(s.RegistrationNonce, s);
        _present.Add(s.Address, s);
        (_incarnationsOf.TryGetValue(s.Address, out var all) ? all : _incarnationsOf[s.Address] = []).Add(s);
        s.SetTotal(UInt256.Zero, block);
        Ranking.Add(UInt256.Zero, s.RegistrationNonce);
        return new L2StakingContract.StakerAddedEvent(s.Address, s.TmKey, s.BlsKey);
    }

    /// <summary>A remove-staker message: O(log n), no delegator touched. Its delegations read 0 from this block and
    /// become claimable by <c>claimReleased</c>; its pending undelegations are claimable at once (lazily).</summary>
    internal IContractEvent RemoveStaker(L2Staker s, ulong block)
    {
        if (s.IsEligible) Ranking.Remove(s.TotalDelegation, s.RegistrationNonce);
        if (s.IsJailed) _jailed.Remove(s.RegistrationNonce);
        _present.Remove(s.Address);
        ActiveDelegations -= s.TotalDelegation;
        ReleasedUnclaimed += s.TotalDelegation;
        s.MarkRemoved(block);
        return new L2StakingContract.StakerRemovedEvent(new ValueArray<Address>([s.Address]));
    }

    // ---- jail hooks (the rewards issue drives them from records and closes) ----

    /// <summary>Jails a present, eligible staker unless that would leave no eligible staker (then nothing changes and
    /// false is returned: section 3, a jailing that would empty the set is not applied).</summary>
    internal bool Jail(L2Staker s)
    {
        if (!s.CanFireJail(out _)) return false;
        s.FireJail();   // before leaving the ranking: its guard counts the eligible, this one included
        s.Jailed(Chain.CurrentEpoch);
        Ranking.Remove(s.TotalDelegation, s.RegistrationNonce);
        _jailed.Add(s.RegistrationNonce);
        return true;
    }

    private void ReturnToRanking(L2Staker s)
    {
        s.Unjailed(Chain.CurrentEpoch);
        _jailed.Remove(s.RegistrationNonce);
        Ranking.Add(s.TotalDelegation, s.RegistrationNonce);
    }

    /// <summary>restartL2: every jailed staker back, without penalty (its debt stays).</summary>
    internal List<IContractEvent> UnjailAllAtRestart()
    {
        var events = new List<IContractEvent>();
        foreach (var nonce in _jailed.ToArray())
        {
            var s = _byNonce[nonce];
            if (!s.CanFireUnjailAtRestart(out var failed)) throw Unvalidated("L2Staker.UnjailAtRestart", failed);
            s.FireUnjailAtRestart();
            ReturnToRanking(s);
            events.Add(new L2StakingContract.StakerUnjailedEvent(s.Address, s.RegistrationNonce));
        }
        return events;
    }

    // ---- transactions (section 9's order; L2Network has refused Halted and out-of-range values) ----

    public TxResult Delegate(Address sender, Address stakerAddress, UInt256 amount)
    {
        if (amount == UInt256.Zero) return ZeroAmount("delegate");
        if (Present(stakerAddress) is not { } s) return NotPresent(stakerAddress);
        var completions = Completable(sender, s, null);
        if (Token.CheckPull(Account, sender, amount) is { } refused) return refused;
        if (!UInt256.TryAdd(s.TotalDelegation + Joining(completions, s), amount, out _)) return Overflow($"{s.Address}'s total");

        var events = Complete(completions);
        events.Add(Token.Pull(Account, sender, Account, amount));
        var d = AddToDelegation(sender, s, amount);
        events.Add(new L2StakingContract.DelegatedEvent(s.Address, sender, amount, d.Amount, Chain.CurrentEpoch + 1));
        return TxResult.Ok(events);
    }

    public TxResult UndelegateAll(Address sender, Address stakerAddress)
    {
        var held = Present(stakerAddress) is { } s ? DelegatedAmount(sender, s) + Joining(Completable(sender, s, null), s) : UInt256.Zero;
        return Undelegate(sender, stakerAddress, held);
    }

    public TxResult Undelegate(Address sender, Address stakerAddress, UInt256 amount)
    {
        if (amount == UInt256.Zero) return ZeroAmount("undelegate");
        if (Present(stakerAddress) is not { } s) return NotPresent(stakerAddress);
        var completions = Completable(sender, s, null);
        var held = DelegatedAmount(sender, s) + Joining(completions, s);
        if (held < amount) return InsufficientDelegation(sender, s, held, amount);
        if (!HasRoom(sender, s, completions)) return TooManyEntries(sender, s);

        var events = Complete(completions);
        TakeFromDelegation(sender, s, amount);
        var entry = new Undelegation(this, ++LastEntryId, sender, s, amount, Chain.CurrentEpoch);
        AddEntry(entry);
        var unlock = entry.UnlockEpoch.ToUInt256();
        events.Add(new L2StakingContract.UndelegatedEvent(s.Address, sender, amount, Chain.CurrentEpoch + 1, unlock));
        events.Add(new L2StakingContract.UndelegationCreatedEvent(entry.Id, sender, s.Address, s.RegistrationNonce, amount, unlock));
        return TxResult.Ok(events);
    }

    public TxResult Redelegate(Address sender, Address fromAddress, Address toAddress, UInt256 amount)
    {
        if (amount == UInt256.Zero) return ZeroAmount("redelegate");
        if (fromAddress == toAddress) return TxResult.Fail(ProtocolRule.SameStaker, $"redelegate from {fromAddress} to itself");
        if (Present(fromAddress) is not { } from) return NotPresent(fromAddress);
        if (Present(toAddress) is not { } to) return NotPresent(toAddress);
        var completions = Completable(sender, from, to);
        var held = DelegatedAmount(sender, from) + Joining(completions, from);
        if (held < amount) return InsufficientDelegation(sender, from, held, amount);
        if (!HasRoom(sender, from, completions)) return TooManyEntries(sender, from);

        var events = Complete(completions);
        TakeFromDelegation(sender, from, amount);
        var entry = new Redelegation(this, ++LastEntryId, sender, from, to, amount, Chain.CurrentEpoch);
        AddEntry(entry);
        (_lockedRedelegations.TryGetValue(sender, out var list) ? list : _lockedRedelegations[sender] = []).Add(entry);
        events.Add(new L2StakingContract.RedelegationCreatedEvent(entry.Id, sender, from.Address, to.Address, amount, entry.UnlockEpoch.ToUInt256()));
        return TxResult.Ok(events);
    }

    public TxResult CompleteRedelegation(Address sender, ulong entryId)
    {
        if (Entry(entryId) is not { } e) return UnknownEntry(entryId);
        if (e is not Redelegation r) return TxResult.Fail(ProtocolRule.NotRedelegation, $"entry {entryId} is an undelegation");
        if (r.State != RedelegationState.Locked || !r.To.IsPresent)
            return TxResult.Fail(ProtocolRule.EntryNotPending, r.State != RedelegationState.Locked
                ? $"entry {entryId} is {r.State}"
                : $"entry {entryId}'s 'to' ({r.To.Address}, incarnation {r.To.RegistrationNonce}) is gone: the entry is claimable from its unlock, not completed");
        if (!r.IsMatured) return LockNotExpired(r);
        return TxResult.Ok(Complete([r]));
    }

    public TxResult ClaimEntry(Address sender, ulong entryId)
    {
        if (Entry(entryId) is not { } e) return UnknownEntry(entryId);
        if (e.Delegator != sender) return TxResult.Fail(ProtocolRule.NotEntryOwner, $"entry {entryId} belongs to {e.Delegator}, not {sender}");
        if (!e.IsPending) return TxResult.Fail(ProtocolRule.AlreadyClaimed, $"entry {entryId} is {(e is Undelegation u ? u.State.ToString() : ((Redelegation)e).State.ToString())}");
        if (e is Redelegation { IsMatured: true, To.IsPresent: true } rd)
            return TxResult.Fail(ProtocolRule.EntryNotClaimable, $"entry {entryId} is a matured redelegation into a present staker ({rd.To.Address}): it is completed, never paid");
        if (!e.IsClaimableNow) return LockNotExpired(e);

        switch (e)
        {
            case Undelegation u: u.Settle(); u.MarkClaimed(); break;
            case Redelegation r: r.MarkClaimed(); _lockedRedelegations[r.Delegator].Remove(r); break;
        }
        LeaveEntry(e);
        var events = new List<IContractEvent> { Token.Move(Account, sender, e.Amount) };
        if (e is Undelegation) events.Add(new L2StakingContract.UndelegationClaimedEvent(e.From.Address, sender, e.UnlockEpoch.ToUInt256(), e.Amount));
        events.Add(new L2StakingContract.EntryClaimedEvent(e.Id, sender, e.Amount));
        return TxResult.Ok(events);
    }

    public TxResult ClaimReleased(Address sender, Address stakerAddress, ulong registrationNonce)
    {
        if (Incarnation(stakerAddress, registrationNonce) is not { } s) return UnknownStaker(stakerAddress, registrationNonce);
        if (s.IsPresent) return TxResult.Fail(ProtocolRule.NotRemoved, $"{stakerAddress} (incarnation {registrationNonce}) is present: undelegate instead");
        if (DelegationOf(sender, s) is not { } d || d.State == DelegationState.Withdrawn || d.Amount == UInt256.Zero)
            return TxResult.Fail(ProtocolRule.NothingToClaim, $"{sender} has no released delegation with {stakerAddress} (incarnation {registrationNonce})");

        var paid = d.Withdraw(Chain.Height);
        ReleasedUnclaimed -= paid;
        return TxResult.Ok(Token.Move(Account, sender, paid), new L2StakingContract.ReleasedClaimedEvent(sender, stakerAddress, registrationNonce, paid));
    }

    public TxResult SetCommissionRate(Address sender, UInt256 rate)
    {
        if (Present(sender) is not { } s) return NotStaker(sender);
        var epoch = Chain.CurrentEpoch;
        if (rate > (UInt256)Parameters.MaxCommissionRate)
            return TxResult.Fail(ProtocolRule.CommissionRateTooHigh, $"{rate} basis points > maxCommissionRate {Parameters.MaxCommissionRate}");
        var current = s.CommissionRate(epoch);
        if (rate > (UInt256)((uint)current + Parameters.MaxCommissionStep))
            return TxResult.Fail(ProtocolRule.CommissionStepTooLarge, $"{rate} basis points > rate({epoch}) {current} + maxCommissionStep {Parameters.MaxCommissionStep}");

        s.SetPendingCommission(epoch, (ushort)(ulong)rate);
        return TxResult.Ok(new L2StakingContract.CommissionUpdatedEvent(sender, rate, epoch + 1));
    }

    public TxResult Unjail(Address sender)
    {
        if (Present(sender) is not { } s) return NotStaker(sender);
        if (!s.IsJailed) return TxResult.Fail(ProtocolRule.NotJailed, $"{sender} is not jailed");
        if (!s.CanFireUnjail(out var failed))
            return TxResult.Fail(L2StakerLifecycle.RuleOf(failed!.Value), failed == L2StakerGuard.DebtWithinLimit
                ? $"{sender}'s debt {s.Debt} exceeds maxDebt {Parameters.MaxDebt}"
                : $"{sender} was jailed in epoch {s.JailEpoch}; it may unjail from epoch {s.JailEpochsEnds} (now {Chain.CurrentEpoch})");
        s.FireUnjail();
        ReturnToRanking(s);
        return TxResult.Ok(new L2StakingContract.StakerUnjailedEvent(sender, s.RegistrationNonce));
    }

    // ---- completion of matured redelegations (section 3: [completion] in section 9) ----

    /// <summary>The delegator's matured redelegations into present stakers that touch <paramref name="a"/> or
    /// <paramref name="b"/> (as 'from' or 'to'), in entry order: what the operation completes before its checks.</summary>
    private List<Redelegation> Completable(Address delegator, L2Staker a, L2Staker? b)
    {
        var due = new List<Redelegation>();
        if (!_lockedRedelegations.TryGetValue(delegator, out var locked)) return due;
        foreach (var r in locked)
            if ((r.From == a || r.To == a || (b is not null && (r.From == b || r.To == b))) && r.IsCompletable) due.Add(r);
        return due;
    }

    /// <summary>The completions a claimReward on <paramref name="s"/> makes first (section 9: [completion]).</summary>
    internal List<Redelegation> CompletableFor(Address delegator, L2Staker s) => Completable(delegator, s, null);
    internal List<IContractEvent> CompleteFor(List<Redelegation> completions) => Complete(completions);

    private static UInt256 Joining(List<Redelegation> completions, L2Staker s)
    {
        var sum = UInt256.Zero;
        foreach (var r in completions) if (r.To == s) sum += r.Amount;
        return sum;
    }

    private bool HasRoom(Address delegator, L2Staker from, List<Redelegation> completions)
    {
        var key = new PendingEntriesKey(delegator, from.Address, from.RegistrationNonce);
        ulong leaving = 0;
        foreach (var r in completions) if (r.From == from) leaving++;
        return PendingEntries.Count(key) - leaving < Parameters.MaxPendingEntries;
    }

    private List<IContractEvent> Complete(List<Redelegation> completions)
    {
        var events = new List<IContractEvent>();
        foreach (var r in completions)
        {
            r.MarkCompleted();
            _lockedRedelegations[r.Delegator].Remove(r);
            LeaveEntry(r);
            AddToDelegation(r.Delegator, r.To, r.Amount);
            events.Add(new L2StakingContract.RedelegationCompletedEvent(r.Id, r.Delegator, r.To.Address, r.Amount));
        }
        return events;
    }

    // ---- bookkeeping: one place each for the amounts, the checkpoints and the ranking ----

    private Delegation AddToDelegation(Address delegator, L2Staker s, UInt256 amount)
    {
        if (!_delegations.TryGetValue((delegator, s.RegistrationNonce), out var d))
        {
            d = new Delegation(this, delegator, s);
            _delegations.Add((delegator, s.RegistrationNonce), d);
            (_delegationsOf.TryGetValue(delegator, out var list) ? list : _delegationsOf[delegator] = []).Add(d);
        }
        d.SetAmount(d.Amount + amount, Chain.Height);
        SetTotal(s, s.TotalDelegation + amount);
        ActiveDelegations += amount;
        return d;
    }

    private void TakeFromDelegation(Address delegator, L2Staker s, UInt256 amount)
    {
        var d = _delegations[(delegator, s.RegistrationNonce)];
        d.SetAmount(d.Amount - amount, Chain.Height);
        SetTotal(s, s.TotalDelegation - amount);
        ActiveDelegations -= amount;
    }

    private void SetTotal(L2Staker s, UInt256 total)
    {
        if (s.IsEligible) Ranking.Move(s.RegistrationNonce, s.TotalDelegation, total);
        s.SetTotal(total, Chain.Height);
    }

    private void AddEntry(DelegationEntry e)
    {
        _entries.Add(e.Id, e);
        (_entriesOf.TryGetValue(e.Delegator, out var mine) ? mine : _entriesOf[e.Delegator] = []).Add(e);
        PendingEntries.Enter(e.BoundKey);
        PendingEntryAmounts += e.Amount;
    }

    private void LeaveEntry(DelegationEntry e)
    {
        PendingEntries.Leave(e.BoundKey);
        PendingEntryAmounts -= e.Amount;
    }

    /// <summary>A transition the caller should have validated was refused by its lifecycle: a bug, never a user error.</summary>
    internal static InvalidOperationException Unvalidated<TGuard>(string transition, TGuard? failed) where TGuard : struct, Enum =>
        new($"{transition} was fired without being validated" + (failed is { } g ? $" (guard {g} fails)" : " (not permitted in its state)"));

    // ---- refusals ----

    private static TxResult ZeroAmount(string op) => TxResult.Fail(ProtocolRule.ZeroAmount, $"{op} of 0 MORPH");
    private static TxResult NotPresent(Address a) => TxResult.Fail(ProtocolRule.NotPresent, $"{a} is not a staker present on L2");
    private static TxResult NotStaker(Address a) => TxResult.Fail(ProtocolRule.NotStaker, $"{a} is not a present staker");
    private static TxResult UnknownEntry(ulong id) => TxResult.Fail(ProtocolRule.UnknownEntry, $"no entry {id}");
    private static TxResult UnknownStaker(Address a, ulong nonce) => TxResult.Fail(ProtocolRule.UnknownStaker, $"no incarnation ({a}, registration nonce {nonce})");
    private static TxResult Overflow(string what) => TxResult.Fail(ProtocolRule.ArithmeticOverflow, $"{what} would exceed 2^256 - 1");
    private static TxResult InsufficientDelegation(Address d, L2Staker s, UInt256 held, UInt256 amount) =>
        TxResult.Fail(ProtocolRule.InsufficientDelegation, $"{d} has {held} delegated to {s.Address}, asks {amount}");
    private TxResult TooManyEntries(Address d, L2Staker s) =>
        TxResult.Fail(ProtocolRule.TooManyPendingEntries, $"{d} has {PendingEntries.Count(new(d, s.Address, s.RegistrationNonce))} pending entries out of {s.Address} (maxPendingEntries {Parameters.MaxPendingEntries})");
    private TxResult LockNotExpired(DelegationEntry e) =>
        TxResult.Fail(ProtocolRule.LockNotExpired, $"entry {e.Id} unlocks at epoch {e.UnlockEpoch} (now {Chain.CurrentEpoch})");

    internal void WriteState(StateWriter w)
    {
        w.Write(LastEntryId); w.Write(ActiveDelegations); w.Write(PendingEntryAmounts); w.Write(ReleasedUnclaimed);
        w.Write((ulong)_byNonce.Count);
        foreach (var s in Incarnations) s.WriteState(w);
        w.Write((ulong)_delegations.Count);
        foreach (var d in _delegations.Values.OrderBy(d => d.Delegator).ThenBy(d => d.Staker.RegistrationNonce)) d.WriteState(w);
        w.Write((ulong)_entries.Count);
        foreach (var e in Entries) e.WriteState(w);
    }
}
