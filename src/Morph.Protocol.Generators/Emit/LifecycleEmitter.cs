using System.Linq;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Generators.Emit
{
    /// <summary>Per lifecycle: state and trigger enums, the spec's transitions as data, a factory that configures
    /// a Stateless machine, and the host partial class whose guards are partial methods (unimplemented = CS8795).</summary>
    internal static class LifecycleEmitter
    {
        /// <param name="ruleType">The enum the spec's rules name (build property MorphRuleType), or null: then the
        /// guard → rule mapping is emitted by name only.</param>
        public static string Emit(LifecycleModel l, string? ruleType = null)
        {
            var w = new SourceWriter();
            w.Header("System", "System.Collections.Generic", "Stateless", "Morph.Protocol.Lifecycles");
            w.Open("namespace " + l.Namespace);

            w.Doc($"States of lifecycle {l.Name}. {l.Doc}");
            w.Open($"public enum {l.StateEnum}");
            foreach (var s in l.States)
            {
                w.Doc(s.Doc);
                w.Line(s.Name + ",");
            }
            w.Close();
            w.Line();

            w.Doc($"Triggers of lifecycle {l.Name}.");
            w.Open($"public enum {l.TriggerEnum}");
            foreach (var t in l.Triggers) w.Line(t + ",");
            w.Close();
            w.Line();

            var G = l.GuardEnum;
            w.Doc($"Guards of lifecycle {l.Name}, in spec order (lock guards first); each names the rule it refuses with.");
            w.Open($"public enum {G}");
            foreach (var g in l.Guards)
            {
                w.Doc(string.IsNullOrEmpty(g.Doc) ? $"Refused as {g.Rule}." : $"{g.Doc!.TrimEnd('.')}. Refused as {g.Rule}.");
                w.Line(g.Name + ",");
            }
            w.Close();
            w.Line();

            var S = l.StateEnum;
            var T = l.TriggerEnum;
            w.Doc($"Lifecycle {l.Name} as the spec declares it: its transitions as data, and the Stateless configuration.");
            w.Open($"public static partial class {l.Name}Lifecycle");
            w.Line($"public const string Name = {SourceWriter.Literal(l.Name)};");
            w.Line($"public const string? Description = {SourceWriter.Literal(l.Doc)};");
            w.Line($"public const {S} Initial = {S}.{l.States.First(s => s.IsInitial).Name};");
            w.Line();
            var terminals = l.States.Where(s => s.IsTerminal).Select(s => $"{S}.{s.Name}").ToList();
            w.Line($"public static bool IsTerminal({S} state) => {(terminals.Count == 0 ? "false" : "state is " + string.Join(" or ", terminals))};");
            w.Line();
            w.Doc("Guard names, in the order Configure takes their implementations.");
            w.Line("public static IReadOnlyList<string> GuardNames { get; } = new string[] { " + string.Join(", ", l.Guards.Select(g => SourceWriter.Literal(g.Name))) + " };");
            w.Line();
            w.Doc("The rule each guard refuses with, as the spec names it ('else Rule').");
            w.Open($"public static string RuleNameOf({G} guard) => guard switch");
            foreach (var g in l.Guards) w.Line($"{G}.{g.Name} => {SourceWriter.Literal(g.Rule)},");
            w.Line("_ => throw new ArgumentOutOfRangeException(nameof(guard)),");
            w.Close(";");
            w.Line();
            if (ruleType != null)
            {
                w.Doc("The rule each guard refuses with: a failing guard becomes exactly this error.");
                w.Open($"public static global::{ruleType} RuleOf({G} guard) => guard switch");
                foreach (var g in l.Guards) w.Line($"{G}.{g.Name} => global::{ruleType}.{g.Rule},");
                w.Line("_ => throw new ArgumentOutOfRangeException(nameof(guard)),");
                w.Close(";");
                w.Line();
            }
            w.Doc("The guard Stateless reports by name (the names stay inside generated code).");
            w.Open($"internal static {G} GuardOf(string name) => name switch");
            foreach (var g in l.Guards) w.Line($"{SourceWriter.Literal(g.Name)} => {G}.{g.Name},");
            w.Line("_ => throw new ArgumentOutOfRangeException(nameof(name), name, \"not a guard of lifecycle " + l.Name + "\"),");
            w.Close(";");
            w.Line();
            w.Open("public static IReadOnlyList<LifecycleTransition> Transitions { get; } = new LifecycleTransition[]");
            foreach (var t in l.Transitions)
                w.Line($"new LifecycleTransition({SourceWriter.Literal(t.Trigger)}, {SourceWriter.Literal(t.From)}, {SourceWriter.Literal(t.To)}, " +
                       $"new string[] {{ {string.Join(", ", t.Guards.Select(SourceWriter.Literal))} }}, {Bool(t.ReleasesFunds)}, {SourceWriter.Literal(t.LockParameter)}, " +
                       $"{SourceWriter.Literal(t.WaivedLock)}, {Bool(t.Slash)}, {SourceWriter.Literal(t.Doc)}),");
            w.Close(";");
            w.Line();

            w.Doc("Configures the machine; guards[i] implements GuardNames[i].");
            w.Open($"public static void Configure(StateMachine<{S}, {T}> machine, IReadOnlyList<Func<bool>> guards)");
            w.Line($"if (guards.Count != {l.Guards.Count}) throw new ArgumentException(\"lifecycle {l.Name} takes {l.Guards.Count} guards\", nameof(guards));");
            foreach (var s in l.States)
            {
                var outgoing = l.Transitions.Where(t => t.From == s.Name).ToList();
                if (outgoing.Count == 0) { w.Line($"machine.Configure({S}.{s.Name});"); continue; }
                w.Line($"machine.Configure({S}.{s.Name})");
                for (int i = 0; i < outgoing.Count; i++)
                {
                    var t = outgoing[i];
                    var guards = string.Concat(t.Guards.Select(g => $", Tuple.Create(guards[{IndexOf(l, g)}], {SourceWriter.Literal(g)})"));
                    var end = i == outgoing.Count - 1 ? ";" : "";
                    if (t.From == t.To)
                        w.Line($"    .PermitReentryIf({T}.{t.Trigger}{guards}){end}");
                    else if (t.Guards.Count == 0)
                        w.Line($"    .Permit({T}.{t.Trigger}, {S}.{t.To}){end}");
                    else
                        w.Line($"    .PermitIf({T}.{t.Trigger}, {S}.{t.To}{guards}){end}");
                }
            }
            w.Close();
            w.Line();
            w.Doc("A machine for description (diagrams, docs): every guard reads true.");
            w.Open($"public static StateMachine<{S}, {T}> CreateForDescription()");
            w.Line($"var machine = new StateMachine<{S}, {T}>(Initial);");
            w.Line($"var guards = new Func<bool>[{l.Guards.Count}];");
            w.Line("for (int i = 0; i < guards.Length; i++) guards[i] = static () => true;");
            w.Line("Configure(machine, guards);");
            w.Line("return machine;");
            w.Close();
            w.Close();
            w.Line();

            w.Close();
            return w.ToString();
        }


        /// <summary>The host's partial: emitted for a class marked [Lifecycle("Name")].</summary>
        public static string EmitHost(LifecycleModel l, string hostNamespace, string hostName)
        {
            var w = new SourceWriter();
            w.Header("System", "Stateless", l.Namespace);
            var S = l.StateEnum;
            var T = l.TriggerEnum;
            if (hostNamespace.Length > 0) w.Open("namespace " + hostNamespace);
            w.Doc($"The host of lifecycle {l.Name}: its state, its machine, and one partial method per guard.");
            w.Open($"partial class {hostName}");
            w.Line($"private StateMachine<{S}, {T}>? _lifecycle;");
            w.Line();
            w.Doc("The current state of this lifecycle.");
            w.Line($"public {S} State {{ get; private set; }} = {l.Name}Lifecycle.Initial;");
            w.Line();
            w.Doc("The Stateless machine over State, its guards bound to this object's partial methods.");
            w.Open($"internal StateMachine<{S}, {T}> Lifecycle");
            w.Open("get");
            w.Open("if (_lifecycle is null)");
            w.Line($"_lifecycle = new StateMachine<{S}, {T}>(() => State, s => State = s);");
            // Lambdas, not method groups: a missing guard is then one error (CS8795 naming it), not also CS0762.
            w.Line($"{l.Name}Lifecycle.Configure(_lifecycle, new Func<bool>[] {{ {string.Join(", ", l.Guards.Select(g => "() => " + g.Name + "()"))} }});");
            w.Close();
            w.Line("return _lifecycle;");
            w.Close();
            w.Close();
            w.Line();
            w.Line($"public bool CanFire({T} trigger) => Lifecycle.CanFire(trigger);");
            w.Line();
            w.Doc("Whether the trigger may fire now; if not, the first guard that fails (spec order), or null when the state does not permit the trigger at all.");
            w.Open($"public bool CanFire({T} trigger, out {l.GuardEnum}? failed)");
            w.Line("if (Lifecycle.CanFire(trigger, out var unmet)) { failed = null; return true; }");
            w.Line($"failed = unmet is {{ Count: > 0 }} ? {l.Name}Lifecycle.GuardOf(System.Linq.Enumerable.First(unmet)) : null;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Doc("Fires a trigger. Callers validate first (every refusal is a typed error); a refused fire here is a bug.");
            w.Line($"internal void Fire({T} trigger) => Lifecycle.Fire(trigger);");
            foreach (var g in l.Guards)
            {
                w.Line();
                w.Doc(g.LockParameter != null ? $"Lock guard: {g.Doc} (generated from 'after lock {g.LockParameter}')." : $"Guard: {g.Doc}");
                w.Line($"private partial bool {g.Name}();");
            }
            w.Close();
            if (hostNamespace.Length > 0) w.Close();
            return w.ToString();
        }

        private static int IndexOf(LifecycleModel l, string guard)
        {
            for (int i = 0; i < l.Guards.Count; i++) if (l.Guards[i].Name == guard) return i;
            return -1;
        }

        private static string Bool(bool b) => b ? "true" : "false";
    }
}
