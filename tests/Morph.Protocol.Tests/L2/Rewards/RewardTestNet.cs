using Morph.Protocol.Contracts;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Tests.L2.Rewards;

/// <summary>Records for tests: block records whose proposer is the scheduled member unless told otherwise, and one
/// rollup record covering the blocks not yet covered.</summary>
internal static class RewardTestNet
{
    public static Address Oracle => L2Genesis.DevnetOracle;
    public static Address Treasury => L2Genesis.DevnetTreasury;

    public static Address Scheduled(L2Network l2, ulong h)
    {
        var set = l2.ConsensusSet(h);
        return set[(int)(h % (ulong)set.Length)];
    }

    public static TxResult RecordBlocks(L2Network l2, ulong upTo, Func<ulong, Address>? proposer = null)
    {
        var records = new List<BlockRecord>();
        for (var h = l2.Distribution.LastBlockRecorded + 1; h <= upTo; h++)
            records.Add(new BlockRecord(h, proposer?.Invoke(h) ?? Scheduled(l2, h), 1, 100));
        return l2.RecordBlocks(Oracle, records);
    }

    public static TxResult RecordBatch(L2Network l2, ulong endBlock, Address submitter, UInt256 sizeBytes) =>
        l2.RecordRollups(Oracle, [new RollupRecord(l2.Distribution.LastBatchRecorded + 1, submitter, l2.Distribution.LastRollupEndBlock + 1, endBlock, 0, sizeBytes)]);

    /// <summary>Block records and one batch (by the last block's scheduled member) through <paramref name="upTo"/>.</summary>
    public static void RecordThrough(L2Network l2, ulong upTo, Func<ulong, Address>? proposer = null, UInt256? size = null)
    {
        L2TestNet.Ok(RecordBlocks(l2, upTo, proposer));
        L2TestNet.Ok(RecordBatch(l2, upTo, Scheduled(l2, upTo), size ?? 100));
    }

    public static SlotRecord Slot(L2Network l2, L2Staker? s, bool timedOut) =>
        s is null
            ? new SlotRecord(l2.Distribution.NextSlot, Address.Zero, 0, Morph.Protocol.L1.Rollup.BatchSigning.SetHash([]), false)
            : new SlotRecord(l2.Distribution.NextSlot, s.Address, s.RegistrationNonce, Keccak256.HashUtf8("some set"), timedOut);
}
