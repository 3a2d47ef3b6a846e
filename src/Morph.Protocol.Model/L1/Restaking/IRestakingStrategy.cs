using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1.Restaking;

/// <summary>Where staked ETH sits while it is staked ("Restaking", PROTOCOL.md section 2). Withdraw and slash
/// queue an un-restaking; a claim (or a ban) waits until it has completed.</summary>
public interface IRestakingStrategy
{
    string Name { get; }

    /// <summary>The ETH the strategy holds for stakers (staked, or queued for un-restaking).</summary>
    UInt256 Held { get; }

    void Deposit(Address staker, UInt256 amount, ulong block);

    /// <summary>Queues the un-restaking of the staker's stake; returns the L1 block from which it is complete (exact:
    /// a delay that reaches beyond the last block never completes). Never fails: it is called while an operation applies.</summary>
    BlockBoundary RequestUnrestake(Address staker, ulong block);

    bool IsUnrestaked(Address staker, ulong block);

    /// <summary>The un-restaked ETH leaves the strategy (paid to the staker, or kept by the protocol after a slash).</summary>
    void Release(Address staker);
}
