using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>A value's history as (block, value after every transaction of that block) (PROTOCOL.md 1b and 6):
/// appended at each change, so a write is O(1) amortised and a query at any past height is a binary search, never a
/// walk over blocks. Before the first checkpoint the value is zero.</summary>
public sealed class Checkpoints
{
    private readonly List<(ulong Block, UInt256 Value)> _points = [];

    public int Count => _points.Count;
    public UInt256 Latest => _points.Count == 0 ? UInt256.Zero : _points[^1].Value;
    public IReadOnlyList<(ulong Block, UInt256 Value)> Points => _points;

    /// <summary>Records the value after a transaction of <paramref name="block"/>: a later change in the same block
    /// replaces it (the checkpoint is the value after every transaction of the block).</summary>
    public void Record(ulong block, UInt256 value)
    {
        if (_points.Count > 0 && _points[^1].Block > block)
            throw new InvalidOperationException($"checkpoint at block {block} after one at {_points[^1].Block}: history is append-only");
        if (_points.Count > 0 && _points[^1].Block == block) _points[^1] = (block, value);
        else if (_points.Count == 0 || _points[^1].Value != value) _points.Add((block, value));
    }

    /// <summary>The value after every transaction of block <paramref name="height"/>: O(log n).</summary>
    public UInt256 At(ulong height)
    {
        int lo = 0, hi = _points.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_points[mid].Block <= height) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found < 0 ? UInt256.Zero : _points[found].Value;
    }

    /// <summary>The blocks of the checkpoints after <paramref name="block"/>, in order (binary search to the first).</summary>
    public IEnumerable<ulong> BlocksAfter(ulong block)
    {
        int lo = 0, hi = _points.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_points[mid].Block <= block) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < _points.Count; i++) yield return _points[i].Block;
    }

    internal void WriteState(StateWriter w)
    {
        w.Write((ulong)_points.Count);
        foreach (var (b, v) in _points) { w.Write(b); w.Write(v); }
    }
}
