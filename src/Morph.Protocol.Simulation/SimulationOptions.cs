using Morph.Protocol.Primitives;

namespace Morph.Protocol.Simulation;

/// <summary>How the relay misbehaves (a fault knob): each delivery of a relayable message is delayed, duplicated or
/// delivered out of order with these probabilities (per mille), drawn from the network's seed.</summary>
public sealed record RelayFaults(int DelayPerMille = 0, int DuplicatePerMille = 0, int ReorderPerMille = 0)
{
    public static RelayFaults None { get; } = new();
    public static RelayFaults Chaotic { get; } = new(300, 200, 300);
}

/// <summary>What a network is made of: the protocol's parameters, the seed that fixes every random choice, the ratio
/// of L2 to L1 blocks, how many L2 blocks a batch carries, the relay's faults, and who holds MORPH at L2 genesis.</summary>
public sealed record SimulationOptions
{
    public ProtocolParameters Parameters { get; init; } = ProtocolParameters.Devnet;
    public int Seed { get; init; } = 1;
    /// <summary>L2 blocks per L1 block (Morph: 3 s against 12 s). While L2 is halted, L1 blocks go on alone.</summary>
    public int L2BlocksPerL1Block { get; init; } = 4;
    /// <summary>L2 blocks a batch carries (the submitter commits when this many are unbatched).</summary>
    public ulong BatchL2Blocks { get; init; } = 60;
    /// <summary>How many L2 blocks the oracle gathers into one block-record transaction.</summary>
    public int RecordEvery { get; init; } = 10;
    public RelayFaults Faults { get; init; } = RelayFaults.None;
    /// <summary>Devnet stakers 1..n whose keys the network holds (to sign batches as they would): part of the options,
    /// so that a replay signs alike.</summary>
    public int DevnetStakers { get; init; } = 10;
    /// <summary>MORPH holders at L2 genesis besides the treasury (which holds the rest of the genesis supply).</summary>
    public IReadOnlyList<(Address Holder, UInt256 Amount)> Holders { get; init; } = [];
}
