using Morph.Protocol.L1;
using Morph.Protocol.L2;
using Stateless;

namespace Morph.Protocol.Tests.Generators;

/// <summary>The generated static transition functions ({Name}Transitions.TryFire) against the Stateless machine
/// that {Name}Lifecycle.Configure builds, the definition and the oracle: for every lifecycle of the spec, every
/// state × trigger × assignment of the guard outcomes, the same decision (permitted or not, or Stateless's
/// exception), the same destination, and the same failing guard as the host's CanFire(trigger, out failed)
/// reports it (the first of Stateless's unmet guards).</summary>
[TestClass]
public sealed class TransitionFunctionTests
{
    /// <summary>Guard outcomes as a bit mask (bit i = the guard whose enum value is i), for every lifecycle at once;
    /// counts the evaluations.</summary>
    private struct Outcomes(int mask) :
        IL1StakerGuards, IBatchGuards, IChallengeGuards, IRollupModeGuards,
        IL2StakerGuards, IUndelegationGuards, IRedelegationGuards, IL2ChainGuards, IEpochGuards, IDelegationGuards, ICommissionGuards
    {
        public int Evaluated;
        private bool Holds(int guard) { Evaluated++; return (mask >> guard & 1) != 0; }
        public bool Evaluate(L1StakerGuard guard) => Holds((int)guard);
        public bool Evaluate(BatchGuard guard) => Holds((int)guard);
        public bool Evaluate(ChallengeGuard guard) => Holds((int)guard);
        public bool Evaluate(RollupModeGuard guard) => Holds((int)guard);
        public bool Evaluate(L2StakerGuard guard) => Holds((int)guard);
        public bool Evaluate(UndelegationGuard guard) => Holds((int)guard);
        public bool Evaluate(RedelegationGuard guard) => Holds((int)guard);
        public bool Evaluate(L2ChainGuard guard) => Holds((int)guard);
        public bool Evaluate(EpochGuard guard) => Holds((int)guard);
        public bool Evaluate(DelegationGuard guard) => Holds((int)guard);
        public bool Evaluate(CommissionGuard guard) => Holds((int)guard);
    }

    private delegate bool TryFireFn<TState, TTrigger, TGuard>(TState state, TTrigger trigger, ref Outcomes guards, out TState next, out TGuard? failed)
        where TGuard : struct;

    /// <summary>One decision: Stateless's exception (two transitions permitted at once), or permitted and where to,
    /// or refused and the guard that failed (null: the state has no transition on the trigger).</summary>
    private sealed record Decision<TState, TGuard>(bool Threw, bool Permitted, TState Next, TGuard? Failed) where TGuard : struct;

    private sealed record Comparison(string Lifecycle, int Cases, int Ambiguous, IReadOnlyList<string> Mismatches);

