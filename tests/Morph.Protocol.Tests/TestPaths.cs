namespace Morph.Protocol.Tests;

internal static class TestPaths
{
    /// <summary>The repository root: the folder holding Morph.Protocol.sln, found upward from the test binary.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared reference vectors; MORPH_VECTORS overrides (CI on another layout).</summary>
    public static string Vectors { get; } = FindVectors();

    public static string Spec => Path.Combine(Root, "spec");

    /// <summary>MORPH_VECTORS, else the first shared/vectors beside the repository or above it (a CI clone may
    /// sit deeper than the working checkout), else /work/shared/vectors.</summary>
    private static string FindVectors()
    {
        if (Environment.GetEnvironmentVariable("MORPH_VECTORS") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(candidate)) return candidate;
        }
        return "/work/shared/vectors";
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Morph.Protocol.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Morph.Protocol.sln not found above " + AppContext.BaseDirectory);
    }
}
