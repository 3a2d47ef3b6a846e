using Microsoft.CodeAnalysis;

namespace Morph.Protocol.Analyzers
{
    /// <summary>Every diagnostic of the analyzers: one descriptor per ID, the title as docs/diagnostics/README.md lists it,
    /// the help link to its page.</summary>
    internal static class DiagnosticDescriptors
    {
        public const string Category = "Morph.Protocol";
        private const string HelpBase = "https://github.com/morph-protocol/morph-protocol/blob/main/docs/diagnostics/";

        private static DiagnosticDescriptor Make(string id, string title, string message, DiagnosticSeverity severity, params string[] tags) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, description: null,
                helpLinkUri: HelpBase + id + ".md", customTags: tags);

        public static readonly DiagnosticDescriptor UnguardedReleasingFire = Make("MPA001",
            "Paying or slashing trigger fired without a successful CanFire",
            "'{0}' fires {1}.{2}, which {3}, but is not reached only after '{4}' returned true on the same entity",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnguardedFire = Make("MPA002",
            "Trigger fired without a successful CanFire",
            "'{0}' fires {1}.{2} but is not reached only after '{3}' returned true on the same entity",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor PayoutWithoutRelease = Make("MPA003",
            "Payout not preceded by a paying trigger",
            "'{0}' pays out ([Payout]) but is not preceded in '{1}' by firing a trigger that pays or waives a lock",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor SlashEffectWithoutSlash = Make("MPA004",
            "Slash applied without a slashing trigger",
            "'{0}' applies a slash ([SlashEffect]) but is not preceded in '{1}' by firing a slashing trigger",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor SlashInRepeatingLoop = Make("MPA005",
            "Slashing trigger fired in a loop that may visit an entity twice",
            "{0}.{1} slashes, and is fired in a loop over '{2}', which may hold one entity twice: loop over a set or '.Distinct()'",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor GuardCannotFail = Make("MPA006",
            "Guard cannot fail",
            "Guard {0}.{1} always returns true: its rule {2} can never refuse",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor GuardHasSideEffects = Make("MPA007",
            "Guard has side effects",
            "Guard {0}.{1} changes state ({2}): guards are evaluated more than once and must not change anything",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnknownGuardName = Make("MPA008",
            "Guard name is not a guard of the lifecycle",
            "'{0}' is not a guard of lifecycle {1}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor GuardComparedAsString = Make("MPA009",
            "Guard compared by name",
            "Guard compared with the string \"{0}\": compare with {1}.{0}",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor TimeTriggerOnEntryPath = Make("MPA010",
            "Time or internal trigger fired on a transaction's entry path",
            "'{0}' implements a contract operation and fires {1}.{2}, a {3} trigger: fire it from a [TimeStep] method or as a cause of the operation's trigger",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor WaiverOutsideWaiverPath = Make("MPA011",
            "Waiver trigger fired outside a waiver path",
            "{0}.{1} waives a lock (releases money before it ends) and is fired in '{2}', which is not marked [WaiverPath]",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor OperationMissesMapping = Make("MPA012",
            "Contract operation never fires or emits what the spec maps to it",
            "'{0}' runs {1} but never {2}",
            DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor WrongRegistrationValue = Make("MPA013",
            "Payable registration sent with the wrong constant value",
            "'{0}' is sent with {1}: registration takes exactly stakingValue",
            DiagnosticSeverity.Error);
    }
}
