using System.CommandLine;
using System.CommandLine.Completions;
using Morph.Protocol.Cli.Rendering;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
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

/// <summary>The options every chain verb takes; one instance per verb, so each verb's help lists them.</summary>
internal sealed class ChainOptions
{
    public Option<string> Rpc { get; } = new("--rpc")
    {
        Description = "The node's JSON-RPC URL", Required = true, HelpName = "URL",
        Validators = { r => { if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out _)) r.AddError($"--rpc: '{r.GetValueOrDefault<string>()}' is not an absolute URL"); } },
    };

    public Option<string> Network { get; } = new("--network")
    {
        Description = "The address book: a shipped name or a JSON file", HelpName = "NAME|FILE",
        DefaultValueFactory = _ => Networks.MorphL1Anvil.Name,
        CompletionSources = { _ => Networks.All.Select(b => new CompletionItem(b.Name)) },
    };

    public Option<Address?> ContractAddress { get; } = new("--address")
    {
        Description = "The contract's address, instead of the address book's", HelpName = "0x…",
        CustomParser = r => Address.TryParse(r.Tokens[0].Value, out var a) ? a : ArgumentErrors.Fail<Address?>(r, $"--address: '{r.Tokens[0].Value}' is not an address"),
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to wait for each request", HelpName = "SECONDS", DefaultValueFactory = _ => 30,
        Validators = { r => { if (r.GetValueOrDefault<double>() is not > 0) r.AddError("--timeout must be a positive number of seconds"); } },
    };

    public Option<FileInfo> KeyFile { get; } = new("--key-file") { Description = "A file holding the sender's private key (hex)", HelpName = "FILE" };

    public ChainOptions AddTo(Command command, bool withKey)
    {
        command.Options.Add(Rpc);
        command.Options.Add(Network);
        command.Options.Add(ContractAddress);
        command.Options.Add(Timeout);
        if (withKey) command.Options.Add(KeyFile.AcceptExistingOnly());
        return this;
    }

    public MorphChain Connect(ParseResult r)
    {
        var rpc = r.GetValue(Rpc)!;
        var book = Networks.Resolve(r.GetValue(Network)!);
        var key = r.GetValue(KeyFile) is { } file ? MorphWeb3.ReadKeyFile(file.FullName) : null;
        return new MorphChain(MorphWeb3.Connect(rpc, key, book.ChainId), book, rpc) { Timeout = TimeSpan.FromSeconds(r.GetValue(Timeout)) };
    }
}
