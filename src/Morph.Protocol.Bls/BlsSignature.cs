namespace Morph.Protocol.Crypto.Bls;

/// <summary>A validated signature: a G2 point in the order-r subgroup (the identity decodes, and never verifies).</summary>
public sealed class BlsSignature : IEquatable<BlsSignature>
{
    internal readonly Affine<Fp2> Point;
    private byte[]? _bytes;

    internal BlsSignature(in Affine<Fp2> point) => Point = point;

    /// <summary>Decodes 96 compressed bytes with the field, curve and subgroup checks.</summary>
    public static BlsResult<BlsSignature> Parse(ReadOnlySpan<byte> bytes)
    {
        var err = Serialization.DecompressG2(bytes, out var p);
        return err != BlsError.None
            ? BlsResult<BlsSignature>.Fail(err)
            : BlsResult<BlsSignature>.Ok(new BlsSignature(p) { _bytes = bytes.ToArray() });
    }

    public static BlsResult<BlsSignature> Aggregate(ReadOnlySpan<BlsSignature> signatures)
    {
        if (signatures.Length == 0) return BlsResult<BlsSignature>.Fail(BlsError.EmptyInput);
        foreach (var sig in signatures) if (sig is null) return BlsResult<BlsSignature>.Fail(BlsError.EmptyInput);
        var acc = Curve<Fp2>.Identity;
        foreach (var s in signatures) acc = Curve<Fp2>.AddAffine(acc, s.Point);
        return BlsResult<BlsSignature>.Ok(new BlsSignature(Curve<Fp2>.ToAffine(acc)));
    }

    public static BlsResult<BlsSignature> Aggregate(IEnumerable<BlsSignature> signatures) =>
        signatures is null ? BlsResult<BlsSignature>.Fail(BlsError.EmptyInput) : Aggregate(signatures.ToArray().AsSpan());

    public bool IsIdentity => Point.IsIdentity;

    public byte[] ToBytes()
    {
        if (_bytes is null)
        {
            var b = new byte[Serialization.G2Size];
            Serialization.CompressG2(Point, b);
            _bytes = b;
        }
        return (byte[])_bytes.Clone();
    }

    public bool Equals(BlsSignature? other) =>
        other is not null && Point.IsIdentity == other.Point.IsIdentity &&
        Fp2.Equals(Point.X, other.Point.X) && Fp2.Equals(Point.Y, other.Point.Y);
    public override bool Equals(object? obj) => Equals(obj as BlsSignature);
    public override int GetHashCode() => Point.X.C0.l0.GetHashCode();
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToBytes());
}
