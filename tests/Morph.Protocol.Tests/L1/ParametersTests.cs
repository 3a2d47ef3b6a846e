using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.L1;

[TestClass]
public sealed class ParametersTests
{
    [TestMethod]
    public void Devnet_defaults_are_valid_and_match_the_protocol_table()
    {
        var p = ProtocolParameters.Devnet;
        Assert.AreEqual(0, p.Validate().Count, string.Join("; ", p.Validate()));
        Assert.AreEqual(UInt256.Parse("1000000000000000000"), p.StakingValue);
        Assert.AreEqual((byte)7, p.SequencerSetMaxSize);
        Assert.AreEqual(1_200UL, p.WithdrawalLockBlocks);
        Assert.AreEqual(new Ratio(2, 3), p.SignatureQuorum);
        Assert.AreEqual(UInt256.Parse("3325856450966"), p.InflationRatePerEpoch);
        Assert.AreEqual(RewardSource.Inflation, p.RewardSource);
    }

    [TestMethod]
    public void A_bad_set_is_refused_with_every_rule_it_breaks()
    {
        var bad = ProtocolParameters.Devnet with
        {
            StakingValue = UInt256.Zero,
            WithdrawalLockBlocks = 752, // 150 + 600 + 2 + 1 = 753
            SignatureQuorum = new Ratio(3, 3),
            BlockRewardShare = 70,
        };
        var names = bad.Validate().Select(v => v.Parameter).ToArray();
        CollectionAssert.AreEquivalent(new[] { "stakingValue", "withdrawalLockBlocks", "signatureQuorum", "blockRewardShare" }, names);
        var e = Assert.ThrowsExactly<InvalidParametersException>(() => new Morph.Protocol.L1.L1Network(bad));
        Assert.AreEqual(4, e.Violations.Count);
        StringAssert.Contains(e.Message, "withdrawalLockBlocks (752) must be >= finalizationPeriod + proofWindow + l1MessageConfirmations + 1 (753)");
    }

    [TestMethod]
    public void The_lock_floor_is_inclusive() =>
        Assert.AreEqual(0, (ProtocolParameters.Devnet with { WithdrawalLockBlocks = 753 }).Validate().Count);

    public static IEnumerable<object[]> SingleViolations() =>
    [
        [ProtocolParameters.Devnet with { SequencerSetMaxSize = 0 }, "sequencerSetMaxSize"],
        [ProtocolParameters.Devnet with { FinalizationPeriod = 0 }, "finalizationPeriod"],
        [ProtocolParameters.Devnet with { ProofWindow = 0, WithdrawalLockBlocks = 1200 }, "proofWindow"],
        [ProtocolParameters.Devnet with { ChallengeDeposit = UInt256.Zero }, "challengeDeposit"],
        [ProtocolParameters.Devnet with { ChallengerRewardPercent = 0 }, "challengerRewardPercent"],
        [ProtocolParameters.Devnet with { ChallengerRewardPercent = 101 }, "challengerRewardPercent"],
        [ProtocolParameters.Devnet with { ProverRewardPercent = 101 }, "proverRewardPercent"],
        [ProtocolParameters.Devnet with { SignatureQuorum = new Ratio(1, 0) }, "signatureQuorum"],
        [ProtocolParameters.Devnet with { EpochLength = 0 }, "epochLength"],
        [ProtocolParameters.Devnet with { UndelegateLockEpochs = 0 }, "undelegateLockEpochs"],
        [ProtocolParameters.Devnet with { MaxPendingEntries = 0 }, "maxPendingEntries"],
        [ProtocolParameters.Devnet with { MaxCommissionStep = 2_001 }, "maxCommissionRate"],
        [ProtocolParameters.Devnet with { MaxCommissionRate = 10_001, MaxCommissionStep = 500 }, "maxCommissionRate"],
        [ProtocolParameters.Devnet with { RewardSource = RewardSource.Funded, RewardPerEpoch = UInt256.Zero }, "rewardPerEpoch"],
        [ProtocolParameters.Devnet with { L2BlockTimeSeconds = 0 }, "l2BlockTimeSeconds"],
        [ProtocolParameters.Devnet with { InactivityJailTurns = 0 }, "inactivityJailTurns"],
        [ProtocolParameters.Devnet with { JailEpochs = 0 }, "jailEpochs"],
        [ProtocolParameters.Devnet with { BatchTimeoutBlocks = 301 }, "batchTimeoutBlocks"],
        [ProtocolParameters.Devnet with { BatchTimeoutBlocks = 0 }, "batchTimeoutBlocks"],
    ];

    [TestMethod]
    [DynamicData(nameof(SingleViolations))]
    public void Each_rule_is_checked(ProtocolParameters p, string parameter)
    {
        var v = p.Validate();
        Assert.AreEqual(1, v.Count, string.Join("; ", v));
        Assert.AreEqual(parameter, v[0].Parameter);
    }
}
