namespace Morph.Protocol.Analyzers
{
    internal static class AnalyzerInfo { public const string Category = "Morph.Protocol"; }
}
