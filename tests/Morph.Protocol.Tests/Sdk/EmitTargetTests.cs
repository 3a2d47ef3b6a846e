extern alias generators;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGenerator = generators::Morph.Protocol.Generators.SpecGenerator;
using Morph.Protocol.Tests.Generators;
using static Morph.Protocol.Tests.Generators.GeneratorKit;

namespace Morph.Protocol.Tests.Sdk;

/// <summary>The seam: MorphSpecEmit = contracts puts the bindings (and their structs and catalog) in one assembly,
/// model puts the lifecycles, hosts, parameters, dispatchers and spec catalog in the other; unset gives both.</summary>
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

    private static ImmutableArray<GeneratedSourceResult> Sources(string? emit)
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new SpecGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText("spec/small.morph", SpecGeneratorTests.SmallSpec) }, GeneratorKit.ParseOptions, new Options(emit));
        var (ran, _, diagnostics) = Run(driver, Compilation(SpecGeneratorTests.Host));
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        return Result(ran).GeneratedSources;
    }

    private static string[] HintNames(string? emit) => Sources(emit).Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [TestMethod]
    public void Sdk_target_gets_one_service_per_contract_that_compiles_against_the_sdk()
    {
        CollectionAssert.AreEqual(new[] { "Services/BondsService.g.cs" }, HintNames("sdk"));
        var service = Sources("sdk").Single().SourceText.ToString();
        // A payable function takes a value; an overload keeps its `as` name; an indexed string filters by its hash.
        StringAssert.Contains(service, "public Task<MorphReceipt> PostAndWaitAsync(Pair @p, UInt256 value, TxOptions? options = null");
        StringAssert.Contains(service, "public async Task<Pair> GetAtAsync(UInt256 @index, BlockParameter? block = null");
        StringAssert.Contains(service, "GetPostedEventsAsync(Address? @who = null, Bytes32? @tag = null, ulong fromBlock = 0");

        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = tpa.Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.") || n is "netstandard.dll" || n.StartsWith("Nethereum.") || n.StartsWith("Newtonsoft.")))
            .Append(typeof(Morph.Protocol.Contracts.ContractInfo).Assembly.Location)
            .Append(typeof(Morph.Protocol.Sdk.ContractService).Assembly.Location)
            .Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var trees = Sources("contracts").Concat(Sources("sdk")).Where(s => s.HintName != "ContractCatalog.g.cs")
            .Select(s => CSharpSyntaxTree.ParseText(s.SourceText, GeneratorKit.ParseOptions, s.HintName));
        var compilation = CSharpCompilation.Create("Snap.Sdk", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = Errors(compilation);
        Assert.AreEqual(0, errors.Length, Show(errors));
    }

    [TestMethod]
    public void Contracts_target_gets_the_bindings_structs_and_contract_catalog_only() =>
        CollectionAssert.AreEqual(new[] { "ContractCatalog.g.cs", "Contracts/Bonds.g.cs", "Contracts/Structs/Pair.g.cs" }, HintNames("contracts"));

    [TestMethod]
    public void Model_target_gets_the_dispatchers_lifecycles_hosts_parameters_and_spec_catalog_only() =>
        CollectionAssert.AreEqual(new[] { "Bounds/Bonds.g.cs", "Dispatch/Bonds.Dispatch.g.cs", "Hosts/Snap.Hosts.BondHost.g.cs", "Lifecycles/Bond.Transitions.g.cs", "Lifecycles/Bond.g.cs", "ProtocolParameters.g.cs", "SpecCatalog.g.cs" }, HintNames("model"));

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("anything")]
    public void Unset_or_unknown_target_gets_everything_but_the_contract_catalog(string? emit) =>
        CollectionAssert.AreEqual(new[] { "Bounds/Bonds.g.cs", "Contracts/Bonds.g.cs", "Contracts/Structs/Pair.g.cs", "Dispatch/Bonds.Dispatch.g.cs", "Hosts/Snap.Hosts.BondHost.g.cs", "Lifecycles/Bond.Transitions.g.cs",
            "Lifecycles/Bond.g.cs", "ProtocolParameters.g.cs", "SpecCatalog.g.cs" }, HintNames(emit));

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
