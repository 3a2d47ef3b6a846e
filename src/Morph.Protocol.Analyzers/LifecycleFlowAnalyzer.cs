using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Morph.Protocol.Analyzers
{
    /// <summary>Checks, on each method's control flow graph, that money moves only where the lifecycle allows it:
    /// Fire after a successful CanFire (MPA001/MPA002), payouts and slashes after their trigger (MPA003/MPA004), no
    /// time or internal trigger on a transaction's entry path (MPA010), waivers only on waiver paths (MPA011).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LifecycleFlowAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.UnguardedReleasingFire, DiagnosticDescriptors.UnguardedFire, DiagnosticDescriptors.PayoutWithoutRelease,
            DiagnosticDescriptors.SlashEffectWithoutSlash, DiagnosticDescriptors.SlashInRepeatingLoop, DiagnosticDescriptors.TimeTriggerOnEntryPath,
            DiagnosticDescriptors.WaiverOutsideWaiverPath);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = LifecycleSymbols.Create(start.Compilation);
                if (symbols == null) return;
                var sets = DuplicateFree.Create(start.Compilation);
                start.RegisterOperationBlockAction(block => AnalyzeBlock(block, symbols));
                start.RegisterOperationAction(op => AnalyzeLoop(op, symbols, sets), OperationKind.Invocation);
            });
        }

        private static void AnalyzeBlock(OperationBlockAnalysisContext context, LifecycleSymbols symbols)
        {
            if (context.OwningSymbol is not IMethodSymbol owner) return;
            foreach (var root in context.OperationBlocks)
            {
                // A method's blocks are its body (IBlockOperation) under an IMethodBodyOperation: parameter defaults and
                // attribute arguments are skipped.
                if (root.Kind != OperationKind.Block && root.Parent is not (IMethodBodyOperation or IConstructorBodyOperation)) continue;
                if (root.Parent is not (IMethodBodyOperation or IConstructorBodyOperation or IAnonymousFunctionOperation or null)) continue;
                // Most methods fire nothing and pay nothing: skip them before building a graph (the graph is the cost).
                if (!root.Descendants().Any(op => op is IInvocationOperation inv && Relevant(inv, symbols))) continue;
                var graph = context.GetControlFlowGraph(root);
                var sites = FlowGraph.Invocations(graph);
                var calls = new List<(FlowSite Site, TriggerCall Call)>();
                foreach (var s in sites)
                    if (symbols.Classify((IInvocationOperation)s.Operation) is { } call) calls.Add((s, call));
                var fires = calls.Where(c => !c.Call.IsCanFire).ToList();

                foreach (var (site, call) in fires)
                {
                    var t = call.Trigger;
                    var fire = call.Invocation;
                    bool guarded = FlowGraph.GuardedBy(site, inv => symbols.Classify(inv) is { IsCanFire: true } c
                        && c.Trigger.Lifecycle == t.Lifecycle && c.Trigger.Trigger == t.Trigger && LifecycleSymbols.SameReceiver(inv.Instance, fire.Instance));
                    if (!guarded)
                    {
                        var name = fire.TargetMethod.Name;
                        var check = "CanFire" + t.Trigger;
                        if (t.Releases || t.Slashes)
                            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnguardedReleasingFire, fire.Syntax.GetLocation(),
                                name, t.Lifecycle, t.Trigger, t.Slashes ? "slashes" : t.Pays != null ? "pays " + t.Pays : "waives a lock", check));
                        else
                            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnguardedFire, fire.Syntax.GetLocation(), name, t.Lifecycle, t.Trigger, check));
                    }
                    if (t.Waives != null && !LifecycleSymbols.Has(owner, symbols.WaiverPath))
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WaiverOutsideWaiverPath, fire.Syntax.GetLocation(), t.Lifecycle, t.Trigger, owner.Name));
                }

                // Payouts and slash effects: the calls TO marked methods are checked in the caller.
                foreach (var s in sites)
                {
                    var inv = (IInvocationOperation)s.Operation;
                    bool payout = LifecycleSymbols.Has(inv.TargetMethod.OriginalDefinition, symbols.Payout);
                    bool slash = LifecycleSymbols.Has(inv.TargetMethod.OriginalDefinition, symbols.SlashEffect);
                    if (payout && !fires.Any(f => f.Call.Trigger.Releases && FlowGraph.Dominates(f.Site, s)))
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PayoutWithoutRelease, inv.Syntax.GetLocation(), inv.TargetMethod.Name, owner.Name));
                    if (slash && !fires.Any(f => f.Call.Trigger.Slashes && FlowGraph.Dominates(f.Site, s)))
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SlashEffectWithoutSlash, inv.Syntax.GetLocation(), inv.TargetMethod.Name, owner.Name));
                }

                if (IsEntryPath(owner, symbols) && !LifecycleSymbols.Has(owner, symbols.TimeStep))
                {
                    var caused = new HashSet<string>(fires.SelectMany(f => f.Call.Trigger.Causes));
                    foreach (var (_, call) in fires)
                    {
                        var t = call.Trigger;
                        if (t.Kind == 1 || (t.Kind == 2 && !caused.Contains(t.Lifecycle + "." + t.Trigger)))
                            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TimeTriggerOnEntryPath, call.Invocation.Syntax.GetLocation(),
                                owner.Name, t.Lifecycle, t.Trigger, t.KindName));
                    }
                }
            }
        }

        private static bool Relevant(IInvocationOperation inv, LifecycleSymbols symbols)
        {
            var name = inv.TargetMethod.Name;
            if (name.StartsWith("Fire", System.StringComparison.Ordinal)) return symbols.Classify(inv) != null;
            var m = inv.TargetMethod.OriginalDefinition;
            return LifecycleSymbols.Has(m, symbols.Payout) || LifecycleSymbols.Has(m, symbols.SlashEffect);
        }

        /// <summary>A transaction's entry path: a method implementing a member of a generated dispatch interface
        /// (<c>I{Contract}Operations&lt;TResult&gt;</c>, recognised as an interface extending IContractRefusals).</summary>
        internal static bool IsEntryPath(IMethodSymbol method, LifecycleSymbols symbols) => OperationsMembers(method, symbols).Any();

        internal static IEnumerable<IMethodSymbol> OperationsMembers(IMethodSymbol method, LifecycleSymbols symbols)
        {
            if (symbols.ContractRefusals == null || method.ContainingType == null) yield break;
            foreach (var iface in method.ContainingType.AllInterfaces)
            {
                if (!iface.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, symbols.ContractRefusals))) continue;
                foreach (var member in iface.GetMembers().OfType<IMethodSymbol>())
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method)) yield return member;
            }
        }

        private static void AnalyzeLoop(OperationAnalysisContext context, LifecycleSymbols symbols, DuplicateFree sets)
        {
            var inv = (IInvocationOperation)context.Operation;
            if (symbols.Classify(inv) is not { IsCanFire: false, Trigger.Slashes: true } call) return;
            for (var p = inv.Parent; p != null; p = p.Parent)
            {
                if (p is ILocalFunctionOperation || p is IMethodBodyOperation) return;
                if (p is IForEachLoopOperation loop && !sets.Holds(loop.Collection))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SlashInRepeatingLoop, inv.Syntax.GetLocation(),
                        call.Trigger.Lifecycle, call.Trigger.Trigger, LifecycleSymbols.Strip(loop.Collection).Syntax.ToString()));
                    return;
                }
            }
        }
    }

    /// <summary>What counts as duplicate-free for a loop: a collection whose type is or implements ISet&lt;T&gt;,
    /// IReadOnlySet&lt;T&gt; or IImmutableSet&lt;T&gt; (HashSet, SortedSet, ImmutableHashSet, ImmutableSortedSet…), the
    /// keys of a dictionary, or a call to Distinct, ToHashSet, ToImmutableHashSet or ToImmutableSortedSet.</summary>
    internal sealed class DuplicateFree
    {
        private readonly INamedTypeSymbol?[] _setInterfaces;
        private readonly INamedTypeSymbol?[] _dictionaries;

        private DuplicateFree(Compilation c)
        {
            _setInterfaces = new[]
            {
                c.GetTypeByMetadataName("System.Collections.Generic.ISet`1"),
                c.GetTypeByMetadataName("System.Collections.Generic.IReadOnlySet`1"),
                c.GetTypeByMetadataName("System.Collections.Immutable.IImmutableSet`1"),
            };
            _dictionaries = new[]
            {
                c.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2"),
                c.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyDictionary`2"),
            };
        }

        public static DuplicateFree Create(Compilation c) => new DuplicateFree(c);

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol?[] interfaces) =>
            type != null && interfaces.Any(i => i != null && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, i)
                || type.AllInterfaces.Any(t => SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, i))));

        public bool Holds(IOperation collection)
        {
            var c = LifecycleSymbols.Strip(collection);
            if (c is IInvocationOperation inv && inv.TargetMethod.Name is "Distinct" or "DistinctBy" or "ToHashSet" or "ToImmutableHashSet" or "ToImmutableSortedSet" or "ToFrozenSet")
                return true;
            if (c is IPropertyReferenceOperation { Property.Name: "Keys" } keys && Is(keys.Instance?.Type, _dictionaries)) return true;
            return Is(c.Type, _setInterfaces);
        }
    }
}
