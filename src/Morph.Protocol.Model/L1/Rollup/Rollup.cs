using System.Collections.Immutable;
using Morph.Protocol.Contracts;
using Morph.Protocol.Crypto.Bls;
using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L1.Rollup;

/// <summary>What a commit carries: the batch, an optional sequencer-set change, and in BLS mode the signers' bitmap
/// (bit i = member i of latestSequencerSet in canonical order) and their aggregate signature.</summary>
public sealed record BatchCommit(ulong BatchIndex, Bytes32 BatchHash, IReadOnlyList<Address>? NewSequencerSet = null,
    UInt256 SignersBitmap = default, ByteString? AggregateSignature = null);

/// <summary>The L1 rollup (PROTOCOL.md sections 1b, 4, 5) and host of lifecycle RollupMode: batches verified against
/// latestSequencerSet with real BLS aggregate signatures, challenges, slashing of every signer once, and a rollup
/// that stays live after a loss (or halts, until the owner's reset, when no member is left unslashed).</summary>
[Lifecycle("RollupMode")]
public sealed partial class Rollup : IStakerExposure
{
    private readonly L1Staking _staking;
    private readonly EthLedger _ledger;
    private readonly IBlsSignatureScheme _bls;
    private readonly IValidityProofSystem _proofs;
    private readonly Address _owner;
    private readonly List<Batch> _batches = [];                       // the live chain: index i at [i - 1]
    private readonly HashSet<(ulong, Bytes32)> _reverted = new();
    private readonly Dictionary<Address, int> _exposure = new();      // unfinalized batches each staker answers for
    private readonly Dictionary<Address, ulong> _removedAtBatch = new();
    private readonly List<(ulong Block, ImmutableArray<Address> Set)> _setHistory = [];
    private readonly HashSet<Address> _latestMembers = new();
    private readonly PriorityQueue<Challenge, (BlockBoundary At, ulong Id)> _maturing = new();
    private readonly Dictionary<Address, List<Challenge>> _maturedUnpaid = new();
    private readonly List<Challenge> _challenges = [];
    private readonly HashSet<ulong> _slotsServed = new();
    // The fold of section 4 needs only the last reset: a revert keeps it when it was made after the reverted batch.
    private (ulong AfterBatch, ImmutableArray<Address> Set)? _lastReset;
    private ulong _resetCount;

    internal Rollup(ProtocolParameters parameters, L1Clock clock, L1Staking staking, EthLedger ledger, IBlsSignatureScheme bls,
        IValidityProofSystem proofs, Address owner, Address rollupAddress)
    {
        Parameters = parameters; Clock = clock; _staking = staking; _ledger = ledger; _bls = bls; _proofs = proofs;
        _owner = owner; Address = rollupAddress;
        // Halted intervals, for the timeout rule: a submitter is not to blame for a window the rollup was halted in.
        Lifecycle.OnTransitioned(t =>
        {
            if (t.Destination == RollupModeState.BlsHalted) _halts.Add((Clock.Block, null));
            else if (t.Source == RollupModeState.BlsHalted) _halts[^1] = (_halts[^1].From, Clock.Block);
        });
    }

    private readonly List<(ulong From, ulong? Until)> _halts = [];

    public ProtocolParameters Parameters { get; }
    public L1Clock Clock { get; }
    public Address Address { get; }
    public bool GenesisMarked { get; private set; }
    public ulong GenesisNonce { get; private set; }
    public ulong? BlsEnabledAt { get; private set; }
    public ulong LastFinalized { get; private set; }
    public ulong LastCommitted => (ulong)_batches.Count;
    public ImmutableArray<Address> LatestSequencerSet { get; private set; } = [];
    public IReadOnlyList<Batch> Batches => _batches;
    public IReadOnlyList<Challenge> Challenges => _challenges;
    public bool IsReverted(ulong index, Bytes32 hash) => _reverted.Contains((index, hash));
    public Batch? BatchAt(ulong index) => index >= 1 && index <= (ulong)_batches.Count ? _batches[(int)index - 1] : null;

