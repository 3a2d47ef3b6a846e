namespace Morph.Protocol.Tests;

internal static class TestPaths
{
    /// <summary>The repository root: the folder holding Morph.Protocol.sln, found upward from the test binary.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared reference vectors; MORPH_VECTORS overrides (CI on another layout).</summary>
    public static string Vectors { get; } =
        Environment.GetEnvironmentVariable("MORPH_VECTORS") ?? Path.GetFullPath(Path.Combine(Root, "..", "shared", "vectors"));

    public static string Spec => Path.Combine(Root, "spec");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Morph.Protocol.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Morph.Protocol.sln not found above " + AppContext.BaseDirectory);
    }
}
