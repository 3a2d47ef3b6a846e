using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Morph.Protocol.Spec.Diagnostics;
using Morph.Protocol.Spec.Model;
using Morph.Protocol.Spec.Syntax;

namespace Morph.Protocol.Spec.Binding
{
    /// <summary>Checks the parsed files as one spec and produces the span-free model. A declaration with an
    /// error is left out of the model (nothing broken is generated); its diagnostics say why.</summary>
    public sealed partial class Binder
    {
        public const string DefaultNamespace = "Morph.Protocol";
        public const string DefaultContractNamespace = "Morph.Protocol.Contracts";

        private readonly List<SpecDiagnostic> _diagnostics = new List<SpecDiagnostic>();
        private readonly Dictionary<string, ParameterModel> _parameters = new Dictionary<string, ParameterModel>(StringComparer.Ordinal);
        private readonly Dictionary<string, StructSyntax> _structSyntax = new Dictionary<string, StructSyntax>(StringComparer.Ordinal);
        private readonly Dictionary<string, StructModel?> _structs = new Dictionary<string, StructModel?>(StringComparer.Ordinal);
        private readonly Dictionary<string, LifecycleModel> _lifecycles = new Dictionary<string, LifecycleModel>(StringComparer.Ordinal);
        private string _root = DefaultNamespace;
        private readonly Dictionary<string, BoundModel> _bounds = new Dictionary<string, BoundModel>(StringComparer.Ordinal);

        /// <param name="rootNamespace">The namespace of declarations in files without a <c>namespace</c>, and of the
        /// parameters (the build property MorphNamespace); <see cref="DefaultNamespace"/> when null.</param>
        public static (SpecModel Model, IReadOnlyList<SpecDiagnostic> Diagnostics) Bind(IEnumerable<SpecFileSyntax> files, string? rootNamespace = null)
        {
            var b = new Binder { _root = string.IsNullOrWhiteSpace(rootNamespace) ? DefaultNamespace : rootNamespace!.Trim() };
            // Files in path order: the model does not depend on the order the host hands them over.
            var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            var model = b.BindAll(ordered);
            return (model, b._diagnostics);
        }

        private void Error(string id, SourceSpan span, string message) => _diagnostics.Add(new SpecDiagnostic(id, SpecSeverity.Error, span, message));
        private void Warning(string id, SourceSpan span, string message) => _diagnostics.Add(new SpecDiagnostic(id, SpecSeverity.Warning, span, message));

        private SpecModel BindAll(List<SpecFileSyntax> files)
        {
            var parameters = new List<ParameterModel>();
            foreach (var p in files.SelectMany(f => f.Parameters).SelectMany(p => p.Items))
            {
                var m = BindParameter(p);
                if (m is null) continue;
                if (_parameters.ContainsKey(m.Name)) { Error(SpecDiagnosticIds.DuplicateDeclaration, p.Name.Span, $"parameter '{m.Name}' is declared twice"); continue; }
                _parameters.Add(m.Name, m);
                parameters.Add(m);
            }

            foreach (var s in files.SelectMany(f => f.Structs))
            {
                if (_structSyntax.ContainsKey(s.Name.Text)) { Error(SpecDiagnosticIds.DuplicateDeclaration, s.Name.Span, $"struct '{s.Name.Text}' is declared twice"); continue; }
                _structSyntax.Add(s.Name.Text, s);
            }
            var structs = new List<StructModel>();
            foreach (var s in _structSyntax.Values)
            {
                var m = ResolveStruct(s.Name.Text, new Stack<string>());
                if (m != null) structs.Add(m);
            }

            var bounds = new List<BoundModel>();
            foreach (var file in files)
            {
                var ns = NamespaceOf(file, _root);
                foreach (var b in file.Bounds)
                {
                    if (_bounds.ContainsKey(b.Name.Text)) { Error(SpecDiagnosticIds.DuplicateDeclaration, b.Name.Span, $"bound '{b.Name.Text}' is declared twice"); continue; }
                    var key = BindParams(b.Key, $"bound '{b.Name.Text}'");
                    if (!_parameters.TryGetValue(b.Limit.Text, out var limit) || limit.Kind != ParameterKind.UInt)
                    { Error(SpecDiagnosticIds.UnknownLockParameter, b.Limit.Span, $"bound '{b.Name.Text}' must be limited by an unsigned integer parameter of the 'parameters' block"); continue; }
                    if (key.Count != b.Key.Count) continue;   // a type did not resolve (MPS201)
                    var m = new BoundModel(ns, b.Name.Text, key, limit.Name, b.Rule?.Text ?? "BoundReached", b.Doc) { ParametersNamespace = _root };
                    _bounds.Add(m.Name, m);
                    bounds.Add(m);
                }
            }

            var lifecycles = new List<LifecycleModel>();
            foreach (var file in files)
            {
                var ns = NamespaceOf(file, _root);
                foreach (var l in file.Lifecycles)
                {
                    if (_lifecycles.ContainsKey(l.Name.Text)) { Error(SpecDiagnosticIds.DuplicateDeclaration, l.Name.Span, $"lifecycle '{l.Name.Text}' is declared twice"); continue; }
                    var m = BindLifecycle(l, ns);
                    if (m is null) continue;
                    _lifecycles.Add(m.Name, m);
                    lifecycles.Add(m);
                }
            }
            // Cascades name triggers of lifecycles bound above (in any file): a lifecycle whose cascade names none is left out.
            foreach (var l in files.SelectMany(f => f.Lifecycles))
            {
                bool ok = true;
                foreach (var c in l.Transitions.SelectMany(t => t.Causes))
                {
                    if (!_lifecycles.TryGetValue(c.Lifecycle.Text, out var target))
                    { Error(SpecDiagnosticIds.UnknownCascade, c.Lifecycle.Span, $"'causes' names no lifecycle '{c.Lifecycle.Text}' (or one with errors)"); ok = false; }
                    else if (!target.Triggers.Contains(c.Trigger.Text))
                    { Error(SpecDiagnosticIds.UnknownCascade, c.Trigger.Span, $"lifecycle '{target.Name}' has no trigger '{c.Trigger.Text}': expected one of {string.Join(", ", target.Triggers)}"); ok = false; }
                }
                if (!ok && _lifecycles.TryGetValue(l.Name.Text, out var bound)) { _lifecycles.Remove(l.Name.Text); lifecycles.Remove(bound); }
            }

            var contracts = new List<ContractModel>();
            var contractNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var ns = NamespaceOf(file, DefaultContractNamespace);
                foreach (var c in file.Contracts)
                {
                    if (!contractNames.Add(c.Name.Text)) { Error(SpecDiagnosticIds.DuplicateDeclaration, c.Name.Span, $"contract '{c.Name.Text}' is declared twice"); continue; }
                    var m = BindContract(c, ns);
                    if (m != null) contracts.Add(m);
                }
            }
            CheckRulesDeclared(files);

