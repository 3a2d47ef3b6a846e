using Morph.Protocol.Contracts;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using static Morph.Protocol.Tests.L2.L2TestNet;
using static Morph.Protocol.Tests.L2.Rewards.RewardTestNet;

namespace Morph.Protocol.Tests.L2.Rewards;

/// <summary>PROTOCOL.md section 7 computed by hand: Funded, R = 1,000,000 units an epoch, epochs of 4 blocks, X = 3,
/// stakers 1..3 (the set never changes, so the scheduled proposer of block h is staker[h mod 3]).</summary>
[TestClass]
public sealed class RewardsTests
{
    private static readonly Address D1 = Delegator(1), D2 = Delegator(2), D3 = Delegator(3);
    private static readonly UInt256 R = 1_000_000;

    private static ProtocolParameters Funded(ulong jailTurns = 10) => Params(x: 3, epochLength: 4) with
    {
        RewardSource = RewardSource.Funded, RewardPerEpoch = R, InactivityJailTurns = jailTurns,
        JailPenalty = 10, SubmitterTimeoutPenalty = 3, MaxDebt = 5, JailEpochs = 1,
    };

    /// <summary>Epochs 0 and 1 closed: 100 MORPH from D1 to staker1 (5 %), 300 from D2 to staker2 (2 %), none to staker3.</summary>
    private static L2Network TwoEpochs(UInt256? funding = null, ProtocolParameters? p = null)
    {
        var l2 = Create(stakers: 3, p: p ?? Funded());
        Ok(l2.Delegate(D1, Staker(1), 100 * Unit));
        Ok(l2.Delegate(D2, Staker(2), 300 * Unit));
        Ok(l2.SetCommissionRate(Staker(1), 500));
        Ok(l2.SetCommissionRate(Staker(2), 200));
        Ok(l2.Approve(D3, l2.Genesis.DistributionAddress, UInt256.MaxValue));
        Ok(l2.Fund(D3, funding ?? 4 * R));
        l2.AdvanceTo(9);
        Ok(RecordBlocks(l2, 8));
        Ok(RecordBatch(l2, 4, Staker(2), 50));
        Ok(RecordBatch(l2, 6, Staker(1), 300));
        var last = Ok(RecordBatch(l2, 8, Staker(2), 100));
        if (funding is null)
            Assert.AreEqual(new DistributeContract.EpochClosedEvent(1, R, 400_000), last.Events.OfType<DistributeContract.EpochClosedEvent>().SingleOrDefault(), "epoch 1 closes in the record that completes it");
        return l2;
    }

