using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1.Restaking;

/// <summary>A strategy with a withdrawal queue: an un-restaking completes <c>delayBlocks</c> after it is
/// requested. With a delay of 0 it is the default strategy, which just holds the ETH.</summary>
public sealed class WithdrawalQueueStrategy(ulong delayBlocks) : IRestakingStrategy
{
    private readonly Dictionary<Address, (UInt256 Amount, ulong? CompleteAt)> _positions = new();

    public string Name => delayBlocks == 0 ? "Holding" : $"WithdrawalQueue({delayBlocks} blocks)";
    public ulong DelayBlocks => delayBlocks;
    public UInt256 Held { get; private set; }

    public void Deposit(Address staker, UInt256 amount, ulong block)
    {
        _positions[staker] = (amount, null);
        Held += amount;
    }

    public ulong RequestUnrestake(Address staker, ulong block)
    {
        var p = _positions[staker];
        // A second request (a slash after a withdraw) keeps the earlier completion: the queue already holds it.
        var at = p.CompleteAt ?? checked(block + delayBlocks);
        _positions[staker] = (p.Amount, at);
        return at;
    }

    public bool IsUnrestaked(Address staker, ulong block) =>
        _positions.TryGetValue(staker, out var p) && p.CompleteAt is { } at && block >= at;

    public void Release(Address staker)
    {
        if (_positions.Remove(staker, out var p)) Held -= p.Amount;
    }

    /// <summary>The default strategy of PROTOCOL.md: holds the ETH, un-restaking completes at once.</summary>
    public static WithdrawalQueueStrategy Holding() => new(0);
}
