using System.Globalization;
using System.Reflection;
using Morph.Protocol.Primitives;
using YamlDotNet.RepresentationModel;

namespace Morph.Protocol.Simulation;

/// <summary>An error in a scenario file: the file, the line and column, and what is wrong.</summary>
public sealed class ScenarioException(string file, int line, int column, string message)
    : Exception($"{file}:{line}:{column}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
}

/// <summary>One step of a scenario file: its action, its argument node, its expectation, and where it was written.</summary>
public sealed record ScenarioStep(int Index, string Action, YamlNode? Argument, string? ExpectRefused, int Line, int Column)
{
    public override string ToString() => $"step {Index} ({Action}, line {Line})";
}

/// <summary>A scenario file (docs/scenarios.md): parameters, actors and a timeline of operations and block advances with
/// expected outcomes. Parsing checks the shape and every name it can (actions, parameters, rules); an error names the
/// file, the line and what is wrong.</summary>
public sealed class ScenarioFile
{
    public static readonly string[] Actions =
    [
        "whitelist", "register", "withdraw", "claimWithdrawal", "markL2Genesis", "enableBls", "resetSequencerSet", "corruptNextBatch",
        "challenge", "settle", "claimChallengeReward", "approve", "delegate", "undelegate", "redelegate", "claimAll", "claimCommission",
        "unjail", "restartL2", "offline", "online", "advance", "check",
    ];

    private ScenarioFile(string path) => Path = path;

