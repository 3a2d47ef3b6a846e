using Morph.Protocol.Spec.Diagnostics;
using Morph.Protocol.Spec.Syntax;
using static Morph.Protocol.Tests.Spec.SpecTestKit;

namespace Morph.Protocol.Tests.Spec;

[TestClass]
public sealed class ParserTests
{
    private static IReadOnlyList<SpecDiagnostic> ParseErrors(string text) => Parser.Parse("t.morph", text).Diagnostics;

    [TestMethod]
    public void Unexpected_character_is_reported_where_it_is_and_skipped()
    {
        var text = "namespace T;\nparameters {\n  a: uint8 = 1; @\n  b: uint8 = 2;\n}\n";
        var (file, ds) = Parser.Parse("t.morph", text);
        var d = Single(ds, SpecDiagnosticIds.UnexpectedCharacter, (3, 17), "unexpected character '@'");
        Assert.AreEqual(SpecSeverity.Error, d.Severity);
        Assert.AreEqual(text.IndexOf('@'), d.Span.Offset);
        Assert.AreEqual(1, d.Span.Length);
        Assert.AreEqual("t.morph:3:17: error MPS001: unexpected character '@'", d.ToString());
        CollectionAssert.AreEqual(new[] { "a", "b" }, file.Parameters[0].Items.Select(p => p.Name.Text).ToArray());
    }

    [TestMethod]
    public void A_control_character_is_shown_escaped()
    {
        var ds = ParseErrors("namespace T;\n\u0001");
        Single(ds, SpecDiagnosticIds.UnexpectedCharacter, (2, 1), "unexpected character '\\u0001'");
    }

    [TestMethod]
    public void Unterminated_string_is_reported_at_its_opening_quote()
    {
        var text = "lifecycle L \"doc\n{ state A initial; }\n";
        var (file, ds) = Parser.Parse("t.morph", text);
        Single(ds, SpecDiagnosticIds.UnterminatedString, (1, 13), "unterminated string");
        // The string ends at the line's end; the lifecycle still parses.
        Assert.AreEqual("doc", file.Lifecycles[0].Doc);
        Assert.AreEqual("A", file.Lifecycles[0].States[0].Name.Text);
    }

    [TestMethod]
    public void Unterminated_comment_is_reported_at_its_start()
    {
        var ds = ParseErrors("namespace T;\n  /* never closed\nlifecycle L { }");
        Single(ds, SpecDiagnosticIds.UnterminatedString, (2, 3), "unterminated comment");
    }

    [TestMethod]
    public void Escaped_quote_does_not_end_a_string()
    {
        var (file, ds) = Parser.Parse("t.morph", "lifecycle L \"say \\\"hi\\\"\" { state A initial; }");
        Assert.AreEqual(0, ds.Count, Show(ds));
        Assert.AreEqual("say \"hi\"", file.Lifecycles[0].Doc);
    }

