using System.Collections.Generic;
using System.Linq;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>Per contract, for the SDK assembly (MorphSpecEmit = sdk): a service on Nethereum. A method per view
    /// (block parameter, typed result); per transaction four (send, send and wait, estimate, simulate), payable ones
    /// taking a value; per event a ranged query filtered on its indexed arguments and a follower. Extension
    /// functions go to a separate interface and class, never part of the deployed contract's service.</summary>
    internal static class ServiceEmitter
    {
        public const string Namespace = "Morph.Protocol.Sdk";

        private static readonly HashSet<string> ValueTypes = new HashSet<string>
        {
            "Address", "UInt256", "bool", "byte", "ushort", "uint", "ulong", "Bytes32", "System.Numerics.BigInteger",
        };

        private static readonly HashSet<string> OwnParameters = new HashSet<string> { "block", "value", "options", "cancellationToken", "fromBlock", "toBlock" };

        public static string Emit(ContractModel c)
        {
            var w = new SourceWriter();
            w.Header("System", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks", "Morph.Protocol.Abi", "Morph.Protocol.Contracts",
                "Morph.Protocol.Primitives", "Nethereum.RPC.Eth.DTOs", "Nethereum.Web3");
            w.Open("namespace " + Namespace);
            var bindings = $"global::{c.Namespace}.{c.Name}Contract";
            var deployed = c.Functions.Where(f => !f.IsExtension).ToList();
            var extensions = c.Functions.Where(f => f.IsExtension).ToList();

            w.Doc($"Contract {c.Name} on a chain, through Nethereum. {c.Doc}");
            w.Open($"public sealed partial class {c.Name}Service : ContractService");
            w.Line($"public {c.Name}Service(IWeb3 web3, Address address) : base(web3, address, {bindings}.Info) {{ }}");
            w.Line();
            w.Line($"public {c.Name}Service(MorphChain chain, Address address) : base(chain, address, {bindings}.Info) {{ }}");
            foreach (var f in deployed) { w.Line(); EmitFunction(w, bindings, f, "public "); }
            foreach (var e in c.Events.Where(e => !e.IsExtension)) { w.Line(); EmitEvent(w, bindings, e); }
            w.Close();

            if (extensions.Count > 0)
            {
                w.Line();
                w.Doc($"Operations {c.Name} has in the spec but Morph's deployed contract lacks: never call these against a deployed network " +
                      "(a node would revert on the unknown selector, or worse, hit a fallback).");
                w.Open($"public interface I{c.Name}Extensions");
                foreach (var f in extensions) EmitFunction(w, bindings, f, "", signatureOnly: true);
                w.Close();
                w.Line();
                w.Doc($"The extension operations of {c.Name}, for a chain that implements them (a devnet of the model's contracts).");
                w.Open($"public sealed partial class {c.Name}ExtensionService : ContractService, I{c.Name}Extensions");
                w.Line($"public {c.Name}ExtensionService(MorphChain chain, Address address) : base(chain, address, {bindings}.Info) {{ }}");
                foreach (var f in extensions) { w.Line(); EmitFunction(w, bindings, f, "public "); }
                w.Close();
            }
            w.Close();
            return w.ToString();
        }

        private static List<(FieldModel Field, string Property, string Parameter)> Params(IEnumerable<FieldModel> fields) =>
            fields.Select((f, i) =>
            {
                var prop = AbiTypeMapping.PropertyName(f.Name, i);
                var param = char.ToLowerInvariant(prop[0]) + prop.Substring(1);
                if (OwnParameters.Contains(param)) param += "Arg";
                return (f, prop, "@" + param);
            }).ToList();

        private static bool IsView(FunctionModel f) => f.Mutability == "view" || f.Mutability == "pure";

        // More than one return value: the generated {Member}Result record of the bindings, never a tuple.
        private static string ReturnType(string bindings, FunctionModel f) => f.Returns.Count switch
        {
            0 => "Task",
            1 => $"Task<{AbiTypeMapping.ClrType(f.Returns[0].Type)}>",
            _ => $"Task<{bindings}.{f.MemberName}Result>",
        };

        private static string ReturnExpression(string bindings, FunctionModel f, string values) => f.Returns.Count switch
        {
            0 => "",
            1 => AbiTypeMapping.FromAbi(f.Returns[0].Type, values + "[0]"),
            _ => $"{bindings}.{f.MemberName}Result.FromValues({values})",
        };

        private static void EmitFunction(SourceWriter w, string bindings, FunctionModel f, string modifier, bool signatureOnly = false)
        {
            var ps = Params(f.Parameters);
            var args = string.Join("", ps.Select(p => AbiTypeMapping.ClrType(p.Field.Type) + " " + p.Parameter + ", "));
            var record = $"new {bindings}.{f.MemberName}Call({string.Join(", ", ps.Select(p => p.Parameter))})";
            var m = f.MemberName;
            if (IsView(f))
            {
                w.Doc($"{f.Signature}, {f.Mutability}: eth_call at <paramref name=\"block\"/> (latest when null). {f.Doc}");
                var view = $"{modifier}{(signatureOnly ? "" : "async ")}{ReturnType(bindings, f)} {m}Async({args}BlockParameter? block = null, CancellationToken cancellationToken = default)";
                if (signatureOnly) { w.Line(view + ";"); return; }
                w.Open(view);
                w.Line($"var values = await CallAsync({record}, block, cancellationToken).ConfigureAwait(false);");
                if (f.Returns.Count > 0) w.Line($"return {ReturnExpression(bindings, f, "values")};");
                else w.Line("_ = values;");
                w.Close();
                return;
            }
            var payable = f.Mutability == "payable";
            var valueParam = payable ? "UInt256 value, " : "";
            var value = payable ? "value" : "default";
            var asyncKw = signatureOnly ? "" : "async ";
            w.Doc($"Sends {f.Signature}{(payable ? " with value wei" : "")} (simulated with eth_call first: a revert throws ContractRevertException and spends no nonce); returns the hash. {f.Doc}");
            w.Line($"{modifier}Task<Bytes32> {m}Async({args}{valueParam}TxOptions? options = null, CancellationToken cancellationToken = default)" +
                   (signatureOnly ? ";" : $" => SendAsync({record}, {value}, options, cancellationToken);"));
            w.Doc($"Sends {f.Signature} and waits for its receipt, whose logs are decoded.");
            w.Line($"{modifier}Task<MorphReceipt> {m}AndWaitAsync({args}{valueParam}TxOptions? options = null, CancellationToken cancellationToken = default)" +
                   (signatureOnly ? ";" : $" => SendAndWaitAsync({record}, {value}, options, cancellationToken);"));
            w.Doc($"eth_estimateGas of {f.Signature} from the sending account.");
            w.Line($"{modifier}Task<ulong> Estimate{m}Async({args}{(payable ? "UInt256 value, " : "")}CancellationToken cancellationToken = default)" +
                   (signatureOnly ? ";" : $" => EstimateAsync({record}, {value}, cancellationToken);"));
            w.Doc($"eth_call of {f.Signature} from the sending account: what it would return, or the revert.");
            var simulate = $"{modifier}{asyncKw}{ReturnType(bindings, f)} Simulate{m}Async({args}{(payable ? "UInt256 value, " : "")}CancellationToken cancellationToken = default)";
            if (signatureOnly) { w.Line(simulate + ";"); return; }
            w.Open(simulate);
            w.Line($"var values = await SimulateAsync({record}, {value}, cancellationToken).ConfigureAwait(false);");
            if (f.Returns.Count > 0) w.Line($"return {ReturnExpression(bindings, f, "values")};");
            else w.Line("_ = values;");
            w.Close();
        }

        private static void EmitEvent(SourceWriter w, string bindings, EventModel e)
        {
            var type = $"{bindings}.{e.MemberName}Event";
            var indexed = Params(e.Parameters).Select((p, i) => (p.Field, p.Parameter, Index: i)).Where(p => p.Field.Indexed).ToList();
            string Clr(FieldModel f) => AbiTypeMapping.IsIndexedHash(f) ? "Bytes32" : AbiTypeMapping.ClrType(f.Type);
            string Nullable(FieldModel f) => Clr(f) + "?";
            string Topic((FieldModel Field, string Parameter, int Index) p)
            {
                var clr = Clr(p.Field);
                var v = ValueTypes.Contains(clr) ? p.Parameter + ".Value" : p.Parameter;
                var abi = AbiTypeMapping.IsIndexedHash(p.Field) ? $"AbiConvert.IndexedHash({v})" : AbiTypeMapping.ToAbi(p.Field.Type, v);
                return $"Topic({type}.Info, {p.Index}, {p.Parameter} is null ? null : {abi})";
            }
            var filters = string.Join("", indexed.Select(p => Nullable(p.Field) + " " + p.Parameter + " = null, "));
            var topics = "new Bytes32?[] { " + string.Join(", ", indexed.Select(Topic)) + " }";
            w.Doc($"The {e.Signature} logs of this contract in blocks [fromBlock, toBlock] (toBlock null = latest), filtered on the indexed arguments given; " +
                  "split into smaller ranges when the node refuses a large one.");
            w.Line($"public Task<IReadOnlyList<EventLog<{type}>>> Get{e.MemberName}EventsAsync({filters}ulong fromBlock = 0, ulong? toBlock = null, CancellationToken cancellationToken = default) =>");
            w.Line($"    GetEventsAsync<{type}>({type}.Info, fromBlock, toBlock, {topics}, cancellationToken);");
            w.Doc($"The {e.Signature} logs from fromBlock on, then as new blocks are mined, until cancelled.");
            w.Line($"public IAsyncEnumerable<EventLog<{type}>> Follow{e.MemberName}EventsAsync({filters}ulong fromBlock = 0, CancellationToken cancellationToken = default) =>");
            w.Line($"    FollowEventsAsync<{type}>({type}.Info, fromBlock, {topics}, cancellationToken);");
        }
    }
}
