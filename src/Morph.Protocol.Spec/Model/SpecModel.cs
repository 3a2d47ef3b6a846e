namespace Morph.Protocol.Spec.Model
{
    // The bound spec: checked, resolved, and free of source positions, so that an edit elsewhere in a file
    // leaves these values equal and the generator's cache holds.

    public sealed record SpecModel(
        EquatableArray<ParameterModel> Parameters,
        EquatableArray<LifecycleModel> Lifecycles,
        EquatableArray<StructModel> Structs,
        EquatableArray<ContractModel> Contracts)
    {
        public EquatableArray<BoundModel> Bounds { get; init; } = EquatableArray<BoundModel>.Empty;
        /// <summary>The namespace of the parameters and of declarations in files without a <c>namespace</c>.</summary>
        public string RootNamespace { get; init; } = "Morph.Protocol";
    }

    /// <summary>A bound: at most <see cref="Limit"/> (a parameter) entities counted per <see cref="Key"/>, refused with <see cref="Rule"/>.</summary>
    public sealed record BoundModel(string Namespace, string Name, EquatableArray<FieldModel> Key, string Limit, string Rule, string? Doc)
    {
        public string ParametersNamespace { get; init; } = "Morph.Protocol";
    }

    /// <summary>The states in which an entity of a lifecycle counts toward a bound.</summary>
    public sealed record CountsModel(string Bound, EquatableArray<string> States)
    {
        /// <summary>The bound's namespace and key fields (taken from the entity's key, by name).</summary>
        public string BoundNamespace { get; init; } = "";
        public EquatableArray<string> BoundKey { get; init; } = EquatableArray<string>.Empty;
    }

    /// <summary>Trigger <see cref="Trigger"/> creates an entity in state <see cref="State"/>.</summary>
    public sealed record CreateModel(string Trigger, string State, string? Doc);

    public enum ParameterKind { UInt, Bool, Ratio, Enum }

    /// <summary>A protocol parameter. <see cref="Default"/> is normalised: a decimal integer (units applied),
    /// <c>num/den</c>, <c>true</c>/<c>false</c>, or the enum member.</summary>
    public sealed record ParameterModel(string Name, ParameterKind Kind, int Bits, EquatableArray<string> EnumMembers, string Default, string? Doc)
    {
        /// <summary>For a duration, the clock it is counted on: <c>l1</c>, <c>l2</c> or <c>epochs</c> (the value's unit
        /// l1blocks, l2blocks or epochs); null for anything else.</summary>
        public string? Clock { get; init; }
    }

    /// <summary>A lock (funds) or wait (penalty) of a lifecycle: parameter <see cref="Parameter"/>'s duration on
    /// <see cref="Clock"/>, started when one of <see cref="From"/> fires (or by the host, for <c>created</c>); its
    /// guard <see cref="GuardName"/> is generated, refusing with <see cref="Rule"/>.</summary>
    public sealed record LockModel(string Parameter, string GuardName, bool IsWait, string Clock, EquatableArray<string> From, string Rule, string? Doc)
    {
        /// <summary>A window: <see cref="GuardName"/> is {P}Open (refusing <see cref="Rule"/>), <see cref="ClosedGuard"/>
        /// {P}Closed (refusing <see cref="ClosedRule"/>).</summary>
        public bool IsWindow { get; init; }
        public string? ClosedGuard { get; init; }
        public string? ClosedRule { get; init; }
        public string Kind => IsWindow ? "window" : IsWait ? "wait" : "lock";
        public bool StartsAtCreation => System.Linq.Enumerable.Contains(From, "created");
    }

    public sealed record StateModel(string Name, bool IsInitial, bool IsTerminal, string? Doc);

    /// <summary>A guard bound to a hand-written partial method. A lock guard is generated from a
    /// <c>after lock P</c> clause and named <c>{P}Elapsed</c>. <see cref="Rule"/> names the refusal when it fails.</summary>
    public sealed record GuardModel(string Name, string? Doc, string? LockParameter, string Rule)
    {
        /// <summary>A guard that is a lock on an event (<c>event lock G</c>): it satisfies the payout rule like a lock.</summary>
        public bool IsEventLock { get; init; }
        /// <summary>The window whose generated guard this is ({P}Open or {P}Closed), or null.</summary>
        public string? Window { get; init; }

        /// <summary>What the guard reads from its trigger's arguments (by name; empty for a guard of state only).</summary>
        public EquatableArray<FieldModel> Parameters { get; init; } = EquatableArray<FieldModel>.Empty;
    }

    /// <summary>A trigger that carries arguments (<c>trigger Name(p: type, ...)</c>): they reach its guards typed,
    /// as a generated argument record, through Stateless's TriggerWithParameters.</summary>
    public sealed record TriggerModel(string Name, EquatableArray<FieldModel> Parameters, string? Doc)
    {
        /// <summary><c>External</c>, <c>Time</c> or <c>Internal</c> (the runtime's TriggerKind member).</summary>
        public string Kind { get; init; } = "External";
    }

    public sealed record TransitionModel(
        string Trigger, string From, string To,
        EquatableArray<string> Guards,
        bool ReleasesFunds, string? LockParameter, string? WaivedLock, bool Slash, string? Doc)
    {
        /// <summary><c>pays B</c>: what the transition moves out (stake, reward, deposit, ...).</summary>
        public string? Pays { get; init; }
        /// <summary><c>waives [lock P] because G</c>: the guard that justifies paying without the lock.</summary>
        public string? WaiverGuard { get; init; }
        /// <summary><c>causes L.T</c>: what this transition fires on other entities.</summary>
        public EquatableArray<string> Causes { get; init; } = EquatableArray<string>.Empty;
    }

    public sealed record LifecycleModel(
        string Namespace, string Name, string? Doc,
        EquatableArray<StateModel> States,
        EquatableArray<string> Triggers,
        EquatableArray<GuardModel> Guards,
        EquatableArray<TransitionModel> Transitions)
    {
        /// <summary>One instance (<c>lifecycle L singleton</c>): its host runs on the Stateless machine. Otherwise an
        /// entity: its host decides through the static transition function (no machine per instance).</summary>
        public bool IsSingleton { get; init; }

        /// <summary>Where ProtocolParameters lives (the root namespace), for the generated lock guards.</summary>
        public string ParametersNamespace { get; init; } = "Morph.Protocol";

        /// <summary>What identifies one entity (<c>key (…)</c>); empty when undeclared.</summary>
        public EquatableArray<FieldModel> Key { get; init; } = EquatableArray<FieldModel>.Empty;
        public EquatableArray<CountsModel> Counts { get; init; } = EquatableArray<CountsModel>.Empty;
        public EquatableArray<CreateModel> Creates { get; init; } = EquatableArray<CreateModel>.Empty;

        /// <summary>The locks and waits, whose guards the generator writes.</summary>
        public EquatableArray<LockModel> Locks { get; init; } = EquatableArray<LockModel>.Empty;

        /// <summary>The declared triggers (with arguments, a kind, or both); an undeclared trigger is external and takes none.</summary>
        public EquatableArray<TriggerModel> DeclaredTriggers { get; init; } = EquatableArray<TriggerModel>.Empty;

        /// <summary>The declared triggers with arguments (the others take none).</summary>
        public EquatableArray<TriggerModel> TypedTriggers => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Where(DeclaredTriggers, t => t.Parameters.Count > 0)).ToEquatableArray();

        public TriggerModel? TypedTrigger(string trigger)
        {
            foreach (var t in DeclaredTriggers) if (t.Name == trigger && t.Parameters.Count > 0) return t;
            return null;
        }

        /// <summary>The kind of a trigger (External when undeclared).</summary>
        public string KindOf(string trigger)
        {
            foreach (var t in DeclaredTriggers) if (t.Name == trigger) return t.Kind;
            return "External";
        }

        public string StateEnum => Name + "State";
        public string TriggerEnum => Name + "Trigger";
        public string GuardEnum => Name + "Guard";
    }

    public enum AbiKind { UInt, Int, Address, Bool, FixedBytes, Bytes, String, Array, Struct }

    /// <summary>A resolved Solidity type. Arrays carry their element; structs their name and fields.</summary>
    public sealed record AbiTypeModel(AbiKind Kind, int Size, AbiTypeModel? Element, string? StructName, EquatableArray<FieldModel> Fields)
    {
        /// <summary>The canonical ABI form, structs expanded to tuples: <c>(address,bytes32,bytes)[]</c>.</summary>
        public string Canonical => Kind switch
        {
            AbiKind.UInt => "uint" + Size,
            AbiKind.Int => "int" + Size,
            AbiKind.Address => "address",
            AbiKind.Bool => "bool",
            AbiKind.FixedBytes => "bytes" + Size,
            AbiKind.Bytes => "bytes",
            AbiKind.String => "string",
            AbiKind.Array => Element!.Canonical + (Size < 0 ? "[]" : "[" + Size + "]"),
            _ => "(" + string.Join(",", System.Linq.Enumerable.Select(Fields, f => f.Type.Canonical)) + ")",
        };

        public bool IsDynamic => Kind switch
        {
            AbiKind.Bytes or AbiKind.String => true,
            AbiKind.Array => Size < 0 || Element!.IsDynamic,
            AbiKind.Struct => System.Linq.Enumerable.Any(Fields, f => f.Type.IsDynamic),
            _ => false,
        };
    }

    public sealed record FieldModel(string Name, AbiTypeModel Type, bool Indexed);

    public sealed record StructModel(string Name, EquatableArray<FieldModel> Fields);

    public sealed record FunctionModel(
        string Name, string MemberName, string Signature, string Mutability,
        EquatableArray<FieldModel> Parameters, EquatableArray<FieldModel> Returns,
        EquatableArray<string> Triggers, bool IsQuery, bool IsExtension, string? Doc)
    {
        /// <summary>The first 4 bytes of keccak256(signature), big-endian.</summary>
        public uint Selector => SpecKeccak.Selector(Signature);

        /// <summary>The operation the model runs this function as (<c>runs Operation</c>), or null.</summary>
        public string? Operation { get; init; }

        /// <summary>The rule the model refuses this function with (<c>refused Rule</c>), or null.</summary>
        public string? RefusedRule { get; init; }
    }

    public sealed record EventModel(
        string Name, string MemberName, string Signature,
        EquatableArray<FieldModel> Parameters,
        EquatableArray<string> EmittedOn, bool IsExtension, string? Doc)
    {
        /// <summary>keccak256(signature): the log's first topic.</summary>
        public byte[] Topic0 => SpecKeccak.Hash(Signature);
    }

    public sealed record ContractModel(
        string Namespace, string Name, string? Doc,
        EquatableArray<FunctionModel> Functions,
        EquatableArray<EventModel> Events)
    {
        /// <summary>The contract's custom errors (<c>error</c> and <c>extension error</c> declarations).</summary>
        public EquatableArray<ErrorModel> Errors { get; init; } = EquatableArray<ErrorModel>.Empty;
    }

    /// <summary>A custom error: <c>Name(types)</c>, its selector the first 4 bytes of keccak256 of that signature.
    /// An extension error is the protocol's own: Morph's deployed contracts never revert with it.</summary>
    public sealed record ErrorModel(string Name, string MemberName, string Signature, EquatableArray<FieldModel> Parameters, bool IsExtension, string? Doc)
    {
        public uint Selector => SpecKeccak.Selector(Signature);
    }
}
