using System.CommandLine;
using System.CommandLine.Completions;
using Morph.Protocol.Abi;
using Morph.Protocol.Cli.Rendering;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Sdk;
using Nethereum.RPC.Eth.DTOs;

namespace Morph.Protocol.Cli.Commands.Chain;

/// <summary><c>morph chain call|send &lt;contract&gt; &lt;function&gt; [args]</c>: a view through eth_call, or a
/// transaction simulated, sent and waited for.</summary>
internal static class ChainCall
{
    public static Command Create(CliContext context, bool send)
    {
        var contract = new Argument<string>("contract") { Description = "A contract of the spec (completion lists them)", HelpName = "contract" };
        var names = ContractCatalog.Contracts.Select(c => c.Name).ToList();
        contract.CompletionSources.Add([.. names]);
        contract.Validators.Add(r =>
        {
            var name = r.GetValueOrDefault<string>();
            if (!names.Contains(name)) r.AddError($"unknown contract '{name}'; the spec has {string.Join(", ", names)}");
        });
        var function = new Argument<string>("function") { Description = "A deployed function: its name, or its signature when overloaded" };
        // Completion knows the contract typed before it (its raw token: the line being completed may not parse yet).
        function.CompletionSources.Add(c => FunctionsOf(c.ParseResult.GetResult(contract)?.Tokens.FirstOrDefault()?.Value).Select(f => new CompletionItem(f.Name)).DistinctBy(i => i.Label));
        var args = new Argument<string[]>("args") { Description = "The function's arguments: JSON values or bare strings (addresses, hex)", Arity = ArgumentArity.ZeroOrMore };
        var block = new Option<ulong?>("--block") { Description = "The block to call at (default: latest)", HelpName = "N" };
        var value = new Option<UInt256>("--value")
        {
            Description = "Wei sent with the transaction", HelpName = "WEI",
            CustomParser = r => UInt256.TryParse(r.Tokens[0].Value, out var v) ? v : ArgumentErrors.Fail<UInt256>(r, $"--value: '{r.Tokens[0].Value}' is not a uint256"),
        };
        var command = send
            ? new Command("send", "Simulate, send and wait for a transaction; prints the receipt and its decoded events") { contract, function, args, value }
            : new Command("call", "eth_call a view; prints the decoded return values") { contract, function, args, block };
        var options = new ChainOptions().AddTo(command, withKey: send);
        if (send) options.KeyFile.Required = true;
        command.SetAction(r => ChainCommand.Run(r, context, options, () =>
        {
            var f = Resolve(r.GetValue(contract)!, r.GetValue(function)!, r.GetValue(args) ?? []);
            var values = f.ParameterTypes.Select((t, i) => AbiText.Parse(t, r.GetValue(args)![i], $"#{i + 1}")).ToArray();
            return (chain, output) =>
            {
                var address = r.GetValue(options.ContractAddress) ?? chain.Book!.AddressOf(r.GetValue(contract)!);
                return send ? Send(chain, f, values, address, r.GetValue(value), output) : Call(chain, f, values, address, r.GetValue(block), output);
            };
        }));
        return command;
    }

    private static IEnumerable<ContractFunctionInfo> FunctionsOf(string? contract) =>
        ContractCatalog.Contracts.FirstOrDefault(c => c.Name == contract)?.Functions.Where(f => !f.IsExtension) ?? [];

    private static ContractFunctionInfo Resolve(string contract, string name, string[] args) =>
        FunctionsOf(contract).Where(f => (f.Name == name || f.Signature == name) && f.ParameterTypes.Count == args.Length).ToList() switch
        {
            [var only] => only,
            [] => throw new ChainCommand.UsageException($"{contract} has no deployed function {name} taking {args.Length} argument(s)"),
            var many => throw new ChainCommand.UsageException($"{name} is ambiguous: give the signature ({string.Join(", ", many.Select(f => f.Signature))})"),
        };

    private static int Call(MorphChain chain, ContractFunctionInfo function, AbiValue[] values, Address address, ulong? block, CliOutput output)
    {
        var operation = function.ToString();
        var at = block is { } b ? new BlockParameter(b) : null;
        var returned = chain.CallAsync(operation, address, function.FromValues(values).Encode(), null, default, at).GetAwaiter().GetResult();
        var decoded = AbiCodec.Decode(function.ReturnTypes, returned);
        if (!decoded.IsOk) throw new FormatException($"{operation} returned bytes that do not decode: {decoded.Error}");
        foreach (var (v, i) in decoded.Values.Select((v, i) => (v, i))) output.Out.WriteLine($"{function.ReturnTypes[i].Canonical}: {AbiText.Show(v, full: true)}");
        return 0;
    }

    private static int Send(MorphChain chain, ContractFunctionInfo function, AbiValue[] values, Address address, UInt256 value, CliOutput output)
    {
        var operation = function.ToString();
        var hash = chain.SendAsync(operation, address, function.FromValues(values).Encode(), value).GetAwaiter().GetResult();
        var receipt = chain.WaitForReceiptAsync(operation, hash).GetAwaiter().GetResult();
        output.Out.WriteLine($"{operation}: {hash} mined in block {receipt.BlockNumber}, gas used {receipt.GasUsed}");
        ChainLogs.Print(receipt.Logs, output);
        return 0;
    }
}
