namespace Morph.Protocol.Lifecycles;

/// <summary>The clock a lock or wait counts on (PROTOCOL.md 1b: every duration is counted in blocks of the chain that
/// enforces it, or in L2 epochs). A host tells the generated lock guards what "now" is on each.</summary>
public enum LifecycleClock
{
    /// <summary>L1 blocks.</summary>
    L1,
    /// <summary>L2 blocks (produced blocks: they stand still while L2 is halted).</summary>
    L2,
    /// <summary>L2 epochs (currentEpoch).</summary>
    Epochs,
}
