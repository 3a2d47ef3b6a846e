using System.Text;
using System.Text.Json;
using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Sdk;
using Nethereum.RPC.Eth.DTOs;

namespace Morph.Protocol.Cli;

/// <summary><c>morph chain call|send|logs</c>: the spec's contracts on a node, through the SDK. Transport errors
/// (node down, wrong chain id, timeout) and reverts are one line on stderr and exit code 1; usage errors exit 2.</summary>
public static class ChainCommand
{
    public const string Usage = """
          chain call <contract> <function> [args] --rpc URL [--block N]
                                   eth_call a view; prints the decoded return values
          chain send <contract> <function> [args] --rpc URL --key-file F [--value WEI]
                                   simulate, send and wait; prints the receipt and its decoded events
          chain logs --rpc URL [--from N] [--to M] [--json]
                                   every log of the range decoded against the spec's contracts (unknown ones listed)
            common: --network NAME|FILE (address book; default morph-l1-anvil), --address A (instead of the book's),
                    --timeout SECONDS (default 30); arguments are JSON values or bare strings (addresses, hex)
        """;

    private sealed class UsageException(string message) : Exception(message);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var (positional, options) = Parse(args.Skip(1));
            if (positional.Count == 0) throw new UsageException("missing chain verb: call, send or logs");
            var rpc = options.GetValueOrDefault("rpc") ?? throw new UsageException("--rpc URL is required");
            var book = Networks.Resolve(options.GetValueOrDefault("network") ?? Networks.MorphL1Anvil.Name);
            var timeout = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("timeout") ?? "30", System.Globalization.CultureInfo.InvariantCulture));
            var key = options.TryGetValue("key-file", out var keyFile) ? MorphWeb3.ReadKeyFile(keyFile) : null;
            var chain = new MorphChain(MorphWeb3.Connect(rpc, key, book.ChainId), book, rpc) { Timeout = timeout };
            chain.EnsureChainIdAsync().GetAwaiter().GetResult();
            return positional[0] switch
            {
                "call" => Call(chain, positional, options, output, send: false),
                "send" => Call(chain, positional, options, output, send: true),
                "logs" => Logs(chain, options, output),
                var v => throw new UsageException($"unknown chain verb '{v}': expected call, send or logs"),
            };
        }
        catch (UsageException e) { error.WriteLine("morph chain: " + e.Message); error.WriteLine(Usage); return 2; }
        catch (ChainTransportException e) { error.WriteLine("morph chain: " + e.Message); return 1; }
        catch (ContractRevertException e) { error.WriteLine("morph chain: " + e.Message); return 1; }
        catch (Exception e) when (e is FormatException or IOException or KeyNotFoundException or InvalidOperationException)
        {
            error.WriteLine("morph chain: " + e.Message.Split('\n')[0]);
            return 1;
        }
    }

    private static (List<string> Positional, Dictionary<string, string> Options) Parse(IEnumerable<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (a == "--json") options["json"] = "true";
            else if (a.StartsWith("--", StringComparison.Ordinal))
                options[a[2..]] = e.MoveNext() ? e.Current : throw new UsageException($"{a} needs a value");
            else positional.Add(a);
        }
        return (positional, options);
    }

    private static AbiValue ParseArgument(AbiType type, string text)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException) { doc = JsonDocument.Parse(JsonSerializer.Serialize(text)); }
        using (doc) return AbiJson.FromJson(type, doc.RootElement);
    }

    private static int Call(MorphChain chain, List<string> positional, Dictionary<string, string> options, TextWriter output, bool send)
    {
        if (positional.Count < 3) throw new UsageException($"chain {positional[0]} needs <contract> <function>");
        var contract = ContractCatalog.Contracts.FirstOrDefault(c => c.Name == positional[1])
            ?? throw new UsageException($"unknown contract '{positional[1]}'; the spec has {string.Join(", ", ContractCatalog.Contracts.Select(c => c.Name))}");
        var args = positional.Skip(3).ToList();
        var function = contract.Functions.Where(f => !f.IsExtension && (f.Name == positional[2] || f.Signature == positional[2]) && f.ParameterTypes.Count == args.Count).ToList() switch
        {
            [var only] => only,
            [] => throw new UsageException($"{contract.Name} has no deployed function {positional[2]} taking {args.Count} argument(s)"),
            var many => throw new UsageException($"{positional[2]} is ambiguous: give the signature ({string.Join(", ", many.Select(f => f.Signature))})"),
        };
        var values = function.ParameterTypes.Select((t, i) => ParseArgument(t, args[i])).ToArray();
        var call = function.FromValues(values);
        var address = options.TryGetValue("address", out var a) ? Address.Parse(a) : chain.Book!.AddressOf(contract.Name);
        var operation = function.ToString();
        if (!send)
        {
            BlockParameter? block = options.TryGetValue("block", out var b) ? new BlockParameter(ulong.Parse(b)) : null;
            var returned = chain.CallAsync(operation, address, call.Encode(), null, default, block).GetAwaiter().GetResult();
            var decoded = AbiCodec.Decode(function.ReturnTypes, returned);
            if (!decoded.IsOk) throw new FormatException($"{operation} returned bytes that do not decode: {decoded.Error}");
            foreach (var (v, i) in decoded.Values.Select((v, i) => (v, i))) output.WriteLine($"{function.ReturnTypes[i].Canonical}: {Show(v, full: true)}");
            return 0;
        }
        var value = options.TryGetValue("value", out var wei) ? UInt256.Parse(wei) : UInt256.Zero;
        var hash = chain.SendAsync(operation, address, call.Encode(), value).GetAwaiter().GetResult();
        var receipt = chain.WaitForReceiptAsync(operation, hash).GetAwaiter().GetResult();
        output.WriteLine($"{operation}: {hash} mined in block {receipt.BlockNumber}, gas used {receipt.GasUsed}");
        PrintLogs(receipt.Logs, output);
        return 0;
    }

    private static int Logs(MorphChain chain, Dictionary<string, string> options, TextWriter output)
    {
        var from = options.TryGetValue("from", out var f) ? ulong.Parse(f) : 0;
        ulong? to = options.TryGetValue("to", out var t) ? ulong.Parse(t) : null;
        var logs = chain.GetLogsAsync(new LogQuery(from, to)).GetAwaiter().GetResult().Select(chain.Events.Decode).ToList();
        if (options.ContainsKey("json")) WriteJson(logs, output);
        else
        {
            PrintLogs(logs, output);
            output.WriteLine($"{logs.Count} logs: {logs.Count(l => l.IsKnown)} decoded, {logs.Count(l => !l.IsKnown)} unknown");
        }
        return 0;
    }

    private static void PrintLogs(IReadOnlyList<DecodedLog> logs, TextWriter output)
    {
        var table = new Table("block", "tx", "#", "address", "contract", "event", "arguments");
        foreach (var l in logs)
            table.Row(l.Raw.BlockNumber, Short(l.Raw.TransactionHash.ToString()), l.Raw.LogIndex, l.Raw.Address, l.Contract, l.Name,
                l.IsKnown ? string.Join(", ", l.Info!.Parameters.Zip(l.Event!.ToValues(), (p, v) => $"{p.Name}={Show(v, full: false)}")) : l.Problem);
        table.Print(output);
    }

    private static string Short(string hex) => hex.Length > 20 ? hex[..10] + "…" + hex[^6..] : hex;

    /// <summary>A value as text: integers in decimal, addresses checksummed, bytes as hex (shortened in tables).</summary>
    public static string Show(AbiValue v, bool full) => v switch
    {
        AbiValue.UInt u => u.Value.ToString(),
        AbiValue.Int i => i.Value.ToString(),
        AbiValue.Bool b => b.Value ? "true" : "false",
        AbiValue.Addr a => a.Value.ToString(),
        AbiValue.Bytes b => full ? b.Value.ToString() : Short(b.Value.ToString()),
        AbiValue.Str s => JsonSerializer.Serialize(s.Value),
        AbiValue.Array a => "[" + string.Join(", ", a.Items.Select(x => Show(x, full))) + "]",
        AbiValue.Tuple t => "(" + string.Join(", ", t.Items.Select(x => Show(x, full))) + ")",
        AbiValue.IndexedHash h => "hash " + h.Hash,
        _ => v.ToString(),
    };

    private static void WriteJson(IReadOnlyList<DecodedLog> logs, TextWriter output)
    {
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var l in logs)
            {
                w.WriteStartObject();
                w.WriteNumber("block", l.Raw.BlockNumber);
                w.WriteString("transactionHash", l.Raw.TransactionHash.ToString());
                w.WriteNumber("logIndex", l.Raw.LogIndex);
                w.WriteString("address", l.Raw.Address.ToString());
                w.WriteBoolean("known", l.IsKnown);
                if (l.IsKnown)
                {
                    w.WriteString("contract", l.Contract);
                    w.WriteString("event", l.Name);
                    w.WriteString("signature", l.Info!.Signature);
                    w.WriteStartObject("args");
                    foreach (var (p, v) in l.Info.Parameters.Zip(l.Event!.ToValues())) { w.WritePropertyName(p.Name); WriteValue(w, v); }
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteString("problem", l.Problem);
                    w.WriteStartArray("topics");
                    foreach (var topic in l.Raw.Log.Topics) w.WriteStringValue(topic.ToString());
                    w.WriteEndArray();
                    w.WriteString("data", l.Raw.Log.Data.ToString());
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteValue(Utf8JsonWriter w, AbiValue v)
    {
        switch (v)
        {
            case AbiValue.Bool b: w.WriteBooleanValue(b.Value); break;
            case AbiValue.Str s: w.WriteStringValue(s.Value); break;
            case AbiValue.Array a: w.WriteStartArray(); foreach (var x in a.Items) WriteValue(w, x); w.WriteEndArray(); break;
            case AbiValue.Tuple t: w.WriteStartArray(); foreach (var x in t.Items) WriteValue(w, x); w.WriteEndArray(); break;
            default: w.WriteStringValue(Show(v, full: true)); break;
        }
    }
}