    private static Comparison Compare<TState, TTrigger, TGuard>(
        string name,
        Action<StateMachine<TState, TTrigger>, IReadOnlyList<Func<bool>>> configure,
        IReadOnlyList<string> guardNames,
        TryFireFn<TState, TTrigger, TGuard> tryFire,
        Func<TState, TTrigger, bool> isPermitted)
        where TState : struct, Enum where TTrigger : struct, Enum where TGuard : struct, Enum
    {
        // Configure takes guard i as GuardNames[i]; the guard enum has the same members in the same order.
        CollectionAssert.AreEqual(guardNames.ToArray(), Enum.GetNames<TGuard>(), name + ": GuardNames and the guard enum");
        Assert.IsTrue(guardNames.Count <= 16, name + ": 2^guards stays small");
        int cases = 0, ambiguous = 0;
        var mismatches = new List<string>();
        foreach (var state in Enum.GetValues<TState>())
        foreach (var trigger in Enum.GetValues<TTrigger>())
        for (int mask = 0; mask < 1 << guardNames.Count; mask++)
        {
            int statelessEvaluations = 0;
            var guards = Enumerable.Range(0, guardNames.Count)
                .Select(i => (Func<bool>)(() => { statelessEvaluations++; return (mask >> i & 1) != 0; })).ToArray();
            var machine = new StateMachine<TState, TTrigger>(state);
            configure(machine, guards);
            Decision<TState, TGuard> expected;
            try
            {
                expected = machine.CanFire(trigger, out var unmet)
                    ? new(false, true, Fire(machine, trigger), null)
                    : new(false, false, state, unmet is { Count: > 0 } ? Enum.Parse<TGuard>(unmet.First()) : null);
            }
            catch (InvalidOperationException) { expected = new(true, false, state, null); ambiguous++; }

            var outcomes = new Outcomes(mask);
            Decision<TState, TGuard> actual;
            try
            {
                var permitted = tryFire(state, trigger, ref outcomes, out var next, out var failed);
                actual = new(false, permitted, next, failed);
            }
            catch (InvalidOperationException) { actual = new(true, false, state, null); }

            var where = $"{name}: {state} --{trigger}--> with guards {Show(guardNames, mask)}";
            if (actual != expected) mismatches.Add($"{where}: Stateless {expected}, TryFire {actual}");
            if (isPermitted(state, trigger) != (expected.Threw || expected.Permitted || expected.Failed is not null))
                mismatches.Add($"{where}: IsPermitted is {isPermitted(state, trigger)}");
            if (outcomes.Evaluated > statelessEvaluations)
                mismatches.Add($"{where}: TryFire evaluated {outcomes.Evaluated} guards, Stateless {statelessEvaluations}");
            cases++;
        }
        return new Comparison(name, cases, ambiguous, mismatches);
    }

    private static TState Fire<TState, TTrigger>(StateMachine<TState, TTrigger> machine, TTrigger trigger)
    {
        machine.Fire(trigger);
        return machine.State;
    }

    private static string Show(IReadOnlyList<string> names, int mask) =>
        names.Count == 0 ? "(none)" : string.Join(", ", names.Select((n, i) => (mask >> i & 1) != 0 ? n : "!" + n));

    private static IEnumerable<Comparison> EveryLifecycle() =>
    [
        Compare<L1StakerState, L1StakerTrigger, L1StakerGuard>(L1StakerLifecycle.Name, L1StakerLifecycle.Configure, L1StakerLifecycle.GuardNames, L1StakerTransitions.TryFire, L1StakerTransitions.IsPermitted),
        Compare<BatchState, BatchTrigger, BatchGuard>(BatchLifecycle.Name, BatchLifecycle.Configure, BatchLifecycle.GuardNames, BatchTransitions.TryFire, BatchTransitions.IsPermitted),
        Compare<ChallengeState, ChallengeTrigger, ChallengeGuard>(ChallengeLifecycle.Name, ChallengeLifecycle.Configure, ChallengeLifecycle.GuardNames, ChallengeTransitions.TryFire, ChallengeTransitions.IsPermitted),
        Compare<RollupModeState, RollupModeTrigger, RollupModeGuard>(RollupModeLifecycle.Name, RollupModeLifecycle.Configure, RollupModeLifecycle.GuardNames, RollupModeTransitions.TryFire, RollupModeTransitions.IsPermitted),
        Compare<L2StakerState, L2StakerTrigger, L2StakerGuard>(L2StakerLifecycle.Name, L2StakerLifecycle.Configure, L2StakerLifecycle.GuardNames, L2StakerTransitions.TryFire, L2StakerTransitions.IsPermitted),
        Compare<UndelegationState, UndelegationTrigger, UndelegationGuard>(UndelegationLifecycle.Name, UndelegationLifecycle.Configure, UndelegationLifecycle.GuardNames, UndelegationTransitions.TryFire, UndelegationTransitions.IsPermitted),
        Compare<RedelegationState, RedelegationTrigger, RedelegationGuard>(RedelegationLifecycle.Name, RedelegationLifecycle.Configure, RedelegationLifecycle.GuardNames, RedelegationTransitions.TryFire, RedelegationTransitions.IsPermitted),
        Compare<L2ChainState, L2ChainTrigger, L2ChainGuard>(L2ChainLifecycle.Name, L2ChainLifecycle.Configure, L2ChainLifecycle.GuardNames, L2ChainTransitions.TryFire, L2ChainTransitions.IsPermitted),
        Compare<EpochState, EpochTrigger, EpochGuard>(EpochLifecycle.Name, EpochLifecycle.Configure, EpochLifecycle.GuardNames, EpochTransitions.TryFire, EpochTransitions.IsPermitted),
        Compare<DelegationState, DelegationTrigger, DelegationGuard>(DelegationLifecycle.Name, DelegationLifecycle.Configure, DelegationLifecycle.GuardNames, DelegationTransitions.TryFire, DelegationTransitions.IsPermitted),
        Compare<CommissionState, CommissionTrigger, CommissionGuard>(CommissionLifecycle.Name, CommissionLifecycle.Configure, CommissionLifecycle.GuardNames, CommissionTransitions.TryFire, CommissionTransitions.IsPermitted),
    ];

