using System;
using System.Collections.Generic;
using System.Linq;
using Morph.Protocol.Spec.Diagnostics;

namespace Morph.Protocol.Spec.Syntax
{
    /// <summary>Recursive-descent parser of the spec language (docs/spec-language.md). It never throws: each
    /// error is reported as file:line:column with what was expected, and parsing resumes at the next ';' or
    /// declaration, so one run reports several errors.</summary>
    public sealed class Parser
    {
        private static readonly HashSet<string> TopLevelKeywords = new HashSet<string> { "namespace", "parameters", "bound", "lifecycle", "struct", "contract" };
        private static readonly HashSet<string> Mutabilities = new HashSet<string> { "view", "pure", "payable", "nonpayable" };
        private const int MaxDepth = 64;

        private readonly List<Token> _tokens;
        private readonly List<SpecDiagnostic> _diagnostics;
        private int _pos;

        private Parser(List<Token> tokens, List<SpecDiagnostic> diagnostics) { _tokens = tokens; _diagnostics = diagnostics; }

        /// <summary>Parses one file. Diagnostics are appended to the returned list; the tree holds every
        /// declaration that parsed (a broken member is left out, its siblings kept).</summary>
        public static (SpecFileSyntax File, IReadOnlyList<SpecDiagnostic> Diagnostics) Parse(string path, string text)
        {
            var diagnostics = new List<SpecDiagnostic>();
            try
            {
                var tokens = Lexer.Tokenize(path, text ?? "", diagnostics);
                var file = new Parser(tokens, diagnostics).ParseFile(path);
                return (file, diagnostics);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // A bug here must not take the compiler down; report it as a diagnostic instead.
                diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.Expected, SpecSeverity.Error, new SourceSpan(path, 1, 1, 0, 0), "internal parser error: " + e.Message));
                var empty = new SpecFileSyntax(path, EquatableArray<NamespaceSyntax>.Empty, EquatableArray<ParametersSyntax>.Empty,
                    EquatableArray<LifecycleSyntax>.Empty, EquatableArray<StructSyntax>.Empty, EquatableArray<ContractSyntax>.Empty);
                return (empty, diagnostics);
            }
        }

        private sealed class ParseError : Exception { }

        private Token Current => _tokens[_pos];
        private Token Peek(int k = 1) => _tokens[Math.Min(_pos + k, _tokens.Count - 1)];
        private Token Next() { var t = Current; if (_pos < _tokens.Count - 1) _pos++; return t; }

        private ParseError Error(string expected)
        {
            // One error per position: a cascade (a missing ';' that is also a missing '}') reports the first only.
            var last = _diagnostics.Count > 0 ? _diagnostics[_diagnostics.Count - 1] : null;
            if (last is null || last.Id != SpecDiagnosticIds.Expected || last.Span.Offset != Current.Span.Offset)
                _diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.Expected, SpecSeverity.Error, Current.Span, $"expected {expected}, found {Current.Describe()}"));
            return new ParseError();
        }

        private Token Expect(TokenKind kind, string expected)
        {
            if (Current.Kind != kind) throw Error(expected);
            return Next();
        }

        private void ExpectKeyword(string keyword)
        {
            if (!Current.Is(keyword)) throw Error($"'{keyword}'");
            Next();
        }

        private Name ExpectName(string what)
        {
            if (Current.Kind != TokenKind.Identifier) throw Error(what);
            var t = Next();
            return new Name(t.Text, t.Span);
        }

        private bool Accept(TokenKind kind) { if (Current.Kind != kind) return false; Next(); return true; }
        private bool AcceptKeyword(string keyword) { if (!Current.Is(keyword)) return false; Next(); return true; }
        private string? OptionalDoc() => Current.Kind == TokenKind.String ? Next().Text : null;

        /// <summary>True at a top-level keyword followed by a name: the start of a declaration.</summary>
        private bool AtDeclarationStart(bool includeStruct = true) =>
            Current.Kind == TokenKind.Identifier && TopLevelKeywords.Contains(Current.Text) && Peek().Kind == TokenKind.Identifier
            && (includeStruct || Current.Text != "struct");

        /// <summary>True when the current token is the first on its line.</summary>
        private bool AtLineStart => _pos > 0 && _tokens[_pos - 1].Span.Line < Current.Span.Line;

        /// <summary>Skips to just after the next ';' at this nesting, or to a '}' closing it (not consumed), or to
        /// what starts a new member on a new line (a missing ';'), or to the start of a declaration (a missing '}').
        /// Only braces nest: no ';' or '}' belongs inside parentheses, so an unclosed '(' does not hide them.</summary>
        private void SyncMember(int memberStart, Func<bool>? atMemberStart)
        {
            // Nesting counts from the member's start: an error inside 'enum { ... }' skips past its close.
            int depth = 0;
            for (int i = memberStart; i < _pos; i++)
            {
                if (_tokens[i].Kind == TokenKind.LBrace) depth++;
                else if (_tokens[i].Kind == TokenKind.RBrace && depth > 0) depth--;
            }
            while (Current.Kind != TokenKind.EndOfFile)
            {
                if (depth == 0 && _pos > memberStart && AtLineStart && (AtDeclarationStart(false) || (atMemberStart != null && atMemberStart()))) return;
                if (Current.Kind == TokenKind.LBrace) depth++;
                else if (Current.Kind == TokenKind.RBrace) { if (depth == 0) return; depth--; }
                else if (Current.Kind == TokenKind.Semicolon && depth == 0) { Next(); return; }
                Next();
            }
        }

        /// <summary>After an error in a declaration: skips to the start of the next one (at least one token when
        /// the error did not move, so the loop always advances).</summary>
        private void SyncTopLevel(bool moved)
        {
            if (!moved) Next();
            while (Current.Kind != TokenKind.EndOfFile && !AtDeclarationStart()) Next();
        }

        private SpecFileSyntax ParseFile(string path)
        {
            var namespaces = new List<NamespaceSyntax>();
            var parameters = new List<ParametersSyntax>();
            var lifecycles = new List<LifecycleSyntax>();
            var structs = new List<StructSyntax>();
            var contracts = new List<ContractSyntax>();
            var bounds = new List<BoundSyntax>();
            while (Current.Kind != TokenKind.EndOfFile)
            {
                int start = _pos;
                try
                {
                    if (Current.Is("namespace")) namespaces.Add(ParseNamespace());
                    else if (Current.Is("bound")) bounds.Add(ParseBound());
                    else if (Current.Is("parameters")) parameters.Add(ParseParameters());
                    else if (Current.Is("lifecycle")) lifecycles.Add(ParseLifecycle());
                    else if (Current.Is("struct")) structs.Add(ParseStruct());
                    else if (Current.Is("contract")) contracts.Add(ParseContract());
                    else throw Error("'namespace', 'parameters', 'bound', 'lifecycle', 'struct' or 'contract'");
                }
                catch (ParseError)
                {
                    SyncTopLevel(_pos != start);
                }
            }
            return new SpecFileSyntax(path, namespaces.ToEquatableArray(), parameters.ToEquatableArray(), lifecycles.ToEquatableArray(),
                structs.ToEquatableArray(), contracts.ToEquatableArray()) { Bounds = bounds.ToEquatableArray() };
        }

        /// <summary><c>bound B(p: type, …) at most P [else Rule] ["doc"];</c></summary>
        private BoundSyntax ParseBound()
        {
            Next();
            var name = ExpectName("a bound name after 'bound'");
            var key = ParseParamList($"bound '{name.Text}'");
            ExpectKeyword("at");
            ExpectKeyword("most");
            var limit = ExpectName("the parameter that limits the count, after 'at most'");
            Name? rule = AcceptKeyword("else") ? ExpectName($"the rule bound '{name.Text}' refuses with, after 'else'") : null;
            var doc = OptionalDoc();
            Expect(TokenKind.Semicolon, $"'else Rule', a description or ';' after bound '{name.Text}'");
            return new BoundSyntax(name, key.ToEquatableArray(), limit, rule, doc);
        }

        private NamespaceSyntax ParseNamespace()
        {
            var kw = Next();
            var parts = new List<string> { ExpectName("a namespace name").Text };
            while (Accept(TokenKind.Dot)) parts.Add(ExpectName("a namespace name after '.'").Text);
            Expect(TokenKind.Semicolon, "';' after the namespace");
            return new NamespaceSyntax(string.Join(".", parts), kw.Span);
        }

        /// <summary>Parses <c>{ member* }</c>, recovering inside it member by member.</summary>
        private void ParseBlock(string what, Action member, Func<bool>? atMemberStart = null)
        {
            Expect(TokenKind.LBrace, $"'{{' to open {what}");
            while (Current.Kind != TokenKind.RBrace)
            {
                if (Current.Kind == TokenKind.EndOfFile) throw Error($"'}}' to close {what}");
                // A top-level keyword here most likely means a missing '}': report it and let the file level resume.
                if (AtDeclarationStart(false))
                    throw Error($"'}}' to close {what}");
                int start = _pos;
                try { member(); }
                catch (ParseError) { SyncMember(start, atMemberStart); if (_pos == start) Next(); }
            }
            Next();
        }

        // ---- parameters ----

        private ParametersSyntax ParseParameters()
        {
            Next();
            var items = new List<ParameterSyntax>();
            ParseBlock("the parameters block", () => items.Add(ParseParameter()),
                () => Current.Kind == TokenKind.Identifier && Peek().Kind == TokenKind.Colon);
            return new ParametersSyntax(items.ToEquatableArray());
        }

        private ParameterSyntax ParseParameter()
        {
            var name = ExpectName("a parameter name");
            Expect(TokenKind.Colon, $"':' and a type after parameter '{name.Text}'");
            var typeKw = ExpectName("a parameter type (uint8, uint16, uint32, uint64, uint256, bool, ratio or enum)");
            var members = new List<Name>();
            if (typeKw.Text == "enum")
            {
                Expect(TokenKind.LBrace, "'{' and the enum's members");
                do members.Add(ExpectName("an enum member")); while (Accept(TokenKind.Comma));
                Expect(TokenKind.RBrace, "',' or '}' in the enum's members");
            }
            Expect(TokenKind.Equals, $"'=' and a default value for parameter '{name.Text}'");
            var value = ParseValue();
            var doc = OptionalDoc();
            Expect(TokenKind.Semicolon, $"';' after parameter '{name.Text}'");
            return new ParameterSyntax(name, new ParameterTypeSyntax(typeKw, members.ToEquatableArray()), value, doc);
        }

        private ValueSyntax ParseValue()
        {
            var t = Current;
            if (t.Kind == TokenKind.Number)
            {
                Next();
                if (Accept(TokenKind.Slash))
                {
                    var den = Expect(TokenKind.Number, "a denominator after '/'");
                    return new ValueSyntax(t.Span, t.Text, null, den.Text, null);
                }
                string? unit = null;
                if (Current.Kind == TokenKind.Identifier && (Current.Text == "wei" || Current.Text == "gwei" || Current.Text == "ether" || Current.Text == "morph"
                        || Current.Text == "l1blocks" || Current.Text == "l2blocks" || Current.Text == "epochs"))
                    unit = Next().Text;
                return new ValueSyntax(t.Span, t.Text, unit, null, null);
            }
            if (t.Kind == TokenKind.Identifier) { Next(); return new ValueSyntax(t.Span, null, null, null, t.Text); }
            throw Error("a value (a number, a ratio a/b, true, false or an enum member)");
        }

        // ---- lifecycles ----

        private LifecycleSyntax ParseLifecycle()
        {
            Next();
            var name = ExpectName("a lifecycle name");
            bool singleton = AcceptKeyword("singleton");
            var doc = OptionalDoc();
            var states = new List<StateSyntax>();
            var triggers = new List<TriggerSyntax>();
            var guards = new List<GuardSyntax>();
            var transitions = new List<TransitionSyntax>();
            var locks = new List<LockSyntax>();
            var counts = new List<CountsSyntax>();
            var creates = new List<CreateSyntax>();
            List<ParamSyntax>? key = null;
            Name? keyKeyword = null;
            ParseBlock($"lifecycle '{name.Text}'", () =>
            {
                if (Current.Is("key"))
                {
                    keyKeyword = ExpectName("key");
                    key = ParseParamList($"the key of lifecycle '{name.Text}'");
                    OptionalDoc();
                    Expect(TokenKind.Semicolon, "a description or ';' after the key");
                }
                else if (AcceptKeyword("counts"))
                {
                    ExpectKeyword("toward");
                    var bound = ExpectName("a bound after 'counts toward'");
                    ExpectKeyword("while");
                    var states = new List<Name>();
                    do states.Add(ExpectName("a state that counts")); while (Accept(TokenKind.Comma));
                    Expect(TokenKind.Semicolon, "',' or ';' after the counted states");
                    counts.Add(new CountsSyntax(bound, states.ToEquatableArray()));
                }
                else if (AcceptKeyword("create"))
                {
                    var trigger = ExpectName("the trigger that creates the entity, after 'create'");
                    Expect(TokenKind.Arrow, $"'->' and the state trigger '{trigger.Text}' creates the entity in");
                    var to = ExpectName("the state a new entity starts in");
                    var cdoc = OptionalDoc();
                    Expect(TokenKind.Semicolon, "a description or ';' after the creation");
                    creates.Add(new CreateSyntax(trigger, to, cdoc));
                }
                else if (AcceptKeyword("state")) states.Add(ParseState());
                else if (AcceptKeyword("trigger")) triggers.Add(ParseTriggerDeclaration());
                else if (AcceptKeyword("guard")) guards.Add(ParseGuard());
                else if (AcceptKeyword("event")) { ExpectKeyword("lock"); guards.Add(ParseGuard() with { IsEventLock = true }); }
                else if (AcceptKeyword("lock")) locks.Add(ParseLock(isWait: false));
                else if (AcceptKeyword("wait")) locks.Add(ParseLock(isWait: true));
                else if (AcceptKeyword("window")) locks.Add(ParseWindow());
                else if (AcceptKeyword("on")) transitions.Add(ParseTransition());
                else throw Error("'state', 'trigger', 'guard', 'event lock', 'lock', 'wait', 'window', 'key', 'counts', 'create', 'on' or '}'");
            }, () => Current.Is("state") || Current.Is("trigger") || Current.Is("guard") || Current.Is("event") || Current.Is("lock") || Current.Is("wait") || Current.Is("window")
                  || Current.Is("key") || Current.Is("counts") || Current.Is("create") || Current.Is("on"));
            return new LifecycleSyntax(name, doc, states.ToEquatableArray(), triggers.ToEquatableArray(), guards.ToEquatableArray(), transitions.ToEquatableArray())
                { Locks = locks.ToEquatableArray(), IsSingleton = singleton, Key = key?.ToEquatableArray(), KeyKeyword = keyKeyword,
                  Counts = counts.ToEquatableArray(), Creates = creates.ToEquatableArray() };
        }

        /// <summary><c>window P on clock from T1, T2 open else R1 closed else R2 ["doc"];</c> (the keyword is already read):
        /// guards {P}Open (now &lt;= start + P) and {P}Closed (now &gt; start + P).</summary>
        private LockSyntax ParseWindow()
        {
            var parameter = ExpectName("a duration parameter after 'window'");
            ExpectKeyword("on");
            var clock = ExpectName("a clock after 'on' (l1, l2 or epochs)");
            ExpectKeyword("from");
            var from = new List<Name>();
            do from.Add(ExpectName($"a trigger (or 'created') that opens window '{parameter.Text}'")); while (Accept(TokenKind.Comma));
            ExpectKeyword("open");
            ExpectKeyword("else");
            var open = ExpectName($"the rule a closed window '{parameter.Text}' refuses with, after 'open else'");
            ExpectKeyword("closed");
            ExpectKeyword("else");
            var closed = ExpectName($"the rule an open window '{parameter.Text}' refuses with, after 'closed else'");
            var doc = OptionalDoc();
            Expect(TokenKind.Semicolon, $"a description or ';' after window '{parameter.Text}'");
            return new LockSyntax(parameter, false, clock, from.ToEquatableArray(), open, doc) { IsWindow = true, ClosedRule = closed };
        }

        /// <summary><c>lock P on clock from T1, T2 [else Rule] ["doc"];</c> (the keyword is already read).</summary>
        private LockSyntax ParseLock(bool isWait)
        {
            var what = isWait ? "wait" : "lock";
            var parameter = ExpectName($"a duration parameter after '{what}'");
            ExpectKeyword("on");
            var clock = ExpectName("a clock after 'on' (l1, l2 or epochs)");
            ExpectKeyword("from");
            var from = new List<Name>();
            do from.Add(ExpectName($"a trigger (or 'created') that starts {what} '{parameter.Text}'")); while (Accept(TokenKind.Comma));
            Name? rule = AcceptKeyword("else") ? ExpectName($"the rule {what} '{parameter.Text}' refuses with while it runs, after 'else'") : null;
            var doc = OptionalDoc();
            Expect(TokenKind.Semicolon, $"',', 'else Rule', a description or ';' after {what} '{parameter.Text}'");
            return new LockSyntax(parameter, isWait, clock, from.ToEquatableArray(), rule, doc);
        }

        private StateSyntax ParseState()
        {
            var name = ExpectName("a state name");
            bool initial = false, terminal = false;
            while (true)
            {
                if (AcceptKeyword("initial")) initial = true;
                else if (AcceptKeyword("terminal")) terminal = true;
                else break;
            }
            var doc = OptionalDoc();
            Expect(TokenKind.Semicolon, $"'initial', 'terminal', a description or ';' after state '{name.Text}'");
            return new StateSyntax(name, initial, terminal, doc);
        }

        private GuardSyntax ParseGuard()
        {
            var name = ExpectName("a guard name");
            var ps = Current.Kind == TokenKind.LParen ? ParseParamList($"guard '{name.Text}'") : new List<ParamSyntax>();
            var doc = OptionalDoc();
            Name? rule = AcceptKeyword("else") ? ExpectName($"the rule guard '{name.Text}' refuses with, after 'else'") : null;
            Expect(TokenKind.Semicolon, $"a description, 'else Rule' or ';' after guard '{name.Text}'");
            return new GuardSyntax(name, ps.ToEquatableArray(), doc, rule);
        }

        private TriggerSyntax ParseTriggerDeclaration()
        {
            var name = ExpectName("a trigger name after 'trigger'");
            var ps = Current.Kind == TokenKind.LParen ? ParseParamList($"trigger '{name.Text}'") : new List<ParamSyntax>();
            Name? kind = Current.Is("external") || Current.Is("time") || Current.Is("internal") ? ExpectName("a trigger kind") : null;
            var doc = OptionalDoc();
            Expect(TokenKind.Semicolon, $"'(', 'external', 'time', 'internal', a description or ';' after trigger '{name.Text}'");
            return new TriggerSyntax(name, ps.ToEquatableArray(), doc) { Kind = kind };
        }

        /// <summary><c>( name: type {, name: type} )</c>, possibly empty.</summary>
        private List<ParamSyntax> ParseParamList(string owner)
        {
            var list = new List<ParamSyntax>();
            Expect(TokenKind.LParen, $"'(' after {owner}");
            if (Accept(TokenKind.RParen)) return list;
            do
            {
                var pname = ExpectName($"a parameter name of {owner}");
                Expect(TokenKind.Colon, $"':' after parameter '{pname.Text}'");
                list.Add(new ParamSyntax(pname, ParseType($"the type of parameter '{pname.Text}'")));
            } while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen, $"',' or ')' in the parameters of {owner}");
            return list;
        }

        private TransitionSyntax ParseTransition()
        {
            var trigger = ExpectName("a trigger name after 'on'");
            Expect(TokenKind.Colon, $"':' after trigger '{trigger.Text}'");
            var from = new List<Name> { ExpectName("a source state") };
            while (Accept(TokenKind.Pipe)) from.Add(ExpectName("a source state after '|'"));
            Expect(TokenKind.Arrow, "'|' or '->' after the source states");
            var to = ExpectName("a destination state after '->'");
            var guards = new List<Name>();
            bool slash = false;
            Name? lockParam = null, pays = null, waives = null, waived = null, waiverGuard = null;
            var causes = new List<TargetSyntax>();
            while (true)
            {
                if (AcceptKeyword("when"))
                {
                    do guards.Add(ExpectName("a guard name")); while (Accept(TokenKind.Comma));
                }
                else if (Current.Is("releases"))
                    throw Error("'pays <bucket>' ('releases funds' is now 'pays' with what it pays: pays stake, pays reward, ...)");
                else if (AcceptKeyword("pays")) pays = ExpectName("what the transition pays after 'pays' (stake, reward, deposit, ...)");
                else if (AcceptKeyword("after"))
                {
                    ExpectKeyword("lock");
                    lockParam = ExpectName("a lock (a duration parameter) after 'after lock'");
                }
                else if (Current.Is("waives"))
                {
                    waives = ExpectName("waives");
                    if (AcceptKeyword("lock")) waived = ExpectName("a lock parameter name after 'waives lock'");
                    if (AcceptKeyword("because")) waiverGuard = ExpectName("the guard that justifies the waiver, after 'because'");
                }
                else if (AcceptKeyword("slash")) slash = true;
                else if (AcceptKeyword("causes"))
                {
                    do
                    {
                        var lifecycle = ExpectName("a lifecycle after 'causes'");
                        Expect(TokenKind.Dot, $"'.' and a trigger after '{lifecycle.Text}'");
                        causes.Add(new TargetSyntax(lifecycle, ExpectName("a trigger")));
                    } while (Accept(TokenKind.Comma));
                }
                else break;
            }
            var doc = OptionalDoc();
            Expect(TokenKind.Semicolon, "'when', 'after lock', 'pays', 'waives', 'slash', 'causes', a description or ';' to end the transition");
            return new TransitionSyntax(trigger, from.ToEquatableArray(), to, guards.ToEquatableArray(), pays, lockParam, waives, waived, waiverGuard, slash, doc)
                { Causes = causes.ToEquatableArray() };
        }

        // ---- structs and contracts ----

        private TypeSyntax ParseType(string what, int depth = 0)
        {
            var baseName = ExpectName(what);
            var dims = new List<int?>();
            while (Accept(TokenKind.LBracket))
            {
                if (dims.Count >= MaxDepth) throw Error("fewer array dimensions");
                if (Current.Kind == TokenKind.Number)
                {
                    var n = Next();
                    if (!int.TryParse(n.Text, out var len) || len <= 0 || len > 1_000_000)
                    {
                        _diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.BadNumber, SpecSeverity.Error, n.Span, $"expected an array length from 1 to 1000000, found {n.Text}"));
                        len = 1;
                    }
                    dims.Add(len);
                }
                else dims.Add(null);
                Expect(TokenKind.RBracket, "']' after the array length");
            }
            return new TypeSyntax(baseName, dims.ToEquatableArray());
        }

        private StructSyntax ParseStruct()
        {
            Next();
            var name = ExpectName("a struct name");
            var fields = new List<FieldSyntax>();
            ParseBlock($"struct '{name.Text}'", () =>
            {
                var type = ParseType("a field type");
                var fieldName = ExpectName("a field name");
                Expect(TokenKind.Semicolon, $"';' after field '{fieldName.Text}'");
                fields.Add(new FieldSyntax(type, fieldName, false));
            });
            return new StructSyntax(name, fields.ToEquatableArray());
        }

        private ContractSyntax ParseContract()
        {
            Next();
            var name = ExpectName("a contract name");
            var doc = OptionalDoc();
            var functions = new List<FunctionSyntax>();
            var events = new List<EventSyntax>();
            var errors = new List<ErrorSyntax>();
            ParseBlock($"contract '{name.Text}'", () =>
            {
                bool extension = AcceptKeyword("extension");
                if (AcceptKeyword("function")) functions.Add(ParseFunction(extension));
                else if (AcceptKeyword("event")) events.Add(ParseEvent(extension));
                else if (AcceptKeyword("error")) errors.Add(ParseErrorDeclaration(extension));
                else throw Error(extension ? "'function', 'event' or 'error' after 'extension'" : "'function', 'event', 'error', 'extension' or '}'");
            }, () => Current.Is("function") || Current.Is("event") || Current.Is("error") || Current.Is("extension"));
            return new ContractSyntax(name, doc, functions.ToEquatableArray(), events.ToEquatableArray()) { Errors = errors.ToEquatableArray() };
        }

        private List<FieldSyntax> ParseFieldList(bool allowIndexed, bool namesOptional)
        {
            var list = new List<FieldSyntax>();
            Expect(TokenKind.LParen, "'('");
            if (Accept(TokenKind.RParen)) return list;
            do
            {
                var type = ParseType("a parameter type");
                bool indexed = allowIndexed && AcceptKeyword("indexed");
                Name name;
                if (Current.Kind == TokenKind.Identifier) name = ExpectName("a parameter name");
                else if (namesOptional) name = new Name("", type.Base.Span);
                else throw Error($"a parameter name after type '{type.Base.Text}'");
                list.Add(new FieldSyntax(type, name, indexed));
            } while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen, "',' or ')' in the parameter list");
            return list;
        }

        private FunctionSyntax ParseFunction(bool extension)
        {
            var name = ExpectName("a function name");
            var ps = ParseFieldList(false, false);
            string mutability = "nonpayable";
            while (Current.Kind == TokenKind.Identifier && Mutabilities.Contains(Current.Text)) mutability = Next().Text;
            List<FieldSyntax>? returns = null;
            if (AcceptKeyword("returns")) returns = ParseFieldList(false, true);
            Name? alias = null;
            if (AcceptKeyword("as")) alias = ExpectName("a member name after 'as'");
            bool query = false;
            var targets = new List<TargetSyntax>();
            if (Accept(TokenKind.Arrow))
            {
                if (AcceptKeyword("query")) query = true;
                else do targets.Add(ParseTarget()); while (Accept(TokenKind.Comma));
            }
            Name? runs = null, refused = null;
            if (AcceptKeyword("runs")) runs = ExpectName("an operation name after 'runs'");
            else if (AcceptKeyword("refused")) refused = ExpectName("a rule name after 'refused'");
            var doc = OptionalDoc();
            Expect(TokenKind.Semicolon, $"a mutability, 'returns', 'as', '->', 'runs', 'refused', a description or ';' after function '{name.Text}'");
            return new FunctionSyntax(name, extension, ps.ToEquatableArray(), mutability, returns?.ToEquatableArray(), alias, query, targets.ToEquatableArray(), doc)
            {
                Runs = runs,
                Refused = refused,
            };
        }

        private TargetSyntax ParseTarget()
        {
            var lifecycle = ExpectName("'query' or Lifecycle.Trigger");
            Expect(TokenKind.Dot, "'.' between lifecycle and trigger");
            var trigger = ExpectName("a trigger name");
            return new TargetSyntax(lifecycle, trigger);
        }

        private ErrorSyntax ParseErrorDeclaration(bool extension)
        {
            var name = ExpectName("an error name");
            var ps = ParseFieldList(false, true);
            var doc = OptionalDoc();
            Expect(TokenKind.Semicolon, $"a description or ';' after error '{name.Text}'");
            return new ErrorSyntax(name, extension, ps.ToEquatableArray(), doc);
        }

        private EventSyntax ParseEvent(bool extension)
        {
            var name = ExpectName("an event name");
            var ps = ParseFieldList(true, false);
            var on = new List<TargetSyntax>();
            if (AcceptKeyword("on"))
            {
                do on.Add(ParseTarget()); while (Accept(TokenKind.Comma));
            }
            var doc = OptionalDoc();
            Expect(TokenKind.Semicolon, $"'on', a description or ';' after event '{name.Text}'");
            return new EventSyntax(name, extension, ps.ToEquatableArray(), on.ToEquatableArray(), doc);
        }
    }
}
