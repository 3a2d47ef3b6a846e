using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Morph.Protocol.Generators.Emit;
using Morph.Protocol.Spec;
using Morph.Protocol.Spec.Binding;
using Morph.Protocol.Spec.Model;
using Morph.Protocol.Spec.Syntax;

namespace Morph.Protocol.Generators
{
    /// <summary>Reads spec/*.morph (AdditionalFiles) and emits the lifecycles, the protocol parameters and the
    /// contract bindings. Every stage's output is equatable and named, so an edit that does not touch a
    /// lifecycle or contract leaves its output cached.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SpecGenerator : IIncrementalGenerator
    {
        public static class Steps
        {
            public const string Parse = nameof(Parse);
            public const string Bind = nameof(Bind);
            public const string Lifecycles = nameof(Lifecycles);
            public const string Contracts = nameof(Contracts);
            public const string Structs = nameof(Structs);
            public const string Parameters = nameof(Parameters);
            public const string Catalog = nameof(Catalog);
            public const string Hosts = nameof(Hosts);
            public const string HostPairs = nameof(HostPairs);
            public const string RuleType = nameof(RuleType);
            public const string Bounds = nameof(Bounds);
            public const string Namespace = nameof(Namespace);
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var parsed = context.AdditionalTextsProvider
                .Where(static t => t.Path.EndsWith(SpecCompiler.Extension, System.StringComparison.OrdinalIgnoreCase))
                .Select(static (t, ct) =>
                {
                    var text = t.GetText(ct)?.ToString() ?? "";
                    var (file, _) = Parser.Parse(t.Path, text);
                    return file;
                })
                .WithTrackingName(Steps.Parse);

            // The root namespace (build property MorphNamespace): a consumer's spec files without 'namespace' land there.
            var rootNamespace = context.AnalyzerConfigOptionsProvider
                .Select(static (o, _) => o.GlobalOptions.TryGetValue("build_property." + NamespaceProperty, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null)
                .WithTrackingName(Steps.Namespace);
            var bound = parsed.Collect().Combine(rootNamespace)
                .Select(static (x, _) =>
                {
                    var files = x.Left;
                    return Binder.Bind(files, x.Right).Model;
                })
                .WithTrackingName(Steps.Bind);

            // The spec's diagnostics are reported by Analysis/SpecAnalyzer, not here: the binder leaves broken
            // declarations out of the model, so the generator skips them silently.
            var model = bound;

            // Which assembly this is: `contracts` (bindings, structs, their catalog), `model` (lifecycles, hosts,
            // parameters, the spec catalog), `sdk` (a Nethereum service per contract) or, unset, contracts and model
            // (one assembly; the generator's own tests).
            var emit = context.AnalyzerConfigOptionsProvider.Select(static (o, _) =>
                EmitTargets.Parse(o.GlobalOptions.TryGetValue(EmitProperty, out var v) ? v : null));
            // The enum the spec's rules ('else Rule') name: a build property, so a consumer's spec names its own.
            var ruleType = context.AnalyzerConfigOptionsProvider
                .Select(static (o, _) => o.GlobalOptions.TryGetValue("build_property." + RuleTypeProperty, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null)
                .WithTrackingName(Steps.RuleType);

            var lifecycles = model.SelectMany(static (m, _) => m.Lifecycles).WithTrackingName(Steps.Lifecycles);
            context.RegisterSourceOutput(lifecycles.Combine(emit).Combine(ruleType), static (spc, x) =>
            {
                if (!x.Left.Right.Model) return;
                spc.AddSource($"Lifecycles/{x.Left.Left.Name}.g.cs", LifecycleEmitter.Emit(x.Left.Left, x.Right));
                // Cheap entities: the static transition function and its guard interface, beside the Stateless configuration.
                spc.AddSource($"Lifecycles/{x.Left.Left.Name}.Transitions.g.cs", TransitionEmitter.Emit(x.Left.Left));
            });

            // Hosts: classes marked [Lifecycle("Name")], each paired with its lifecycle's model only, so a host
            // regenerates when its own lifecycle or declaration changes, not when another lifecycle does.
            var hosts = context.SyntaxProvider.ForAttributeWithMetadataName(
                    LifecycleAttributeName,
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                    static (ctx, _) =>
                    {
                        var symbol = (INamedTypeSymbol)ctx.TargetSymbol;
                        var name = ctx.Attributes[0].ConstructorArguments.Length == 1 ? ctx.Attributes[0].ConstructorArguments[0].Value as string : null;
                        var ns = symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString();
                        var span = ctx.Attributes[0].ApplicationSyntaxReference?.Span ?? ctx.TargetNode.Span;
                        var lineSpan = ctx.TargetNode.SyntaxTree.GetLineSpan(span);
                        // A nested host is emitted inside partial declarations of its containers (outermost first).
                        var containers = new System.Collections.Generic.List<string>();
                        bool generic = symbol.IsGenericType;
                        for (var c = symbol.ContainingType; c != null; c = c.ContainingType)
                        {
                            generic |= c.IsGenericType;
                            var keyword = c.IsRecord ? (c.TypeKind == TypeKind.Struct ? "record struct" : "record")
                                : c.TypeKind switch { TypeKind.Struct => "struct", TypeKind.Interface => "interface", _ => "class" };
                            containers.Insert(0, $"partial {keyword} {c.Name}");
                        }
                        return new HostModel(ns, symbol.Name, name ?? "", ctx.TargetNode.SyntaxTree.FilePath, span.Start, span.Length,
                            lineSpan.StartLinePosition.Line, lineSpan.StartLinePosition.Character,
                            lineSpan.EndLinePosition.Line, lineSpan.EndLinePosition.Character)
                            { Containers = containers.ToEquatableArray(), IsGeneric = generic };
                    })
                .WithTrackingName(Steps.Hosts);
            var hostPairs = hosts.Combine(model.Select(static (m, _) => m.Lifecycles))
                .Select(static (pair, _) => (Host: pair.Left, Lifecycle: pair.Right.FirstOrDefault(l => l.Name == pair.Left.Lifecycle)))
                .WithTrackingName(Steps.HostPairs);
            context.RegisterSourceOutput(hostPairs.Combine(emit), static (spc, x) =>
            {
                var pair = x.Left;
                if (!x.Right.Model) return;
                var h = pair.Host;
                var location = Location.Create(h.File, new Microsoft.CodeAnalysis.Text.TextSpan(h.Offset, h.Length),
                    new Microsoft.CodeAnalysis.Text.LinePositionSpan(new Microsoft.CodeAnalysis.Text.LinePosition(h.Line, h.Column), new Microsoft.CodeAnalysis.Text.LinePosition(h.EndLine, h.EndColumn)));
                if (pair.Lifecycle is null)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(UnknownLifecycle, location, h.Lifecycle, h.Name));
                    return;
                }
                if (h.IsGeneric)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(GenericHost, location, h.Name));
                    return;
                }
                var nesting = string.Concat(h.Containers.Select(c => c.Substring(c.LastIndexOf(' ') + 1) + "."));
                spc.AddSource($"Hosts/{(h.Namespace.Length > 0 ? h.Namespace + "." : "")}{nesting}{h.Name}.g.cs", LifecycleEmitter.EmitHost(pair.Lifecycle, h.Namespace, h.Name, h.Containers));
            });

