using Morph.Protocol.Contracts;
using Morph.Protocol.L1;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Simulation;

/// <summary>What a journal entry holds: one accepted command.</summary>
public enum CommandKind : byte { Options = 0, L1Transaction = 1, L2Transaction = 2, AdvanceL2 = 3, AdvanceL1 = 4, SetLive = 5, CorruptNextBatch = 6 }

// Commands: the only way users change the network. Each accepted one is handed to Recorder (the journal) as bytes;
// refused transactions change nothing and are not recorded.
public sealed partial class Network
{
    /// <summary>Invariant 6, checked around every refused user transaction: the state hash must not move (the L1 side may
    /// apply what time alone made due first, which happens before the hash is taken here). Costs two hashes a refusal.</summary>
    public bool VerifyRefusals { get; set; }

    private readonly List<string> _refusalViolations = [];

    private void CheckRefusal(Bytes32 before, TxResult r, string chain)
    {
        if (VerifyRefusals && StateHash() != before) _refusalViolations.Add($"6: a refused {chain} transaction ({r.Rule}) changed the state");
    }

    /// <summary>Receives every accepted command's encoding, in order (a journal appends it).</summary>
    public Action<byte[]>? Recorder { get; set; }

    /// <summary>An L1 transaction as calldata. markL2Genesis, once accepted, starts L2 (PROTOCOL.md section 3).</summary>
    public TxResult Submit(L1Transaction tx)
    {
        var before = VerifyRefusals ? StateHash() : default;
        var r = L1.Execute(tx);
        if (!r.IsOk) { CheckRefusal(before, r, "L1"); return r; }
        if (L2 is null && L1.Rollup.GenesisMarked) StartL2();
        Record(CommandKind.L1Transaction, w => { w.Write(tx.From); w.Write(tx.To); w.Write(tx.Value); w.WriteBlob(tx.Data.Span); });
        return r;
    }

    /// <summary>An L2 transaction as calldata, in the open L2 block.</summary>
    public TxResult Submit(L2Transaction tx)
    {
        if (L2 is null) return TxResult.Fail(ProtocolRule.GenesisNotMarked, "no L2 before markL2Genesis on L1");
        var wasHalted = L2.IsHalted;
        var before = VerifyRefusals ? StateHash() : default;
        var r = L2.Execute(tx);
        if (!r.IsOk) CheckRefusal(before, r, "L2");
        if (r.IsOk && wasHalted && !L2.IsHalted) NoteRestart();
        if (r.IsOk) Record(CommandKind.L2Transaction, w => { w.Write(tx.From); w.Write(tx.To); w.WriteBlob(tx.Data.Span); });
        return r;
    }

    /// <summary>Produces <paramref name="blocks"/> L2 blocks (L1 blocks follow at the fixed ratio); while L2 is halted
    /// or not started, the same count of L2 block times passes with L1 blocks only.</summary>
    public void AdvanceL2(ulong blocks, IProgress<ulong>? progress = null)
    {
        for (ulong i = 0; i < blocks; i++)
        {
            ProduceL2Block();
            if (progress is not null && (i + 1) % 500 == 0) progress.Report(i + 1);
        }
        Record(CommandKind.AdvanceL2, w => w.Write(blocks));
    }

    /// <summary><paramref name="blocks"/> L1 blocks (with the relay, the finalizer and the oracle's L1 records), no L2 block.</summary>
    public void AdvanceL1(ulong blocks)
    {
        for (ulong i = 0; i < blocks; i++) AdvanceL1Block();
        Record(CommandKind.AdvanceL1, w => w.Write(blocks));
    }

    /// <summary>The liveness knob: an offline staker neither proposes, signs nor submits.</summary>
    public void SetLive(Address staker, bool live)
    {
        if (live) _offline.Remove(staker); else _offline.Add(staker);
        Record(CommandKind.SetLive, w => { w.Write(staker); w.Write(live); });
    }

