using System.Numerics;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>I_s(e), cumulative reward per unit of delegation, scaled by 10^27 (PROTOCOL.md section 7), held exactly
/// (a BigInteger: a sum of 256-bit quotients scaled by 10^27 may outgrow 256 bits). Stored only at the epochs that
/// credited something, so a query at any epoch is a binary search and a claim never walks epochs.</summary>
public sealed class RewardIndex
{
    public static readonly BigInteger Scale = BigInteger.Pow(10, 27);
    private readonly List<(ulong Epoch, BigInteger Value)> _points = [];

    public int Count => _points.Count;

    /// <summary>I(e); I(−1) = 0 (pass <c>null</c> for −1).</summary>
    public BigInteger At(ulong? epoch)
    {
        if (epoch is not { } e) return BigInteger.Zero;
        int lo = 0, hi = _points.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_points[mid].Epoch <= e) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found < 0 ? BigInteger.Zero : _points[found].Value;
    }

    /// <summary>I(e) = I(e−1) + ΔI, at the close of e (epochs close in order).</summary>
    internal void Credit(ulong epoch, BigInteger delta)
    {
        var previous = _points.Count == 0 ? BigInteger.Zero : _points[^1].Value;
        _points.Add((epoch, previous + delta));
    }

    internal void WriteState(StateWriter w)
    {
        w.Write((ulong)_points.Count);
        foreach (var (e, v) in _points) { w.Write(e); w.Write(v.ToByteArray(isUnsigned: true, isBigEndian: true)); }
    }
}
