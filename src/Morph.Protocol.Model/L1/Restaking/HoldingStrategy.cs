using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1.Restaking;

/// <summary>The default strategy (PROTOCOL.md section 2): it just holds the staked ETH, so an un-restaking is complete
/// in the block it is requested.</summary>
public sealed class HoldingStrategy : IRestakingStrategy
{
    private readonly Dictionary<Address, (UInt256 Amount, ulong? RequestedAt)> _stakes = new();

    public string Name => "Holding";
    public UInt256 Held { get; private set; }

    public void Deposit(Address staker, UInt256 amount, ulong block)
    {
        _stakes[staker] = (amount, null);
        Held += amount;
    }

    public BlockBoundary RequestUnrestake(Address staker, ulong block)
    {
        var s = _stakes[staker];
        var at = s.RequestedAt ?? block;
        _stakes[staker] = (s.Amount, at);
        return BlockBoundary.At(at);
    }

    public bool IsUnrestaked(Address staker, ulong block) => _stakes.TryGetValue(staker, out var s) && s.RequestedAt is { } at && block >= at;

    public void Release(Address staker)
    {
        if (_stakes.Remove(staker, out var s)) Held -= s.Amount;
    }
}
