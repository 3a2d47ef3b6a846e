using Microsoft.CodeAnalysis;
using static Morph.Protocol.Tests.Generators.GeneratorKit;

namespace Morph.Protocol.Tests.Generators;

/// <summary>The spec analyzer reports the front end's diagnostics in the .morph files, with their severity and help
/// link; the generator, over the same spec, reports none of them.</summary>
[TestClass]
public sealed class SpecAnalyzerTests
{
    private const string Unlocked = """
        namespace Un;

        lifecycle Box {
          state A initial;
          state B terminal;
          guard Spare else NotOk;
          on Pay: A -> B pays stake;
        }
        """;

    [TestMethod]
    public void A_payout_without_its_lock_is_MPS106_at_the_payout_and_an_unused_guard_a_warning()
    {
        var spec = new InMemoryAdditionalText("spec/un.morph", Unlocked);
        var diagnostics = Analyze(Compilation(), spec);
        Assert.AreEqual("MPS109 Warning (5,8)-(5,13); MPS106 Error (6,5)-(6,8)",
            string.Join("; ", diagnostics.Select(d => $"{d.Id} {d.Severity} {Span(d)}")), Show(diagnostics));
        var d = diagnostics.Single(d => d.Id == "MPS106");
        Assert.AreEqual("spec/un.morph", d.Location.GetLineSpan().Path);
        Assert.AreEqual("https://github.com/morph-protocol/morph-protocol/blob/main/docs/diagnostics/MPS106.md", d.Descriptor.HelpLinkUri);
        Assert.AreEqual("A payout reachable without its lock", d.Descriptor.Title.ToString());

        var (_, _, generatorDiagnostics) = Run(Driver(spec), Compilation());
        Assert.AreEqual(0, generatorDiagnostics.Length, Show(generatorDiagnostics));
    }

    [TestMethod]
    public void Diagnostics_land_in_their_own_file_of_a_multi_file_spec()
    {
        var good = new InMemoryAdditionalText("spec/good.morph", "namespace G;\nlifecycle Ok {\n  state A initial;\n  state B terminal;\n  on Go: A -> B;\n}\n");
        var bad = new InMemoryAdditionalText("spec/bad.morph", "namespace G;\nlifecycle No {\n  state A initial;\n  state B terminal;\n  on Go: A -> C;\n}\n");
        var diagnostics = Analyze(Compilation(), good, bad);
        CollectionAssert.AreEqual(new[] { "spec/bad.morph(4,9): warning MPS110", "spec/bad.morph(5,15): error MPS102" },
            diagnostics.Select(d => d.ToString().Split(':')[0] + ":" + d.ToString().Split(':')[1]).ToArray(), Show(diagnostics));
    }

    private static string Span(Diagnostic d)
    {
        var s = d.Location.GetLineSpan();
        return $"({s.StartLinePosition.Line},{s.StartLinePosition.Character})-({s.EndLinePosition.Line},{s.EndLinePosition.Character})";
    }
}