            return new SpecModel(parameters.ToEquatableArray(), lifecycles.ToEquatableArray(), structs.OrderBy(s => s.Name, StringComparer.Ordinal).ToEquatableArray(), contracts.ToEquatableArray())
                { Bounds = bounds.ToEquatableArray(), RootNamespace = _root };
        }

        private static string NamespaceOf(SpecFileSyntax file, string fallback) => file.Namespaces.Count > 0 ? file.Namespaces[0].Value : fallback;

        // ---- parameters ----

        private ParameterModel? BindParameter(ParameterSyntax p)
        {
            var kw = p.Type.Keyword.Text;
            var v = p.Value;
            string Bad(string why) { Error(SpecDiagnosticIds.BadParameterValue, v.Span, $"parameter '{p.Name.Text}': {why}"); return ""; }
            if (kw.StartsWith("uint", StringComparison.Ordinal) && int.TryParse(kw.Substring(4), out var bits) && (bits == 8 || bits == 16 || bits == 32 || bits == 64 || bits == 256))
            {
                if (v.Number is null || v.Denominator != null) { Bad($"expected an integer for type {kw}"); return null; }
                if (!TryParseInteger(v.Number, out var value)) { Bad($"'{v.Number}' is not an integer"); return null; }
                if (v.Unit != null) value *= v.Unit switch { "gwei" => BigInteger.Pow(10, 9), "ether" => BigInteger.Pow(10, 18), "morph" => BigInteger.Pow(10, 18), _ => BigInteger.One };
                if (value >= BigInteger.One << bits) { Bad($"{value} does not fit in {kw}"); return null; }
                var clock = v.Unit switch { "l1blocks" => "l1", "l2blocks" => "l2", "epochs" => "epochs", _ => null };
                return new ParameterModel(p.Name.Text, ParameterKind.UInt, bits, EquatableArray<string>.Empty, value.ToString(), p.Doc) { Clock = clock };
            }
            if (kw == "bool")
            {
                if (v.Identifier != "true" && v.Identifier != "false") { Bad("expected true or false"); return null; }
                return new ParameterModel(p.Name.Text, ParameterKind.Bool, 0, EquatableArray<string>.Empty, v.Identifier!, p.Doc);
            }
            if (kw == "ratio")
            {
                if (v.Number is null || v.Denominator is null || !TryParseInteger(v.Number, out var num) || !TryParseInteger(v.Denominator, out var den))
                { Bad("expected a ratio num/den"); return null; }
                if (den.IsZero) { Bad("the denominator is zero"); return null; }
                if (num > ulong.MaxValue || den > ulong.MaxValue) { Bad("numerator and denominator must fit in 64 bits"); return null; }
                return new ParameterModel(p.Name.Text, ParameterKind.Ratio, 64, EquatableArray<string>.Empty, num + "/" + den, p.Doc);
            }
            if (kw == "enum")
            {
                var members = p.Type.EnumMembers.Select(m => m.Text).ToList();
                if (members.Distinct().Count() != members.Count) { Error(SpecDiagnosticIds.DuplicateDeclaration, p.Type.Keyword.Span, $"parameter '{p.Name.Text}': an enum member is listed twice"); return null; }
                if (v.Identifier is null || !members.Contains(v.Identifier)) { Bad($"expected one of {string.Join(", ", members)}"); return null; }
                return new ParameterModel(p.Name.Text, ParameterKind.Enum, 0, members.ToEquatableArray(), v.Identifier, p.Doc);
            }
            Error(SpecDiagnosticIds.UnknownType, p.Type.Keyword.Span, $"unknown parameter type '{kw}': expected uint8, uint16, uint32, uint64, uint256, bool, ratio or enum");
            return null;
        }

        private static bool TryParseInteger(string text, out BigInteger value)
        {
            text = text.Replace("_", "");
            value = BigInteger.Zero;
            if (text.Length == 0) return false;
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                if (text.Length == 2) return false;
                foreach (var c in text.Substring(2))
                {
                    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (d < 0) return false;
                    value = value * 16 + d;
                }
                return true;
            }
            foreach (var c in text)
            {
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }

        /// <summary>The C# member name of a spec name: leading underscores dropped, first letter upper-case.</summary>
        public static string Pascal(string name)
        {
            var trimmed = name.TrimStart('_');
            if (trimmed.Length == 0) return "Value";
            return char.ToUpperInvariant(trimmed[0]) + trimmed.Substring(1);
        }
    }
}