    /// <summary>Members of latestSequencerSet that count: not slashed (a slashed key never counts).</summary>
    public IEnumerable<Address> LiveMembers => LatestSequencerSet.Where(a => !_staking.Find(a)!.IsSlashed);

    // ---- guards of RollupMode ----
    private partial bool NoLiveMember() => !LiveMembers.Any();
    private partial bool LiveMemberExists() => LiveMembers.Any();
    private partial bool ValidResetSet(ValueArray<Address> newSet) => newSet.Count > 0 && ValidateSetChange(newSet) is null && newSet.Any(a => !_staking.Find(a)!.IsSlashed);

    private TxResult? RequireOwner(Address sender) => sender == _owner ? null : TxResult.Fail(ProtocolRule.NotOwner, $"{sender} is not the owner");

    // ---- exposure (answers L1 staking's claim rule) ----

    public ProtocolError? ExposureOf(Address staker)
    {
        if (_latestMembers.Contains(staker))
            return new ProtocolError(ProtocolRule.InLatestSequencerSet, $"{staker} is in latestSequencerSet: it waits for a finalized batch that drops it");
        if (_removedAtBatch.TryGetValue(staker, out var b) && b > LastFinalized)
            return new ProtocolError(ProtocolRule.RemovalNotFinalized, $"batch {b}, which removed {staker} from the set, is not finalized (last finalized {LastFinalized})");
        if (_exposure.TryGetValue(staker, out var n) && n > 0)
            return new ProtocolError(ProtocolRule.SignedUnfinalizedBatch, $"{staker} signed or submitted {n} unfinalized batch(es)");
        return null;
    }

    // ---- genesis and modes ----

    /// <summary><c>markL2Genesis()</c> (owner): needs X Active stakers; the first X by registration form latestSequencerSet.</summary>
    public TxResult MarkL2Genesis(Address sender)
    {
        if (RequireOwner(sender) is { } e) return e;
        if (GenesisMarked) return TxResult.Fail(ProtocolRule.GenesisAlreadyMarked, $"L2 genesis was marked (nonce {GenesisNonce})");
        int x = Parameters.SequencerSetMaxSize;
        if (_staking.ActiveCount < x) return TxResult.Fail(ProtocolRule.NotEnoughStakers, $"markL2Genesis needs {x} Active stakers, there are {_staking.ActiveCount}");
        GenesisMarked = true;
        GenesisNonce = _staking.Messenger.LastNonce;
        SetLatest([.. _staking.ActiveStakers.Take(x).Select(s => s.Address)]);
        return TxResult.Ok(new RollupContract.L2GenesisMarkedEvent(GenesisNonce, new ValueArray<Address>(LatestSequencerSet)));
    }

    /// <summary><c>enableBls()</c> (owner, one way): BLS mode with the current latestSequencerSet.</summary>
    public TxResult EnableBls(Address sender)
    {
        if (RequireOwner(sender) is { } e) return e;
        if (!GenesisMarked) return TxResult.Fail(ProtocolRule.GenesisNotMarked, "enableBls needs markL2Genesis first");
        if (State != RollupModeState.PreBls) return TxResult.Fail(ProtocolRule.BlsAlreadyEnabled, $"the rollup is already {State}");
#pragma warning disable MPA002 // the state test above is the whole condition: PreBls -> Bls has no guard (spec/rollup.morph)
        Fire(RollupModeTrigger.EnableBls);
#pragma warning restore MPA002
        BlsEnabledAt = Clock.Block;
        var events = new List<IContractEvent> { new RollupContract.BlsEnabledEvent(Clock.Block) };
        SyncMode(events);
        return TxResult.Ok(events);
    }

