namespace Morph.Protocol.L1;

/// <summary>The current L1 block. Every L1 rule reads "now" from here; only the network advances it.</summary>
public sealed class L1Clock
{
    public ulong Block { get; private set; }

    internal void AdvanceTo(ulong block)
    {
        if (block < Block) throw new ArgumentOutOfRangeException(nameof(block), $"L1 time does not go back ({block} < {Block})");
        Block = block;
    }
}
