using BenchmarkDotNet.Attributes;
using Morph.Protocol.Contracts;

namespace Morph.Protocol.Benchmarks.Abi;

/// <summary>Decoding 100,000 logs of Morph's events through the spec's one topic0 → event table into typed event
/// records (what a receipt or a log query of the SDK does per log). viem's decodeEventLog on the same logs:
/// <c>-- logs-vs-viem</c> (Abi/viem/bench.mjs), docs/performance.md.</summary>
[MemoryDiagnoser]
public class LogDecodeBenchmarks
{
    private ChainLog[] _logs = null!;
    private EventTable _table = null!;

    [GlobalSetup]
    public void Setup()
    {
        _logs = LogCorpus.Build();
        _table = EventTable.ForSpec();
    }

    [Benchmark(OperationsPerInvoke = LogCorpus.Count)]
    public int Decode100k()
    {
        var known = 0;
        foreach (var log in _logs)
            if (_table.Decode(log).IsKnown) known++;
        return known;
    }
}
