using Morph.Protocol.Crypto.Bls.Vectors;

namespace Morph.Protocol.Tests.Bls;

[TestClass]
public sealed class BlsVectorTests
{
    private static string Dir => Path.Combine(TestPaths.Vectors, "bls");

    [TestMethod]
    [DataRow("keygen.json")]
    [DataRow("sign.json")]
    [DataRow("verify.json")]
    [DataRow("aggregate.json")]
    [DataRow("fast_aggregate_verify.json")]
    [DataRow("aggregate_verify.json")]
    [DataRow("pop.json")]
    [DataRow("hash_to_G2.json")]
    [DataRow("deserialization_G1.json")]
    [DataRow("deserialization_G2.json")]
    [DataRow("batch_signature.json")]
    public void EveryCasePasses(string file)
    {
        var r = BlsVectorRunner.RunFile(Path.Combine(Dir, file));
        Assert.IsGreaterThan(0, r.Passed, $"{file}: no case ran");
        Assert.AreEqual(0, r.Failed, $"{file}: {r.Failed} failed:\n" + string.Join("\n", r.Failures));
    }

    [TestMethod]
    public void DirectoryRunCoversEveryFile()
    {
        var results = BlsVectorRunner.RunDirectory(Dir);
        Assert.AreEqual(Directory.GetFiles(Dir, "*.json").Length, results.Count);
        foreach (var r in results) Console.WriteLine($"{r.File}: {r.Passed} passed, {r.Failed} failed");
        Assert.IsTrue(results.All(r => r.Failed == 0 && r.Passed > 0));
    }
}
