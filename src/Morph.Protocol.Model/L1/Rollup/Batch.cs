using System.Collections.Immutable;
using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1.Rollup;

/// <summary>A committed batch: host of lifecycle Batch (spec/rollup.morph).</summary>
[Lifecycle("Batch")]
public sealed partial class Batch
{
    private readonly Rollup _rollup;

    internal Batch(Rollup rollup, ulong index, Bytes32 hash, ulong commitBlock, Address submitter, bool blsMode,
        ImmutableArray<Address> setBefore, ImmutableArray<Address>? setChange, ImmutableArray<Address> exposed)
    {
        _rollup = rollup; Index = index; Hash = hash; CommitBlock = commitBlock; Submitter = submitter; BlsMode = blsMode;
        SetBefore = setBefore; SetChange = setChange; Exposed = exposed;
        SetChangeHash = BatchSigning.SetChangeHash(setChange);
        StartFinalizationPeriod(commitBlock);
    }

    public ulong Index { get; }
    public Bytes32 Hash { get; }
    public ulong CommitBlock { get; }
    public Address Submitter { get; }
    /// <summary>Committed in BLS mode: a lost challenge slashes its signers; otherwise its submitter.</summary>
    public bool BlsMode { get; }
    /// <summary>latestSequencerSet before this batch: the set it was verified against, restored if it is reverted.</summary>
    public ImmutableArray<Address> SetBefore { get; }
    public ImmutableArray<Address>? SetChange { get; }
    public Bytes32 SetChangeHash { get; }
    /// <summary>Who answers for this batch: its signers (BLS) or its submitter (pre-BLS).</summary>
    public ImmutableArray<Address> Exposed { get; }
    public Challenge? OpenChallenge { get; internal set; }
    public ulong? ChallengeBlock { get; internal set; }

    /// <summary>The removals this batch's set change recorded, with the value each replaced (undone on revert).</summary>
    internal List<(Address Staker, ulong? Previous)> RemovalUndo { get; } = [];

    /// <summary>How many owner resets had been made when it was committed: a reset settles every earlier removal.</summary>
    internal ulong ResetEra { get; init; }

    /// <summary>commitBlock + finalizationPeriod, exactly: challengeable until it, finalizable after it (the generated
    /// window 'finalizationPeriod', started when the batch is committed).</summary>
    public BlockBoundary FinalizationEnds => FinalizationPeriodEnds!.Value;

    private ulong Now => _rollup.Clock.Block;
    private ProtocolParameters P => _rollup.Parameters;

    private partial ulong ClockNow(LifecycleClock clock) => Now;   // the rollup's windows count on L1
    private partial ProtocolParameters LockParameters() => P;
    private partial bool ProofValid(bool proofValid) => proofValid;
    private partial bool NextToFinalize() => Index == _rollup.LastFinalized + 1;

    internal void WriteState(StateWriter w)
    {
        w.Write(Index); w.Write(Hash); w.Write((ulong)State); w.Write(CommitBlock); w.Write(Submitter); w.Write(BlsMode);
        foreach (var a in Exposed) w.Write(a);
        w.Write(SetChangeHash); w.Write(ChallengeBlock ?? ulong.MaxValue);
    }
}
