using Morph.Protocol.Abi.Vectors;
using Morph.Protocol.Contracts.Vectors;

namespace Morph.Protocol.Vectors;

/// <summary>Runs a directory of vector files of one suite (abi or bls), file by file in name order.</summary>
public static class VectorSuites
{
    static VectorSuites() => AbiVectorRunner.RegisterCaseHandler("contract", DeployedVectorCases.Run);

    public static IReadOnlyList<VectorFileResult> RunAbi(string directory) => Run(directory, AbiVectorRunner.RunFile);

    public static IReadOnlyList<VectorFileResult> RunBls(string directory) => Run(directory, Morph.Protocol.Crypto.Bls.Vectors.BlsVectorRunner.RunFile);

    public static VectorFileResult RunAbiFile(string path) => AbiVectorRunner.RunFile(path);

    private static IReadOnlyList<VectorFileResult> Run(string directory, Func<string, VectorFileResult> runFile) =>
        Directory.EnumerateFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f =>
        {
            try { return runFile(f); }
            catch (Exception e) { return new VectorFileResult(f, 0, 1, [$"file could not be read: {e.Message}"]); }
        }).ToList();
}
