using BenchmarkDotNet.Attributes;
using Morph.Protocol.Devnet;
using Morph.Protocol.L1;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Benchmarks.L1;

/// <summary>Cost must not grow with history: the same operations after 100 and after 20,000 committed and finalized
/// batches (and as many exposure records). A claim's validation evaluates every guard of ClaimWithdrawal (lock,
/// un-restaking, exposure); commit + finalize is one batch's whole life before BLS.</summary>
[MemoryDiagnoser]
public class L1HistoryBenchmarks
{
    private L1Network _net = null!;
    private Address _submitter, _exiting;

    [Params(100, 20_000)]
    public int History { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _net = new L1Network(ProtocolParameters.Devnet with { SequencerSetMaxSize = 3 });
        _net.AdvanceTo(1);
        var owner = _net.Genesis.Owner;
        var stakers = Enumerable.Range(1, 6).Select(DevnetStaker.Create).ToList();
        _net.UpdateWhitelist(owner, stakers.Select(s => s.Address).ToList(), []);
        foreach (var s in stakers) Check(s.Register(_net).Result);
        Check(_net.MarkL2Genesis(owner));
        _submitter = stakers[3].Address;
        _exiting = stakers[4].Address;
        for (int i = 0; i < History; i++) Check(_net.CommitBatch(_submitter, new BatchCommit(_net.Rollup.LastCommitted + 1, Keccak256.HashUtf8($"h{i}"))));
        _net.AdvanceBy(_net.Parameters.FinalizationPeriod + 1);
        for (ulong i = 1; i <= (ulong)History; i++) Check(_net.FinalizeBatch(owner, i));
        Check(_net.Withdraw(_exiting));
    }

    private static void Check(Morph.Protocol.Transactions.TxResult r)
    {
        if (!r.IsOk) throw new InvalidOperationException(r.ToString());
    }

    /// <summary>Refused (the lock runs), after evaluating every guard of the claim; nothing changes, so it repeats.</summary>
    [Benchmark]
    public bool ClaimWithdrawalValidation() => _net.ClaimWithdrawal(_exiting, _exiting).IsOk;

    [Benchmark]
    public ulong CommitAndFinalizeOneBatch()
    {
        var index = _net.Rollup.LastCommitted + 1;
        Check(_net.CommitBatch(_submitter, new BatchCommit(index, Keccak256.HashUtf8($"b{index}"))));
        _net.AdvanceBy(_net.Parameters.FinalizationPeriod + 1);
        Check(_net.FinalizeBatch(_submitter, index));
        return index;
    }

    [Benchmark]
    public bool ExposureQuery() => _net.Rollup.ExposureOf(_submitter) is null;
}
