using System;
using System.Collections.Generic;
using System.Linq;
using Morph.Protocol.Spec.Diagnostics;
using Morph.Protocol.Spec.Model;
using Morph.Protocol.Spec.Syntax;

namespace Morph.Protocol.Spec.Binding
{
    public sealed partial class Binder
    {
        /// <summary>The name of the guard generated for <c>after lock P</c>.</summary>
        public static string LockGuardName(string parameter) => Pascal(parameter) + "Elapsed";

        /// <summary>The rule a running lock refuses with unless the transition names another (<c>after lock P else R</c>).</summary>
        public const string DefaultLockRule = "LockNotExpired";

        private LifecycleModel? BindLifecycle(LifecycleSyntax l, string ns)
        {
            int errorsBefore = _diagnostics.Count(d => d.Severity == SpecSeverity.Error);
            var states = new Dictionary<string, StateSyntax>(StringComparer.Ordinal);
            foreach (var s in l.States)
                if (!states.ContainsKey(s.Name.Text)) states.Add(s.Name.Text, s);
                else Error(SpecDiagnosticIds.DuplicateDeclaration, s.Name.Span, $"state '{s.Name.Text}' is declared twice in lifecycle '{l.Name.Text}'");

            var initials = l.States.Where(s => s.Initial).ToList();
            if (initials.Count != 1)
                Error(SpecDiagnosticIds.InitialState, initials.Count > 1 ? initials[1].Name.Span : l.Name.Span,
                    $"lifecycle '{l.Name.Text}' must mark exactly one state 'initial' (found {initials.Count})");

            var guards = new Dictionary<string, GuardSyntax>(StringComparer.Ordinal);
            foreach (var g in l.Guards)
                if (!guards.ContainsKey(g.Name.Text)) guards.Add(g.Name.Text, g);
                else Error(SpecDiagnosticIds.DuplicateDeclaration, g.Name.Span, $"guard '{g.Name.Text}' is declared twice in lifecycle '{l.Name.Text}'");

            // Triggers with arguments, and what each guard reads of them.
            var triggerDecls = new Dictionary<string, (TriggerSyntax Syntax, EquatableArray<FieldModel> Parameters)>(StringComparer.Ordinal);
            foreach (var t in l.Triggers)
            {
                var ps = BindParams(t.Parameters, $"trigger '{t.Name.Text}'");
                if (!triggerDecls.ContainsKey(t.Name.Text)) triggerDecls.Add(t.Name.Text, (t, ps));
                else Error(SpecDiagnosticIds.DuplicateDeclaration, t.Name.Span, $"trigger '{t.Name.Text}' is declared twice in lifecycle '{l.Name.Text}'");
            }
            var guardParams = new Dictionary<string, EquatableArray<FieldModel>>(StringComparer.Ordinal);
            foreach (var g in l.Guards)
                if (!guardParams.ContainsKey(g.Name.Text)) guardParams.Add(g.Name.Text, BindParams(g.Parameters, $"guard '{g.Name.Text}'"));

            var usedGuards = new HashSet<string>(StringComparer.Ordinal);
            var lockGuards = new List<GuardModel>();
            var locks = new Dictionary<string, LockModel>(StringComparer.Ordinal);
            var usedTriggers = new HashSet<string>(l.Transitions.Select(t => t.Trigger.Text), StringComparer.Ordinal);
            // Declared, even with an error (reported once, at the declaration, not again at every use).
            var declaredLocks = new HashSet<string>(l.Locks.Where(k => !k.IsWindow).Select(k => k.Parameter.Text), StringComparer.Ordinal);
            var windowGuards = new HashSet<string>(StringComparer.Ordinal);
            foreach (var k in l.Locks)
            {
                var what = k.IsWindow ? "window" : k.IsWait ? "wait" : "lock";
                if (locks.ContainsKey(k.Parameter.Text))
                { Error(SpecDiagnosticIds.DuplicateDeclaration, k.Parameter.Span, $"{what} '{k.Parameter.Text}' is declared twice in lifecycle '{l.Name.Text}'"); continue; }
                if (!_parameters.TryGetValue(k.Parameter.Text, out var p) || p.Kind != ParameterKind.UInt)
                { Error(SpecDiagnosticIds.UnknownLockParameter, k.Parameter.Span, $"{what} '{k.Parameter.Text}' must name an unsigned integer parameter of the 'parameters' block"); continue; }
                if (k.Clock.Text is not ("l1" or "l2" or "epochs"))
                { Error(SpecDiagnosticIds.UnitMismatch, k.Clock.Span, $"unknown clock '{k.Clock.Text}': expected l1, l2 or epochs"); continue; }
                if (p.Clock != k.Clock.Text)
                {
                    Error(SpecDiagnosticIds.UnitMismatch, k.Clock.Span, p.Clock is null
                        ? $"{what} '{p.Name}' is counted on {k.Clock.Text}, but parameter '{p.Name}' has no clock unit: give its value one (l1blocks, l2blocks or epochs)"
                        : $"{what} '{p.Name}' is counted on {k.Clock.Text}, but parameter '{p.Name}' is in {UnitOf(p.Clock)}: one duration, one clock");
                    continue;
                }
                bool fromOk = true;
                foreach (var f in k.From)
                    if (f.Text != "created" && !usedTriggers.Contains(f.Text))
                    { Error(SpecDiagnosticIds.UndeclaredLock, f.Span, $"{what} '{p.Name}' starts at trigger '{f.Text}', which no transition of lifecycle '{l.Name.Text}' fires (or write 'from created')"); fromOk = false; }
                if (!fromOk) continue;
                if (k.IsWindow)
                {
                    var open = Pascal(p.Name) + "Open";
                    var closed = Pascal(p.Name) + "Closed";
                    var window = new LockModel(p.Name, open, false, k.Clock.Text, k.From.Select(f => f.Text).ToEquatableArray(), k.Rule!.Text, k.Doc)
                        { IsWindow = true, ClosedGuard = closed, ClosedRule = k.ClosedRule!.Text };
                    locks.Add(p.Name, window);
                    windowGuards.Add(open);
                    windowGuards.Add(closed);
                    lockGuards.Add(new GuardModel(open, $"now <= start + {p.Name} (window '{p.Name}' open)", null, window.Rule) { Window = p.Name });
                    lockGuards.Add(new GuardModel(closed, $"now > start + {p.Name} (window '{p.Name}' closed)", null, window.ClosedRule!) { Window = p.Name });
                    continue;
                }
                var model = new LockModel(p.Name, LockGuardName(p.Name), k.IsWait, k.Clock.Text, k.From.Select(f => f.Text).ToEquatableArray(), k.Rule?.Text ?? DefaultLockRule, k.Doc);
                locks.Add(p.Name, model);
                lockGuards.Add(new GuardModel(model.GuardName, k.Doc ?? $"the {what} '{p.Name}' has elapsed", p.Name, model.Rule));
            }
            var transitions = new List<TransitionModel>();
            foreach (var t in l.Transitions)
            {
                foreach (var f in t.From.Concat(new[] { t.To }))
                    if (!states.ContainsKey(f.Text)) Error(SpecDiagnosticIds.UnknownState, f.Span, $"unknown state '{f.Text}' in lifecycle '{l.Name.Text}': expected one of {string.Join(", ", states.Keys)}");
                foreach (var f in t.From)
                    if (states.TryGetValue(f.Text, out var fs) && fs.Terminal)
                        Error(SpecDiagnosticIds.TransitionFromTerminal, f.Span, $"state '{f.Text}' is terminal: no transition may leave it");
                foreach (var g in t.Guards)
                {
                    if (windowGuards.Contains(g.Text)) continue;   // a window's generated guard: no arguments, nothing to declare
                    if (!guards.ContainsKey(g.Text)) Error(SpecDiagnosticIds.UnknownGuard, g.Span, $"unknown guard '{g.Text}': declare it with 'guard {g.Text} \"...\" else Rule;' in lifecycle '{l.Name.Text}'");
                    usedGuards.Add(g.Text);
                    // A guard reads its arguments from the trigger, by name and type.
                    if (!guardParams.TryGetValue(g.Text, out var needs)) continue;
                    var carried = triggerDecls.TryGetValue(t.Trigger.Text, out var decl) ? decl.Parameters : EquatableArray<FieldModel>.Empty;
                    foreach (var p in needs)
                        if (!carried.Any(c => c.Name == p.Name && c.Type.Canonical == p.Type.Canonical))
                            Error(SpecDiagnosticIds.GuardArgumentMissing, g.Span,
                                $"guard '{g.Text}' reads '{p.Name}: {p.Type.Canonical}', which trigger '{t.Trigger.Text}' does not carry: declare 'trigger {t.Trigger.Text}({p.Name}: {p.Type.Canonical}, ...);'");
                }
                string? lockParam = null;
                if (t.Lock != null)
                {
                    // Counted as a lock for the payout rule even when undeclared: one error, not a cascade.
                    lockParam = t.Lock.Text;
                    if (!declaredLocks.Contains(t.Lock.Text)) Error(SpecDiagnosticIds.UndeclaredLock, t.Lock.Span,
                        $"lock '{t.Lock.Text}' is not declared in lifecycle '{l.Name.Text}': declare 'lock {t.Lock.Text} on <l1|l2|epochs> from <Trigger>;' (or 'wait' for a penalty)");
                }
                string? waived = null;
                if (t.WaivedLock != null)
                {
                    if (!declaredLocks.Contains(t.WaivedLock.Text))
                        Error(SpecDiagnosticIds.UndeclaredLock, t.WaivedLock.Span, $"lock '{t.WaivedLock.Text}' is not declared in lifecycle '{l.Name.Text}'");
                    else waived = t.WaivedLock.Text;
                }
                if (t.Waives != null)
                {
                    if (t.WaiverGuard is null)
                        Error(SpecDiagnosticIds.WaiverWithoutGuard, t.Waives.Span,
                            $"transition '{t.Trigger.Text}' waives a lock but names no guard: write 'waives [lock P] because <Guard>' (the condition that justifies paying at once)");
                    else if (!guards.ContainsKey(t.WaiverGuard.Text))
                        Error(SpecDiagnosticIds.UnknownGuard, t.WaiverGuard.Span, $"unknown guard '{t.WaiverGuard.Text}': declare it with 'guard {t.WaiverGuard.Text} \"...\" else Rule;' in lifecycle '{l.Name.Text}'");
                    else usedGuards.Add(t.WaiverGuard.Text);
                }

                var guardNames = (lockParam != null ? new[] { LockGuardName(lockParam) } : Array.Empty<string>()).Concat(t.Guards.Select(g => g.Text))
                    .Concat(t.WaiverGuard != null && !t.Guards.Any(g => g.Text == t.WaiverGuard.Text) ? new[] { t.WaiverGuard.Text } : Array.Empty<string>())
                    .ToEquatableArray();
                foreach (var f in t.From)
                    transitions.Add(new TransitionModel(t.Trigger.Text, f.Text, t.To.Text, guardNames, t.ReleasesFunds, lockParam, waived ?? (t.Waives != null ? "*" : null), t.Slash, t.Doc)
                        { Pays = t.Pays?.Text, WaiverGuard = t.WaiverGuard?.Text, Causes = t.Causes.Select(c => c.Lifecycle.Text + "." + c.Trigger.Text).ToEquatableArray() });
            }

            // A declared guard named like a generated lock guard would be two methods of one name.
            foreach (var g in l.Guards)
                if (lockGuards.Any(lg => lg.Name == g.Name.Text))
                    Error(SpecDiagnosticIds.DuplicateDeclaration, g.Name.Span, $"guard '{g.Name.Text}' clashes with the guard generated for 'after lock {lockGuards.First(lg => lg.Name == g.Name.Text).LockParameter}'");

            CheckReleases(l, transitions);
            CheckNames(l);

            foreach (var g in l.Guards)
                if (!usedGuards.Contains(g.Name.Text))
                    Warning(SpecDiagnosticIds.UnusedGuard, g.Name.Span, $"guard '{g.Name.Text}' is declared but no transition uses it");

            CheckSingleSlash(l, transitions);
            CheckAmbiguous(l);

            if (initials.Count == 1)
            {
                // An entity starts in its initial state, or in the state a creation names.
                var reachable = Reachable(initials[0].Name.Text, transitions);
                foreach (var c in l.Creates) reachable.UnionWith(Reachable(c.State.Text, transitions));
                foreach (var s in l.States)
                    if (!reachable.Contains(s.Name.Text))
                        Warning(SpecDiagnosticIds.UnreachableState, s.Name.Span, $"state '{s.Name.Text}' cannot be reached from the initial state '{initials[0].Name.Text}'");
            }

            foreach (var decl in triggerDecls)
                if (!l.Transitions.Any(t => t.Trigger.Text == decl.Key))
                    Warning(SpecDiagnosticIds.UnusedTrigger, decl.Value.Syntax.Name.Span, $"trigger '{decl.Key}' is declared but no transition uses it");

            // Entities: the key, the bounds they count toward (whose key comes from theirs), what creates them.
            var key = l.Key is { } k0 ? BindParams(k0, $"the key of lifecycle '{l.Name.Text}'") : EquatableArray<FieldModel>.Empty;
            var counts = new List<CountsModel>();
            foreach (var c in l.Counts)
            {
                foreach (var s in c.States)
                    if (!states.ContainsKey(s.Text)) Error(SpecDiagnosticIds.UnknownState, s.Span, $"unknown state '{s.Text}' in lifecycle '{l.Name.Text}': expected one of {string.Join(", ", states.Keys)}");
                if (!_bounds.TryGetValue(c.Bound.Text, out var bound))
                { Error(SpecDiagnosticIds.UnknownBound, c.Bound.Span, $"no bound '{c.Bound.Text}' is declared: declare 'bound {c.Bound.Text}(…) at most <parameter> else <Rule>;'"); continue; }
                foreach (var p in bound.Key)
                    if (!key.Any(f => f.Name == p.Name && f.Type.Canonical == p.Type.Canonical))
                        Error(SpecDiagnosticIds.BoundKeyNotInEntityKey, c.Bound.Span,
                            $"bound '{bound.Name}' counts per '{p.Name}: {p.Type.Canonical}', which the key of lifecycle '{l.Name.Text}' does not hold: declare 'key (…, {p.Name}: {p.Type.Canonical})'");
                counts.Add(new CountsModel(bound.Name, c.States.Select(s => s.Text).ToEquatableArray())
                    { BoundNamespace = bound.Namespace, BoundKey = bound.Key.Select(p => p.Name).ToEquatableArray() });
            }
            var creates = new List<CreateModel>();
            foreach (var c in l.Creates)
            {
                if (!states.ContainsKey(c.State.Text)) Error(SpecDiagnosticIds.UnknownState, c.State.Span, $"unknown state '{c.State.Text}' in lifecycle '{l.Name.Text}': expected one of {string.Join(", ", states.Keys)}");
                else if (states[c.State.Text].Terminal) Error(SpecDiagnosticIds.TransitionFromTerminal, c.State.Span, $"an entity cannot be created in terminal state '{c.State.Text}'");
                if (creates.Any(x => x.Trigger == c.Trigger.Text)) Error(SpecDiagnosticIds.DuplicateDeclaration, c.Trigger.Span, $"creation '{c.Trigger.Text}' is declared twice in lifecycle '{l.Name.Text}'");
                creates.Add(new CreateModel(c.Trigger.Text, c.State.Text, c.Doc));
            }

            foreach (var g in l.Guards.Where(g => g.Rule is null))
                Error(SpecDiagnosticIds.GuardWithoutRule, g.Name.Span,
                    $"guard '{g.Name.Text}' names no rule: write 'guard {g.Name.Text} \"...\" else RuleName;' (the refusal when it fails)");

            if (_diagnostics.Count(d => d.Severity == SpecSeverity.Error) > errorsBefore) return null;

            var triggers = transitions.Select(t => t.Trigger).Distinct().ToEquatableArray();
            // Lock guards in declaration order of their locks (used or not: a declared lock is started and queryable).
            var guardModels = lockGuards.Concat(l.Guards.Select(g => new GuardModel(g.Name.Text, g.Doc, null, g.Rule?.Text ?? "")
                { Parameters = guardParams[g.Name.Text], IsEventLock = g.IsEventLock })).ToEquatableArray();
            // In declaration order (deterministic output), used ones only.
            var typed = l.Triggers.Where(t => triggerDecls[t.Name.Text].Syntax == t && triggers.Contains(t.Name.Text))
                .Select(t => new TriggerModel(t.Name.Text, triggerDecls[t.Name.Text].Parameters, t.Doc)
                    { Kind = t.Kind?.Text switch { "time" => "Time", "internal" => "Internal", _ => "External" } }).ToEquatableArray();
            return new LifecycleModel(ns, l.Name.Text, l.Doc,
                l.States.Select(s => new StateModel(s.Name.Text, s.Initial, s.Terminal, s.Doc)).ToEquatableArray(),
                triggers, guardModels, transitions.ToEquatableArray()) { DeclaredTriggers = typed, Locks = locks.Values.ToEquatableArray(), IsSingleton = l.IsSingleton, ParametersNamespace = _root,
                  Key = key, Counts = counts.ToEquatableArray(), Creates = creates.ToEquatableArray() };
        }

