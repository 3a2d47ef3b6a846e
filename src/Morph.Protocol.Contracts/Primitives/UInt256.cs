using System.Runtime.CompilerServices;

namespace Morph.Protocol.Primitives;

/// <summary>
/// An unsigned 256-bit integer (Solidity's <c>uint256</c>). Four little-endian 64-bit limbs, modelled on
/// Nethermind's Int256: a value type, no allocation in arithmetic, operators checked (EVM code that overflows
/// reverts, so silent wrap-around here would hide the same bug); the Wrapping* methods are the explicit escape.
/// </summary>
public readonly partial struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>
{
    /// <summary>Limbs, least significant first.</summary>
    public readonly ulong u0, u1, u2, u3;

    public static readonly UInt256 Zero = default;
    public static readonly UInt256 One = new(1, 0, 0, 0);
    public static readonly UInt256 MaxValue = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    public UInt256(ulong u0, ulong u1, ulong u2, ulong u3)
    {
        this.u0 = u0;
        this.u1 = u1;
        this.u2 = u2;
        this.u3 = u3;
    }

    public bool IsZero => (u0 | u1 | u2 | u3) == 0;

    public bool Equals(UInt256 other) => u0 == other.u0 && u1 == other.u1 && u2 == other.u2 && u3 == other.u3;

    public override bool Equals(object? obj) => obj is UInt256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(u0, u1, u2, u3);

    public int CompareTo(UInt256 other)
    {
        if (u3 != other.u3) return u3 < other.u3 ? -1 : 1;
        if (u2 != other.u2) return u2 < other.u2 ? -1 : 1;
        if (u1 != other.u1) return u1 < other.u1 ? -1 : 1;
        if (u0 != other.u0) return u0 < other.u0 ? -1 : 1;
        return 0;
    }

    public static bool operator ==(in UInt256 a, in UInt256 b) => a.Equals(b);
    public static bool operator !=(in UInt256 a, in UInt256 b) => !a.Equals(b);
    public static bool operator <(in UInt256 a, in UInt256 b) => a.CompareTo(b) < 0;
    public static bool operator >(in UInt256 a, in UInt256 b) => a.CompareTo(b) > 0;
    public static bool operator <=(in UInt256 a, in UInt256 b) => a.CompareTo(b) <= 0;
    public static bool operator >=(in UInt256 a, in UInt256 b) => a.CompareTo(b) >= 0;

    /// <summary>Limb <paramref name="i"/> (0 = least significant); used by the division and formatting loops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ulong Limb(int i) => i switch { 0 => u0, 1 => u1, 2 => u2, _ => u3 };
}
