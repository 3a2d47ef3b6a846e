namespace Morph.Protocol.Primitives;

/// <summary>A fraction num/den of two unsigned integers (signatureQuorum). Not reduced: the protocol compares
/// <c>count · den &gt; num · total</c>, which needs no division.</summary>
public readonly record struct Ratio(ulong Numerator, ulong Denominator)
{
    public override string ToString() => $"{Numerator}/{Denominator}";
}
