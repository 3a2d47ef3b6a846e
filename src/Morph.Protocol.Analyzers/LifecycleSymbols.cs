using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Morph.Protocol.Analyzers
{
    /// <summary>A trigger as [LifecycleTrigger] describes it on a generated CanFire{T}/Fire{T}.</summary>
    internal sealed class TriggerInfo
    {
        public TriggerInfo(string lifecycle, string trigger, int kind, string? pays, string? waives, bool slashes, ImmutableArray<string> causes)
        {
            Lifecycle = lifecycle; Trigger = trigger; Kind = kind; Pays = pays; Waives = waives; Slashes = slashes; Causes = causes;
        }
        public string Lifecycle { get; }
        public string Trigger { get; }
        /// <summary>TriggerKind: 0 External, 1 Time, 2 Internal.</summary>
        public int Kind { get; }
        public string? Pays { get; }
        public string? Waives { get; }
        public bool Slashes { get; }
        public ImmutableArray<string> Causes { get; }
        /// <summary>Money may leave on this trigger: it pays, or lifts a lock.</summary>
        public bool Releases => Pays != null || Waives != null;
        public string KindName => Kind == 1 ? "time" : Kind == 2 ? "internal" : "external";
    }

    /// <summary>A call that tests or fires a trigger: the typed <c>CanFire{T}</c>/<c>Fire{T}</c>, or the untyped
    /// <c>CanFire(LTrigger.T)</c>/<c>Fire(LTrigger.T)</c> with a constant trigger (resolved through the typed method of
    /// the same host, which carries the metadata).</summary>
    internal sealed class TriggerCall
    {
        public TriggerCall(IInvocationOperation invocation, TriggerInfo trigger, bool isCanFire)
        {
            Invocation = invocation; Trigger = trigger; IsCanFire = isCanFire;
        }
        public IInvocationOperation Invocation { get; }
        public TriggerInfo Trigger { get; }
        public bool IsCanFire { get; }
    }

    /// <summary>The attribute types of the lifecycle runtime, looked up once per compilation; null when the compilation
    /// does not see the runtime (the analyzers then do nothing).</summary>
    internal sealed class LifecycleSymbols
    {
        private const string Ns = "Morph.Protocol.Lifecycles.";

        private LifecycleSymbols(Compilation c)
        {
            Trigger = c.GetTypeByMetadataName(Ns + "LifecycleTriggerAttribute");
            Guard = c.GetTypeByMetadataName(Ns + "LifecycleGuardAttribute");
            Payout = c.GetTypeByMetadataName(Ns + "PayoutAttribute");
            SlashEffect = c.GetTypeByMetadataName(Ns + "SlashEffectAttribute");
            WaiverPath = c.GetTypeByMetadataName(Ns + "WaiverPathAttribute");
            TimeStep = c.GetTypeByMetadataName(Ns + "TimeStepAttribute");
            ContractOperation = c.GetTypeByMetadataName(Ns + "ContractOperationAttribute");
            ContractRefusals = c.GetTypeByMetadataName("Morph.Protocol.Contracts.IContractRefusals`2");
        }

        public INamedTypeSymbol? Trigger { get; }
        public INamedTypeSymbol? Guard { get; }
        public INamedTypeSymbol? Payout { get; }
        public INamedTypeSymbol? SlashEffect { get; }
        public INamedTypeSymbol? WaiverPath { get; }
        public INamedTypeSymbol? TimeStep { get; }
        public INamedTypeSymbol? ContractOperation { get; }
        public INamedTypeSymbol? ContractRefusals { get; }

        public static LifecycleSymbols? Create(Compilation c)
        {
            var s = new LifecycleSymbols(c);
            return s.Trigger is null ? null : s;
        }

        public static bool Has(ISymbol symbol, INamedTypeSymbol? attribute) =>
            attribute != null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

        public AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attribute) =>
            attribute == null ? null : symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

        public TriggerInfo? TriggerOf(IMethodSymbol method)
        {
            var a = Find(method.OriginalDefinition, Trigger);
            if (a == null || a.ConstructorArguments.Length < 3) return null;
            string? pays = null, waives = null; bool slashes = false; var causes = ImmutableArray<string>.Empty;
            foreach (var n in a.NamedArguments)
            {
                switch (n.Key)
                {
                    case "Pays": pays = n.Value.Value as string; break;
                    case "Waives": waives = n.Value.Value as string; break;
                    case "Slashes": slashes = n.Value.Value is true; break;
                    case "Causes": causes = n.Value.Kind == TypedConstantKind.Array ? n.Value.Values.Select(v => v.Value as string ?? "").ToImmutableArray() : causes; break;
                }
            }
            return new TriggerInfo((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!,
                a.ConstructorArguments[2].Value is int k ? k : 0, pays, waives, slashes, causes);
        }

        /// <summary>The trigger a call tests or fires, or null when it is no such call.</summary>
        public TriggerCall? Classify(IInvocationOperation inv)
        {
            var m = inv.TargetMethod;
            bool can = m.Name.StartsWith("CanFire", System.StringComparison.Ordinal);
            if (!can && !m.Name.StartsWith("Fire", System.StringComparison.Ordinal)) return null;
            var typed = TriggerOf(m);
            if (typed != null) return new TriggerCall(inv, typed, can);
            // Untyped: CanFire(LTrigger.T, ...) / Fire(LTrigger.T) with a constant enum member.
            if ((m.Name != "Fire" && m.Name != "CanFire") || inv.Arguments.Length == 0) return null;
            var arg = Strip(inv.Arguments[0].Value);
            if (arg is not IFieldReferenceOperation { Field: { HasConstantValue: true, ContainingType.TypeKind: TypeKind.Enum } field }) return null;
            foreach (var candidate in m.ContainingType.GetMembers(m.Name + field.Name))
                if (candidate is IMethodSymbol cm && TriggerOf(cm) is { } t) return new TriggerCall(inv, t, can);
            return null;
        }

        public static IOperation Strip(IOperation op)
        {
            while (true)
            {
                switch (op)
                {
                    case IConversionOperation c: op = c.Operand; continue;
                    case IParenthesizedOperation p: op = p.Operand; continue;
                    default: return op;
                }
            }
        }

        /// <summary>Whether two receivers denote the same entity: the same local, parameter, field or property (on the
        /// same receiver), or both <c>this</c>. Anything else (an indexer, a call) is never the same.</summary>
        public static bool SameReceiver(IOperation? a, IOperation? b)
        {
            a = a == null ? null : Strip(a); b = b == null ? null : Strip(b);
            if (a == null || b == null) return (a == null || a is IInstanceReferenceOperation) && (b == null || b is IInstanceReferenceOperation);
            switch (a)
            {
                case IInstanceReferenceOperation: return b is IInstanceReferenceOperation;
                case ILocalReferenceOperation la: return b is ILocalReferenceOperation lb && SymbolEqualityComparer.Default.Equals(la.Local, lb.Local);
                case IParameterReferenceOperation pa: return b is IParameterReferenceOperation pb && SymbolEqualityComparer.Default.Equals(pa.Parameter, pb.Parameter);
                case IFieldReferenceOperation fa: return b is IFieldReferenceOperation fb && SymbolEqualityComparer.Default.Equals(fa.Field, fb.Field) && SameReceiver(fa.Instance, fb.Instance);
                case IPropertyReferenceOperation qa:
                    return b is IPropertyReferenceOperation qb && qa.Arguments.Length == 0 && qb.Arguments.Length == 0
                        && SymbolEqualityComparer.Default.Equals(qa.Property, qb.Property) && SameReceiver(qa.Instance, qb.Instance);
                default: return false;
            }
        }
    }
}
