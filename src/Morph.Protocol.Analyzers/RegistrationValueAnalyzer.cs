using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Morph.Protocol.Analyzers
{
    /// <summary>MPA013: a payable registration sent through the SDK (a method of a type in <c>Morph.Protocol.Sdk</c> whose
    /// name contains <c>Register</c> and that takes the ETH as a <c>UInt256 value</c> parameter, as the generated
    /// <c>L1StakingService.RegisterAsync</c>/<c>RegisterWithProofAsync</c> and their AndWait/Estimate/Simulate forms do)
    /// with a constant 0 (<c>0</c>, <c>default</c>, <c>UInt256.Zero</c>, <c>new UInt256()</c>), or with any constant
    /// when the same method read stakingValue (a call to <c>StakingValueAsync</c> or a read of a <c>StakingValue</c>
    /// property): registration takes exactly stakingValue, and the contract refuses anything else after gas is spent.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RegistrationValueAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.WrongRegistrationValue);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(Analyze, OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context)
        {
            // Cheap tests first: the name, the namespace, the value parameter; only then the method around the call.
            var inv = (IInvocationOperation)context.Operation;
            var m = inv.TargetMethod;
            if (m.Name.IndexOf("Register", System.StringComparison.Ordinal) < 0) return;
            if (m.ContainingType?.ContainingNamespace?.ToDisplayString().StartsWith("Morph.Protocol.Sdk", System.StringComparison.Ordinal) != true) return;
            var value = inv.Arguments.FirstOrDefault(a => a.Parameter is { Name: "value", Type.Name: "UInt256" });
            if (value == null || value.ArgumentKind != ArgumentKind.Explicit || Constant(value.Value) is not { } c) return;
            if (c.IsZero)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WrongRegistrationValue, value.Syntax.GetLocation(), m.Name, "a constant 0"));
                return;
            }
            var root = (IOperation)inv;
            while (root.Parent != null) root = root.Parent;
            bool readStakingValue = root.DescendantsAndSelf().Any(o => o is IInvocationOperation { TargetMethod.Name: "StakingValueAsync" }
                || o is IPropertyReferenceOperation { Property.Name: "StakingValue" });
            if (readStakingValue)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WrongRegistrationValue, value.Syntax.GetLocation(), m.Name,
                    "the constant " + c + " although the method read stakingValue"));
        }

        /// <summary>The value of a constant UInt256 expression, or null.</summary>
        internal static BigInteger? Constant(IOperation op)
        {
            while (op is IConversionOperation or IParenthesizedOperation)
            {
                if (op.ConstantValue is { HasValue: true, Value: { } cv } && IsNumber(cv)) return ToBig(cv);
                op = op is IConversionOperation conv ? conv.Operand : ((IParenthesizedOperation)op).Operand;
            }
            if (op.ConstantValue is { HasValue: true, Value: { } v } && IsNumber(v)) return ToBig(v);
            if (op is IDefaultValueOperation) return BigInteger.Zero;
            if (op is IFieldReferenceOperation { Field.Name: "Zero", Field.IsStatic: true } or IPropertyReferenceOperation { Property.Name: "Zero", Property.IsStatic: true })
                return BigInteger.Zero;
            if (op is IObjectCreationOperation { Arguments.Length: 0, Initializer: null }) return BigInteger.Zero;
            return null;
        }

        private static bool IsNumber(object v) => v is int or uint or long or ulong or short or ushort or byte or sbyte;
        private static BigInteger ToBig(object v) => v is ulong u ? new BigInteger(u) : new BigInteger(System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture));
    }
}