    /// <summary><c>resetSequencerSet(newSet)</c> (owner), only while BlsHalted: a valid change with an unslashed member.</summary>
    public TxResult ResetSequencerSet(Address sender, IReadOnlyList<Address> newSet)
    {
        if (RequireOwner(sender) is { } e) return e;
        if (State != RollupModeState.BlsHalted) return TxResult.Fail(ProtocolRule.NotHalted, $"resetSequencerSet is allowed only while BlsHalted (now {State})");
        if (ValidateSetChange(newSet) is { } bad) return bad;
        var set = new ValueArray<Address>(newSet);
        if (!CanFireResetSequencerSet(set, out var failed))
            return TxResult.Fail(RollupModeLifecycle.RuleOf(failed!.Value), "every member of the new set is slashed: the rollup would stay halted");
        FireResetSequencerSet(set);
        // A reset survives every revert, so every removal recorded before it is settled (section 2's claim rule).
        _lastReset = (LastCommitted, [.. newSet]);
        _resetCount++;
        _removedAtBatch.Clear();
        SetLatest([.. newSet]);
        return TxResult.Ok(new RollupContract.SequencerSetResetEvent(new ValueArray<Address>(newSet)));
    }

    // ---- set changes ----

    /// <summary>A non-empty change: 1..X members, no duplicates, canonical order, differs from the current set,
    /// only registered stakers (possibly slashed, not deleted).</summary>
    private TxResult? ValidateSetChange(IReadOnlyList<Address> set)
    {
        TxResult Bad(string why) => TxResult.Fail(ProtocolRule.BadSequencerSet, why);
        if (set.Count == 0 || set.Count > Parameters.SequencerSetMaxSize) return Bad($"a set change has 1..{Parameters.SequencerSetMaxSize} members, got {set.Count}");
        ulong previous = 0;
        var seen = new HashSet<Address>();
        for (int i = 0; i < set.Count; i++)
        {
            if (!seen.Add(set[i])) return Bad($"{set[i]} appears twice");
            var s = _staking.Find(set[i]);
            if (s is null || !s.IsRegistered) return Bad($"{set[i]} is not a registered staker");
            if (i > 0 && s.RegistrationNonce <= previous) return Bad($"the set is not in canonical order (registration nonce) at position {i}");
            previous = s.RegistrationNonce;
        }
        if (set.SequenceEqual(LatestSequencerSet)) return Bad("the change equals the current set");
        return null;
    }

    private void SetLatest(ImmutableArray<Address> set)
    {
        LatestSequencerSet = set;
        _latestMembers.Clear();
        foreach (var a in set) _latestMembers.Add(a);
        if (_setHistory.Count > 0 && _setHistory[^1].Block == Clock.Block) _setHistory[^1] = (Clock.Block, set);
        else _setHistory.Add((Clock.Block, set));
    }

    /// <summary>latestSequencerSet at the end of L1 block <paramref name="block"/> (empty before genesis).</summary>
    public ImmutableArray<Address> SetAtEndOfBlock(ulong block)
    {
        return SetBeforeBlock(block == ulong.MaxValue ? null : block + 1);
    }

    /// <summary>latestSequencerSet at the start of <paramref name="block"/> (the end of block − 1); the set "at the
    /// end of block −1" is empty (section 4). Null means after the last block.</summary>
    public ImmutableArray<Address> SetBeforeBlock(ulong? block)
    {
        int lo = 0, hi = _setHistory.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (block is not { } b || _setHistory[mid].Block < b) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found < 0 ? [] : _setHistory[found].Set;
    }

    // ---- submitter rotation (after BLS) ----

    /// <summary>The slot of an L1 block after enableBls, and its scheduled submitter S_k[k mod |S_k|] (none if S_k is empty).</summary>
    public (ulong Slot, ulong SlotStart, Address? Scheduled) SlotAt(ulong block)
    {
        var g = BlsEnabledAt ?? throw new InvalidOperationException("no slots before enableBls");
        var r = Parameters.RollupRotationBlocks;
        var k = (block - g) / r;
        var start = g + k * r;   // <= block: cannot wrap
        var set = SetBeforeBlock(start);
        return (k, start, set.IsDefaultOrEmpty ? null : set[(int)(k % (ulong)set.Length)]);
    }

