using Morph.Protocol.Cli;

namespace Morph.Protocol.Tests.Cli;

/// <summary>The CLI verbs as a user runs them: output and exit codes. Output is captured as a pipe would be (not a
/// terminal), so tables are plain.</summary>
[TestClass]
public sealed class CliTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var (exit, output, _) = RunFull(args);
        return (exit, output);
    }

    internal static (int Exit, string Output, string Error) RunFull(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (MorphCli.Run(args, output, error), output.ToString(), error.ToString());
    }

    [TestMethod]
    public void The_scenario_runs_every_step_and_is_deterministic()
    {
        var (exit, output) = Run("scenario");
        Assert.AreEqual(0, exit, output);
        foreach (var expected in new[]
                 {
                     "refused WrongStakeAmount", "refused BadProofOfPossession", "refused BadTmSignature", "refused QuorumNotMet", "refused InvalidProof",
                     "refused ChallengeNotExpired", "Slashed, StakersRemoved", "refused BadBitmap", "refused BatchReverted",
                     "refused RemovalNotFinalized", "ChallengeRewardClaim", "refused AddressBanned",
                     // L2 (issue 16): delegations, the set change and its consensus delay, the released delegation
                     "refused ZeroAmount", "refused TransferToContractAccount", "refused NotPresent", "ReleasedClaimed",
                     "the set at the end of block 1 governs from block 3",
                     "| 3        | staker1, staker2, staker3, staker4, staker5, staker8, staker9 |",
                 })
            StringAssert.Contains(output, expected);
        string Cell(string text, string row) => text.Split('\n').Single(l => l.StartsWith("| " + row)).Split('|')[2].Trim();
        Assert.AreEqual("hold", Cell(output, "invariants 1, 3, 5, 7"));
        Assert.AreEqual("hold", Cell(output, "L2 invariants 2 (staking account), 4"));
        Assert.AreEqual("0", Cell(output, "unexpected refusals"));
        var again = Run("scenario", "l1").Output;
        Assert.AreEqual(Cell(output, "final state hash"), Cell(again, "final state hash"), "same inputs, same L1 state hash");
        Assert.AreEqual(Cell(output, "L2 state hash"), Cell(again, "L2 state hash"), "same inputs, same L2 state hash");
        // The L1 model's behaviour, pinned: a change here is a change of the model, not of the CLI.
        Assert.AreEqual("0x41cdd8fe2ea20d2463a4ee3e084dd4706fe6e39e804f8eb366b259ecdc9a9f1a", Cell(output, "final state hash"));
    }

    [TestMethod]
    public void Scenario_and_scenario_l1_print_the_same_report_and_no_arguments_is_simulate()
    {
        var (exit, output) = Run("scenario", "l1");
        Assert.AreEqual(0, exit, output);
        Assert.AreEqual(output, Run("scenario").Output);
        var main = Run();
        Assert.AreEqual(0, main.Exit, main.Output);
        Assert.AreEqual(Run("simulate").Output, main.Output, "the main job is simulate");
    }

    [TestMethod]
    public void Vectors_abi_prints_per_file_counts()
    {
        var (exit, output) = Run("vectors", "abi", Path.Combine(TestPaths.Vectors, "abi"));
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "codec.json: 100 passed, 0 failed");
        StringAssert.Contains(output, "keccak256.json: 8 passed, 0 failed");
        StringAssert.Contains(output, "morph-deployed.json: 388 passed, 0 failed");
    }

    [TestMethod]
    public void Vectors_exit_non_zero_on_a_failing_case()
    {
        var dir = Directory.CreateTempSubdirectory("morph-vectors-").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.Vectors, "abi", "keccak256.json"));
            // Break one expected hash: flip its last hex digit.
            var i = text.IndexOf("\"output\": \"0x", StringComparison.Ordinal) + 13 + 63;
            text = text[..i] + (text[i] == '0' ? '1' : '0') + text[(i + 1)..];
            File.WriteAllText(Path.Combine(dir, "keccak256.json"), text);
            var (exit, output) = Run("vectors", "abi", dir);
            Assert.AreEqual(1, exit, output);
            StringAssert.Contains(output, "keccak256.json: 7 passed, 1 failed");
        }
        finally { Directory.Delete(dir, true); }
    }

    [TestMethod]
    public void Vectors_bls_prints_per_file_counts()
    {
        var (exit, output) = Run("vectors", "bls", Path.Combine(TestPaths.Vectors, "bls"));
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "batch_signature.json: 11 passed, 0 failed");
        StringAssert.Contains(output, "total: 161 passed, 0 failed");
    }

    [TestMethod]
    [DataRow("morph: Unrecognized command or argument 'frobnicate'", "frobnicate")]
    [DataRow("morph vectors abi: Directory does not exist: '/no/such/dir'", "vectors", "abi", "/no/such/dir")]
    [DataRow("morph vectors: Required command was not provided", "vectors")]
    [DataRow("morph vectors: Unrecognized command or argument 'rlp'", "vectors", "rlp", ".")]
    [DataRow("morph check: Directory does not exist: '/no/such/dir'", "check", "/no/such/dir")]
    [DataRow("morph: --style: 'loud' is not one of auto, plain, rich", "--style", "loud")]
    [DataRow("morph scenario: --style: '1' is not one of auto, plain, rich", "scenario", "--style", "1")]
    [DataRow("morph chain logs: Option '--rpc' is required", "chain", "logs")]
    [DataRow("morph chain logs: --rpc: 'localhost' is not an absolute URL", "chain", "logs", "--rpc", "localhost")]
    [DataRow("morph chain logs: --timeout must be a positive number of seconds", "chain", "logs", "--rpc", "http://127.0.0.1:9", "--timeout", "0")]
    [DataRow("morph chain logs: --to 2 is before --from 5", "chain", "logs", "--rpc", "http://127.0.0.1:9", "--from", "5", "--to", "2")]
    [DataRow("morph chain logs: Cannot parse argument 'ten' for option '--from'", "chain", "logs", "--rpc", "http://127.0.0.1:9", "--from", "ten")]
    [DataRow("morph chain call: unknown contract 'Nope'; the spec has ", "chain", "call", "Nope", "f", "--rpc", "http://127.0.0.1:9")]
    [DataRow("morph chain send: Option '--key-file' is required", "chain", "send", "L1Staking", "withdraw", "--rpc", "http://127.0.0.1:9")]
    [DataRow("morph chain send: --value: 'lots' is not a uint256", "chain", "send", "L1Staking", "withdraw", "--rpc", "http://127.0.0.1:9", "--value", "lots")]
    // Found before any connection is tried: port 9 (discard) has no node, and the error is still the usage one.
    [DataRow("morph chain: L1Staking has no deployed function nope taking 0 argument(s)", "chain", "call", "L1Staking", "nope", "--rpc", "http://127.0.0.1:9")]
    [DataRow("morph chain: argument #1 (address): ", "chain", "call", "L1Staking", "getStakerBitmap", "0x12", "--rpc", "http://127.0.0.1:9")]
    public void Usage_errors_are_one_line_on_stderr_and_exit_2(string expected, params string[] args)
    {
        var (exit, output, error) = RunFull(args);
        Assert.AreEqual(2, exit, error);
        Assert.AreEqual("", output);
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.AreEqual(1, lines.Length, error);
        StringAssert.StartsWith(lines[0], expected);
        StringAssert.EndsWith(lines[0], "--help')");
    }

    [TestMethod]
    public void A_dead_node_is_one_line_and_exit_1()
    {
        var (exit, output, error) = RunFull("chain", "logs", "--rpc", "http://127.0.0.1:9", "--timeout", "5");
        Assert.AreEqual(1, exit, error);
        Assert.AreEqual("", output);
        Assert.AreEqual(1, error.TrimEnd('\n').Split('\n').Length, error);
        StringAssert.StartsWith(error, "morph chain: http://127.0.0.1:9: node unreachable");
    }

    [TestMethod]
    public void The_checked_in_diagrams_match_the_spec()
    {
        var dir = Directory.CreateTempSubdirectory("morph-diagrams-").FullName;
        try
        {
            Assert.AreEqual(0, Run("diagrams", dir).Exit);
            var docs = Path.Combine(TestPaths.Root, "docs", "diagrams");
            foreach (var f in Directory.GetFiles(dir))
            {
                var checkedIn = Path.Combine(docs, Path.GetFileName(f));
                Assert.IsTrue(File.Exists(checkedIn), $"{Path.GetFileName(f)} is not in docs/diagrams: run 'morph diagrams docs/diagrams'");
                Assert.AreEqual(File.ReadAllText(checkedIn), File.ReadAllText(f), $"docs/diagrams/{Path.GetFileName(f)} is stale: run 'morph diagrams docs/diagrams'");
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>The pages are drawn from the front end's model, not from the compiled machines: the machine built
    /// from the spec alone gives the very graph the generated machine gives, lifecycle by lifecycle.</summary>
    [TestMethod]
    public void The_diagram_machine_built_from_the_spec_is_the_generated_one()
    {
        var files = Directory.EnumerateFiles(TestPaths.Spec, "*.morph", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f)));
        var (model, _) = Morph.Protocol.Spec.SpecCompiler.Compile(files);
        foreach (var compiled in SpecCatalog.Lifecycles)
        {
            var fromSpec = DiagramsCommand.DescriptionMachine(model.Lifecycles.Single(l => l.Name == compiled.Name));
            Assert.AreEqual(Stateless.Graph.UmlDotGraph.Format(compiled.Describe()), Stateless.Graph.UmlDotGraph.Format(fromSpec.GetInfo()), compiled.Name);
        }
        Assert.AreEqual(SpecCatalog.Lifecycles.Count, model.Lifecycles.Count);
    }

    /// <summary>A consumer's spec (the packaging test's) gets the same pages from the same command.</summary>
    [TestMethod]
    public void A_consumers_spec_gets_the_same_pages()
    {
        var dir = Directory.CreateTempSubdirectory("morph-consumer-diagrams-").FullName;
        try
        {
            Assert.AreEqual(0, DiagramsCommand.Run(dir, Path.Combine(TestPaths.Root, "tests", "Morph.Protocol.Tests", "Packaging", "Consumer", "spec")));
            var bond = File.ReadAllText(Path.Combine(dir, "Bond.md"));
            StringAssert.Contains(bond, "Open --> Locked : Lock [Authorized]");
            StringAssert.Contains(bond, "| holdBlocks | lock (funds) | 3 | l1blocks | Lock | LockNotExpired |");
            StringAssert.Contains(bond, "| Release | Locked | Done | HoldBlocksElapsed | after holdBlocks | pays bond |");
            StringAssert.Contains(File.ReadAllText(Path.Combine(dir, "README.md")), "- [Leak](Leak.md)");
        }
        finally { Directory.Delete(dir, true); }
    }

    [TestMethod]
    public void Check_reports_the_real_spec_clean()
    {
        var (exit, output) = Run("check", TestPaths.Spec);
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "0 errors, 0 warnings");
    }

    [TestMethod]
    public void Diagrams_of_a_consumers_own_spec()
    {
        var outDir = Directory.CreateTempSubdirectory("morph-diagrams-").FullName;
        try
        {
            var spec = Path.Combine(TestPaths.Root, "tests", "Morph.Protocol.Tests", "Packaging", "Consumer", "spec");
            var (exit, _, error) = RunFull("diagrams", outDir, "--spec", spec);
            Assert.AreEqual(0, exit, error);
            var bond = File.ReadAllText(Path.Combine(outDir, "Bond.md"));
            StringAssert.Contains(bond, "holdBlocks");
            StringAssert.Contains(bond, "Locked --> Done : Release");
            Assert.IsFalse(File.Exists(Path.Combine(outDir, "L1Staker.md")), "the consumer's spec only");
            var (missing, _, why) = RunFull("diagrams", outDir, "--spec", Path.Combine(outDir, "nope"));
            Assert.AreEqual(2, missing);
            StringAssert.Contains(why, "nope");
        }
        finally { Directory.Delete(outDir, recursive: true); }
    }

    [TestMethod]
    public void Simulate_prints_the_tables_and_writes_the_report_with_raw_integers()
    {
        var json = Path.Combine(Path.GetTempPath(), $"morph-report-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output) = Run("simulate", "--json", json);
            Assert.AreEqual(0, exit, output);
            foreach (var table in new[] { "Timeline:", "Stakers (the present L2 incarnation", "Sequencer-set history", "Rewards and claims:", "Summary:" })
                StringAssert.Contains(output, table);
            StringAssert.Contains(output, " MORPH");
            StringAssert.Contains(output, " ETH");
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
            var root = doc.RootElement;
            Assert.AreEqual(0, root.GetProperty("Broken").GetArrayLength());
            Assert.IsTrue(root.GetProperty("SetHistory")[0].GetProperty("From").GetUInt64() == 1);
            var paid = root.GetProperty("RewardsPaid").GetString()!;
            Assert.IsTrue(paid.Length > 18 && paid.All(char.IsDigit), $"raw base units, not '{paid}'");
            StringAssert.Contains(output, root.GetProperty("StateHash").GetString()!);
        }
        finally { File.Delete(json); }
    }

    [TestMethod]
    public void Simulate_a_scenario_file_and_a_malformed_one()
    {
        var (exit, output, _) = RunFull("simulate", Path.Combine(TestPaths.Root, "scenarios", "delegation.yaml"));
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "all 18 steps as expected");
        var bad = Path.Combine(Path.GetTempPath(), $"morph-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(bad, "name: bad\nsteps:\n  - teleport: staker1\n");
        try
        {
            var (code, stdout, error) = RunFull("simulate", bad);
            Assert.AreEqual(2, code);
            Assert.AreEqual("", stdout);
            StringAssert.Contains(error, $"{bad}:3:5: unknown action 'teleport'");
        }
        finally { File.Delete(bad); }
    }

    [TestMethod]
    public void A_journal_from_simulate_replays_to_its_hash_and_a_cut_one_says_so()
    {
        var path = Path.Combine(Path.GetTempPath(), $"morph-{Guid.NewGuid():N}.mjrn");
        try
        {
            var (exit, output) = Run("simulate", "--journal", path);
            Assert.AreEqual(0, exit, output);
            string Hash(string text) => text.Split('\n').Single(l => l.StartsWith("| state hash")).Split('|')[2].Trim();
            var replay = RunFull("replay", path);
            Assert.AreEqual(0, replay.Exit, replay.Error);
            Assert.AreEqual(Hash(output), Hash(replay.Output), "the journal replays to the run's state hash");
            StringAssert.Contains(replay.Output, "clean after");
            Assert.AreEqual(2, RunFull("simulate", "--journal", path).Exit, "a journal starts from genesis: never appended to");

            using (var f = File.Open(path, FileMode.Open)) f.SetLength(f.Length - 5);
            var cut = RunFull("replay", path);
            Assert.AreEqual(0, cut.Exit);
            StringAssert.Contains(cut.Error, "bytes of an incomplete entry: replayed up to the last whole entry");
            Assert.AreNotEqual(Hash(output), Hash(cut.Output));
        }
        finally { File.Delete(path); }
    }
}
