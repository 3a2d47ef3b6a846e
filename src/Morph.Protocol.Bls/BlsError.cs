namespace Morph.Protocol.Crypto.Bls;

/// <summary>Why an outside input was refused. <see cref="None"/> means accepted.</summary>
public enum BlsError
{
    None = 0,
    /// <summary>Wrong byte length (48 for a public key, 96 for a signature, 32 for a secret key).</summary>
    BadLength,
    /// <summary>Compression flag clear, or sort flag set together with the infinity flag.</summary>
    BadFlags,
    /// <summary>Infinity flag set but other bits nonzero.</summary>
    NonCanonicalInfinity,
    /// <summary>A coordinate is not below the field modulus p.</summary>
    NotInField,
    /// <summary>No point of the curve has that x.</summary>
    NotOnCurve,
    /// <summary>The point is on the curve but outside the order-r subgroup.</summary>
    NotInSubgroup,
    /// <summary>The identity is not a valid public key (KeyValidate).</summary>
    IdentityPublicKey,
    /// <summary>Secret key is zero.</summary>
    ZeroSecretKey,
    /// <summary>Secret key is not below the group order r.</summary>
    SecretKeyOutOfRange,
    /// <summary>An aggregate of nothing, or an empty list where one is required.</summary>
    EmptyInput,
    /// <summary>KeyGen input keying material shorter than 32 bytes.</summary>
    IkmTooShort,
}

/// <summary>A value or the reason it could not be produced; never thrown.</summary>
public readonly struct BlsResult<T>
{
    private readonly T? _value;
    public BlsError Error { get; }
    public bool IsOk => Error == BlsError.None;

    private BlsResult(T? value, BlsError error) { _value = value; Error = error; }

    public static BlsResult<T> Ok(T value) => new(value, BlsError.None);
    public static BlsResult<T> Fail(BlsError error) =>
        error == BlsError.None ? throw new ArgumentException("a failure needs a reason") : new(default, error);

    /// <summary>The value; throws only on programmer error (reading a failed result).</summary>
    public T Value => IsOk ? _value! : throw new InvalidOperationException($"BLS result is an error: {Error}");

    public bool TryGetValue(out T value)
    {
        value = _value!;
        return IsOk;
    }

    public override string ToString() => IsOk ? $"Ok({_value})" : $"Error({Error})";
}
