using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L1;

/// <summary>All ETH the L1 contracts hold, in the disjoint buckets of invariant 1 (PROTOCOL.md section 8).
/// Every movement goes through a named method, so a bucket changes only where a rule says so.</summary>
public sealed class EthLedger
{
    private readonly Dictionary<Address, UInt256> _claimable = new();
    private readonly Dictionary<Address, UInt256> _refunds = new();   // the refund part of _claimable

    public UInt256 Received { get; private set; }
    public UInt256 PaidOut { get; private set; }
    public UInt256 ActiveStakes { get; private set; }
    public UInt256 ExitingStakes { get; private set; }
    public UInt256 SlashedUnrestaking { get; private set; }
    public UInt256 OpenDeposits { get; private set; }
    /// <summary>Deposits of challenges cancelled by an earlier loss, refundable at once.</summary>
    public UInt256 RefundableDeposits { get; private set; }
    /// <summary>Challenger rewards (pending or matured) and prover rewards not yet claimed.</summary>
    public UInt256 UnclaimedRewards { get; private set; }
    public UInt256 Treasury { get; private set; }

    /// <summary>What an address can claim from the rollup now (refunds, prover rewards, matured challenger rewards).</summary>
    public UInt256 ClaimableOf(Address a) => _claimable.GetValueOrDefault(a);

    public IEnumerable<KeyValuePair<Address, UInt256>> Claimables => _claimable;

    /// <summary>Every bucket is part of what was received, so an amount that fits beside <see cref="Received"/> fits
    /// every bucket it can ever reach: the one check an incoming amount needs before anything changes.</summary>
    internal ProtocolError? WouldOverflow(UInt256 incoming) => UInt256.TryAdd(Received, incoming, out _)
        ? null
        : new ProtocolError(ProtocolRule.ArithmeticOverflow, $"{incoming} wei more would overflow the {Received} wei the contracts have received (2^256 - 1 at most)");

    internal void StakeReceived(UInt256 amount) { Received += amount; ActiveStakes += amount; }
    internal void StakeToExiting(UInt256 amount) { ActiveStakes -= amount; ExitingStakes += amount; }
    [Payout] internal void ExitingPaid(UInt256 amount) { ExitingStakes -= amount; PaidOut += amount; }
    [SlashEffect] internal void StakeSlashed(UInt256 amount, bool wasExiting)
    {
        if (wasExiting) ExitingStakes -= amount; else ActiveStakes -= amount;
        SlashedUnrestaking += amount;
    }

    /// <summary>Slashed stakes whose un-restaking completed: the challenger's share becomes its reward, the rest the treasury's.</summary>
    internal void SlashMatured(UInt256 total, UInt256 challengerShare)
    {
        SlashedUnrestaking -= total;
        UnclaimedRewards += challengerShare;
        Treasury += total - challengerShare;
    }

    internal void DepositReceived(UInt256 amount) { Received += amount; OpenDeposits += amount; }

    /// <summary>A defended challenge: the prover share to the batch's submitter, the rest to the treasury.</summary>
    internal void DepositToProver(UInt256 deposit, Address submitter, UInt256 proverShare)
    {
        OpenDeposits -= deposit;
        UnclaimedRewards += proverShare;
        Treasury += deposit - proverShare;
        Credit(submitter, proverShare);
    }

    /// <summary>A won challenge: the deposit waits, with the slash share, until the un-restaking completes.</summary>
    internal void DepositToPendingReward(UInt256 deposit) { OpenDeposits -= deposit; UnclaimedRewards += deposit; }

    internal void DepositRefundable(UInt256 deposit, Address challenger)
    {
        OpenDeposits -= deposit;
        RefundableDeposits += deposit;
        Credit(challenger, deposit, refund: true);
    }

    /// <summary>A matured challenger reward (already in UnclaimedRewards) becomes claimable by the challenger.</summary>
    internal void RewardMatured(Address challenger, UInt256 amount) => Credit(challenger, amount);

    private void Credit(Address a, UInt256 amount, bool refund = false)
    {
        if (amount.IsZero) return;
        _claimable[a] = _claimable.GetValueOrDefault(a) + amount;
        if (refund) _refunds[a] = _refunds.GetValueOrDefault(a) + amount;
    }

    /// <summary>Pays out everything claimable by <paramref name="a"/>; returns the amount.</summary>
    [Payout] internal UInt256 PayClaimable(Address a)
    {
        var amount = _claimable.GetValueOrDefault(a);
        var refund = _refunds.GetValueOrDefault(a);
        _claimable.Remove(a);
        _refunds.Remove(a);
        RefundableDeposits -= refund;
        UnclaimedRewards -= amount - refund;
        PaidOut += amount;
        return amount;
    }

    /// <summary>Invariant 1: the buckets add up to what was received minus what was paid out.</summary>
    public bool Balances(out string detail)
    {
        var held = ActiveStakes + ExitingStakes + SlashedUnrestaking + OpenDeposits + RefundableDeposits + UnclaimedRewards + Treasury;
        var net = Received - PaidOut;
        detail = $"active {ActiveStakes} + exiting {ExitingStakes} + slashed {SlashedUnrestaking} + open deposits {OpenDeposits} + refundable {RefundableDeposits} + unclaimed rewards {UnclaimedRewards} + treasury {Treasury} = {held}; received {Received} - paid {PaidOut} = {net}";
        return held == net;
    }

    internal void WriteState(StateWriter w)
    {
        w.Write(Received); w.Write(PaidOut); w.Write(ActiveStakes); w.Write(ExitingStakes); w.Write(SlashedUnrestaking);
        w.Write(OpenDeposits); w.Write(RefundableDeposits); w.Write(UnclaimedRewards); w.Write(Treasury);
        foreach (var (a, v) in _claimable.OrderBy(k => k.Key)) { w.Write(a); w.Write(v); w.Write(_refunds.GetValueOrDefault(a)); }
    }
}
