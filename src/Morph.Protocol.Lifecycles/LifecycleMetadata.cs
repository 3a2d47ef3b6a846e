namespace Morph.Protocol.Lifecycles;

/// <summary>Who fires a trigger (the spec's <c>trigger T external|time|internal</c>): a transaction's entry path, the
/// "time first" step that applies what time made due, or another operation of the model.</summary>
public enum TriggerKind
{
    /// <summary>A transaction fires it (a contract function maps to it).</summary>
    External,
    /// <summary>Time makes it due (applied before any transaction of the block).</summary>
    Time,
    /// <summary>The model fires it as part of another operation (a settlement's revert, a halt).</summary>
    Internal,
}

/// <summary>On a host's generated CanFire{T}/Fire{T}: the trigger as the spec declares it, so that an analyzer in a
/// consuming project reads the rules from symbols, without the .morph files.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class LifecycleTriggerAttribute(string lifecycle, string trigger, TriggerKind kind) : Attribute
{
    public string Lifecycle { get; } = lifecycle;
    public string Trigger { get; } = trigger;
    public TriggerKind Kind { get; } = kind;
    /// <summary>What a transition on this trigger pays out (<c>pays B</c>), or null.</summary>
    public string? Pays { get; init; }
    /// <summary>The lock a transition on this trigger waits for (<c>after lock P</c>), or null.</summary>
    public string? Lock { get; init; }
    /// <summary>The lock this trigger waives (<c>*</c>: a payout due at once), or null.</summary>
    public string? Waives { get; init; }
    /// <summary>The guard that justifies the waiver.</summary>
    public string? WaiverGuard { get; init; }
    /// <summary>A transition on this trigger slashes.</summary>
    public bool Slashes { get; init; }
    /// <summary>The triggers (<c>Lifecycle.Trigger</c>) a transition on this trigger fires on other entities.</summary>
    public string[] Causes { get; init; } = [];
}

/// <summary>On a duration parameter of ProtocolParameters: the clock it counts on (its unit in the spec, l1blocks,
/// l2blocks or epochs), so code that adds it to a block or an epoch can be checked for mixing clocks.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DurationAttribute(LifecycleClock clock) : Attribute
{
    public LifecycleClock Clock { get; } = clock;
}

/// <summary>On a host's guard method: the guard, the rule it refuses with, and whether it is a lock.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class LifecycleGuardAttribute(string lifecycle, string guard, string rule) : Attribute
{
    public string Lifecycle { get; } = lifecycle;
    public string Guard { get; } = guard;
    public string Rule { get; } = rule;
    /// <summary>The lock or wait whose generated guard this is, or null.</summary>
    public string? Lock { get; init; }
    /// <summary>An event lock (<c>event lock G</c>).</summary>
    public bool IsEventLock { get; init; }
}