    /// <summary>A timeout (PROTOCOL.md section 4): slot k's window is over, a scheduled submitter existed, it committed
    /// nothing in its window, and the rollup was not halted at any block of that window.</summary>
    public bool SlotTimedOut(ulong k)
    {
        var g = BlsEnabledAt ?? throw new InvalidOperationException("no slots before enableBls");
        var slotStart = (UInt128)g + (UInt128)k * Parameters.RollupRotationBlocks;
        if (slotStart > ulong.MaxValue) return false;   // a slot beyond the last block never starts
        var (_, start, scheduled) = SlotAt((ulong)slotStart);
        var windowEnds = BlockBoundary.After(start, Parameters.BatchTimeoutBlocks);   // first block after the window
        bool halted = _halts.Any(h => !windowEnds.IsReachedAt(h.From) && (h.Until is not { } u || u > start));
        return scheduled is not null && windowEnds.IsReachedAt(Clock.Block) && !_slotsServed.Contains(k) && !halted;
    }

    // ---- commit ----

    public TxResult CommitBatch(Address sender, BatchCommit commit)
    {
        if (!GenesisMarked) return TxResult.Fail(ProtocolRule.GenesisNotMarked, "no batch before markL2Genesis");
        if (commit.BatchIndex != LastCommitted + 1)
            return TxResult.Fail(ProtocolRule.WrongBatchIndex, $"the next batch index is {LastCommitted + 1}, got {commit.BatchIndex}");
        if (_reverted.Contains((commit.BatchIndex, commit.BatchHash)))
            return TxResult.Fail(ProtocolRule.BatchReverted, $"batch {commit.BatchIndex} {commit.BatchHash} was reverted and can never be committed again");
        ImmutableArray<Address>? change = commit.NewSequencerSet is { Count: > 0 } ns ? [.. ns] : null;
        if (change is { } c && ValidateSetChange(c) is { } badSet) return badSet;

        ImmutableArray<Address> exposed;
        bool blsMode = State != RollupModeState.PreBls;
        ulong? servedSlot = null;
        if (!blsMode)
        {
            var s = _staking.Find(sender);
            if (s is null || s.State != L1StakerState.Active)
                return TxResult.Fail(ProtocolRule.NotActiveStaker, $"before BLS only Active stakers commit; {sender} is {s?.State ?? L1StakerState.None}");
            exposed = [sender];
        }
        else
        {
            if (State == RollupModeState.BlsHalted)
                return TxResult.Fail(ProtocolRule.NoLiveSequencers, "every member of latestSequencerSet is slashed: commits wait for the owner's resetSequencerSet");
            var (slot, start, scheduled) = SlotAt(Clock.Block);
            var windowEnds = BlockBoundary.After(start, Parameters.BatchTimeoutBlocks);
            if (scheduled is { } who && !windowEnds.IsReachedAt(Clock.Block))
            {
                if (sender != who)
                    return TxResult.Fail(ProtocolRule.NotScheduledSubmitter, $"blocks {start}..{windowEnds.Height - 1} of slot {slot} belong to {who}");
                servedSlot = slot;
            }
            var verified = VerifySignedBatch(commit);
            if (verified.Error is { } refused) return TxResult.Fail(refused);
            exposed = verified.Signers;
        }

        // Apply.
        var batch = new Batch(this, commit.BatchIndex, commit.BatchHash, Clock.Block, sender, blsMode, LatestSequencerSet, change, exposed) { ResetEra = _resetCount };
        _batches.Add(batch);
        foreach (var a in exposed) _exposure[a] = _exposure.GetValueOrDefault(a) + 1;
        if (servedSlot is { } k) _slotsServed.Add(k);
        var events = new List<IContractEvent> { new RollupContract.CommitBatchEvent(commit.BatchIndex, commit.BatchHash) };
        if (change is { } newSet)
        {
            foreach (var m in LatestSequencerSet.Where(m => !newSet.Contains(m)))
            {
                batch.RemovalUndo.Add((m, _removedAtBatch.TryGetValue(m, out var prev) ? prev : null));
                _removedAtBatch[m] = batch.Index;
            }
            SetLatest(newSet);
            events.Add(new RollupContract.SequencerSetUpdatedEvent(batch.Index, new ValueArray<Address>(newSet)));
        }
        // An honest change may name only slashed stakers (L2 has not heard of the slash yet): then the rollup halts now.
        SyncMode(events);
        return TxResult.Ok(events);
    }

