using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Morph.Protocol.Cli.Commands;
using Morph.Protocol.Cli.Commands.Chain;

namespace Morph.Protocol.Cli;

/// <summary><c>morph</c>: the verb tree on System.CommandLine. Every verb has <c>--help</c>; a usage error is one line
/// on stderr and exit code 2; <c>[suggest]</c> serves shell completion (dotnet-suggest).</summary>
public static class MorphCli
{
    public const int UsageError = 2;

    /// <summary>Runs one command line. <paramref name="terminal"/>: stdout is a terminal, so <c>--style auto</c> draws
    /// rich tables; callers that capture output (tests) leave it false and get plain text.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool terminal = false)
    {
        var context = new CliContext(output, error, terminal);
        var result = Build(context).Parse(args);
        if (result.Action is ParseErrorAction)
        {
            // One line, whatever the parser's message looks like (some list their choices one a line).
            // A verb that is missing and a token nobody understands: the token says more ('vectors rlp').
            var first = result.Errors.OrderBy(e => e.Message.StartsWith("Required command", StringComparison.Ordinal) ? 1 : 0).First();
            var message = string.Join(' ', first.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            error.WriteLine($"{CommandPath(result)}: {message} (see '{CommandPath(result)} --help')");
            return UsageError;
        }
        // Exceptions are bugs: let them surface with their stack trace rather than as a generic message.
        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The verb tree. A new verb (simulate, when the L2 model lands) is one file under Commands/ and one line
    /// here.</summary>
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Morph.Protocol: the staking protocol of the Morph rollup as a C# model. With no command, runs the main job: simulate.")
        {
            context.Style,
            SimulateCommand.Create(context),
            ReplayCommand.Create(context),
            ScenarioCommand.Create(context),
            VectorsCommand.Create(context),
            CheckCommand.Create(context),
            DiagramsVerb.Create(),
            ChainCommand.Create(context),
        };
        root.SetAction(r => SimulateCommand.Run(context.OutputFor(r)));
        return root;
    }

    /// <summary>"morph vectors abi": the command the error belongs to, named as the user typed it.</summary>
    private static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result.CommandResult; r is CommandResult c; r = c.Parent)
            names.Insert(0, c.Parent is null ? "morph" : c.Command.Name);
        return string.Join(' ', names);
    }
}