            // Bounds: a counter per bound, for the entities that count toward it.
            var bounds = model.SelectMany(static (m, _) => m.Bounds).WithTrackingName(Steps.Bounds);
            context.RegisterSourceOutput(bounds.Combine(emit).Combine(ruleType), static (spc, x) =>
            {
                if (x.Left.Right.Model) spc.AddSource($"Bounds/{x.Left.Left.Name}.g.cs", BoundEmitter.Emit(x.Left.Left, x.Right));
            });

            var contracts = model.SelectMany(static (m, _) => m.Contracts).WithTrackingName(Steps.Contracts);
            context.RegisterSourceOutput(contracts.Combine(emit), static (spc, x) =>
            {
                if (x.Right.Contracts) spc.AddSource($"Contracts/{x.Left.Name}.g.cs", ContractEmitter.Emit(x.Left));
            });

            // The model's dispatcher per contract that 'runs' operations or refuses functions ('refused Rule').
            context.RegisterSourceOutput(contracts.Combine(emit).Combine(ruleType), static (spc, x) =>
            {
                var c = x.Left.Left;
                if (x.Left.Right.Model && DispatchEmitter.Dispatches(c)) spc.AddSource($"Dispatch/{c.Name}.Dispatch.g.cs", DispatchEmitter.Emit(c, x.Right));
            });

            context.RegisterSourceOutput(contracts.Combine(emit), static (spc, x) =>
            {
                if (x.Right.Services) spc.AddSource($"Services/{x.Left.Name}Service.g.cs", ServiceEmitter.Emit(x.Left));
            });

