using System.Collections.Immutable;
using Morph.Protocol.Contracts;
using Morph.Protocol.Devnet;
using Morph.Protocol.L1;
using Morph.Protocol.L1.Messaging;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Simulation;

// The actors: the L2 producers, the relay, the batch submitter, the finalizer and the oracle. They act as their roles
// would on the chains, through the same entry points as users; a refusal is logged and the run goes on.
public sealed partial class Network
{
    private void StartL2()
    {
        L2 = new L2Network(L2Genesis.FromL1(L1, [.. Options.Holders, (L2Genesis.DevnetTreasury, Parameters.GenesisSupply)]), Parameters) { L1Facts = this };
    }

    // ---- L2 blocks ----

    private void ProduceL2Block()
    {
        if (L2 is not { IsHalted: false } l2) { L1Tick(); return; }
        var h = l2.Height;
        var proposer = Proposer(l2, h);
        _blockSizes[h] = (ulong)_rng.Next(1_000, 20_000);
        _pendingBlockRecords.Add(new BlockRecord(h, proposer, (ulong)_rng.Next(1, 200), _blockSizes[h]));
        l2.CloseBlock();
        if (l2.IsHalted) _l2Halts.Add((L1.Block, null));
        if (_pendingBlockRecords.Count >= Options.RecordEvery) WriteBlockRecords();
        if (h + 1 >= UnbatchedFrom + Options.BatchL2Blocks) SubmitBatch(h);
        L1Tick();
    }

    /// <summary>The scheduled member proposes; if it is offline, the next live member in canonical order does (another
    /// consensus round), so the scheduled one misses its turn; if none is live, the scheduled one is recorded (the chain
    /// cannot stall in a model that must produce).</summary>
    private Address Proposer(L2Network l2, ulong h)
    {
        var set = l2.ConsensusSet(h);
        var start = (int)(h % (ulong)set.Length);
        for (int i = 0; i < set.Length; i++)
        {
            var a = set[(start + i) % set.Length];
            if (!_offline.Contains(a)) return a;
        }
        return set[start];
    }

    private void L1Tick()
    {
        // One L2 block time passes whether or not L2 produces (halted: L1 goes on at its own pace, L2 makes none).
        if (++_l2Carry < (ulong)Options.L2BlocksPerL1Block) return;
        _l2Carry = 0;
        AdvanceL1Block();
    }

    private void AdvanceL1Block()
    {
        L1.AdvanceTo(L1.Block + 1);
        Relay();
        FinalizeDue();
        WriteRollupRecords();
        WriteSlotRecords();
    }

    // ---- the relay ----

    private void Relay()
    {
        foreach (var m in L1.Messenger.Relayable(L1.Block, Parameters.L1MessageConfirmations))
            if (m.Nonce > _queuedUpTo) { _inFlight.Add(m); _queuedUpTo = m.Nonce; }
        if (L2 is not { } l2 || _inFlight.Count == 0) return;
        var f = Options.Faults;
        var batch = _inFlight.ToList();
        if (f.ReorderPerMille > 0 && _rng.Next(1_000) < f.ReorderPerMille) batch.Reverse();
        _inFlight.Clear();
        foreach (var m in batch)
        {
            if (f.DelayPerMille > 0 && _rng.Next(1_000) < f.DelayPerMille) { _inFlight.Add(m); continue; }
            l2.Deliver(m);
            if (f.DuplicatePerMille > 0 && _rng.Next(1_000) < f.DuplicatePerMille) _inFlight.Add(m);   // delivered again later
        }
    }

    // ---- batches on L1 ----

    // Recorded batches are finalized and leave _batches (they can never revert): what stays is a handful, so reading
    // the last one or scanning for reverts costs the same after a million blocks as after ten.
    private ulong UnbatchedFrom => _batches.Count == 0 ? _recordedThrough + 1 : _batches.Values.Last().EndBlock + 1;

