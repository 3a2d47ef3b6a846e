using Morph.Protocol.Spec.Diagnostics;

namespace Morph.Protocol.Spec.Syntax
{
    // The syntax tree of one spec file: what was written, with where. The binder checks it and turns it into
    // the span-free models that the emitters read.

    public sealed record SpecFileSyntax(
        string Path,
        EquatableArray<NamespaceSyntax> Namespaces,
        EquatableArray<ParametersSyntax> Parameters,
        EquatableArray<LifecycleSyntax> Lifecycles,
        EquatableArray<StructSyntax> Structs,
        EquatableArray<ContractSyntax> Contracts)
    {
        public EquatableArray<BoundSyntax> Bounds { get; init; } = EquatableArray<BoundSyntax>.Empty;
    }

    public sealed record Name(string Text, SourceSpan Span);

    /// <summary><c>bound B(p: type, …) at most P else Rule "doc";</c>: at most parameter P entities counted per key.</summary>
    public sealed record BoundSyntax(Name Name, EquatableArray<ParamSyntax> Key, Name Limit, Name? Rule, string? Doc);

    /// <summary><c>counts toward B while S1, S2;</c>: an entity in one of these states counts toward bound B.</summary>
    public sealed record CountsSyntax(Name Bound, EquatableArray<Name> States);

    /// <summary><c>create T -> S "doc";</c>: trigger T creates the entity in state S.</summary>
    public sealed record CreateSyntax(Name Trigger, Name State, string? Doc);

    public sealed record NamespaceSyntax(string Value, SourceSpan Span);

    public sealed record ParametersSyntax(EquatableArray<ParameterSyntax> Items);

    public sealed record ParameterSyntax(Name Name, ParameterTypeSyntax Type, ValueSyntax Value, string? Doc);

    /// <summary><c>uint8..uint256</c>, <c>bool</c>, <c>ratio</c>, or <c>enum { A, B }</c>.</summary>
    public sealed record ParameterTypeSyntax(Name Keyword, EquatableArray<Name> EnumMembers);

    /// <summary>A default value: a number with an optional unit, a ratio <c>a/b</c>, true/false, or an enum member.</summary>
    public sealed record ValueSyntax(SourceSpan Span, string? Number, string? Unit, string? Denominator, string? Identifier);

    public sealed record LifecycleSyntax(
        Name Name, string? Doc,
        EquatableArray<StateSyntax> States,
        EquatableArray<TriggerSyntax> Triggers,
        EquatableArray<GuardSyntax> Guards,
        EquatableArray<TransitionSyntax> Transitions)
    {
        public EquatableArray<LockSyntax> Locks { get; init; } = EquatableArray<LockSyntax>.Empty;
        /// <summary><c>lifecycle L singleton</c>: one instance (its host runs on the Stateless machine).</summary>
        public bool IsSingleton { get; init; }
        /// <summary><c>key (p: type, …);</c>: what identifies one entity.</summary>
        public EquatableArray<ParamSyntax>? Key { get; init; }
        public Name? KeyKeyword { get; init; }
        public EquatableArray<CountsSyntax> Counts { get; init; } = EquatableArray<CountsSyntax>.Empty;
        public EquatableArray<CreateSyntax> Creates { get; init; } = EquatableArray<CreateSyntax>.Empty;
    }

    /// <summary><c>lock P on l1 from T1, T2 else Rule "doc";</c> (a funds lock) or <c>wait P on epochs from T;</c> (a
    /// penalty wait): parameter P's duration counted on a clock from the firing of the start triggers (or
    /// <c>from created</c>: the host starts it).</summary>
    public sealed record LockSyntax(Name Parameter, bool IsWait, Name Clock, EquatableArray<Name> From, Name? Rule, string? Doc)
    {
        /// <summary><c>window P on l1 from T open else R1 closed else R2</c>: a time window, not a lock; <see cref="Rule"/>
        /// is the open guard's rule, this the closed guard's.</summary>
        public bool IsWindow { get; init; }
        public Name? ClosedRule { get; init; }
    }

