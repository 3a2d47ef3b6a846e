namespace Morph.Protocol.Tests.Generators;

/// <summary>Every lifecycle of PROTOCOL.md section 1b, written down here from the protocol's own arrows, against both
/// what the spec declares (the generated transition data) and what the generated Stateless machine is configured with.</summary>
[TestClass]
public sealed class ProtocolLifecycleTests
{
    private static readonly Dictionary<string, string[]> Protocol = new()
    {
        ["L1Staker"] = ["None>Whitelisted", "Whitelisted>None", "Whitelisted>Active", "Active>Exiting", "Exiting>None", "Active>Slashed", "Exiting>Slashed", "Slashed>Banned"],
        ["L2Staker"] = ["Eligible>Jailed", "Jailed>Eligible", "Eligible>Removed", "Jailed>Removed"],
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
        // Only a staker is slashed; a lost batch causes it (and reverts the later batches).
        CollectionAssert.AreEqual(new[] { "L1Staker.Slash:Active>Slashed", "L1Staker.Slash:Exiting>Slashed" }, Marked(t => t.Slash));
        // Every payout of PROTOCOL.md the lifecycles carry (prover share and refunds included), each with its lock or waiver.
        CollectionAssert.AreEqual(new[] { "Challenge.CancelByEarlierLoss:Open>Cancelled", "Challenge.ClaimReward:Won>Paid", "Challenge.Defend:Open>Defended",
                "Commission.ClaimCommission:Accruing>Accruing", "Delegation.ClaimReleased:Released>Withdrawn", "Delegation.ClaimReward:Active>Active",
                "Delegation.ClaimReward:Released>Released", "Delegation.ClaimReward:Withdrawn>Withdrawn", "L1Staker.ClaimWithdrawal:Exiting>None", "Redelegation.Claim:Claimable>Claimed", "Undelegation.Claim:Claimable>Claimed" },
            Marked(t => t.ReleasesFunds));
        CollectionAssert.AreEqual(new[] { "Challenge.CancelByEarlierLoss:Open>Cancelled", "Challenge.Defend:Open>Defended", "Delegation.ClaimReleased:Released>Withdrawn",
                "Undelegation.StakerRemoved:Locked>Claimable" },
            Marked(t => t.WaivedLock != null), "the waivers");
        Assert.AreEqual("withdrawalLockBlocks", SpecCatalog.Lifecycles.Single(l => l.Name == "L1Staker").Transitions.Single(t => t.Trigger == "ClaimWithdrawal").LockParameter);
    }

    /// <summary>The rules reach consuming code as metadata on the generated members (what an analyzer reads, with no
    /// .morph file at hand): a payout with its lock, a slash, a waiver with its guard, trigger kinds, guards' rules.</summary>
    [TestMethod]
    public void The_generated_members_carry_the_spec_as_attributes()
    {
        const System.Reflection.BindingFlags All = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        Morph.Protocol.Lifecycles.LifecycleTriggerAttribute Trigger(Type host, string method) =>
            (Morph.Protocol.Lifecycles.LifecycleTriggerAttribute)host.GetMethods(All).First(m => m.Name == method).GetCustomAttributes(typeof(Morph.Protocol.Lifecycles.LifecycleTriggerAttribute), false).Single();
        Morph.Protocol.Lifecycles.LifecycleGuardAttribute Guard(Type host, string method) =>
            (Morph.Protocol.Lifecycles.LifecycleGuardAttribute)host.GetMethod(method, All)!.GetCustomAttributes(typeof(Morph.Protocol.Lifecycles.LifecycleGuardAttribute), false).Single();

        var claim = Trigger(typeof(Morph.Protocol.L1.L1Staker), "FireClaimWithdrawal");
        Assert.AreEqual(("L1Staker", "ClaimWithdrawal", Morph.Protocol.Lifecycles.TriggerKind.External, "stake", "withdrawalLockBlocks", false),
            (claim.Lifecycle, claim.Trigger, claim.Kind, claim.Pays, claim.Lock, claim.Slashes));
        var slash = Trigger(typeof(Morph.Protocol.L1.L1Staker), "FireSlash");
        Assert.IsTrue(slash.Slashes);
        Assert.AreEqual(Morph.Protocol.Lifecycles.TriggerKind.Internal, slash.Kind);
        Assert.AreEqual(Morph.Protocol.Lifecycles.TriggerKind.Time, Trigger(typeof(Morph.Protocol.L1.L1Staker), "CanFireUnrestakeCompleted").Kind);
        CollectionAssert.AreEqual(new[] { "L1Staker.Slash", "Batch.RevertByEarlierLoss", "Challenge.CancelByEarlierLoss" },
            Trigger(typeof(Morph.Protocol.L1.Rollup.Batch), "FireSettle").Causes, "what a lost batch fires on other entities");
        var defend = Trigger(typeof(Morph.Protocol.L1.Rollup.Challenge), "FireDefend");
        Assert.AreEqual(("proverShare", "*", "BatchDefended"), (defend.Pays, defend.Waives, defend.WaiverGuard));

        var lockGuard = Guard(typeof(Morph.Protocol.L1.L1Staker), "WithdrawalLockBlocksElapsed");
        Assert.AreEqual(("LockNotExpired", "withdrawalLockBlocks"), (lockGuard.Rule, lockGuard.Lock));
        Assert.IsTrue(Guard(typeof(Morph.Protocol.L1.L1Staker), "UnrestakingDone").IsEventLock);
        Assert.AreEqual("WrongStakeAmount", Guard(typeof(Morph.Protocol.L1.L1Staker), "ExactStake").Rule);

        Morph.Protocol.Lifecycles.LifecycleClock? ClockOf(string property) =>
            (typeof(ProtocolParameters).GetProperty(property)!.GetCustomAttributes(typeof(Morph.Protocol.Lifecycles.DurationAttribute), false).SingleOrDefault()
                as Morph.Protocol.Lifecycles.DurationAttribute)?.Clock;
        Assert.AreEqual(Morph.Protocol.Lifecycles.LifecycleClock.L1, ClockOf(nameof(ProtocolParameters.WithdrawalLockBlocks)));
        Assert.AreEqual(Morph.Protocol.Lifecycles.LifecycleClock.Epochs, ClockOf(nameof(ProtocolParameters.UndelegateLockEpochs)));
        Assert.AreEqual(Morph.Protocol.Lifecycles.LifecycleClock.L2, ClockOf(nameof(ProtocolParameters.EpochLength)));
        Assert.IsNull(ClockOf(nameof(ProtocolParameters.StakingValue)), "an amount has no clock");
    }
}
