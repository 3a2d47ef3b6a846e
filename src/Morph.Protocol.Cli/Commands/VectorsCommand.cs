using System.CommandLine;
using Morph.Protocol.Cli.Rendering;
using Morph.Protocol.Vectors;

namespace Morph.Protocol.Cli.Commands;

/// <summary><c>morph vectors abi|bls &lt;dir&gt;</c>: per file <c>name: N passed, N failed</c>, the failures, and exit
/// code 1 if any case failed (2 if the folder holds no vector file).</summary>
internal static class VectorsCommand
{
    public static Command Create(CliContext context) => new("vectors", "Check the shared test vectors against the model")
    {
        Suite(context, "abi", "ABI codec, Keccak-256 and Morph's deployed contracts", VectorSuites.RunAbi),
        Suite(context, "bls", "BLS12-381 and the batch signature", VectorSuites.RunBls),
    };

    private static Command Suite(CliContext context, string name, string description, Func<string, IReadOnlyList<VectorFileResult>> run)
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = $"A folder of {name} vector files (*.json), e.g. ../shared/vectors/{name}" }.AcceptExistingOnly();
        var command = new Command(name, description + "; prints 'file: N passed, N failed' per file") { dir };
        command.SetAction(r => Run(context.OutputFor(r), r.GetValue(dir)!, run));
        return command;
    }

    private static int Run(CliOutput output, DirectoryInfo dir, Func<string, IReadOnlyList<VectorFileResult>> run)
    {
        var results = run(dir.ToString());
        if (results.Count == 0) { output.Error.WriteLine($"morph vectors: no *.json files in '{dir}'"); return MorphCli.UsageError; }
        int failed = 0;
        foreach (var r in results)
        {
            output.Out.WriteLine($"{Path.GetFileName(r.File)}: {r.Passed} passed, {r.Failed} failed");
            foreach (var f in r.Failures.Take(20)) output.Out.WriteLine("  " + f);
            if (r.Failures.Count > 20) output.Out.WriteLine($"  ... and {r.Failures.Count - 20} more");
            failed += r.Failed;
        }
        output.Out.WriteLine($"total: {results.Sum(r => r.Passed)} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
