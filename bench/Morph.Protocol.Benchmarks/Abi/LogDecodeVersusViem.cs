using System.Diagnostics;
using Morph.Protocol.Contracts;

namespace Morph.Protocol.Benchmarks.Abi;

/// <summary><c>-- logs-vs-viem</c>: ours and viem's decodeEventLog on the same 100,000 logs, in one run. Writes the
/// corpus, runs <c>node Abi/viem/bench.mjs</c> on it (after <c>npm ci</c> there), then measures ours the same way
/// (3 warm-up passes, then the best and the median of 10 timed passes over all 100,000).</summary>
public static class LogDecodeVersusViem
{
    public static int Run(string benchDirectory)
    {
        var viemDir = Path.GetFullPath(Path.Combine(benchDirectory, "Abi", "viem"));
        var corpus = Path.Combine(Path.GetTempPath(), "morph-log-corpus.json");
        File.WriteAllText(corpus, LogCorpus.ToJson());

        var logs = LogCorpus.Build();
        var table = EventTable.ForSpec();
        if (logs.Any(l => !table.Decode(l).IsKnown)) throw new InvalidOperationException("a corpus log does not decode");

        var node = Process.Start(new ProcessStartInfo("node", [Path.Combine(viemDir, "bench.mjs"), corpus]) { RedirectStandardOutput = true, WorkingDirectory = viemDir })!;
        var viemOutput = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        Console.Write(viemOutput);
        if (node.ExitCode != 0) return node.ExitCode;

        for (int i = 0; i < 3; i++) Pass(logs, table);
        var times = Enumerable.Range(0, 10).Select(_ => Pass(logs, table)).OrderBy(t => t).ToArray();
        Console.WriteLine($"ours: {logs.Length} logs, best {times[0]:F1} ms, median {times[5]:F1} ms per 100,000 ({times[0] * 1e6 / logs.Length:F0} ns per log, best)");
        return 0;
    }

    private static double Pass(ChainLog[] logs, EventTable table)
    {
        var sw = Stopwatch.StartNew();
        var known = 0;
        foreach (var l in logs) if (table.Decode(l).IsKnown) known++;
        sw.Stop();
        if (known != logs.Length) throw new InvalidOperationException("decode failed");
        return sw.Elapsed.TotalMilliseconds;
    }
}