    [TestMethod]
    public void An_epoch_with_several_sequencers_and_commissions_and_a_staker_with_no_delegation()
    {
        var treasuryBefore = Create(stakers: 3, p: Funded()).Token.BalanceOf(Treasury);
        var l2 = TwoEpochs();
        Assert.AreEqual(1UL, l2.LastClosedEpoch);
        // Epoch 0: T_s(0) = 0 for all, the whole R to the treasury. Epoch 1 (blocks 5..8): b = s3 2, s1 1, s2 1;
        // block pool 800,000 -> 400,000 / 200,000 / 200,000; rollup pool 200,000 by bytes 300 : 100 -> s1 150,000, s2 50,000.
        // s1: gross 350,000, commission 5 % 17,500, pool 332,500 over 100 MORPH. s2: 250,000, 2 % 5,000, 245,000 over 300.
        // s3: 400,000, no delegation: to the treasury.
        var s1 = l2.Staking.Present(Staker(1))!;
        var s2 = l2.Staking.Present(Staker(2))!;
        Assert.AreEqual((UInt256)17_500, s1.Commission.Unclaimed);
        Assert.AreEqual((UInt256)5_000, s2.Commission.Unclaimed);
        Assert.AreEqual(System.Numerics.BigInteger.Parse("3325000000000"), s1.Index.At(1));
        Assert.AreEqual(System.Numerics.BigInteger.Parse("816666666666"), s2.Index.At(1));
        Assert.AreEqual(treasuryBefore + 1_400_000, l2.Token.BalanceOf(Treasury));
        Assert.AreEqual((UInt256)(332_500 + 245_000), l2.Distribution.RewardsCredited, "s2's credit rounds 244,999.9999998 up");

        var held = l2.Token.BalanceOf(D1);
        var claim = Ok(l2.ClaimReward(D1, Staker(1), 1));
        Assert.AreEqual(held + 332_500, l2.Token.BalanceOf(D1));
        Assert.AreEqual(new DistributeContract.RewardClaimedEvent(D1, Staker(1), 1, 332_500), claim.Events.OfType<DistributeContract.RewardClaimedEvent>().Single());
        Assert.AreEqual((UInt256)244_999, l2.Distribution.PendingReward(l2.Staking.DelegationOf(D2, s2)!), "the floor leaves 1 unit of dust");
        RefusedUnchanged(l2, () => l2.ClaimReward(D1, Staker(1), 1), ProtocolRule.NothingToClaim);
        RefusedUnchanged(l2, () => l2.ClaimReward(D1, Staker(3), 3), ProtocolRule.NothingToClaim);
        RefusedUnchanged(l2, () => l2.ClaimReward(D1, Staker(3), 1), ProtocolRule.UnknownStaker);
        RefusedUnchanged(l2, () => l2.ClaimCommission(Staker(1), 2), ProtocolRule.NotStaker);
        RefusedUnchanged(l2, () => l2.ClaimCommission(Staker(3), 3), ProtocolRule.NothingToClaim);
        RefusedUnchanged(l2, () => l2.ClaimCommission(Staker(1), 9), ProtocolRule.UnknownStaker);
        Ok(l2.ClaimCommission(Staker(1), 1));
        Assert.AreEqual((UInt256)17_500, l2.Token.BalanceOf(Staker(1)));
        Ok(l2.ClaimAll(D2));
        RefusedUnchanged(l2, () => l2.ClaimAll(D2), ProtocolRule.NothingToClaim);
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void An_empty_rollup_pool_and_a_delegation_change_mid_epoch()
    {
        var l2 = TwoEpochs();
        Ok(l2.ClaimReward(D1, Staker(1), 1));
        Ok(l2.ClaimReward(D2, Staker(2), 2));
        l2.AdvanceTo(10);
        Ok(l2.Delegate(D1, Staker(1), 100 * Unit));             // in epoch 2: counts from epoch 3
        l2.AdvanceTo(17);
        var treasury = l2.Token.BalanceOf(Treasury);
        Ok(RecordBlocks(l2, 16));
        Ok(RecordBatch(l2, 16, Staker(1), 10));                  // ends in epoch 3: epoch 2 has Y = 0
        Assert.AreEqual(3UL, l2.LastClosedEpoch);
        // Epoch 2 (9..12): b = s1 2, s2 1, s3 1; the rollup pool (200,000) to the treasury; s3's 200,000 too.
        // Epoch 3 (13..16): b = s2 2, s3 1, s1 1; rollup pool all to s1; s3's 200,000 to the treasury.
        Assert.AreEqual(treasury + 600_000, l2.Token.BalanceOf(Treasury));
        // D1: epoch 2 at 100 MORPH (ΔI 3.8e12) pays 380,000; epoch 3 at 200 MORPH (ΔI 1.9e12) pays 380,000.
        Assert.AreEqual((UInt256)760_000, l2.Distribution.PendingReward(l2.Staking.DelegationOf(D1, l2.Staking.Present(Staker(1))!)!));
        // D2: one piece over epochs 2..3 at 300 MORPH: ⌊300e18 · (653,333,333,333 + 1,306,666,666,666) / 1e27⌋.
        Assert.AreEqual((UInt256)587_999, l2.Distribution.PendingReward(l2.Staking.DelegationOf(D2, l2.Staking.Present(Staker(2))!)!));
        Assert.AreEqual((UInt256)(17_500 + 20_000 + 20_000), l2.Staking.Present(Staker(1))!.Commission.Unclaimed, "epoch 1's, then 5 % of 400,000 twice");
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Funded_the_epoch_waits_for_funds_and_closes_in_the_fund_transaction()
    {
        var l2 = TwoEpochs(funding: R + R / 2);                // epoch 0 closes; epoch 1 waits
        Assert.AreEqual(0UL, l2.LastClosedEpoch);
        Assert.AreEqual(EpochState.Closable, EpochStateOf(l2, 1));
        RefusedUnchanged(l2, () => l2.Fund(D3, UInt256.Zero), ProtocolRule.ZeroAmount);
        RefusedUnchanged(l2, () => l2.Fund(A(0xf00), 1), ProtocolRule.InsufficientAllowance);
        Ok(l2.Fund(D3, R / 4));
        Assert.AreEqual(0UL, l2.LastClosedEpoch);
        var r = Ok(l2.Fund(D3, R / 4));
        Assert.AreEqual(1UL, l2.LastClosedEpoch);
        Assert.AreEqual(new DistributeContract.EpochClosedEvent(1, R, 400_000), r.Events.OfType<DistributeContract.EpochClosedEvent>().Single());
        NoBrokenInvariants(l2);

        var inflation = Create(stakers: 3);
        RefusedUnchanged(inflation, () => inflation.Fund(D1, 1), ProtocolRule.NotFunded);
    }

    private static EpochState EpochStateOf(L2Network l2, ulong e) =>
        l2.Distribution.OpenEpochs.Single(x => x.Index == e).State;

    [TestMethod]
    public void A_record_transaction_is_refused_whole_at_its_first_bad_entry()
    {
        var l2 = Create(stakers: 3, p: Funded());
        l2.AdvanceTo(9);
        var good1 = new BlockRecord(1, Scheduled(l2, 1), 0, 0);
        var good2 = new BlockRecord(2, Scheduled(l2, 2), 0, 0);
        var bad = new BlockRecord(3, D1, 0, 0);
        RefusedUnchanged(l2, () => l2.RecordBlocks(D1, [good1]), ProtocolRule.NotOracle);
        RefusedUnchanged(l2, () => l2.RecordBlocks(Oracle, [good1, good2, bad, new BlockRecord(9, D1, 0, 0)]), ProtocolRule.ProposerNotInConsensusSet);
        Assert.AreEqual(0UL, l2.Distribution.LastBlockRecorded, "nothing is half-written");
        RefusedUnchanged(l2, () => l2.RecordBlocks(Oracle, [good1, new BlockRecord(3, Scheduled(l2, 3), 0, 0)]), ProtocolRule.RecordNotContiguous);
        RefusedUnchanged(l2, () => l2.RecordBlocks(Oracle, [new BlockRecord(9, Scheduled(l2, 9), 0, 0)]), ProtocolRule.BlockNotProduced);
        RefusedUnchanged(l2, () => l2.RecordBlocks(Oracle, [new BlockRecord(UInt256.MaxValue, D1, 0, 0)]), ProtocolRule.ValueOutOfRange);
        Ok(l2.RecordBlocks(Oracle, [good1, good2]));

        RefusedUnchanged(l2, () => l2.RecordRollups(Oracle, [new RollupRecord(2, D1, 1, 4, 0, 1)]), ProtocolRule.BatchNotContiguous);
        RefusedUnchanged(l2, () => l2.RecordRollups(Oracle, [new RollupRecord(1, D1, 2, 4, 0, 1)]), ProtocolRule.BadBlockRange);
        RefusedUnchanged(l2, () => l2.RecordRollups(Oracle, [new RollupRecord(1, D1, 1, 4, 0, 1), new RollupRecord(2, D1, 5, 4, 0, 1)]), ProtocolRule.BadBlockRange);
        RefusedUnchanged(l2, () => l2.RecordRollups(Oracle, [new RollupRecord(1, D1, 1, 9, 0, 1)]), ProtocolRule.BlockNotProduced);
        RefusedUnchanged(l2, () => l2.RecordRollups(Oracle, [new RollupRecord(1, D1, 1, 2, 0, UInt256.MaxValue), new RollupRecord(2, D1, 3, 4, 0, 1)]), ProtocolRule.ArithmeticOverflow);

        var s1 = l2.Staking.Present(Staker(1))!;
        RefusedUnchanged(l2, () => l2.RecordSlots(Oracle, [Slot(l2, s1, true) with { K = 1 }]), ProtocolRule.SlotNotContiguous);
        RefusedUnchanged(l2, () => l2.RecordSlots(Oracle, [Slot(l2, null, false) with { TimedOut = true }]), ProtocolRule.BadSlotRecord);
        RefusedUnchanged(l2, () => l2.RecordSlots(Oracle, [Slot(l2, s1, false) with { SetHash = Slot(l2, null, false).SetHash }]), ProtocolRule.BadSlotRecord);
        RefusedUnchanged(l2, () => l2.SetOracle(D1, D1), ProtocolRule.NotL2Owner);
        Ok(l2.SetOracle(L2Genesis.DevnetOwner, D1));
        Ok(l2.RecordSlots(D1, [Slot(l2, null, false), Slot(l2, s1, false) with { K = 1 }]));
        Assert.AreEqual(2UL, l2.Distribution.NextSlot);
    }

    [TestMethod]
    public void An_inactivity_jailing_and_a_timeout_become_debt_netted_from_commission_and_paid_back()
    {
        var l2 = Create(stakers: 3, p: Funded(jailTurns: 2) with { MaxDebt = 100 });
        Ok(l2.Delegate(D2, Staker(2), 300 * Unit));
        Ok(l2.SetCommissionRate(Staker(2), 500));
        Ok(l2.Approve(D3, l2.Genesis.DistributionAddress, UInt256.MaxValue));
        Ok(l2.Fund(D3, 4 * R));
        l2.AdvanceTo(13);
        // staker3 is scheduled at 2, 5, 8, 11: staker1 proposes 2 and 5 for it: its second missed turn jails it.
        var jailing = Ok(RecordBlocks(l2, 5, h => h is 2 or 5 ? Staker(1) : Scheduled(l2, h)));
        var s3 = l2.Staking.Incarnation(Staker(3), 3)!;
        Assert.IsTrue(s3.IsJailed);
        Assert.AreEqual(0UL, s3.Missed, "the record that reaches inactivityJailTurns resets it");
        Assert.AreEqual(new DistributeContract.PenaltyChargedEvent(Staker(3), 3, 3, 10), jailing.Events.OfType<DistributeContract.PenaltyChargedEvent>().Single(), "charged to epoch(c), c = block 13");
        // staker2's slot timed out: 3 units, also charged to epoch 3.
        Ok(l2.RecordSlots(Oracle, [Slot(l2, l2.Staking.Present(Staker(2)), true)]));
        l2.AdvanceTo(17);
        var treasury = l2.Token.BalanceOf(Treasury);
        RecordThrough(l2, 16);
        Assert.AreEqual(3UL, l2.LastClosedEpoch);
        var s2 = l2.Staking.Present(Staker(2))!;
        Assert.AreEqual(UInt256.Zero, s2.Debt, "netted against its commission at the close of epoch 3");
        Assert.AreEqual((UInt256)10, s3.Debt, "jailed in epochs 1..3: no commission to net against");
        Assert.IsTrue(s3.JailedIn(3) && !s3.JailedIn(2), "jailed at block 13, in epoch 3");
        Assert.AreEqual(UInt256.Zero, s3.Commission.Unclaimed);
        Ok(l2.Approve(D1, l2.Genesis.DistributionAddress, UInt256.MaxValue));
        RefusedUnchanged(l2, () => l2.PayDebt(D1, Staker(3), 11), ProtocolRule.AmountExceedsDebt);
        RefusedUnchanged(l2, () => l2.PayDebt(D1, Staker(3), UInt256.Zero), ProtocolRule.ZeroAmount);
        RefusedUnchanged(l2, () => l2.PayDebt(D1, A(0x77), 1), ProtocolRule.NotPresent);
        treasury = l2.Token.BalanceOf(Treasury);
        Ok(l2.PayDebt(D1, Staker(3), 10));
        Assert.AreEqual(treasury + 10, l2.Token.BalanceOf(Treasury));
        Assert.AreEqual(UInt256.Zero, s3.Debt);
        Ok(l2.Unjail(Staker(3)));
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Debt_above_maxDebt_jails_at_the_close_and_stays_through_a_restart()
    {
        var l2 = Create(stakers: 3, p: Funded() with { MaxDebt = 5, SubmitterTimeoutPenalty = 6 });
        Ok(l2.Approve(D3, l2.Genesis.DistributionAddress, UInt256.MaxValue));
        Ok(l2.Fund(D3, 10 * R));
        l2.AdvanceTo(5);
        Ok(l2.RecordSlots(Oracle, [Slot(l2, l2.Staking.Present(Staker(3)), true)]));   // 6 > maxDebt, charged to epoch 1
        l2.AdvanceTo(9);
        var closing = Ok(RecordBlocks(l2, 8));
        Ok(RecordBatch(l2, 8, Staker(1), 10));
        var s3 = l2.Staking.Present(Staker(3))!;
        Assert.IsTrue(s3.IsJailed, "jailed in the close's transaction");
        Assert.AreEqual((UInt256)6, s3.Debt);
        ToEpoch(l2, 4);
        RefusedUnchanged(l2, () => l2.Unjail(Staker(3)), ProtocolRule.DebtAboveMax);

        // Every other staker leaves: L2 halts; a new staker arrives while halted; the restart unjails staker3, debt kept.
        l2.Deliver(RemoveMessage(4, 1));
        l2.Deliver(RemoveMessage(5, 2));
        l2.AdvanceTo(l2.Height + 5);
        Assert.IsTrue(l2.IsHalted);
        l2.Deliver(AddMessage(6, 4));
        Ok(l2.RestartL2(L2Genesis.DevnetOwner));
        Assert.IsTrue(s3.IsEligible);
        Assert.AreEqual((UInt256)6, s3.Debt, "the debt stays");
        // The next close jails it again (staker4 stays eligible).
        var upTo = (l2.EpochOf(l2.Height) ) * l2.Parameters.EpochLength;
        l2.AdvanceTo(upTo + l2.Parameters.EpochLength + 1);
        RecordThrough(l2, upTo + l2.Parameters.EpochLength);
        Assert.IsTrue(s3.IsJailed, "re-jailed at the next close");
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void A_timeout_is_charged_to_the_incarnation_it_names_and_lapses_when_that_one_is_gone()
    {
        var l2 = Create(stakers: 3, p: Funded());
        var old = l2.Staking.Present(Staker(2))!;
        l2.Deliver(RemoveMessage(4, 2));
        l2.Deliver(AddMessage(5, 2));
        var fresh = l2.Staking.Present(Staker(2))!;
        var r = Ok(l2.RecordSlots(Oracle, [Slot(l2, old, true)]));
        Assert.AreEqual(0, r.Events.OfType<DistributeContract.PenaltyChargedEvent>().Count(), "the named incarnation is gone: it lapses");
        r = Ok(l2.RecordSlots(Oracle, [Slot(l2, fresh, true)]));
        Assert.AreEqual(new DistributeContract.PenaltyChargedEvent(Staker(2), 5, 0, 3), r.Events.OfType<DistributeContract.PenaltyChargedEvent>().Single());
    }

    [TestMethod]
    public void An_old_incarnations_debt_is_written_off_and_its_rewards_stay_claimable()
    {
        var l2 = TwoEpochs(p: Funded() with { SubmitterTimeoutPenalty = 1_000_000 });   // D2: 244,999 pending with staker2 (incarnation 2)
        l2.AdvanceTo(10);
        Ok(l2.ClaimCommission(Staker(2), 2));
        Ok(l2.RecordSlots(Oracle, [Slot(l2, l2.Staking.Present(Staker(2)), true)]));   // 1,000,000 units of debt, epoch 2
        l2.Deliver(RemoveMessage(4, 2));                        // removed in epoch 2
        l2.AdvanceTo(13);
        RecordThrough(l2, 12);
        var old = l2.Staking.Incarnation(Staker(2), 2)!;
        Assert.AreEqual(2UL, l2.LastClosedEpoch);
        // Epoch 2: staker2 proposed block 10 (its removal block; the consensus set still held it): 200,000 gross,
        // 4,000 commission netted against the 1,000,000 debt, the remaining 996,000 written off.
        Assert.AreEqual(UInt256.Zero, old.Commission.Unclaimed);
        Assert.AreEqual(UInt256.Zero, old.Debt, "written off after the close of the epoch containing its removal");
        var held = l2.Token.BalanceOf(D2);
        Ok(l2.ClaimReleased(D2, Staker(2), 2));
        Ok(l2.ClaimReward(D2, Staker(2), 2));                   // after claimReleased, still claimable
        // Epochs 1 and 2 at 300 MORPH (T set at the start of epoch 2, before the removal): ⌊300e18·(816,666,666,666 + 653,333,333,333)/1e27⌋.
        Assert.AreEqual(held + 300 * Unit + 440_999, l2.Token.BalanceOf(D2));
        NoBrokenInvariants(l2);
    }

    private sealed class L1Says : IL1Facts
    {
        public ulong Finalized { get; init; } = 100;
        public bool IsFinalized(ulong batchIndex) => batchIndex <= Finalized;
        public (ulong StartBlock, ulong EndBlock, UInt256 SizeBytes, Address Submitter)? Committed(ulong batchIndex) => (1, 4, 50, Staker(2));
        public (Address Scheduled, ulong RegistrationNonce, Bytes32 SetHash, bool TimedOut)? Slot(ulong k) => k == 0 ? (Staker(1), 1, Keccak256.HashUtf8("some set"), true) : null;
    }

    [TestMethod]
    public void Where_the_model_holds_L1_records_are_checked_against_it()
    {
        var l2 = Create(stakers: 3, p: Funded());
        l2.AdvanceTo(9);
        l2.L1Facts = new L1Says { Finalized = 0 };
        RefusedUnchanged(l2, () => l2.RecordRollups(Oracle, [new RollupRecord(1, Staker(2), 1, 4, 0, 50)]), ProtocolRule.BatchNotFinalized);
        l2.L1Facts = new L1Says();
        RefusedUnchanged(l2, () => l2.RecordRollups(Oracle, [new RollupRecord(1, Staker(2), 1, 4, 0, 51)]), ProtocolRule.BatchNotFinalized);
        RefusedUnchanged(l2, () => l2.RecordRollups(Oracle, [new RollupRecord(1, Staker(3), 1, 4, 0, 50)]), ProtocolRule.BatchNotFinalized);
        Ok(l2.RecordRollups(Oracle, [new RollupRecord(1, Staker(2), 1, 4, 0, 50)]));
        var s1 = l2.Staking.Present(Staker(1))!;
        RefusedUnchanged(l2, () => l2.RecordSlots(Oracle, [Slot(l2, s1, false)]), ProtocolRule.BadSlotRecord);   // L1: it timed out
        var r = Ok(l2.RecordSlots(Oracle, [Slot(l2, s1, true)]));
        Assert.AreEqual(1, r.Events.OfType<DistributeContract.PenaltyChargedEvent>().Count());
    }
}
