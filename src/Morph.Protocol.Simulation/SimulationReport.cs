using Morph.Protocol.L2;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Simulation;

/// <summary>One staker in a report; amounts are raw integers as decimal strings (MORPH base units, wei).</summary>
public sealed record StakerReport(string Name, string Address, string L1State, string L2State, string Delegation, int CommissionBp,
    string UnclaimedCommission, string Debt, bool InL1Set, bool InL2Set);

/// <summary>A consensus set and the first L2 block it governs.</summary>
public sealed record SetChange(ulong From, string Set);

/// <summary>What <c>morph simulate</c> prints, as data (its <c>--json</c>): raw integers, no units.</summary>
public sealed record SimulationReport(int Seed, ulong L1Block, ulong L2Block, string StateHash, IReadOnlyList<StakerReport> Stakers,
    IReadOnlyList<SetChange> SetHistory, ulong EpochsClosed, string RewardsOfClosedEpochs, string RewardsPaid,
    string CommissionPaid, string RewardsHeld, string L2Treasury, string L1Treasury, long InvariantChecks, IReadOnlyList<string> Broken,
    int ActorRefusals, IReadOnlyList<StepOutcome> Steps)
{
    public static SimulationReport From(DefaultScenario run)
    {
        var n = run.Network;
        var l2 = n.L2!;
        var stakers = new List<StakerReport>();
        for (int i = 1; i <= DefaultScenario.StakerCount; i++)
        {
            var a = n.Staker(i).Address;
            var l1 = n.L1.Staking.Find(a);
            var s = l2.Staking.Present(a) ?? l2.Staking.Incarnations.LastOrDefault(x => x.Address == a);
            stakers.Add(new StakerReport(run.Name(a), a.ToString(), l1?.State.ToString() ?? "None (claimed)", s?.State.ToString() ?? "-",
                (s?.IsPresent == true ? s.TotalDelegation : UInt256.Zero).ToString(), s?.CommissionRate(l2.CurrentEpoch) ?? 0,
                (s?.Commission.Unclaimed ?? UInt256.Zero).ToString(), (s?.Debt ?? UInt256.Zero).ToString(),
                n.L1.Rollup.LatestSequencerSet.Contains(a), l2.ContractSet.Contains(a)));
        }
        var d = l2.Distribution;
        return new SimulationReport(n.Options.Seed, n.L1.Block, l2.Height, n.StateHash().ToString(), stakers,
            l2.ConsensusSetHistory.Select(x => new SetChange(x.From, string.Join(", ", x.Set.Select(run.Name)))).ToList(),
            d.LastClosedEpoch is { } c ? c + 1 : 0, d.RewardsOfClosedEpochs.ToString(), d.RewardsPaid.ToString(), d.CommissionPaid.ToString(),
            d.RewardsHeld.ToString(), l2.Token.BalanceOf(d.Treasury).ToString(), n.L1.Ledger.Treasury.ToString(), run.InvariantChecks,
            run.Broken, n.ActorRefusals.Count, run.Steps);
    }
}
