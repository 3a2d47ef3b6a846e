namespace Morph.Protocol.Crypto.Bls;

/// <summary>
/// A validated public key: a G1 point in the order-r subgroup, not the identity (KeyValidate), kept in affine form
/// so that registered keys are decoded and checked once and then only added.
/// </summary>
public sealed class BlsPublicKey : IEquatable<BlsPublicKey>
{
    internal readonly Affine<Fp> Point;
    private byte[]? _bytes;

    internal BlsPublicKey(in Affine<Fp> point) => Point = point;

    /// <summary>Decodes 48 compressed bytes and runs KeyValidate; the reason is given on refusal.</summary>
    public static BlsResult<BlsPublicKey> Parse(ReadOnlySpan<byte> bytes)
    {
        var err = Serialization.DecompressG1(bytes, out var p);
        if (err != BlsError.None) return BlsResult<BlsPublicKey>.Fail(err);
        if (p.IsIdentity) return BlsResult<BlsPublicKey>.Fail(BlsError.IdentityPublicKey);
        return BlsResult<BlsPublicKey>.Ok(new BlsPublicKey(p) { _bytes = bytes.ToArray() });
    }

    /// <summary>The sum of the keys (point addition), for verifying one message signed by all of them.</summary>
    public static BlsResult<BlsPublicKey> Aggregate(ReadOnlySpan<BlsPublicKey> keys)
    {
        if (keys.Length == 0) return BlsResult<BlsPublicKey>.Fail(BlsError.EmptyInput);
        foreach (var k in keys) if (k is null) return BlsResult<BlsPublicKey>.Fail(BlsError.EmptyInput);
        var sum = SumPoints(keys);
        if (sum.IsIdentity) return BlsResult<BlsPublicKey>.Fail(BlsError.IdentityPublicKey);
        return BlsResult<BlsPublicKey>.Ok(new BlsPublicKey(Curve<Fp>.ToAffine(sum)));
    }

    public static BlsResult<BlsPublicKey> Aggregate(IEnumerable<BlsPublicKey> keys) =>
        keys is null ? BlsResult<BlsPublicKey>.Fail(BlsError.EmptyInput) : Aggregate(keys.ToArray().AsSpan());

    public BlsResult<BlsPublicKey> Add(BlsPublicKey other) =>
        other is null ? BlsResult<BlsPublicKey>.Fail(BlsError.EmptyInput) : Aggregate([this, other]);

    internal static Point<Fp> SumPoints(ReadOnlySpan<BlsPublicKey> keys)
    {
        var acc = Curve<Fp>.Identity;
        foreach (var k in keys) acc = Curve<Fp>.AddAffine(acc, k.Point);
        return acc;
    }

    public byte[] ToBytes()
    {
        if (_bytes is null)
        {
            var b = new byte[Serialization.G1Size];
            Serialization.CompressG1(Point, b);
            _bytes = b;
        }
        return (byte[])_bytes.Clone();
    }

    public bool Equals(BlsPublicKey? other) =>
        other is not null && Fp.Equals(Point.X, other.Point.X) && Fp.Equals(Point.Y, other.Point.Y);
    public override bool Equals(object? obj) => Equals(obj as BlsPublicKey);
    public override int GetHashCode() => Point.X.l0.GetHashCode();
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToBytes());
}