    private void SubmitBatch(ulong end)
    {
        DropReverted();
        var start = UnbatchedFrom;
        if (end < start) return;
        var index = L1.Rollup.LastCommitted + 1;
        var hash = Keccak256.HashUtf8($"morph-sim batch {index} L2 {start}..{end} seed {Options.Seed}");
        var change = L2!.ContractSetAtEndOf(end);
        IReadOnlyList<Address>? newSet = change.SequenceEqual(L1.Rollup.LatestSequencerSet) || change.IsEmpty ? null : change;
        var r = Commit(index, hash, newSet);
        if (r.Rule is ProtocolRule.BadSequencerSet) r = Commit(index, hash, null);   // a member slashed on L1 not yet gone on L2
        if (!r.IsOk) { ActorRefusals.Add($"L1 {L1.Block}: commit of L2 {start}..{end}: {r.Error}"); return; }
        var size = UInt256.Zero;
        for (var h = start; h <= end; h++) size += _blockSizes.GetValueOrDefault(h);
        _batches[index] = new CommittedBatch(index, hash, start, end, size, L1.Rollup.BatchAt(index)!.Submitter, L1.Block);
        if (_corruptNext) { _proofs.MarkFraudulent(hash); _corruptNext = false; }
    }

    private TxResult Commit(ulong index, Bytes32 hash, IReadOnlyList<Address>? newSet)
    {
        var rollup = L1.Rollup;
        var live = rollup.LatestSequencerSet.Where(a => !_offline.Contains(a) && L1.Staking.Find(a) is { IsSlashed: false } && _keys.ContainsKey(a)).ToList();
        if (rollup.State == RollupModeState.PreBls)
        {
            var sender = live.FirstOrDefault(a => L1.Staking.Find(a)!.State == L1StakerState.Active);
            return sender == default ? TxResult.Fail(ProtocolRule.NotActiveStaker, "no live Active member to submit") : L1.CommitBatch(sender, new BatchCommit(index, hash, newSet));
        }
        var (_, start, scheduled) = rollup.SlotAt(L1.Block);
        bool reserved = scheduled is not null && !Lifecycles.BlockBoundary.After(start, Parameters.BatchTimeoutBlocks).IsReachedAt(L1.Block);
        var submitter = reserved ? scheduled!.Value : live.FirstOrDefault();
        if (submitter == default || _offline.Contains(submitter)) return TxResult.Fail(ProtocolRule.NotScheduledSubmitter, "the scheduled submitter is offline");
        var signers = live.Select(a => _keys[a]).ToList();
        if (signers.Count == 0) return TxResult.Fail(ProtocolRule.QuorumNotMet, "no live signer");
        var (bitmap, sig) = DevnetStaker.SignBatch(L1, signers, rollup.LatestSequencerSet, index, hash, newSet);
        return L1.CommitBatch(submitter, new BatchCommit(index, hash, newSet, bitmap, sig));
    }

    /// <summary>A lost challenge reverts batches: the L2 blocks they carried are batched again.</summary>
    private void DropReverted()
    {
        foreach (var index in _batches.Keys.Where(i => i > L1.Rollup.LastCommitted || L1.Rollup.IsReverted(i, _batches[i].Hash)).ToList())
            _batches.Remove(index);
    }

    private void FinalizeDue()
    {
        var rollup = L1.Rollup;
        for (var i = rollup.LastFinalized + 1; i <= rollup.LastCommitted; i++)
        {
            var b = rollup.BatchAt(i)!;
            if (b.OpenChallenge is not null || !Lifecycles.BlockBoundary.After(b.CommitBlock, Parameters.FinalizationPeriod).IsPassedAt(L1.Block)) break;
            if (!L1.FinalizeBatch(L2Genesis.DevnetOracle, i).IsOk) break;
        }
    }

    // ---- the oracle ----

    private void WriteBlockRecords()
    {
        if (L2 is not { IsHalted: false } l2 || _pendingBlockRecords.Count == 0) return;
        var r = l2.RecordBlocks(l2.Distribution.Oracle, _pendingBlockRecords);
        if (r.IsOk) _pendingBlockRecords.Clear();
        else ActorRefusals.Add($"L2 {l2.Height}: block records: {r.Error}");
    }

