using BenchmarkDotNet.Attributes;
using Morph.Protocol.Contracts;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Benchmarks.L2;

/// <summary>A claim costs the same after 1 or after 100,000 closed epochs (PROTOCOL.md section 7): what a claim computes
/// (the delegator's pending reward: the index read at the ends of its pieces) after that many epochs. Morph's
/// deployed Distribute walks every epoch (+7.8k gas per epoch; 7.9M gas after 1,000).</summary>
[MemoryDiagnoser]
public class RewardClaimBenchmarks
{
    private L2Network _l2 = null!;
    private Delegation _delegation = null!;

    [Params(1, 1_000, 100_000)]
    public int Epochs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var p = ProtocolParameters.Devnet with { SequencerSetMaxSize = 3, EpochLength = 1 };
        _l2 = RewardBench.Create(p, stakers: 3, delegators: 1);
        var d = RewardBench.Delegator(1);
        _l2.Delegate(d, RewardBench.Staker(1), 1_000 * RewardBench.Unit);
        _l2.AdvanceTo((ulong)Epochs + 2);
        RewardBench.RecordThrough(_l2, (ulong)Epochs + 1);
        if (_l2.LastClosedEpoch != (ulong)Epochs) throw new InvalidOperationException($"closed {_l2.LastClosedEpoch}, wanted {Epochs}");
        _delegation = _l2.Staking.DelegationOf(d, _l2.Staking.Present(RewardBench.Staker(1))!)!;
    }

    [Benchmark]
    public UInt256 PendingRewardAfterEpochs() => _l2.Distribution.PendingReward(_delegation);
}

/// <summary>An epoch close with 100 stakers and 10,000 delegators: recording one epoch's blocks and its batch, which
/// closes it. The close touches the incarnations that earned something, never the delegators.</summary>
[MemoryDiagnoser]
public class EpochCloseBenchmarks
{
    private L2Network _l2 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var p = ProtocolParameters.Devnet with { SequencerSetMaxSize = 100, EpochLength = 600 };
        _l2 = RewardBench.Create(p, stakers: 100, delegators: 10_000);
        var rng = new Random(3);
        for (int i = 1; i <= 10_000; i++)
            _l2.Delegate(RewardBench.Delegator(i), RewardBench.Staker(1 + rng.Next(100)), (ulong)(1 + rng.Next(1_000)) * RewardBench.Unit);
        _l2.AdvanceTo(601);
        RewardBench.RecordThrough(_l2, 600);
    }

    [Benchmark]
    public ulong? RecordAnEpochAndCloseIt()
    {
        var end = _l2.Height - 1 + _l2.Parameters.EpochLength;
        _l2.AdvanceTo(end + 1);
        RewardBench.RecordThrough(_l2, end);
        return _l2.LastClosedEpoch;
    }
}

internal static class RewardBench
{
    public static readonly UInt256 Unit = 1_000_000_000_000_000_000UL;
    public static Address A(ulong n) => Address.Parse($"0x{n:x40}");
    public static Address Staker(int i) => A(0x100000UL + (ulong)i);
    public static Address Delegator(int i) => A(0xd00000UL + (ulong)i);

    public static L2Network Create(ProtocolParameters p, int stakers, int delegators)
    {
        var holders = Enumerable.Range(1, delegators).Select(i => (Delegator(i), 1_000_000 * Unit)).ToList();
        holders.Add((L2Genesis.DevnetTreasury, p.GenesisSupply));
        var entries = Enumerable.Range(1, stakers).Select(i => new L2StakerEntry(Staker(i), Bytes32.Parse($"0x{(ulong)i:x64}"), ByteString.From(new byte[48]), (ulong)i)).ToList();
        var l2 = new L2Network(new L2Genesis(entries, (ulong)stakers, L2Genesis.DevnetOwner, L2Genesis.DevnetOracle, L2Genesis.DevnetTreasury, holders), p);
        foreach (var (h, _) in holders) l2.Approve(h, l2.Genesis.StakingAddress, UInt256.MaxValue);
        return l2;
    }

    /// <summary>Block records (the scheduled proposer) and one batch through <paramref name="upTo"/>, in chunks.</summary>
    public static void RecordThrough(L2Network l2, ulong upTo)
    {
        while (l2.Distribution.LastBlockRecorded < upTo)
        {
            var records = new List<BlockRecord>();
            for (var h = l2.Distribution.LastBlockRecorded + 1; h <= upTo && records.Count < 10_000; h++)
            {
                var set = l2.ConsensusSet(h);
                records.Add(new BlockRecord(h, set[(int)(h % (ulong)set.Length)], 1, 100));
            }
            Check(l2.RecordBlocks(L2Genesis.DevnetOracle, records));
        }
        Check(l2.RecordRollups(L2Genesis.DevnetOracle, [new RollupRecord(l2.Distribution.LastBatchRecorded + 1, Staker(1), l2.Distribution.LastRollupEndBlock + 1, upTo, 0, 1_000)]));
    }

    private static void Check(Morph.Protocol.Transactions.TxResult r)
    {
        if (!r.IsOk) throw new InvalidOperationException(r.ToString());
    }
}
