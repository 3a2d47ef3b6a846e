namespace Morph.Protocol.Lifecycles;

// Markers the analyzers (src/Morph.Protocol.Analyzers, docs/diagnostics/MPA*.md) read from symbols: the spec says which
// triggers pay or slash, these say which hand-written methods move the money, so the two can be checked against
// each other at compile time.

/// <summary>The method moves value out (pays a stake, a reward, a deposit). A call to it must follow, in the calling
/// method, the firing of a trigger that pays or waives a lock (MPA003): money leaves only where the spec lets it.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PayoutAttribute : Attribute;

/// <summary>The method applies a slash to a ledger. A call to it must follow, in the calling method, the firing of a
/// slashing trigger (MPA004): the single-slash rule holds only if every slash goes through the lifecycle.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SlashEffectAttribute : Attribute;

/// <summary>The method is a path allowed to fire waiver triggers (<c>waives … because G</c>), which release money
/// before a lock ends: anywhere else such a firing is MPA011.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class WaiverPathAttribute : Attribute;

/// <summary>The method is the "time first" step of a block (PROTOCOL.md 1b): it applies what time made due before
/// any transaction, so it may fire time and internal triggers; it is never a transaction's entry path (MPA010).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TimeStepAttribute : Attribute;

/// <summary>On a member of a generated dispatch interface (<c>I{Contract}Operations&lt;TResult&gt;</c>): the contract
/// function it runs and what the spec maps to it (<c>-> L.T</c>, <c>event E on L.T</c>), so an analyzer can check
/// that an implementation fires those triggers and emits those events (MPA012). The generator emits it.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ContractOperationAttribute(string contract, string function) : Attribute
{
    public string Contract { get; } = contract;
    /// <summary>The function's signature, <c>withdraw()</c>.</summary>
    public string Function { get; } = function;
    /// <summary>The triggers the function fires, as <c>Lifecycle.Trigger</c>.</summary>
    public string[] Fires { get; init; } = [];
    /// <summary>The events the spec emits on those triggers, by name (the record is <c>{Contract}Contract.{Name}Event</c>).</summary>
    public string[] Emits { get; init; } = [];
}
