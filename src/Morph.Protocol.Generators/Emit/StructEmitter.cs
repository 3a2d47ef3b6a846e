using System.Linq;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>One record per ABI struct, convertible to and from the codec's tuple value.</summary>
    internal static class StructEmitter
    {
        public static string Emit(StructModel s, string ns)
        {
            var w = new SourceWriter();
            w.Header();
            w.Open("namespace " + ns);
            var props = s.Fields.Select((f, i) => (Field: f, Name: AbiTypeMapping.PropertyName(f.Name, i))).ToList();
            var tuple = new AbiTypeModel(AbiKind.Struct, 0, null, s.Name, s.Fields);
            w.Doc($"ABI struct {s.Name} = {tuple.Canonical}.");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public sealed partial record {s.Name}({string.Join(", ", props.Select(p => AbiTypeMapping.QualifiedClrType(p.Field.Type) + " " + p.Name))})");
            w.Line($"public static global::Morph.Protocol.Abi.AbiType AbiType {{ get; }} = global::Morph.Protocol.Abi.AbiType.Parse({SourceWriter.Literal(tuple.Canonical)});");
            w.Line();
            w.Line($"public global::Morph.Protocol.Abi.AbiValue ToAbi() => global::Morph.Protocol.Contracts.AbiConvert.FromTuple({string.Join(", ", props.Select(p => AbiTypeMapping.ToAbi(p.Field.Type, p.Name, qualified: true)))});");
            w.Line();
            w.Open($"public static {s.Name} FromAbi(global::Morph.Protocol.Abi.AbiValue value)");
            w.Line("var items = global::Morph.Protocol.Contracts.AbiConvert.TupleItems(value);");
            w.Line($"return new {s.Name}({string.Join(", ", props.Select((p, i) => AbiTypeMapping.FromAbi(p.Field.Type, $"items[{i}]", qualified: true)))});");
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
