using System.Collections.Immutable;
using Morph.Protocol.Contracts;
using Morph.Protocol.L1.Messaging;
using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L2;

/// <summary>The L2 chain in one deterministic object (next to <see cref="L1.L1Network"/>, same style): blocks, the
/// MORPH token, L2 staking, the staking messages from L1, the sequencer set's history with its consensus delay, and
/// the chain's liveness (lifecycle L2Chain: NotStarted → Running ↔ Halted). Transactions land in the open block
/// <see cref="Height"/>; <see cref="CloseBlock"/> fixes the contract set at its end. Every operation validates in
/// full, then applies; a refused one changes nothing.</summary>
[Lifecycle("L2Chain")]
public sealed partial class L2Network : IStakingMessageSink
{
    private readonly List<(ulong Block, ImmutableArray<Address> Set)> _contractSets = [];   // the set at the end of a block, at each change
    private readonly List<(ulong From, ImmutableArray<Address> Set)> _consensusSets = [];   // who may propose, from a height on
    private ulong? _emptyAtEndOf;

    public L2Network(L2Genesis genesis, ProtocolParameters? parameters = null)
    {
        Parameters = parameters ?? ProtocolParameters.Devnet;
        if (Parameters.Validate() is { Count: > 0 } violations) throw new InvalidParametersException(violations);
        if (genesis.Stakers.Count < Parameters.SequencerSetMaxSize)
            throw new ArgumentException($"L2 genesis holds every staker Active at G, at least sequencerSetMaxSize ({Parameters.SequencerSetMaxSize}): got {genesis.Stakers.Count}", nameof(genesis));
        Genesis = genesis;
        Token = new MorphToken(genesis.TokenAddress, genesis.StakingAddress, genesis.DistributionAddress);
        Staking = new L2Staking(this, Parameters, Token, genesis.StakingAddress);
        Inbox = new L2StakingInbox(this);
        Distribution = new Distribution(this, Parameters, Token, Staking, genesis);

        // Block 0: the holders, every staker Active at G (zero delegations, commission 0, none jailed); the first X
        // by registration are the set, which is the consensus set of blocks 1 and 2.
        foreach (var (holder, amount) in genesis.Holders ?? [(genesis.Treasury, Parameters.GenesisSupply)])
        {
            if (Token.IsContractAccount(holder)) throw new ArgumentException($"genesis holder {holder} is a staking contract account", nameof(genesis));
            Token.Mint(holder, amount);
        }
        foreach (var s in genesis.Stakers) Staking.AddStaker(s, 0);
        Inbox.StartAt(genesis.Stakers, genesis.GenesisNonce);
        var set = Staking.ContractSet();
        _contractSets.Add((0, set));
        _consensusSets.Add((1, set));
        if (!CanFire(L2ChainTrigger.Genesis)) throw new InvalidOperationException("L2Chain.Genesis: the chain has started already");
        Fire(L2ChainTrigger.Genesis);
        Height = 1;
    }

    public ProtocolParameters Parameters { get; }
    public L2Genesis Genesis { get; }
    public MorphToken Token { get; }
    public L2Staking Staking { get; }
    public L2StakingInbox Inbox { get; }
    public Distribution Distribution { get; }
    /// <summary>Facts of L1 a record is checked against where the model holds both chains (the network simulation);
    /// null: taken on the oracle's word (section 6).</summary>
    public IL1Facts? L1Facts { get; set; }

    /// <summary>The block transactions land in now; while halted, the last produced block.</summary>
    public ulong Height { get; private set; }
    public bool IsHalted => State == L2ChainState.Halted;
    /// <summary>The last produced (closed) block.</summary>
    public ulong LastProduced => IsHalted ? Height : Height - 1;
    /// <summary>The epoch of the block that holds the transaction (1b: epoch e = blocks [e·L+1, (e+1)·L]).</summary>
    public ulong CurrentEpoch => EpochOf(Height);
    public ulong EpochOf(ulong block) => block == 0 ? 0 : (block - 1) / Parameters.EpochLength;
    /// <summary>The last closed reward epoch; null while none is.</summary>
    public ulong? LastClosedEpoch => Distribution.LastClosedEpoch;