    public string Path { get; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public SimulationOptions Options { get; private set; } = new();
    public IReadOnlyDictionary<string, Address> Holders { get; private set; } = new Dictionary<string, Address>();
    public List<ScenarioStep> Steps { get; } = [];

    public static ScenarioFile Load(string path) => Parse(path, File.ReadAllText(path));

    public static ScenarioFile Parse(string path, string text)
    {
        var f = new ScenarioFile(path);
        var yaml = new YamlStream();
        try { yaml.Load(new StringReader(text)); }
        catch (YamlDotNet.Core.YamlException e) { throw new ScenarioException(path, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"); }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root) throw new ScenarioException(path, 1, 1, "a scenario is a mapping (name, parameters, holders, steps)");

        var parameters = ProtocolParameters.Devnet;
        var options = new SimulationOptions();
        var holders = new Dictionary<string, Address>();
        var amounts = new List<(Address, UInt256)>();
        foreach (var (k, v) in root.Children)
        {
            var key = f.Scalar(k);
            switch (key)
            {
                case "name": f.Name = f.Scalar(v); break;
                case "description": f.Description = f.Scalar(v); break;
                case "seed": options = options with { Seed = f.Int(v) }; break;
                case "parameters": parameters = f.ParseParameters(f.Map(v), parameters); break;
                case "network":
                    foreach (var (nk, nv) in f.Map(v).Children)
                        options = f.Scalar(nk) switch
                        {
                            "l2BlocksPerL1Block" => options with { L2BlocksPerL1Block = f.Int(nv) },
                            "batchL2Blocks" => options with { BatchL2Blocks = (ulong)f.Int(nv) },
                            "recordEvery" => options with { RecordEvery = f.Int(nv) },
                            "devnetStakers" => options with { DevnetStakers = f.Int(nv) },
                            var other => throw f.Error(nk, $"unknown network setting '{other}' (l2BlocksPerL1Block, batchL2Blocks, recordEvery, devnetStakers)"),
                        };
                    break;
                case "holders":
                    int n = 0;
                    foreach (var (hk, hv) in f.Map(v).Children)
                    {
                        var a = Address.Parse($"0x{0xa11ce000UL + (ulong)++n:x40}");
                        holders[f.Scalar(hk)] = a;
                        amounts.Add((a, (ulong)f.Int(hv) * DefaultScenario.Morph));
                    }
                    break;
                case "steps":
                    if (v is not YamlSequenceNode seq) throw f.Error(v, "steps is a list");
                    foreach (var item in seq) f.Steps.Add(f.ParseStep(item, f.Steps.Count + 1));
                    break;
                default: throw f.Error(k, $"unknown key '{key}' (name, description, seed, parameters, network, holders, steps)");
            }
        }
        if (parameters.Validate() is { Count: > 0 } bad) throw f.Error(root, $"parameters: {string.Join("; ", bad.Select(b => b.Message))}");
        f.Options = options with { Parameters = parameters, Holders = amounts };
        f.Holders = holders;
        return f;
    }

    private ScenarioStep ParseStep(YamlNode item, int index)
    {
        if (item is YamlScalarNode bare) return Step(index, bare, Scalar(bare), null, null);
        if (item is not YamlMappingNode m || m.Children.Count == 0) throw Error(item, "a step is one action, e.g. '- register: [staker1]'");
        string? refused = null;
        YamlScalarNode? actionNode = null;
        YamlNode? argument = null;
        foreach (var (k, v) in m.Children)
        {
            var key = Scalar(k);
            if (key == "expect")
            {
                if (v is YamlScalarNode { Value: "ok" }) continue;
                if (v is YamlMappingNode e && e.Children.Count == 1 && Scalar(e.Children.Keys.First()) == "refused")
                {
                    refused = Scalar(e.Children.Values.First());
                    if (!Enum.TryParse<Transactions.ProtocolRule>(refused, out _)) throw Error(e.Children.Values.First(), $"unknown rule '{refused}'");
                    continue;
                }
                throw Error(v, "expect is 'ok' or '{ refused: Rule }'");
            }
            if (actionNode is not null) throw Error(k, $"one action per step: '{actionNode.Value}' and '{key}'");
            actionNode = (YamlScalarNode)k;
            argument = v is YamlScalarNode { Value: "" or null } ? null : v;
        }
        if (actionNode is null) throw Error(item, "a step needs an action besides 'expect'");
        return Step(index, actionNode, Scalar(actionNode), argument, refused);
    }

    private ScenarioStep Step(int index, YamlNode node, string action, YamlNode? argument, string? refused)
    {
        if (!Actions.Contains(action)) throw Error(node, $"unknown action '{action}' (one of: {string.Join(", ", Actions)})");
        return new ScenarioStep(index, action, argument, refused, (int)node.Start.Line, (int)node.Start.Column);
    }

    private ProtocolParameters ParseParameters(YamlMappingNode map, ProtocolParameters p)
    {
        foreach (var (k, v) in map.Children)
        {
            var name = Scalar(k);
            var prop = typeof(ProtocolParameters).GetProperty(char.ToUpperInvariant(name[0]) + name[1..], BindingFlags.Public | BindingFlags.Instance)
                ?? throw Error(k, $"unknown parameter '{name}' (spec/protocol.morph)");
            object value;
            var text = Scalar(v);
            try
            {
                value = prop.PropertyType == typeof(UInt256) ? UInt256.Parse(text)
                    : prop.PropertyType.IsEnum ? Enum.Parse(prop.PropertyType, text)
                    : Convert.ChangeType(text, prop.PropertyType, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
            {
                throw Error(v, $"parameter '{name}': '{text}' is not a {prop.PropertyType.Name}");
            }
            var copy = p with { };
            prop.SetValue(copy, value);   // an init-only property of a fresh copy: records have no other setter by name
            p = copy;
        }
        return p;
    }

    internal string Scalar(YamlNode node) => node is YamlScalarNode s ? s.Value ?? "" : throw Error(node, "expected a single value here");
    internal YamlMappingNode Map(YamlNode node) => node as YamlMappingNode ?? throw Error(node, "expected a mapping (key: value lines) here");
    internal int Int(YamlNode node) => int.TryParse(Scalar(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw Error(node, $"'{Scalar(node)}' is not a whole number");
    internal ScenarioException Error(YamlNode node, string message) => new(Path, (int)node.Start.Line, (int)node.Start.Column, message);
}
