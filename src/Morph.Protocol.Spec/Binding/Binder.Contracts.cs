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
        private static readonly EquatableArray<FieldModel> NoFields = EquatableArray<FieldModel>.Empty;

        private StructModel? ResolveStruct(string name, Stack<string> resolving)
        {
            if (_structs.TryGetValue(name, out var done)) return done;
            var s = _structSyntax[name];
            if (resolving.Contains(name))
            {
                Error(SpecDiagnosticIds.UnknownType, s.Name.Span, $"struct '{name}' contains itself ({string.Join(" -> ", resolving.Reverse().Concat(new[] { name }))})");
                return null;
            }
            resolving.Push(name);
            var fields = new List<FieldModel>();
            bool ok = true;
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in s.Fields)
            {
                // Compared as generated (PascalCase), like parameters: 'a' and '_a' would both be property A.
                if (!names.Add(Pascal(f.Name.Text))) { Error(SpecDiagnosticIds.DuplicateMemberName, f.Name.Span, $"field '{f.Name.Text}' of struct '{name}' clashes with another field's name"); ok = false; }
                var t = ResolveType(f.Type, resolving);
                if (t is null) ok = false; else fields.Add(new FieldModel(f.Name.Text, t, false));
            }
            resolving.Pop();
            var model = ok ? new StructModel(name, fields.ToEquatableArray()) : null;
            _structs[name] = model;
            return model;
        }

        private AbiTypeModel? ResolveType(TypeSyntax t, Stack<string>? resolving = null)
        {
            var name = t.Base.Text;
            AbiTypeModel? baseType = Elementary(name);
            if (baseType is null && _structSyntax.ContainsKey(name))
            {
                var s = ResolveStruct(name, resolving ?? new Stack<string>());
                if (s is null) return null;
                baseType = new AbiTypeModel(AbiKind.Struct, 0, null, s.Name, s.Fields);
            }
            if (baseType is null)
            {
                Error(SpecDiagnosticIds.UnknownType, t.Base.Span, $"unknown type '{name}': expected an elementary Solidity type (uintN, intN, address, bool, bytesN, bytes, string) or a declared struct");
                return null;
            }
            foreach (var d in t.Dimensions) baseType = new AbiTypeModel(AbiKind.Array, d ?? -1, baseType, null, NoFields);
            return baseType;
        }

        private static AbiTypeModel? Elementary(string name)
        {
            AbiTypeModel Simple(AbiKind k, int size = 0) => new AbiTypeModel(k, size, null, null, NoFields);
            switch (name)
            {
                case "address": return Simple(AbiKind.Address);
                case "bool": return Simple(AbiKind.Bool);
                case "bytes": return Simple(AbiKind.Bytes);
                case "string": return Simple(AbiKind.String);
                case "uint": return Simple(AbiKind.UInt, 256);
                case "int": return Simple(AbiKind.Int, 256);
            }
            int n;
            if (name.StartsWith("uint", StringComparison.Ordinal) && int.TryParse(name.Substring(4), out n) && n >= 8 && n <= 256 && n % 8 == 0 && name.Substring(4) == n.ToString())
                return Simple(AbiKind.UInt, n);
            if (name.StartsWith("int", StringComparison.Ordinal) && int.TryParse(name.Substring(3), out n) && n >= 8 && n <= 256 && n % 8 == 0 && name.Substring(3) == n.ToString())
                return Simple(AbiKind.Int, n);
            if (name.StartsWith("bytes", StringComparison.Ordinal) && int.TryParse(name.Substring(5), out n) && n >= 1 && n <= 32 && name.Substring(5) == n.ToString())
                return Simple(AbiKind.FixedBytes, n);
            return null;
        }

        private FieldModel? BindField(FieldSyntax f, int index)
        {
            var t = ResolveType(f.Type);
            if (t is null) return null;
            return new FieldModel(f.Name.Text.Length == 0 ? "" : f.Name.Text, t, f.Indexed);
        }

        private bool TryBindFields(IEnumerable<FieldSyntax> fields, string owner, out List<FieldModel> result, bool checkNames)
        {
            result = new List<FieldModel>();
            bool ok = true;
            var names = new HashSet<string>(StringComparer.Ordinal);
            int i = 0;
            foreach (var f in fields)
            {
                if (checkNames && f.Name.Text.Length > 0 && !names.Add(Pascal(f.Name.Text)))
                { Error(SpecDiagnosticIds.DuplicateMemberName, f.Name.Span, $"parameter '{f.Name.Text}' of {owner} clashes with another parameter's name"); ok = false; }
                var m = BindField(f, i++);
                if (m is null) ok = false; else result.Add(m);
            }
            return ok;
        }

        private ContractModel? BindContract(ContractSyntax c, string ns)
        {
            int errorsBefore = _diagnostics.Count(d => d.Severity == SpecSeverity.Error);
            var functions = new List<FunctionModel>();
            var signatures = new HashSet<string>(StringComparer.Ordinal);
            var members = new HashSet<string>(StringComparer.Ordinal);
            // A member whose types did not resolve (an unknown type is reported here; a broken struct where it is
            // declared) leaves the whole contract out: a binding with a missing function is worse than none.
            bool broken = false;
            foreach (var f in c.Functions)
            {
                bool ok = TryBindFields(f.Parameters, $"function '{f.Name.Text}'", out var ps, true);
                var rs = new List<FieldModel>();
                if (f.Returns is EquatableArray<FieldSyntax> returns) ok &= TryBindFields(returns, $"the returns of '{f.Name.Text}'", out rs, false);
                if (!ok) { broken = true; continue; }
                var signature = f.Name.Text + "(" + string.Join(",", ps.Select(p => p.Type.Canonical)) + ")";
                if (!signatures.Add("function " + signature)) { Error(SpecDiagnosticIds.DuplicateSignature, f.Name.Span, $"function {signature} is declared twice in contract '{c.Name.Text}'"); continue; }
                var member = Pascal((f.Alias ?? f.Name).Text);
                if (!members.Add("function " + member)) { Error(SpecDiagnosticIds.DuplicateMemberName, (f.Alias ?? f.Name).Span, $"member name '{member}' is used twice in contract '{c.Name.Text}': give an overload a name with 'as'"); continue; }
                if (!f.Targets.All(CheckTarget)) continue;
                // Mutability decides: a view or pure function reads (a query), one that may change state fires or is refused.
                bool reads = f.Mutability is "view" or "pure";
                if (reads && f.Targets.Count > 0)
                { Error(SpecDiagnosticIds.MutabilityMismatch, f.Targets[0].Lifecycle.Span, $"function '{f.Name.Text}' is {f.Mutability}: it reads state and cannot fire {f.Targets[0].Lifecycle.Text}.{f.Targets[0].Trigger.Text} (map it '-> query')"); continue; }
                if (!reads && f.Query)
                { Error(SpecDiagnosticIds.MutabilityMismatch, f.Name.Span, $"function '{f.Name.Text}' is {f.Mutability}: it may change state, so it is no query (map it to a trigger, or declare it view)"); continue; }
                if (reads && (f.Runs ?? f.Refused) is Name clause)
                { Error(SpecDiagnosticIds.MutabilityMismatch, clause.Span, $"function '{f.Name.Text}' is {f.Mutability}: it reads state, so the model neither runs nor refuses it (drop '{(f.Runs != null ? "runs" : "refused")} {clause.Text}')"); continue; }
                if (f.Runs is Name op && CSharpKeywords.Contains(op.Text))
                { Error(SpecDiagnosticIds.ReservedName, op.Span, $"operation '{op.Text}' is a C# keyword: choose another name"); continue; }
                if (f.Refused is Name refused && f.Targets.Count > 0)
                { Error(SpecDiagnosticIds.MutabilityMismatch, refused.Span, $"function '{f.Name.Text}' fires {f.Targets[0].Lifecycle.Text}.{f.Targets[0].Trigger.Text}, so the model cannot refuse it whole (drop the trigger or 'refused {refused.Text}')"); continue; }
                functions.Add(new FunctionModel(f.Name.Text, member, signature, f.Mutability, ps.ToEquatableArray(), rs.ToEquatableArray(),
                    f.Targets.Select(t => t.Lifecycle.Text + "." + t.Trigger.Text).ToEquatableArray(), f.Query, f.Extension, f.Doc)
                {
                    Operation = f.Runs?.Text,
                    RefusedRule = f.Refused?.Text,
                });
            }
            var events = new List<EventModel>();
            foreach (var e in c.Events)
            {
                if (!TryBindFields(e.Parameters, $"event '{e.Name.Text}'", out var ps, true)) { broken = true; continue; }
                var signature = e.Name.Text + "(" + string.Join(",", ps.Select(p => p.Type.Canonical)) + ")";
                if (!signatures.Add("event " + signature)) { Error(SpecDiagnosticIds.DuplicateSignature, e.Name.Span, $"event {signature} is declared twice in contract '{c.Name.Text}'"); continue; }
                var member = Pascal(e.Name.Text);
                if (!members.Add("event " + member)) { Error(SpecDiagnosticIds.DuplicateMemberName, e.Name.Span, $"event name '{member}' is used twice in contract '{c.Name.Text}'"); continue; }
                if (ps.Count(p => p.Indexed) > 3) { Error(SpecDiagnosticIds.TooManyIndexed, e.Name.Span, $"event '{e.Name.Text}' has more than 3 indexed parameters"); continue; }
                bool targetsOk = e.EmittedOn.All(CheckTarget);
                if (!targetsOk) continue;
                events.Add(new EventModel(e.Name.Text, member, signature, ps.ToEquatableArray(),
                    e.EmittedOn.Select(t => t.Lifecycle.Text + "." + t.Trigger.Text).ToEquatableArray(), e.Extension, e.Doc));
            }
            var errors = new List<ErrorModel>();
            foreach (var e in c.Errors)
            {
                if (!TryBindFields(e.Parameters, $"error '{e.Name.Text}'", out var ps, true)) { broken = true; continue; }
                var signature = e.Name.Text + "(" + string.Join(",", ps.Select(p => p.Type.Canonical)) + ")";
                if (!signatures.Add("error " + signature)) { Error(SpecDiagnosticIds.DuplicateSignature, e.Name.Span, $"error {signature} is declared twice in contract '{c.Name.Text}'"); continue; }
                var member = Pascal(e.Name.Text);
                if (!members.Add("error " + member)) { Error(SpecDiagnosticIds.DuplicateMemberName, e.Name.Span, $"error name '{member}' is used twice in contract '{c.Name.Text}'"); continue; }
                if (signature is "Error(string)" or "Panic(uint256)") { Error(SpecDiagnosticIds.DuplicateSignature, e.Name.Span, $"error {signature} is Solidity's own: every revert decoder knows it already"); continue; }
                errors.Add(new ErrorModel(e.Name.Text, member, signature, ps.ToEquatableArray(), e.Extension, e.Doc));
            }
            if (broken || _diagnostics.Count(d => d.Severity == SpecSeverity.Error) > errorsBefore) return null;
            return new ContractModel(ns, c.Name.Text, c.Doc, functions.ToEquatableArray(), events.ToEquatableArray()) { Errors = errors.ToEquatableArray() };
        }

        /// <summary>MPS207: a spec that declares errors names every rule of its lifecycles and every 'refused' rule as one, so that model,
        /// bindings and revert decoding agree. (A spec without any error declaration is not checked.)</summary>
        private void CheckRulesDeclared(List<SpecFileSyntax> files)
        {
            var declared = new HashSet<string>(files.SelectMany(f => f.Contracts).SelectMany(c => c.Errors).Select(e => e.Name.Text), StringComparer.Ordinal);
            if (declared.Count == 0) return;
            void Check(string rule, SourceSpan span, string what)
            {
                if (!declared.Contains(rule))
                    Error(SpecDiagnosticIds.UndeclaredRule, span, $"rule '{rule}' ({what}) is declared as no error of any contract: add 'extension error {rule}();' to the contract that refuses it");
            }
            foreach (var c in files.SelectMany(f => f.Contracts))
                foreach (var f in c.Functions)
                    if (f.Refused is Name refused) Check(refused.Text, refused.Span, $"refusing function '{f.Name.Text}' of contract '{c.Name.Text}'");
            foreach (var b in files.SelectMany(f => f.Bounds))
                Check(b.Rule?.Text ?? "BoundReached", b.Rule?.Span ?? b.Name.Span, $"bound '{b.Name.Text}'");
            foreach (var l in files.SelectMany(f => f.Lifecycles))
            {
                foreach (var g in l.Guards)
                    if (g.Rule is Name rule) Check(rule.Text, rule.Span, $"guard '{g.Name.Text}' of lifecycle '{l.Name.Text}'");
                foreach (var k in l.Locks)
                {
                    var what = (k.IsWait ? "wait" : "lock") + $" '{k.Parameter.Text}'";
                    Check(k.Rule?.Text ?? DefaultLockRule, k.Rule?.Span ?? k.Parameter.Span,
                        k.Rule is null ? $"the default rule of {what} in lifecycle '{l.Name.Text}'" : $"{what} of lifecycle '{l.Name.Text}'");
                }
            }
        }

        private bool CheckTarget(TargetSyntax t)
        {
            if (!_lifecycles.TryGetValue(t.Lifecycle.Text, out var l))
            {
                Error(SpecDiagnosticIds.UnknownTrigger, t.Lifecycle.Span, $"unknown lifecycle '{t.Lifecycle.Text}'");
                return false;
            }
            if (!l.Triggers.Contains(t.Trigger.Text))
            {
                Error(SpecDiagnosticIds.UnknownTrigger, t.Trigger.Span, $"lifecycle '{l.Name}' has no trigger '{t.Trigger.Text}': expected one of {string.Join(", ", l.Triggers)}");
                return false;
            }
            return true;
        }
    }
}
