using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Morph.Protocol.Spec.Diagnostics;

namespace Morph.Protocol.Generators.Diagnostics
{
    /// <summary>Turns a spec diagnostic into a Roslyn one located in the .morph file (file, line, column, and the
    /// end of the named token). The spec diagnostic is equatable, so it can travel through the pipeline; the Location
    /// is built only here (by the spec analyzer, which reports them). One static descriptor per ID, each with its title and help page.</summary>
    internal static class DiagnosticInfo
    {
        private const string HelpBase = "https://github.com/morph-protocol/morph-protocol/blob/main/docs/diagnostics/";

        /// <summary>Every spec diagnostic's title, as docs/diagnostics/README.md gives it.</summary>
        private static readonly Dictionary<string, string> Titles = new Dictionary<string, string>
        {
            [SpecDiagnosticIds.UnexpectedCharacter] = "Unexpected character",
            [SpecDiagnosticIds.UnterminatedString] = "Unterminated string or comment",
            [SpecDiagnosticIds.Expected] = "Expected … found …",
            [SpecDiagnosticIds.BadNumber] = "Array length out of range",
            [SpecDiagnosticIds.DuplicateDeclaration] = "Duplicate declaration",
            [SpecDiagnosticIds.UnknownState] = "Unknown state",
            [SpecDiagnosticIds.UnknownGuard] = "Unknown guard",
            [SpecDiagnosticIds.InitialState] = "Not exactly one initial state",
            [SpecDiagnosticIds.TransitionFromTerminal] = "Transition from a terminal state",
            [SpecDiagnosticIds.ReleaseWithoutLock] = "A payout reachable without its lock",
            [SpecDiagnosticIds.UnknownLockParameter] = "Lock is not an unsigned integer parameter",
            [SpecDiagnosticIds.RepeatableSlash] = "Slash can fire again",
            [SpecDiagnosticIds.UnusedGuard] = "Unused guard",
            [SpecDiagnosticIds.UnreachableState] = "Unreachable state",
            [SpecDiagnosticIds.AmbiguousTransition] = "Ambiguous transition",
            [SpecDiagnosticIds.GuardWithoutRule] = "Guard without a rule",
            [SpecDiagnosticIds.UndeclaredLock] = "Undeclared lock",
            [SpecDiagnosticIds.GuardArgumentMissing] = "A guard reads an argument its trigger does not carry",
            [SpecDiagnosticIds.UnusedTrigger] = "Unused trigger declaration",
            [SpecDiagnosticIds.ReservedName] = "Reserved name",
            [SpecDiagnosticIds.UnitMismatch] = "A duration on the wrong clock",
            [SpecDiagnosticIds.WaiverWithoutGuard] = "A waiver without a guard",
            [SpecDiagnosticIds.UnknownCascade] = "A cascade names no trigger",
            [SpecDiagnosticIds.UnknownBound] = "Unknown bound",
            [SpecDiagnosticIds.BoundKeyNotInEntityKey] = "A bound's key is not the entity's",
            [SpecDiagnosticIds.UnknownType] = "Unknown type",
            [SpecDiagnosticIds.DuplicateSignature] = "Duplicate signature",
            [SpecDiagnosticIds.UnknownTrigger] = "Unknown lifecycle or trigger",
            [SpecDiagnosticIds.DuplicateMemberName] = "Duplicate member name",
            [SpecDiagnosticIds.TooManyIndexed] = "Too many indexed event parameters",
            [SpecDiagnosticIds.MutabilityMismatch] = "Mutability and mapping disagree",
            [SpecDiagnosticIds.UndeclaredRule] = "A rule is declared as no error",
            [SpecDiagnosticIds.BadParameterValue] = "Bad parameter value",
        };

        private static readonly Dictionary<(string, DiagnosticSeverity), DiagnosticDescriptor> Descriptors = Build();

        private static Dictionary<(string, DiagnosticSeverity), DiagnosticDescriptor> Build()
        {
            var table = new Dictionary<(string, DiagnosticSeverity), DiagnosticDescriptor>();
            foreach (var kv in Titles)
                foreach (var severity in new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Warning })
                    table[(kv.Key, severity)] = new DiagnosticDescriptor(kv.Key, kv.Value, "{0}", "Morph.Protocol.Spec", severity,
                        isEnabledByDefault: true, helpLinkUri: HelpBase + kv.Key + ".md");
            return table;
        }

        /// <summary>Every descriptor, for the spec analyzer's SupportedDiagnostics.</summary>
        public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } =
            System.Collections.Immutable.ImmutableArray.CreateRange(Descriptors.Values);

        public static DiagnosticDescriptor Descriptor(string id, DiagnosticSeverity severity) =>
            Descriptors.TryGetValue((id, severity), out var d) ? d
                : new DiagnosticDescriptor(id, "Spec: " + id, "{0}", "Morph.Protocol.Spec", severity, true, helpLinkUri: HelpBase + id + ".md");

        public static Diagnostic ToDiagnostic(SpecDiagnostic d)
        {
            var severity = d.Severity == SpecSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            // Spans name one token (a name, a keyword): they do not cross a line, so the end is on the same line.
            var start = new LinePosition(d.Span.Line - 1, d.Span.Column - 1);
            var end = new LinePosition(d.Span.Line - 1, d.Span.Column - 1 + d.Span.Length);
            var location = Location.Create(d.Span.File, new TextSpan(d.Span.Offset, d.Span.Length), new LinePositionSpan(start, end));
            return Diagnostic.Create(Descriptor(d.Id, severity), location, d.Message);
        }
    }
}
