namespace Morph.Protocol.Tests;

[TestClass]
public sealed class SmokeTests
{
    [TestMethod]
    public void Vectors_folder_is_reachable() => Assert.IsTrue(Directory.Exists(TestPaths.Vectors), TestPaths.Vectors);
}
