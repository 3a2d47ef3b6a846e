using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1.Restaking;

/// <summary>A restaking protocol with a withdrawal queue (as EigenLayer-style restaking has): an un-restaking completes
/// <c>delayBlocks</c> after it is requested (PROTOCOL.md's unrestakingDelayBlocks).</summary>
public sealed class WithdrawalQueueStrategy(ulong delayBlocks) : IRestakingStrategy
{
    private readonly Dictionary<Address, (UInt256 Amount, BlockBoundary? CompleteAt)> _positions = new();

    public string Name => $"WithdrawalQueue({delayBlocks} blocks)";
    public ulong DelayBlocks => delayBlocks;
    public UInt256 Held { get; private set; }

    public void Deposit(Address staker, UInt256 amount, ulong block)
    {
        _positions[staker] = (amount, null);
        Held += amount;
    }

    public BlockBoundary RequestUnrestake(Address staker, ulong block)
    {
        var p = _positions[staker];
        // A second request (a slash after a withdraw) keeps the earlier completion: the queue already holds it.
        var at = p.CompleteAt ?? BlockBoundary.After(block, delayBlocks);
        _positions[staker] = (p.Amount, at);
        return at;
    }

    public bool IsUnrestaked(Address staker, ulong block) =>
        _positions.TryGetValue(staker, out var p) && p.CompleteAt is { } at && at.IsReachedAt(block);

    public void Release(Address staker)
    {
        if (_positions.Remove(staker, out var p)) Held -= p.Amount;
    }
}
