using System.CommandLine;
using System.Text.Json;
using Morph.Protocol.Cli.Rendering;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Simulation;
using Spectre.Console;

namespace Morph.Protocol.Cli.Commands;

/// <summary><c>morph simulate</c>, the main job: the whole network on its embedded default run (10 stakers, X = 7, 200
/// delegators, 30 epochs), then its tables. Amounts are shown in ETH and MORPH; the JSON report keeps raw integers.</summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var seed = new Option<int>("--seed") { Description = "Fixes every random choice (same seed, same state hash)", DefaultValueFactory = _ => 1 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON (raw integers) to this file" };
        var journal = new Option<FileInfo?>("--journal") { Description = "Write every accepted command to this journal (replay it with 'morph replay')" };
        var invariants = new Option<bool>("--check-invariants") { Description = "Check all invariants after every 100 L2 blocks (slower; always on in tests)" };
        var file = new Argument<FileInfo>("scenario") { Description = "A scenario file (YAML, docs/scenarios.md; scenarios/ ships named ones); none: the embedded default run", Arity = ArgumentArity.ZeroOrOne }.AcceptExistingOnly();
        var command = new Command("simulate", "Run the whole network (L1, L2, relay, oracle, block production) on the embedded default run, or on a scenario file, and print its tables. Exit 1 if an invariant breaks or a step goes otherwise than expected; 2 for a malformed scenario.")
            { file, seed, json, invariants, journal };
        command.SetAction(r => r.GetValue(file) is { } f
            ? RunFile(context.OutputFor(r), f.FullName, r.GetValue(journal))
            : Run(context.OutputFor(r), r.GetValue(seed), r.GetValue(json), r.GetValue(invariants), r.GetValue(journal)));
        return command;
    }

    public static int Run(CliOutput output, int seed = 1, FileInfo? json = null, bool checkInvariants = false, FileInfo? journalFile = null)
    {
        using var journal = journalFile is null ? null : Journal.Open(journalFile.FullName);
        if (journal is { Count: > 0 }) { output.Error.WriteLine($"morph simulate: {journalFile!.FullName} already holds {journal.Count} entries: a journal starts from genesis"); return 2; }
        DefaultScenario Start(IProgress<(string, ulong, ulong)>? progress)
        {
            var d = new DefaultScenario(seed, checkInvariants, progress);
            if (journal is not null)
            {
                journal.Append(d.Network.OptionsEntry());
                d.Network.Recorder = e => journal.Append(e);
            }
            return d;
        }
        DefaultScenario run;
        if (output.Rich)
        {
            DefaultScenario? done = null;
            output.Console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("L2 blocks", maxValue: DefaultScenario.Epochs * 600);
                done = Start(new Progress<(string, ulong Done, ulong Total)>(p => { task.MaxValue = p.Total; task.Value = p.Done; }));
                done.Run();
                task.Value = task.MaxValue;
            });
            run = done!;
        }
        else
        {
            run = Start(null);
            run.Run();
        }
        var report = SimulationReport.From(run);
        Print(output, run, report);
        if (json is not null) File.WriteAllText(json.FullName, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        return report.Broken.Count == 0 && run.UnexpectedRefusals == 0 ? 0 : 1;
    }

    /// <summary>A scenario file: its steps as they ran, then the verdict naming the step, its line, the rule and the
    /// expectation; a malformed file is one line naming the file, the line and what is wrong (exit 2).</summary>
    public static int RunFile(CliOutput output, string path, FileInfo? journalFile = null)
    {
        ScenarioFile file;
        try { file = ScenarioFile.Load(path); }
        catch (ScenarioException e) { output.Error.WriteLine($"morph simulate: {e.Message}"); return 2; }
        using var journal = journalFile is null ? null : Journal.Open(journalFile.FullName);
        if (journal is { Count: > 0 }) { output.Error.WriteLine($"morph simulate: {journalFile!.FullName} already holds {journal.Count} entries: a journal starts from genesis"); return 2; }
        var result = new ScenarioRunner(file).Run(recorder: journal is null ? null : e => journal.Append(e));
        output.Heading($"# Scenario {file.Name}: {file.Description}");
        output.Out.WriteLine();
        var steps = new ReportTable("L1 block", "L2 block", "step", "result");
        foreach (var s in result.Steps) steps.Row(s.L1Block, s.L2Block, s.What, s.Result);
        steps.Print(output, "Timeline:");
        new ReportTable("check", "result")
            .Row("expectations", result.Passed ? $"all {file.Steps.Count} steps as expected" : result.Failure)
            .Row("invariants", $"checked after every step ({result.InvariantChecks} checks)")
            .Row("actors' refusals (relay, oracle, submitter)", result.Network.ActorRefusals.Count == 0 ? "0" : $"{result.Network.ActorRefusals.Count}, the last: {result.Network.ActorRefusals[^1]}")
            .Row("L1 block / L2 block", $"{result.Network.L1.Block} / {result.Network.L2?.Height ?? 0}")
            .Row("state hash (both chains)", result.Network.StateHash())
            .Print(output, "Summary:");
        if (!result.Passed) output.Error.WriteLine($"morph simulate: {result.Failure}");
        return result.Passed ? 0 : 1;
    }

    private static void Print(CliOutput output, DefaultScenario run, SimulationReport r)
    {
        var n = run.Network;
        var p = n.Parameters;
        output.Heading("# Morph.Protocol simulation: the whole network");
        output.Out.WriteLine();
        new ReportTable("parameter", "value")
            .Row("seed", r.Seed).Row("stakers / X / delegators", $"{DefaultScenario.StakerCount} / {p.SequencerSetMaxSize} / {DefaultScenario.DelegatorCount}")
            .Row("epochs of L2 blocks", $"{DefaultScenario.Epochs} x {p.EpochLength}").Row("L2 blocks per L1 block", n.Options.L2BlocksPerL1Block)
            .Row("rewardSource", p.RewardSource).Row("stakingValue", Eth(p.StakingValue))
            .Print(output, "Parameters:");

        var steps = new ReportTable("L1 block", "L2 block", "step", "result");
        foreach (var s in run.Steps) steps.Row(s.L1Block, s.L2Block, s.What, s.Result);
        steps.Print(output, "Timeline:");

        var stakers = new ReportTable("staker", "L1 state", "L2 state", "delegation", "commission", "unclaimed commission", "debt", "L1 set", "L2 set");
        foreach (var s in r.Stakers)
            stakers.Row(s.Name, s.L1State, s.L2State, Morph(s.Delegation), $"{s.CommissionBp} bp", Morph(s.UnclaimedCommission), Morph(s.Debt), s.InL1Set ? "yes" : "", s.InL2Set ? "yes" : "");
        stakers.Print(output, "Stakers (the present L2 incarnation, else the last one):");

        var sets = new ReportTable("from L2 block", "consensus set (canonical order)");
        foreach (var c in r.SetHistory) sets.Row(c.From, c.Set);
        sets.Print(output, $"Sequencer-set history ({r.SetHistory.Count} sets; the set at the end of block h governs from h+2):");

        new ReportTable("rewards", "value")
            .Row("epochs closed", r.EpochsClosed).Row("reward of closed epochs (Σ R)", Morph(r.RewardsOfClosedEpochs))
            .Row("rewards claimed by delegators", Morph(r.RewardsPaid)).Row("commission claimed", Morph(r.CommissionPaid))
            .Row("held for delegators (liabilities and dust)", Morph(r.RewardsHeld)).Row("L2 treasury", Morph(r.L2Treasury))
            .Row("L1 treasury (slashes, lost deposits)", Eth(r.L1Treasury))
            .Print(output, "Rewards and claims:");

        new ReportTable("check", "result")
            .Row("invariants", r.Broken.Count == 0 ? $"hold ({r.InvariantChecks} checks)" : string.Join("; ", r.Broken))
            .Row("unexpected refusals", run.UnexpectedRefusals)
            .Row("actors' refusals (relay, oracle, submitter)", r.ActorRefusals)
            .Row("L1 block / L2 block", $"{r.L1Block} / {r.L2Block}")
            .Row("state hash (both chains)", r.StateHash)
            .Print(output, "Summary:");
    }

    private static readonly UInt256 Wei = 1_000_000_000_000_000_000UL;
    private static string Morph(string raw) => $"{Whole(UInt256.Parse(raw))} MORPH";
    private static string Eth(string raw) => $"{Whole(UInt256.Parse(raw))} ETH";
    private static string Eth(UInt256 v) => $"{Whole(v)} ETH";
    private static string Whole(UInt256 v) => v % Wei == UInt256.Zero ? $"{v / Wei}" : $"{v / Wei}.{(v % Wei).ToString().PadLeft(18, '0').TrimEnd('0')}";
}
