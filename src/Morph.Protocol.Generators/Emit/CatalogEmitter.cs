using System.Linq;
using Morph.Protocol.Spec;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>The lists of every generated lifecycle and contract, for tools (diagrams, vector runners).</summary>
    internal static class CatalogEmitter
    {
        public static string Emit(EquatableArray<(string Namespace, string Name)> lifecycles, EquatableArray<(string Namespace, string Name)> contracts)
        {
            var w = new SourceWriter();
            w.Header("System.Collections.Generic", "Morph.Protocol.Contracts", "Morph.Protocol.Lifecycles");
            w.Open("namespace Morph.Protocol");
            w.Doc("Every lifecycle and contract the spec declares.");
            w.Open("public static partial class SpecCatalog");
            w.Open("public static IReadOnlyList<LifecycleInfo> Lifecycles { get; } = new LifecycleInfo[]");
            foreach (var (ns, name) in lifecycles)
                w.Line($"new LifecycleInfo(global::{ns}.{name}Lifecycle.Name, global::{ns}.{name}Lifecycle.Description, global::{ns}.{name}Lifecycle.Transitions, " +
                       $"static () => global::{ns}.{name}Lifecycle.CreateForDescription().GetInfo()),");
            w.Close(";");
            w.Line();
            w.Line("public static IReadOnlyList<ContractInfo> Contracts { get; } = new ContractInfo[] { " +
                   string.Join(", ", contracts.Select(c => $"global::{c.Namespace}.{c.Name}Contract.Info")) + " };");
            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>The contracts alone, for the contracts assembly (which has no lifecycles).</summary>
        public static string EmitContracts(EquatableArray<(string Namespace, string Name)> contracts)
        {
            var w = new SourceWriter();
            w.Header("System.Collections.Generic");
            w.Open("namespace Morph.Protocol.Contracts");
            w.Doc("Every contract the spec declares.");
            w.Open("public static partial class ContractCatalog");
            w.Line("public static IReadOnlyList<global::Morph.Protocol.Contracts.ContractInfo> Contracts { get; } = new global::Morph.Protocol.Contracts.ContractInfo[] { " +
                   string.Join(", ", contracts.Select(c => $"global::{c.Namespace}.{c.Name}Contract.Info")) + " };");
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
