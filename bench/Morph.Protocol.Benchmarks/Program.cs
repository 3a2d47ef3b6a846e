using BenchmarkDotNet.Running;
using Morph.Protocol.Benchmarks.Abi;

// `-- logs-vs-viem [bench-dir]`: ours against viem's decodeEventLog in one run (docs/performance.md).
if (args.Length > 0 && args[0] == "logs-vs-viem")
    return LogDecodeVersusViem.Run(args.Length > 1 ? args[1] : Path.Combine("bench", "Morph.Protocol.Benchmarks"));

// `-- network-throughput [blocks]`: the whole network's L2 blocks per second over a long run (docs/performance.md).
if (args.Length > 0 && args[0] == "network-throughput")
    return Morph.Protocol.Benchmarks.Simulation.NetworkThroughput.Run(args.Length > 1 ? ulong.Parse(args[1]) : 1_000_000);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
