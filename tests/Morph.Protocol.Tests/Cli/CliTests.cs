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
                     "refused RemovalNotFinalized", "ChallengeRewardClaim", "refused AddressBanned", "| invariants 1, 3, 5, 7  | hold",
                     "| unexpected refusals    | 0",
                 })
            StringAssert.Contains(output, expected);
        var hash = output.Split('\n').Single(l => l.Contains("final state hash"));
        Assert.AreEqual(hash, Run().Output.Split('\n').Single(l => l.Contains("final state hash")), "same inputs, same state hash");
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
}
