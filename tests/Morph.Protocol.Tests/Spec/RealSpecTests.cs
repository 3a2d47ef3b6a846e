using Morph.Protocol.Spec;
using static Morph.Protocol.Tests.Spec.SpecTestKit;

namespace Morph.Protocol.Tests.Spec;

/// <summary>The repository's spec compiles cleanly and declares what the deployed contracts have.</summary>
[TestClass]
public sealed class RealSpecTests
{
    internal static IReadOnlyList<(string Path, string Text)> SpecFiles() =>
        Directory.GetFiles(TestPaths.Spec, "*" + SpecCompiler.Extension, SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(TestPaths.Root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();

    [TestMethod]
    public void The_spec_compiles_with_no_error_and_no_warning()
    {
        var files = SpecFiles();
        Assert.AreEqual(18, files.Count, "spec/*.morph and spec/contracts/*.morph");
        var (model, ds) = SpecCompiler.Compile(files);
        Assert.AreEqual(0, ds.Count, Show(ds));

        Assert.AreEqual(31, model.Parameters.Count, "PROTOCOL.md section 1");
        CollectionAssert.AreEquivalent(
            new[] { "L1Staker", "L2Staker", "Undelegation", "Redelegation", "Batch", "Challenge", "RollupMode", "Epoch", "L2Chain", "Delegation", "Commission" },
            model.Lifecycles.Select(l => l.Name).ToArray(), "the lifecycles of PROTOCOL.md 1b, and the accounts whose payouts section 7 names");
        Assert.AreEqual(12, model.Structs.Count, "the deployed structs and the oracle's three records");
    }

    /// <summary>Per implementation contract, the function and event counts of the "Summary counts" table of
    /// ../shared/reference/morph-deployed-abi.md (getters and inherited entries included; interfaces are not
    /// separate contracts in the spec). Deployed entries match exactly (301 functions and 87 events in all);
    /// the operations Morph lacks are declared as extensions on top.</summary>
    [TestMethod]
    [DataRow("L1Staking", 47, 14)]
    [DataRow("L2Staking", 42, 10)]
    [DataRow("Sequencer", 25, 3)]
    [DataRow("Record", 25, 5)]
    [DataRow("Distribute", 20, 4)]
    [DataRow("Gov", 20, 8)]
    [DataRow("MorphToken", 25, 6)]
    [DataRow("Rollup", 55, 17)]
    [DataRow("L1CrossDomainMessenger", 26, 11)]
    [DataRow("L2CrossDomainMessenger", 16, 9)]
    public void Each_contract_has_the_deployed_function_and_event_counts(string name, int functions, int events)
    {
        var (model, _) = SpecCompiler.Compile(SpecFiles());
        var c = model.Contracts.Single(c => c.Name == name);
        Assert.AreEqual(functions, c.Functions.Count(f => !f.IsExtension), "functions");
        Assert.AreEqual(events, c.Events.Count(e => !e.IsExtension), "events");
        Assert.AreEqual(c.Functions.Count, c.Functions.Select(f => f.Signature).Distinct().Count(), "distinct signatures");
    }

    [TestMethod]
    public void Totals_are_fourteen_contracts_310_functions_95_events()
    {
        // Ten staking contracts of Morph's deployed ABI, plus what the L1 deployment also emits: the message queue,
        // the ERC-1967 proxy, Whitelist and ProxyAdmin (9 functions, 8 events).
        var (model, _) = SpecCompiler.Compile(SpecFiles());
        Assert.AreEqual(14, model.Contracts.Count);
        Assert.AreEqual(310, model.Contracts.Sum(c => c.Functions.Count(f => !f.IsExtension)));
        Assert.AreEqual(95, model.Contracts.Sum(c => c.Events.Count(e => !e.IsExtension)));
        // Extensions are new names, never a deployed signature (the vectors must keep matching Morph's contracts).
        foreach (var c in model.Contracts)
            foreach (var f in c.Functions.Where(f => f.IsExtension))
                Assert.IsFalse(c.Functions.Any(g => !g.IsExtension && g.Name == f.Name), $"{c.Name}.{f.Name} shadows a deployed function");
    }

    [TestMethod]
    public void Binding_does_not_depend_on_file_order()
    {
        var files = SpecFiles();
        var (a, _) = SpecCompiler.Compile(files);
        var (b, _) = SpecCompiler.Compile(files.Reverse());
        Assert.AreEqual(a, b);
    }
}
