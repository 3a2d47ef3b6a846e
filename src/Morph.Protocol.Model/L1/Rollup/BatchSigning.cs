using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1.Rollup;

/// <summary>The 32-byte message a BLS-mode batch is signed over (PROTOCOL.md section 4):
/// <c>keccak256(abi.encode(keccak256("Morph.Protocol.BatchSignature.v1"), l1ChainId, rollupAddress, batchIndex, batchHash, setChangeHash))</c>,
/// with <c>setChangeHash = keccak256(abi.encode(address[] newSet))</c> for a change and zero for none.</summary>
public static class BatchSigning
{
    public static readonly Bytes32 Tag = Keccak256.HashUtf8("Morph.Protocol.BatchSignature.v1");

    private static readonly AbiType[] RootTypes =
        [AbiType.Parse("bytes32"), AbiType.Parse("uint256"), AbiType.Parse("address"), AbiType.Parse("uint256"), AbiType.Parse("bytes32"), AbiType.Parse("bytes32")];

    private static readonly AbiType[] SetTypes = [AbiType.Parse("address[]")];

    public static Bytes32 SetChangeHash(IReadOnlyList<Address>? newSet) =>
        newSet is null || newSet.Count == 0 ? Bytes32.Zero : SetHash(newSet);

    /// <summary><c>keccak256(abi.encode(address[] set))</c>, the empty set included: a set change's hash, and the set hash
    /// of a slot record (PROTOCOL.md section 6).</summary>
    public static Bytes32 SetHash(IReadOnlyList<Address> set) =>
        Keccak256.Hash(AbiCodec.Encode(SetTypes, [new AbiValue.Array(new ValueArray<AbiValue>(set.Select(a => (AbiValue)new AbiValue.Addr(a))))]));

    public static Bytes32 SigningRoot(UInt256 l1ChainId, Address rollup, UInt256 batchIndex, Bytes32 batchHash, Bytes32 setChangeHash) =>
        Keccak256.Hash(AbiCodec.Encode(RootTypes,
        [
            Word(Tag), new AbiValue.UInt(l1ChainId), new AbiValue.Addr(rollup), new AbiValue.UInt(batchIndex), Word(batchHash), Word(setChangeHash),
        ]));

    private static AbiValue Word(Bytes32 b) => new AbiValue.Bytes(ByteString.From(b.ToArray()));

    /// <summary>The quorum rule: signers strictly more than num/den of the counted (unslashed) members, and at least one counted.</summary>
    public static bool QuorumMet(int signers, int counted, Ratio quorum) =>
        counted >= 1 && (UInt128)(ulong)signers * quorum.Denominator > (UInt128)quorum.Numerator * (ulong)counted;
}