    private void WriteRollupRecords()
    {
        if (L2 is not { IsHalted: false } l2) return;
        DropReverted();
        var records = new List<RollupRecord>();
        while (_batches.TryGetValue(_nextRollupRecord, out var b) && IsFinalized(b.Index) && b.EndBlock < l2.Height && b.EndBlock <= l2.Distribution.LastBlockRecorded + (ulong)_pendingBlockRecords.Count)
        {
            records.Add(new RollupRecord(b.Index, b.Submitter, b.StartBlock, b.EndBlock, b.L1Block, b.SizeBytes));
            _nextRollupRecord++;
        }
        if (records.Count == 0) return;
        WriteBlockRecords();   // the blocks first, so the epochs they complete close in this L1 block
        var r = l2.RecordRollups(l2.Distribution.Oracle, records);
        if (!r.IsOk) { ActorRefusals.Add($"L2 {l2.Height}: rollup records: {r.Error}"); _nextRollupRecord -= (ulong)records.Count; return; }
        foreach (var rec in records)
        {
            var b = _batches[(ulong)rec.BatchIndex];
            for (var h = b.StartBlock; h <= b.EndBlock; h++) _blockSizes.Remove(h);   // finalized: never batched again
            _batches.Remove(b.Index);
            _recordedThrough = b.EndBlock;
            LastRecordedBatch = b;
        }
    }

    private void WriteSlotRecords()
    {
        if (L2 is not { IsHalted: false } l2 || L1.Rollup.BlsEnabledAt is not { } g) return;
        var records = new List<SlotRecord>();
        var rotation = Parameters.RollupRotationBlocks;
        while (true)
        {
            var start = (UInt128)g + (UInt128)_nextSlotRecord * rotation;
            var windowEnd = start + Parameters.BatchTimeoutBlocks;
            if (windowEnd > L1.Block) break;
            var f = Slot(_nextSlotRecord)!.Value;
            records.Add(new SlotRecord(_nextSlotRecord, f.Scheduled, f.RegistrationNonce, f.SetHash, f.TimedOut));
            _nextSlotRecord++;
        }
        if (records.Count == 0) return;
        var r = l2.RecordSlots(l2.Distribution.Oracle, records);
        if (!r.IsOk) { ActorRefusals.Add($"L2 {l2.Height}: slot records: {r.Error}"); _nextSlotRecord -= (ulong)records.Count; }
    }

    public (ulong StartBlock, ulong EndBlock, UInt256 SizeBytes, Address Submitter)? Committed(ulong batchIndex) =>
        _batches.TryGetValue(batchIndex, out var b) && !L1.Rollup.IsReverted(b.Index, b.Hash) ? (b.StartBlock, b.EndBlock, b.SizeBytes, b.Submitter) : null;

    /// <summary>L1's facts of slot k once its reserved window is over: what the oracle must write (section 6); no timeout
    /// for a window that overlaps an L2 halt (there was nothing to batch).</summary>
    public (Address Scheduled, ulong RegistrationNonce, Bytes32 SetHash, bool TimedOut)? Slot(ulong k)
    {
        if (L1.Rollup.BlsEnabledAt is not { } g) return null;
        var start = (UInt128)g + (UInt128)k * Parameters.RollupRotationBlocks;
        var windowEnd = start + Parameters.BatchTimeoutBlocks;
        if (windowEnd > L1.Block) return null;
        var (_, slotStart, scheduled) = L1.Rollup.SlotAt((ulong)start);
        if (scheduled is not { } who) return (Address.Zero, 0, SetHash([]), false);
        bool overlapsHalt = _l2Halts.Any(x => x.From < (ulong)windowEnd && (x.Until is not { } u || u >= slotStart));
        return (who, L1.Staking.Find(who)?.RegistrationNonce ?? 0, SetHash(L1.Rollup.SetBeforeBlock(slotStart)), L1.Rollup.SlotTimedOut(k) && !overlapsHalt);
    }

    private static Bytes32 SetHash(ImmutableArray<Address> set) => BatchSigning.SetHash(set);

    /// <summary>The L2 owner restarts a halted L2 (the restart is a transaction like any other; this notes the halt's end for the oracle).</summary>
    internal void NoteRestart()
    {
        if (_l2Halts.Count > 0 && _l2Halts[^1].Until is null) _l2Halts[^1] = (_l2Halts[^1].From, L1.Block);
    }
}
