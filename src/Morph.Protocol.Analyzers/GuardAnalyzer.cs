using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Morph.Protocol.Analyzers
{
    /// <summary>Hand-written guards (the implementation of a generated <c>[LifecycleGuard]</c> partial method): one that
    /// cannot fail (MPA006) protects nothing; one that changes state (MPA007) breaks the machine, which evaluates guards
    /// more than once (Stateless evaluates every guard of every candidate; CanFire then Fire evaluates them twice).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GuardAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Methods that obviously mutate their receiver (collections, queues, builders): a guard calling one
        /// changes state. A heuristic: other calls are assumed pure.</summary>
        internal static readonly ImmutableHashSet<string> MutatingNames = ImmutableHashSet.Create(
            "Add", "AddRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "Clear", "Insert", "InsertRange", "Enqueue", "Dequeue",
            "TryDequeue", "Push", "Pop", "TryPop", "TryAdd", "TryRemove", "TryUpdate", "AddOrUpdate", "GetOrAdd", "Set", "SetItem", "Sort", "Reverse");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.GuardCannotFail, DiagnosticDescriptors.GuardHasSideEffects);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = LifecycleSymbols.Create(start.Compilation);
                if (symbols?.Guard == null) return;
                start.RegisterOperationBlockAction(block => Analyze(block, symbols));
            });
        }

        private static void Analyze(OperationBlockAnalysisContext context, LifecycleSymbols symbols)
        {
            if (context.OwningSymbol is not IMethodSymbol method) return;
            var guard = symbols.Find(method, symbols.Guard) ?? (method.PartialDefinitionPart is { } def ? symbols.Find(def, symbols.Guard) : null);
            if (guard == null || guard.ConstructorArguments.Length < 3) return;
            string lifecycle = guard.ConstructorArguments[0].Value as string ?? "", name = guard.ConstructorArguments[1].Value as string ?? "",
                rule = guard.ConstructorArguments[2].Value as string ?? "";
            foreach (var body in context.OperationBlocks.OfType<IBlockOperation>())
            {
                if (body.Operations.Length == 1 && body.Operations[0] is IReturnOperation { ReturnedValue: { } value }
                    && value.ConstantValue is { HasValue: true, Value: true })
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GuardCannotFail, method.Locations[0], lifecycle, name, rule));
                foreach (var op in body.Descendants())
                {
                    if (SideEffect(op, symbols) is { } what)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GuardHasSideEffects, op.Syntax.GetLocation(), lifecycle, name, what));
                        return;
                    }
                }
            }
        }

        /// <summary>What the operation changes outside the guard, or null: an assignment, ++/-- or compound assignment
        /// to a field, property, array element or event (locals are the guard's own); a call to a mutating collection
        /// method; a Fire; a call to a [Payout] or [SlashEffect] method.</summary>
        private static string? SideEffect(IOperation op, LifecycleSymbols symbols)
        {
            IOperation? target = op switch
            {
                IAssignmentOperation a => a.Target,
                IIncrementOrDecrementOperation i => i.Target,
                _ => null,
            };
            if (target != null)
            {
                target = LifecycleSymbols.Strip(target);
                return target is IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation or IEventReferenceOperation
                    ? "writes " + target.Syntax : null;
            }
            if (op is IInvocationOperation inv)
            {
                if (inv.Instance != null && MutatingNames.Contains(inv.TargetMethod.Name)) return "calls " + inv.TargetMethod.Name;
                if (symbols.Classify(inv) is { IsCanFire: false }) return "fires a trigger";
                if (LifecycleSymbols.Has(inv.TargetMethod.OriginalDefinition, symbols.Payout) || LifecycleSymbols.Has(inv.TargetMethod.OriginalDefinition, symbols.SlashEffect))
                    return "moves money";
            }
            return null;
        }
    }
}
