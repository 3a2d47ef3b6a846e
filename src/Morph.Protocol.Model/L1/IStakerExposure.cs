using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L1;

/// <summary>"Is this staker exposed?" (PROTOCOL.md section 2): a staker may claim its withdrawal only when it is not in
/// latestSequencerSet, the batch that removed it is finalized, and no unfinalized batch it signed (BLS) or submitted
/// (pre-BLS) remains. L1 staking asks; the Rollup answers.</summary>
public interface IStakerExposure
{
    /// <summary>Null when the staker is not exposed; otherwise the rule that holds its claim back.</summary>
    ProtocolError? ExposureOf(Address staker);
}

/// <summary>The answer before a rollup exists: nobody is exposed.</summary>
public sealed class NoExposure : IStakerExposure
{
    public static NoExposure Instance { get; } = new();
    public ProtocolError? ExposureOf(Address staker) => null;
}
