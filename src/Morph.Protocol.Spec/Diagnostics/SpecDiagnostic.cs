using System;

namespace Morph.Protocol.Spec.Diagnostics
{
    /// <summary>A position in a spec file: 1-based line and column, plus the character offset and length
    /// (the generator turns these into a Roslyn location without keeping the text).</summary>
    public sealed record SourceSpan(string File, int Line, int Column, int Offset, int Length)
    {
        public override string ToString() => $"{File}:{Line}:{Column}";
    }

    public enum SpecSeverity { Error, Warning }

    /// <summary>One problem in a spec, reported as <c>file:line:column: MPSnnn: message</c>.</summary>
    public sealed record SpecDiagnostic(string Id, SpecSeverity Severity, SourceSpan Span, string Message)
    {
        public override string ToString() =>
            $"{Span}: {(Severity == SpecSeverity.Error ? "error" : "warning")} {Id}: {Message}";
    }
}