    /// <summary>The BLS rules of section 4, in order: bitmap, live members, quorum, aggregate signature.</summary>
    private (ProtocolError? Error, ImmutableArray<Address> Signers) VerifySignedBatch(BatchCommit commit)
    {
        static (ProtocolError?, ImmutableArray<Address>) Refuse(ProtocolRule r, string m) => (new ProtocolError(r, m), []);
        var set = LatestSequencerSet;
        var bitmap = commit.SignersBitmap;
        if (bitmap.BitLength > set.Length)
            return Refuse(ProtocolRule.BadBitmap, $"bit {bitmap.BitLength - 1} is set but the set has {set.Length} members");
        var signers = ImmutableArray.CreateBuilder<Address>();
        var keys = new List<BlsPublicKey>();
        int live = 0;
        for (int i = 0; i < set.Length; i++)
        {
            var s = _staking.Find(set[i])!;
            if (!s.IsSlashed) live++;
            if (!bitmap.TestBit(i)) continue;
            if (s.IsSlashed) return Refuse(ProtocolRule.BadBitmap, $"bit {i} names {set[i]}, which is slashed and never counts");
            signers.Add(set[i]);
            keys.Add(s.BlsKey!);
        }
        if (live == 0) return Refuse(ProtocolRule.NoLiveSequencers, "no member of latestSequencerSet is unslashed");
        var q = Parameters.SignatureQuorum;
        if (!BatchSigning.QuorumMet(signers.Count, live, q))
            return Refuse(ProtocolRule.QuorumNotMet, $"{signers.Count} signers of {live} counted members: more than {q} are needed");
        if (commit.AggregateSignature is null) return Refuse(ProtocolRule.BadSignature, "a BLS-mode batch needs an aggregate signature");
        var sig = BlsSignature.Parse(commit.AggregateSignature.Span);
        if (!sig.IsOk) return Refuse(ProtocolRule.BadSignature, $"the aggregate signature is refused: {sig.Error}");
        var root = BatchSigning.SigningRoot(Parameters.L1ChainId, Address, commit.BatchIndex, commit.BatchHash, BatchSigning.SetChangeHash(commit.NewSequencerSet));
        if (!_bls.FastAggregateVerify(keys.ToArray(), root.ToArray(), sig.Value))
            return Refuse(ProtocolRule.BadSignature, $"the aggregate signature does not verify over signing root {root} for the {signers.Count} named signers");
        return (null, signers.ToImmutable());
    }

    // ---- finalize ----

    public TxResult FinalizeBatch(Address sender, ulong index)
    {
        if (BatchAt(index) is not { } batch) return Missing(index);
        if (!batch.CanFire(BatchTrigger.Finalize, out var failed))
        {
            // No failing guard: the state itself permits no finalization.
            if (failed is not { } guard)
                return batch.State == BatchState.Finalized
                    ? TxResult.Fail(ProtocolRule.BatchFinalized, $"batch {index} is already finalized")
                    : TxResult.Fail(ProtocolRule.BatchChallenged, $"batch {index} has an open challenge");
            return TxResult.Fail(BatchLifecycle.RuleOf(guard), guard == BatchGuard.NextToFinalize
                ? $"batches finalize in order: next is {LastFinalized + 1}, got {index}"
                : $"batch {index} committed at {batch.CommitBlock} finalizes after block {batch.FinalizationEnds}, now {Clock.Block}");
        }
        batch.Fire(BatchTrigger.Finalize);
        LastFinalized = index;
        Release(batch.Exposed);
        return TxResult.Ok(new RollupContract.FinalizeBatchEvent(index, batch.Hash, Bytes32.Zero, Bytes32.Zero));
    }

    private TxResult Missing(ulong index) => TxResult.Fail(ProtocolRule.BatchNotFound, $"no committed batch {index} (last committed {LastCommitted})");

    private void Release(IEnumerable<Address> exposed)
    {
        foreach (var a in exposed)
            if (--_exposure[a] == 0) _exposure.Remove(a);
    }

