extern alias generators;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGenerator = generators::Morph.Protocol.Generators.SpecGenerator;
using static Morph.Protocol.Tests.Generators.GeneratorKit;

namespace Morph.Protocol.Tests.Generators;

/// <summary>The seam: MorphSpecEmit = contracts puts the bindings (and their structs and catalog) in one assembly,
/// model puts the lifecycles, hosts, parameters and spec catalog in the other; unset gives both.</summary>
[TestClass]
public sealed class EmitTargetTests
{
    private sealed class GlobalOptions(string? emit) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = emit ?? "";
            return key == SpecGenerator.EmitProperty && emit is not null;
        }
    }

    private sealed class Options(string? emit) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new GlobalOptions(emit);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new GlobalOptions(null);
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new GlobalOptions(null);
    }

    private static string[] HintNames(string? emit)
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new SpecGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText("spec/small.morph", SpecGeneratorTests.SmallSpec) }, GeneratorKit.ParseOptions, new Options(emit));
        var (ran, _, diagnostics) = Run(driver, Compilation(SpecGeneratorTests.Host));
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        return Result(ran).GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    [TestMethod]
    public void Contracts_target_gets_the_bindings_structs_and_contract_catalog_only() =>
        CollectionAssert.AreEqual(new[] { "ContractCatalog.g.cs", "Contracts/Bonds.g.cs", "Contracts/Structs/Pair.g.cs" }, HintNames("contracts"));

    [TestMethod]
    public void Model_target_gets_the_lifecycles_hosts_parameters_and_spec_catalog_only() =>
        CollectionAssert.AreEqual(new[] { "Hosts/Snap.Hosts.BondHost.g.cs", "Lifecycles/Bond.g.cs", "ProtocolParameters.g.cs", "SpecCatalog.g.cs" }, HintNames("model"));

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("anything")]
    public void Unset_or_unknown_target_gets_everything_but_the_contract_catalog(string? emit) =>
        CollectionAssert.AreEqual(new[] { "Contracts/Bonds.g.cs", "Contracts/Structs/Pair.g.cs", "Hosts/Snap.Hosts.BondHost.g.cs", "Lifecycles/Bond.g.cs",
            "ProtocolParameters.g.cs", "SpecCatalog.g.cs" }, HintNames(emit));

    [TestMethod]
    public void The_contracts_assembly_holds_no_model_types_and_needs_neither_Stateless_nor_BLS()
    {
        var asm = typeof(Morph.Protocol.Contracts.ContractInfo).Assembly;
        var refs = asm.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.IsFalse(refs.Any(r => r.StartsWith("Stateless", StringComparison.Ordinal)), string.Join(", ", refs));
        Assert.IsFalse(refs.Contains("Morph.Protocol.Model"), string.Join(", ", refs));
        Assert.IsNotNull(asm.GetType("Morph.Protocol.Contracts.L1StakingContract"));
        Assert.IsNull(asm.GetType("Morph.Protocol.Crypto.Bls.BlsSignatureScheme"));
        Assert.IsNull(asm.GetType("Morph.Protocol.SpecCatalog"));
    }
}