            var structs = model.SelectMany(static (m, _) => m.Structs).WithTrackingName(Steps.Structs);
            context.RegisterSourceOutput(structs.Combine(emit), static (spc, x) =>
            {
                if (x.Right.Contracts) spc.AddSource($"Contracts/Structs/{x.Left.Name}.g.cs", StructEmitter.Emit(x.Left, Binder.DefaultContractNamespace));
            });

            var parameters = model.Select(static (m, _) => (Parameters: new EquatableArrayOfParameters(m.Parameters), m.RootNamespace)).WithTrackingName(Steps.Parameters);
            context.RegisterSourceOutput(parameters.Combine(emit), static (spc, x) =>
            {
                var ps = x.Left.Parameters;
                if (x.Right.Model && ps.Items.Count > 0) spc.AddSource("ProtocolParameters.g.cs", ParametersEmitter.Emit(ps, x.Left.RootNamespace));
            });

            var catalog = model.Select(static (m, _) => new CatalogModel(
                m.Lifecycles.Select(l => (l.Namespace, l.Name)).ToEquatableArray(),
                m.Contracts.Select(c => (c.Namespace, c.Name)).ToEquatableArray())).WithTrackingName(Steps.Catalog);
            context.RegisterSourceOutput(catalog.Combine(emit), static (spc, x) =>
            {
                var c = x.Left;
                if (x.Right.Model && c.Lifecycles.Count + c.Contracts.Count > 0) spc.AddSource("SpecCatalog.g.cs", CatalogEmitter.Emit(c.Lifecycles, c.Contracts));
                // The contracts assembly gets its own list: a chain client reads it without the model.
                if (x.Right.Contracts && !x.Right.Model) spc.AddSource("ContractCatalog.g.cs", CatalogEmitter.EmitContracts(c.Contracts));
            });
        }

        /// <summary>The MSBuild property (made compiler-visible) that says what this assembly takes from the spec.</summary>
        public const string EmitProperty = "build_property.MorphSpecEmit";

        /// <summary>What to emit: <c>contracts</c>, <c>model</c>, <c>sdk</c> (the Nethereum services), or contracts
        /// and model when the property is unset or empty.</summary>
        public sealed record EmitTargets(bool Contracts, bool Model, bool Services = false)
        {
            public static EmitTargets Parse(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
            {
                "contracts" => new EmitTargets(true, false),
                "model" => new EmitTargets(false, true),
                "sdk" => new EmitTargets(false, false, true),
                _ => new EmitTargets(true, true),
            };
        }

        public const string LifecycleAttributeName = "Morph.Protocol.Lifecycles.LifecycleAttribute";

        /// <summary>The MSBuild property (made compiler-visible) naming the enum of rules, e.g. Morph.Protocol.Transactions.ProtocolRule.</summary>
        public const string RuleTypeProperty = "MorphRuleType";

        /// <summary>The MSBuild property (made compiler-visible) naming the root namespace: of the parameters and of
        /// declarations in spec files without a 'namespace' line (Morph.Protocol when unset).</summary>
        public const string NamespaceProperty = "MorphNamespace";

        public static readonly DiagnosticDescriptor GenericHost = new DiagnosticDescriptor(
            "MPG002", "Generic host", "[Lifecycle] on '{0}': a host cannot be generic or nested in a generic type (its state machine is not per type argument)",
            "Morph.Protocol.Spec", DiagnosticSeverity.Error, true,
            helpLinkUri: "https://github.com/morph-protocol/morph-protocol/blob/main/docs/diagnostics/MPG002.md");

        public static readonly DiagnosticDescriptor UnknownLifecycle = new DiagnosticDescriptor(
            "MPG001", "Unknown lifecycle", "[Lifecycle(\"{0}\")] on '{1}' names no lifecycle of the spec (or one with errors)",
            "Morph.Protocol.Spec", DiagnosticSeverity.Error, true,
            helpLinkUri: "https://github.com/morph-protocol/morph-protocol/blob/main/docs/diagnostics/MPG001.md");

        private sealed record HostModel(string Namespace, string Name, string Lifecycle, string File, int Offset, int Length, int Line, int Column, int EndLine, int EndColumn)
        {
            public EquatableArray<string> Containers { get; init; } = EquatableArray<string>.Empty;
            public bool IsGeneric { get; init; }
        }
        private sealed record CatalogModel(EquatableArray<(string Namespace, string Name)> Lifecycles, EquatableArray<(string Namespace, string Name)> Contracts);
    }
}
