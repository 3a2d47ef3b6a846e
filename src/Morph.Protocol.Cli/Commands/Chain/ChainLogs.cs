using System.CommandLine;
using System.Text;
using System.Text.Json;
using Morph.Protocol.Abi;
using Morph.Protocol.Cli.Rendering;
using Morph.Protocol.Contracts;
using Morph.Protocol.Sdk;

namespace Morph.Protocol.Cli.Commands.Chain;

/// <summary><c>morph chain logs</c>: every log of a block range decoded against the spec's contracts (unknown ones
/// listed with the reason), as a table or as JSON.</summary>
internal static class ChainLogs
{
    public static Command Create(CliContext context)
    {
        var from = new Option<ulong>("--from") { Description = "First block", HelpName = "N", DefaultValueFactory = _ => 0 };
        var to = new Option<ulong?>("--to") { Description = "Last block (default: latest)", HelpName = "M" };
        var json = new Option<bool>("--json") { Description = "One JSON array instead of a table" };
        var command = new Command("logs", "Every log of the range decoded against the spec's contracts (unknown ones listed)") { from, to, json };
        var options = new ChainOptions().AddTo(command, withKey: false);
        command.Validators.Add(r =>
        {
            if (r.GetValue(to) is { } last && last < r.GetValue(from)) r.AddError($"--to {last} is before --from {r.GetValue(from)}");
        });
        command.SetAction(r => ChainCommand.Run(r, context, options, () => (chain, output) =>
        {
            var logs = chain.GetLogsAsync(new LogQuery(r.GetValue(from), r.GetValue(to))).GetAwaiter().GetResult().Select(chain.Events.Decode).ToList();
            if (r.GetValue(json)) WriteJson(logs, output.Out);
            else
            {
                Print(logs, output);
                output.Out.WriteLine($"{logs.Count} logs: {logs.Count(l => l.IsKnown)} decoded, {logs.Count(l => !l.IsKnown)} unknown");
            }
            return 0;
        }));
        return command;
    }

    public static void Print(IReadOnlyList<DecodedLog> logs, CliOutput output)
    {
        var table = new ReportTable("block", "tx", "#", "address", "contract", "event", "arguments");
        foreach (var l in logs)
            table.Row(l.Raw.BlockNumber, AbiText.Short(l.Raw.TransactionHash.ToString()), l.Raw.LogIndex, l.Raw.Address, l.Contract, l.Name,
                l.IsKnown ? string.Join(", ", l.Info!.Parameters.Zip(l.Event!.ToValues(), (p, v) => $"{p.Name}={AbiText.Show(v, full: false)}")) : l.Problem);
        table.Print(output);
    }

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
            default: w.WriteStringValue(AbiText.Show(v, full: true)); break;
        }
    }
}
