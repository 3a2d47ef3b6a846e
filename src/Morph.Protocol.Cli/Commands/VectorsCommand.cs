using Morph.Protocol.Vectors;

namespace Morph.Protocol.Cli;

/// <summary><c>morph vectors abi|bls &lt;dir&gt;</c>: per file <c>name: N passed, N failed</c>, the failures, and a
/// non-zero exit code if any case failed.</summary>
internal static class VectorsCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 3) { Console.Error.WriteLine("usage: morph vectors abi|bls <dir>"); return 2; }
        var dir = args[2];
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"morph vectors: no such directory '{dir}'"); return 2; }
        IReadOnlyList<VectorFileResult> results = args[1] switch
        {
            "abi" => VectorSuites.RunAbi(dir),
            "bls" => VectorSuites.RunBls(dir),
            var s => throw new ArgumentException($"unknown suite '{s}': expected abi or bls"),
        };
        int failed = 0;
        foreach (var r in results)
        {
            Console.WriteLine($"{Path.GetFileName(r.File)}: {r.Passed} passed, {r.Failed} failed");
            foreach (var f in r.Failures.Take(20)) Console.WriteLine("  " + f);
            if (r.Failures.Count > 20) Console.WriteLine($"  ... and {r.Failures.Count - 20} more");
            failed += r.Failed;
        }
        if (results.Count == 0) { Console.Error.WriteLine($"morph vectors: no *.json files in '{dir}'"); return 2; }
        Console.WriteLine($"total: {results.Sum(r => r.Passed)} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
