namespace Morph.Protocol.Spec.Diagnostics
{
    /// <summary>Every diagnostic of the spec language, one ID each; docs/diagnostics/&lt;ID&gt;.md explains it.
    /// Parse errors are MPS0xx, binding errors MPS1xx (lifecycles), MPS2xx (contracts), MPS3xx (parameters).</summary>
    public static class SpecDiagnosticIds
    {
        public const string UnexpectedCharacter = "MPS001";
        public const string UnterminatedString = "MPS002";
        public const string Expected = "MPS003";
        public const string BadNumber = "MPS004";

        public const string DuplicateDeclaration = "MPS101";
        public const string UnknownState = "MPS102";
        public const string UnknownGuard = "MPS103";
        public const string InitialState = "MPS104";
        public const string TransitionFromTerminal = "MPS105";
        public const string ReleaseWithoutLock = "MPS106";
        public const string UnknownLockParameter = "MPS107";
        public const string RepeatableSlash = "MPS108";
        public const string UnusedGuard = "MPS109";
        public const string UnreachableState = "MPS110";
        public const string AmbiguousTransition = "MPS111";
        public const string GuardWithoutRule = "MPS112";
        public const string UndeclaredLock = "MPS113";
        public const string GuardArgumentMissing = "MPS114";
        public const string UnusedTrigger = "MPS115";
        public const string ReservedName = "MPS116";
        public const string UnitMismatch = "MPS117";
        public const string WaiverWithoutGuard = "MPS118";
        public const string UnknownCascade = "MPS119";
        public const string UnknownBound = "MPS120";
        public const string BoundKeyNotInEntityKey = "MPS121";

        public const string UnknownType = "MPS201";
        public const string DuplicateSignature = "MPS202";
        public const string UnknownTrigger = "MPS203";
        public const string DuplicateMemberName = "MPS204";
        public const string TooManyIndexed = "MPS205";
        public const string MutabilityMismatch = "MPS206";
        public const string UndeclaredRule = "MPS207";

        public const string BadParameterValue = "MPS301";
    }
}