    /// <summary>Events of block closes and message applications (set updates, halts, stakers added and removed).</summary>
    public List<IContractEvent> ChainEvents { get; } = [];

    // ---- the sequencer set and its history ----

    /// <summary>The contract set now (real time).</summary>
    public ImmutableArray<Address> ContractSet => Staking.ContractSet();

    /// <summary>The contract set at the end of block h (h ≤ the last produced block): O(log n).</summary>
    public ImmutableArray<Address> ContractSetAtEndOf(ulong h) => Find(_contractSets, h);

    /// <summary>Who may propose block h (section 3, Consensus delay): the set at the end of h−2, the genesis set for
    /// blocks 1 and 2, the restart set for the two blocks after a restart. O(log n) for any past h.</summary>
    public ImmutableArray<Address> ConsensusSet(ulong h) => h == 0 ? [] : Find(_consensusSets, h);

    /// <summary>Every change of the contract set, with the block at whose end it held.</summary>
    public IReadOnlyList<(ulong Block, ImmutableArray<Address> Set)> ContractSetHistory => _contractSets;
    /// <summary>Every consensus set with the first height it governs.</summary>
    public IReadOnlyList<(ulong From, ImmutableArray<Address> Set)> ConsensusSetHistory => _consensusSets;

    private static ImmutableArray<Address> Find(List<(ulong, ImmutableArray<Address>)> history, ulong h)
    {
        int lo = 0, hi = history.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (history[mid].Item1 <= h) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found < 0 ? [] : history[found].Item2;
    }

    // ---- blocks ----

    /// <summary>Closes the open block h: its contract set is fixed (the consensus set from h+2). After a block whose
    /// set ended empty, one more block is produced and then none: closing it halts L2 (section 3).</summary>
    public void CloseBlock()
    {
        if (IsHalted) throw new InvalidOperationException($"L2 is halted after block {Height}: no block is produced until restartL2");
        var h = Height;
        var set = Staking.ContractSet();
        if (!set.SequenceEqual(_contractSets[^1].Set))
        {
            _contractSets.Add((h, set));
            _consensusSets.Add((h + 2, set));
            ChainEvents.Add(new SequencerContract.SequencerSetUpdatedEvent(new ValueArray<Address>(set), h + 2));
        }
        if (CanFire(L2ChainTrigger.Halt))
        {
            Fire(L2ChainTrigger.Halt);
            Inbox.Hold = true;
            ChainEvents.Add(new L2StakingContract.L2HaltedEvent(h));
            return;
        }
        if (set.IsEmpty) _emptyAtEndOf = h;
        Height = h + 1;
    }

    /// <summary>Closes blocks until <paramref name="height"/> is the open block (or L2 halts on the way).</summary>
    public void AdvanceTo(ulong height)
    {
        while (Height < height && !IsHalted) CloseBlock();
    }

    // The set at the end of the block before the one closing was empty: this is block h+1, the last one produced.
    private partial bool SetEmpty() => _emptyAtEndOf is { } h && h + 1 == Height;
    private partial bool EligibleStakerExists() => Inbox.PresentCountAfterQueue() > 0;

    // ---- the staking messages (applied in the block that relays them; queued while halted) ----

    /// <summary>Delivers a relayed L1→L2 message: applied now if it is the next nonce and L2 is running.</summary>
    public MessageOutcome Deliver(L1ToL2Message m) => Inbox.Deliver(m);

    void IStakingMessageSink.AddStaker(L2StakerEntry staker) => ChainEvents.Add(Staking.AddStaker(staker, Height));

    void IStakingMessageSink.RemoveStaker(Address staker, RemovalReason reason)
    {
        if (Staking.Present(staker) is { } s) ChainEvents.Add(Staking.RemoveStaker(s, Height));
    }

    // ---- transactions: while halted, everything but restartL2 is refused first ----

    private TxResult Run(Func<TxResult> op) =>
        IsHalted ? TxResult.Fail(ProtocolRule.Halted, $"L2 is halted after block {Height}: only restartL2 runs") : op();

