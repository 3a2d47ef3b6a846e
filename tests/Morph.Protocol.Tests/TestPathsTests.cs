namespace Morph.Protocol.Tests;

/// <summary>How the tests find the shared vectors: MORPH_VECTORS, else shared/vectors above the repository, else one
/// line that names MORPH_VECTORS and every folder searched (no hard-coded fallback).</summary>
[TestClass]
public sealed class TestPathsTests
{
    private static string TempTree()
    {
        var top = Path.Combine(Path.GetTempPath(), "morph-testpaths-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(top, "ci", "repo"));
        return top;
    }

    [TestMethod]
    public void The_first_shared_vectors_above_the_repository_is_found()
    {
        var top = TempTree();
        try
        {
            var vectors = Path.Combine(top, "shared", "vectors");
            Directory.CreateDirectory(vectors);
            Assert.AreEqual(vectors, TestPaths.FindVectors(Path.Combine(top, "ci", "repo"), null));
            Assert.AreEqual(vectors, TestPaths.FindVectors(Path.Combine(top, "ci", "repo"), ""));
        }
        finally { Directory.Delete(top, recursive: true); }
    }

    [TestMethod]
    public void MORPH_VECTORS_overrides_the_search()
    {
        var top = TempTree();
        try
        {
            Directory.CreateDirectory(Path.Combine(top, "shared", "vectors"));
            var elsewhere = Directory.CreateDirectory(Path.Combine(top, "elsewhere")).FullName;
            Assert.AreEqual(elsewhere, TestPaths.FindVectors(Path.Combine(top, "ci", "repo"), elsewhere));
            var missing = Path.Combine(top, "missing");
            var e = Assert.ThrowsExactly<DirectoryNotFoundException>(() => TestPaths.FindVectors(Path.Combine(top, "ci", "repo"), missing));
            StringAssert.Contains(e.Message, "MORPH_VECTORS");
            StringAssert.Contains(e.Message, missing);
        }
        finally { Directory.Delete(top, recursive: true); }
    }

    [TestMethod]
    public void Missing_vectors_fail_with_one_line_naming_MORPH_VECTORS_and_every_folder_searched()
    {
        var top = TempTree();
        try
        {
            var root = Path.Combine(top, "ci", "repo");
            var searched = new List<string>();
            for (var dir = new DirectoryInfo(root).Parent; dir is not null; dir = dir.Parent) searched.Add(Path.Combine(dir.FullName, "shared", "vectors"));
            if (searched.Any(Directory.Exists)) Assert.Inconclusive("a shared/vectors folder exists above the temporary folder");
            var e = Assert.ThrowsExactly<DirectoryNotFoundException>(() => TestPaths.FindVectors(root, null));
            Assert.IsFalse(e.Message.Contains('\n'), e.Message);
            StringAssert.Contains(e.Message, "MORPH_VECTORS");
            foreach (var folder in searched) StringAssert.Contains(e.Message, folder);
        }
        finally { Directory.Delete(top, recursive: true); }
    }
}