    // ---- challenges ----

    /// <summary>Permissionless, with exactly challengeDeposit, within the finalization period; one open challenge per batch.</summary>
    public TxResult ChallengeBatch(Address sender, UInt256 value, ulong index)
    {
        if (BatchAt(index) is not { } batch) return Missing(index);
        if (batch.State == BatchState.Finalized) return TxResult.Fail(ProtocolRule.BatchFinalized, $"batch {index} is finalized");
        if (batch.State == BatchState.Challenged) return TxResult.Fail(ProtocolRule.ChallengeAlreadyOpen, $"batch {index} already has an open challenge");
        if (value != Parameters.ChallengeDeposit) return TxResult.Fail(ProtocolRule.WrongDeposit, $"a challenge needs exactly {Parameters.ChallengeDeposit} wei, got {value}");
        if (!batch.CanFire(BatchTrigger.Challenge, out var failed))
            return TxResult.Fail(BatchLifecycle.RuleOf(failed!.Value), $"batch {index} committed at {batch.CommitBlock} could be challenged until block {batch.FinalizationEnds}, now {Clock.Block}");
        if (_ledger.WouldOverflow(value) is { } overflow) return TxResult.Fail(overflow);
        var c = new Challenge(this, (ulong)_challenges.Count + 1, batch, sender, value, Clock.Block);
        _challenges.Add(c);
        batch.ChallengeBlock = Clock.Block;
        batch.OpenChallenge = c;
        batch.Fire(BatchTrigger.Challenge);
        _ledger.DepositReceived(value);
        return TxResult.Ok(new RollupContract.ChallengeStateEvent(index, sender, value));
    }

    /// <summary>A valid proof within the proof window defeats the challenge: the prover share of the deposit goes to
    /// the batch's submitter (not to whoever posts the proof), the rest to the treasury.</summary>
    [WaiverPath]   // Defend pays the prover share at once: the proof is the waiver's reason
    public TxResult ProveBatch(Address sender, ulong index, ByteString proof)
    {
        if (BatchAt(index) is not { } batch) return Missing(index);
        if (batch.State != BatchState.Challenged || batch.OpenChallenge is not { } c)
            return TxResult.Fail(ProtocolRule.NoOpenChallenge, $"batch {index} has no open challenge");
        var proofValid = _proofs.Verify(index, batch.Hash, batch.SetChangeHash, proof);
        if (!batch.CanFireProve(proofValid, out var failed))
            return TxResult.Fail(BatchLifecycle.RuleOf(failed!.Value), failed == BatchGuard.ProofWindowOpen
                ? $"the proof window of batch {index} closed at block {batch.ProofWindowEnds}, now {Clock.Block}"
                : $"the proof does not verify for batch {index} {batch.Hash}");
        batch.FireProve(proofValid);
#pragma warning disable MPA001 // c is the batch's open challenge (Open, Defend's source) and its only guard, BatchDefended, holds once FireProve above ran
        c.Fire(ChallengeTrigger.Defend);
#pragma warning restore MPA001
        batch.OpenChallenge = null;
        var proverShare = UInt256.MulDiv(c.Deposit, Parameters.ProverRewardPercent, 100);
        _ledger.DepositToProver(c.Deposit, batch.Submitter, proverShare);
        return TxResult.Ok(new RollupContract.ChallengeResEvent(index, batch.Submitter, Keccak256.HashUtf8("Proof success")));
    }