    /// <summary><c>name: type</c>, a trigger's or a guard's parameter.</summary>
    public sealed record ParamSyntax(Name Name, TypeSyntax Type);

    /// <summary><c>trigger Name(p: type, ...) "doc";</c>: a trigger that carries arguments to its guards.</summary>
    public sealed record TriggerSyntax(Name Name, EquatableArray<ParamSyntax> Parameters, string? Doc)
    {
        /// <summary><c>external</c> (default), <c>time</c> or <c>internal</c>.</summary>
        public Name? Kind { get; init; }
    }

    public sealed record StateSyntax(Name Name, bool Initial, bool Terminal, string? Doc);

    /// <summary><c>guard Name "doc" else Rule;</c>: the rule names the refusal when the guard fails.</summary>
    public sealed record GuardSyntax(Name Name, EquatableArray<ParamSyntax> Parameters, string? Doc, Name? Rule)
    {
        /// <summary><c>event lock G</c>: a guard that is a lock on an event (un-restaking completed, epoch closed).</summary>
        public bool IsEventLock { get; init; }
    }

    /// <summary><c>on Trigger: A | B -> C when G1, G2 releases funds after lock P else R slash "doc";</c> (or <c>waives
    /// lock P</c>). <see cref="LockRule"/> names the refusal while the lock runs (LockNotExpired when omitted).</summary>
    public sealed record TransitionSyntax(
        Name Trigger,
        EquatableArray<Name> From,
        Name To,
        EquatableArray<Name> Guards,
        Name? Pays,
        Name? Lock,
        Name? Waives,
        Name? WaivedLock,
        Name? WaiverGuard,
        bool Slash,
        string? Doc)
    {
        public bool ReleasesFunds => Pays != null;
        /// <summary><c>causes L.T, …</c>: triggers this transition fires on other entities (a settlement slashes stakers).</summary>
        public EquatableArray<TargetSyntax> Causes { get; init; } = EquatableArray<TargetSyntax>.Empty;
    }

    /// <summary>A Solidity type as written: a base name (elementary or struct) and array dimensions
    /// (null = dynamic <c>T[]</c>).</summary>
    public sealed record TypeSyntax(Name Base, EquatableArray<int?> Dimensions);

    public sealed record StructSyntax(Name Name, EquatableArray<FieldSyntax> Fields);

    public sealed record FieldSyntax(TypeSyntax Type, Name Name, bool Indexed);

    public sealed record ContractSyntax(
        Name Name, string? Doc,
        EquatableArray<FunctionSyntax> Functions,
        EquatableArray<EventSyntax> Events)
    {
        /// <summary>The contract's <c>error</c> declarations (custom errors, by signature).</summary>
        public EquatableArray<ErrorSyntax> Errors { get; init; } = EquatableArray<ErrorSyntax>.Empty;
    }

    /// <summary><c>error Name(type name, ...) "doc";</c> or <c>extension error ...</c> (protocol-only: the deployed
    /// contract never reverts with it).</summary>
    public sealed record ErrorSyntax(Name Name, bool Extension, EquatableArray<FieldSyntax> Parameters, string? Doc);

    public sealed record TargetSyntax(Name Lifecycle, Name Trigger);

    public sealed record FunctionSyntax(
        Name Name, bool Extension,
        EquatableArray<FieldSyntax> Parameters,
        string Mutability,
        EquatableArray<FieldSyntax>? Returns,
        Name? Alias,
        bool Query,
        EquatableArray<TargetSyntax> Targets,
        string? Doc)
    {
        /// <summary><c>runs Operation</c>: the model runs this function as that operation (the generated dispatcher
        /// calls it on the hand-written side).</summary>
        public Name? Runs { get; init; }

        /// <summary><c>refused Rule</c>: the model refuses this function with that rule (the description is the reason).</summary>
        public Name? Refused { get; init; }
    }

    public sealed record EventSyntax(
        Name Name, bool Extension,
        EquatableArray<FieldSyntax> Parameters,
        EquatableArray<TargetSyntax> EmittedOn,
        string? Doc);
}
