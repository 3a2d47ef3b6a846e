using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>A reward epoch while it is open (lifecycle Epoch): blocks [e·L+1, (e+1)·L]. It gathers what the records say
/// about it (blocks proposed per incarnation, bytes submitted per address) and the penalties charged to it, until its
/// close credits rewards and charges debt (PROTOCOL.md section 7).</summary>
[Lifecycle("Epoch")]
public sealed partial class Epoch
{
    private readonly Distribution _distribution;

    internal Epoch(Distribution distribution, ulong index) { _distribution = distribution; Index = index; }

    public ulong Index { get; }
    /// <summary>b_s: blocks of this epoch proposed by each incarnation (by registration nonce).</summary>
    internal SortedDictionary<ulong, ulong> Blocks { get; } = new();
    /// <summary>y: bytes of this epoch's batches per submitter address.</summary>
    internal SortedDictionary<Address, UInt256> Bytes { get; } = new();
    /// <summary>Y: bytes of all batches whose endBlock lies in this epoch.</summary>
    public UInt256 TotalBytes { get; internal set; }
    /// <summary>Penalties charged to this epoch (jailings, timeouts), per incarnation.</summary>
    internal SortedDictionary<ulong, UInt256> Penalties { get; } = new();

    private partial bool PreviousClosed() => Index == 0 || _distribution.LastClosedEpoch == Index - 1;
    private partial bool RewardCovered() => _distribution.RewardCovered();

    internal void WriteState(StateWriter w)
    {
        w.Write(Index); w.Write((ulong)State); w.Write(TotalBytes);
        foreach (var (n, b) in Blocks) { w.Write(n); w.Write(b); }
        foreach (var (a, y) in Bytes) { w.Write(a); w.Write(y); }
        foreach (var (n, p) in Penalties) { w.Write(n); w.Write(p); }
    }
}