    [TestMethod]
    [DataRow("foo;", 1, 1, "expected 'namespace', 'parameters', 'bound', 'lifecycle', 'struct' or 'contract', found 'foo'")]
    [DataRow("lifecycle 5 { }", 1, 11, "expected a lifecycle name, found number 5")]
    [DataRow("lifecycle L {\n  state A initial\n}", 3, 1, "expected 'initial', 'terminal', a description or ';' after state 'A', found '}'")]
    [DataRow("lifecycle L {\n  state A initial;\n  on Go A -> A;\n}", 3, 9, "expected ':' after trigger 'Go', found 'A'")]
    [DataRow("lifecycle L {\n  state A initial;\n  on Go: A -> ;\n}", 3, 15, "expected a destination state after '->', found ';'")]
    [DataRow("lifecycle L {\n  state A initial;\n  banana;\n}", 3, 3, "expected 'state', 'trigger', 'guard', 'event lock', 'lock', 'wait', 'window', 'key', 'counts', 'create', 'on' or '}', found 'banana'")]
    [DataRow("lifecycle L {\n  state A initial;\n", 3, 1, "expected '}' to close lifecycle 'L', found end of file")]
    [DataRow("parameters {\n  \"x\";\n}", 2, 3, "expected a parameter name, found string \"x\"")]
    [DataRow("parameters {\n  a uint8 = 1;\n}", 2, 5, "expected ':' and a type after parameter 'a', found 'uint8'")]
    [DataRow("parameters {\n  a: ratio = 2/;\n}", 2, 16, "expected a denominator after '/', found ';'")]
    [DataRow("parameters {\n  a: enum { X Y } = X;\n}", 2, 15, "expected ',' or '}' in the enum's members, found 'Y'")]
    [DataRow("contract K {\n  function f(uint256);\n}", 2, 21, "expected a parameter name after type 'uint256', found ')'")]
    [DataRow("contract K {\n  function f() -> L;\n}", 2, 20, "expected '.' between lifecycle and trigger, found ';'")]
    [DataRow("contract K {\n  extension banana;\n}", 2, 13, "expected 'function', 'event' or 'error' after 'extension', found 'banana'")]
    [DataRow("contract K {\n  error E(uint a) banana;\n}", 2, 19, "expected a description or ';' after error 'E', found 'banana'")]
    [DataRow("contract K {\n  function f() runs;\n}", 2, 20, "expected an operation name after 'runs', found ';'")]
    [DataRow("contract K {\n  function f() runs A refused B;\n}", 2, 23, "expected a mutability, 'returns', 'as', '->', 'runs', 'refused', a description or ';' after function 'f', found 'refused'")]
    [DataRow("struct S {\n  uint256[3 a;\n}", 2, 13, "expected ']' after the array length, found 'a'")]
    [DataRow("namespace A.;", 1, 13, "expected a namespace name after '.', found ';'")]
    public void Expected_x_found_y_at_the_offending_token(string text, int line, int column, string message)
    {
        var ds = ParseErrors(text);
        var d = Single(ds, SpecDiagnosticIds.Expected, (line, column), message);
        Assert.AreEqual(SpecSeverity.Error, d.Severity);
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("1000001")]
    [DataRow("99999999999")]
    public void Array_length_out_of_range_is_MPS004_at_the_number(string length)
    {
        var text = $"struct S {{\n  uint256[{length}] a;\n}}";
        var (file, ds) = Parser.Parse("t.morph", text);
        Single(ds, SpecDiagnosticIds.BadNumber, (2, 11), $"expected an array length from 1 to 1000000, found {length}");
        Assert.AreEqual("a", file.Structs[0].Fields[0].Name.Text, "the field is kept");
    }

    [TestMethod]
    public void Three_independent_errors_are_all_reported_and_their_neighbours_kept()
    {
        var text = """
            namespace T;
            parameters {
              a: uint8 = 1;
              b: uint8 2;
              c: uint8 = 3;
            }
            lifecycle L {
              state A initial;
              state B;
              on Go: A B;
              on Back: B -> A;
            }
            contract K {
              function f(uint256 x);
              function g(uint256);
              event E(uint256 y);
            }
            """;
        var (file, ds) = Parser.Parse("t.morph", text);
        Assert.AreEqual(3, ds.Count, Show(ds));
        Has(ds, SpecDiagnosticIds.Expected, (4, 12), "expected '=' and a default value for parameter 'b', found number 2");
        Has(ds, SpecDiagnosticIds.Expected, (10, 12), "expected '|' or '->' after the source states, found 'B'");
        Has(ds, SpecDiagnosticIds.Expected, (15, 21), "expected a parameter name after type 'uint256', found ')'");

        Assert.AreEqual("T", file.Namespaces[0].Value);
        CollectionAssert.AreEqual(new[] { "a", "c" }, file.Parameters[0].Items.Select(p => p.Name.Text).ToArray());
        var l = file.Lifecycles.Single();
        CollectionAssert.AreEqual(new[] { "A", "B" }, l.States.Select(s => s.Name.Text).ToArray());
        CollectionAssert.AreEqual(new[] { "Back" }, l.Transitions.Select(t => t.Trigger.Text).ToArray());
        var k = file.Contracts.Single();
        CollectionAssert.AreEqual(new[] { "f" }, k.Functions.Select(f => f.Name.Text).ToArray());
        CollectionAssert.AreEqual(new[] { "E" }, k.Events.Select(e => e.Name.Text).ToArray());
    }

