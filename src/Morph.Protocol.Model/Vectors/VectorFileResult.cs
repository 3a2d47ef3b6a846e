namespace Morph.Protocol.Vectors;

/// <summary>The outcome of running one reference-vector file: counts and, per failing case, its name and why.</summary>
public sealed record VectorFileResult(string File, int Passed, int Failed, IReadOnlyList<string> Failures);
