using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1;

/// <summary>The message a staker's BLS key signs to register (PROTOCOL.md section 2): it binds key and sender, so a
/// copied pending registration cannot be front-run.
/// <c>keccak256(abi.encode(keccak256("Morph.Protocol.Register.v1"), l1ChainId, stakingAddress, msg.sender, tmKey))</c>.</summary>
public static class RegistrationMessage
{
    public static readonly Bytes32 Tag = Keccak256.HashUtf8("Morph.Protocol.Register.v1");

    private static readonly AbiType[] Types = [AbiType.Parse("bytes32"), AbiType.Parse("uint256"), AbiType.Parse("address"), AbiType.Parse("address"), AbiType.Parse("bytes32")];

    public static Bytes32 Compute(ulong l1ChainId, Address stakingAddress, Address sender, Bytes32 tmKey) =>
        Keccak256.Hash(AbiCodec.Encode(Types,
        [
            new AbiValue.Bytes(ByteString.From(Tag.ToArray())), new AbiValue.UInt(l1ChainId),
            new AbiValue.Addr(stakingAddress), new AbiValue.Addr(sender), new AbiValue.Bytes(ByteString.From(tmKey.ToArray())),
        ]));
}
