using Morph.Protocol.Spec;

namespace Morph.Protocol.Cli;

/// <summary><c>morph check [spec-dir]</c>: runs the spec front end and prints its diagnostics as file:line:column.</summary>
internal static class SpecCheck
{
    public static int Run(string dir)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"morph check: no such directory '{dir}'"); return 2; }
        var files = Directory.EnumerateFiles(dir, "*" + SpecCompiler.Extension, SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Directory.GetCurrentDirectory(), f), File.ReadAllText(f)))
            .ToList();
        var (model, diagnostics) = SpecCompiler.Compile(files);
        foreach (var d in diagnostics) Console.WriteLine(d);
        int errors = diagnostics.Count(d => d.Severity == Morph.Protocol.Spec.Diagnostics.SpecSeverity.Error);
        Console.WriteLine($"{files.Count} files: {model.Parameters.Count} parameters, {model.Lifecycles.Count} lifecycles, {model.Structs.Count} structs, " +
                          $"{model.Contracts.Count} contracts ({model.Contracts.Sum(c => c.Functions.Count)} functions, {model.Contracts.Sum(c => c.Events.Count)} events); " +
                          $"{errors} errors, {diagnostics.Count - errors} warnings");
        return errors == 0 ? 0 : 1;
    }
}
