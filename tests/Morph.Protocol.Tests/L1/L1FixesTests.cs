using Morph.Protocol.Contracts;
using Morph.Protocol.L1;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using static Morph.Protocol.Tests.L1.TestNet;

namespace Morph.Protocol.Tests.L1;

/// <summary>The seven causes of issue 14, each written from PROTOCOL.md's text: the rollup halts in the operation that
/// leaves no live member and latestSequencerSet is a fold (section 4); arithmetic never wraps and an operation never
/// fails half-way (section 1b, invariant 6); calldata beyond the model's integers is a typed refusal (invariant 6);
/// the set "at the end of block −1" is empty (section 4); a finalized batch is refused as finalized.</summary>
[TestClass]
public sealed class L1FixesTests
{
    private const ulong Huge = ulong.MaxValue - 10;

    /// <summary>A network with the given parameters, its clock at <paramref name="start"/>, and stakers 1..n registered.</summary>
    private static L1Network Net(ProtocolParameters p, int stakers, ulong start = 100, ModelProofSystem? proofs = null)
    {
        var net = new L1Network(p, proofs: proofs ?? new ModelProofSystem());
        net.AdvanceTo(start);
        for (int i = 1; i <= stakers; i++) Join(net, Staker(i));
        return net;
    }

    private static void AssertInvariants(L1Network net) =>
        Assert.AreEqual(0, net.CheckInvariants().Count, string.Join("; ", net.CheckInvariants()));

    // ---- 1. the rollup halts in the operation that leaves no live member; latestSequencerSet is a fold ----

