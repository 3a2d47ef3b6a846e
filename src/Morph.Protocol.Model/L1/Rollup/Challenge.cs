using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1.Rollup;

/// <summary>A challenge of one batch: host of lifecycle Challenge (spec/rollup.morph).</summary>
[Lifecycle("Challenge")]
public sealed partial class Challenge
{
    private readonly Rollup _rollup;

    internal Challenge(Rollup rollup, ulong id, Batch batch, Address challenger, UInt256 deposit, ulong block)
    {
        _rollup = rollup; Id = id; Batch = batch; Challenger = challenger; Deposit = deposit; ChallengeBlock = block;
        StartProofWindow(block);
    }

    public ulong Id { get; }
    public Batch Batch { get; }
    public Address Challenger { get; }
    public UInt256 Deposit { get; }
    public ulong ChallengeBlock { get; }
    public IReadOnlyList<Address> Slashed { get; internal set; } = [];
    /// <summary>The L1 block from which every stake it slashed is un-restaked; its reward is claimable from then.</summary>
    public BlockBoundary? MaturesAt { get; internal set; }
    public bool Matured { get; internal set; }
    /// <summary>Deposit back + challengerRewardPercent of the slashed total.</summary>
    public UInt256 Reward { get; internal set; }

    private ulong Now => _rollup.Clock.Block;

    private partial ulong ClockNow(LifecycleClock clock) => Now;
    private partial ProtocolParameters LockParameters() => _rollup.Parameters;
    private partial bool SlashedStakesUnrestaked() => Matured;
    // Fired by the Rollup while the batch's proof is being applied (the batch is Committed again, this challenge still open).
    private partial bool BatchDefended() => Batch.OpenChallenge == this && Batch.State == BatchState.Committed;
    private partial bool BatchRevertedByEarlierLoss() => Batch.State == BatchState.Reverted;

    internal void WriteState(StateWriter w)
    {
        w.Write(Id); w.Write(Batch.Index); w.Write(Challenger); w.Write(Deposit); w.Write(ChallengeBlock); w.Write((ulong)State);
        w.Write(MaturesAt is { } m ? m.ToUInt256() : UInt256.MaxValue); w.Write(Matured); w.Write(Reward);
        foreach (var a in Slashed) w.Write(a);
    }
}
