using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Morph.Protocol.Spec.Diagnostics;

namespace Morph.Protocol.Generators.Diagnostics
{
    /// <summary>Turns a spec diagnostic into a Roslyn one located in the .morph file (file, line, column).
    /// The spec diagnostic is equatable, so it can travel through the pipeline; the Location is built only here.</summary>
    internal static class DiagnosticInfo
    {
        private const string HelpBase = "https://github.com/morph-protocol/morph-protocol/blob/main/docs/diagnostics/";

        public static Diagnostic ToDiagnostic(SpecDiagnostic d)
        {
            var descriptor = new DiagnosticDescriptor(
                d.Id, "Spec: " + d.Id, "{0}", "Morph.Protocol.Spec",
                d.Severity == SpecSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                isEnabledByDefault: true, helpLinkUri: HelpBase + d.Id + ".md");
            var start = new LinePosition(d.Span.Line - 1, d.Span.Column - 1);
            var location = Location.Create(d.Span.File, new TextSpan(d.Span.Offset, d.Span.Length), new LinePositionSpan(start, start));
            return Diagnostic.Create(descriptor, location, d.Message);
        }
    }
}
