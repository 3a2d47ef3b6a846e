using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Morph.Protocol.Analyzers
{
    /// <summary>Where an operation runs in a control flow graph: its block and the index of the top-level operation
    /// of the block that holds it (the branch value counts as the last). An operation inside a lambda has its own
    /// graph, and <see cref="Parent"/> is where the lambda is created: a check around the creation covers its body.</summary>
    internal sealed class FlowSite
    {
        public FlowSite(ControlFlowGraph graph, BasicBlock block, int index, FlowSite? parent, IOperation operation)
        {
            Graph = graph; Block = block; Index = index; Parent = parent; Operation = operation;
        }
        public ControlFlowGraph Graph { get; }
        public BasicBlock Block { get; }
        public int Index { get; }
        public FlowSite? Parent { get; }
        public IOperation Operation { get; }

        public FlowSite Root { get { var s = this; while (s.Parent != null) s = s.Parent; return s; } }
    }

    internal static class FlowGraph
    {
        /// <summary>Every invocation of the graph and of the lambdas created in it, with its site. Local functions are
        /// walked as graphs of their own (a check must be inside them).</summary>
        public static List<FlowSite> Invocations(ControlFlowGraph graph)
        {
            var sites = new List<FlowSite>();
            Walk(graph, null, sites);
            foreach (var local in graph.LocalFunctions) Walk(graph.GetLocalFunctionControlFlowGraph(local), null, sites);
            return sites;
        }

        private static void Walk(ControlFlowGraph graph, FlowSite? parent, List<FlowSite> sites)
        {
            foreach (var block in graph.Blocks)
            {
                int n = block.Operations.Length;
                for (int i = 0; i <= n; i++)
                {
                    var top = i < n ? block.Operations[i] : block.BranchValue;
                    if (top == null) continue;
                    foreach (var op in top.DescendantsAndSelf())
                    {
                        if (op is IInvocationOperation) sites.Add(new FlowSite(graph, block, i, parent, op));
                        else if (op is IFlowAnonymousFunctionOperation lambda)
                            Walk(graph.GetAnonymousFunctionControlFlowGraph(lambda), new FlowSite(graph, block, i, parent, op), sites);
                    }
                }
            }
        }

        /// <summary>Whether <paramref name="target"/> can be reached from the entry without taking the edge
        /// <paramref name="from"/> → <paramref name="skipped"/> (null: any edge) or passing through <paramref name="avoid"/>.</summary>
        public static bool Reachable(ControlFlowGraph graph, BasicBlock target, BasicBlock? from, ControlFlowBranch? skipped, BasicBlock? avoid)
        {
            var seen = new HashSet<int>();
            var stack = new Stack<BasicBlock>();
            stack.Push(graph.Blocks[0]);
            // Catch, filter and finally regions have no explicit predecessors (an exception or a leaving branch enters
            // them): count them as entered, so a Fire there is never taken as checked.
            foreach (var region in Handlers(graph.Root)) stack.Push(graph.Blocks[region.FirstBlockOrdinal]);
            while (stack.Count > 0)
            {
                var b = stack.Pop();
                if (b == avoid || !seen.Add(b.Ordinal)) continue;
                if (b == target) return true;
                if (b.FallThroughSuccessor?.Destination is { } f && !(b == from && skipped == b.FallThroughSuccessor)) stack.Push(f);
                if (b.ConditionalSuccessor?.Destination is { } c && !(b == from && skipped == b.ConditionalSuccessor)) stack.Push(c);
            }
            return false;
        }

        private static IEnumerable<ControlFlowRegion> Handlers(ControlFlowRegion region)
        {
            foreach (var nested in region.NestedRegions)
            {
                if (nested.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.Finally) yield return nested;
                foreach (var inner in Handlers(nested)) yield return inner;
            }
        }

        /// <summary>Whether every path from the entry to <paramref name="site"/> passes the true branch of a
        /// <paramref name="isCheck"/> call (possibly negated) at the site's level or at a lambda's creation around it.</summary>
        public static bool GuardedBy(FlowSite site, System.Func<IInvocationOperation, bool> isCheck)
        {
            for (var level = site; level != null; level = level.Parent)
            {
                foreach (var b in level.Graph.Blocks)
                {
                    if (b.BranchValue == null || b.ConditionalSuccessor == null || b.FallThroughSuccessor == null) continue;
                    var v = LifecycleSymbols.Strip(b.BranchValue);
                    bool polarity = true;
                    while (v is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not) { polarity = !polarity; v = LifecycleSymbols.Strip(not.Operand); }
                    if (v is not IInvocationOperation inv || !isCheck(inv)) continue;
                    // The edge taken when the check returned true.
                    var trueEdge = (b.ConditionKind == ControlFlowConditionKind.WhenTrue) == polarity ? b.ConditionalSuccessor : b.FallThroughSuccessor;
                    if (!Reachable(level.Graph, level.Block, b, trueEdge, null)) return true;
                }
            }
            return false;
        }

        /// <summary>Whether <paramref name="earlier"/> runs on every path to <paramref name="later"/> (both in the same
        /// root graph, compared where their lambdas are created).</summary>
        public static bool Dominates(FlowSite earlier, FlowSite later)
        {
            var e = earlier.Root; var l = later.Root;
            if (e.Graph != l.Graph) return false;
            if (e.Block == l.Block)
                return e.Index < l.Index || (e.Index == l.Index && earlier.Operation.Syntax.SpanStart < later.Operation.Syntax.SpanStart);
            return !Reachable(l.Graph, l.Block, null, null, e.Block);
        }
    }
}
