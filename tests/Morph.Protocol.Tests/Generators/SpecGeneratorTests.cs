extern alias generators;

using Microsoft.CodeAnalysis;
using GenModel = generators::Morph.Protocol.Spec.Model;
using SpecGenerator = generators::Morph.Protocol.Generators.SpecGenerator;
using static Morph.Protocol.Tests.Generators.GeneratorKit;

namespace Morph.Protocol.Tests.Generators;

[TestClass]
public sealed class SpecGeneratorTests
{
    // One of each: parameters, a lifecycle with a guard, a lock and a slash, a struct, a contract with a function,
    // an overload named with 'as', an event with an indexed string, errors (every rule of the lifecycle, MPS207), a function
    // that runs an operation and one refused with a rule (the dispatcher).
    internal const string SmallSpec = """
        // A small spec for the generator's snapshots.
        namespace Snap.Small;

        parameters {
          lockBlocks: uint64 = 10 l1blocks "blocks before a release";
          bond: uint256 = 2 ether "the bond";
          mode: enum { Fast, Safe } = Safe "how";
          maxBonds: uint32 = 3 "bonds per owner";
        }

        bound Bonds(owner: address) at most maxBonds else TooManyPendingEntries "open or locked bonds per owner";

        lifecycle Bond "A bond." {
          key (id: uint64, owner: address) "one bond";
          create Post -> Open "posting makes a bond";
          counts toward Bonds while Open, Locked;
          state Open initial "posted";
          state Locked "held";
          state Slashed "taken";
          state Done terminal;

          trigger Lock(amount: uint256, by: address) "what the locker brings";
          lock lockBlocks on l1 from Lock "the bond stays locked lockBlocks L1 blocks";
          guard Authorized "the owner signed" else NotOwner;
          guard Enough(amount: uint256) "at least the bond" else WrongStakeAmount;

          on Lock: Open -> Locked when Authorized, Enough "locks it";
          on Release: Locked -> Done after lock lockBlocks pays bond "paid back";
          on Slash: Open | Locked -> Slashed slash;
          on Close: Slashed -> Done;
        }

        struct Pair { address who; uint256 amount; }

        contract Bonds "A contract." {
          function post(Pair p) payable -> Bond.Lock runs Post "posts a bond";
          function burn() refused NotOwner "only the protocol burns";
          function get(address who) view returns (uint256 amount) -> query;
          function get(uint256 index) view returns (Pair) as getAt -> query;
          function bounds() view returns (uint64 low, uint64) -> query;
          event Posted(address indexed who, string indexed tag, uint256 amount) on Bond.Lock;
          error TooLate(uint64 deadline, address);
          extension error NotOwner() "the protocol's own";
          extension error WrongStakeAmount();
          extension error LockNotExpired();
          extension error TooManyPendingEntries();
        }
        """;

    internal const string Host = """
        using Morph.Protocol.Lifecycles;
        using Morph.Protocol.Primitives;
        using Snap.Small;

        namespace Snap.Hosts;

        [Lifecycle("Bond")]
        public partial class BondHost
        {
            public bool Signed { get; set; } = true;
            public ulong Now { get; set; }

            private partial bool Authorized() => Signed;
            private partial ulong ClockNow(LifecycleClock clock) => Now;
            private partial Morph.Protocol.ProtocolParameters LockParameters() => new();
            private partial bool Enough(UInt256 amount) => amount >= 2;

            public bool TryLock(ulong amount = 2)
            {
                if (!CanFireLock(amount, Address.Zero, out _)) return false;
                FireLock(amount, Address.Zero);
                return State == BondState.Locked;
            }

            /// <summary>The rule a refused trigger names, through the generated guard enum (null: allowed).</summary>
            public string? RefusalOf(BondTrigger trigger, ulong amount = 2) =>
                (trigger == BondTrigger.Lock ? CanFireLock(amount, Address.Zero, out var failed) : CanFire(trigger, out failed))
                    ? null : failed is { } g ? BondLifecycle.RuleNameOf(g) : "state";
        }
        """;

    private static readonly string[] SmallHintNames =
    {
        "Bounds/Bonds.g.cs", "Contracts/Bonds.g.cs", "Contracts/Structs/Pair.g.cs", "Dispatch/Bonds.Dispatch.g.cs", "Hosts/Snap.Hosts.BondHost.g.cs", "Lifecycles/Bond.Transitions.g.cs",
        "Lifecycles/Bond.g.cs", "ProtocolParameters.g.cs", "SpecCatalog.g.cs",
    };

