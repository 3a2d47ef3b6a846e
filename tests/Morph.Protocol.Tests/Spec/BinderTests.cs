using Morph.Protocol.Spec.Diagnostics;
using static Morph.Protocol.Tests.Spec.SpecTestKit;

namespace Morph.Protocol.Tests.Spec;

/// <summary>Every binder rule, with the exact id, position and message; and the valid twin of each tricky rule
/// (the rule must not fire there).</summary>
[TestClass]
public sealed class BinderTests
{
    private const string Params = "parameters { lockP: uint64 = 10 l1blocks; waitE: uint64 = 2 epochs; plainN: uint64 = 3; flag: bool = true; share: ratio = 1/2; }\n";

    /// <summary>The lock most tests use: lockP, on L1, started by Go.</summary>
    private const string LockP = "  lock lockP on l1 from Go;\n";

    /// <summary>A lifecycle L around the given body lines (after two states A initial, B, and C terminal).</summary>
    private static string Lifecycle(string body) =>
        Params + "lifecycle L {\n  state A initial;\n  state B;\n  state C terminal;\n" + body + "}\n";

    private static IReadOnlyList<SpecDiagnostic> Diagnostics(string text) => Compile(text).Diagnostics;

    [TestMethod]
    public void A_valid_small_spec_binds_without_diagnostics()
    {
        var text = Lifecycle("  lock lockP on l1 from Go else TooEarly \"the claim waits\";\n  guard G \"g\" else NotG;\n" +
                             "  on Go: A -> B when G;\n  on Pay: B -> C after lock lockP pays stake;\n");
        var (model, ds) = Compile(text);
        Assert.AreEqual(0, ds.Count, Show(ds));
        var l = model.Lifecycles.Single();
        CollectionAssert.AreEqual(new[] { "LockPElapsed", "G" }, l.Guards.Select(g => g.Name).ToArray(), "the lock guard comes first");
        CollectionAssert.AreEqual(new[] { "LockPElapsed" }, l.Transitions[1].Guards.ToArray());
        Assert.AreEqual("lockP", l.Guards[0].LockParameter);
        Assert.AreEqual("TooEarly", l.Guards[0].Rule);
        var k = l.Locks.Single();
        Assert.AreEqual(("lockP", "l1", "Go", false), (k.Parameter, k.Clock, k.From.Single(), k.IsWait));
        Assert.AreEqual("stake", l.Transitions[1].Pays);
        Assert.AreEqual("Morph.Protocol", l.Namespace, "the default namespace");
        Assert.AreEqual(5, model.Parameters.Count);
        Assert.AreEqual("l1", model.Parameters[0].Clock, "l1blocks is the L1 clock");
        Assert.AreEqual("10", model.Parameters[0].Default, "a clock unit does not scale the value");
    }

    // ---- MPS101 ----

    [TestMethod]
    public void MPS101_duplicate_state()
    {
        var text = Lifecycle("  state B;\n  on Go: A -> B;\n  on End: B -> C;\n");
        var at = At(text, "state B", 2);
        Single(Diagnostics(text), SpecDiagnosticIds.DuplicateDeclaration, (at.Line, at.Column + 6), "state 'B' is declared twice in lifecycle 'L'");
    }

    [TestMethod]
    public void MPS101_duplicate_guard()
    {
        var text = Lifecycle("  guard G else R;\n  guard G else R;\n  on Go: A -> B when G;\n  on End: B -> C;\n");
        var at = At(text, "guard G", 2);
        Single(Diagnostics(text), SpecDiagnosticIds.DuplicateDeclaration, (at.Line, at.Column + 6), "guard 'G' is declared twice in lifecycle 'L'");
    }

    [TestMethod]
    public void MPS101_duplicate_parameter_lifecycle_struct_contract_and_enum_member()
    {
        var text = """
            parameters { p: uint8 = 1; p: uint8 = 2; e: enum { X, X } = X; }
            lifecycle L { state A initial; }
            lifecycle L { state A initial; }
            struct S { uint256 a; }
            struct S { uint256 a; }
            contract K { function f(); }
            contract K { function f(); }
            """;
        var ds = Diagnostics(text);
        Assert.AreEqual(5, ds.Count, Show(ds));
        Has(ds, SpecDiagnosticIds.DuplicateDeclaration, At(text, "p: uint8 = 2"), "parameter 'p' is declared twice");
        Has(ds, SpecDiagnosticIds.DuplicateDeclaration, At(text, "enum"), "parameter 'e': an enum member is listed twice");
        Has(ds, SpecDiagnosticIds.DuplicateDeclaration, (3, 11), "lifecycle 'L' is declared twice");
        Has(ds, SpecDiagnosticIds.DuplicateDeclaration, (5, 8), "struct 'S' is declared twice");
        Has(ds, SpecDiagnosticIds.DuplicateDeclaration, (7, 10), "contract 'K' is declared twice");
    }

    [TestMethod]
    public void MPS101_declared_guard_named_like_a_generated_lock_guard()
    {
        var text = Lifecycle("  guard LockPElapsed else R;\n" + LockP + "  on Go: A -> B when LockPElapsed;\n  on End: B -> C after lock lockP;\n");
        var ds = Diagnostics(text);
        var at = At(text, "LockPElapsed else");
        Single(ds, SpecDiagnosticIds.DuplicateDeclaration, at, "guard 'LockPElapsed' clashes with the guard generated for 'after lock lockP'");
    }

    // ---- MPS102..MPS105 ----

    [TestMethod]
    public void MPS102_unknown_state_in_source_and_destination()
    {
        var text = Lifecycle("  on Go: A | X -> Y;\n  on End: B -> C;\n");
        var (model, ds) = Compile(text);
        Has(ds, SpecDiagnosticIds.UnknownState, At(text, "X"), "unknown state 'X' in lifecycle 'L': expected one of A, B, C");
        Has(ds, SpecDiagnosticIds.UnknownState, At(text, "Y"), "unknown state 'Y'");
        Assert.AreEqual(0, model.Lifecycles.Count, "a lifecycle with an error is left out of the model");
    }

