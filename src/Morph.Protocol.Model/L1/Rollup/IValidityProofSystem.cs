using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1.Rollup;

/// <summary>The validity proof of a batch: it binds the batch (and its setChangeHash) to L2's true history, so a false
/// batch or a false set change is unprovable and loses its challenge. A real system would verify a zk proof.</summary>
public interface IValidityProofSystem
{
    bool Verify(ulong batchIndex, Bytes32 batchHash, Bytes32 setChangeHash, ByteString proof);
}

/// <summary>The model's proof system, deterministic: a batch is honest unless declared fraudulent, and the proof of an
/// honest batch is <c>keccak256("Morph.Protocol.ModelProof.v1" ‖ index ‖ hash ‖ setChangeHash)</c>.</summary>
public sealed class ModelProofSystem : IValidityProofSystem
{
    private readonly HashSet<Bytes32> _fraudulent = new();

    /// <summary>Declares that a batch hash does not match L2's history: no proof of it will ever verify.</summary>
    public void MarkFraudulent(Bytes32 batchHash) => _fraudulent.Add(batchHash);

    public static ByteString ProofOf(ulong batchIndex, Bytes32 batchHash, Bytes32 setChangeHash)
    {
        var data = new byte[28 + 8 + 32 + 32];
        "Morph.Protocol.ModelProof.v1"u8.CopyTo(data);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(28), batchIndex);
        batchHash.WriteTo(data.AsSpan(36));
        setChangeHash.WriteTo(data.AsSpan(68));
        return ByteString.From(Keccak256.Hash(data).ToArray());
    }

    public bool Verify(ulong batchIndex, Bytes32 batchHash, Bytes32 setChangeHash, ByteString proof) =>
        !_fraudulent.Contains(batchHash) && proof.Equals(ProofOf(batchIndex, batchHash, setChangeHash));
}
