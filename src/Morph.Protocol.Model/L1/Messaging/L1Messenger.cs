using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1.Messaging;

/// <summary>The L1 side of the ordered messages: nonces strictly increase from 1; nothing is ever taken back.</summary>
public sealed class L1Messenger(Address l2StakingAddress, Address l1StakingAddress)
{
    private readonly List<L1ToL2Message> _sent = [];

    public IReadOnlyList<L1ToL2Message> Sent => _sent;
    public ulong LastNonce => (ulong)_sent.Count;

    /// <summary>Sends a message from L1Staking to L2Staking; returns its SentMessage event.</summary>
    internal (L1ToL2Message Message, IContractEvent Event) Send(ByteString calldata, ulong block)
    {
        var m = new L1ToL2Message(LastNonce + 1, block, calldata);
        _sent.Add(m);
        var ev = new L1CrossDomainMessengerContract.SentMessageEvent(l1StakingAddress, l2StakingAddress, UInt256.Zero, m.Nonce, UInt256.Zero, calldata);
        return (m, ev);
    }

    /// <summary>The messages a relayer may deliver at L1 block <paramref name="block"/> (PROTOCOL.md 1b).</summary>
    public IEnumerable<L1ToL2Message> Relayable(ulong block, ulong confirmations) => _sent.TakeWhile(m => m.RelayableAt(confirmations).IsReachedAt(block));

    internal void WriteState(StateWriter w)
    {
        w.Write((ulong)_sent.Count);
        foreach (var m in _sent) { w.Write(m.Nonce); w.Write(m.SentBlock); w.Write(m.Calldata.Span); }
    }
}
