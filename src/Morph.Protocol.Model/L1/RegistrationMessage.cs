using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1;

/// <summary>The messages a staker's keys sign to register (PROTOCOL.md section 2).
/// The registration message, signed by the BLS key, binds key and sender, so a copied pending registration cannot be
/// front-run: <c>keccak256(abi.encode(keccak256("Morph.Protocol.Register.v1"), l1ChainId, stakingAddress, msg.sender, tmKey))</c>.
/// The tm message, signed by tmKey (pure Ed25519), proves the tmKey too, so nobody can squat another's tmKey:
/// <c>keccak256(abi.encode(registrationMessage, keccak256(blsPublicKey)))</c>.</summary>
public static class RegistrationMessage
{
    public static readonly Bytes32 Tag = Keccak256.HashUtf8("Morph.Protocol.Register.v1");

    private static readonly AbiType Bytes32Type = AbiType.Parse("bytes32");
    private static readonly AbiType[] Types = [Bytes32Type, AbiType.Parse("uint256"), AbiType.Parse("address"), AbiType.Parse("address"), Bytes32Type];
    private static readonly AbiType[] TmTypes = [Bytes32Type, Bytes32Type];

    public static Bytes32 Compute(ulong l1ChainId, Address stakingAddress, Address sender, Bytes32 tmKey) =>
        Keccak256.Hash(AbiCodec.Encode(Types,
        [
            Word(Tag), new AbiValue.UInt(l1ChainId), new AbiValue.Addr(stakingAddress), new AbiValue.Addr(sender), Word(tmKey),
        ]));

    /// <summary>The message tmKey signs: the registration message and the hash of the BLS public key's bytes.</summary>
    public static Bytes32 TmMessage(Bytes32 registrationMessage, ReadOnlySpan<byte> blsPublicKey) =>
        Keccak256.Hash(AbiCodec.Encode(TmTypes, [Word(registrationMessage), Word(Keccak256.Hash(blsPublicKey))]));

    /// <summary>The message tmKey signs, from the registration's inputs.</summary>
    public static Bytes32 TmMessage(ulong l1ChainId, Address stakingAddress, Address sender, Bytes32 tmKey, ReadOnlySpan<byte> blsPublicKey) =>
        TmMessage(Compute(l1ChainId, stakingAddress, sender, tmKey), blsPublicKey);

    private static AbiValue.Bytes Word(Bytes32 b) => new(ByteString.From(b.ToArray()));
}
