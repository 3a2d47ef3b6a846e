using System.Globalization;
using System.Reflection;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Simulation;

/// <summary>The options a journal starts with (its first entry), as text lines <c>name=value</c>: every parameter of
/// spec/protocol.morph, the network's knobs and the genesis holders, so that a journal alone replays to the same state.</summary>
public static class OptionsCodec
{
    private static readonly PropertyInfo[] Parameters =
        typeof(ProtocolParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();

    public static string Encode(SimulationOptions o)
    {
        var lines = new List<string>
        {
            $"seed={o.Seed}", $"l2BlocksPerL1Block={o.L2BlocksPerL1Block}", $"batchL2Blocks={o.BatchL2Blocks}", $"recordEvery={o.RecordEvery}",
            $"devnetStakers={o.DevnetStakers}", $"faults={o.Faults.DelayPerMille},{o.Faults.DuplicatePerMille},{o.Faults.ReorderPerMille}",
        };
        lines.AddRange(Parameters.Select(p => $"p.{p.Name}={Convert.ToString(p.GetValue(o.Parameters), CultureInfo.InvariantCulture)}"));
        lines.AddRange(o.Holders.Select(h => $"holder={h.Holder},{h.Amount}"));
        return string.Join('\n', lines);
    }

    public static SimulationOptions Decode(string text)
    {
        var o = new SimulationOptions();
        var parameters = ProtocolParameters.Devnet with { };
        var holders = new List<(Address, UInt256)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=');
            var (key, value) = (line[..eq], line[(eq + 1)..]);
            if (key.StartsWith("p."))
            {
                var prop = Parameters.Single(p => p.Name == key[2..]);
                prop.SetValue(parameters, Parse(prop.PropertyType, value));
                continue;
            }
            o = key switch
            {
                "seed" => o with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "l2BlocksPerL1Block" => o with { L2BlocksPerL1Block = int.Parse(value, CultureInfo.InvariantCulture) },
                "batchL2Blocks" => o with { BatchL2Blocks = ulong.Parse(value, CultureInfo.InvariantCulture) },
                "recordEvery" => o with { RecordEvery = int.Parse(value, CultureInfo.InvariantCulture) },
                "devnetStakers" => o with { DevnetStakers = int.Parse(value, CultureInfo.InvariantCulture) },
                "faults" => value.Split(',').Select(int.Parse).ToArray() is var f ? o with { Faults = new RelayFaults(f[0], f[1], f[2]) } : o,
                "holder" => AddHolder(o, holders, value),
                _ => throw new InvalidDataException($"journal options: unknown key '{key}'"),
            };
        }
        return o with { Parameters = parameters, Holders = holders };
    }

    private static SimulationOptions AddHolder(SimulationOptions o, List<(Address, UInt256)> holders, string value)
    {
        var parts = value.Split(',');
        holders.Add((Address.Parse(parts[0]), UInt256.Parse(parts[1])));
        return o;
    }

    private static object Parse(Type t, string v) =>
        t == typeof(UInt256) ? UInt256.Parse(v)
        : t == typeof(Ratio) ? new Ratio(ulong.Parse(v.Split('/')[0], CultureInfo.InvariantCulture), ulong.Parse(v.Split('/')[1], CultureInfo.InvariantCulture))
        : t.IsEnum ? Enum.Parse(t, v)
        : Convert.ChangeType(v, t, CultureInfo.InvariantCulture);
}
