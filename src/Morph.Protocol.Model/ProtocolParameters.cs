using Morph.Protocol.Primitives;

namespace Morph.Protocol;

/// <summary>The genesis rules that relate the parameters (PROTOCOL.md section 1). The values and defaults are
/// generated from spec/protocol.morph.</summary>
public sealed partial record ProtocolParameters
{
    public static ProtocolParameters Devnet { get; } = new();

    /// <summary>Every rule this set breaks (empty when valid): a bad set is refused with all of them, not the first.</summary>
    public IReadOnlyList<ParameterViolation> Validate()
    {
        var v = new List<ParameterViolation>();
        void Rule(bool ok, string name, string message) { if (!ok) v.Add(new ParameterViolation(name, message)); }

        Rule(!StakingValue.IsZero, "stakingValue", "stakingValue must be > 0");
        Rule(SequencerSetMaxSize >= 1, "sequencerSetMaxSize", "sequencerSetMaxSize (X) must be in 1..255");
        Rule(FinalizationPeriod >= 1, "finalizationPeriod", "finalizationPeriod must be >= 1");
        Rule(ProofWindow >= 1, "proofWindow", "proofWindow must be >= 1");
        var floor = (UInt128)FinalizationPeriod + ProofWindow + L1MessageConfirmations + 1;
        Rule(WithdrawalLockBlocks >= floor, "withdrawalLockBlocks",
            $"withdrawalLockBlocks ({WithdrawalLockBlocks}) must be >= finalizationPeriod + proofWindow + l1MessageConfirmations + 1 ({floor})");
        Rule(!ChallengeDeposit.IsZero, "challengeDeposit", "challengeDeposit must be > 0");
        Rule(ChallengerRewardPercent is >= 1 and <= 100, "challengerRewardPercent", $"challengerRewardPercent ({ChallengerRewardPercent}) must be in 1..100");
        Rule(ProverRewardPercent <= 100, "proverRewardPercent", $"proverRewardPercent ({ProverRewardPercent}) must be in 0..100");
        Rule(SignatureQuorum.Denominator > 0 && SignatureQuorum.Numerator < SignatureQuorum.Denominator, "signatureQuorum",
            $"signatureQuorum ({SignatureQuorum}) must satisfy 0 <= num < den");
        Rule(EpochLength >= 1, "epochLength", "epochLength must be >= 1");
        Rule(UndelegateLockEpochs >= 1, "undelegateLockEpochs", "undelegateLockEpochs must be >= 1");
        Rule(MaxPendingEntries >= 1, "maxPendingEntries", "maxPendingEntries must be >= 1");
        Rule(MaxCommissionStep <= MaxCommissionRate && MaxCommissionRate <= 10_000, "maxCommissionRate",
            $"0 <= maxCommissionStep ({MaxCommissionStep}) <= maxCommissionRate ({MaxCommissionRate}) <= 10000 must hold");
        Rule(RewardSource != RewardSource.Funded || !RewardPerEpoch.IsZero, "rewardPerEpoch", "rewardPerEpoch must be > 0 when rewardSource is Funded");
        Rule(L2BlockTimeSeconds >= 1, "l2BlockTimeSeconds", "l2BlockTimeSeconds must be >= 1");
        Rule(BlockRewardShare + RollupRewardShare == 100, "blockRewardShare",
            $"blockRewardShare ({BlockRewardShare}) + rollupRewardShare ({RollupRewardShare}) must be 100");
        Rule(InactivityJailTurns >= 1, "inactivityJailTurns", "inactivityJailTurns must be >= 1");
        Rule(JailEpochs >= 1, "jailEpochs", "jailEpochs must be >= 1");
        Rule(BatchTimeoutBlocks >= 1 && BatchTimeoutBlocks <= RollupRotationBlocks, "batchTimeoutBlocks",
            $"1 <= batchTimeoutBlocks ({BatchTimeoutBlocks}) <= rollupRotationBlocks ({RollupRotationBlocks}) must hold");
        return v;
    }
}

/// <summary>One genesis rule a parameter set breaks: the parameter and a message naming the rule.</summary>
public sealed record ParameterViolation(string Parameter, string Message)
{
    public override string ToString() => $"{Parameter}: {Message}";
}

/// <summary>Thrown when a network is created from parameters that break genesis rules; lists them all.</summary>
public sealed class InvalidParametersException(IReadOnlyList<ParameterViolation> violations)
    : Exception("invalid protocol parameters: " + string.Join("; ", violations))
{
    public IReadOnlyList<ParameterViolation> Violations { get; } = violations;
}
