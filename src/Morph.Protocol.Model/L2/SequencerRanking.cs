using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>The ranking of eligible stakers (PROTOCOL.md section 3, Ranking): total delegation descending, ties to
/// the earlier registration. A balanced tree keyed by (total, nonce): each change is one removal and one insertion,
/// O(log n), and the contract set is its first min(X, eligible) entries, O(X) — no change ever scans the stakers.</summary>
public sealed class SequencerRanking
{
    private readonly SortedSet<(UInt256 Total, ulong Nonce)> _tree = new(RankOrder.Instance);

    public int Count => _tree.Count;

    internal void Add(UInt256 total, ulong nonce)
    {
        if (!_tree.Add((total, nonce))) throw new InvalidOperationException($"incarnation {nonce} is ranked twice");
    }

    internal void Remove(UInt256 total, ulong nonce)
    {
        if (!_tree.Remove((total, nonce))) throw new InvalidOperationException($"incarnation {nonce} with total {total} is not ranked");
    }

    internal void Move(ulong nonce, UInt256 from, UInt256 to)
    {
        if (from == to) return;
        Remove(from, nonce);
        Add(to, nonce);
    }

    /// <summary>The registration nonces of the top <paramref name="x"/>, in ranking order.</summary>
    public IEnumerable<ulong> Top(int x)
    {
        foreach (var (_, nonce) in _tree)
        {
            if (x-- <= 0) yield break;
            yield return nonce;
        }
    }

    /// <summary>Rank order: total descending, then registration nonce ascending.</summary>
    public sealed class RankOrder : IComparer<(UInt256 Total, ulong Nonce)>
    {
        public static readonly RankOrder Instance = new();
        public int Compare((UInt256 Total, ulong Nonce) a, (UInt256 Total, ulong Nonce) b)
        {
            int byTotal = b.Total.CompareTo(a.Total);
            return byTotal != 0 ? byTotal : a.Nonce.CompareTo(b.Nonce);
        }
    }
}