    [TestMethod]
    public void A_missing_semicolon_does_not_swallow_the_next_member()
    {
        var text = """
            parameters {
              a: uint8 = 1
              b: uint8 = 2;
            }
            lifecycle L {
              state A initial
              state B;
              on Go: A -> B
            }
            contract K {
              function f(uint256 x)
              function g();
              function h(uint256 y
              event E();
            }
            """;
        var (file, ds) = Parser.Parse("t.morph", text);
        Assert.AreEqual(5, ds.Count, Show(ds));
        Has(ds, SpecDiagnosticIds.Expected, (14, 3), "expected ',' or ')' in the parameter list, found 'event'");
        CollectionAssert.AreEqual(new[] { "E" }, file.Contracts[0].Events.Select(e => e.Name.Text).ToArray());
        Has(ds, SpecDiagnosticIds.Expected, (3, 3), "expected ';' after parameter 'a', found 'b'");
        Has(ds, SpecDiagnosticIds.Expected, (7, 3), "after state 'A', found 'state'");
        Has(ds, SpecDiagnosticIds.Expected, (9, 1), "to end the transition, found '}'");
        Has(ds, SpecDiagnosticIds.Expected, (12, 3), "after function 'f', found 'function'");
        CollectionAssert.AreEqual(new[] { "b" }, file.Parameters[0].Items.Select(p => p.Name.Text).ToArray());
        CollectionAssert.AreEqual(new[] { "B" }, file.Lifecycles[0].States.Select(s => s.Name.Text).ToArray());
        CollectionAssert.AreEqual(new[] { "g" }, file.Contracts[0].Functions.Select(f => f.Name.Text).ToArray());
    }

    [TestMethod]
    public void A_missing_closing_brace_does_not_swallow_the_next_declaration()
    {
        var text = "lifecycle A {\n  state X initial;\nlifecycle B {\n  state Y initial;\n}\ncontract K { function f(); }\n";
        var (file, ds) = Parser.Parse("t.morph", text);
        Single(ds, SpecDiagnosticIds.Expected, (3, 1), "expected '}' to close lifecycle 'A', found 'lifecycle'");
        CollectionAssert.AreEqual(new[] { "B" }, file.Lifecycles.Select(l => l.Name.Text).ToArray());
        Assert.AreEqual("K", file.Contracts.Single().Name.Text);
    }

    [TestMethod]
    public void Junk_between_declarations_is_one_error_and_parsing_resumes()
    {
        var text = "namespace T;\n) ) ) junk 12 \"s\" ;\nstruct S { uint256 a; }\n";
        var (file, ds) = Parser.Parse("t.morph", text);
        Single(ds, SpecDiagnosticIds.Expected, (2, 1), "found ')'");
        Assert.AreEqual("S", file.Structs.Single().Name.Text);
    }

    [TestMethod]
    public void Transition_clauses_parse_into_the_tree()
    {
        var text = "lifecycle L { lock p on l1 from W else Early \"l\"; wait q on epochs from created; event lock E else R; " +
                   "on Pay: A | B -> C when G1, G2 pays stake after lock p slash \"d\"; on W: C -> A waives lock q because G3; }";
        var (file, ds) = Parser.Parse("t.morph", text);
        Assert.AreEqual(0, ds.Count, Show(ds));
        var t = file.Lifecycles[0].Transitions[0];
        CollectionAssert.AreEqual(new[] { "A", "B" }, t.From.Select(n => n.Text).ToArray());
        Assert.AreEqual("C", t.To.Text);
        CollectionAssert.AreEqual(new[] { "G1", "G2" }, t.Guards.Select(n => n.Text).ToArray());
        Assert.IsTrue(t.ReleasesFunds);
        Assert.AreEqual("stake", t.Pays?.Text);
        Assert.AreEqual("p", t.Lock?.Text);
        Assert.IsTrue(t.Slash);
        Assert.AreEqual("d", t.Doc);
        Assert.AreEqual("q", file.Lifecycles[0].Transitions[1].WaivedLock?.Text);
        Assert.AreEqual("G3", file.Lifecycles[0].Transitions[1].WaiverGuard?.Text);
        Assert.IsNull(file.Lifecycles[0].Transitions[1].Lock);
        var locks = file.Lifecycles[0].Locks;
        Assert.AreEqual(("p", false, "l1", "W", "Early", "l"), (locks[0].Parameter.Text, locks[0].IsWait, locks[0].Clock.Text, locks[0].From.Single().Text, locks[0].Rule?.Text, locks[0].Doc));
        Assert.AreEqual(("q", true, "epochs", "created"), (locks[1].Parameter.Text, locks[1].IsWait, locks[1].Clock.Text, locks[1].From.Single().Text));
        Assert.IsTrue(file.Lifecycles[0].Guards.Single().IsEventLock);
    }
}
