using System.CommandLine;
using Morph.Protocol.Cli.Rendering;
using Morph.Protocol.Contracts;
using Morph.Protocol.Sdk;

namespace Morph.Protocol.Cli.Commands.Chain;

/// <summary><c>morph chain call|send|logs</c>: the spec's contracts on a node, through the SDK. Transport errors
/// (node down, wrong chain id, timeout) and reverts are one line on stderr and exit code 1; usage errors exit 2.</summary>
internal static class ChainCommand
{
    public static Command Create(CliContext context) => new("chain", "The spec's contracts on a node: views, transactions, logs")
    {
        ChainCall.Create(context, send: false),
        ChainCall.Create(context, send: true),
        ChainLogs.Create(context),
    };

    /// <summary>A usage error found after parsing (a function the contract lacks, an argument that is not its type).</summary>
    public sealed class UsageException(string message) : Exception(message);

    /// <summary>Runs a chain verb: <paramref name="plan"/> checks the command line against the spec (a usage error is
    /// reported before any connection is tried) and returns what to do on the chain; then connects, checks the chain
    /// id, and runs it. Every expected failure is one line on stderr.</summary>
    public static int Run(ParseResult result, CliContext context, ChainOptions options, Func<Func<MorphChain, CliOutput, int>> plan)
    {
        var output = context.OutputFor(result);
        try
        {
            var run = plan();
            var chain = options.Connect(result);
            chain.EnsureChainIdAsync().GetAwaiter().GetResult();
            return run(chain, output);
        }
        catch (UsageException e)
        {
            output.Error.WriteLine($"morph chain: {e.Message} (see 'morph chain {result.CommandResult.Command.Name} --help')");
            return MorphCli.UsageError;
        }
        catch (ChainTransportException e) { output.Error.WriteLine("morph chain: " + e.Message); return 1; }
        catch (ContractRevertException e) { output.Error.WriteLine("morph chain: " + e.Message); return 1; }
        catch (Exception e) when (e is FormatException or IOException or KeyNotFoundException or InvalidOperationException)
        {
            output.Error.WriteLine("morph chain: " + e.Message.Split('\n')[0]);
            return 1;
        }
    }
}
