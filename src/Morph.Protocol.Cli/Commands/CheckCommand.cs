using System.CommandLine;
using Morph.Protocol.Cli.Rendering;
using Morph.Protocol.Spec;

namespace Morph.Protocol.Cli.Commands;

/// <summary><c>morph check [spec-dir]</c>: runs the spec front end and prints its diagnostics as file:line:column;
/// exit 1 on an error.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Argument<DirectoryInfo>("spec-dir")
        {
            Description = "The spec folder (every *" + SpecCompiler.Extension + " under it)",
            DefaultValueFactory = _ => new DirectoryInfo("spec"),
        }.AcceptExistingOnly();
        var command = new Command("check", "Parse and bind the spec; diagnostics as file:line:column") { dir };
        command.SetAction(r => Run(context.OutputFor(r), r.GetValue(dir)!.ToString()));
        return command;
    }

    private static int Run(CliOutput output, string dir)
    {
        var files = Directory.EnumerateFiles(dir, "*" + SpecCompiler.Extension, SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Directory.GetCurrentDirectory(), f), File.ReadAllText(f)))
            .ToList();
        var (model, diagnostics) = SpecCompiler.Compile(files);
        foreach (var d in diagnostics) output.Out.WriteLine(d);
        int errors = diagnostics.Count(d => d.Severity == Morph.Protocol.Spec.Diagnostics.SpecSeverity.Error);
        output.Out.WriteLine($"{files.Count} files: {model.Parameters.Count} parameters, {model.Lifecycles.Count} lifecycles, {model.Structs.Count} structs, " +
                             $"{model.Contracts.Count} contracts ({model.Contracts.Sum(c => c.Functions.Count)} functions, {model.Contracts.Sum(c => c.Events.Count)} events); " +
                             $"{errors} errors, {diagnostics.Count - errors} warnings");
        return errors == 0 ? 0 : 1;
    }
}
