using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>A staker incarnation's commission (lifecycle Commission): credited at each close at rate(e), netted against
/// its debt at the close, claimed whole by its address. An old incarnation's stays claimable.</summary>
[Lifecycle("Commission")]
public sealed partial class CommissionAccount
{
    internal CommissionAccount(L2Staker staker) => Staker = staker;

    public L2Staker Staker { get; }
    public UInt256 Unclaimed { get; internal set; }
    public UInt256 Claimed { get; internal set; }
    public CommissionKey Key => new(Staker.Address, Staker.RegistrationNonce);

    internal UInt256 Claim()
    {
        if (!CanFireClaimCommission(out var failed)) throw L2Staking.Unvalidated("Commission.ClaimCommission", failed);
        FireClaimCommission();
        var paid = Unclaimed;
        Unclaimed = UInt256.Zero;
        Claimed += paid;
        return paid;
    }

    // Commission exists only once a close credited it (event lock EpochsClosed).
    private partial bool EpochsClosed() => !Unclaimed.IsZero;
}