    /// <summary>After the proof window, anyone settles: the challenger wins, the batch and every later unfinalized batch
    /// are reverted, the answerable stakers are slashed once each, and latestSequencerSet returns to its value before the batch.</summary>
    [WaiverPath]   // later batches' challenges are cancelled with their deposits refundable at once
    public TxResult SettleChallenge(Address sender, ulong index)
    {
        if (BatchAt(index) is not { } batch) return Missing(index);
        if (batch.State != BatchState.Challenged || batch.OpenChallenge is not { } c)
            return TxResult.Fail(ProtocolRule.NoOpenChallenge, $"batch {index} has no open challenge");
        // The batch's window guard and the challenge's lock name the same rule (the spec says so on both).
        if (!batch.CanFire(BatchTrigger.Settle, out var failed) || !c.CanFire(ChallengeTrigger.Settle, out _))
            return TxResult.Fail(failed is { } g ? BatchLifecycle.RuleOf(g) : ChallengeLifecycle.RuleOf(ChallengeGuard.ProofWindowClosed), $"the proof window of batch {index} is open until block {batch.ProofWindowEnds}, now {Clock.Block}");

        var events = new List<IContractEvent> { new RollupContract.ChallengeResEvent(index, c.Challenger, Keccak256.HashUtf8("Timeout")) };
        c.Fire(ChallengeTrigger.Settle);
        _ledger.DepositToPendingReward(c.Deposit);

        // Revert this batch and every later one, newest first, so the removal records unwind in order.
        for (int i = _batches.Count - 1; i >= (int)index - 1; i--)
        {
            var b = _batches[i];
            // Caused by the settlement (Batch.Settle causes RevertByEarlierLoss and CancelByEarlierLoss): b == batch was
            // checked above, the later batches are unfinalized (Committed or Challenged, no guard) and their open
            // challenges Open, whose waiver guard BatchRevertedByEarlierLoss holds once b is reverted.
#pragma warning disable MPA001, MPA002
            if (b == batch) b.Fire(BatchTrigger.Settle);
            else
            {
                b.Fire(BatchTrigger.RevertByEarlierLoss);
                if (b.OpenChallenge is { } other)
                {
                    other.Fire(ChallengeTrigger.CancelByEarlierLoss);
#pragma warning restore MPA001, MPA002
                    _ledger.DepositRefundable(other.Deposit, other.Challenger);
                    events.Add(new RollupContract.ChallengeCancelledEvent(b.Index, other.Challenger, other.Deposit));
                }
            }
            b.OpenChallenge = null;
            Release(b.Exposed);
            // Removals recorded before the last reset were settled by it: nothing of them to undo.
            if (b.ResetEra == _resetCount)
            for (int u = b.RemovalUndo.Count - 1; u >= 0; u--)
            {
                var (staker, previous) = b.RemovalUndo[u];
                if (previous is { } p) _removedAtBatch[staker] = p; else _removedAtBatch.Remove(staker);
            }
            _reverted.Add((b.Index, b.Hash));
            events.Add(new RollupContract.RevertBatchEvent(b.Index, b.Hash));
        }
        _batches.RemoveRange((int)index - 1, _batches.Count - (int)index + 1);
        // The fold of section 4 over genesis, the surviving batches' changes and the resets: every batch from index on
        // is gone, so it ends with the last reset if one was made after batch index was committed, else with the set
        // batch index was verified against.
        var folded = _lastReset is { } reset && reset.AfterBatch >= index ? reset.Set : batch.SetBefore;
        if (!folded.SequenceEqual(LatestSequencerSet)) SetLatest(folded);

        // Slash by the batch's mode at commit: every signer (BLS) or the submitter (pre-BLS).
        var (slashed, completeAt, slashEvents) = _staking.Slash(batch.Exposed);
        events.AddRange(slashEvents);
        c.Slashed = slashed;
        var total = Parameters.StakingValue * (ulong)slashed.Count;
        c.Reward = c.Deposit + UInt256.MulDiv(total, Parameters.ChallengerRewardPercent, 100);
        c.MaturesAt = slashed.Count == 0 ? BlockBoundary.At(Clock.Block) : completeAt;
        _maturing.Enqueue(c, (c.MaturesAt.Value, c.Id));
        events.AddRange(ProcessTime());
        SyncMode(events);
        return TxResult.Ok(events);
    }

    /// <summary>The one place the mode follows liveness (section 4, invariant 7): every operation that can change
    /// latestSequencerSet or who is slashed ends here, so the rollup halts in the operation that leaves no unslashed
    /// member, whatever that operation is, and resumes in the one that brings one back.</summary>
    private void SyncMode(List<IContractEvent> events)
    {
        if (State == RollupModeState.Bls && CanFire(RollupModeTrigger.Halt))
        {
            Fire(RollupModeTrigger.Halt);
            events.Add(new RollupContract.RollupHaltedEvent(Clock.Block));
        }
        else if (State == RollupModeState.BlsHalted && CanFire(RollupModeTrigger.Resume)) Fire(RollupModeTrigger.Resume);
    }

