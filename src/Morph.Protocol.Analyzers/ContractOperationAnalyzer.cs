using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Morph.Protocol.Analyzers
{
    /// <summary>MPA012: a method implementing a dispatch-interface member that carries [ContractOperation] must fire
    /// every trigger and create every event record the spec maps to the function, itself or through the methods it
    /// calls. Calls are followed to methods with source in this compilation, up to <see cref="MaxDepth"/> calls deep,
    /// including lambdas and method groups; calls through interfaces or virtual members are not followed. Each method
    /// is read once (its facts), the closure is taken at the end of the compilation.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContractOperationAnalyzer : DiagnosticAnalyzer
    {
        internal const int MaxDepth = 8;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.OperationMissesMapping);

        private sealed class Facts
        {
            public readonly HashSet<string> Fires = new HashSet<string>();
            public readonly HashSet<string> Creates = new HashSet<string>();
            public readonly HashSet<IMethodSymbol> Calls = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        }

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = LifecycleSymbols.Create(start.Compilation);
                if (symbols?.ContractOperation == null) return;
                var facts = new ConcurrentDictionary<IMethodSymbol, Facts>(SymbolEqualityComparer.Default);
                var handlers = new ConcurrentBag<(IMethodSymbol Handler, AttributeData Operation)>();
                start.RegisterOperationBlockAction(block =>
                {
                    if (block.OwningSymbol is not IMethodSymbol method) return;
                    var f = new Facts();
                    foreach (var root in block.OperationBlocks)
                        foreach (var op in root.DescendantsAndSelf())
                        {
                            switch (op)
                            {
                                case IInvocationOperation inv:
                                    f.Calls.Add(inv.TargetMethod.OriginalDefinition);
                                    if (symbols.Classify(inv) is { IsCanFire: false } call) f.Fires.Add(call.Trigger.Lifecycle + "." + call.Trigger.Trigger);
                                    break;
                                case IMethodReferenceOperation mr: f.Calls.Add(mr.Method.OriginalDefinition); break;
                                case IObjectCreationOperation oc when oc.Type != null: f.Creates.Add(oc.Type.Name); break;
                            }
                        }
                    facts[method.OriginalDefinition] = f;
                    foreach (var member in ImplementedMembers(method))
                        if (symbols.Find(member.OriginalDefinition, symbols.ContractOperation) is { } a) handlers.Add((method, a));
                });
                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var (handler, operation) in handlers)
                    {
                        var fires = new HashSet<string>(); var creates = new HashSet<string>();
                        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                        var frontier = new List<IMethodSymbol> { handler.OriginalDefinition };
                        for (int depth = 0; depth <= MaxDepth && frontier.Count > 0; depth++)
                        {
                            var next = new List<IMethodSymbol>();
                            foreach (var m in frontier)
                            {
                                if (!seen.Add(m) || !facts.TryGetValue(m, out var f)) continue;
                                fires.UnionWith(f.Fires); creates.UnionWith(f.Creates); next.AddRange(f.Calls);
                            }
                            frontier = next;
                        }
                        var function = operation.ConstructorArguments.Length > 1 ? operation.ConstructorArguments[1].Value as string ?? "" : "";
                        foreach (var n in operation.NamedArguments)
                        {
                            if (n.Value.Kind != TypedConstantKind.Array) continue;
                            foreach (var v in n.Value.Values.Select(x => x.Value as string).Where(x => x != null))
                            {
                                if (n.Key == "Fires" && !fires.Contains(v!))
                                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OperationMissesMapping, handler.Locations[0], handler.Name, function, "fires " + v));
                                if (n.Key == "Emits" && !creates.Contains(v + "Event"))
                                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OperationMissesMapping, handler.Locations[0], handler.Name, function, "emits " + v));
                            }
                        }
                    }
                });
            });
        }

        /// <summary>The interface members a method implements, explicitly or implicitly.</summary>
        private static IEnumerable<IMethodSymbol> ImplementedMembers(IMethodSymbol method)
        {
            foreach (var e in method.ExplicitInterfaceImplementations) yield return e;
            if (method.ContainingType == null || method.DeclaredAccessibility != Accessibility.Public) yield break;
            foreach (var iface in method.ContainingType.AllInterfaces)
                foreach (var member in iface.GetMembers(method.Name).OfType<IMethodSymbol>())
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method)) yield return member;
        }
    }
}
