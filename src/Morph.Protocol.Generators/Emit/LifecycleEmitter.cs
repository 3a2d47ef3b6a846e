using System.Linq;
using Morph.Protocol.Spec;
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
            w.Header();
            w.Open("namespace " + l.Namespace);

            w.Doc($"States of lifecycle {l.Name}. {l.Doc}");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public enum {l.StateEnum}");
            foreach (var s in l.States)
            {
                w.Doc(s.Doc);
                w.Line(s.Name + ",");
            }
            w.Close();
            w.Line();

            w.Doc($"Triggers of lifecycle {l.Name}.");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public enum {l.TriggerEnum}");
            foreach (var t in l.Triggers) w.Line(t + ",");
            w.Close();
            w.Line();

            var G = l.GuardEnum;
            w.Doc($"Guards of lifecycle {l.Name}, in spec order (lock guards first); each names the rule it refuses with.");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public enum {G}");
            foreach (var g in l.Guards)
            {
                w.Doc(string.IsNullOrEmpty(g.Doc) ? $"Refused as {g.Rule}." : $"{g.Doc!.TrimEnd('.')}. Refused as {g.Rule}.");
                w.Line(g.Name + ",");
            }
            w.Close();
            w.Line();

            foreach (var tt in l.TypedTriggers)
            {
                w.Doc($"The arguments of trigger {tt.Name} of lifecycle {l.Name}. {tt.Doc}");
                w.Line(SourceWriter.GeneratedCode);
                w.Line($"public readonly record struct {ArgsType(l, tt.Name)}({string.Join(", ", tt.Parameters.Select(p => AbiTypeMapping.QualifiedClrType(p.Type) + " " + AbiTypeMapping.Pascal(p.Name)))});");
                w.Line();
            }

            if (l.Key.Count > 0)
            {
                w.Doc($"What identifies one entity of lifecycle {l.Name}.");
                w.Line(SourceWriter.GeneratedCode);
                w.Line($"public readonly record struct {l.Name}Key({string.Join(", ", l.Key.Select(p => AbiTypeMapping.QualifiedClrType(p.Type) + " " + AbiTypeMapping.Pascal(p.Name)))});");
                w.Line();
            }

            var S = l.StateEnum;
            var T = l.TriggerEnum;
            w.Doc($"Lifecycle {l.Name} as the spec declares it: its transitions as data, and the Stateless configuration.");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"public static partial class {l.Name}Lifecycle");
            w.Line($"public const string Name = {SourceWriter.Literal(l.Name)};");
            w.Line($"public const string? Description = {SourceWriter.Literal(l.Doc)};");
            w.Line($"public const {S} Initial = {S}.{l.States.First(s => s.IsInitial).Name};");
            w.Line();
            var terminals = l.States.Where(s => s.IsTerminal).Select(s => $"{S}.{s.Name}").ToList();
            w.Line($"public static bool IsTerminal({S} state) => {(terminals.Count == 0 ? "false" : "state is " + string.Join(" or ", terminals))};");
            w.Line();
            w.Doc("Guard names, in the order Configure takes their implementations.");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> GuardNames { get; } = new string[] { " + string.Join(", ", l.Guards.Select(g => SourceWriter.Literal(g.Name))) + " };");
            w.Line();
            foreach (var c in l.Counts)
            {
                w.Doc($"Whether an entity in this state counts toward bound {c.Bound}.");
                w.Line($"public static bool CountsToward{c.Bound}({S} state) => state is {string.Join(" or ", c.States.Select(s => S + "." + s))};");
                w.Line();
                if (l.Key.Count > 0)
                {
                    w.Doc($"The key of bound {c.Bound} an entity counts under, from its own key.");
                    w.Line($"public static global::{c.BoundNamespace}.{c.Bound}Key {c.Bound}KeyOf({l.Name}Key key) => new({string.Join(", ", c.BoundKey.Select(f => "key." + AbiTypeMapping.Pascal(f)))});");
                    w.Line();
                }
            }
            foreach (var c in l.Creates)
            {
                w.Doc($"The state trigger {c.Trigger} creates an entity in. {c.Doc}");
                w.Line($"public const {S} {c.Trigger}Creates = {S}.{c.State};");
                w.Line();
            }
            w.Doc("The rule each guard refuses with, as the spec names it ('else Rule').");
            w.Open($"public static string RuleNameOf({G} guard) => guard switch");
            foreach (var g in l.Guards) w.Line($"{G}.{g.Name} => {SourceWriter.Literal(g.Rule)},");
            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(guard)),");
            w.Close(";");
            w.Line();
            if (ruleType != null)
            {
                w.Doc("The rule each guard refuses with: a failing guard becomes exactly this error.");
                w.Open($"public static global::{ruleType} RuleOf({G} guard) => guard switch");
                foreach (var g in l.Guards) w.Line($"{G}.{g.Name} => global::{ruleType}.{g.Rule},");
                w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(guard)),");
                w.Close(";");
                w.Line();
            }
            w.Doc("The guard Stateless reports by name (the names stay inside generated code).");
            w.Open($"internal static {G} GuardOf(string name) => name switch");
            foreach (var g in l.Guards) w.Line($"{SourceWriter.Literal(g.Name)} => {G}.{g.Name},");
            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(name), name, \"not a guard of lifecycle " + l.Name + "\"),");
            w.Close(";");
            w.Line();
            w.Open("public static global::System.Collections.Generic.IReadOnlyList<global::Morph.Protocol.Lifecycles.LifecycleTransition> Transitions { get; } = new global::Morph.Protocol.Lifecycles.LifecycleTransition[]");
            foreach (var t in l.Transitions)
                w.Line($"new global::Morph.Protocol.Lifecycles.LifecycleTransition({SourceWriter.Literal(t.Trigger)}, {SourceWriter.Literal(t.From)}, {SourceWriter.Literal(t.To)}, " +
                       $"new string[] {{ {string.Join(", ", t.Guards.Select(SourceWriter.Literal))} }}, {Bool(t.ReleasesFunds)}, {SourceWriter.Literal(t.LockParameter)}, " +
                       $"{SourceWriter.Literal(t.WaivedLock)}, {Bool(t.Slash)}, {SourceWriter.Literal(t.Doc)}),");
            w.Close(";");
            w.Line();

            foreach (var tt in l.TypedTriggers)
            {
                w.Doc($"Trigger {tt.Name} with its arguments (Stateless's TriggerWithParameters).");
                w.Line($"public static readonly global::Stateless.StateMachine<{S}, {T}>.TriggerWithParameters<{ArgsType(l, tt.Name)}> {tt.Name}WithArgs = new({T}.{tt.Name});");
                w.Line();
            }
            w.Doc("Whether a trigger carries arguments (then it fires only through its typed methods).");
            w.Line(l.TypedTriggers.Count == 0
                ? $"public static bool TakesArguments({T} trigger) => false;"
                : $"public static bool TakesArguments({T} trigger) => trigger is {string.Join(" or ", l.TypedTriggers.Select(t => T + "." + t.Name))};");
            w.Line();
            w.Doc("The guards' implementations, typed: a guard that reads trigger arguments takes them.");
            w.Line(SourceWriter.GeneratedCode);
            w.Line($"public sealed record GuardBindings({string.Join(", ", l.Guards.Select(g => GuardDelegate(g) + " " + g.Name))});");
            w.Line();
            w.Doc("Configures the machine with the hosts' guards: triggers with arguments are TriggerWithParameters, and each guard reads the arguments it declares.");
            w.Open($"public static void Configure(global::Stateless.StateMachine<{S}, {T}> machine, GuardBindings guards)");
            foreach (var tt in l.TypedTriggers) w.Line($"machine.SetTriggerParameters<{ArgsType(l, tt.Name)}>({T}.{tt.Name});");
            EmitConfiguration(w, l, typed: true);
            w.Close();
            w.Line();

            w.Doc("Configures the machine by guard outcome (oracles, diagrams, tests): guards[i] implements GuardNames[i]; every trigger is configured without arguments.");
            w.Open($"public static void Configure(global::Stateless.StateMachine<{S}, {T}> machine, global::System.Collections.Generic.IReadOnlyList<global::System.Func<bool>> guards)");
            w.Line($"if (guards.Count != {l.Guards.Count}) throw new global::System.ArgumentException(\"lifecycle {l.Name} takes {l.Guards.Count} guards\", nameof(guards));");
            EmitConfiguration(w, l, typed: false);
            w.Close();
            w.Line();
            w.Doc("A machine for description (diagrams, docs): every guard reads true.");
            w.Open($"public static global::Stateless.StateMachine<{S}, {T}> CreateForDescription()");
            w.Line($"var machine = new global::Stateless.StateMachine<{S}, {T}>(Initial);");
            w.Line($"var guards = new global::System.Func<bool>[{l.Guards.Count}];");
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
        public static string EmitHost(LifecycleModel l, string hostNamespace, string hostName, EquatableArray<string> containers = default)
        {
            var w = new SourceWriter();
            w.Header();
            // Every name qualified: a host's own members or usings cannot capture a generated reference.
            var Q = "global::" + l.Namespace + ".";
            var S = Q + l.StateEnum;
            var T = Q + l.TriggerEnum;
            var G = Q + l.GuardEnum;
            var L = Q + l.Name + "Lifecycle";
            var X = Q + l.Name + "Transitions";
            // An entity decides through the static transition function (no machine per instance, nothing allocated);
            // a singleton runs on its Stateless machine. The two are proven equal by the equivalence tests.
            bool entity = !l.IsSingleton;
            if (hostNamespace.Length > 0) w.Open("namespace " + hostNamespace);
            foreach (var c in containers) w.Open(c);
            w.Doc($"The host of lifecycle {l.Name}: its state, its machine, and one partial method per guard.");
            w.Line(SourceWriter.GeneratedCode);
            w.Open($"partial class {hostName}");
            w.Line($"private global::Stateless.StateMachine<{S}, {T}>? _lifecycle;");
            w.Line();
            w.Doc("The current state of this lifecycle.");
            w.Line($"public {S} State {{ get; private set; }} = {L}.Initial;");
            w.Line();
            w.Doc(entity
                ? "A Stateless machine over State, its guards bound to this object's partial methods: for inspection, diagrams and tests. The host decides through the static transition function, which allocates nothing."
                : "The Stateless machine over State, its guards bound to this object's partial methods.");
            w.Open($"internal global::Stateless.StateMachine<{S}, {T}> Lifecycle");
            w.Open("get");
            w.Open("if (_lifecycle is null)");
            w.Line($"_lifecycle = new global::Stateless.StateMachine<{S}, {T}>(() => State, s => State = s);");
            // Lambdas, not method groups: a missing guard is then one error (CS8795 naming it), not also CS0762.
            w.Line($"{L}.Configure(_lifecycle, new {L}.GuardBindings({string.Join(", ", l.Guards.Select(HostLambda))}));");
            w.Close();
            w.Line("return _lifecycle;");
            w.Close();
            w.Close();
            w.Line();
            var typedCheck = l.TypedTriggers.Count == 0 ? null
                : $"if ({L}.TakesArguments(trigger)) throw new global::System.ArgumentException($\"trigger {{trigger}} of lifecycle {l.Name} takes arguments: use CanFire{{trigger}} and Fire{{trigger}}\", nameof(trigger));";
            if (entity) w.Line($"public bool CanFire({T} trigger) => CanFire(trigger, out _);");
            else if (typedCheck is null) w.Line($"public bool CanFire({T} trigger) => Lifecycle.CanFire(trigger);");
            else
            {
                w.Open($"public bool CanFire({T} trigger)");
                w.Line(typedCheck);
                w.Line("return Lifecycle.CanFire(trigger);");
                w.Close();
            }
            w.Line();
            w.Doc("Whether the trigger may fire now; if not, the first guard that fails (spec order), or null when the state does not permit the trigger at all.");
            w.Open($"public bool CanFire({T} trigger, out {G}? failed)");
            if (typedCheck != null) w.Line(typedCheck);
            if (entity)
            {
                w.Line("var guards = new __Guards(this);");
                w.Line($"return {X}.TryFire(State, trigger, ref guards, out _, out failed);");
            }
            else
            {
                w.Line("if (Lifecycle.CanFire(trigger, out var unmet)) { failed = null; return true; }");
                w.Line($"failed = unmet is {{ Count: > 0 }} ? {L}.GuardOf(global::System.Linq.Enumerable.First(unmet)) : null;");
                w.Line("return false;");
            }
            w.Close();
            w.Line();
            w.Doc("Fires a trigger. Callers validate first (every refusal is a typed error); a refused fire here is a bug.");
            var untypedStarts = l.Locks.SelectMany(k => k.From.Where(f => f != "created" && l.TypedTrigger(f) is null).Select(f => (Lock: k, Trigger: f))).ToList();
            if (!entity && typedCheck is null && untypedStarts.Count == 0) w.Line($"internal void Fire({T} trigger) => Lifecycle.Fire(trigger);");
            else
            {
                w.Open($"internal void Fire({T} trigger)");
                if (typedCheck != null) w.Line(typedCheck);
                if (entity)
                {
                    w.Line("var guards = new __Guards(this);");
                    w.Line($"if (!{X}.TryFire(State, trigger, ref guards, out var next, out var failed)) throw __Refused(trigger, failed);");
                    w.Line("State = next;");
                }
                else w.Line("Lifecycle.Fire(trigger);");
                foreach (var k in l.Locks)
                {
                    var starts = untypedStarts.Where(x => x.Lock == k).Select(x => $"{T}.{x.Trigger}").ToList();
                    if (starts.Count > 0) w.Line($"if (trigger is {string.Join(" or ", starts)}) Start{Pascal(k.Parameter)}(ClockNow({ClockOf(k)}));");
                }
                w.Close();
            }
            foreach (var tt in l.TypedTriggers)
            {
                var args = $"new {Q}{ArgsType(l, tt.Name)}({string.Join(", ", tt.Parameters.Select(p => "@" + p.Name))})";
                w.Line();
                w.Doc($"Whether trigger {tt.Name} may fire now with these arguments; if not, the first guard that fails, or null when the state does not permit it.");
                w.Line(TriggerAttribute(l, tt.Name));
                w.Open($"public bool CanFire{tt.Name}({Parameters(tt.Parameters)}, out {G}? failed)");
                if (entity)
                {
                    w.Line($"var guards = new __{tt.Name}Guards(this, {args});");
                    w.Line($"return {X}.TryFire(State, {T}.{tt.Name}, ref guards, out _, out failed);");
                }
                else
                {
                    w.Line($"if (Lifecycle.CanFire({L}.{tt.Name}WithArgs, {args}, out var unmet)) {{ failed = null; return true; }}");
                    w.Line($"failed = unmet is {{ Count: > 0 }} ? {L}.GuardOf(global::System.Linq.Enumerable.First(unmet)) : null;");
                    w.Line("return false;");
                }
                w.Close();
                w.Line();
                w.Doc($"Fires trigger {tt.Name} with its arguments. Callers validate first with CanFire{tt.Name}.");
                w.Line(TriggerAttribute(l, tt.Name));
                var startsHere = l.Locks.Where(k => k.From.Contains(tt.Name)).ToList();
                if (!entity && startsHere.Count == 0) w.Line($"internal void Fire{tt.Name}({Parameters(tt.Parameters)}) => Lifecycle.Fire({L}.{tt.Name}WithArgs, {args});");
                else
                {
                    w.Open($"internal void Fire{tt.Name}({Parameters(tt.Parameters)})");
                    if (entity)
                    {
                        w.Line($"var guards = new __{tt.Name}Guards(this, {args});");
                        w.Line($"if (!{X}.TryFire(State, {T}.{tt.Name}, ref guards, out var next, out var failed)) throw __Refused({T}.{tt.Name}, failed);");
                        w.Line("State = next;");
                    }
                    else w.Line($"Lifecycle.Fire({L}.{tt.Name}WithArgs, {args});");
                    foreach (var k in startsHere) w.Line($"Start{Pascal(k.Parameter)}(ClockNow({ClockOf(k)}));");
                    w.Close();
                }
            }
            foreach (var trigger in l.Triggers.Where(t => l.TypedTrigger(t) is null))
            {
                w.Line();
                w.Doc($"Whether trigger {trigger} may fire now; if not, the first guard that fails, or null when the state does not permit it.");
                w.Line(TriggerAttribute(l, trigger));
                w.Line($"public bool CanFire{trigger}(out {G}? failed) => CanFire({T}.{trigger}, out failed);");
                w.Line();
                w.Doc($"Fires trigger {trigger}. Callers validate first with CanFire{trigger}.");
                w.Line(TriggerAttribute(l, trigger));
                w.Line($"internal void Fire{trigger}() => Fire({T}.{trigger});");
            }
            foreach (var k in l.Locks)
            {
                var p = Pascal(k.Parameter);
                var kind = k.Kind;
                var starts = k.StartsAtCreation ? "by the host, with Start" + p : "when " + string.Join(" or ", k.From) + " fires";
                w.Line();
                w.Doc($"The {ClockName(k)} at which the {kind} '{k.Parameter}' started ({starts}), or null.");
                w.Line($"public ulong? {p}Start {{ get; private set; }}");
                w.Line();
                w.Doc($"start + {k.Parameter}, exactly: from this {ClockName(k)} the {kind} has elapsed (a boundary beyond the last one is never reached).");
                w.Line($"public global::Morph.Protocol.Lifecycles.BlockBoundary? {p}Ends => {p}Start is {{ }} start ? global::Morph.Protocol.Lifecycles.BlockBoundary.After(start, LockParameters().{p}) : null;");
                w.Line();
                w.Doc($"Starts (or restarts) the {kind} '{k.Parameter}' at <paramref name=\"at\"/>.");
                w.Line($"internal void Start{p}(ulong at) => {p}Start = at;");
                w.Line();
                if (k.IsWindow)
                {
                    w.Doc($"Window guard, generated from 'window {k.Parameter} on {k.Clock}': now <= start + {k.Parameter}, never wrapping. Refused as {k.Rule}.");
                    w.Line(GuardAttribute(l, l.Guards.First(g => g.Name == k.GuardName)));
                    w.Line($"private bool {k.GuardName}() => {p}Ends is {{ }} end && !end.IsPassedAt(ClockNow({ClockOf(k)}));");
                    w.Line();
                    w.Doc($"Window guard, generated from 'window {k.Parameter} on {k.Clock}': now > start + {k.Parameter}, never wrapping. Refused as {k.ClosedRule}.");
                    w.Line(GuardAttribute(l, l.Guards.First(g => g.Name == k.ClosedGuard)));
                    w.Line($"private bool {k.ClosedGuard}() => {p}Ends is {{ }} end && end.IsPassedAt(ClockNow({ClockOf(k)}));");
                    continue;
                }
                w.Doc($"Lock guard, generated from '{kind} {k.Parameter} on {k.Clock}': now >= start + {k.Parameter}, never wrapping. Refused as {k.Rule}.");
                w.Line(GuardAttribute(l, l.Guards.First(g => g.Name == k.GuardName)));
                w.Line($"private bool {k.GuardName}() => {p}Ends is {{ }} end && end.IsReachedAt(ClockNow({ClockOf(k)}));");
            }
            if (l.Locks.Count > 0)
            {
                w.Line();
                w.Doc("Now, on the clock a lock counts on: the host supplies it (L1 block, L2 block, or epoch).");
                w.Line("private partial ulong ClockNow(global::Morph.Protocol.Lifecycles.LifecycleClock clock);");
                w.Line();
                w.Doc("The parameters the locks' durations are read from.");
                w.Line($"private partial global::{l.ParametersNamespace}.ProtocolParameters LockParameters();");
            }
            if (entity) EmitGuardEvaluators(w, l, hostName, G, T);
            foreach (var g in l.Guards.Where(g => g.LockParameter is null && g.Window is null))
            {
                w.Line();
                w.Doc(g.IsEventLock ? $"Event lock: {g.Doc}" : $"Guard: {g.Doc}");
                w.Line(GuardAttribute(l, g));
                w.Line($"private partial bool {g.Name}({Parameters(g.Parameters)});");
            }
            w.Close();
            foreach (var _ in containers) w.Close();
            if (hostNamespace.Length > 0) w.Close();
            return w.ToString();
        }

        private static string Pascal(string name) => AbiTypeMapping.Pascal(name);

        /// <summary>The trigger's rules as metadata, read by analyzers from symbols: its kind, what it pays, the lock it
        /// waits for or waives, whether it slashes (over every transition on it).</summary>
        private static string TriggerAttribute(LifecycleModel l, string trigger)
        {
            var ts = l.Transitions.Where(t => t.Trigger == trigger).ToList();
            var named = new System.Collections.Generic.List<string>();
            if (ts.Select(t => t.Pays).FirstOrDefault(p => p != null) is { } pays) named.Add("Pays = " + SourceWriter.Literal(pays));
            if (ts.Select(t => t.LockParameter).FirstOrDefault(p => p != null) is { } lk) named.Add("Lock = " + SourceWriter.Literal(lk));
            if (ts.Select(t => t.WaivedLock).FirstOrDefault(p => p != null) is { } wv) named.Add("Waives = " + SourceWriter.Literal(wv));
            if (ts.Select(t => t.WaiverGuard).FirstOrDefault(p => p != null) is { } wg) named.Add("WaiverGuard = " + SourceWriter.Literal(wg));
            if (ts.Any(t => t.Slash)) named.Add("Slashes = true");
            var causes = ts.SelectMany(t => t.Causes).Distinct().ToList();
            if (causes.Count > 0) named.Add("Causes = new string[] { " + string.Join(", ", causes.Select(SourceWriter.Literal)) + " }");
            return $"[global::Morph.Protocol.Lifecycles.LifecycleTrigger({SourceWriter.Literal(l.Name)}, {SourceWriter.Literal(trigger)}, " +
                   $"global::Morph.Protocol.Lifecycles.TriggerKind.{l.KindOf(trigger)}{string.Concat(named.Select(n => ", " + n))})]";
        }

        private static string GuardAttribute(LifecycleModel l, GuardModel g)
        {
            var named = "";
            if (g.LockParameter != null) named += ", Lock = " + SourceWriter.Literal(g.LockParameter);
            if (g.IsEventLock) named += ", IsEventLock = true";
            return $"[global::Morph.Protocol.Lifecycles.LifecycleGuard({SourceWriter.Literal(l.Name)}, {SourceWriter.Literal(g.Name)}, {SourceWriter.Literal(g.Rule)}{named})]";
        }

        private static string ClockOf(LockModel k) => "global::Morph.Protocol.Lifecycles.LifecycleClock." + k.Clock switch { "l1" => "L1", "l2" => "L2", _ => "Epochs" };

        private static string ClockName(LockModel k) => k.Clock switch { "l1" => "L1 block", "l2" => "L2 block", _ => "epoch" };

        /// <summary>For an entity host: the guard evaluators the static transition function asks (structs over the host
        /// and, for a trigger with arguments, its argument record: no boxing, no allocation), and the refusal of a Fire.</summary>
        private static void EmitGuardEvaluators(SourceWriter w, LifecycleModel l, string hostName, string G, string T)
        {
            void Evaluator(string name, string? argsType, System.Func<GuardModel, string?> call)
            {
                w.Line();
                w.Line(SourceWriter.GeneratedCode);
                w.Open($"private readonly struct {name} : global::{l.Namespace}.I{l.Name}Guards");
                w.Line($"private readonly {hostName} _host;");
                if (argsType != null) w.Line($"private readonly {argsType} _args;");
                w.Line(argsType != null ? $"public {name}({hostName} host, {argsType} args) {{ _host = host; _args = args; }}" : $"public {name}({hostName} host) => _host = host;");
                w.Open($"public bool Evaluate({G} guard) => guard switch");
                foreach (var g in l.Guards)
                    if (call(g) is { } c) w.Line($"{G}.{g.Name} => {c},");
                w.Line($"_ => throw new global::System.InvalidOperationException($\"guard {{guard}} of lifecycle {l.Name} reads arguments this trigger does not carry\"),");
                w.Close(";");
                w.Close();
            }
            Evaluator("__Guards", null, g => g.Parameters.Count == 0 ? $"_host.{g.Name}()" : null);
            foreach (var tt in l.TypedTriggers)
                Evaluator($"__{tt.Name}Guards", $"global::{l.Namespace}.{ArgsType(l, tt.Name)}", g =>
                    g.Parameters.All(p => tt.Parameters.Any(a => a.Name == p.Name))
                        ? $"_host.{g.Name}({string.Join(", ", g.Parameters.Select(p => "_args." + Pascal(p.Name)))})"
                        : null);
            w.Line();
            w.Line($"private global::System.InvalidOperationException __Refused({T} trigger, {G}? failed) =>");
            w.Line($"    new($\"lifecycle {l.Name}: trigger {{trigger}} is not permitted in state {{State}}\" + (failed is {{ }} g ? $\" (guard {{g}} fails)\" : \"\") + \": validate with CanFire first\");");
        }

        private static string HostLambda(GuardModel g) =>
            $"({string.Join(", ", g.Parameters.Select(p => "@" + p.Name))}) => {g.Name}({string.Join(", ", g.Parameters.Select(p => "@" + p.Name))})";

        /// <summary>The Permit calls of every state. Typed: a trigger with arguments is its TriggerWithParameters and
        /// each guard a lambda over the argument record; by outcome: guards[i] as Func&lt;bool&gt;.</summary>
        private static void EmitConfiguration(SourceWriter w, LifecycleModel l, bool typed)
        {
            var S = l.StateEnum;
            var T = l.TriggerEnum;
            foreach (var s in l.States)
            {
                var outgoing = l.Transitions.Where(t => t.From == s.Name).ToList();
                if (outgoing.Count == 0) { w.Line($"machine.Configure({S}.{s.Name});"); continue; }
                w.Line($"machine.Configure({S}.{s.Name})");
                for (int i = 0; i < outgoing.Count; i++)
                {
                    var t = outgoing[i];
                    var tt = typed ? l.TypedTrigger(t.Trigger) : null;
                    string Guard(string g)
                    {
                        if (!typed) return $", global::System.Tuple.Create(guards[{IndexOf(l, g)}], {SourceWriter.Literal(g)})";
                        var model = l.Guards.First(x => x.Name == g);
                        if (tt is null) return $", global::System.Tuple.Create(guards.{g}, {SourceWriter.Literal(g)})";
                        var call = $"guards.{g}({string.Join(", ", model.Parameters.Select(p => "a." + AbiTypeMapping.Pascal(p.Name)))})";
                        return $", global::System.Tuple.Create<global::System.Func<{ArgsType(l, tt.Name)}, bool>, string>(a => {call}, {SourceWriter.Literal(g)})";
                    }
                    var guards = string.Concat(t.Guards.Select(Guard));
                    var trigger = tt is null ? $"{T}.{t.Trigger}" : $"{t.Trigger}WithArgs";
                    var end = i == outgoing.Count - 1 ? ";" : "";
                    if (t.From == t.To)
                        w.Line($"    .PermitReentryIf({trigger}{guards}){end}");
                    else if (t.Guards.Count == 0)
                        w.Line($"    .Permit({T}.{t.Trigger}, {S}.{t.To}){end}");
                    else
                        w.Line($"    .PermitIf({trigger}, {S}.{t.To}{guards}){end}");
                }
            }
        }

        private static string ArgsType(LifecycleModel l, string trigger) => l.Name + trigger + "Args";

        private static string GuardDelegate(GuardModel g) => g.Parameters.Count == 0
            ? "global::System.Func<bool>"
            : $"global::System.Func<{string.Join(", ", g.Parameters.Select(p => AbiTypeMapping.QualifiedClrType(p.Type)))}, bool>";

        private static string Parameters(EquatableArray<FieldModel> ps) =>
            string.Join(", ", ps.Select(p => AbiTypeMapping.QualifiedClrType(p.Type) + " @" + p.Name));

        private static int IndexOf(LifecycleModel l, string guard)
        {
            for (int i = 0; i < l.Guards.Count; i++) if (l.Guards[i].Name == guard) return i;
            return -1;
        }

        private static string Bool(bool b) => b ? "true" : "false";
    }
}