    [TestMethod]
    public void The_static_transition_function_decides_as_the_Stateless_machine_for_every_state_trigger_and_guard_outcome()
    {
        var comparisons = EveryLifecycle().ToList();
        CollectionAssert.AreEquivalent(SpecCatalog.Lifecycles.Select(l => l.Name).ToArray(), comparisons.Select(c => c.Lifecycle).ToArray(),
            "every lifecycle of the spec, once");
        var mismatches = comparisons.SelectMany(c => c.Mismatches).ToList();
        Assert.AreEqual(0, mismatches.Count, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.Take(20)));

        // states × triggers × 2^guards: L1Staker 6×8×512, Batch 4×5×64, Challenge 5×4×4, RollupMode 3×4×8,
        // L2Staker 3×4×8, Undelegation 3×3×2, Redelegation 4×2×8, L2Chain 3×3×4, Epoch 3×2×4.
        var counts = comparisons.ToDictionary(c => c.Lifecycle, c => c.Cases);
        Assert.AreEqual(24576, counts["L1Staker"]);
        Assert.AreEqual(36, counts["Undelegation"]);
        Assert.AreEqual(64, counts["Redelegation"]);
        Assert.AreEqual(26886, comparisons.Sum(c => c.Cases), string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}")));
        // Redelegation.Complete from Locked with the lock elapsed, TargetPresent and TargetGone all true: both
        // transitions permitted, Stateless throws, and so does TryFire. Nowhere else.
        Assert.AreEqual(1, comparisons.Sum(c => c.Ambiguous));
        Assert.AreEqual(1, comparisons.Single(c => c.Lifecycle == "Redelegation").Ambiguous);
    }

    /// <summary>The comparison can fail: a transition function that reports the second guarded transition's
    /// failing guard, or takes the first permitted transition without Stateless's ambiguity check, is caught.</summary>
    [TestMethod]
    public void The_comparison_catches_a_transition_function_that_differs()
    {
        bool WrongGuard(RedelegationState s, RedelegationTrigger t, ref Outcomes g, out RedelegationState n, out RedelegationGuard? f)
        {
            var ok = RedelegationTransitions.TryFire(s, t, ref g, out n, out f);
            if (f == RedelegationGuard.TargetPresent) f = RedelegationGuard.TargetGone;
            return ok;
        }
        bool NoAmbiguity(RedelegationState s, RedelegationTrigger t, ref Outcomes g, out RedelegationState n, out RedelegationGuard? f)
        {
            try { return RedelegationTransitions.TryFire(s, t, ref g, out n, out f); }
            catch (InvalidOperationException) { n = RedelegationState.Completed; f = null; return true; }
        }
        var wrongGuard = Compare<RedelegationState, RedelegationTrigger, RedelegationGuard>("Redelegation", RedelegationLifecycle.Configure,
            RedelegationLifecycle.GuardNames, WrongGuard, RedelegationTransitions.IsPermitted);
        Assert.AreEqual(1, wrongGuard.Mismatches.Count, string.Join("\n", wrongGuard.Mismatches));
        StringAssert.Contains(wrongGuard.Mismatches[0], "Locked --Complete--> with guards UndelegateLockEpochsElapsed, !TargetPresent, !TargetGone");
        var noAmbiguity = Compare<RedelegationState, RedelegationTrigger, RedelegationGuard>("Redelegation", RedelegationLifecycle.Configure,
            RedelegationLifecycle.GuardNames, NoAmbiguity, RedelegationTransitions.IsPermitted);
        Assert.AreEqual(1, noAmbiguity.Mismatches.Count, string.Join("\n", noAmbiguity.Mismatches));
        StringAssert.Contains(noAmbiguity.Mismatches[0], "Stateless Decision { Threw = True");
    }

    /// <summary>A guard that fails stops its transition: the ones after it are not evaluated (Stateless evaluates
    /// them all), and a trigger the state does not have evaluates none.</summary>
    [TestMethod]
    public void Guards_are_evaluated_lazily_in_spec_order()
    {
        var none = new Outcomes(0);
        Assert.IsFalse(L1StakerTransitions.TryFire(L1StakerState.Whitelisted, L1StakerTrigger.Register, ref none, out var next, out var failed));
        Assert.AreEqual((L1StakerState.Whitelisted, L1StakerGuard.ExactStake, 1), (next, failed, none.Evaluated));

        var all = new Outcomes(-1);
        Assert.IsTrue(L1StakerTransitions.TryFire(L1StakerState.Whitelisted, L1StakerTrigger.Register, ref all, out next, out failed));
        Assert.AreEqual((L1StakerState.Active, (L1StakerGuard?)null, 5), (next, failed, all.Evaluated));

        var untouched = new Outcomes(-1);
        Assert.IsFalse(L1StakerTransitions.TryFire(L1StakerState.Banned, L1StakerTrigger.Slash, ref untouched, out next, out failed));
        Assert.AreEqual((L1StakerState.Banned, (L1StakerGuard?)null, 0), (next, failed, untouched.Evaluated));
    }

    /// <summary>The target of issue 15: no allocation per transition for entity lifecycles.</summary>
    [TestMethod]
    public void Deciding_and_firing_allocates_nothing()
    {
        var undelegationStates = Enum.GetValues<UndelegationState>();
        var undelegationTriggers = Enum.GetValues<UndelegationTrigger>();
        var stakerStates = Enum.GetValues<L1StakerState>();
        var stakerTriggers = Enum.GetValues<L1StakerTrigger>();
        long Run(int rounds)
        {
            long permitted = 0;
            for (int r = 0; r < rounds; r++)
            {
                foreach (var state in undelegationStates)
                foreach (var trigger in undelegationTriggers)
                {
                    var g = new Outcomes(r & 1);
                    if (UndelegationTransitions.TryFire(state, trigger, ref g, out _, out _)) permitted++;
                }
                foreach (var state in stakerStates)
                foreach (var trigger in stakerTriggers)
                {
                    var g = new Outcomes(r % 3 == 0 ? -1 : r);
                    if (L1StakerTransitions.TryFire(state, trigger, ref g, out _, out _)) permitted++;
                }
            }
            return permitted;
        }
        Assert.IsTrue(Run(1000) > 0, "warm-up, and some triggers fire");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var fired = Run(1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(0, allocated, $"bytes allocated by {1000 * (undelegationStates.Length * undelegationTriggers.Length + stakerStates.Length * stakerTriggers.Length)} decisions ({fired} permitted)");
    }
}
