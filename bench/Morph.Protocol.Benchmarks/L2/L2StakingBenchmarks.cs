using BenchmarkDotNet.Attributes;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Benchmarks.L2;

/// <summary>Cost must not grow with the number of stakers (PROTOCOL.md section 3, Ranking): delegate, undelegate and a
/// rank change from last to first with 10, 1,000 and 100,000 stakers and 10⁶ delegations behind them. Morph's
/// deployed L2Staking re-sorts with a bubble loop (+15.6k gas per rank moved); ours is one tree removal and insertion.</summary>
[MemoryDiagnoser]
public class L2StakingBenchmarks
{
    private const int Delegators = 10_000, Delegations = 1_000_000;
    private L2Network _l2 = null!;
    private Address _delegator, _middle, _last;
    private UInt256 _jump;

    [Params(10, 1_000, 100_000)]
    public int Stakers { get; set; }

    private static Address A(ulong n) => Address.Parse($"0x{n:x40}");

    [GlobalSetup]
    public void Setup()
    {
        var p = ProtocolParameters.Devnet with { MaxPendingEntries = uint.MaxValue };
        var unit = (UInt256)1_000_000_000_000_000_000UL;
        var holders = Enumerable.Range(1, Delegators).Select(i => (A(0xd00000UL + (ulong)i), 1_000_000 * unit)).ToList();
        holders[0] = (holders[0].Item1, UInt256.Pow10(20) * unit);   // the benchmarks' delegator: its undelegations lock what it moves
        holders.Add((L2Genesis.DevnetTreasury, unit));
        var stakers = Enumerable.Range(1, Stakers).Select(i => new L2StakerEntry(A(0x100000UL + (ulong)i), Bytes32.Parse($"0x{(ulong)i:x64}"), ByteString.From(new byte[48]), (ulong)i)).ToList();
        _l2 = new L2Network(new L2Genesis(stakers, (ulong)Stakers, L2Genesis.DevnetOwner, L2Genesis.DevnetOracle, L2Genesis.DevnetTreasury, holders), p);
        foreach (var (h, _) in holders) _l2.Approve(h, _l2.Genesis.StakingAddress, UInt256.MaxValue);

        // 10⁶ delegations, spread deterministically; staker 1 (the last, once the others hold something) gets none.
        var rng = new Random(1);
        for (int i = 0; i < Delegations; i++)
        {
            var staker = A(0x100000UL + (ulong)(2 + rng.Next(Stakers - 1)));
            Check(_l2.Delegate(holders[i % Delegators].Item1, staker, (ulong)(1 + rng.Next(1_000)) * unit));
        }
        _l2.CloseBlock();
        _delegator = holders[0].Item1;
        _middle = A(0x100000UL + (ulong)(Stakers / 2 + 1));
        _last = A(0x100000UL + 1);
        Check(_l2.Delegate(_delegator, _middle, 1_000_000 * unit));   // what Undelegate takes from, one unit at a time
        _jump = _l2.Staking.PresentStakers.Max(s => s.TotalDelegation) + unit;
    }

    private static void Check(Morph.Protocol.Transactions.TxResult r)
    {
        if (!r.IsOk) throw new InvalidOperationException(r.ToString());
    }

    /// <summary>One unit delegated to a staker in the middle of the ranking.</summary>
    [Benchmark]
    public bool Delegate() => _l2.Delegate(_delegator, _middle, 1).IsOk;

    /// <summary>One unit undelegated from it (an entry is made each time).</summary>
    [Benchmark]
    public bool Undelegate() => _l2.Undelegate(_delegator, _middle, 1).IsOk;

    /// <summary>The last-ranked staker jumps to first by one delegation, and back by one undelegation (two operations).</summary>
    [Benchmark]
    public bool RankChangeLastToFirstAndBack() => _l2.Delegate(_delegator, _last, _jump).IsOk & _l2.Undelegate(_delegator, _last, _jump).IsOk;
}