    public TxResult Transfer(Address sender, Address to, UInt256 amount) => Run(() => Token.Transfer(sender, to, amount));
    public TxResult TransferFrom(Address sender, Address from, Address to, UInt256 amount) => Run(() => Token.TransferFrom(sender, from, to, amount));
    public TxResult Approve(Address sender, Address spender, UInt256 amount) => Run(() => Token.Approve(sender, spender, amount));
    public TxResult Delegate(Address sender, Address staker, UInt256 amount) => Run(() => Staking.Delegate(sender, staker, amount));
    public TxResult Undelegate(Address sender, Address staker, UInt256 amount) => Run(() => Staking.Undelegate(sender, staker, amount));
    public TxResult UndelegateAll(Address sender, Address staker) => Run(() => Staking.UndelegateAll(sender, staker));
    public TxResult Redelegate(Address sender, Address from, Address to, UInt256 amount) => Run(() => Staking.Redelegate(sender, from, to, amount));
    public TxResult CompleteRedelegation(Address sender, ulong entryId) => Run(() => Staking.CompleteRedelegation(sender, entryId));
    public TxResult ClaimEntry(Address sender, ulong entryId) => Run(() => Staking.ClaimEntry(sender, entryId));
    public TxResult ClaimReleased(Address sender, Address staker, ulong registrationNonce) => Run(() => Staking.ClaimReleased(sender, staker, registrationNonce));
    public TxResult SetCommissionRate(Address sender, UInt256 rate) => Run(() => Staking.SetCommissionRate(sender, rate));
    public TxResult Unjail(Address sender) => Run(() => Staking.Unjail(sender));

    /// <summary>Jails a staker (inactivity or debt; the rewards issue drives it): not applied, and false, when it would
    /// leave no eligible staker.</summary>
    public bool Jail(Address staker) => !IsHalted && Staking.Present(staker) is { IsEligible: true } s && Staking.Jail(s);

    /// <summary><c>restartL2()</c> (section 3): by the L2 owner, only while halted; runs as the last transaction of
    /// the last produced block p: applies the queued messages, unjails everyone, and its set governs p+1 and p+2.</summary>
    public TxResult RestartL2(Address sender)
    {
        if (sender != Genesis.Owner) return TxResult.Fail(ProtocolRule.NotL2Owner, $"{sender} is not the L2 owner {Genesis.Owner}");
        if (!IsHalted) return TxResult.Fail(ProtocolRule.NotHalted, $"L2 is {State}: restartL2 runs only while halted");
        if (!CanFire(L2ChainTrigger.Restart, out var failed))
            return TxResult.Fail(L2ChainLifecycle.RuleOf(failed!.Value), "after the queued messages no staker would be present: the messages stay queued");

        var p = Height;
        var before = ChainEvents.Count;
        Inbox.Hold = false;
        Inbox.ApplyQueued();
        ChainEvents.AddRange(Staking.UnjailAllAtRestart());
        var set = Staking.ContractSet();
        if (_contractSets[^1].Block == p) _contractSets[^1] = (p, set); else _contractSets.Add((p, set));
        _consensusSets.RemoveAll(c => c.From > p);
        _consensusSets.Add((p + 1, set));
        _emptyAtEndOf = null;
        Fire(L2ChainTrigger.Restart);
        Height = p + 1;
        var events = ChainEvents.Skip(before).ToList();
        events.Add(new L2StakingContract.L2RestartedEvent(p, new ValueArray<Address>(set)));
        return TxResult.Ok(events);
    }

    /// <summary>The hash of the whole L2 state: same inputs, same state, same hash.</summary>
    public Bytes32 StateHash()
    {
        var w = new StateWriter();
        w.Write(Height); w.Write((ulong)State); w.Write(_emptyAtEndOf ?? ulong.MaxValue); w.Write(LastClosedEpoch ?? ulong.MaxValue);
        w.Write(Inbox.Hold);
        Inbox.WriteState(w);
        Token.WriteState(w);
        Staking.WriteState(w);
        Distribution.WriteState(w);
        w.Write((ulong)_consensusSets.Count);
        foreach (var (from, set) in _consensusSets) { w.Write(from); foreach (var a in set) w.Write(a); }
        w.Write((ulong)_contractSets.Count);
        foreach (var (block, set) in _contractSets) { w.Write(block); foreach (var a in set) w.Write(a); }
        return w.Hash();
    }
}
