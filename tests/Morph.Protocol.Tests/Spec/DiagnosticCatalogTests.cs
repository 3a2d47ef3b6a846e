extern alias generators;

using Morph.Protocol.Spec.Diagnostics;

namespace Morph.Protocol.Tests.Spec;

/// <summary>Every spec diagnostic has its page, its row in the index and its descriptor title: the three cannot drift.</summary>
[TestClass]
public sealed class DiagnosticCatalogTests
{
    private static IEnumerable<string> Ids() => typeof(SpecDiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!);

    [TestMethod]
    public void Every_diagnostic_has_a_page_a_row_and_a_titled_descriptor()
    {
        var docs = Path.Combine(TestPaths.Root, "docs", "diagnostics");
        var index = File.ReadAllText(Path.Combine(docs, "README.md"));
        var table = typeof(generators::Morph.Protocol.Generators.SpecGenerator).Assembly
            .GetType("Morph.Protocol.Generators.Diagnostics.DiagnosticInfo")!
            .GetField("Titles", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null) as IReadOnlyDictionary<string, string>;
        Assert.IsNotNull(table);
        var missing = new List<string>();
        foreach (var id in Ids())
        {
            if (!File.Exists(Path.Combine(docs, id + ".md"))) missing.Add(id + ": no page");
            if (!index.Contains($"[{id}]({id}.md)", StringComparison.Ordinal)) missing.Add(id + ": not in the index");
            if (!table.TryGetValue(id, out var title)) missing.Add(id + ": no descriptor");
            else if (!index.Contains($"| {title} |", StringComparison.Ordinal)) missing.Add($"{id}: descriptor title '{title}' is not the index's");
        }
        Assert.AreEqual(0, missing.Count, string.Join("\n", missing));
    }
}