        /// <summary>A parameter list's types resolved; a name used twice (as generated, PascalCase) is MPS101.</summary>
        private EquatableArray<FieldModel> BindParams(EquatableArray<ParamSyntax> ps, string owner)
        {
            var list = new List<FieldModel>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in ps)
            {
                if (!names.Add(Pascal(p.Name.Text)))
                    Error(SpecDiagnosticIds.DuplicateDeclaration, p.Name.Span, $"parameter '{p.Name.Text}' of {owner} is declared twice");
                var t = ResolveType(p.Type);
                if (t != null) list.Add(new FieldModel(p.Name.Text, t, false));
            }
            return list.ToEquatableArray();
        }

        /// <summary>C# reserved keywords: a state, trigger or guard so named would not compile as an enum member or method.</summary>
        private static readonly HashSet<string> CSharpKeywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
            "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
            "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
            "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
            "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
            "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while",
        };

        /// <summary>Members the generator gives a host and records: a guard (a host method, a GuardBindings property) or
        /// a trigger argument (an argument record property) may not take one of these names.</summary>
        private static readonly HashSet<string> GeneratedMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "State", "Lifecycle", "CanFire", "Fire", "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType",
            "Deconstruct", "PrintMembers", "MemberwiseClone", "Finalize",
        };

        /// <summary>Names that would not compile, or would clash with generated members (MPS116), at the name.</summary>
        private void CheckNames(LifecycleSyntax l)
        {
            void Reserved(Name n, string what, string why) =>
                Error(SpecDiagnosticIds.ReservedName, n.Span, $"{what} '{n.Text}' {why}: choose another name");
            if (CSharpKeywords.Contains(l.Name.Text)) Reserved(l.Name, "lifecycle", "is a C# keyword");
            foreach (var s in l.States)
                if (CSharpKeywords.Contains(s.Name.Text)) Reserved(s.Name, "state", "is a C# keyword");
            var triggers = new HashSet<string>(l.Transitions.Select(t => t.Trigger.Text), StringComparer.Ordinal);
            foreach (var t in l.Transitions)
                if (CSharpKeywords.Contains(t.Trigger.Text) && t == l.Transitions.First(x => x.Trigger.Text == t.Trigger.Text))
                    Reserved(t.Trigger, "trigger", "is a C# keyword");
            foreach (var g in l.Guards)
            {
                if (CSharpKeywords.Contains(g.Name.Text)) Reserved(g.Name, "guard", "is a C# keyword");
                else if (GeneratedMembers.Contains(g.Name.Text) || triggers.Any(t => g.Name.Text == "CanFire" + t || g.Name.Text == "Fire" + t))
                    Reserved(g.Name, "guard", "is the name of a member the generator gives the host");
            }
            foreach (var p in l.Triggers.SelectMany(t => t.Parameters).Concat(l.Guards.SelectMany(g => g.Parameters)))
                if (GeneratedMembers.Contains(Pascal(p.Name.Text)))
                    Reserved(p.Name, "parameter", "becomes a record property the generator already defines");
        }

        /// <summary>The single-slash rule at the spec level: once a slash transition has fired, no state reachable
        /// from its destination may fire a slash again (a staker is slashed at most once).</summary>
        private void CheckSingleSlash(LifecycleSyntax l, List<TransitionModel> transitions)
        {
            foreach (var slash in l.Transitions.Where(t => t.Slash))
            {
                var after = Reachable(slash.To.Text, transitions);
                var again = transitions.FirstOrDefault(t => t.Slash && after.Contains(t.From));
                if (again != null)
                    Error(SpecDiagnosticIds.RepeatableSlash, slash.Trigger.Span,
                        $"slash '{slash.Trigger.Text}' can fire again: state '{again.From}' is reachable from '{slash.To.Text}' and is the source of slash '{again.Trigger}'");
            }
        }

        /// <summary>Two transitions on one trigger from one state can both be permitted at once when one of them has no
        /// guard: Stateless would refuse to fire. (Guarded pairs must exclude each other; that is the hosts' contract.)</summary>
        private void CheckAmbiguous(LifecycleSyntax l)
        {
            var seen = new List<(string Trigger, string From, bool Guarded)>();
            foreach (var t in l.Transitions)
                foreach (var f in t.From)
                {
                    bool guarded = t.Guards.Count > 0 || t.Lock != null;
                    if (seen.Any(x => x.Trigger == t.Trigger.Text && x.From == f.Text && (!x.Guarded || !guarded)))
                        Error(SpecDiagnosticIds.AmbiguousTransition, t.Trigger.Span,
                            $"trigger '{t.Trigger.Text}' from state '{f.Text}' has another transition and one of them has no guard: both could be permitted at once");
                    seen.Add((t.Trigger.Text, f.Text, guarded));
                }
        }

        /// <summary>The lockup rule at the spec level: a transition that releases funds names its lock, or every
        /// transition into its source states does (<c>after lock P</c>, or an explicit <c>waives lock P</c>).</summary>
        private static string UnitOf(string clock) => clock switch { "l1" => "L1 blocks", "l2" => "L2 blocks", _ => "epochs" };

        /// <summary>The payout rule: every <c>pays</c> transition is preceded, on every path from the initial state, by
        /// a lock (<c>after lock P</c>), an event lock (<c>event lock G</c> in a <c>when</c>) or a waiver (<c>waives …
        /// because G</c>), on itself or on a transition before it.</summary>
        private void CheckReleases(LifecycleSyntax l, List<TransitionModel> transitions)
        {
            var eventLocks = new HashSet<string>(l.Guards.Where(g => g.IsEventLock).Select(g => g.Name.Text), StringComparer.Ordinal);
            bool Protects(TransitionModel t) => t.LockParameter != null || t.WaivedLock != null || t.Guards.Any(eventLocks.Contains);
            var initial = l.States.FirstOrDefault(s => s.Initial)?.Name.Text;
            if (initial is null) return;
            // The states reachable from the initial one through transitions that protect nothing.
            var open = new HashSet<string>(StringComparer.Ordinal) { initial };
            foreach (var c in l.Creates) open.Add(c.State.Text);   // a creation is a start as well
            var queue = new Queue<string>(open);
            while (queue.Count > 0)
            {
                var s = queue.Dequeue();
                foreach (var t in transitions)
                    if (t.From == s && !Protects(t) && open.Add(t.To)) queue.Enqueue(t.To);
            }
            foreach (var t in l.Transitions.Where(t => t.Pays != null))
            {
                var models = transitions.Where(m => m.Trigger == t.Trigger.Text && t.From.Any(f => f.Text == m.From) && m.To == t.To.Text).ToList();
                var exposed = models.FirstOrDefault(m => !Protects(m) && open.Contains(m.From));
                if (exposed != null)
                    Error(SpecDiagnosticIds.ReleaseWithoutLock, t.Trigger.Span,
                        $"transition '{t.Trigger.Text}' pays {t.Pays!.Text} but a path reaches it from '{initial}' with no lock: add 'after lock <P>', an event lock in 'when', or 'waives … because <Guard>' (here or on the way to '{exposed.From}')");
            }
        }

        private static HashSet<string> Reachable(string start, List<TransitionModel> transitions)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            var queue = new Queue<string>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var s = queue.Dequeue();
                foreach (var t in transitions)
                    if (t.From == s && seen.Add(t.To)) queue.Enqueue(t.To);
            }
            return seen;
        }
    }
}
