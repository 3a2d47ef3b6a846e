using Morph.Protocol.Contracts;
using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1.Messaging;

/// <summary>Why a staker is removed on L2 (the remove-staker message's reason).</summary>
public enum RemovalReason : byte { Exit = 0, OwnerRemove = 1, Slash = 2 }

/// <summary>An ordered L1→L2 message: its nonce, the L1 block it was sent in, and its payload, which is the
/// calldata of an L2Staking function (addStakerWithNonce / removeStakerWithReason) built by the generated bindings.</summary>
public sealed record L1ToL2Message(ulong Nonce, ulong SentBlock, ByteString Calldata)
{
    public BlockBoundary RelayableAt(ulong confirmations) => BlockBoundary.After(SentBlock, confirmations);

    public static ByteString AddStaker(Address staker, Bytes32 tmKey, ByteString blsKey, ulong registrationNonce) =>
        ByteString.From(new L2StakingContract.AddStakerWithNonceCall(new StakerInfo(staker, tmKey, blsKey), registrationNonce).Encode());

    public static ByteString RemoveStaker(Address staker, RemovalReason reason) =>
        ByteString.From(new L2StakingContract.RemoveStakerWithReasonCall(staker, (byte)reason).Encode());
}
