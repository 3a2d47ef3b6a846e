using Morph.Protocol.Cli;

namespace Morph.Protocol.Tests.Cli;

/// <summary>The CLI verbs as a user runs them: output and exit codes. Console is process-wide, so these run alone.</summary>
[TestClass]
[DoNotParallelize]
public sealed class CliTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var previous = Console.Out;
        var sw = new StringWriter();
        Console.SetOut(sw);
        try { return (Commands.Run(args), sw.ToString()); }
        finally { Console.SetOut(previous); }
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
        var again = Run().Output;
        Assert.AreEqual(Cell(output, "final state hash"), Cell(again, "final state hash"), "same inputs, same L1 state hash");
        Assert.AreEqual(Cell(output, "L2 state hash"), Cell(again, "L2 state hash"), "same inputs, same L2 state hash");
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
    public void Unknown_verbs_and_missing_directories_are_usage_errors()
    {
        Assert.AreEqual(2, Run("frobnicate").Exit);
        Assert.AreEqual(2, Run("vectors", "abi", "/no/such/dir").Exit);
        Assert.AreEqual(2, Run("check", "/no/such/dir").Exit);
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

    [TestMethod]
    public void Check_reports_the_real_spec_clean()
    {
        var (exit, output) = Run("check", TestPaths.Spec);
        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "0 errors, 0 warnings");
    }
}
