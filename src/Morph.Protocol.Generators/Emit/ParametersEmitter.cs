using System.Linq;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>The protocol parameters as an immutable record with the spec's defaults, and their descriptions.
    /// The rules that relate them are hand-written (ProtocolParameters.Validate).</summary>
    internal static class ParametersEmitter
    {
        public static string Emit(EquatableArrayOfParameters ps, string ns)
        {
            var w = new SourceWriter();
            w.Header("System.Collections.Generic", "Morph.Protocol", "Morph.Protocol.Primitives");
            w.Open("namespace " + ns);
            foreach (var p in ps.Items.Where(p => p.Kind == ParameterKind.Enum))
            {
                w.Doc(p.Doc);
                w.Line($"public enum {AbiTypeMapping.Pascal(p.Name)} {{ {string.Join(", ", p.EnumMembers)} }}");
                w.Line();
            }
            w.Doc("The protocol's parameters (spec 'parameters' block), with the devnet defaults.");
            w.Open("public sealed partial record ProtocolParameters");
            foreach (var p in ps.Items)
            {
                w.Doc($"{p.Doc} (default {p.Default})");
                if (p.Clock != null)
                    w.Line($"[global::Morph.Protocol.Lifecycles.Duration(global::Morph.Protocol.Lifecycles.LifecycleClock.{(p.Clock == "l1" ? "L1" : p.Clock == "l2" ? "L2" : "Epochs")})]");
                w.Line($"public {ClrType(p)} {AbiTypeMapping.Pascal(p.Name)} {{ get; init; }} = {Default(p)};");
                w.Line();
            }
            w.Open("public static IReadOnlyList<ParameterInfo> Descriptions { get; } = new ParameterInfo[]");
            foreach (var p in ps.Items)
                w.Line($"new ParameterInfo({SourceWriter.Literal(p.Name)}, {SourceWriter.Literal(TypeName(p))}, {SourceWriter.Literal(p.Default)}, {SourceWriter.Literal(p.Doc)}),");
            w.Close(";");
            w.Line();
            w.Doc("The value of a uint parameter by its spec name (lock clauses name parameters).");
            w.Open("public UInt256 GetUInt(string name) => name switch");
            foreach (var p in ps.Items.Where(p => p.Kind == ParameterKind.UInt))
                w.Line($"{SourceWriter.Literal(p.Name)} => {(p.Bits == 256 ? AbiTypeMapping.Pascal(p.Name) : "(UInt256)(ulong)" + AbiTypeMapping.Pascal(p.Name))},");
            w.Line("_ => throw new KeyNotFoundException(\"no uint parameter '\" + name + \"'\"),");
            w.Close(";");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string TypeName(ParameterModel p) => p.Kind switch
        {
            ParameterKind.UInt => "uint" + p.Bits,
            ParameterKind.Bool => "bool",
            ParameterKind.Ratio => "ratio",
            _ => "enum",
        };

        private static string ClrType(ParameterModel p) => p.Kind switch
        {
            ParameterKind.UInt => p.Bits switch { 8 => "byte", 16 => "ushort", 32 => "uint", 64 => "ulong", _ => "UInt256" },
            ParameterKind.Bool => "bool",
            ParameterKind.Ratio => "Ratio",
            _ => AbiTypeMapping.Pascal(p.Name),
        };

        private static string Default(ParameterModel p) => p.Kind switch
        {
            ParameterKind.UInt when p.Bits == 256 => $"UInt256.Parse({SourceWriter.Literal(p.Default)})",
            ParameterKind.UInt => p.Default,
            ParameterKind.Bool => p.Default,
            ParameterKind.Ratio => $"new Ratio({p.Default.Split('/')[0]}, {p.Default.Split('/')[1]})",
            _ => $"{AbiTypeMapping.Pascal(p.Name)}.{p.Default}",
        };
    }

    /// <summary>The parameters as one pipeline value (equatable), so the record regenerates only when one changes.</summary>
    internal sealed record EquatableArrayOfParameters(Morph.Protocol.Spec.EquatableArray<ParameterModel> Items);
}
