namespace Morph.Protocol.Tests;

internal static class TestPaths
{
    public const string VectorsVariable = "MORPH_VECTORS";

    /// <summary>The repository root: the folder holding Morph.Protocol.sln, found upward from the test binary.</summary>
    public static string Root { get; } = FindRoot();

    private static readonly Lazy<string> LazyVectors = new(() => FindVectors(Root, Environment.GetEnvironmentVariable(VectorsVariable)));

    /// <summary>The shared reference vectors; MORPH_VECTORS overrides (CI on another layout). Missing vectors fail
    /// the tests that read them with one line naming MORPH_VECTORS and every folder searched.</summary>
    public static string Vectors => LazyVectors.Value;

    public static string Spec => Path.Combine(Root, "spec");

    /// <summary>MORPH_VECTORS (<paramref name="environment"/>) when set, else the first shared/vectors in a folder
    /// above <paramref name="root"/> (a CI clone may sit deeper than the working checkout). No fallback: when the
    /// folder is not there, a <see cref="DirectoryNotFoundException"/> whose one-line message names MORPH_VECTORS and
    /// every folder searched.</summary>
    internal static string FindVectors(string root, string? environment)
    {
        if (environment is { Length: > 0 })
            return Directory.Exists(environment)
                ? environment
                : throw new DirectoryNotFoundException($"Reference vectors not found: {VectorsVariable} is '{environment}', which is not a folder.");
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(candidate)) return candidate;
            searched.Add(candidate);
        }
        throw new DirectoryNotFoundException(
            $"Reference vectors not found: {VectorsVariable} is not set and no shared/vectors above {root}; searched {string.Join(", ", searched)}.");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Morph.Protocol.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Morph.Protocol.sln not found above " + AppContext.BaseDirectory);
    }
}
