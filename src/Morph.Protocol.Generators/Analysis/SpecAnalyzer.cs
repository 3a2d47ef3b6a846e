using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Morph.Protocol.Generators.Diagnostics;
using Morph.Protocol.Spec;
using Morph.Protocol.Spec.Binding;
using Morph.Protocol.Spec.Diagnostics;
using Morph.Protocol.Spec.Syntax;

namespace Morph.Protocol.Generators.Analysis
{
    /// <summary>Reports the spec's diagnostics (MPS*) in the .morph files. The generator stays silent about them
    /// (the Roslyn team's advice: what an analyzer can report, a generator should not), so they show in the IDE
    /// without a generator run and are suppressible like any analyzer diagnostic; errors still fail the build.
    /// The spec is parsed and bound once per compilation, through the same front end as the generator.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SpecAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticInfo.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(static start =>
            {
                var specs = start.Options.AdditionalFiles
                    .Where(static t => t.Path.EndsWith(SpecCompiler.Extension, StringComparison.OrdinalIgnoreCase))
                    .ToImmutableArray();
                if (specs.IsEmpty) return;
                var rootNamespace = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions
                    .TryGetValue("build_property." + SpecGenerator.NamespaceProperty, out var ns) && !string.IsNullOrWhiteSpace(ns) ? ns.Trim() : null;
                var ct = start.CancellationToken;
                // Bound on the first file's callback, once: every file's diagnostics need the whole spec (cross-file names).
                var byFile = new Lazy<ILookup<string, SpecDiagnostic>>(() => Bind(specs, rootNamespace, ct));
                start.RegisterAdditionalFileAction(file =>
                {
                    if (!file.AdditionalFile.Path.EndsWith(SpecCompiler.Extension, StringComparison.OrdinalIgnoreCase)) return;
                    foreach (var d in byFile.Value[file.AdditionalFile.Path])
                        file.ReportDiagnostic(DiagnosticInfo.ToDiagnostic(d));
                });
            });
        }

        private static ILookup<string, SpecDiagnostic> Bind(ImmutableArray<AdditionalText> specs, string? rootNamespace, System.Threading.CancellationToken ct)
        {
            var diagnostics = new List<SpecDiagnostic>();
            var files = new List<SpecFileSyntax>();
            foreach (var t in specs)
            {
                var (file, ds) = Parser.Parse(t.Path, t.GetText(ct)?.ToString() ?? "");
                files.Add(file);
                diagnostics.AddRange(ds);
            }
            diagnostics.AddRange(Binder.Bind(files, rootNamespace).Diagnostics);
            return diagnostics.ToLookup(d => d.Span.File, StringComparer.Ordinal);
        }
    }
}
