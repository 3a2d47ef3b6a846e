using Morph.Protocol.Abi.Vectors;

namespace Morph.Protocol.Tests.Abi;

[TestClass]
public sealed class AbiVectorTests
{
    [TestMethod]
    [DataRow("abi/codec.json", 100)]
    [DataRow("abi/keccak256.json", 8)]
    public void Every_case_passes_both_directions(string file, int expectedCases)
    {
        var result = AbiVectorRunner.RunFile(Path.Combine(TestPaths.Vectors, file));
        Assert.AreEqual(0, result.Failed, string.Join("\n", result.Failures));
        Assert.AreEqual(expectedCases, result.Passed);
    }
}