    [TestMethod]
    public void MPS103_unknown_guard()
    {
        var text = Lifecycle("  on Go: A -> B when Nope;\n  on End: B -> C;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.UnknownGuard, At(text, "Nope"), "unknown guard 'Nope': declare it with 'guard Nope");
    }

    [TestMethod]
    public void MPS104_no_initial_state_is_reported_at_the_lifecycle_name()
    {
        var text = "lifecycle Lx {\n  state A;\n}\n";
        Single(Diagnostics(text), SpecDiagnosticIds.InitialState, (1, 11), "lifecycle 'Lx' must mark exactly one state 'initial' (found 0)");
    }

    [TestMethod]
    public void MPS104_second_initial_state_is_reported_at_it()
    {
        var text = "lifecycle Lx {\n  state A initial;\n  state B initial;\n  on Go: A -> B;\n}\n";
        Single(Diagnostics(text), SpecDiagnosticIds.InitialState, (3, 9), "(found 2)");
    }

    [TestMethod]
    public void MPS105_transition_from_a_terminal_state()
    {
        var text = Lifecycle("  on Go: A -> B;\n  on End: B -> C;\n  on Back: C -> A;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.TransitionFromTerminal, At(text, "C -> A"), "state 'C' is terminal: no transition may leave it");
    }

    // ---- MPS106: the payout rule ----

    [TestMethod]
    public void MPS106_a_payout_from_the_initial_state_without_a_lock()
    {
        var text = Lifecycle("  on Pay: A -> B pays stake;\n  on End: B -> C;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.ReleaseWithoutLock, At(text, "Pay"),
            "transition 'Pay' pays stake but a path reaches it from 'A' with no lock: add 'after lock <P>', an event lock in 'when', or 'waives … because <Guard>' (here or on the way to 'A')");
    }

    [TestMethod]
    public void MPS106_a_payout_whose_source_is_entered_without_a_lock()
    {
        var text = Lifecycle("  on Go: A -> B;\n  on Pay: B -> C pays stake;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.ReleaseWithoutLock, At(text, "Pay"), "(here or on the way to 'B')");
    }

    [TestMethod]
    public void MPS106_one_unlocked_path_among_locked_ones_is_enough()
    {
        var text = Lifecycle(LockP + "  on Go: A -> B after lock lockP;\n  on Sneak: A -> B;\n  on Pay: B -> C pays stake;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.ReleaseWithoutLock, At(text, "Pay"), "pays stake but a path reaches it");
    }

    /// <summary>Every path, not one step back: a lock two transitions before the payout protects it, and a path
    /// that goes around that lock does not.</summary>
    [TestMethod]
    public void MPS106_looks_along_every_path_to_the_payout()
    {
        string Spec(string extra) => Params + "lifecycle L {\n  state A initial;\n  state B;\n  state D;\n  state C terminal;\n" + LockP +
            "  on Go: A -> B after lock lockP;\n  on Step: B -> D;\n" + extra + "  on Pay: D -> C pays stake;\n}\n";
        Assert.AreEqual(0, Diagnostics(Spec("")).Count, Show(Diagnostics(Spec(""))));
        var around = Spec("  on Skip: A -> D;\n");
        Single(Diagnostics(around), SpecDiagnosticIds.ReleaseWithoutLock, At(around, "Pay"), "(here or on the way to 'D')");
    }

    [TestMethod]
    [DataRow(LockP + "  on Go: A -> B;\n  on Pay: B -> C after lock lockP pays stake;\n", DisplayName = "lock on the payout itself")]
    [DataRow(LockP + "  on Go: A -> B after lock lockP;\n  on Pay: B -> C pays stake;\n", DisplayName = "lock on every path into its source")]
    [DataRow(LockP + "  guard Gone else R;\n  on Go: A -> B waives lock lockP because Gone;\n  on Pay: B -> C pays stake;\n", DisplayName = "a waiver with its guard")]
    [DataRow("  event lock Done else R;\n  on Go: A -> B;\n  on Pay: B -> C when Done pays stake;\n", DisplayName = "an event lock")]
    [DataRow(LockP + "  guard Gone else R;\n  on Go: A -> B after lock lockP;\n  on Other: A -> B waives lock lockP because Gone;\n  on Pay: B -> C pays stake;\n", DisplayName = "locked and waived paths")]
    public void MPS106_does_not_fire_when_a_lock_protects_every_path(string body)
    {
        var ds = Diagnostics(Lifecycle(body));
        Assert.AreEqual(0, ds.Count, Show(ds));
    }

    [TestMethod]
    public void Releases_funds_is_now_pays_and_says_so()
    {
        var text = Lifecycle(LockP + "  on Go: A -> B;\n  on Pay: B -> C releases funds after lock lockP;\n");
        Has(Diagnostics(text), SpecDiagnosticIds.Expected, At(text, "releases"), "'pays <bucket>' ('releases funds' is now 'pays' with what it pays");
    }

    // ---- MPS107, MPS113, MPS117: locks name a duration, are declared, and count on its clock ----

    [TestMethod]
    [DataRow("flag", DisplayName = "a bool parameter")]
    [DataRow("share", DisplayName = "a ratio parameter")]
    [DataRow("nope", DisplayName = "an unknown parameter")]
    public void MPS107_a_lock_must_name_a_uint_parameter(string parameter)
    {
        var text = Lifecycle($"  lock {parameter} on l1 from Go;\n  on Go: A -> B;\n  on End: B -> C;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.UnknownLockParameter, At(text, parameter + " on"),
            $"lock '{parameter}' must name an unsigned integer parameter of the 'parameters' block");
    }

    [TestMethod]
    public void MPS113_after_lock_and_waives_lock_name_a_declared_lock_and_a_lock_starts_at_a_fired_trigger()
    {
        var undeclared = Lifecycle("  guard Gone else R;\n  on Go: A -> B after lock lockP;\n  on End: B -> C waives lock waitE because Gone;\n");
        var ds = Diagnostics(undeclared);
        Has(ds, SpecDiagnosticIds.UndeclaredLock, At(undeclared, "lockP;\n  on End"),
            "lock 'lockP' is not declared in lifecycle 'L': declare 'lock lockP on <l1|l2|epochs> from <Trigger>;' (or 'wait' for a penalty)");
        Has(ds, SpecDiagnosticIds.UndeclaredLock, At(undeclared, "waitE because"), "lock 'waitE' is not declared in lifecycle 'L'");
        Assert.AreEqual(2, ds.Count, Show(ds));

        var startless = Lifecycle("  lock lockP on l1 from Nope;\n  on Go: A -> B after lock lockP;\n  on End: B -> C;\n");
        Single(Diagnostics(startless), SpecDiagnosticIds.UndeclaredLock, At(startless, "Nope"),
            "lock 'lockP' starts at trigger 'Nope', which no transition of lifecycle 'L' fires (or write 'from created')");
    }

    [TestMethod]
    public void MPS117_a_lock_counts_on_the_clock_of_its_parameter()
    {
        var text = Lifecycle("  lock lockP on epochs from Go;\n  wait waitE on epochs from Go;\n  lock plainN on l1 from Go;\n  on Go: A -> B;\n  on End: B -> C;\n");
        var ds = Diagnostics(text);
        Has(ds, SpecDiagnosticIds.UnitMismatch, At(text, "epochs from Go;\n  wait"),
            "lock 'lockP' is counted on epochs, but parameter 'lockP' is in L1 blocks: one duration, one clock");
        Has(ds, SpecDiagnosticIds.UnitMismatch, At(text, "l1 from Go;\n  on"),
            "lock 'plainN' is counted on l1, but parameter 'plainN' has no clock unit: give its value one (l1blocks, l2blocks or epochs)");
        Assert.AreEqual(2, ds.Count, "a wait on the parameter's own clock is fine: " + Show(ds));
    }

    // ---- windows ----

    [TestMethod]
    public void A_window_generates_its_open_and_closed_guards_with_their_rules_and_is_no_lock()
    {
        var text = Lifecycle("  window lockP on l1 from created open else TooLate closed else TooEarly \"a window\";\n" +
                             "  on Go: A -> B when LockPOpen;\n  on End: B -> C when LockPClosed;\n");
        var (model, ds) = Compile(text);
        Assert.AreEqual(0, ds.Count, Show(ds));
        var l = model.Lifecycles.Single();
        CollectionAssert.AreEqual(new[] { "LockPOpen:TooLate", "LockPClosed:TooEarly" }, l.Guards.Select(g => g.Name + ":" + g.Rule).ToArray());
        Assert.IsTrue(l.Locks.Single().IsWindow);
        Assert.IsTrue(l.Guards.All(g => g.Window == "lockP" && g.LockParameter is null), "a window's guards are no lock");

        var payout = Lifecycle("  window lockP on l1 from created open else TooLate closed else TooEarly;\n  on Go: A -> B when LockPClosed;\n  on Pay: B -> C pays stake;\n");
        Single(Diagnostics(payout), SpecDiagnosticIds.ReleaseWithoutLock, At(payout, "Pay"), "pays stake but a path reaches it");
        var asLock = Lifecycle("  window lockP on l1 from created open else TooLate closed else TooEarly;\n  on Go: A -> B after lock lockP;\n  on End: B -> C;\n");
        Single(Diagnostics(asLock), SpecDiagnosticIds.UndeclaredLock, At(asLock, "lockP;\n  on End"), "lock 'lockP' is not declared");
    }

    // ---- MPS118: a waiver names its guard ----

    [TestMethod]
    public void MPS118_a_waiver_without_a_guard_is_an_error_at_waives()
    {
        var text = Lifecycle(LockP + "  on Go: A -> B waives lock lockP;\n  on Pay: B -> C pays stake;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.WaiverWithoutGuard, At(text, "waives"),
            "transition 'Go' waives a lock but names no guard: write 'waives [lock P] because <Guard>' (the condition that justifies paying at once)");
    }

    // ---- MPS108: the single-slash rule ----

    [TestMethod]
    public void MPS108_slash_whose_source_is_reachable_after_it()
    {
        var text = Lifecycle("  on Slash: A -> B slash;\n  on Back: B -> A;\n  on End: B -> C;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.RepeatableSlash, At(text, "Slash:"),
            "slash 'Slash' can fire again: state 'A' is reachable from 'B' and is the source of slash 'Slash'");
    }

    [TestMethod]
    public void MPS108_a_second_slash_after_the_first()
    {
        var text = Lifecycle("  on S1: A -> B slash;\n  on S2: B -> C slash;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.RepeatableSlash, At(text, "S1"),
            "slash 'S1' can fire again: state 'B' is reachable from 'B' and is the source of slash 'S2'");
    }

    [TestMethod]
    public void MPS108_a_slash_into_its_own_source()
    {
        var text = Lifecycle("  on Go: A -> B;\n  on S: B -> B slash;\n  on End: B -> C;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.RepeatableSlash, At(text, "S:"), "slash 'S' can fire again");
    }

    [TestMethod]
    public void MPS108_does_not_fire_for_a_slash_from_two_sources_into_a_dead_end()
    {
        // The L1 staker's shape: Active | Exiting -> Slashed -> Banned.
        var text = Lifecycle("  on Go: A -> B;\n  on Slash: A | B -> C slash;\n");
        var ds = Diagnostics(text);
        Assert.AreEqual(0, ds.Count, Show(ds));
    }

    // ---- MPS109, MPS110 (warnings) ----

    [TestMethod]
    public void MPS109_unused_guard_is_a_warning_and_the_lifecycle_is_kept()
    {
        var text = Lifecycle("  guard Idle \"never used\" else R;\n  on Go: A -> B;\n  on End: B -> C;\n");
        var (model, ds) = Compile(text);
        var d = Single(ds, SpecDiagnosticIds.UnusedGuard, At(text, "Idle"), "guard 'Idle' is declared but no transition uses it");
        Assert.AreEqual(SpecSeverity.Warning, d.Severity);
        Assert.AreEqual(1, model.Lifecycles.Count);
    }

    [TestMethod]
    public void MPS110_unreachable_state_is_a_warning()
    {
        var text = Lifecycle("  on End: B -> C;\n");
        var (model, ds) = Compile(text);
        Assert.AreEqual(2, ds.Count, Show(ds));
        var b = Has(ds, SpecDiagnosticIds.UnreachableState, At(text, "B;"), "state 'B' cannot be reached from the initial state 'A'");
        Has(ds, SpecDiagnosticIds.UnreachableState, At(text, "C terminal"), "state 'C' cannot be reached");
        Assert.AreEqual(SpecSeverity.Warning, b.Severity);
        Assert.AreEqual(1, model.Lifecycles.Count);
    }

    [TestMethod]
    public void MPS111_a_second_transition_on_the_same_trigger_and_state_needs_both_guarded()
    {
        var text = Lifecycle("  guard G else R;\n  on Go: A -> B;\n  on Go: A -> C when G;\n");
        var (model, ds) = Compile(text);
        Single(ds, SpecDiagnosticIds.AmbiguousTransition, At(text, "Go: A -> C"),
            "trigger 'Go' from state 'A' has another transition and one of them has no guard");
        Assert.AreEqual(0, model.Lifecycles.Count);
        var ok = Lifecycle("  guard G else R;\n  guard H else R;\n  on Go: A -> B when G;\n  on Go: A -> C when H;\n");
        Assert.AreEqual(0, Compile(ok).Diagnostics.Count, "guarded on both sides: the hosts keep them exclusive");
    }

    // ---- MPS112, MPS113: rules named in the spec ----

    [TestMethod]
    public void MPS112_a_guard_that_names_no_rule_is_an_error_at_its_name()
    {
        var text = Lifecycle("  guard Signed \"the owner signed\";\n  on Go: A -> B when Signed;\n  on End: B -> C;\n");
        var (model, ds) = Compile(text);
        Single(ds, SpecDiagnosticIds.GuardWithoutRule, At(text, "Signed \""),
            "guard 'Signed' names no rule: write 'guard Signed \"...\" else RuleName;' (the refusal when it fails)");
        Assert.AreEqual(0, model.Lifecycles.Count, "a lifecycle with an error is not generated");
    }

    [TestMethod]
    public void The_rule_of_a_guard_and_of_a_lock_are_bound_and_a_lock_defaults_to_LockNotExpired()
    {
        var text = Lifecycle("  lock lockP on l1 from Go else TooEarly;\n  guard G else NotG;\n  on Go: A -> B when G;\n  on End: B -> C after lock lockP;\n");
        var (model, ds) = Compile(text);
        Assert.AreEqual(0, ds.Count, Show(ds));
        CollectionAssert.AreEqual(new[] { "TooEarly", "NotG" }, model.Lifecycles.Single().Guards.Select(g => g.Rule).ToArray());
        var plain = Compile(Lifecycle(LockP + "  on Go: A -> B;\n  on End: B -> C after lock lockP;\n")).Model.Lifecycles.Single();
        Assert.AreEqual("LockNotExpired", plain.Guards.Single().Rule);
    }

    // ---- typed triggers: MPS114, MPS115 ----

    [TestMethod]
    public void A_typed_trigger_and_a_guard_over_its_arguments_bind()
    {
        var text = Lifecycle("  trigger Go(amount: uint256, who: address) \"what it brings\";\n  guard Enough(amount: uint256) else TooLittle;\n" +
                             "  on Go: A -> B when Enough;\n  on End: B -> C;\n");
        var (model, ds) = Compile(text);
        Assert.AreEqual(0, ds.Count, Show(ds));
        var l = model.Lifecycles.Single();
        var go = l.TypedTrigger("Go")!;
        CollectionAssert.AreEqual(new[] { "amount: uint256", "who: address" }, go.Parameters.Select(p => $"{p.Name}: {p.Type.Canonical}").ToArray());
        Assert.IsNull(l.TypedTrigger("End"), "an undeclared trigger takes no arguments");
        Assert.AreEqual("amount", l.Guards.Single().Parameters.Single().Name);
    }

    [TestMethod]
    public void MPS114_a_guard_reading_an_argument_its_trigger_does_not_carry_is_an_error_at_the_guard_in_when()
    {
        var text = Lifecycle("  trigger Go(amount: uint64);\n  guard Enough(amount: uint256) else TooLittle;\n" +
                             "  on Go: A -> B when Enough;\n  on End: B -> C when Enough;\n");
        var (model, ds) = Compile(text);
        Assert.AreEqual(2, ds.Count, Show(ds));
        Has(ds, SpecDiagnosticIds.GuardArgumentMissing, At(text, "Enough;\n  on End"),
            "guard 'Enough' reads 'amount: uint256', which trigger 'Go' does not carry: declare 'trigger Go(amount: uint256, ...);'");
        Has(ds, SpecDiagnosticIds.GuardArgumentMissing, At(text, "Enough;\n}"),
            "guard 'Enough' reads 'amount: uint256', which trigger 'End' does not carry: declare 'trigger End(amount: uint256, ...);'");
        Assert.AreEqual(0, model.Lifecycles.Count);
    }

    [TestMethod]
    public void MPS115_a_declared_trigger_no_transition_uses_is_a_warning()
    {
        var text = Lifecycle("  trigger Gone(x: bool);\n  on Go: A -> B;\n  on End: B -> C;\n");
        var (model, ds) = Compile(text);
        var d = Single(ds, SpecDiagnosticIds.UnusedTrigger, At(text, "Gone"), "trigger 'Gone' is declared but no transition uses it");
        Assert.AreEqual(SpecSeverity.Warning, d.Severity);
        Assert.AreEqual(1, model.Lifecycles.Count);
    }

    [TestMethod]
    public void Trigger_declarations_and_parameters_are_declared_once_with_known_types()
    {
        var text = Lifecycle("  trigger Go(x: bool, x: uint8);\n  trigger Go(y: nonsense);\n  on Go: A -> B;\n  on End: B -> C;\n");
        var ds = Diagnostics(text);
        Has(ds, SpecDiagnosticIds.DuplicateDeclaration, At(text, "x: uint8"), "parameter 'x' of trigger 'Go' is declared twice");
        Has(ds, SpecDiagnosticIds.DuplicateDeclaration, At(text, "Go(y"), "trigger 'Go' is declared twice in lifecycle 'L'");
        Has(ds, SpecDiagnosticIds.UnknownType, At(text, "nonsense"), "unknown type 'nonsense'");
    }

    // ---- MPS116: names the generated code cannot take ----

    [TestMethod]
    public void MPS116_keywords_and_generated_member_names_are_refused_at_the_name()
    {
        var text = Params + "lifecycle L {\n  state A initial;\n  state default;\n  trigger class(equalityContract: bool);\n" +
                   "  guard State else R;\n  guard CanFireclass else R;\n  on class: A -> default when State, CanFireclass;\n}\n";
        var (model, ds) = Compile(text);
        Has(ds, SpecDiagnosticIds.ReservedName, At(text, "default;"), "state 'default' is a C# keyword: choose another name");
        Has(ds, SpecDiagnosticIds.ReservedName, At(text, "class: A"), "trigger 'class' is a C# keyword: choose another name");
        Has(ds, SpecDiagnosticIds.ReservedName, At(text, "State else"), "guard 'State' is the name of a member the generator gives the host: choose another name");
        Has(ds, SpecDiagnosticIds.ReservedName, At(text, "CanFireclass else"), "guard 'CanFireclass' is the name of a member the generator gives the host");
        Has(ds, SpecDiagnosticIds.ReservedName, At(text, "equalityContract"), "parameter 'equalityContract' becomes a record property the generator already defines");
        Assert.AreEqual(5, ds.Count(d => d.Id == SpecDiagnosticIds.ReservedName), Show(ds));
        Assert.AreEqual(0, model.Lifecycles.Count);
    }

    // ---- MPS119: cascades ----

    [TestMethod]
    public void MPS119_a_cascade_names_a_trigger_of_a_lifecycle_of_the_spec()
    {
        var text = Lifecycle("  on Go: A -> B causes M.Hit, Nope.Hit, M.Miss;\n  on End: B -> C;\n") +
                   "lifecycle M {\n  state X initial;\n  state Y terminal;\n  on Hit: X -> Y;\n}\n";
        var (model, ds) = Compile(text);
        Has(ds, SpecDiagnosticIds.UnknownCascade, At(text, "Nope"), "'causes' names no lifecycle 'Nope' (or one with errors)");
        Has(ds, SpecDiagnosticIds.UnknownCascade, At(text, "Miss"), "lifecycle 'M' has no trigger 'Miss': expected one of Hit");
        Assert.AreEqual(2, ds.Count, Show(ds));
        CollectionAssert.AreEqual(new[] { "M" }, model.Lifecycles.Select(l => l.Name).ToArray(), "L is left out");
        var ok = Compile(Lifecycle("  on Go: A -> B causes M.Hit;\n  on End: B -> C;\n") + "lifecycle M {\n  state X initial;\n  state Y terminal;\n  on Hit: X -> Y;\n}\n");
        Assert.AreEqual(0, ok.Diagnostics.Count, Show(ok.Diagnostics));
        CollectionAssert.AreEqual(new[] { "M.Hit" }, ok.Model.Lifecycles.Single(l => l.Name == "L").Transitions[0].Causes.ToArray());
    }

    // ---- entities: key, creation, bounds (MPS120, MPS121) ----

    private const string Bound = "bound Pending(delegator: address, staker: address) at most plainN else TooMany \"entries per pair\";\n";

    [TestMethod]
    public void An_entity_declares_its_key_its_creation_and_the_bound_it_counts_toward()
    {
        var text = Bound + Lifecycle("  key (entry: uint64, delegator: address, staker: address);\n  create Open -> B \"made by open\";\n" +
                                     "  counts toward Pending while B;\n  on Go: A -> B;\n  on End: B -> C;\n");
        var (model, ds) = Compile(text);
        Assert.AreEqual(0, ds.Count, Show(ds));
        var b = model.Bounds.Single();
        Assert.AreEqual(("Pending", "plainN", "TooMany", "delegator,staker"), (b.Name, b.Limit, b.Rule, string.Join(",", b.Key.Select(k => k.Name))));
        var l = model.Lifecycles.Single();
        CollectionAssert.AreEqual(new[] { "entry", "delegator", "staker" }, l.Key.Select(k => k.Name).ToArray());
        Assert.AreEqual(("Open", "B"), (l.Creates.Single().Trigger, l.Creates.Single().State));
        Assert.AreEqual(("Pending", "B", "delegator,staker"), (l.Counts.Single().Bound, l.Counts.Single().States.Single(), string.Join(",", l.Counts.Single().BoundKey)));
    }

    [TestMethod]
    public void A_state_entered_only_by_creation_is_reachable_and_its_payouts_are_checked_from_it()
    {
        var text = Params + "lifecycle L {\n  state A initial;\n  state M;\n  state C terminal;\n  create Make -> M;\n  on Go: A -> C;\n  on Pay: M -> C pays stake;\n}\n";
        var ds = Diagnostics(text);
        Assert.IsFalse(ds.Any(d => d.Id == SpecDiagnosticIds.UnreachableState), Show(ds));
        Single(ds, SpecDiagnosticIds.ReleaseWithoutLock, At(text, "Pay"), "pays stake but a path reaches it");
    }

    [TestMethod]
    public void MPS120_counting_toward_an_undeclared_bound()
    {
        var text = Lifecycle("  key (entry: uint64);\n  counts toward Nope while B;\n  on Go: A -> B;\n  on End: B -> C;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.UnknownBound, At(text, "Nope"), "no bound 'Nope' is declared: declare 'bound Nope(…) at most <parameter> else <Rule>;'");
    }

    [TestMethod]
    public void MPS121_a_bound_counts_per_fields_the_entity_key_lacks()
    {
        var text = Bound + Lifecycle("  key (entry: uint64, delegator: address);\n  counts toward Pending while B;\n  on Go: A -> B;\n  on End: B -> C;\n");
        Single(Diagnostics(text), SpecDiagnosticIds.BoundKeyNotInEntityKey, At(text, "Pending while"),
            "bound 'Pending' counts per 'staker: address', which the key of lifecycle 'L' does not hold: declare 'key (…, staker: address)'");
    }

    [TestMethod]
    public void A_creation_names_a_state_that_is_not_terminal()
    {
        var text = Lifecycle("  create Make -> C;\n  create Other -> Z;\n  on Go: A -> B;\n  on End: B -> C;\n");
        var ds = Diagnostics(text);
        Has(ds, SpecDiagnosticIds.TransitionFromTerminal, At(text, "C;\n  create"), "an entity cannot be created in terminal state 'C'");
        Has(ds, SpecDiagnosticIds.UnknownState, At(text, "Z;"), "unknown state 'Z'");
    }

    // ---- MPS206: mutability decides query or trigger ----

    [TestMethod]
    public void MPS206_a_view_that_fires_a_trigger_and_a_nonpayable_query_are_errors()
    {
        var text = Lifecycle("  on Go: A -> B;\n  on End: B -> C;\n") +
                   "contract K {\n  function peek() view returns (uint256) -> L.Go;\n  function poke() -> query;\n  function look() view returns (uint256) -> query;\n  function go() -> L.Go;\n}\n";
        var (model, ds) = Compile(text);
        Assert.AreEqual(2, ds.Count, Show(ds));
        Has(ds, SpecDiagnosticIds.MutabilityMismatch, At(text, "L.Go;\n  function poke"),
            "function 'peek' is view: it reads state and cannot fire L.Go (map it '-> query')");
        Has(ds, SpecDiagnosticIds.MutabilityMismatch, At(text, "poke"),
            "function 'poke' is nonpayable: it may change state, so it is no query (map it to a trigger, or declare it view)");
        Assert.AreEqual(0, model.Contracts.Count, "a contract with an error is left out whole");
    }

    // ---- error declarations and MPS207 ----

    [TestMethod]
    public void Errors_bind_with_their_signature_and_selector()
    {
        var text = "contract K {\n  error Stale(uint blockNumber, address);\n  extension error WrongStakeAmount() \"not exactly stakingValue\";\n}\n";
        var (model, ds) = Compile(text);
        Assert.AreEqual(0, ds.Count, Show(ds));
        var errors = model.Contracts.Single().Errors;
        Assert.AreEqual("Stale(uint256,address)", errors[0].Signature);
        Assert.IsFalse(errors[0].IsExtension);
        Assert.AreEqual("WrongStakeAmount()", errors[1].Signature);
        Assert.IsTrue(errors[1].IsExtension);
        Assert.AreEqual("not exactly stakingValue", errors[1].Doc);
        Assert.AreEqual(Morph.Protocol.Abi.AbiSignature.SelectorValue("Stale(uint256,address)"), errors[0].Selector);
    }

    [TestMethod]
    public void Errors_duplicate_signatures_names_unknown_types_and_builtin_errors_are_reported_at_their_names()
    {
        var text = "contract K {\n  error E(uint256 a);\n  error E(uint a);\n  error F(Missing m);\n  error Error(string);\n  error e();\n}\n";
        var (model, ds) = Compile(text);
        Has(ds, SpecDiagnosticIds.DuplicateSignature, At(text, "E(uint a)"), "error E(uint256) is declared twice in contract 'K'");
        Has(ds, SpecDiagnosticIds.UnknownType, At(text, "Missing"), "unknown type 'Missing'");
        Has(ds, SpecDiagnosticIds.DuplicateSignature, At(text, "Error(string)"), "error Error(string) is Solidity's own");
        Has(ds, SpecDiagnosticIds.DuplicateMemberName, At(text, "e();"), "error name 'E' is used twice in contract 'K'");
        Assert.AreEqual(4, ds.Count, Show(ds));
        Assert.AreEqual(0, model.Contracts.Count);
    }

    [TestMethod]
    public void MPS207_a_rule_no_contract_declares_as_an_error_is_reported_at_the_rule()
    {
        var text = Lifecycle("  lock lockP on l1 from Go else Late;\n  guard G \"g\" else NotG;\n  guard H \"h\" else NotH;\n" +
                             "  on Go: A -> B when G, H;\n  on Pay: B -> C after lock lockP pays stake;\n") +
                   "lifecycle M {\n  state A initial;\n  state B;\n  state C terminal;\n  lock lockP on l1 from Go;\n  on Go: A -> B;\n  on Pay: B -> C after lock lockP pays stake;\n}\n" +
                   "contract K {\n  extension error NotG();\n}\n";
        var ds = Diagnostics(text);
        Has(ds, SpecDiagnosticIds.UndeclaredRule, At(text, "NotH"),
            "rule 'NotH' (guard 'H' of lifecycle 'L') is declared as no error of any contract: add 'extension error NotH();' to the contract that refuses it");
        Has(ds, SpecDiagnosticIds.UndeclaredRule, At(text, "lockP on l1 from Go;"), "rule 'LockNotExpired' (the default rule of lock 'lockP' in lifecycle 'M')");
        Has(ds, SpecDiagnosticIds.UndeclaredRule, At(text, "Late"), "rule 'Late' (lock 'lockP' of lifecycle 'L')");
        Assert.AreEqual(3, ds.Count, Show(ds));
    }

    [TestMethod]
    public void MPS207_a_spec_without_error_declarations_is_not_checked()
    {
        var text = Lifecycle("  guard G \"g\" else NotG;\n  on Go: A -> B when G;\n  on Pay: B -> C;\n") + "contract K {\n  function go() -> L.Go;\n}\n";
        Assert.IsFalse(Diagnostics(text).Any(d => d.Id == SpecDiagnosticIds.UndeclaredRule));
    }

    // ---- runs / refused ----

    [TestMethod]
    public void A_function_runs_an_operation_or_is_refused_with_a_rule()
    {
        var text = Lifecycle("  on Go: A -> B;\n  on End: B -> C;\n") +
                   "contract K {\n  function go() payable -> L.Go runs Start \"starts\";\n  function old() refused Gone \"deployed only\";\n  function idle();\n}\n";
        var (model, ds) = Compile(text);
        Assert.AreEqual(0, ds.Count, Show(ds));
        var fs = model.Contracts.Single().Functions;
        Assert.AreEqual(("Start", (string?)null, "starts"), (fs[0].Operation, fs[0].RefusedRule, fs[0].Doc));
        Assert.AreEqual(((string?)null, "Gone"), (fs[1].Operation, fs[1].RefusedRule));
        Assert.AreEqual(((string?)null, (string?)null), (fs[2].Operation, fs[2].RefusedRule));
    }

    [TestMethod]
    public void MPS206_a_view_runs_nothing_and_a_function_firing_a_trigger_is_not_refused()
    {
        var text = Lifecycle("  on Go: A -> B;\n  on End: B -> C;\n") +
                   "contract K {\n  function peek() view returns (uint256) -> query runs Peek;\n  function go() -> L.Go refused Gone;\n}\n";
        var ds = Diagnostics(text);
        Has(ds, SpecDiagnosticIds.MutabilityMismatch, At(text, "Peek"), "function 'peek' is view: it reads state, so the model neither runs nor refuses it (drop 'runs Peek')");
        Has(ds, SpecDiagnosticIds.MutabilityMismatch, At(text, "Gone"), "function 'go' fires L.Go, so the model cannot refuse it whole (drop the trigger or 'refused Gone')");
        Assert.AreEqual(2, ds.Count, Show(ds));
    }

    [TestMethod]
    public void MPS116_an_operation_named_like_a_CSharp_keyword()
    {
        var text = "contract K {\n  function f() runs class;\n}\n";
        Single(Diagnostics(text), SpecDiagnosticIds.ReservedName, At(text, "class"), "operation 'class' is a C# keyword: choose another name");
    }

    [TestMethod]
    public void MPS207_a_refused_rule_is_a_declared_error()
    {
        var text = "contract K {\n  function old() refused Gone;\n  function older() refused Known;\n  extension error Known();\n}\n";
        var ds = Diagnostics(text);
        Single(ds, SpecDiagnosticIds.UndeclaredRule, At(text, "Gone"), "rule 'Gone' (refusing function 'old' of contract 'K') is declared as no error of any contract");
    }

    // ---- MPS201..MPS204 ----

    [TestMethod]
    [DataRow("uint7")]
    [DataRow("uint264")]
    [DataRow("uint08")]
    [DataRow("bytes33")]
    [DataRow("bytes0")]
    [DataRow("Missing")]
    public void MPS201_unknown_type_in_a_function(string type)
    {
        var text = $"contract K {{\n  function f({type} x);\n}}\n";
        var (model, ds) = Compile(text);
        Single(ds, SpecDiagnosticIds.UnknownType, (2, 14), $"unknown type '{type}'");
        Assert.AreEqual(0, model.Contracts.Count);
    }

    [TestMethod]
    public void MPS201_a_struct_that_contains_itself()
    {
        var text = "struct A { B b; }\nstruct B { A[] a; }\n";
        var (model, ds) = Compile(text);
        Single(ds, SpecDiagnosticIds.UnknownType, (1, 8), "struct 'A' contains itself (A -> B -> A)");
        Assert.AreEqual(0, model.Structs.Count);
    }

    [TestMethod]
    public void MPS201_unknown_parameter_type()
    {
        var text = "parameters {\n  p: int64 = 1;\n}\n";
        Single(Diagnostics(text), SpecDiagnosticIds.UnknownType, (2, 6), "unknown parameter type 'int64'");
    }

    [TestMethod]
    public void A_contract_using_a_broken_struct_is_left_out_whole()
    {
        var text = "struct S { Nope x; }\ncontract K {\n  function ok();\n  function f(S s);\n}\n";
        var (model, ds) = Compile(text);
        Single(ds, SpecDiagnosticIds.UnknownType, (1, 12), "unknown type 'Nope'");
        Assert.AreEqual(0, model.Contracts.Count, "not K with f silently missing");
    }

    [TestMethod]
    public void MPS202_duplicate_function_and_event_signatures()
    {
        // Names do not matter to a signature, nor does 'as'.
        var text = "struct P { uint256 a; }\ncontract K {\n  function f(P p);\n  function f(P q) as f2;\n  event E(uint256 a);\n  event E(uint256 b);\n}\n";
        var ds = Diagnostics(text);
        Assert.AreEqual(2, ds.Count, Show(ds));
        Has(ds, SpecDiagnosticIds.DuplicateSignature, (4, 12), "function f((uint256)) is declared twice in contract 'K'");
        Has(ds, SpecDiagnosticIds.DuplicateSignature, (6, 9), "event E(uint256) is declared twice in contract 'K'");
    }

    [TestMethod]
    public void MPS205_more_than_three_indexed_event_parameters()
    {
        var text = "contract K {\n  event E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d);\n}\n";
        Single(Diagnostics(text), SpecDiagnosticIds.TooManyIndexed, (2, 9), "event 'E' has more than 3 indexed parameters");
    }

    [TestMethod]
    public void MPS204_struct_fields_that_clash_as_generated()
    {
        var text = "struct S { uint256 a; uint256 _a; }\ncontract K {\n  function f(S s);\n}\n";
        var (model, ds) = Compile(text);
        Single(ds, SpecDiagnosticIds.DuplicateMemberName, (1, 31), "field '_a' of struct 'S' clashes with another field's name");
        Assert.AreEqual(0, model.Contracts.Count, "a contract using the broken struct is left out whole");
    }

    [TestMethod]
    public void MPS203_unknown_lifecycle_and_unknown_trigger()
    {
        var text = Lifecycle("  on Go: A -> B;\n  on End: B -> C;\n") +
                   "contract K {\n  function f() -> Nope.Go;\n  function g() -> L.Gone;\n  event E() on L.Went;\n}\n";
        var (model, ds) = Compile(text);
        Assert.AreEqual(3, ds.Count, Show(ds));
        Has(ds, SpecDiagnosticIds.UnknownTrigger, At(text, "Nope"), "unknown lifecycle 'Nope'");
        Has(ds, SpecDiagnosticIds.UnknownTrigger, At(text, "Gone"), "lifecycle 'L' has no trigger 'Gone': expected one of Go, End");
        Has(ds, SpecDiagnosticIds.UnknownTrigger, At(text, "Went"), "lifecycle 'L' has no trigger 'Went'");
        Assert.AreEqual(0, model.Contracts.Count);
    }

    [TestMethod]
    public void MPS203_a_target_in_a_broken_lifecycle_is_unknown()
    {
        // The lifecycle has an error, so it is not in the model, and the contract cannot bind to it.
        var text = "lifecycle L { state A; on Go: A -> A; }\ncontract K { function f() -> L.Go; }\n";
        var ds = Diagnostics(text);
        Has(ds, SpecDiagnosticIds.InitialState, (1, 11), "found 0");
        Has(ds, SpecDiagnosticIds.UnknownTrigger, (2, 30), "unknown lifecycle 'L'");
    }

    [TestMethod]
    public void MPS204_overload_without_as()
    {
        var text = "contract K {\n  function f(uint256 a);\n  function f(address a);\n}\n";
        Single(Diagnostics(text), SpecDiagnosticIds.DuplicateMemberName, (3, 12),
            "member name 'F' is used twice in contract 'K': give an overload a name with 'as'");
    }

    [TestMethod]
    public void MPS204_overload_with_as_binds()
    {
        var text = "contract K {\n  function f(uint256 a);\n  function f(address a) as fromAddress;\n}\n";
        var (model, ds) = Compile(text);
        Assert.AreEqual(0, ds.Count, Show(ds));
        CollectionAssert.AreEqual(new[] { "F", "FromAddress" }, model.Contracts[0].Functions.Select(f => f.MemberName).ToArray());
        CollectionAssert.AreEqual(new[] { "f(uint256)", "f(address)" }, model.Contracts[0].Functions.Select(f => f.Signature).ToArray());
    }

    [TestMethod]
    public void MPS204_an_alias_clashing_with_another_member_is_reported_at_the_alias()
    {
        var text = "contract K {\n  function g();\n  function f(address a) as g;\n}\n";
        Single(Diagnostics(text), SpecDiagnosticIds.DuplicateMemberName, (3, 28), "member name 'G' is used twice");
    }

    [TestMethod]
    public void MPS204_parameter_names_that_clash_as_properties_and_duplicate_struct_fields()
    {
        var text = "struct S {\n  uint256 a;\n  uint8 a;\n}\ncontract K {\n  function f(uint256 a, uint256 _a);\n}\n";
        var ds = Diagnostics(text);
        Assert.AreEqual(2, ds.Count, Show(ds));
        Has(ds, SpecDiagnosticIds.DuplicateMemberName, (3, 9), "field 'a' of struct 'S' clashes with another field's name");
        Has(ds, SpecDiagnosticIds.DuplicateMemberName, (6, 33), "parameter '_a' of function 'f' clashes with another parameter's name");
    }

    // ---- MPS301 ----

    [TestMethod]
    [DataRow("p: uint8 = 256;", "256 does not fit in uint8")]
    [DataRow("p: uint64 = 19 ether;", "19000000000000000000 does not fit in uint64")]
    [DataRow("p: uint8 = 1/2;", "expected an integer for type uint8")]
    [DataRow("p: uint8 = true;", "expected an integer for type uint8")]
    [DataRow("p: uint8 = 0x;", "'0x' is not an integer")]
    [DataRow("p: uint8 = 12ab;", "'12ab' is not an integer")]
    [DataRow("p: bool = 1;", "expected true or false")]
    [DataRow("p: ratio = 3;", "expected a ratio num/den")]
    [DataRow("p: ratio = 1/0;", "the denominator is zero")]
    [DataRow("p: ratio = 1/18446744073709551616;", "numerator and denominator must fit in 64 bits")]
    [DataRow("p: enum { X, Y } = Z;", "expected one of X, Y")]
    public void MPS301_bad_parameter_value_is_reported_at_the_value(string declaration, string message)
    {
        var text = "parameters {\n  " + declaration + "\n}\n";
        var (model, ds) = Compile(text);
        Single(ds, SpecDiagnosticIds.BadParameterValue, (2, declaration.IndexOf('=') + 5), "parameter 'p': " + message);
        Assert.AreEqual(0, model.Parameters.Count);
    }

    [TestMethod]
    public void Parameter_values_are_normalised()
    {
        var text = "parameters { a: uint256 = 2 ether; b: uint64 = 1_200; c: uint32 = 0x10; d: ratio = 2/3; e: enum { X, Y } = Y; f: uint64 = 3 gwei; g: uint256 = 5 morph; h: uint8 = 255; }";
        var (model, ds) = Compile(text);
        Assert.AreEqual(0, ds.Count, Show(ds));
        CollectionAssert.AreEqual(new[] { "2000000000000000000", "1200", "16", "2/3", "Y", "3000000000", "5000000000000000000", "255" },
            model.Parameters.Select(p => p.Default).ToArray());
    }

    [TestMethod]
    public void Compile_orders_diagnostics_by_file_then_offset()
    {
        var (_, ds) = Morph.Protocol.Spec.SpecCompiler.Compile(new[]
        {
            ("b.morph", "lifecycle L { state A; }"),
            ("a.morph", "parameters { p: uint8 = 300; }\n@"),
        });
        CollectionAssert.AreEqual(new[] { "a.morph:1:25 MPS301", "a.morph:2:1 MPS001", "b.morph:1:11 MPS104" },
            ds.Select(d => $"{d.Span} {d.Id}").ToArray());
    }
}
