using System.Diagnostics;
using Morph.Protocol.Contracts;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Simulation;

namespace Morph.Protocol.Benchmarks.Simulation;

/// <summary><c>-- network-throughput [blocks]</c>: L2 blocks per second of the whole network (100 stakers, X = 7,
/// 10,000 delegators, BLS on, the oracle writing every record, epochs closing), per 10⁵ blocks, and the peak working
/// set. Not BenchmarkDotNet: one long run is the measurement (the cost per block must stay flat as history grows).</summary>
internal static class NetworkThroughput
{
    public static int Run(ulong blocks)
    {
        const int Stakers = 100, Delegators = 10_000;
        var unit = (UInt256)1_000_000_000_000_000_000UL;
        static Address D(int i) => Address.Parse($"0x{0xd0000000UL + (ulong)i:x40}");
        var clock = Stopwatch.StartNew();
        var n = new Network(new SimulationOptions { DevnetStakers = Stakers, Holders = Enumerable.Range(1, Delegators).Select(i => (D(i), 10_000 * unit)).ToList() });
        var owner = n.L1.Genesis.Owner;
        var keys = Enumerable.Range(1, Stakers).Select(n.Staker).ToList();
        Check(n.L1(owner, new L1StakingContract.UpdateWhitelistCall(new ValueArray<Address>(keys.Select(k => k.Address).ToArray()), new ValueArray<Address>([]))));
        foreach (var k in keys) Check(n.Register(k));
        n.AdvanceL1(3);
        Check(n.L1(owner, new RollupContract.MarkL2GenesisCall()));
        var rng = new Random(5);
        for (int i = 1; i <= Delegators; i++)
        {
            Check(n.Token(D(i), new MorphTokenContract.ApproveCall(n.L2!.Genesis.StakingAddress, UInt256.MaxValue)));
            Check(n.Staking(D(i), new L2StakingContract.DelegateStakeCall(keys[rng.Next(Stakers)].Address, (ulong)rng.Next(1, 5_000) * unit)));
        }
        Check(n.L1(owner, new RollupContract.EnableBlsCall()));
        Console.WriteLine($"setup: {Stakers} stakers registered, {Delegators} delegations, BLS on: {clock.Elapsed.TotalSeconds:0.0} s");

        const ulong Chunk = 100_000;
        var rates = new List<double>();
        for (ulong done = 0; done < blocks; done += Chunk)
        {
            var t = Stopwatch.StartNew();
            n.AdvanceL2(Math.Min(Chunk, blocks - done));
            rates.Add(Math.Min(Chunk, blocks - done) / t.Elapsed.TotalSeconds);
            Console.WriteLine($"L2 blocks {done + 1:N0}..{done + Math.Min(Chunk, blocks - done):N0}: {rates[^1]:N0} blocks/s; epochs closed {n.L2!.LastClosedEpoch}; " +
                $"L1 {n.L1.Block:N0}; working set {Environment.WorkingSet / 1e6:N0} MB; actors' refusals {n.ActorRefusals.Count}");
        }
        Console.WriteLine($"first / last 10^5: {rates[0]:N0} / {rates[^1]:N0} blocks/s ({(rates[^1] / rates[0] - 1) * 100:+0.0;-0.0} %); " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB; invariants: {(n.CheckInvariants() is { Count: 0 } ? "hold" : string.Join("; ", n.CheckInvariants()))}");
        return 0;
    }

    private static void Check(Morph.Protocol.Transactions.TxResult r)
    {
        if (!r.IsOk) throw new InvalidOperationException(r.ToString());
    }
}
