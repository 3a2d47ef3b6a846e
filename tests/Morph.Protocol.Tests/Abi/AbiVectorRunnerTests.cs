using Morph.Protocol.Abi.Vectors;

namespace Morph.Protocol.Tests.Abi;

[TestClass]
public sealed class AbiVectorRunnerTests
{
    [TestMethod]
    public void Unknown_shapes_fail_and_registered_shapes_dispatch()
    {
        string file = Path.Combine(Path.GetTempPath(), $"runner-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            { "cases": [
              { "name": "k", "input": "0x616263", "output": "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45" },
              { "name": "c", "types": "uint8", "values": ["0x1"], "encoded": "0x0000000000000000000000000000000000000000000000000000000000000002" },
              { "name": "u", "unknownShapeForRunnerTest": 1 },
              { "name": "h", "shapeForRunnerTest": "ok" },
              { "name": "h2", "shapeForRunnerTest": "bad" }
            ] }
            """);
        try
        {
            var before = AbiVectorRunner.RunFile(file);
            Assert.AreEqual(1, before.Passed, string.Join("\n", before.Failures));
            Assert.AreEqual(4, before.Failed);
            Assert.IsTrue(before.Failures.Any(f => f.StartsWith("c: encode gave")), string.Join("\n", before.Failures));
            Assert.IsTrue(before.Failures.Any(f => f.StartsWith("u: unknown case shape")));

            AbiVectorRunner.RegisterCaseHandler("shapeForRunnerTest", c => c.GetProperty("shapeForRunnerTest").GetString() == "ok" ? null : "said bad");
            var after = AbiVectorRunner.RunFile(file);
            Assert.AreEqual(2, after.Passed);
            CollectionAssert.Contains(after.Failures.ToList(), "h2: said bad");
        }
        finally { File.Delete(file); }
    }
}
