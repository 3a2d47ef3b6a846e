namespace Morph.Protocol.Tests.Generators;

/// <summary>Every lifecycle of PROTOCOL.md section 1b, written down here from the protocol's own arrows, against both
/// what the spec declares (the generated transition data) and what the generated Stateless machine is configured with.</summary>
[TestClass]
public sealed class ProtocolLifecycleTests
{
    private static readonly Dictionary<string, string[]> Protocol = new()
    {
        ["L1Staker"] = ["None>Whitelisted", "Whitelisted>None", "Whitelisted>Active", "Active>Exiting", "Exiting>None", "Active>Slashed", "Exiting>Slashed", "Slashed>Banned"],
        ["L2Staker"] = ["Present>Jailed", "Jailed>Present", "Present>Removed", "Jailed>Removed"],
        ["Undelegation"] = ["Locked>Claimable", "Claimable>Claimed"],
        ["Redelegation"] = ["Locked>Completed", "Locked>Claimable", "Claimable>Claimed"],
        ["Batch"] = ["Committed>Challenged", "Challenged>Committed", "Challenged>Reverted", "Committed>Reverted", "Committed>Finalized"],
        ["Challenge"] = ["Open>Defended", "Open>Won", "Won>Paid", "Open>Cancelled"],
        ["Epoch"] = ["Open>Closable", "Closable>Closed"],
        ["L2Chain"] = ["NotStarted>Running", "Running>Halted", "Halted>Running"],
        ["RollupMode"] = ["PreBls>Bls", "Bls>BlsHalted", "BlsHalted>Bls"],
    };

    public static IEnumerable<object[]> Lifecycles() => Protocol.Keys.Select(k => new object[] { k });

    [TestMethod]
    [DynamicData(nameof(Lifecycles))]
    public void The_spec_and_the_generated_machine_have_the_protocols_arrows(string name)
    {
        var l = SpecCatalog.Lifecycles.SingleOrDefault(x => x.Name == name);
        Assert.IsNotNull(l, $"the spec declares no lifecycle {name}");
        var expected = Protocol[name].Order().ToArray();
        var declared = l.Transitions.Select(t => $"{t.From}>{t.To}").Distinct().Order().ToArray();
        CollectionAssert.AreEqual(expected, declared, $"spec: {string.Join(", ", declared)}");
        var configured = l.Describe().States
            .SelectMany(s => s.FixedTransitions.Select(t => $"{s.UnderlyingState}>{t.DestinationState.UnderlyingState}"))
            .Distinct().Order().ToArray();
        CollectionAssert.AreEqual(expected, configured, $"machine: {string.Join(", ", configured)}");
    }

    [TestMethod]
    public void Slash_markers_and_fund_releases_sit_where_the_protocol_puts_them()
    {
        string[] Marked(Func<Morph.Protocol.Lifecycles.LifecycleTransition, bool> p) =>
            SpecCatalog.Lifecycles.SelectMany(l => l.Transitions.Where(p).Select(t => $"{l.Name}.{t.Trigger}:{t.From}>{t.To}")).Order().ToArray();
        CollectionAssert.AreEqual(new[] { "Batch.Settle:Challenged>Reverted", "L1Staker.Slash:Active>Slashed", "L1Staker.Slash:Exiting>Slashed" }, Marked(t => t.Slash));
        // Every payout of PROTOCOL.md the lifecycles carry (prover share and refunds included), each with its lock or waiver.
        CollectionAssert.AreEqual(new[] { "Challenge.CancelByEarlierLoss:Open>Cancelled", "Challenge.ClaimReward:Won>Paid", "Challenge.Defend:Open>Defended",
                "L1Staker.ClaimWithdrawal:Exiting>None", "Redelegation.Claim:Claimable>Claimed", "Undelegation.Claim:Claimable>Claimed" },
            Marked(t => t.ReleasesFunds));
        CollectionAssert.AreEqual(new[] { "Challenge.CancelByEarlierLoss:Open>Cancelled", "Challenge.Defend:Open>Defended", "Undelegation.StakerRemoved:Locked>Claimable" },
            Marked(t => t.WaivedLock != null), "the waivers");
        Assert.AreEqual("withdrawalLockBlocks", SpecCatalog.Lifecycles.Single(l => l.Name == "L1Staker").Transitions.Single(t => t.Trigger == "ClaimWithdrawal").LockParameter);
    }
}
