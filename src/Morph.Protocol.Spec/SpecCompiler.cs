using System.Collections.Generic;
using System.Linq;
using Morph.Protocol.Spec.Binding;
using Morph.Protocol.Spec.Diagnostics;
using Morph.Protocol.Spec.Model;
using Morph.Protocol.Spec.Syntax;

namespace Morph.Protocol.Spec
{
    /// <summary>The front end in one call: parse every file, bind them as one spec. Used by the CLI and tests;
    /// the generator runs the same two stages as separate, cached pipeline steps.</summary>
    public static class SpecCompiler
    {
        public const string Extension = ".morph";

        public static (SpecModel Model, IReadOnlyList<SpecDiagnostic> Diagnostics) Compile(IEnumerable<(string Path, string Text)> files)
        {
            var diagnostics = new List<SpecDiagnostic>();
            var parsed = new List<SpecFileSyntax>();
            foreach (var (path, text) in files)
            {
                var (file, ds) = Parser.Parse(path, text);
                parsed.Add(file);
                diagnostics.AddRange(ds);
            }
            var (model, bindDiagnostics) = Binder.Bind(parsed);
            diagnostics.AddRange(bindDiagnostics);
            return (model, diagnostics.OrderBy(d => d.Span.File, System.StringComparer.Ordinal).ThenBy(d => d.Span.Offset).ToList());
        }
    }
}