    [TestMethod]
    public void Small_spec_generates_the_snapshot_sources()
    {
        var (driver, _, diagnostics) = Run(Driver(ProtocolRuleType, new InMemoryAdditionalText("spec/small.morph", SmallSpec)), Compilation(Host));
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        var sources = Result(driver).GeneratedSources;
        CollectionAssert.AreEqual(SmallHintNames, sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToArray());
        foreach (var s in sources) Snapshot.Match(s.HintName, s.SourceText.ToString());
        if (!Snapshot.Updating)
        {
            // No stale snapshot: every file of the folder is one of these outputs.
            var files = Directory.GetFiles(Snapshot.Directory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            CollectionAssert.AreEqual(SmallHintNames.Select(Snapshot.FileName).OrderBy(n => n, StringComparer.Ordinal).ToArray(), files);
        }
    }

    [TestMethod]
    public void Generated_code_compiles_with_a_host_that_implements_every_guard()
    {
        var (_, output, diagnostics) = Run(Driver(new InMemoryAdditionalText("spec/small.morph", SmallSpec)), Compilation(Host));
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        var errors = Errors(output);
        Assert.AreEqual(0, errors.Length, Show(errors));
        // The host and the model are really there: the generated members are what the host code used.
        var host = output.GetTypeByMetadataName("Snap.Hosts.BondHost")!;
        CollectionAssert.IsSubsetOf(new[] { "State", "Lifecycle", "CanFire", "Fire", "Authorized", "LockBlocksElapsed" },
            host.GetMembers().Select(m => m.Name).Distinct().ToArray());
        Assert.IsNotNull(output.GetTypeByMetadataName("Snap.Small.BondsContract+GetAtCall"), "the overload named with 'as'");
        Assert.IsNotNull(output.GetTypeByMetadataName("Morph.Protocol.Contracts.Pair"));
    }

    /// <summary>Each operation of the dispatch interface carries [ContractOperation] for MPA012: its triggers, and the
    /// events declared on any of them (each once, in declaration order); a function that fires nothing has neither.</summary>
    [TestMethod]
    public void Dispatch_interface_members_carry_ContractOperation()
    {
        var spec = SmallSpec
            .Replace("  function burn()", "  function settle() -> Bond.Release, Bond.Close runs Settle;\n  function note(uint256 n) runs Note;\n  function burn()")
            .Replace("  error TooLate", "  event Closed() on Bond.Close, Bond.Slash;\n  event Paid(uint256 amount) on Bond.Release, Bond.Close;\n  event Noted(uint256 n);\n  error TooLate");
        Assert.AreNotEqual(SmallSpec, spec);
        var (driver, output, diagnostics) = Run(Driver(ProtocolRuleType, new InMemoryAdditionalText("spec/small.morph", spec)), Compilation(Host));
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        var errors = Errors(output);
        Assert.AreEqual(0, errors.Length, Show(errors));
        var source = Result(driver).GeneratedSources.Single(s => s.HintName == "Dispatch/Bonds.Dispatch.g.cs").SourceText.ToString();
        StringAssert.Contains(source, """
                    [global::Morph.Protocol.Lifecycles.ContractOperation("Bonds", "settle()", Fires = new string[] { "Bond.Release", "Bond.Close" }, Emits = new string[] { "Closed", "Paid" })]
                    TResult Settle(
            """.Replace("\r\n", "\n"));
        StringAssert.Contains(source, """
                    [global::Morph.Protocol.Lifecycles.ContractOperation("Bonds", "note(uint256)")]
                    TResult Note(
            """.Replace("\r\n", "\n"));
        // What the analyzer reads: the attribute binds, with its named arguments.
        var settle = output.GetTypeByMetadataName("Snap.Small.IBondsOperations`1")!.GetMembers("Settle").Single();
        var a = settle.GetAttributes().Single(x => x.AttributeClass?.Name == "ContractOperationAttribute");
        CollectionAssert.AreEqual(new object?[] { "Bonds", "settle()" }, a.ConstructorArguments.Select(c => c.Value).ToArray());
        CollectionAssert.AreEqual(new object?[] { "Closed", "Paid" }, a.NamedArguments.Single(n => n.Key == "Emits").Value.Values.Select(v => v.Value).ToArray());
    }

    [TestMethod]
    [DataRow("bool Authorized()")]
    [DataRow("ulong ClockNow(LifecycleClock clock)")]
    public void A_missing_guard_implementation_is_CS8795_naming_it(string member)
    {
        var host = string.Join("\n", Host.Split('\n').Where(l => !l.Contains($"partial {member}", StringComparison.Ordinal)));
        var guard = member.Split(' ')[1].Split('(')[0] + "(" + (member.Contains("clock") ? "LifecycleClock" : "") + ")";
        Assert.AreNotEqual(Host, host);
        var (_, output, diagnostics) = Run(Driver(new InMemoryAdditionalText("spec/small.morph", SmallSpec)), Compilation(host));
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        var errors = Errors(output);
        Assert.AreEqual(1, errors.Length, Show(errors));
        Assert.AreEqual("CS8795", errors[0].Id);
        StringAssert.Contains(errors[0].GetMessage(), $"BondHost.{guard}");
        StringAssert.EndsWith(errors[0].Location.SourceTree!.FilePath, "Hosts/Snap.Hosts.BondHost.g.cs");
    }

    [TestMethod]
    public void A_host_naming_an_unknown_lifecycle_is_MPG001_at_the_attribute()
    {
        var host = "namespace H;\n\n[Morph.Protocol.Lifecycles.Lifecycle(\"Nope\")]\npublic partial class Lost { }\n";
        var (driver, _, diagnostics) = Run(Driver(new InMemoryAdditionalText("spec/small.morph", SmallSpec)), Compilation(host));
        var d = diagnostics.Single();
        Assert.AreEqual("MPG001", d.Id);
        Assert.AreEqual(DiagnosticSeverity.Error, d.Severity);
        StringAssert.Contains(d.GetMessage(), "[Lifecycle(\"Nope\")] on 'Lost' names no lifecycle");
        var span = d.Location.GetLineSpan();
        Assert.AreEqual("Host0.cs", span.Path);
        Assert.AreEqual(2, span.StartLinePosition.Line, "0-based line of the attribute");
        Assert.AreEqual(1, span.StartLinePosition.Character, "after the '['");
        Assert.AreEqual("Morph.Protocol.Lifecycles.Lifecycle(\"Nope\")", host.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.IsFalse(Result(driver).GeneratedSources.Any(s => s.HintName.StartsWith("Hosts/", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_nested_host_is_emitted_inside_its_containers()
    {
        var host = SpecGeneratorTests.Host.Replace("namespace Snap.Hosts;", "namespace Snap.Hosts;\npublic partial record Outer\n{")
            .Replace("[Lifecycle(\"Bond\")]\npublic partial class BondHost", "[Lifecycle(\"Bond\")]\npublic partial class BondHost") + "\n}\n";
        Assert.AreNotEqual(SpecGeneratorTests.Host + "\n}\n", host);
        var (driver, output, diagnostics) = Run(Driver(new InMemoryAdditionalText("spec/small.morph", SmallSpec)), Compilation(host));
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        var errors = Errors(output);
        Assert.AreEqual(0, errors.Length, Show(errors));
        var source = Result(driver).GeneratedSources.Single(s => s.HintName == "Hosts/Snap.Hosts.Outer.BondHost.g.cs").SourceText.ToString();
        StringAssert.Contains(source, "partial record Outer");
        Assert.IsNotNull(output.GetTypeByMetadataName("Snap.Hosts.Outer+BondHost")!.GetMembers("CanFireLock").SingleOrDefault());
    }

    /// <summary>A consumer's spec files without a 'namespace' line land in the build's root namespace (MorphNamespace),
    /// and so do its parameters, which the generated lock guards read.</summary>
    [TestMethod]
    public void The_root_namespace_is_a_build_property()
    {
        const string spec = "parameters { p: uint64 = 5 l1blocks; }\nlifecycle Box {\n  state A initial;\n  state B;\n  state C terminal;\n" +
                            "  lock p on l1 from Go;\n  on Go: A -> B;\n  on Pay: B -> C after lock p pays it;\n}\n";
        const string host = "namespace H;\n[Morph.Protocol.Lifecycles.Lifecycle(\"Box\")]\npublic partial class BoxHost\n{\n" +
                            "    private partial ulong ClockNow(Morph.Protocol.Lifecycles.LifecycleClock clock) => 0;\n" +
                            "    private partial Snap.Root.ProtocolParameters LockParameters() => new();\n}\n";
        var (driver, output, diagnostics) = Run(DriverWith(new Dictionary<string, string> { ["MorphNamespace"] = "Snap.Root" },
            new InMemoryAdditionalText("spec/box.morph", spec)), Compilation(host));
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        var errors = Errors(output);
        Assert.AreEqual(0, errors.Length, Show(errors));
        Assert.IsNotNull(output.GetTypeByMetadataName("Snap.Root.BoxLifecycle"));
        Assert.IsNotNull(output.GetTypeByMetadataName("Snap.Root.ProtocolParameters"));
        Assert.IsNull(output.GetTypeByMetadataName("Morph.Protocol.BoxLifecycle"));
    }

    [TestMethod]
    public void A_generic_host_is_MPG002_at_the_attribute()
    {
        var host = "namespace H;\n\n[Morph.Protocol.Lifecycles.Lifecycle(\"Bond\")]\npublic partial class Box<T> { }\n";
        var (driver, _, diagnostics) = Run(Driver(new InMemoryAdditionalText("spec/small.morph", SmallSpec)), Compilation(host));
        var d = diagnostics.Single();
        Assert.AreEqual("MPG002", d.Id);
        StringAssert.Contains(d.GetMessage(), "[Lifecycle] on 'Box': a host cannot be generic");
        var span = d.Location.GetLineSpan();
        Assert.AreEqual(((2, 1), (2, 44)), ((span.StartLinePosition.Line, span.StartLinePosition.Character), (span.EndLinePosition.Line, span.EndLinePosition.Character)),
            "the attribute, start to end");
        Assert.IsFalse(Result(driver).GeneratedSources.Any(s => s.HintName.StartsWith("Hosts/", StringComparison.Ordinal)));
    }

    // ---- errors ----

    private const string Broken = """
        namespace Mixed;

        lifecycle Good {
          state A initial;
          state B terminal;
          guard Ok else NotOk;
          on Go: A -> B when Ok;
        }

        lifecycle Bad {
          state A initial;
          on Go: A -> Nowhere;
        }

        contract GoodC {
          function f(uint256 x) -> Good.Go;
        }

        contract BadC {
          function g(uint7 x);
        }
        """;

    [TestMethod]
    public void Spec_errors_are_reported_by_the_analyzer_in_the_morph_file_and_only_good_declarations_are_generated()
    {
        var host = "using Mixed;\nnamespace H;\n[Morph.Protocol.Lifecycles.Lifecycle(\"Good\")]\npublic partial class GoodHost { private partial bool Ok() => true; }\n";
        var spec = new InMemoryAdditionalText("spec/mixed.morph", Broken);
        var (driver, output, generatorDiagnostics) = Run(Driver(spec), Compilation(host));
        Assert.AreEqual(0, generatorDiagnostics.Length, "the generator skips broken declarations silently: " + Show(generatorDiagnostics));

        var diagnostics = Analyze(Compilation(host), spec);
        Assert.AreEqual(2, diagnostics.Length, Show(diagnostics));
        var unknownState = diagnostics.Single(d => d.Id == "MPS102");
        var lineSpan = unknownState.Location.GetLineSpan();
        Assert.AreEqual("spec/mixed.morph", lineSpan.Path);
        Assert.AreEqual((11, 14), (lineSpan.StartLinePosition.Line, lineSpan.StartLinePosition.Character), "0-based: line 12, column 15");
        Assert.AreEqual((11, 21), (lineSpan.EndLinePosition.Line, lineSpan.EndLinePosition.Character), "the span ends after 'Nowhere'");
        Assert.AreEqual("Unknown state", unknownState.Descriptor.Title.ToString(), "one descriptor per ID, titled as the docs");
        Assert.AreEqual(DiagnosticSeverity.Error, unknownState.Severity);
        StringAssert.Contains(unknownState.GetMessage(), "unknown state 'Nowhere'");
        Assert.AreEqual("Nowhere", Broken.Substring(unknownState.Location.SourceSpan.Start, unknownState.Location.SourceSpan.Length));
        var unknownType = diagnostics.Single(d => d.Id == "MPS201");
        Assert.AreEqual((19, 13), (unknownType.Location.GetLineSpan().StartLinePosition.Line, unknownType.Location.GetLineSpan().StartLinePosition.Character));
        Assert.AreEqual("uint7", Broken.Substring(unknownType.Location.SourceSpan.Start, unknownType.Location.SourceSpan.Length));
        StringAssert.EndsWith(unknownType.Descriptor.HelpLinkUri, "/MPS201.md");

        var hints = Result(driver).GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { "Contracts/GoodC.g.cs", "Hosts/H.GoodHost.g.cs", "Lifecycles/Good.Transitions.g.cs", "Lifecycles/Good.g.cs", "SpecCatalog.g.cs" }, hints);
        var errors = Errors(output);
        Assert.AreEqual(0, errors.Length, Show(errors));
        var catalog = Result(driver).GeneratedSources.Single(s => s.HintName == "SpecCatalog.g.cs").SourceText.ToString();
        Assert.IsFalse(catalog.Contains("Bad", StringComparison.Ordinal), catalog);
    }

    [TestMethod]
    public void A_host_of_a_broken_lifecycle_is_MPG001()
    {
        var host = "namespace H;\n[Morph.Protocol.Lifecycles.Lifecycle(\"Bad\")]\npublic partial class BadHost { }\n";
        var spec = new InMemoryAdditionalText("spec/mixed.morph", Broken);
        var (_, output, diagnostics) = Run(Driver(spec), Compilation(host));
        Assert.AreEqual("MPG001", diagnostics.Single().Id, "the generator reports only what concerns emission");
        CollectionAssert.AreEqual(new[] { "MPS102", "MPS201" }, Analyze(Compilation(host), spec).Select(d => d.Id).ToArray());
        Assert.AreEqual(0, Errors(output).Length, Show(Errors(output)));
    }

    // ---- caching ----

    private const string TwoLifecycles = """
        namespace Two;

        lifecycle A {
          state X initial "x of A";
          state Y terminal;
          guard G else NotG;
          on Go: X -> Y when G;
        }

        // A comment above B.
        lifecycle B {
          state X initial "x of B";
          state Y terminal;
          guard H else NotH;
          on Go: X -> Y when H;
        }
        """;

    private const string OneContract = """
        namespace Two;
        contract C "c" {
          function f(uint256 x) -> A.Go;
          event E(address indexed who);
        }
        parameters { p: uint64 = 5; }
        struct S { uint8 v; }
        """;

    private const string TwoHosts = """
        using Two;
        namespace H;
        [Morph.Protocol.Lifecycles.Lifecycle("A")] public partial class HostA { private partial bool G() => true; }
        [Morph.Protocol.Lifecycles.Lifecycle("B")] public partial class HostB { private partial bool H() => true; }
        """;

    private static readonly string[] CachedSteps =
    {
        SpecGenerator.Steps.Lifecycles, SpecGenerator.Steps.Contracts, SpecGenerator.Steps.Structs, SpecGenerator.Steps.Parameters,
        SpecGenerator.Steps.Catalog, SpecGenerator.Steps.HostPairs,
    };

    private static (GeneratorDriver Driver, Compilation Compilation, InMemoryAdditionalText Lifecycles, InMemoryAdditionalText Contract) FirstRun()
    {
        var lifecycles = new InMemoryAdditionalText("spec/two.morph", TwoLifecycles);
        var contract = new InMemoryAdditionalText("spec/c.morph", OneContract);
        var compilation = Compilation(TwoHosts);
        var (driver, output, diagnostics) = Run(Driver(lifecycles, contract), compilation);
        Assert.AreEqual(0, diagnostics.Length, Show(diagnostics));
        Assert.AreEqual(0, Errors(output).Length, Show(Errors(output)));
        return (driver, compilation, lifecycles, contract);
    }

    private static string LifecycleName(object value) => value switch
    {
        GenModel.LifecycleModel l => l.Name,
        System.Runtime.CompilerServices.ITuple t when t[1] is GenModel.LifecycleModel l => l.Name, // (Host, Lifecycle)
        _ => throw new AssertFailedException("unexpected step output " + value),
    };

    private static Dictionary<string, IncrementalStepRunReason> ByLifecycle(GeneratorDriver driver, string step) =>
        Outputs(driver, step).ToDictionary(o => LifecycleName(o.Value), o => o.Reason);

    private static void AssertAllReused(GeneratorDriver driver, params string[] steps)
    {
        foreach (var step in steps)
        {
            var outputs = Outputs(driver, step);
            Assert.IsTrue(outputs.Count > 0, step + " has outputs");
            foreach (var (value, reason) in outputs) Assert.IsTrue(IsReused(reason), $"{step}: {reason} for {value}");
        }
    }

    [TestMethod]
    public void A_second_run_with_the_same_inputs_reuses_every_step()
    {
        var (driver, compilation, _, _) = FirstRun();
        (driver, _, _) = Run(driver, compilation);
        AssertAllReused(driver, CachedSteps);
        foreach (var (_, reason) in Result(driver).TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
            Assert.AreEqual(IncrementalStepRunReason.Cached, reason, "source outputs");

        // A new compilation with an unrelated file: the hosts are found again but equal, so nothing is regenerated.
        (driver, _, _) = Run(driver, compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorKit.ParseOptions)));
        AssertAllReused(driver, CachedSteps);
    }

    [TestMethod]
    public void Editing_one_lifecycle_regenerates_it_alone()
    {
        var (driver, compilation, lifecycles, _) = FirstRun();
        var edited = new InMemoryAdditionalText(lifecycles.Path, lifecycles.Text.Replace("\"x of A\"", "\"x of A, edited\""));
        (driver, _, _) = Run(driver.ReplaceAdditionalText(lifecycles, edited), compilation);

        var steps = ByLifecycle(driver, SpecGenerator.Steps.Lifecycles);
        Assert.AreEqual(IncrementalStepRunReason.Modified, steps["A"]);
        Assert.IsTrue(IsReused(steps["B"]), "B: " + steps["B"]);
        var pairs = ByLifecycle(driver, SpecGenerator.Steps.HostPairs);
        Assert.AreEqual(IncrementalStepRunReason.Modified, pairs["A"]);
        Assert.IsTrue(IsReused(pairs["B"]), "host B: " + pairs["B"]);
        AssertAllReused(driver, SpecGenerator.Steps.Contracts, SpecGenerator.Steps.Structs, SpecGenerator.Steps.Parameters, SpecGenerator.Steps.Catalog);
        StringAssert.Contains(Result(driver).GeneratedSources.Single(s => s.HintName == "Lifecycles/A.g.cs").SourceText.ToString(), "x of A, edited");
    }

    [TestMethod]
    public void Editing_a_comment_above_a_lifecycle_regenerates_nothing()
    {
        var (driver, compilation, lifecycles, _) = FirstRun();
        // Lines move: every span after the edit changes, the models (which carry no spans) do not.
        var edited = new InMemoryAdditionalText(lifecycles.Path, lifecycles.Text.Replace("// A comment above B.", "// A longer comment\n// above B, over two lines."));
        (driver, _, _) = Run(driver.ReplaceAdditionalText(lifecycles, edited), compilation);
        Assert.AreEqual(IncrementalStepRunReason.Modified, Outputs(driver, SpecGenerator.Steps.Parse).Single(o => o.Value.ToString()!.Contains("two.morph")).Reason,
            "the parse itself does change (spans)");
        AssertAllReused(driver, CachedSteps);
    }

    [TestMethod]
    public void Editing_the_contract_leaves_the_lifecycles_alone()
    {
        var (driver, compilation, _, contract) = FirstRun();
        var edited = new InMemoryAdditionalText(contract.Path, contract.Text.Replace("contract C \"c\"", "contract C \"c, edited\""));
        (driver, _, _) = Run(driver.ReplaceAdditionalText(contract, edited), compilation);
        Assert.AreEqual(IncrementalStepRunReason.Modified, Outputs(driver, SpecGenerator.Steps.Contracts).Single().Reason);
        AssertAllReused(driver, SpecGenerator.Steps.Lifecycles, SpecGenerator.Steps.HostPairs, SpecGenerator.Steps.Structs, SpecGenerator.Steps.Parameters,
            SpecGenerator.Steps.Catalog);
    }
}
