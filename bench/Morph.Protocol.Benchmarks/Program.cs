using BenchmarkDotNet.Running;
using Morph.Protocol.Benchmarks.Abi;

// `-- logs-vs-viem [bench-dir]`: ours against viem's decodeEventLog in one run (docs/performance.md).
if (args.Length > 0 && args[0] == "logs-vs-viem")
    return LogDecodeVersusViem.Run(args.Length > 1 ? args[1] : Path.Combine("bench", "Morph.Protocol.Benchmarks"));

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
