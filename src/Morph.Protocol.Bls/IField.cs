namespace Morph.Protocol.Crypto.Bls;

/// <summary>
/// The field operations the curve code needs, as static abstracts so that the one generic point implementation
/// (<see cref="Curve{F}"/>) is specialised by the JIT for Fp (G1) and Fp2 (G2) with no virtual calls.
/// </summary>
internal interface IField<F> where F : unmanaged, IField<F>
{
    static abstract F Zero { get; }
    static abstract F One { get; }
    bool IsZero { get; }
    static abstract F Add(in F a, in F b);
    static abstract F Sub(in F a, in F b);
    static abstract F Double(in F a);
    static abstract F Neg(in F a);
    static abstract F Mul(in F a, in F b);
    static abstract F Square(in F a);
    static abstract F Inverse(in F a);
    static abstract F Select(in F a, in F b, ulong mask);
    static abstract bool Equals(in F a, in F b);
}

/// <summary>The curve constant b of the curve over that field (each field here carries exactly one curve).</summary>
internal interface ICurveField<F> : IField<F> where F : unmanaged, ICurveField<F>
{
    static abstract F CurveB { get; }
    /// <summary>3·b·a, used by the complete formulas.</summary>
    static abstract F MulBy3B(in F a);
}
