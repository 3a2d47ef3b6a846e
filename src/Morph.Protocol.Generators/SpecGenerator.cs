using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Morph.Protocol.Generators.Diagnostics;
using Morph.Protocol.Generators.Emit;
using Morph.Protocol.Spec;
using Morph.Protocol.Spec.Binding;
using Morph.Protocol.Spec.Diagnostics;
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
            public const string Diagnostics = nameof(Diagnostics);
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var parsed = context.AdditionalTextsProvider
                .Where(static t => t.Path.EndsWith(SpecCompiler.Extension, System.StringComparison.OrdinalIgnoreCase))
                .Select(static (t, ct) =>
                {
                    var text = t.GetText(ct)?.ToString() ?? "";
                    var (file, ds) = Parser.Parse(t.Path, text);
                    return new ParsedFile(file, ds.ToEquatableArray());
                })
                .WithTrackingName(Steps.Parse);

            var bound = parsed.Collect()
                .Select(static (files, _) =>
                {
                    var (model, ds) = Binder.Bind(files.Select(f => f.Syntax));
                    return new BoundSpec(model, files.SelectMany(f => f.Diagnostics).Concat(ds).ToEquatableArray());
                })
                .WithTrackingName(Steps.Bind);

            context.RegisterSourceOutput(bound.Select(static (b, _) => b.Diagnostics).WithTrackingName(Steps.Diagnostics), static (spc, ds) =>
            {
                foreach (var d in ds) spc.ReportDiagnostic(DiagnosticInfo.ToDiagnostic(d));
            });

            var model = bound.Select(static (b, _) => b.Model);

            var lifecycles = model.SelectMany(static (m, _) => m.Lifecycles).WithTrackingName(Steps.Lifecycles);
            context.RegisterSourceOutput(lifecycles, static (spc, l) => spc.AddSource($"Lifecycles/{l.Name}.g.cs", LifecycleEmitter.Emit(l)));

            var contracts = model.SelectMany(static (m, _) => m.Contracts).WithTrackingName(Steps.Contracts);
            context.RegisterSourceOutput(contracts, static (spc, c) => spc.AddSource($"Contracts/{c.Name}.g.cs", ContractEmitter.Emit(c)));

            var structs = model.SelectMany(static (m, _) => m.Structs).WithTrackingName(Steps.Structs);
            context.RegisterSourceOutput(structs, static (spc, s) => spc.AddSource($"Contracts/Structs/{s.Name}.g.cs", StructEmitter.Emit(s, Binder.DefaultContractNamespace)));

            var parameters = model.Select(static (m, _) => new EquatableArrayOfParameters(m.Parameters)).WithTrackingName(Steps.Parameters);
            context.RegisterSourceOutput(parameters, static (spc, ps) =>
            {
                if (ps.Items.Count > 0) spc.AddSource("ProtocolParameters.g.cs", ParametersEmitter.Emit(ps, Binder.DefaultNamespace));
            });

            var catalog = model.Select(static (m, _) => new CatalogModel(
                m.Lifecycles.Select(l => (l.Namespace, l.Name)).ToEquatableArray(),
                m.Contracts.Select(c => (c.Namespace, c.Name)).ToEquatableArray())).WithTrackingName(Steps.Catalog);
            context.RegisterSourceOutput(catalog, static (spc, c) =>
            {
                if (c.Lifecycles.Count + c.Contracts.Count > 0) spc.AddSource("SpecCatalog.g.cs", CatalogEmitter.Emit(c.Lifecycles, c.Contracts));
            });
        }

        private sealed record ParsedFile(SpecFileSyntax Syntax, EquatableArray<SpecDiagnostic> Diagnostics);
        private sealed record BoundSpec(SpecModel Model, EquatableArray<SpecDiagnostic> Diagnostics);
        private sealed record CatalogModel(EquatableArray<(string Namespace, string Name)> Lifecycles, EquatableArray<(string Namespace, string Name)> Contracts);
    }
}
