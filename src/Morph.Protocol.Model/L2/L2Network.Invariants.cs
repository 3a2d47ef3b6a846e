using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

public sealed partial class L2Network
{
    /// <summary>The invariants of PROTOCOL.md section 8 that L2 staking carries, recomputed naively from every entity
    /// (for tests and tools: it reads everything): 4 (the contract set is the top min(X, eligible)), the staking part
    /// of 2 (the staking account holds exactly its buckets), and the bookkeeping they rest on. Empty when all hold.</summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var broken = new List<string>();
        var st = Staking;

        // 4: the contract set, from scratch.
        var naive = st.PresentStakers.Where(s => s.IsEligible)
            .OrderByDescending(s => s.TotalDelegation).ThenBy(s => s.RegistrationNonce)
            .Take(Parameters.SequencerSetMaxSize).OrderBy(s => s.RegistrationNonce).Select(s => s.Address).ToList();
        if (!naive.SequenceEqual(ContractSet)) broken.Add($"4: contract set [{string.Join(", ", ContractSet)}] != top min(X, eligible) [{string.Join(", ", naive)}]");

        // Each present staker's total is the sum of its delegations.
        var sums = new Dictionary<ulong, UInt256>();
        foreach (var d in st.Delegations)
            if (d.Staker.IsPresent) sums[d.Staker.RegistrationNonce] = sums.GetValueOrDefault(d.Staker.RegistrationNonce) + d.Amount;
        foreach (var s in st.PresentStakers)
        {
            if (sums.GetValueOrDefault(s.RegistrationNonce) != s.TotalDelegation) broken.Add($"total of {s.Address}#{s.RegistrationNonce} {s.TotalDelegation} != Σ delegations {sums.GetValueOrDefault(s.RegistrationNonce)}");
            if (s.TotalHistory.Latest != s.TotalDelegation) broken.Add($"6 (checkpoints): {s.Address}'s last checkpoint {s.TotalHistory.Latest} != total {s.TotalDelegation}");
        }

        // 2, the staking account: active delegations + pending and claimable entries + released, unclaimed delegations.
        var active = st.PresentStakers.Aggregate(UInt256.Zero, (a, s) => a + s.TotalDelegation);
        var pending = st.Entries.Where(e => e.IsPending).Aggregate(UInt256.Zero, (a, e) => a + e.Amount);
        var released = st.Delegations.Where(d => !d.Staker.IsPresent && d.State != DelegationState.Withdrawn).Aggregate(UInt256.Zero, (a, d) => a + d.Amount);
        if (active != st.ActiveDelegations) broken.Add($"2: active delegations {active} != tracked {st.ActiveDelegations}");
        if (pending != st.PendingEntryAmounts) broken.Add($"2: pending entries {pending} != tracked {st.PendingEntryAmounts}");
        if (released != st.ReleasedUnclaimed) broken.Add($"2: released unclaimed {released} != tracked {st.ReleasedUnclaimed}");
        var held = Token.BalanceOf(Genesis.StakingAddress);
        if (active + pending + released != held) broken.Add($"2: the staking account holds {held} MORPH, its buckets sum to {active + pending + released} (active {active}, entries {pending}, released {released})");

        // 2, the distribution account: unclaimed commission + reward liabilities and dust + unallocated funds.
        var dist = Distribution;
        var commission = st.Incarnations.Aggregate(UInt256.Zero, (a, s) => a + s.Commission.Unclaimed);
        if (commission != dist.UnclaimedCommission) broken.Add($"2: unclaimed commission {commission} != tracked {dist.UnclaimedCommission}");
        var distHeld = Token.BalanceOf(Genesis.DistributionAddress);
        if (dist.UnclaimedCommission + dist.RewardsHeld + dist.Unallocated != distHeld)
            broken.Add($"2: the distribution account holds {distHeld} MORPH, its buckets sum to {dist.UnclaimedCommission + dist.RewardsHeld + dist.Unallocated}");
        var liabilities = st.Delegations.Aggregate(UInt256.Zero, (a, d) => a + dist.PendingReward(d));
        if (liabilities > dist.RewardsHeld) broken.Add($"2: delegators can claim {liabilities}, only {dist.RewardsHeld} was credited and not paid (dust would be negative)");
        if (dist.RewardsPaid + dist.CommissionPaid > dist.RewardsOfClosedEpochs) broken.Add($"2: paid {dist.RewardsPaid} + {dist.CommissionPaid} > Σ R of closed epochs {dist.RewardsOfClosedEpochs}");

        // The bound counts exactly the pending entries of each (delegator, incarnation it leaves).
        foreach (var g in st.Entries.Where(e => e.IsPending).GroupBy(e => e.BoundKey))
        {
            if (st.PendingEntries.Count(g.Key) != (ulong)g.Count()) broken.Add($"bound PendingEntries: {g.Key} counts {st.PendingEntries.Count(g.Key)}, entries {g.Count()}");
            if ((ulong)g.Count() > Parameters.MaxPendingEntries) broken.Add($"bound PendingEntries: {g.Key} holds {g.Count()} > maxPendingEntries");
        }
        if (st.PendingEntries.KeyCount != st.Entries.Where(e => e.IsPending).Select(e => e.BoundKey).Distinct().Count()) broken.Add("bound PendingEntries counts keys with no pending entry");

        // Halt: a running chain's consensus set is never empty for the open block unless it is the one block after an empty set.
        if (!IsHalted && st.EligibleCount == 0 && _emptyAtEndOf is null && Height > 1 && ContractSetAtEndOf(Height - 1).IsEmpty)
            broken.Add("L2Chain: the set ended empty but no halt is pending");
        return broken;
    }
}
