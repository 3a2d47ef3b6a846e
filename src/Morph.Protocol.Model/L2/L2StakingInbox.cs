using Morph.Protocol.Contracts;
using Morph.Protocol.L1.Messaging;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>A staker as L2 knows it from the add-staker message (one incarnation per registration nonce).</summary>
public sealed record L2StakerEntry(Address Address, Bytes32 TmKey, ByteString BlsKey, ulong RegistrationNonce);

/// <summary>What applying one message did. Applying never fails: a duplicate is ignored, a gap waits, an add of a
/// present staker or a removal of an absent one is a recorded no-op, and the expected nonce always advances.</summary>
public enum MessageOutcome { Applied, NoOp, Duplicate, Buffered }

/// <summary>The L2 end of the ordered L1→L2 messages (PROTOCOL.md section 3, Messages): applies them strictly in
/// nonce order, exactly once, and keeps L2's staker list in canonical (registration) order. The L2 delegation
/// model builds on this list.</summary>
public sealed class L2StakingInbox
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

    /// <summary>Delivers a relayed message (any order, any number of times).</summary>
    public MessageOutcome Deliver(L1ToL2Message m)
    {
        if (m.Nonce < ExpectedNonce || _buffer.ContainsKey(m.Nonce)) { Duplicates++; return MessageOutcome.Duplicate; }
        if (m.Nonce > ExpectedNonce) { _buffer.Add(m.Nonce, m); return MessageOutcome.Buffered; }
        var outcome = Apply(m);
        while (_buffer.Remove(ExpectedNonce, out var next)) Apply(next);
        return outcome;
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
            _byNonce.Add(nonce, new L2StakerEntry(a.Add.Addr, a.Add.TmKey, a.Add.BlsKey, nonce));
            _nonceOf.Add(a.Add.Addr, nonce);
            return MessageOutcome.Applied;
        }
        var remove = L2StakingContract.RemoveStakerWithReasonCall.Decode(m.Calldata.Span);
        if (remove.IsOk && _nonceOf.Remove(remove.Value!.Staker, out var n))
        {
            _byNonce.Remove(n);
            return MessageOutcome.Applied;
        }
        // An absent staker's removal, or a payload L2 does not know: recorded, and the queue moves on.
        NoOps++;
        return MessageOutcome.NoOp;
    }

    internal void WriteState(StateWriter w)
    {
        w.Write(ExpectedNonce);
        foreach (var s in _byNonce.Values) { w.Write(s.Address); w.Write(s.RegistrationNonce); }
        foreach (var k in _buffer.Keys) w.Write(k);
    }
}
