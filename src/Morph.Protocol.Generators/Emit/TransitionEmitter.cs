using System.Collections.Generic;
using System.Linq;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>Per lifecycle: the guard interface a host implements and a static, allocation-free transition
    /// function over (state, trigger, guards), for lifecycles with many instances (delegation entries, stakers).
    /// The Stateless configuration (LifecycleEmitter) stays the definition and the oracle; the tests prove the two
    /// agree for every state × trigger × guard outcome.</summary>
    internal static class TransitionEmitter
    {

        public static string Emit(LifecycleModel l)
        {
            var w = new SourceWriter();
            w.Header();
            w.Open("namespace " + l.Namespace);
            var S = l.StateEnum;
            var T = l.TriggerEnum;
            var G = l.GuardEnum;
            var attribute = SourceWriter.GeneratedCode;

            w.Doc($"The guards of lifecycle {l.Name}, evaluated for {l.Name}Transitions.TryFire: implement it on a struct over an entity's data (no boxing, no allocation) or on the host.");
            w.Line(attribute);
            w.Open($"public interface I{l.Name}Guards");
            w.Doc("Whether the guard holds now. Called lazily, in spec order, and only for the guards of the transitions the (state, trigger) pair has; it must not change anything.");
            w.Line($"bool Evaluate({G} guard);");
            w.Close();
            w.Line();

            w.Doc($"Lifecycle {l.Name} as a static transition function: the same decisions as the Stateless machine {l.Name}Lifecycle.Configure builds (proven equal by the tests), with no machine per instance.");
            w.Line(attribute);
            w.Open($"public static class {l.Name}Transitions");
            w.Doc("Whether the state has a transition on the trigger at all (guards not evaluated). When false, TryFire refuses with failed == null.");
            var pairs = l.Transitions.Select(t => (t.From, t.Trigger)).Distinct().ToList();
            w.Open($"public static bool IsPermitted({S} state, {T} trigger) => (state, trigger) switch");
            foreach (var (from, trigger) in pairs) w.Line($"({S}.{from}, {T}.{trigger}) => true,");
            w.Line("_ => false,");
            w.Close(";");
            w.Line();

            w.Line("/// <summary>Decides a trigger in a state: true and the destination when it may fire; otherwise false, next == state,");
            w.Line("/// and the first guard that failed (spec order), or null when the state has no transition on the trigger.");
            w.Line("/// Exactly what the Stateless machine decides: CanFire(trigger, out unmet) and its first unmet guard, Fire's");
            w.Line("/// destination (a re-entry stays in the state). Stateless evaluates every guard of every candidate transition;");
            w.Line("/// this stops at a transition's first failing guard, which gives the same answer because guards are pure.");
            w.Line("/// A trigger with several guarded transitions from one state: the one whose guards all hold fires; if none does,");
            w.Line("/// failed is the first failing guard of the first of them (spec order), as Stateless reports it; if more than one");
            w.Line("/// holds, Stateless throws InvalidOperationException (guards must be mutually exclusive), and so does this.</summary>");
            w.Line("/// <typeparam name=\"TGuards\">A struct, for no boxing and no allocation (a class works too).</typeparam>");
            w.Line($"public static bool TryFire<TGuards>({S} state, {T} trigger, ref TGuards guards, out {S} next, out {G}? failed)");
            w.Line($"    where TGuards : I{l.Name}Guards");
            w.Line("{");
            w.Line("    switch (state)");
            w.Line("    {");
            foreach (var s in l.States)
            {
                var outgoing = l.Transitions.Where(t => t.From == s.Name).ToList();
                if (outgoing.Count == 0) continue;
                w.Line($"        case {S}.{s.Name}:");
                w.Line("            switch (trigger)");
                w.Line("            {");
                foreach (var trigger in outgoing.Select(t => t.Trigger).Distinct().ToList())
                {
                    var candidates = outgoing.Where(t => t.Trigger == trigger).ToList();
                    w.Line($"                case {T}.{trigger}:");
                    EmitCase(w, l, candidates, "                    ");
                }
                w.Line("            }");
                w.Line("            break;");
            }
            w.Line("    }");
            w.Line("    return Refuse(state, null, out next, out failed);");
            w.Line("}");
            w.Line();
            w.Line($"private static bool Permit({S} to, out {S} next, out {G}? failed)");
            w.Line("{");
            w.Line("    next = to;");
            w.Line("    failed = null;");
            w.Line("    return true;");
            w.Line("}");
            w.Line();
            w.Line($"private static bool Refuse({S} state, {G}? guard, out {S} next, out {G}? failed)");
            w.Line("{");
            w.Line("    next = state;");
            w.Line("    failed = guard;");
            w.Line("    return false;");
            w.Line("}");
            if (l.Transitions.GroupBy(t => (t.From, t.Trigger)).Any(g => g.Count() > 1))
            {
                w.Line();
                w.Doc("Stateless's refusal (the same exception and message) when two transitions of one trigger are permitted at once.");
                w.Line($"private static global::System.InvalidOperationException MultiplePermitted({S} state, {T} trigger) =>");
                w.Line("    new global::System.InvalidOperationException(\"Multiple permitted exit transitions are configured from state '\" + state.ToString() + \"' for trigger '\" + trigger.ToString() + \"'. Guard clauses must be mutually exclusive.\");");
            }
            w.Close();
            w.Line();
            w.Close();
            return w.ToString();
        }

        private static void EmitCase(SourceWriter w, LifecycleModel l, List<TransitionModel> candidates, string indent)
        {
            var S = l.StateEnum;
            var G = l.GuardEnum;
            if (candidates.Count == 1)
            {
                var t = candidates[0];
                w.Line($"{indent}// {Describe(t)}");
                foreach (var g in t.Guards)
                    w.Line($"{indent}if (!guards.Evaluate({G}.{g})) return Refuse(state, {G}.{g}, out next, out failed);");
                w.Line($"{indent}return Permit({S}.{t.To}, out next, out failed);");
                return;
            }
            // Several transitions (the binder admits this only when every one is guarded): each candidate's first
            // failing guard, or null when all of its guards hold.
            w.Line(indent + "{");
            for (int i = 0; i < candidates.Count; i++)
            {
                var t = candidates[i];
                w.Line($"{indent}    // {Describe(t)}");
                var chain = string.Concat(t.Guards.Select(g => $"!guards.Evaluate({G}.{g}) ? {G}.{g} : "));
                w.Line($"{indent}    {G}? f{i} = {chain}({G}?)null;");
            }
            w.Line($"{indent}    if ({string.Join(" + ", candidates.Select((_, i) => $"(f{i} is null ? 1 : 0)"))} > 1) throw MultiplePermitted(state, trigger);");
            for (int i = 0; i < candidates.Count; i++)
                w.Line($"{indent}    if (f{i} is null) return Permit({S}.{candidates[i].To}, out next, out failed);");
            w.Line($"{indent}    return Refuse(state, f0, out next, out failed);");
            w.Line(indent + "}");
        }

        private static string Describe(TransitionModel t) =>
            $"{t.From} -> {t.To}" + (t.From == t.To ? " (re-entry)" : "") + (t.Guards.Count > 0 ? " when " + string.Join(", ", t.Guards) : "");
    }
}
