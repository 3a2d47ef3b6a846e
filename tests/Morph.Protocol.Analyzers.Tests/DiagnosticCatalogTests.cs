using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Morph.Protocol.Analyzers.Tests;

/// <summary>Every MPA descriptor has its page (titled alike), its row in docs/diagnostics/README.md, a help link to the
/// page and its line in the release tracking; and every MPA page has a descriptor: they cannot drift.</summary>
[TestClass]
public sealed class DiagnosticCatalogTests
{
    private static string Root()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Morph.Protocol.sln"))) return d.FullName;
        throw new InvalidOperationException("Morph.Protocol.sln not found above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyList<DiagnosticDescriptor> Descriptors() =>
        typeof(LifecycleFlowAnalyzer).Assembly.GetType("Morph.Protocol.Analyzers.DiagnosticDescriptors")!
            .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToList();

    [TestMethod]
    public void Every_descriptor_has_a_page_a_row_a_link_and_a_release_line()
    {
        var root = Root();
        var docs = Path.Combine(root, "docs", "diagnostics");
        var index = File.ReadAllText(Path.Combine(docs, "README.md"));
        var unshipped = File.ReadAllText(Path.Combine(root, "src", "Morph.Protocol.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(root, "src", "Morph.Protocol.Analyzers", "AnalyzerReleases.Shipped.md"));
        var missing = new List<string>();
        var descriptors = Descriptors();
        Assert.IsTrue(descriptors.Count >= 13, "descriptors found by reflection: " + descriptors.Count);
        foreach (var d in descriptors)
        {
            var id = d.Id;
            var title = d.Title.ToString();
            var page = Path.Combine(docs, id + ".md");
            if (!File.Exists(page)) missing.Add(id + ": no page");
            else if (File.ReadLines(page).First() != $"# {id}: {title}") missing.Add($"{id}: the page's heading is not '# {id}: {title}'");
            var severity = d.DefaultSeverity.ToString().ToLowerInvariant();
            if (!index.Contains($"| [{id}]({id}.md) | {title} | {severity} | analyzer |", StringComparison.Ordinal)) missing.Add($"{id}: no index row '{title} | {severity}'");
            if (d.HelpLinkUri != $"https://github.com/morph-protocol/morph-protocol/blob/main/docs/diagnostics/{id}.md") missing.Add($"{id}: help link {d.HelpLinkUri}");
            if (!unshipped.Contains($"{id} | {d.Category} | {d.DefaultSeverity} |", StringComparison.Ordinal)) missing.Add($"{id}: not in AnalyzerReleases");
        }
        foreach (var page in Directory.GetFiles(docs, "MPA*.md"))
            if (!descriptors.Any(d => d.Id == Path.GetFileNameWithoutExtension(page))) missing.Add(Path.GetFileName(page) + ": no descriptor");
        Assert.AreEqual(0, missing.Count, string.Join("\n", missing));
    }
}
