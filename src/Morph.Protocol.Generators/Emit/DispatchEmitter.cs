using System.Linq;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>Per contract whose functions say <c>runs Operation</c> or <c>refused Rule</c>, for the model assembly:
    /// an operations interface (one method per operation, taking the sender, the ETH attached and the decoded call
    /// record) and a dispatcher that decodes calldata by selector (the records' constants) and calls it, or hands the
    /// refusal back through <c>IContractRefusals</c>.</summary>
    internal static class DispatchEmitter
    {
        private const string Address = "global::Morph.Protocol.Primitives.Address";
        private const string UInt256 = "global::Morph.Protocol.Primitives.UInt256";

        public static bool Dispatches(ContractModel c) => c.Functions.Any(f => f.Operation != null || f.RefusedRule != null);

        /// <param name="ruleType">The enum the spec's rules name (MorphRuleType), or null: then rules are strings.</param>
        public static string Emit(ContractModel c, string? ruleType)
        {
            var w = new SourceWriter();
            w.Header();
            var bindings = $"global::{c.Namespace}.{c.Name}Contract";
            var rule = ruleType is null ? "string" : "global::" + ruleType;
            var ops = $"I{c.Name}Operations";
            w.Open("namespace " + c.Namespace);

            w.Doc($"The operations the model runs for contract {c.Name} (the spec's 'runs' clauses), each called by " +
                  $"{c.Name}Dispatcher with the sender, the ETH attached and the decoded call.");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public interface {ops}<TResult> : global::Morph.Protocol.Contracts.IContractRefusals<TResult, {rule}>");
            bool first = true;
            foreach (var f in c.Functions.Where(f => f.Operation != null))
            {
                if (!first) w.Line();
                first = false;
                w.Doc($"{f.Signature} runs {f.Operation}.");
                w.Line(OperationAttribute(c, f));
                w.Line($"TResult {f.Operation}({Address} from, {UInt256} value, {bindings}.{f.MemberName}Call call);");
            }
            w.Close();
            w.Line();

            w.Doc($"Runs calldata sent to {c.Name}: the selector picks the function (a switch over the generated constants), the " +
                  "bindings decode its arguments, and the call goes to its operation or its refusal. Never throws.");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public static class {c.Name}Dispatcher");
            w.Open($"public static TResult Dispatch<TResult>({ops}<TResult> operations, {Address} from, {UInt256} value, global::System.ReadOnlySpan<byte> calldata)");
            w.Line($"if (calldata.Length < 4) return operations.MalformedCalldata({bindings}.Info, null, calldata.Length, null);");
            w.Line("var selector = global::System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(calldata);");
            w.Open("switch (selector)");
            foreach (var f in c.Functions)
            {
                var call = $"{bindings}.{f.MemberName}Call";
                w.Open($"case {call}.SelectorValue:");
                w.Line($"var decoded = {call}.Decode(calldata);");
                w.Line($"if (!decoded.IsOk) return operations.MalformedCalldata({bindings}.Info, {call}.Info, calldata.Length, decoded.Error);");
                if (f.Mutability != "payable") w.Line($"if (!value.IsZero) return operations.NotPayable({call}.Info, value);");
                if (f.Operation != null) w.Line($"return operations.{f.Operation}(from, value, decoded.Value!);");
                else if (f.RefusedRule != null)
                    w.Line($"return operations.Refused(from, {call}.Info, {(ruleType is null ? SourceWriter.Literal(f.RefusedRule) : rule + "." + f.RefusedRule)}, {SourceWriter.Literal(f.Doc)});");
                else w.Line($"return operations.NotRun({call}.Info);");
                w.Close();
            }
            w.Line("default:");
            w.Line($"    return operations.UnknownFunction({bindings}.Info, selector);");
            w.Close();
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>[ContractOperation] for MPA012: the triggers the function fires (<c>-> L.T</c>) and the contract's
        /// events emitted on any of them (<c>event E on L.T</c>), by record name, in declaration order. Computed from
        /// the contract model alone, so the dispatch output stays cached exactly as long as the contract does.</summary>
        internal static string OperationAttribute(ContractModel c, FunctionModel f)
        {
            var emits = c.Events.Where(e => e.EmittedOn.Any(t => f.Triggers.Contains(t))).Select(e => e.MemberName).ToList();
            var named = "";
            if (f.Triggers.Count > 0) named += ", Fires = " + Strings(f.Triggers);
            if (emits.Count > 0) named += ", Emits = " + Strings(emits);
            return $"[{ContractOperation}({SourceWriter.Literal(c.Name)}, {SourceWriter.Literal(f.Signature)}{named})]";
        }

        private const string ContractOperation = "global::Morph.Protocol.Lifecycles.ContractOperation";

        private static string Strings(System.Collections.Generic.IEnumerable<string> items) => "new string[] { " + string.Join(", ", items.Select(SourceWriter.Literal)) + " }";
    }
}
