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

/// <summary>A batch the network's submitter committed on L1, with the L2 blocks it carries (what rollup records are
/// checked against).</summary>
public sealed record CommittedBatch(ulong Index, Bytes32 Hash, ulong StartBlock, ulong EndBlock, UInt256 SizeBytes, Address Submitter, ulong L1Block);

/// <summary>The whole network in one deterministic object (issue 20): <see cref="L1"/> and <see cref="L2"/> with their
/// own heights and a fixed ratio of L2 to L1 blocks, the relay of L1→L2 messages (with a fault knob), L2 block
/// production by the consensus set in rotation (with a liveness knob per staker), the batch submitter and finalizer on
/// L1, and the oracle writing block, rollup and slot records. Users drive it with commands (transactions as calldata,
/// block advances, knobs); the actors' own transactions follow from them and from the seed, so a journal of the
/// accepted commands replays to the same state hash.</summary>
public sealed partial class Network : IL1Facts
{
    private readonly Random _rng;
    private readonly ModelProofSystem _proofs = new();
    private readonly Dictionary<Address, DevnetStaker> _keys = new();
    private readonly SortedSet<Address> _offline = new();
    private readonly List<L1ToL2Message> _inFlight = [];
    private ulong _queuedUpTo;                                   // messages up to this nonce were handed to the relay
    private readonly SortedDictionary<ulong, CommittedBatch> _batches = new();
    private readonly Dictionary<ulong, UInt256> _blockSizes = new();
    private readonly List<BlockRecord> _pendingBlockRecords = [];
    private ulong _nextRollupRecord = 1, _nextSlotRecord, _l2Carry, _recordedThrough;
    private bool _corruptNext;
    private readonly List<(ulong From, ulong? Until)> _l2Halts = [];   // in L1 blocks: the oracle reports no timeout then

    public Network(SimulationOptions? options = null)
    {
        Options = options ?? new SimulationOptions();
        _rng = new Random(Options.Seed);
        L1 = new L1Network(Options.Parameters, proofs: _proofs);
        L1.AdvanceTo(1);
        for (int i = 1; i <= Options.DevnetStakers; i++) { var s = DevnetStaker.Create(i); _keys.Add(s.Address, s); }
    }

    public SimulationOptions Options { get; }
    public ProtocolParameters Parameters => Options.Parameters;
    public L1Network L1 { get; }
    /// <summary>The L2 chain, from the L1 owner's markL2Genesis on.</summary>
    public L2Network? L2 { get; private set; }
    /// <summary>Committed batches not yet recorded on L2 (recorded ones are finalized and leave this list).</summary>
    public IReadOnlyDictionary<ulong, CommittedBatch> Batches => _batches;
    /// <summary>The last batch the oracle recorded on L2.</summary>
    public CommittedBatch? LastRecordedBatch { get; private set; }
    public IReadOnlyCollection<Address> Offline => _offline;
    /// <summary>Every refusal an actor met (a relayer, the oracle, the submitter), for reports; an actor never stops the run.</summary>
    public List<string> ActorRefusals { get; } = [];
    /// <summary>Accepted commands so far (what the journal holds).</summary>
    public long Commands { get; private set; }

    /// <summary>The deterministic devnet key of staker <paramref name="n"/> (1..DevnetStakers: the network signs with it).</summary>
    public DevnetStaker Staker(int n) =>
        _keys.Values.FirstOrDefault(s => s.Number == n) ?? throw new ArgumentOutOfRangeException(nameof(n), $"the network holds devnet stakers 1..{Options.DevnetStakers}");

    public bool IsFinalized(ulong batchIndex) => batchIndex <= L1.Rollup.LastFinalized;

    /// <summary>The hash of both chains and of the network's own state (relay queue, batches, knobs).</summary>
    public Bytes32 StateHash()
    {
        var w = new StateWriter();
        w.Write(L1.StateHash());
        w.Write(L2?.StateHash() ?? Bytes32.Zero);
        w.Write(_queuedUpTo); w.Write(_recordedThrough); w.Write(_nextRollupRecord); w.Write(_nextSlotRecord); w.Write(_l2Carry); w.Write(_corruptNext);
        foreach (var m in _inFlight) w.Write(m.Nonce);
        foreach (var a in _offline) w.Write(a);
        foreach (var b in _batches.Values) { w.Write(b.Index); w.Write(b.Hash); w.Write(b.StartBlock); w.Write(b.EndBlock); }
        return w.Hash();
    }

    /// <summary>The invariants of PROTOCOL.md section 8 on both chains (1, 3, 5, 7 on L1; 2, 4 and the L2 bookkeeping; 6 is
    /// checked by every test that compares hashes around a refusal): empty when all hold.</summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var broken = new List<string>(L1.CheckInvariants().Select(b => "L1 " + b));
        broken.AddRange(_refusalViolations);
        if (L2 is { } l2)
        {
            broken.AddRange(l2.CheckInvariants().Select(b => "L2 " + b));
            // 5 across the chains: L2's present incarnations are the fold of the messages it applied.
            var expected = L2Genesis.StakersUpTo(L1.Messenger.Sent, l2.Inbox.LastApplied).Select(e => (e.Address, e.RegistrationNonce));
            var present = l2.Staking.PresentStakers.Select(s => (s.Address, s.RegistrationNonce));
            if (!expected.SequenceEqual(present)) broken.Add($"5: L2's present incarnations differ from the messages up to nonce {l2.Inbox.LastApplied}");
        }
        return broken;
    }
}
