using System.Collections.Generic;
using System.Linq;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>Per contract: one typed call record per function (selector, Encode, Decode) and one typed event
    /// record per event (topic0, Encode, Decode), with their spec mappings as metadata.</summary>
    internal static class ContractEmitter
    {
        public static string Emit(ContractModel c)
        {
            var w = new SourceWriter();
            w.Header("System", "System.Collections.Generic", "Morph.Protocol.Abi", "Morph.Protocol.Contracts", "Morph.Protocol.Primitives");
            w.Open("namespace " + c.Namespace);
            w.Doc($"Bindings of contract {c.Name}. {c.Doc}");
            w.Open($"public static partial class {c.Name}Contract");
            w.Line($"public const string Name = {SourceWriter.Literal(c.Name)};");
            foreach (var f in c.Functions)
            {
                w.Line(); EmitFunction(w, c, f);
                if (f.Returns.Count > 1) { w.Line(); EmitResult(w, f); }
            }
            foreach (var e in c.Events) { w.Line(); EmitEvent(w, c, e); }
            foreach (var e in c.Errors) { w.Line(); EmitError(w, e); }
            w.Line();
            w.Line($"public static IReadOnlyList<ContractFunctionInfo> Functions {{ get; }} = new ContractFunctionInfo[] {{ {string.Join(", ", c.Functions.Select(f => f.MemberName + "Call.Info"))} }};");
            w.Line($"public static IReadOnlyList<ContractEventInfo> Events {{ get; }} = new ContractEventInfo[] {{ {string.Join(", ", c.Events.Select(e => e.MemberName + "Event.Info"))} }};");
            w.Line($"public static IReadOnlyList<ContractErrorInfo> Errors {{ get; }} = new ContractErrorInfo[] {{ {string.Join(", ", c.Errors.Select(e => e.MemberName + "Error.Info"))} }};");
            w.Line($"public static ContractInfo Info {{ get; }} = new ContractInfo(Name, {SourceWriter.Literal(c.Doc)}, Functions, Events) {{ Errors = Errors }};");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static List<(FieldModel Field, string Name)> Props(IEnumerable<FieldModel> fields) =>
            fields.Select((f, i) => (f, AbiTypeMapping.PropertyName(f.Name, i))).ToList();

        private static string Strings(IEnumerable<string> items) => "new string[] { " + string.Join(", ", items.Select(SourceWriter.Literal)) + " }";

        private static void EmitFunction(SourceWriter w, ContractModel c, FunctionModel f)
        {
            var props = Props(f.Parameters);
            var type = f.MemberName + "Call";
            var maps = f.IsQuery ? "a query" : f.Triggers.Count > 0 ? "trigger " + string.Join(", ", f.Triggers) : "no trigger";
            w.Doc($"{(f.IsExtension ? "Extension (not in Morph's deployed contract): " : "")}{f.Signature}, {f.Mutability}; maps to {maps}. {f.Doc}");
            w.Open($"public sealed partial record {type}({string.Join(", ", props.Select(p => AbiTypeMapping.ClrType(p.Field.Type) + " " + p.Name))}) : IContractCall");
            w.Line($"public static ContractFunctionInfo Info {{ get; }} = new ContractFunctionInfo(Name, {SourceWriter.Literal(f.Name)}, {SourceWriter.Literal(f.Signature)}, " +
                   $"{SourceWriter.Literal(f.Mutability)}, {Strings(f.Parameters.Select(p => p.Type.Canonical))}, {Strings(f.Returns.Select(r => r.Type.Canonical))}, " +
                   $"{Strings(f.Triggers)}, {(f.IsQuery ? "true" : "false")}, {(f.IsExtension ? "true" : "false")}, " +
                   $"static values => FromValues(values), static data => ContractResult.BoxCall(Decode(data)), SelectorValue);");
            w.Line();
            EmitSelector(w, f.Selector);
            w.Line();
            w.Line("ContractFunctionInfo IContractCall.Function => Info;");
            w.Line();
            w.Line($"public IReadOnlyList<AbiValue> ToValues() => new AbiValue[] {{ {string.Join(", ", props.Select(p => AbiTypeMapping.ToAbi(p.Field.Type, p.Name)))} }};");
            w.Line();
            w.Line($"public static {type} FromValues(IReadOnlyList<AbiValue> values) => new {type}({string.Join(", ", props.Select((p, i) => AbiTypeMapping.FromAbi(p.Field.Type, $"values[{i}]")))});");
            w.Line();
            w.Doc("The calldata: selector followed by abi.encode of the arguments.");
            w.Line("public byte[] Encode() => AbiCodec.EncodeCall(Selector, Info.ParameterTypes, ToValues());");
            w.Line();
            w.Doc("Decodes calldata; never throws: a wrong selector or malformed data is a typed error naming the offset.");
            w.Open($"public static ContractResult<{type}> Decode(ReadOnlySpan<byte> calldata)");
            w.Line("var result = AbiCodec.DecodeCall(Selector, Info.ParameterTypes, calldata);");
            w.Line($"return result.IsOk ? ContractResult<{type}>.Ok(FromValues(result.Values)) : ContractResult<{type}>.Fail(result.Error!);");
            w.Close();
            w.Close();
        }

        /// <summary>The return values of a function with more than one, as a record with named properties.</summary>
        private static void EmitResult(SourceWriter w, FunctionModel f)
        {
            var props = Props(f.Returns);
            var type = f.MemberName + "Result";
            w.Doc($"What {f.Signature} returns: ({string.Join(", ", f.Returns.Select(r => r.Type.Canonical + (r.Name.Length > 0 ? " " + r.Name : "")))}).");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public sealed partial record {type}({string.Join(", ", props.Select(p => AbiTypeMapping.ClrType(p.Field.Type) + " " + p.Name))})");
            w.Line($"public IReadOnlyList<AbiValue> ToValues() => new AbiValue[] {{ {string.Join(", ", props.Select(p => AbiTypeMapping.ToAbi(p.Field.Type, p.Name)))} }};");
            w.Line();
            w.Line($"public static {type} FromValues(IReadOnlyList<AbiValue> values) => new {type}({string.Join(", ", props.Select((p, i) => AbiTypeMapping.FromAbi(p.Field.Type, $"values[{i}]")))});");
            w.Line();
            w.Doc("Decodes the returned bytes (abi.encode of the return values); never throws: malformed data is a typed error naming the offset.");
            w.Open($"public static ContractResult<{type}> Decode(ReadOnlySpan<byte> returnData)");
            w.Line($"var result = AbiCodec.Decode({f.MemberName}Call.Info.ReturnTypes, returnData);");
            w.Line($"return result.IsOk ? ContractResult<{type}>.Ok(FromValues(result.Values)) : ContractResult<{type}>.Fail(result.Error!);");
            w.Close();
            w.Close();
        }

        /// <summary>A selector as a constant and as constant bytes (the compiler keeps them in the assembly's data).</summary>
        internal static void EmitSelector(SourceWriter w, uint selector)
        {
            w.Line($"public const uint SelectorValue = 0x{selector:x8};");
            w.Line();
            w.Line($"public static ReadOnlySpan<byte> Selector => new byte[] {{ 0x{selector >> 24:x2}, 0x{(selector >> 16) & 0xff:x2}, 0x{(selector >> 8) & 0xff:x2}, 0x{selector & 0xff:x2} }};");
        }

        private static void EmitError(SourceWriter w, ErrorModel e)
        {
            var props = Props(e.Parameters);
            var type = e.MemberName + "Error";
            w.Doc($"{(e.IsExtension ? "Extension (the protocol's own; Morph's deployed contract reverts with a string instead): " : "")}error {e.Signature}. {e.Doc}");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public sealed partial record {type}({string.Join(", ", props.Select(p => AbiTypeMapping.ClrType(p.Field.Type) + " " + p.Name))}) : IContractError");
            EmitSelector(w, e.Selector);
            w.Line();
            w.Line($"public static ContractErrorInfo Info {{ get; }} = new ContractErrorInfo(Name, {SourceWriter.Literal(e.Name)}, {SourceWriter.Literal(e.Signature)}, SelectorValue, " +
                   $"{Strings(e.Parameters.Select(p => p.Type.Canonical))}, {(e.IsExtension ? "true" : "false")}, " +
                   $"static values => FromValues(values), static data => ContractResult.BoxError(Decode(data)));");
            w.Line();
            w.Line("ContractErrorInfo IContractError.Error => Info;");
            w.Line();
            w.Line($"public IReadOnlyList<AbiValue> ToValues() => new AbiValue[] {{ {string.Join(", ", props.Select(p => AbiTypeMapping.ToAbi(p.Field.Type, p.Name)))} }};");
            w.Line();
            w.Line($"public static {type} FromValues(IReadOnlyList<AbiValue> values) => new {type}({string.Join(", ", props.Select((p, i) => AbiTypeMapping.FromAbi(p.Field.Type, $"values[{i}]")))});");
            w.Line();
            w.Doc("The revert data: selector followed by abi.encode of the arguments.");
            w.Line("public byte[] Encode() => AbiCodec.EncodeCall(Selector, Info.ParameterTypes, ToValues());");
            w.Line();
            w.Doc("Decodes revert data; never throws: another selector or malformed data is a typed error naming the offset.");
            w.Open($"public static ContractResult<{type}> Decode(ReadOnlySpan<byte> revertData)");
            w.Line("var result = AbiCodec.DecodeCall(Selector, Info.ParameterTypes, revertData);");
            w.Line($"return result.IsOk ? ContractResult<{type}>.Ok(FromValues(result.Values)) : ContractResult<{type}>.Fail(result.Error!);");
            w.Close();
            w.Close();
        }

        private static void EmitEvent(SourceWriter w, ContractModel c, EventModel e)
        {
            var props = Props(e.Parameters);
            var type = e.MemberName + "Event";
            w.Doc($"{(e.IsExtension ? "Extension (not in Morph's deployed contract): " : "")}event {e.Signature}{(e.EmittedOn.Count > 0 ? ", emitted on " + string.Join(", ", e.EmittedOn) : "")}. " +
                  $"{(e.Parameters.Any(AbiTypeMapping.IsIndexedHash) ? "Indexed dynamic parameters travel as their keccak256 (Bytes32). " : "")}{e.Doc}");
            string Clr((FieldModel Field, string Name) p) => AbiTypeMapping.IsIndexedHash(p.Field) ? "Bytes32" : AbiTypeMapping.ClrType(p.Field.Type);
            string To((FieldModel Field, string Name) p) => AbiTypeMapping.IsIndexedHash(p.Field) ? $"AbiConvert.IndexedHash({p.Name})" : AbiTypeMapping.ToAbi(p.Field.Type, p.Name);
            string From((FieldModel Field, string Name) p, int i) => AbiTypeMapping.IsIndexedHash(p.Field) ? $"AbiConvert.ToIndexedHash(values[{i}])" : AbiTypeMapping.FromAbi(p.Field.Type, $"values[{i}]");
            w.Open($"public sealed partial record {type}({string.Join(", ", props.Select(p => Clr(p) + " " + p.Name))}) : IContractEvent");
            var ps = string.Join(", ", e.Parameters.Select(p => $"new AbiEventParameter({SourceWriter.Literal(p.Name)}, AbiType.Parse({SourceWriter.Literal(p.Type.Canonical)}), {(p.Indexed ? "true" : "false")})"));
            w.Line($"public static ContractEventInfo Info {{ get; }} = new ContractEventInfo(Name, {SourceWriter.Literal(e.Name)}, {SourceWriter.Literal(e.Signature)}, " +
                   $"new AbiEventParameter[] {{ {ps} }}, {Strings(e.EmittedOn)}, {(e.IsExtension ? "true" : "false")}, " +
                   $"static values => FromValues(values), static log => ContractResult.BoxEvent(Decode(log)), Topic0);");
            w.Line();
            w.Doc("keccak256 of the signature, computed by the generator: constant bytes, nothing hashed at run time.");
            w.Line("public static ReadOnlySpan<byte> Topic0Bytes => new byte[] { " + string.Join(", ", e.Topic0.Select(b => "0x" + b.ToString("x2"))) + " };");
            w.Line();
            w.Line("public static Bytes32 Topic0 => Bytes32.FromBytes(Topic0Bytes);");
            w.Line();
            w.Line("ContractEventInfo IContractEvent.Event => Info;");
            w.Line();
            w.Line($"public IReadOnlyList<AbiValue> ToValues() => new AbiValue[] {{ {string.Join(", ", props.Select(To))} }};");
            w.Line();
            w.Line($"public static {type} FromValues(IReadOnlyList<AbiValue> values) => new {type}({string.Join(", ", props.Select(From))});");
            w.Line();
            w.Doc("The log: topic0, the indexed parameters as topics, the others abi-encoded as data.");
            w.Line("public AbiLog Encode() => AbiEvents.Encode(Info.Topic0, Info.Parameters, ToValues());");
            w.Line();
            w.Doc("Decodes a log; never throws: a wrong topic0, topic count or malformed data is a typed error.");
            w.Open($"public static ContractResult<{type}> Decode(AbiLog log)");
            w.Line("var result = AbiEvents.Decode(Info.Topic0, Info.Parameters, log);");
            w.Line($"return result.IsOk ? ContractResult<{type}>.Ok(FromValues(result.Values)) : ContractResult<{type}>.Fail(result.Error!);");
            w.Close();
            w.Close();
        }
    }
}
