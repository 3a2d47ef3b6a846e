using Morph.Protocol.Contracts;
using Morph.Protocol.L1.Messaging;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>A staker as L2 knows it from the add-staker message (one incarnation per registration nonce).</summary>
public sealed record L2StakerEntry(Address Address, Bytes32 TmKey, ByteString BlsKey, ulong RegistrationNonce);

/// <summary>Where applied staking messages go: the L2 staking model (none for L1's own view of L2's staker list).</summary>
public interface IStakingMessageSink
{
    void AddStaker(L2StakerEntry staker);
    void RemoveStaker(Address staker, RemovalReason reason);
}

/// <summary>What applying one message did. Applying never fails: a duplicate is ignored, a gap waits, an add of a
/// present staker or a removal of an absent one is a recorded no-op, and the expected nonce always advances.</summary>
public enum MessageOutcome { Applied, NoOp, Duplicate, Buffered }

/// <summary>The L2 end of the ordered L1→L2 messages (PROTOCOL.md section 3, Messages): applies them strictly in
/// nonce order, exactly once, and keeps L2's staker list in canonical (registration) order. The L2 delegation
/// model builds on this list.</summary>
public sealed class L2StakingInbox(IStakingMessageSink? sink = null)
{
    private readonly SortedDictionary<ulong, L1ToL2Message> _buffer = new();
    private readonly SortedDictionary<ulong, L2StakerEntry> _byNonce = new();
    private readonly Dictionary<Address, ulong> _nonceOf = new();

    /// <summary>The next nonce L2 will apply (messages before it were applied exactly once).</summary>
    public ulong ExpectedNonce { get; private set; } = 1;
    public ulong LastApplied => ExpectedNonce - 1;
    public int NoOps { get; private set; }
    public int Duplicates { get; private set; }

    /// <summary>L2's stakers in canonical order (ascending registration nonce).</summary>
    public IEnumerable<L2StakerEntry> Stakers => _byNonce.Values;

    public bool IsPresent(Address a) => _nonceOf.ContainsKey(a);

    /// <summary>While L2 is halted, messages queue for restartL2 instead of being applied (section 3).</summary>
    public bool Hold { get; set; }

    /// <summary>The expected nonce onward, as far as the queue is contiguous: what applying the queue would apply.</summary>
    public IEnumerable<L1ToL2Message> Applicable()
    {
        for (var n = ExpectedNonce; _buffer.TryGetValue(n, out var m); n++) yield return m;
    }

    /// <summary>Delivers a relayed message (any order, any number of times).</summary>
    public MessageOutcome Deliver(L1ToL2Message m)
    {
        if (m.Nonce < ExpectedNonce || _buffer.ContainsKey(m.Nonce)) { Duplicates++; return MessageOutcome.Duplicate; }
        if (m.Nonce > ExpectedNonce || Hold) { _buffer.Add(m.Nonce, m); return MessageOutcome.Buffered; }
        var outcome = Apply(m);
        ApplyQueued();
        return outcome;
    }

    /// <summary>Applies the queued messages from the expected nonce while they are contiguous; returns how many.</summary>
    public int ApplyQueued()
    {
        int n = 0;
        while (_buffer.Remove(ExpectedNonce, out var next)) { Apply(next); n++; }
        return n;
    }

    /// <summary>How many stakers would be present after the applicable queue (restartL2's check, before it applies
    /// anything): an overlay of the queue's adds and removals over the present list.</summary>
    public int PresentCountAfterQueue()
    {
        var changed = new Dictionary<Address, bool>();
        int count = _nonceOf.Count;
        foreach (var m in Applicable())
        {
            bool present(Address a) => changed.TryGetValue(a, out var p) ? p : _nonceOf.ContainsKey(a);
            var add = L2StakingContract.AddStakerWithNonceCall.Decode(m.Calldata.Span);
            if (add.IsOk) { if (!present(add.Value!.Add.Addr)) { changed[add.Value.Add.Addr] = true; count++; } continue; }
            var remove = L2StakingContract.RemoveStakerWithReasonCall.Decode(m.Calldata.Span);
            if (remove.IsOk && present(remove.Value!.Staker)) { changed[remove.Value.Staker] = false; count--; }
        }
        return count;
    }

    private MessageOutcome Apply(L1ToL2Message m)
    {
        ExpectedNonce++;
        var add = L2StakingContract.AddStakerWithNonceCall.Decode(m.Calldata.Span);
        if (add.IsOk)
        {
            var a = add.Value!;
            if (_nonceOf.ContainsKey(a.Add.Addr)) { NoOps++; return MessageOutcome.NoOp; }
            var nonce = (ulong)a.RegistrationNonce;
            var entry = new L2StakerEntry(a.Add.Addr, a.Add.TmKey, a.Add.BlsKey, nonce);
            _byNonce.Add(nonce, entry);
            _nonceOf.Add(a.Add.Addr, nonce);
            sink?.AddStaker(entry);
            return MessageOutcome.Applied;
        }
        var remove = L2StakingContract.RemoveStakerWithReasonCall.Decode(m.Calldata.Span);
        if (remove.IsOk && _nonceOf.Remove(remove.Value!.Staker, out var n))
        {
            _byNonce.Remove(n);
            sink?.RemoveStaker(remove.Value.Staker, (RemovalReason)remove.Value.Reason);
            return MessageOutcome.Applied;
        }
        // An absent staker's removal, or a payload L2 does not know: recorded, and the queue moves on.
        NoOps++;
        return MessageOutcome.NoOp;
    }

    /// <summary>Starts the list at L2 genesis: the stakers Active at G, and the nonce L2 expects next (genesisNonce + 1).</summary>
    internal void StartAt(IEnumerable<L2StakerEntry> stakers, ulong genesisNonce)
    {
        foreach (var s in stakers) { _byNonce.Add(s.RegistrationNonce, s); _nonceOf.Add(s.Address, s.RegistrationNonce); }
        ExpectedNonce = genesisNonce + 1;
    }

    internal void WriteState(StateWriter w)
    {
        w.Write(ExpectedNonce);
        foreach (var s in _byNonce.Values) { w.Write(s.Address); w.Write(s.RegistrationNonce); }
        foreach (var k in _buffer.Keys) w.Write(k);
    }
}