    /// <summary>Section 4: "an accepted batch whose change names only slashed stakers, which an honest batch can do
    /// while L2 has not yet heard of the slash" halts the Rollup "in that same operation"; the owner's reset then works.</summary>
    [TestMethod]
    public void A_batch_whose_change_names_only_slashed_stakers_halts_the_rollup_in_that_commit()
    {
        var proofs = new ModelProofSystem();
        var net = Create(5, x: 4, proofs: proofs);
        ToBls(net);
        var set = Members(net);                       // stakers 1..4
        proofs.MarkFraudulent(Hash("bad"));
        Ok(CommitSigned(net, set.Take(3).ToList(), "bad"));
        Ok(net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        net.AdvanceBy(net.Parameters.ProofWindow + 1);
        Ok(net.SettleChallenge(Outsider, 1));         // 1, 2, 3 slashed; 4 is live
        Assert.AreEqual(RollupModeState.Bls, net.Rollup.State);

        // Staker 4 alone signs an honest batch carrying the set L2 moved to before it heard of the slash: {1, 2}.
        var onlySlashed = new[] { set[0].Address, set[1].Address };
        var r = Ok(CommitSigned(net, [set[3]], "honest", onlySlashed));
        Assert.AreEqual(RollupModeState.BlsHalted, net.Rollup.State, "halted by the commit that left no live member");
        Assert.IsTrue(r.Events.OfType<RollupContract.RollupHaltedEvent>().Any(), "the halt is an event of that commit");
        AssertInvariants(net);

        Refused(net, ProtocolRule.NoLiveSequencers, () => CommitSigned(net, [set[3]], "next"));
        Ok(net.ResetSequencerSet(Owner, [set[3].Address, Staker(5).Address]));
        Assert.AreEqual(RollupModeState.Bls, net.Rollup.State, "the reset is allowed: the rollup is halted");
        net.AdvanceBy(net.Parameters.RollupRotationBlocks);   // past any reserved window
        Ok(CommitSigned(net, [set[3], Staker(5)], "after reset"));
        AssertInvariants(net);
    }

    /// <summary>Section 4: "a revert removes its batches' changes and keeps a reset made after them".</summary>
    [TestMethod]
    public void A_revert_keeps_a_reset_made_after_the_reverted_batch()
    {
        var proofs = new ModelProofSystem();
        var net = Create(5, x: 3, proofs: proofs);
        ToBls(net);
        var set = Members(net);                       // stakers 1..3
        Ok(CommitSigned(net, set, "b1"));             // honest, but nobody will prove it
        proofs.MarkFraudulent(Hash("b2"));
        Ok(CommitSigned(net, set, "b2"));
        Ok(net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        Ok(net.ChallengeBatch(Staker(5).Address, net.Parameters.ChallengeDeposit, 2));
        net.AdvanceBy(net.Parameters.ProofWindow + 1);
        Ok(net.SettleChallenge(Outsider, 2));         // slashes 1..3: no live member
        Assert.AreEqual(RollupModeState.BlsHalted, net.Rollup.State);
        var reset = new[] { Staker(4).Address, Staker(5).Address };
        Ok(net.ResetSequencerSet(Owner, reset));

        Ok(net.SettleChallenge(Outsider, 1));         // reverts batch 1, committed before the reset
        CollectionAssert.AreEqual(reset, net.Rollup.LatestSequencerSet.ToArray(), "the fold ends with the reset, made after batch 1");
        Assert.AreEqual(RollupModeState.Bls, net.Rollup.State, "the reset's live members still count");
        AssertInvariants(net);
    }

    // ---- 2. time arithmetic never wraps ----

    /// <summary>Section 1b: "withdrawBlock + withdrawalLockBlocks may exceed 2^64 − 1: then the claim never opens";
    /// the Withdrawn event carries the exact unlock height as a uint256.</summary>
    [TestMethod]
    public void A_lock_beyond_the_last_block_never_opens_and_the_event_reports_it_exactly()
    {
        var net = Net(Params() with { WithdrawalLockBlocks = Huge }, stakers: 2);
        var a = Staker(1).Address;
        var r = Ok(net.Withdraw(a));
        var withdrawn = r.Events.OfType<L1StakingContract.WithdrawnEvent>().Single();
        Assert.AreEqual(UInt256.FromBigInteger(new System.Numerics.BigInteger(100) + Huge), withdrawn.UnlockHeight);
        Refused(net, ProtocolRule.LockNotExpired, () => net.ClaimWithdrawal(a, a));
        net.AdvanceTo(ulong.MaxValue);
        Refused(net, ProtocolRule.LockNotExpired, () => net.ClaimWithdrawal(a, a));
        AssertInvariants(net);
    }

    /// <summary>Section 1b: finalizeBatch(i) iff now > commitBlock(i) + finalizationPeriod: beyond the last block, never.</summary>
    [TestMethod]
    public void A_finalization_period_beyond_the_last_block_never_ends()
    {
        var p = Params() with { FinalizationPeriod = 1UL << 62, ProofWindow = 1UL << 61, WithdrawalLockBlocks = ulong.MaxValue };
        var net = Net(p, stakers: 3, start: ulong.MaxValue - (1UL << 61));
        Ok(net.MarkL2Genesis(Owner));
        Ok(net.CommitBatch(Staker(1).Address, new BatchCommit(1, Hash("b1"))));
        Refused(net, ProtocolRule.FinalizationPeriodNotPassed, () => net.FinalizeBatch(Outsider, 1));
        net.AdvanceTo(ulong.MaxValue);
        Refused(net, ProtocolRule.FinalizationPeriodNotPassed, () => net.FinalizeBatch(Outsider, 1));
        Ok(net.ChallengeBatch(Outsider, p.ChallengeDeposit, 1));   // still inside its window
    }

    /// <summary>Section 1b: a proof is accepted iff now ≤ challengeBlock + proofWindow; settle iff now > it. An honest
    /// batch whose proof window reaches beyond the last block cannot be settled against, and its proof still lands.</summary>
    [TestMethod]
    public void A_proof_window_beyond_the_last_block_never_closes()
    {
        var p = Params() with { FinalizationPeriod = 10, ProofWindow = 1UL << 63, WithdrawalLockBlocks = ulong.MaxValue };
        var net = Net(p, stakers: 3, start: ulong.MaxValue - 1000);
        Ok(net.MarkL2Genesis(Owner));
        var submitter = Staker(1).Address;
        Ok(net.CommitBatch(submitter, new BatchCommit(1, Hash("b1"))));
        Ok(net.ChallengeBatch(Outsider, p.ChallengeDeposit, 1));
        net.AdvanceTo(ulong.MaxValue);
        Refused(net, ProtocolRule.ChallengeNotExpired, () => net.SettleChallenge(Outsider, 1));
        var b = net.Rollup.BatchAt(1)!;
        Ok(net.ProveBatch(Outsider, 1, ModelProofSystem.ProofOf(1, b.Hash, b.SetChangeHash)));
        Assert.AreEqual(L1StakerState.Active, net.Staking.StateOf(submitter), "the honest submitter is not slashed");
        AssertInvariants(net);
    }

    // ---- 3. operations never fail half-way ----

    /// <summary>Invariant 6 and section 1b: with an un-restaking delay beyond the last block, withdraw succeeds; the
    /// claim it starts simply never becomes due.</summary>
    [TestMethod]
    public void Withdraw_with_an_endless_unrestaking_succeeds_whole()
    {
        var net = Net(Params(unrestakingDelay: ulong.MaxValue), stakers: 2);
        var a = Staker(1).Address;
        Ok(net.Withdraw(a));
        Assert.AreEqual(L1StakerState.Exiting, net.Staking.StateOf(a));
        Assert.AreEqual(net.Parameters.StakingValue, net.Ledger.ExitingStakes, "the stake moved to Exiting with the state");
        Assert.AreEqual(1, net.Staking.ActiveCount);
        AssertInvariants(net);
        net.AdvanceTo(ulong.MaxValue);
        Refused(net, ProtocolRule.UnrestakingPending, () => net.ClaimWithdrawal(a, a));
    }

    /// <summary>Section 5: the settlement slashes, queues the ban and sends the L2 message in one operation; with an
    /// endless un-restaking the ban and the challenger's reward never become due, and nothing is stranded.</summary>
    [TestMethod]
    public void Settling_with_an_endless_unrestaking_applies_whole()
    {
        var proofs = new ModelProofSystem();
        var net = Net(Params(unrestakingDelay: ulong.MaxValue), stakers: 4, proofs: proofs);
        Ok(net.MarkL2Genesis(Owner));
        var submitter = Staker(1).Address;
        proofs.MarkFraudulent(Hash("bad"));
        Ok(net.CommitBatch(submitter, new BatchCommit(1, Hash("bad"))));
        Ok(net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        net.AdvanceBy(net.Parameters.ProofWindow + 1);
        var sentBefore = net.Messenger.LastNonce;
        var r = Ok(net.SettleChallenge(Outsider, 1));
        Assert.AreEqual(L1StakerState.Slashed, net.Staking.StateOf(submitter));
        Assert.AreEqual(ChallengeState.Won, net.Rollup.Challenges[0].State);
        Assert.AreEqual(sentBefore + 1, net.Messenger.LastNonce, "the L2 removal message was sent");
        Assert.IsTrue(r.Events.OfType<L1StakingContract.SlashedEvent>().Any());
        Assert.IsFalse(net.Rollup.Challenges[0].MaturesAt!.Value.IsReachable, "the reward waits for an un-restaking that never completes");
        AssertInvariants(net);
        net.AdvanceTo(ulong.MaxValue);
        Assert.AreEqual(L1StakerState.Slashed, net.Staking.StateOf(submitter), "never banned: the un-restaking never completes");
        Refused(net, ProtocolRule.NothingToClaim, () => net.ClaimReward(Outsider, Outsider));
        AssertInvariants(net);
    }

    /// <summary>Section 1b: "an amount that would overflow refuses the operation (ArithmeticOverflow)", changing nothing.</summary>
    [TestMethod]
    public void A_stake_that_would_overflow_the_ledger_is_refused_and_changes_nothing()
    {
        var p = Params() with { StakingValue = UInt256.MaxValue - 5 };
        var net = Net(p, stakers: 1);
        Ok(net.UpdateWhitelist(Owner, [Staker(2).Address], []));
        Refused(net, ProtocolRule.ArithmeticOverflow, () => Staker(2).Register(net).Result);
        Assert.AreEqual(L1StakerState.Whitelisted, net.Staking.StateOf(Staker(2).Address));
        AssertInvariants(net);
    }

    [TestMethod]
    public void A_challenge_deposit_that_would_overflow_the_ledger_is_refused_and_changes_nothing()
    {
        var p = Params() with { ChallengeDeposit = UInt256.MaxValue - 5 };
        var net = Net(p, stakers: 3);
        Ok(net.MarkL2Genesis(Owner));
        Ok(net.CommitBatch(Staker(1).Address, new BatchCommit(1, Hash("b1"))));
        Refused(net, ProtocolRule.ArithmeticOverflow, () => net.ChallengeBatch(Outsider, p.ChallengeDeposit, 1));
    }

    // ---- 4. calldata beyond the model's integers ----

    [TestMethod]
    [DataRow(64)]
    [DataRow(255)]
    public void A_batch_index_beyond_the_model_is_a_typed_refusal(int bit)
    {
        var net = Create(3, x: 3);
        ToBls(net);
        var index = bit == 255 ? UInt256.MaxValue : UInt256.One << bit;
        var rollup = net.Genesis.RollupAddress;
        L1Transaction Tx(IContractCall call) => new(Outsider, rollup, UInt256.Zero, ByteString.From(call.Encode()));
        Refused(net, ProtocolRule.BatchNotFound, () => net.Execute(Tx(new RollupContract.ProveBatchCall(index, ByteString.Empty))));
        Refused(net, ProtocolRule.BatchNotFound, () => net.Execute(Tx(new RollupContract.SettleChallengeCall(index))));
        Refused(net, ProtocolRule.BatchNotFound, () => net.Execute(Tx(new RollupContract.FinalizeBatchIndexCall(index))));
        Refused(net, ProtocolRule.WrongBatchIndex, () => net.Execute(Tx(new RollupContract.CommitSignedBatchCall(index, Hash("b"), new ValueArray<Address>([]), UInt256.One, ByteString.Empty))));
    }

    // ---- 5. slot 0 when BLS is enabled at block 0 ----

    /// <summary>Section 4: S_k is latestSequencerSet at the end of block G+kR−1, and "the set at the end of block −1 is
    /// empty": slot 0 of a rollup switched to BLS at block 0 has no scheduled submitter, so none can time out.</summary>
    [TestMethod]
    public void Slot_0_of_BLS_enabled_at_block_0_has_no_scheduled_submitter()
    {
        var net = Net(Params(), stakers: 3, start: 0);
        Ok(net.MarkL2Genesis(Owner));
        Ok(net.EnableBls(Owner));
        Assert.AreEqual(0UL, net.Rollup.BlsEnabledAt);
        Assert.IsTrue(net.Rollup.SetAtEndOfBlock(0).Length > 0, "the set exists at the end of block 0");
        Assert.IsNull(net.Rollup.SlotAt(0).Scheduled, "S_0 is the empty set before block 0");
        Ok(CommitSigned(net, Members(net), "b1"));   // anyone commits in slot 0
        net.AdvanceTo(net.Parameters.RollupRotationBlocks - 1);
        Assert.IsFalse(net.Rollup.SlotTimedOut(0));
        net.AdvanceTo(net.Parameters.RollupRotationBlocks);
        Assert.AreEqual(net.Rollup.LatestSequencerSet[1], net.Rollup.SlotAt(net.Block).Scheduled, "slot 1: S_1[1]");
    }

    // ---- 6. the right reason ----

    [TestMethod]
    public void Finalizing_a_finalized_batch_is_refused_as_finalized()
    {
        var net = Create(3, x: 3);
        net.RelayAll();
        Ok(net.MarkL2Genesis(Owner));
        Ok(net.CommitBatch(Staker(1).Address, new BatchCommit(1, Hash("b1"))));
        net.AdvanceBy(net.Parameters.FinalizationPeriod + 1);
        Ok(net.FinalizeBatch(Outsider, 1));
        Refused(net, ProtocolRule.BatchFinalized, () => net.FinalizeBatch(Outsider, 1));
    }
}