    /// <summary>Time-driven effects due by now: bans of slashed stakers whose un-restaking completed, then challenger
    /// rewards whose slashed stakes are all un-restaked. O(log n) per item; nothing is scanned.</summary>
    [TimeStep]
    internal IReadOnlyList<IContractEvent> ProcessTime()
    {
        var events = new List<IContractEvent>(_staking.ProcessMaturedUnrestaking());
        while (_maturing.TryPeek(out var c, out var key) && key.At.IsReachedAt(Clock.Block))
        {
            _maturing.Dequeue();
            var total = Parameters.StakingValue * (ulong)c.Slashed.Count;
            var share = c.Reward - c.Deposit;
            _ledger.SlashMatured(total, share);
            _ledger.RewardMatured(c.Challenger, c.Reward);
            c.Matured = true;
            if (!_maturedUnpaid.TryGetValue(c.Challenger, out var list)) _maturedUnpaid[c.Challenger] = list = [];
            list.Add(c);
        }
        return events;
    }

    /// <summary><c>claimReward(receiver)</c>: pays everything the sender can claim (matured challenger rewards,
    /// refunds of cancelled challenges, prover rewards).</summary>
    public TxResult ClaimReward(Address sender, Address receiver)
    {
        var amount = _ledger.ClaimableOf(sender);
        if (amount.IsZero) return TxResult.Fail(ProtocolRule.NothingToClaim, $"{sender} has nothing to claim");
        if (_maturedUnpaid.Remove(sender, out var won))
#pragma warning disable MPA001, MPA003 // won lists only challenges ProcessTime matured (Won, SlashedStakesUnrestaked holds), each once; PayClaimable pays what was credited, each credit made under a paying trigger (Defend, CancelByEarlierLoss, a matured reward)
            foreach (var c in won) c.Fire(ChallengeTrigger.ClaimReward);
        _ledger.PayClaimable(sender);
#pragma warning restore MPA001, MPA003
        Payments.Add((receiver, amount));
        return TxResult.Ok(new RollupContract.ChallengeRewardClaimEvent(receiver, amount));
    }

    public List<(Address To, UInt256 Amount)> Payments { get; } = [];

    internal void WriteState(StateWriter w)
    {
        w.Write((ulong)State); w.Write(GenesisMarked); w.Write(GenesisNonce); w.Write(BlsEnabledAt ?? ulong.MaxValue); w.Write(LastFinalized);
        foreach (var a in LatestSequencerSet) w.Write(a);
        foreach (var b in _batches) b.WriteState(w);
        foreach (var (i, h) in _reverted.OrderBy(x => x.Item1).ThenBy(x => x.Item2.ToString())) { w.Write(i); w.Write(h); }
        foreach (var c in _challenges) c.WriteState(w);
        foreach (var (a, n) in _exposure.OrderBy(x => x.Key)) { w.Write(a); w.Write((ulong)n); }
        foreach (var (a, n) in _removedAtBatch.OrderBy(x => x.Key)) { w.Write(a); w.Write(n); }
        foreach (var (block, set) in _setHistory) { w.Write(block); foreach (var a in set) w.Write(a); }
        foreach (var k in _slotsServed.Order()) w.Write(k);
        foreach (var (from, until) in _halts) { w.Write(from); w.Write(until ?? ulong.MaxValue); }
        w.Write(_resetCount);
        if (_lastReset is { } r) { w.Write(r.AfterBatch); foreach (var a in r.Set) w.Write(a); }
        foreach (var (a, list) in _maturedUnpaid.OrderBy(x => x.Key)) { w.Write(a); foreach (var c in list) w.Write(c.Id); }
        foreach (var (to, amount) in Payments) { w.Write(to); w.Write(amount); }
    }
}
