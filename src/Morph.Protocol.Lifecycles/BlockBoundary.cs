using Morph.Protocol.Primitives;

namespace Morph.Protocol.Lifecycles;

/// <summary>A block height computed as <c>start + duration</c>, exactly: the one way every lock, window and delay
/// boundary is computed (PROTOCOL.md 1b, "Arithmetic never wraps"). Durations are parameters with no upper bound, so
/// the sum may lie beyond the last representable block (2^64 − 1); such a boundary is never reached, and it is kept
/// exact (128 bits) so that events and messages can report it as it is.</summary>
public readonly record struct BlockBoundary : IComparable<BlockBoundary>
{
    private BlockBoundary(UInt128 height) => Height = height;

    /// <summary>The exact height; above <see cref="ulong.MaxValue"/> when the boundary is never reached.</summary>
    public UInt128 Height { get; }

    /// <summary><paramref name="start"/> + <paramref name="duration"/>, never wrapping.</summary>
    public static BlockBoundary After(ulong start, ulong duration) => new((UInt128)start + duration);

    /// <summary>A boundary at a block already known (an un-restaking completed at once, say).</summary>
    public static BlockBoundary At(ulong block) => new(block);

    /// <summary>The boundary that is never reached: no block is as late.</summary>
    public static BlockBoundary Never { get; } = new((UInt128)ulong.MaxValue + 1);

    /// <summary>now ≥ boundary: a lock that has elapsed, a delay that has completed.</summary>
    public bool IsReachedAt(ulong now) => now >= Height;

    /// <summary>now > boundary: a window that has closed (finalization period, proof window).</summary>
    public bool IsPassedAt(ulong now) => now > Height;

    /// <summary>Some block can reach it.</summary>
    public bool IsReachable => Height <= ulong.MaxValue;

    /// <summary>The later of two boundaries (the moment both have been reached).</summary>
    public static BlockBoundary Max(BlockBoundary a, BlockBoundary b) => a.Height >= b.Height ? a : b;

    /// <summary>The exact height as a uint256, as the contracts' events carry it.</summary>
    public UInt256 ToUInt256() => new((ulong)Height, (ulong)(Height >> 64), 0, 0);

    public int CompareTo(BlockBoundary other) => Height.CompareTo(other.Height);

    public override string ToString() => IsReachable ? Height.ToString() : $"{Height} (beyond the last block: never)";
}
