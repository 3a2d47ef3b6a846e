using System.CommandLine;

namespace Morph.Protocol.Cli.Commands;

/// <summary><c>morph diagrams [out-dir] [--spec dir]</c>: the verb only. The diagram generation stays in
/// <see cref="DiagramsCommand"/> (src/Morph.Protocol.Cli/DiagramsCommand.cs), where the packaging work changes it;
/// it writes its progress lines to the console itself.</summary>
internal static class DiagramsVerb
{
    public static Command Create()
    {
        var outDir = new Argument<string>("out-dir") { Description = "Where to write (created if missing)", DefaultValueFactory = _ => Path.Combine("docs", "diagrams") };
        var spec = new Option<DirectoryInfo>("--spec") { Description = "A consumer's spec directory (its .morph files); default: the model's own spec" }.AcceptExistingOnly();
        var command = new Command("diagrams", "Export every lifecycle of the spec as Mermaid (with its transition table) and DOT") { outDir, spec };
        command.SetAction(r => DiagramsCommand.Run(r.GetValue(outDir)!, r.GetValue(spec)?.FullName));
        return command;
    }
}
