using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Morph.Protocol.L1;
using Morph.Protocol.L2;
using Stateless;

namespace Morph.Protocol.Benchmarks.Lifecycles;

/// <summary>Cheap entities (issue 15): one entity the Stateless way (a host object whose machine is built by
/// {Name}Lifecycle.Configure, as the generated host does) against the static way (a state field, guards read through
/// a struct, decided by the generated {Name}Transitions.TryFire); per entity, per CanFire decision, per Fire.
/// Undelegation (1 guard) and L1Staker (9 guards; Register evaluates 5).</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EntityLifecycleBenchmarks
{
    // ---- Undelegation ----

    /// <summary>As the generated host: the state in a property, the machine over it, guards as lambdas on the host.</summary>
    public sealed class StatelessUndelegation
    {
        private StateMachine<UndelegationState, UndelegationTrigger>? _lifecycle;
        public UndelegationState State { get; set; } = UndelegationLifecycle.Initial;
        public bool LockElapsed = true;

        public StateMachine<UndelegationState, UndelegationTrigger> Lifecycle
        {
            get
            {
                if (_lifecycle is null)
                {
                    _lifecycle = new StateMachine<UndelegationState, UndelegationTrigger>(() => State, s => State = s);
                    UndelegationLifecycle.Configure(_lifecycle, new Func<bool>[] { () => LockElapsed });
                }
                return _lifecycle;
            }
        }
    }

    /// <summary>The same entity, static: its state and its data; nothing per instance for the lifecycle.</summary>
    public sealed class StaticUndelegation
    {
        public UndelegationState State = UndelegationLifecycle.Initial;
        public bool LockElapsed = true;
    }

    public readonly struct UndelegationGuards(StaticUndelegation entry) : IUndelegationGuards
    {
        public bool Evaluate(UndelegationGuard guard) => guard switch
        {
            UndelegationGuard.UndelegateLockEpochsElapsed => entry.LockElapsed,
            _ => throw new ArgumentOutOfRangeException(nameof(guard)),
        };
    }

    // ---- L1Staker ----

    public sealed class StatelessL1Staker
    {
        private StateMachine<L1StakerState, L1StakerTrigger>? _lifecycle;
        public L1StakerState State { get; set; } = L1StakerState.Whitelisted;
        public bool[] Holds = Enumerable.Repeat(true, L1StakerLifecycle.GuardNames.Count).ToArray();

        public StateMachine<L1StakerState, L1StakerTrigger> Lifecycle
        {
            get
            {
                if (_lifecycle is null)
                {
                    _lifecycle = new StateMachine<L1StakerState, L1StakerTrigger>(() => State, s => State = s);
                    L1StakerLifecycle.Configure(_lifecycle, new Func<bool>[]
                    {
                        () => Holds[0], () => Holds[1], () => Holds[2], () => Holds[3], () => Holds[4],
                        () => Holds[5], () => Holds[6], () => Holds[7], () => Holds[8],
                    });
                }
                return _lifecycle;
            }
        }
    }

    public sealed class StaticL1Staker
    {
        public L1StakerState State = L1StakerState.Whitelisted;
        public bool[] Holds = Enumerable.Repeat(true, L1StakerLifecycle.GuardNames.Count).ToArray();
    }

    public readonly struct L1StakerGuards(StaticL1Staker staker) : IL1StakerGuards
    {
        public bool Evaluate(L1StakerGuard guard) => staker.Holds[(int)guard];
    }

    private StatelessUndelegation _statelessUndelegation = null!;
    private StaticUndelegation _staticUndelegation = null!;
    private StatelessL1Staker _statelessStaker = null!, _statelessExiting = null!;
    private StaticL1Staker _staticStaker = null!, _staticExiting = null!;

    [GlobalSetup]
    public void Setup()
    {
        _statelessUndelegation = new StatelessUndelegation();
        _ = _statelessUndelegation.Lifecycle;
        _staticUndelegation = new StaticUndelegation();
        _statelessStaker = new StatelessL1Staker();
        _ = _statelessStaker.Lifecycle;
        _staticStaker = new StaticL1Staker();
        // Exiting with the withdrawal lock still running: ClaimWithdrawal is refused by its first guard.
        _statelessExiting = new StatelessL1Staker { State = L1StakerState.Exiting };
        _statelessExiting.Holds[(int)L1StakerGuard.WithdrawalLockBlocksElapsed] = false;
        _ = _statelessExiting.Lifecycle;
        _staticExiting = new StaticL1Staker { State = L1StakerState.Exiting };
        _staticExiting.Holds[(int)L1StakerGuard.WithdrawalLockBlocksElapsed] = false;

        // Many entities, mixed: random states, triggers and guard outcomes (each guard holds 4 times in 5), the same
        // for both ways; the Fire arrays keep only what may fire. A fixed seed: the same mix on every run.
        var rng = new Random(15);
        var stakerStates = Enum.GetValues<L1StakerState>();
        var stakerTriggers = Enum.GetValues<L1StakerTrigger>();
        var undelegationStates = Enum.GetValues<UndelegationState>();
        var undelegationTriggers = Enum.GetValues<UndelegationTrigger>();
        _stakerMix = new StakerCase[Mixed];
        _stakerFireMix = new StakerCase[Mixed];
        _undelegationMix = new UndelegationCase[Mixed];
        _undelegationFireMix = new UndelegationCase[Mixed];
        for (int i = 0, fire = 0; i < Mixed || fire < Mixed;)
        {
            var c = new StakerCase(stakerStates[rng.Next(stakerStates.Length)], stakerTriggers[rng.Next(stakerTriggers.Length)],
                Enumerable.Range(0, L1StakerLifecycle.GuardNames.Count).Select(_ => rng.Next(5) != 0).ToArray());
            var guards = new L1StakerGuards(c.Static);
            var permitted = L1StakerTransitions.TryFire(c.State, c.Trigger, ref guards, out _, out _);
            if (i < Mixed) _stakerMix[i++] = c;
            else if (permitted && fire < Mixed) _stakerFireMix[fire++] = c;
        }
        for (int i = 0, fire = 0; i < Mixed || fire < Mixed;)
        {
            var c = new UndelegationCase(undelegationStates[rng.Next(undelegationStates.Length)], undelegationTriggers[rng.Next(undelegationTriggers.Length)], rng.Next(5) != 0);
            var guards = new UndelegationGuards(c.Static);
            var permitted = UndelegationTransitions.TryFire(c.State, c.Trigger, ref guards, out _, out _);
            if (i < Mixed) _undelegationMix[i++] = c;
            else if (permitted && fire < Mixed) _undelegationFireMix[fire++] = c;
        }
    }

    private const int Mixed = 1024;

    /// <summary>One entity both ways, in the same state with the same guard outcomes, and the trigger to decide.</summary>
    private sealed class StakerCase
    {
        public readonly L1StakerState State;
        public readonly L1StakerTrigger Trigger;
        public readonly StatelessL1Staker Stateless;
        public readonly StaticL1Staker Static;

        public StakerCase(L1StakerState state, L1StakerTrigger trigger, bool[] holds)
        {
            (State, Trigger) = (state, trigger);
            Stateless = new StatelessL1Staker { State = state, Holds = holds };
            _ = Stateless.Lifecycle;
            Static = new StaticL1Staker { State = state, Holds = holds };
        }
    }

    private sealed class UndelegationCase
    {
        public readonly UndelegationState State;
        public readonly UndelegationTrigger Trigger;
        public readonly StatelessUndelegation Stateless;
        public readonly StaticUndelegation Static;

        public UndelegationCase(UndelegationState state, UndelegationTrigger trigger, bool lockElapsed)
        {
            (State, Trigger) = (state, trigger);
            Stateless = new StatelessUndelegation { State = state, LockElapsed = lockElapsed };
            _ = Stateless.Lifecycle;
            Static = new StaticUndelegation { State = state, LockElapsed = lockElapsed };
        }
    }

    private StakerCase[] _stakerMix = null!, _stakerFireMix = null!;
    private UndelegationCase[] _undelegationMix = null!, _undelegationFireMix = null!;

    // ---- 1,024 entities, mixed: per decision, per fire (the figures that count: no constant folding, real branches) ----

    [Benchmark(Baseline = true, OperationsPerInvoke = Mixed), BenchmarkCategory("L1Staker: CanFire, 1,024 entities, mixed")]
    public int L1StakerCanFireMixedStateless()
    {
        int n = 0;
        foreach (var c in _stakerMix) if (c.Stateless.Lifecycle.CanFire(c.Trigger)) n++;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Mixed), BenchmarkCategory("L1Staker: CanFire, 1,024 entities, mixed")]
    public int L1StakerCanFireMixedStatic()
    {
        int n = 0;
        foreach (var c in _stakerMix)
        {
            var guards = new L1StakerGuards(c.Static);
            if (L1StakerTransitions.TryFire(c.Static.State, c.Trigger, ref guards, out _, out _)) n++;
        }
        return n;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Mixed), BenchmarkCategory("L1Staker: Fire, 1,024 entities, mixed")]
    public int L1StakerFireMixedStateless()
    {
        int n = 0;
        foreach (var c in _stakerFireMix)
        {
            c.Stateless.Lifecycle.Fire(c.Trigger);
            n += (int)c.Stateless.State;
            c.Stateless.State = c.State;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = Mixed), BenchmarkCategory("L1Staker: Fire, 1,024 entities, mixed")]
    public int L1StakerFireMixedStatic()
    {
        int n = 0;
        foreach (var c in _stakerFireMix)
        {
            var e = c.Static;
            var guards = new L1StakerGuards(e);
            if (!L1StakerTransitions.TryFire(e.State, c.Trigger, ref guards, out var next, out _)) throw new InvalidOperationException();
            e.State = next;
            n += (int)e.State;
            e.State = c.State;
        }
        return n;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Mixed), BenchmarkCategory("Undelegation: CanFire, 1,024 entities, mixed")]
    public int UndelegationCanFireMixedStateless()
    {
        int n = 0;
        foreach (var c in _undelegationMix) if (c.Stateless.Lifecycle.CanFire(c.Trigger)) n++;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Mixed), BenchmarkCategory("Undelegation: CanFire, 1,024 entities, mixed")]
    public int UndelegationCanFireMixedStatic()
    {
        int n = 0;
        foreach (var c in _undelegationMix)
        {
            var guards = new UndelegationGuards(c.Static);
            if (UndelegationTransitions.TryFire(c.Static.State, c.Trigger, ref guards, out _, out _)) n++;
        }
        return n;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Mixed), BenchmarkCategory("Undelegation: Fire, 1,024 entities, mixed")]
    public int UndelegationFireMixedStateless()
    {
        int n = 0;
        foreach (var c in _undelegationFireMix)
        {
            c.Stateless.Lifecycle.Fire(c.Trigger);
            n += (int)c.Stateless.State;
            c.Stateless.State = c.State;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = Mixed), BenchmarkCategory("Undelegation: Fire, 1,024 entities, mixed")]
    public int UndelegationFireMixedStatic()
    {
        int n = 0;
        foreach (var c in _undelegationFireMix)
        {
            var e = c.Static;
            var guards = new UndelegationGuards(e);
            if (!UndelegationTransitions.TryFire(e.State, c.Trigger, ref guards, out var next, out _)) throw new InvalidOperationException();
            e.State = next;
            n += (int)e.State;
            e.State = c.State;
        }
        return n;
    }

    // ---- one entity: the host object and, the Stateless way, its configured machine ----

    [Benchmark(Baseline = true), BenchmarkCategory("Undelegation: one entity")]
    public object UndelegationEntityStateless()
    {
        var e = new StatelessUndelegation();
        _ = e.Lifecycle;
        return e;
    }

    [Benchmark, BenchmarkCategory("Undelegation: one entity")]
    public object UndelegationEntityStatic() => new StaticUndelegation();

    [Benchmark(Baseline = true), BenchmarkCategory("L1Staker: one entity")]
    public object L1StakerEntityStateless()
    {
        var e = new StatelessL1Staker();
        _ = e.Lifecycle;
        return e;
    }

    [Benchmark, BenchmarkCategory("L1Staker: one entity")]
    public object L1StakerEntityStatic() => new StaticL1Staker();

    // ---- decisions: Undelegation.Mature from Locked (1 guard, holds) ----

    [Benchmark(Baseline = true), BenchmarkCategory("Undelegation: CanFire(Mature)")]
    public bool UndelegationCanFireStateless() => _statelessUndelegation.Lifecycle.CanFire(UndelegationTrigger.Mature);

    [Benchmark, BenchmarkCategory("Undelegation: CanFire(Mature)")]
    public bool UndelegationCanFireStatic()
    {
        var guards = new UndelegationGuards(_staticUndelegation);
        return UndelegationTransitions.TryFire(_staticUndelegation.State, UndelegationTrigger.Mature, ref guards, out _, out _);
    }

    /// <summary>Fire, then put the state back (a property set) so the next call fires again.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Undelegation: Fire(Mature)")]
    public UndelegationState UndelegationFireStateless()
    {
        var e = _statelessUndelegation;
        e.Lifecycle.Fire(UndelegationTrigger.Mature);
        var reached = e.State;
        e.State = UndelegationState.Locked;
        return reached;
    }

    [Benchmark, BenchmarkCategory("Undelegation: Fire(Mature)")]
    public UndelegationState UndelegationFireStatic()
    {
        var e = _staticUndelegation;
        var guards = new UndelegationGuards(e);
        if (!UndelegationTransitions.TryFire(e.State, UndelegationTrigger.Mature, ref guards, out var next, out _)) throw new InvalidOperationException();
        e.State = next;
        var reached = e.State;
        e.State = UndelegationState.Locked;
        return reached;
    }

    // ---- decisions: L1Staker.Register from Whitelisted (5 guards, all hold) ----

    [Benchmark(Baseline = true), BenchmarkCategory("L1Staker: CanFire(Register)")]
    public bool L1StakerCanFireStateless() => _statelessStaker.Lifecycle.CanFire(L1StakerTrigger.Register);

    [Benchmark, BenchmarkCategory("L1Staker: CanFire(Register)")]
    public bool L1StakerCanFireStatic()
    {
        var guards = new L1StakerGuards(_staticStaker);
        return L1StakerTransitions.TryFire(_staticStaker.State, L1StakerTrigger.Register, ref guards, out _, out _);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("L1Staker: Fire(Register)")]
    public L1StakerState L1StakerFireStateless()
    {
        var e = _statelessStaker;
        e.Lifecycle.Fire(L1StakerTrigger.Register);
        var reached = e.State;
        e.State = L1StakerState.Whitelisted;
        return reached;
    }

    [Benchmark, BenchmarkCategory("L1Staker: Fire(Register)")]
    public L1StakerState L1StakerFireStatic()
    {
        var e = _staticStaker;
        var guards = new L1StakerGuards(e);
        if (!L1StakerTransitions.TryFire(e.State, L1StakerTrigger.Register, ref guards, out var next, out _)) throw new InvalidOperationException();
        e.State = next;
        var reached = e.State;
        e.State = L1StakerState.Whitelisted;
        return reached;
    }

    // ---- a refusal with its failing guard: L1Staker.ClaimWithdrawal from Exiting, lock running ----

    /// <summary>As the host's CanFire(trigger, out failed): Stateless's unmet guards, the first mapped to the enum.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("L1Staker: CanFire(ClaimWithdrawal, out failed), refused")]
    public L1StakerGuard? L1StakerRefusalStateless() =>
        _statelessExiting.Lifecycle.CanFire(L1StakerTrigger.ClaimWithdrawal, out var unmet) ? null : L1StakerLifecycle.GuardOf(unmet.First());

    [Benchmark, BenchmarkCategory("L1Staker: CanFire(ClaimWithdrawal, out failed), refused")]
    public L1StakerGuard? L1StakerRefusalStatic()
    {
        var guards = new L1StakerGuards(_staticExiting);
        return L1StakerTransitions.TryFire(_staticExiting.State, L1StakerTrigger.ClaimWithdrawal, ref guards, out _, out var failed) ? null : failed;
    }
}