    /// <summary>The next batch the submitter commits is fraudulent: its validity proof will never verify, so a challenge
    /// against it is lost and its signers (BLS) or submitter are slashed.</summary>
    public void CorruptNextBatch()
    {
        _corruptNext = true;
        Record(CommandKind.CorruptNextBatch, _ => { });
    }

    private void Record(CommandKind kind, Action<BinaryWriter> body)
    {
        Commands++;
        if (Recorder is null) return;
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms)) { w.Write((byte)kind); body(w); }
        Recorder(ms.ToArray());
    }

    /// <summary>The journal's first entry: the options (parameters, knobs, holders) a replay starts from.</summary>
    public byte[] OptionsEntry()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(OptionsCodec.Encode(Options));
        return [(byte)CommandKind.Options, .. text];
    }

    /// <summary>A network from a journal: its first entry's options, then every whole entry in order. A snapshot of the
    /// whole state is its journal: replaying it restores the same state hash (the model's state is fully determined by
    /// its options and its accepted commands).</summary>
    public static Network Replay(IEnumerable<byte[]> entries, out int applied)
    {
        applied = 0;
        Network? n = null;
        foreach (var e in entries)
        {
            if (n is null)
            {
                if (e.Length == 0 || e[0] != (byte)CommandKind.Options) throw new InvalidDataException("a journal starts with its options entry");
                n = new Network(OptionsCodec.Decode(System.Text.Encoding.UTF8.GetString(e, 1, e.Length - 1)));
                continue;
            }
            if (!n.Apply(e)) throw new InvalidDataException($"journal entry {applied + 1} does not apply: it was not written by this model");
            applied++;
        }
        return n ?? throw new InvalidDataException("an empty journal has no options entry");
    }

    /// <summary>Applies one journal entry (replay). Returns false, changing nothing, for an entry that does not decode or
    /// whose transaction is refused (the journal holds only accepted ones: a refusal means it does not belong here).</summary>
    public bool Apply(ReadOnlySpan<byte> entry)
    {
        using var r = new BinaryReader(new MemoryStream(entry.ToArray()));
        try
        {
            switch ((CommandKind)r.ReadByte())
            {
                case CommandKind.L1Transaction: return Submit(new L1Transaction(r.ReadAddress(), r.ReadAddress(), r.ReadUInt256(), r.ReadBytes())).IsOk;
                case CommandKind.L2Transaction: return Submit(new L2Transaction(r.ReadAddress(), r.ReadAddress(), r.ReadBytes())).IsOk;
                case CommandKind.AdvanceL2: AdvanceL2(r.ReadUInt64()); return true;
                case CommandKind.AdvanceL1: AdvanceL1(r.ReadUInt64()); return true;
                case CommandKind.SetLive: SetLive(r.ReadAddress(), r.ReadBoolean()); return true;
                case CommandKind.CorruptNextBatch: CorruptNextBatch(); return true;
                default: return false;
            }
        }
        catch (EndOfStreamException) { return false; }
    }
}

internal static class BinaryIo
{
    public static void Write(this BinaryWriter w, Address a) { Span<byte> b = stackalloc byte[20]; a.WriteTo(b); w.Write(b); }
    public static void Write(this BinaryWriter w, UInt256 v) { Span<byte> b = stackalloc byte[32]; v.WriteBigEndian(b); w.Write(b); }
    public static void WriteBlob(this BinaryWriter w, ReadOnlySpan<byte> data) { w.Write(data.Length); w.Write(data); }
    public static Address ReadAddress(this BinaryReader r) => Address.FromBytes(r.ReadExactly(20));
    public static UInt256 ReadUInt256(this BinaryReader r) => UInt256.FromBigEndian(r.ReadExactly(32));
    public static ByteString ReadBytes(this BinaryReader r) => ByteString.From(r.ReadExactly(r.ReadInt32()));

    private static byte[] ReadExactly(this BinaryReader r, int n)
    {
        var b = r.ReadBytes(n);
        return b.Length == n ? b : throw new EndOfStreamException();
    }
}
