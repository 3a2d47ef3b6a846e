using Morph.Protocol.Simulation;

namespace Morph.Protocol.Tests.Simulation;

/// <summary>Scenario files: every shipped one passes its own expectations with every invariant held after every step;
/// a mistake is reported at its line, whether the file is malformed or a step goes otherwise than it expects.</summary>
[TestClass]
public sealed class ScenarioFileTests
{
    public static IEnumerable<object[]> Shipped() =>
        Directory.GetFiles(Path.Combine(TestPaths.Root, "scenarios"), "*.yaml").Order().Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(Shipped))]
    public void A_shipped_scenario_passes_its_own_expectations(string name)
    {
        var result = ScenarioRunner.Run(Path.Combine(TestPaths.Root, "scenarios", name));
        Assert.IsTrue(result.Passed, result.Failure);
        Assert.AreEqual(result.File.Steps.Count, (int)result.InvariantChecks, "invariants after every step");
        Assert.IsTrue(result.Steps.Count >= result.File.Steps.Count);
    }

    private const string Valid = """
        name: small
        parameters:
          sequencerSetMaxSize: 2
        network:
          devnetStakers: 2
        steps:
          - whitelist: [staker1, staker2]
          - register: [staker1, staker2]
          - withdraw: staker1
        """;

    [TestMethod]
    public void An_unknown_action_is_reported_at_its_line_and_column()
    {
        var text = Valid.Replace("  - withdraw: staker1", "  - withdraw: staker1\n  - teleport: staker2");
        var e = Assert.ThrowsExactly<ScenarioException>(() => ScenarioFile.Parse("s.yaml", text));
        Assert.AreEqual(10, e.Line);
        StringAssert.StartsWith(e.Message, "s.yaml:10:5: unknown action 'teleport'");
    }

    [TestMethod]
    [DataRow("sequencerSetMaxSize: 2", "sequencerSetMaxSiz: 2", 3, "unknown parameter 'sequencerSetMaxSiz'")]
    [DataRow("sequencerSetMaxSize: 2", "sequencerSetMaxSize: two", 3, "parameter 'sequencerSetMaxSize': 'two' is not a Byte")]
    [DataRow("devnetStakers: 2", "devnetStakers: [2]", 5, "expected a single value here")]
    [DataRow("  - withdraw: staker1", "  - withdraw: staker1\n    expect: { refused: NoSuchRule }", 10, "unknown rule 'NoSuchRule'")]
    [DataRow("  - withdraw: staker1", "  - withdraw: staker1\n    unjail: staker1", 10, "one action per step")]
    public void A_malformed_scenario_names_the_line(string from, string to, int line, string message)
    {
        var e = Assert.ThrowsExactly<ScenarioException>(() => ScenarioFile.Parse("s.yaml", Valid.Replace(from, to)));
        Assert.AreEqual(line, e.Line, e.Message);
        StringAssert.Contains(e.Message, message);
    }

    [TestMethod]
    public void An_unexpected_outcome_names_the_step_its_line_the_rule_and_the_expectation()
    {
        // withdraw by the last Active staker but one passes; the expectation says it should be refused.
        var text = Valid.Replace("  - withdraw: staker1", "  - withdraw: staker1\n    expect: { refused: LastActiveStaker }\n  - withdraw: staker2");
        var result = new ScenarioRunner(ScenarioFile.Parse("s.yaml", text)).Run();
        Assert.AreEqual("s.yaml:9: step 3 (withdraw): expected refused LastActiveStaker, got ok", result.Failure);

        var second = new ScenarioRunner(ScenarioFile.Parse("s.yaml", Valid + "\n  - withdraw: staker2")).Run();
        StringAssert.StartsWith(second.Failure, "s.yaml:10: step 4 (withdraw): expected ok, got refused LastActiveStaker");

        var bare = new ScenarioRunner(ScenarioFile.Parse("s.yaml", Valid + "\n  - advance:")).Run();
        StringAssert.StartsWith(bare.Failure, "s.yaml:10: step 4 (advance): advance needs l2, l1, epochs or batches");
        var stranger = new ScenarioRunner(ScenarioFile.Parse("s.yaml", Valid.Replace("  - withdraw: staker1", "  - withdraw: mallory"))).Run();
        StringAssert.StartsWith(stranger.Failure, "s.yaml:9: step 3 (withdraw): unknown actor 'mallory'");
    }

    [TestMethod]
    public void A_scenarios_journal_replays_through_halt_slash_and_restart_to_the_same_hash()
    {
        var entries = new List<byte[]>();
        var result = new ScenarioRunner(ScenarioFile.Load(Path.Combine(TestPaths.Root, "scenarios", "halt.yaml"))).Run(recorder: entries.Add);
        Assert.IsTrue(result.Passed, result.Failure);
        var replayed = Network.Replay(entries, out var applied);
        Assert.AreEqual(entries.Count - 1, applied, "every entry but the options is a command");
        Assert.AreEqual(result.Network.StateHash(), replayed.StateHash());
        Assert.AreEqual(Morph.Protocol.L1.RollupModeState.Bls, replayed.L1.Rollup.State);
        Assert.IsFalse(replayed.L2!.IsHalted);
    }
}
