using System.CommandLine;
using System.CommandLine.Completions;
using Morph.Protocol.Primitives;
using Morph.Protocol.Sdk;

namespace Morph.Protocol.Cli.Commands.Chain;

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
