using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Morph.Protocol.Analyzers
{
    /// <summary>Guard names written as strings. The generated API takes them in <c>{L}Lifecycle.GuardOf(string)</c> and
    /// lists them in <c>{L}Lifecycle.GuardNames</c>; hand-written code may also compare <c>guard.ToString()</c> with a
    /// literal. A name that is no member of <c>{L}Guard</c> never matches (MPA008); a comparison of a valid one should
    /// compare the enum (MPA009, fixed by the code fix), so that a renamed guard is a compile error.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GuardNameAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.UnknownGuardName, DiagnosticDescriptors.GuardComparedAsString);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(AnalyzeBinary, OperationKind.Binary);
        }

        /// <summary>The guard enum of a lifecycle: <c>{L}Guard</c> beside a <c>{L}Lifecycle</c> type in one namespace.</summary>
        internal static INamedTypeSymbol? GuardEnum(INamedTypeSymbol? type)
        {
            if (type is not { TypeKind: TypeKind.Enum } || !type.Name.EndsWith("Guard", System.StringComparison.Ordinal)) return null;
            var lifecycle = type.Name.Substring(0, type.Name.Length - "Guard".Length);
            return type.ContainingNamespace.GetTypeMembers(lifecycle + "Lifecycle").Any() ? type : null;
        }

        internal static string LifecycleOf(INamedTypeSymbol guardEnum) => guardEnum.Name.Substring(0, guardEnum.Name.Length - "Guard".Length);

        internal static bool IsMember(INamedTypeSymbol guardEnum, string name) =>
            guardEnum.GetMembers(name).Any(m => m is IFieldSymbol { HasConstantValue: true });

        private static void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var inv = (IInvocationOperation)context.Operation;
            var m = inv.TargetMethod;
            INamedTypeSymbol? lifecycleType = null;
            IOperation? argument = null;
            if (m.Name == "GuardOf" && m.IsStatic && inv.Arguments.Length == 1) { lifecycleType = m.ContainingType; argument = inv.Arguments[0].Value; }
            else if (m.Name is "Contains" or "IndexOf" && inv.Instance is IPropertyReferenceOperation { Property.Name: "GuardNames" } names && inv.Arguments.Length >= 1)
            { lifecycleType = names.Property.ContainingType; argument = inv.Arguments[0].Value; }
            if (lifecycleType == null || argument?.ConstantValue is not { HasValue: true, Value: string text }) return;
            if (!lifecycleType.Name.EndsWith("Lifecycle", System.StringComparison.Ordinal)) return;
            var lifecycle = lifecycleType.Name.Substring(0, lifecycleType.Name.Length - "Lifecycle".Length);
            var guardEnum = GuardEnum(lifecycleType.ContainingNamespace.GetTypeMembers(lifecycle + "Guard").FirstOrDefault());
            if (guardEnum != null && !IsMember(guardEnum, text))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownGuardName, argument.Syntax.GetLocation(), text, lifecycle));
        }

        private static void AnalyzeBinary(OperationAnalysisContext context)
        {
            var b = (IBinaryOperation)context.Operation;
            if (b.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)) return;
            var (literal, other) = b.RightOperand.ConstantValue is { HasValue: true, Value: string } ? (b.RightOperand, b.LeftOperand) : (b.LeftOperand, b.RightOperand);
            if (literal.ConstantValue is not { HasValue: true, Value: string text }) return;
            if (GuardEnumOfToString(other) is not { } guardEnum) return;
            if (!IsMember(guardEnum, text))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownGuardName, literal.Syntax.GetLocation(), text, LifecycleOf(guardEnum)));
            else
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GuardComparedAsString, b.Syntax.GetLocation(), text, guardEnum.Name));
        }

        /// <summary>The guard enum of <c>g.ToString()</c> or <c>g?.ToString()</c>, or null.</summary>
        internal static INamedTypeSymbol? GuardEnumOfToString(IOperation operand)
        {
            var o = LifecycleSymbols.Strip(operand);
            if (o is IConditionalAccessOperation ca) o = ca.WhenNotNull;
            if (o is not IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0 } call || call.Instance == null) return null;
            var instance = call.Instance is IConditionalAccessInstanceOperation ? ((IConditionalAccessOperation)o.Parent!).Operation : call.Instance;
            var type = LifecycleSymbols.Strip(instance).Type as INamedTypeSymbol;
            if (type is { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }) type = type.TypeArguments[0] as INamedTypeSymbol;
            return GuardEnum(type);
        }
    }
}
