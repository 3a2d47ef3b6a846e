namespace Morph.Protocol.Vectors;

/// <summary>The outcome of running one vector file: counts and one message per failing case.</summary>
public sealed record VectorFileResult(string File, int Passed, int Failed, IReadOnlyList<string> Failures);
