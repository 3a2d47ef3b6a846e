using System.Collections.Generic;
using System.Linq;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>Per contract: one typed call record per function (selector, Encode, Decode), one typed event record
    /// per event (topic0, Encode, Decode), one error record per error (selector, Encode, Decode) and one result record
    /// per function with several return values, with their spec mappings as metadata. Every name is global::, every
    /// type carries [GeneratedCode]: a user's spec cannot shadow what the records use.</summary>
    internal static class ContractEmitter
    {
        private const string Abi = "global::Morph.Protocol.Abi.";
        private const string Bindings = "global::Morph.Protocol.Contracts.";
        private const string Values = "global::System.Collections.Generic.IReadOnlyList<global::Morph.Protocol.Abi.AbiValue>";
        private const string Span = "global::System.ReadOnlySpan<byte>";

        public static string Emit(ContractModel c)
        {
            var w = new SourceWriter();
            w.Header();
            w.Open("namespace " + c.Namespace);
            var self = $"global::{c.Namespace}.{c.Name}Contract";
            w.Doc($"Bindings of contract {c.Name}. {c.Doc}");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public static partial class {c.Name}Contract");
            w.Line($"public const string Name = {SourceWriter.Literal(c.Name)};");
            foreach (var f in c.Functions)
            {
                w.Line(); EmitFunction(w, self, f);
                if (f.Returns.Count > 1) { w.Line(); EmitResult(w, self, f); }
            }
            foreach (var e in c.Events) { w.Line(); EmitEvent(w, self, e); }
            foreach (var e in c.Errors) { w.Line(); EmitError(w, self, e); }
            w.Line();
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Bindings}ContractFunctionInfo> Functions {{ get; }} = new {Bindings}ContractFunctionInfo[] {{ {string.Join(", ", c.Functions.Select(f => f.MemberName + "Call.Info"))} }};");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Bindings}ContractEventInfo> Events {{ get; }} = new {Bindings}ContractEventInfo[] {{ {string.Join(", ", c.Events.Select(e => e.MemberName + "Event.Info"))} }};");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Bindings}ContractErrorInfo> Errors {{ get; }} = new {Bindings}ContractErrorInfo[] {{ {string.Join(", ", c.Errors.Select(e => e.MemberName + "Error.Info"))} }};");
            w.Line($"public static {Bindings}ContractInfo Info {{ get; }} = new {Bindings}ContractInfo(Name, {SourceWriter.Literal(c.Doc)}, Functions, Events) {{ Errors = Errors }};");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static List<(FieldModel Field, string Name)> Props(IEnumerable<FieldModel> fields) =>
            fields.Select((f, i) => (f, AbiTypeMapping.PropertyName(f.Name, i))).ToList();

        private static string Strings(IEnumerable<string> items) => "new string[] { " + string.Join(", ", items.Select(SourceWriter.Literal)) + " }";

        private static string Clr(FieldModel f) => AbiTypeMapping.QualifiedClrType(f.Type);
        private static string To(FieldModel f, string expr) => AbiTypeMapping.ToAbi(f.Type, expr, qualified: true);
        private static string From(FieldModel f, string expr) => AbiTypeMapping.FromAbi(f.Type, expr, qualified: true);

        private static string Positional(List<(FieldModel Field, string Name)> props, System.Func<FieldModel, string>? clr = null) =>
            string.Join(", ", props.Select(p => (clr ?? Clr)(p.Field) + " " + p.Name));

        /// <summary>ToValues and FromValues over the record's properties.</summary>
        private static void EmitValues(SourceWriter w, string type, List<(FieldModel Field, string Name)> props,
            System.Func<(FieldModel Field, string Name), string>? to = null, System.Func<(FieldModel Field, string Name), int, string>? from = null)
        {
            to ??= p => To(p.Field, p.Name);
            from ??= (p, i) => From(p.Field, $"values[{i}]");
            w.Line($"public {Values} ToValues() => new {Abi}AbiValue[] {{ {string.Join(", ", props.Select(to))} }};");
            w.Line();
            w.Line($"public static {type} FromValues({Values} values) => new {type}({string.Join(", ", props.Select(from))});");
        }

        private static void EmitFunction(SourceWriter w, string self, FunctionModel f)
        {
            var props = Props(f.Parameters);
            var type = f.MemberName + "Call";
            var maps = f.IsQuery ? "a query" : f.Triggers.Count > 0 ? "trigger " + string.Join(", ", f.Triggers) : "no trigger";
            var runs = f.Operation != null ? $"; runs {f.Operation}" : f.RefusedRule != null ? $"; refused with {f.RefusedRule}" : "";
            w.Doc($"{(f.IsExtension ? "Extension (not in Morph's deployed contract): " : "")}{f.Signature}, {f.Mutability}; maps to {maps}{runs}. {f.Doc}");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public sealed partial record {type}({Positional(props)}) : {Bindings}IContractCall");
            w.Line($"public static {Bindings}ContractFunctionInfo Info {{ get; }} = new {Bindings}ContractFunctionInfo({self}.Name, {SourceWriter.Literal(f.Name)}, {SourceWriter.Literal(f.Signature)}, " +
                   $"{SourceWriter.Literal(f.Mutability)}, {Strings(f.Parameters.Select(p => p.Type.Canonical))}, {Strings(f.Returns.Select(r => r.Type.Canonical))}, " +
                   $"{Strings(f.Triggers)}, {(f.IsQuery ? "true" : "false")}, {(f.IsExtension ? "true" : "false")}, " +
                   $"static values => FromValues(values), static data => {Bindings}ContractResult.BoxCall(Decode(data)), SelectorValue);");
            w.Line();
            EmitSelector(w, f.Selector);
            w.Line();
            w.Line($"{Bindings}ContractFunctionInfo {Bindings}IContractCall.Function => Info;");
            w.Line();
            EmitValues(w, type, props);
            w.Line();
            w.Doc("The calldata: selector followed by abi.encode of the arguments.");
            w.Line($"public byte[] Encode() => {Abi}AbiCodec.EncodeCall(Selector, Info.ParameterTypes, ToValues());");
            w.Line();
            w.Doc("Decodes calldata; never throws: a wrong selector or malformed data is a typed error naming the offset.");
            EmitDecode(w, type, "calldata", $"{Abi}AbiCodec.DecodeCall(Selector, Info.ParameterTypes, calldata)");
            w.Close();
        }

        private static void EmitDecode(SourceWriter w, string type, string parameter, string decode)
        {
            w.Open($"public static {Bindings}ContractResult<{type}> Decode({Span} {parameter})");
            w.Line($"var result = {decode};");
            w.Line($"return result.IsOk ? {Bindings}ContractResult<{type}>.Ok(FromValues(result.Values)) : {Bindings}ContractResult<{type}>.Fail(result.Error!);");
            w.Close();
        }

        /// <summary>The return values of a function with more than one, as a record with named properties.</summary>
        private static void EmitResult(SourceWriter w, string self, FunctionModel f)
        {
            var props = Props(f.Returns);
            var type = f.MemberName + "Result";
            w.Doc($"What {f.Signature} returns: ({string.Join(", ", f.Returns.Select(r => r.Type.Canonical + (r.Name.Length > 0 ? " " + r.Name : "")))}).");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public sealed partial record {type}({Positional(props)})");
            EmitValues(w, type, props);
            w.Line();
            w.Doc("Decodes the returned bytes (abi.encode of the return values); never throws: malformed data is a typed error naming the offset.");
            EmitDecode(w, type, "returnData", $"{Abi}AbiCodec.Decode({self}.{f.MemberName}Call.Info.ReturnTypes, returnData)");
            w.Close();
        }

        /// <summary>A selector as a constant and as constant bytes (the compiler keeps them in the assembly's data).</summary>
        internal static void EmitSelector(SourceWriter w, uint selector)
        {
            w.Line($"public const uint SelectorValue = 0x{selector:x8};");
            w.Line();
            w.Line($"public static {Span} Selector => new byte[] {{ 0x{selector >> 24:x2}, 0x{(selector >> 16) & 0xff:x2}, 0x{(selector >> 8) & 0xff:x2}, 0x{selector & 0xff:x2} }};");
        }

        private static void EmitError(SourceWriter w, string self, ErrorModel e)
        {
            var props = Props(e.Parameters);
            var type = e.MemberName + "Error";
            w.Doc($"{(e.IsExtension ? "Extension (the protocol's own; Morph's deployed contract reverts with a string instead): " : "")}error {e.Signature}. {e.Doc}");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public sealed partial record {type}({Positional(props)}) : {Bindings}IContractError");
            EmitSelector(w, e.Selector);
            w.Line();
            w.Line($"public static {Bindings}ContractErrorInfo Info {{ get; }} = new {Bindings}ContractErrorInfo({self}.Name, {SourceWriter.Literal(e.Name)}, {SourceWriter.Literal(e.Signature)}, SelectorValue, " +
                   $"{Strings(e.Parameters.Select(p => p.Type.Canonical))}, {(e.IsExtension ? "true" : "false")}, " +
                   $"static values => FromValues(values), static data => {Bindings}ContractResult.BoxError(Decode(data)));");
            w.Line();
            w.Line($"{Bindings}ContractErrorInfo {Bindings}IContractError.Error => Info;");
            w.Line();
            EmitValues(w, type, props);
            w.Line();
            w.Doc("The revert data: selector followed by abi.encode of the arguments.");
            w.Line($"public byte[] Encode() => {Abi}AbiCodec.EncodeCall(Selector, Info.ParameterTypes, ToValues());");
            w.Line();
            w.Doc("Decodes revert data; never throws: another selector or malformed data is a typed error naming the offset.");
            EmitDecode(w, type, "revertData", $"{Abi}AbiCodec.DecodeCall(Selector, Info.ParameterTypes, revertData)");
            w.Close();
        }

        private static void EmitEvent(SourceWriter w, string self, EventModel e)
        {
            var props = Props(e.Parameters);
            var type = e.MemberName + "Event";
            const string bytes32 = "global::Morph.Protocol.Primitives.Bytes32";
            w.Doc($"{(e.IsExtension ? "Extension (not in Morph's deployed contract): " : "")}event {e.Signature}{(e.EmittedOn.Count > 0 ? ", emitted on " + string.Join(", ", e.EmittedOn) : "")}. " +
                  $"{(e.Parameters.Any(AbiTypeMapping.IsIndexedHash) ? "Indexed dynamic parameters travel as their keccak256 (Bytes32). " : "")}{e.Doc}");
            string EventClr(FieldModel f) => AbiTypeMapping.IsIndexedHash(f) ? bytes32 : Clr(f);
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public sealed partial record {type}({Positional(props, EventClr)}) : {Bindings}IContractEvent");
            var ps = string.Join(", ", e.Parameters.Select(p => $"new {Abi}AbiEventParameter({SourceWriter.Literal(p.Name)}, {Abi}AbiType.Parse({SourceWriter.Literal(p.Type.Canonical)}), {(p.Indexed ? "true" : "false")})"));
            w.Line($"public static {Bindings}ContractEventInfo Info {{ get; }} = new {Bindings}ContractEventInfo({self}.Name, {SourceWriter.Literal(e.Name)}, {SourceWriter.Literal(e.Signature)}, " +
                   $"new {Abi}AbiEventParameter[] {{ {ps} }}, {Strings(e.EmittedOn)}, {(e.IsExtension ? "true" : "false")}, " +
                   $"static values => FromValues(values), static log => {Bindings}ContractResult.BoxEvent(Decode(log)), Topic0);");
            w.Line();
            w.Doc("keccak256 of the signature, computed by the generator: constant bytes, nothing hashed at run time.");
            w.Line($"public static {Span} Topic0Bytes => new byte[] {{ " + string.Join(", ", e.Topic0.Select(b => "0x" + b.ToString("x2"))) + " };");
            w.Line();
            w.Line($"public static {bytes32} Topic0 => {bytes32}.FromBytes(Topic0Bytes);");
            w.Line();
            w.Line($"{Bindings}ContractEventInfo {Bindings}IContractEvent.Event => Info;");
            w.Line();
            EmitValues(w, type, props,
                p => AbiTypeMapping.IsIndexedHash(p.Field) ? $"{Bindings}AbiConvert.IndexedHash({p.Name})" : To(p.Field, p.Name),
                (p, i) => AbiTypeMapping.IsIndexedHash(p.Field) ? $"{Bindings}AbiConvert.ToIndexedHash(values[{i}])" : From(p.Field, $"values[{i}]"));
            w.Line();
            w.Doc("The log: topic0, the indexed parameters as topics, the others abi-encoded as data.");
            w.Line($"public {Abi}AbiLog Encode() => {Abi}AbiEvents.Encode(Info.Topic0, Info.Parameters, ToValues());");
            w.Line();
            w.Doc("Decodes a log; never throws: a wrong topic0, topic count or malformed data is a typed error.");
            w.Open($"public static {Bindings}ContractResult<{type}> Decode({Abi}AbiLog log)");
            w.Line($"var result = {Abi}AbiEvents.Decode(Info.Topic0, Info.Parameters, log);");
            w.Line($"return result.IsOk ? {Bindings}ContractResult<{type}>.Ok(FromValues(result.Values)) : {Bindings}ContractResult<{type}>.Fail(result.Error!);");
            w.Close();
            w.Close();
        }
    }
}
