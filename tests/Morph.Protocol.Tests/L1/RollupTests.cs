using Morph.Protocol.Contracts;
using Morph.Protocol.Devnet;
using Morph.Protocol.L1;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using static Morph.Protocol.Tests.L1.TestNet;

namespace Morph.Protocol.Tests.L1;

[TestClass]
public sealed class RollupTests
{
    private static L1Network Bls(int stakers, byte x, ModelProofSystem? proofs = null, ulong unrestakingDelay = 0)
    {
        var net = Create(stakers, x, unrestakingDelay, proofs);
        ToBls(net);
        return net;
    }

    private static IReadOnlyList<DevnetStaker> First(int n) => Enumerable.Range(1, n).Select(Staker).ToList();

    // ---- genesis and pre-BLS ----

    [TestMethod]
    public void Genesis_needs_the_owner_and_X_active_stakers_once()
    {
        var net = Create(2, x: 3);
        Refused(net, ProtocolRule.GenesisNotMarked, () => net.CommitBatch(Staker(1).Address, new BatchCommit(1, Hash("b1"))));
        Refused(net, ProtocolRule.NotOwner, () => net.MarkL2Genesis(Outsider));
        Refused(net, ProtocolRule.NotEnoughStakers, () => net.MarkL2Genesis(Owner));
        Join(net, Staker(3));
        Join(net, Staker(4));
        Ok(net.MarkL2Genesis(Owner));
        CollectionAssert.AreEqual(First(3).Select(s => s.Address).ToArray(), net.Rollup.LatestSequencerSet.ToArray(), "the first X by registration");
        Assert.AreEqual(4UL, net.Rollup.GenesisNonce, "4 add-staker messages sent at or before genesis");
        Refused(net, ProtocolRule.GenesisAlreadyMarked, () => net.MarkL2Genesis(Owner));
    }

    [TestMethod]
    public void Before_BLS_only_active_stakers_commit_in_order()
    {
        var net = Create(4, x: 3);
        net.RelayAll();
        Ok(net.MarkL2Genesis(Owner));
        Refused(net, ProtocolRule.NotActiveStaker, () => net.CommitBatch(Outsider, new BatchCommit(1, Hash("b1"))));
        Refused(net, ProtocolRule.WrongBatchIndex, () => net.CommitBatch(Staker(4).Address, new BatchCommit(2, Hash("b2"))));
        Assert.IsNull(net.Rollup.ExposureOf(Staker(4).Address));
        var r = Ok(net.CommitBatch(Staker(4).Address, new BatchCommit(1, Hash("b1"))));
        Assert.AreEqual(new RollupContract.CommitBatchEvent(1, Hash("b1")), r.Events[0]);
        Assert.AreEqual(ProtocolRule.SignedUnfinalizedBatch, net.Rollup.ExposureOf(Staker(4).Address)!.Rule, "the submitter answers for its pre-BLS batch");
        Assert.AreEqual(ProtocolRule.InLatestSequencerSet, net.Rollup.ExposureOf(Staker(1).Address)!.Rule);
    }

    [TestMethod]
    public void Set_changes_are_validated()
    {
        var net = Create(4, x: 3);
        net.RelayAll();
        Ok(net.MarkL2Genesis(Owner));
        var a = Staker(1).Address; var b = Staker(2).Address; var c = Staker(3).Address; var d = Staker(4).Address;
        BatchCommit With(params Address[] set) => new(1, Hash("b1"), set);
        Refused(net, ProtocolRule.BadSequencerSet, () => net.CommitBatch(a, With(a, b, c, d)));  // more than X
        Refused(net, ProtocolRule.BadSequencerSet, () => net.CommitBatch(a, With(a, a)));        // duplicate
        Refused(net, ProtocolRule.BadSequencerSet, () => net.CommitBatch(a, With(b, a)));        // not canonical
        Refused(net, ProtocolRule.BadSequencerSet, () => net.CommitBatch(a, With(a, b, c)));     // no change
        Refused(net, ProtocolRule.BadSequencerSet, () => net.CommitBatch(a, With(a, Outsider))); // not registered
        Ok(net.CommitBatch(a, With(b, d)));
        CollectionAssert.AreEqual(new[] { b, d }, net.Rollup.LatestSequencerSet.ToArray());
    }

    [TestMethod]
    public void Before_BLS_a_false_set_change_is_unprovable_and_its_submitter_is_slashed()
    {
        var proofs = new ModelProofSystem();
        var net = Create(5, x: 3, proofs: proofs);
        net.RelayAll();
        Ok(net.MarkL2Genesis(Owner));
        var liar = Staker(4);
        var falseSet = new[] { Staker(4).Address, Staker(5).Address };
        Ok(net.CommitBatch(liar.Address, new BatchCommit(1, Hash("b1"), falseSet)));
        CollectionAssert.AreEqual(falseSet, net.Rollup.LatestSequencerSet.ToArray());
        // L2's history has no such set: the proof system refuses any proof of this batch.
        proofs.MarkFraudulent(Hash("b1"));
        Ok(net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        var batch = net.Rollup.BatchAt(1)!;
        Refused(net, ProtocolRule.InvalidProof, () => net.ProveBatch(liar.Address, 1, ModelProofSystem.ProofOf(1, batch.Hash, batch.SetChangeHash)));
        net.AdvanceBy(net.Parameters.ProofWindow + 1);
        Ok(net.SettleChallenge(Outsider, 1));
        Assert.AreEqual(L1StakerState.Banned, net.Staking.StateOf(liar.Address), "pre-BLS: the submitter answers");
        Assert.AreEqual(L1StakerState.Active, net.Staking.StateOf(Staker(5).Address), "nobody else is slashed");
        CollectionAssert.AreEqual(First(3).Select(x => x.Address).ToArray(), net.Rollup.LatestSequencerSet.ToArray(), "the set returns to its value before the batch");
        Assert.AreEqual(0, net.CheckInvariants().Count, string.Join("; ", net.CheckInvariants()));
    }

    // ---- BLS mode commits ----

    [TestMethod]
    public void A_quorum_signed_batch_is_accepted_and_one_signer_short_is_refused()
    {
        var net = Bls(7, x: 7);
        var members = Members(net);
        // 7 counted members: more than 2/3 means 5 (15 > 14); 4 is one short (12 > 14 fails).
        var e = Refused(net, ProtocolRule.QuorumNotMet, () => CommitSigned(net, members.Take(4).ToList(), "b1"));
        StringAssert.Contains(e.Message, "4 signers of 7 counted members");
        Ok(CommitSigned(net, members.Take(5).ToList(), "b1"));
        Assert.AreEqual(5, net.Rollup.BatchAt(1)!.Exposed.Length);
    }

    [TestMethod]
    public void A_forged_signature_is_refused()
    {
        var net = Bls(4, x: 3);
        var members = Members(net);
        var hash = Hash("b1");
        var (bitmap, _) = DevnetStaker.SignBatch(net, members, net.Rollup.LatestSequencerSet, 1, hash, null);
        // Signed by a registered non-member's key, presented under the members' bitmap.
        var (_, forged) = DevnetStaker.SignBatch(net, [Staker(4), Staker(4), Staker(4)], net.Rollup.LatestSequencerSet, 1, hash, null);
        Refused(net, ProtocolRule.BadSignature, () => net.CommitBatch(Outsider, new BatchCommit(1, hash, null, bitmap, forged)));
        // Two of three signed, but the bitmap claims all three.
        var (_, partial) = DevnetStaker.SignBatch(net, members.Take(2).ToList(), net.Rollup.LatestSequencerSet, 1, hash, null);
        Refused(net, ProtocolRule.BadSignature, () => net.CommitBatch(Outsider, new BatchCommit(1, hash, null, bitmap, partial)));
        // The identity (infinity) as the aggregate signature.
        var infinity = new byte[96];
        infinity[0] = 0xc0;
        Refused(net, ProtocolRule.BadSignature, () => net.CommitBatch(Outsider, new BatchCommit(1, hash, null, bitmap, ByteString.From(infinity))));
        Refused(net, ProtocolRule.BadSignature, () => net.CommitBatch(Outsider, new BatchCommit(1, hash, null, bitmap, ByteString.From(new byte[95]))));
    }

    [TestMethod]
    public void A_bitmap_naming_a_bit_beyond_the_set_is_refused()
    {
        var net = Bls(4, x: 3);
        var members = Members(net);
        var hash = Hash("b1");
        var (bitmap, sig) = DevnetStaker.SignBatch(net, members, net.Rollup.LatestSequencerSet, 1, hash, null);
        var e = Refused(net, ProtocolRule.BadBitmap, () => net.CommitBatch(Outsider, new BatchCommit(1, hash, null, bitmap | (UInt256.One << 3), sig)));
        StringAssert.Contains(e.Message, "bit 3 is set but the set has 3 members");
        Refused(net, ProtocolRule.BadBitmap, () => net.CommitBatch(Outsider, new BatchCommit(1, hash, null, bitmap | (UInt256.One << 255), sig)));
    }

    [TestMethod]
    public void A_signature_replayed_for_another_index_rollup_or_chain_is_refused()
    {
        var net = Bls(4, x: 3);
        var members = Members(net);
        var set = net.Rollup.LatestSequencerSet;
        var (bitmap, sigFor2) = DevnetStaker.SignBatch(net, members, set, 2, Hash("b"), null);
        Refused(net, ProtocolRule.BadSignature, () => net.CommitBatch(Outsider, new BatchCommit(1, Hash("b"), null, bitmap, sigFor2)));
        ByteString SignRoot(Bytes32 root) => ByteString.From(Morph.Protocol.Crypto.Bls.BlsSignature.Aggregate(members.Select(m => m.Key.Sign(root.ToArray())).ToArray()).Value.ToBytes());
        var otherRollup = SignRoot(BatchSigning.SigningRoot(net.Parameters.L1ChainId, Outsider, 1, Hash("b"), Bytes32.Zero));
        Refused(net, ProtocolRule.BadSignature, () => net.CommitBatch(Outsider, new BatchCommit(1, Hash("b"), null, bitmap, otherRollup)));
        var otherChain = SignRoot(BatchSigning.SigningRoot(net.Parameters.L1ChainId + 1, net.Rollup.Address, 1, Hash("b"), Bytes32.Zero));
        Refused(net, ProtocolRule.BadSignature, () => net.CommitBatch(Outsider, new BatchCommit(1, Hash("b"), null, bitmap, otherChain)));
        // The signature also binds the set change: the same signature with a change attached does not verify.
        var (_, noChange) = DevnetStaker.SignBatch(net, members, set, 1, Hash("b"), null);
        Refused(net, ProtocolRule.BadSignature, () => net.CommitBatch(Outsider, new BatchCommit(1, Hash("b"), [set[0], set[1]], bitmap, noChange)));
        Ok(net.CommitBatch(Outsider, new BatchCommit(1, Hash("b"), null, bitmap, noChange)));
    }

    [TestMethod]
    public void In_the_first_blocks_of_a_slot_only_the_scheduled_submitter_commits()
    {
        var net = Create(3, x: 3);
        net.RelayAll();
        Ok(net.MarkL2Genesis(Owner));
        Ok(net.EnableBls(Owner));
        Assert.IsNull(net.Rollup.SlotAt(net.Block).Scheduled, "S_0 is the set at the end of block G-1: genesis was marked in G, so none");
        net = Create(3, x: 3);
        net.RelayAll();
        Ok(net.MarkL2Genesis(Owner));
        net.AdvanceBy(1);
        Ok(net.EnableBls(Owner));
        var (slot, start, scheduled) = net.Rollup.SlotAt(net.Block);
        Assert.AreEqual(0UL, slot);
        Assert.AreEqual(net.Rollup.LatestSequencerSet[0], scheduled, "S_0[0 mod |S_0|]");
        var e = Refused(net, ProtocolRule.NotScheduledSubmitter, () => CommitSigned(net, Members(net), "b1", sender: Outsider));
        StringAssert.Contains(e.Message, $"blocks {start}..{start + net.Parameters.BatchTimeoutBlocks - 1} of slot 0");
        Ok(CommitSigned(net, Members(net), "b1", sender: scheduled));
        net.AdvanceTo(start + net.Parameters.RollupRotationBlocks);
        Assert.AreEqual(net.Rollup.LatestSequencerSet[1], net.Rollup.SlotAt(net.Block).Scheduled, "slot 1: S_1[1]");
        Assert.IsFalse(net.Rollup.SlotTimedOut(0), "slot 0's submitter committed in its window");
        net.AdvanceBy(net.Parameters.BatchTimeoutBlocks);
        Assert.IsTrue(net.Rollup.SlotTimedOut(1), "slot 1's submitter committed nothing in its window");
        Ok(CommitSigned(net, Members(net), "b2", sender: Outsider));
    }

    [TestMethod]
    public void A_window_in_which_the_rollup_was_halted_is_not_a_timeout()
    {
        var (net, _) = LostChallenge(4, x: 3);
        var g = net.Rollup.BlsEnabledAt!.Value;
        var r = net.Parameters.RollupRotationBlocks;
        var slotBefore = (net.Block - g) / r - 1;        // a whole slot before the halt: its submitter committed nothing
        Assert.IsTrue(net.Rollup.SlotTimedOut(slotBefore));
        Ok(net.SettleChallenge(Outsider, 1));
        Assert.AreEqual(RollupModeState.BlsHalted, net.Rollup.State);
        var haltedSlot = (net.Block - g) / r + 1;
        net.AdvanceTo(g + (haltedSlot + 1) * r);          // the next slot's window passes while halted
        Assert.IsFalse(net.Rollup.SlotTimedOut(haltedSlot), "halted through its window");
        Ok(net.ResetSequencerSet(Owner, [Staker(4).Address]));
        var (next, start, scheduled) = net.Rollup.SlotAt(net.Block + r);
        Assert.AreEqual(Staker(4).Address, scheduled);
        net.AdvanceTo(start + net.Parameters.BatchTimeoutBlocks);
        Assert.IsTrue(net.Rollup.SlotTimedOut(next), "after the reset the scheduled submitter is expected again");
    }

    // ---- challenges ----

    [TestMethod]
    public void Challenge_rules_deposit_window_and_one_open_at_a_time()
    {
        var net = Bls(3, x: 3);
        Ok(CommitSigned(net, Members(net), "b1"));
        var dep = net.Parameters.ChallengeDeposit;
        Refused(net, ProtocolRule.BatchNotFound, () => net.ChallengeBatch(Outsider, dep, 2));
        Refused(net, ProtocolRule.WrongDeposit, () => net.ChallengeBatch(Outsider, dep - 1, 1));
        Ok(net.ChallengeBatch(Outsider, dep, 1));
        Refused(net, ProtocolRule.ChallengeAlreadyOpen, () => net.ChallengeBatch(Outsider, dep, 1));
        Refused(net, ProtocolRule.BatchChallenged, () => net.FinalizeBatch(Outsider, 1));
        Refused(net, ProtocolRule.ChallengeNotExpired, () => net.SettleChallenge(Outsider, 1));
        Refused(net, ProtocolRule.InvalidProof, () => net.ProveBatch(Outsider, 1, ByteString.From(new byte[32])));
        var batch = net.Rollup.BatchAt(1)!;
        // A valid proof defeats it; the prover share goes to the batch's submitter, not to whoever posts the proof.
        var before = net.Ledger.Treasury;
        var r = Ok(net.ProveBatch(Staker(3).Address, 1, ModelProofSystem.ProofOf(1, batch.Hash, batch.SetChangeHash)));
        Assert.AreEqual(new RollupContract.ChallengeResEvent(1, batch.Submitter, Keccak256.HashUtf8("Proof success")), r.Events.Single());
        var share = UInt256.MulDiv(dep, net.Parameters.ProverRewardPercent, 100);
        Assert.AreEqual(share, net.Ledger.ClaimableOf(batch.Submitter));
        Assert.AreEqual(before + dep - share, net.Ledger.Treasury);
        Assert.AreEqual(ChallengeState.Defended, net.Rollup.Challenges[0].State);
        // A defended batch may be challenged again inside its window, not after it.
        Ok(net.ChallengeBatch(Staker(2).Address, dep, 1));
        net.AdvanceTo(batch.ChallengeBlock!.Value + net.Parameters.ProofWindow + 1);
        Refused(net, ProtocolRule.ProofWindowClosed, () => net.ProveBatch(Outsider, 1, ModelProofSystem.ProofOf(1, batch.Hash, batch.SetChangeHash)));
        Ok(net.ClaimReward(batch.Submitter, batch.Submitter));
        Refused(net, ProtocolRule.NothingToClaim, () => net.ClaimReward(batch.Submitter, batch.Submitter));
        Assert.AreEqual((batch.Submitter, share), net.Rollup.Payments.Single());
    }

    [TestMethod]
    public void The_challenge_window_closes_after_the_finalization_period()
    {
        var net = Bls(3, x: 3);
        Ok(CommitSigned(net, Members(net), "b1"));
        var commit = net.Block;
        net.AdvanceTo(commit + net.Parameters.FinalizationPeriod);
        Refused(net, ProtocolRule.FinalizationPeriodNotPassed, () => net.FinalizeBatch(Outsider, 1));
        net.AdvanceBy(1);
        Refused(net, ProtocolRule.ChallengeWindowClosed, () => net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        Ok(CommitSigned(net, Members(net), "b2"));
        net.AdvanceBy(net.Parameters.FinalizationPeriod + 1);
        Refused(net, ProtocolRule.NotNextBatch, () => net.FinalizeBatch(Outsider, 2));
        Ok(net.FinalizeBatch(Outsider, 1));
        Refused(net, ProtocolRule.BatchFinalized, () => net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        Assert.AreEqual(1UL, net.Rollup.LastFinalized);
        Ok(net.FinalizeBatch(Outsider, 2));
    }

    /// <summary>Commits batch 1 (signed by all members), marks it fraudulent, challenges it, and lets the proof window pass.</summary>
    private static (L1Network Net, Batch Batch) LostChallenge(int stakers, byte x, Action<L1Network>? beforeSettle = null, ulong delay = 0)
    {
        var proofs = new ModelProofSystem();
        var net = Bls(stakers, x, proofs, delay);
        Ok(CommitSigned(net, Members(net), "bad-1"));
        proofs.MarkFraudulent(Hash("bad-1"));
        Ok(net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        beforeSettle?.Invoke(net);
        net.AdvanceBy(net.Parameters.ProofWindow + 1);
        return (net, net.Rollup.BatchAt(1)!);
    }

    [TestMethod]
    public void A_lost_challenge_slashes_every_signer_once_and_reverts_later_batches()
    {
        var proofs = new ModelProofSystem();
        var net = Bls(4, x: 4, proofs);
        var members = Members(net);
        Ok(CommitSigned(net, members.Take(3).ToList(), "bad-1"));
        Ok(CommitSigned(net, members.Take(3).ToList(), "b2"));
        Ok(net.ChallengeBatch(Staker(4).Address, net.Parameters.ChallengeDeposit, 2));  // will be cancelled
        proofs.MarkFraudulent(Hash("bad-1"));
        Ok(net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        net.AdvanceBy(net.Parameters.ProofWindow + 1);
        var received = net.Ledger.Received;
        var r = Ok(net.SettleChallenge(Staker(4).Address, 1));
        var slashed = members.Take(3).Select(m => m.Address).ToList();
        CollectionAssert.AreEqual(slashed, net.Rollup.Challenges[1].Slashed.ToList());
        foreach (var a in slashed) Assert.AreEqual(L1StakerState.Banned, net.Staking.StateOf(a), "un-restaking delay 0: banned at once");
        Assert.AreEqual(L1StakerState.Active, net.Staking.StateOf(members[3].Address));
        Assert.AreEqual(0UL, net.Rollup.LastCommitted);
        Assert.IsTrue(net.Rollup.IsReverted(1, Hash("bad-1")) && net.Rollup.IsReverted(2, Hash("b2")));
        Assert.AreEqual(ChallengeState.Cancelled, net.Rollup.Challenges[0].State);
        Assert.AreEqual(net.Parameters.ChallengeDeposit, net.Ledger.ClaimableOf(Staker(4).Address), "the cancelled challenge's deposit is refundable at once");
        var sv = net.Parameters.StakingValue;
        var expectedReward = net.Parameters.ChallengeDeposit + UInt256.MulDiv(sv * 3, net.Parameters.ChallengerRewardPercent, 100);
        Assert.AreEqual(expectedReward, net.Ledger.ClaimableOf(Outsider));
        Assert.IsTrue(r.Events.OfType<L1StakingContract.SlashedEvent>().Single().Stakers.SequenceEqual(slashed));
        Assert.AreEqual(2, r.Events.OfType<RollupContract.RevertBatchEvent>().Count());
        Assert.AreEqual(received, net.Ledger.Received, "nobody else's ETH is taken");
        Assert.AreEqual(0, net.CheckInvariants().Count, string.Join("; ", net.CheckInvariants()));
        // The reverted batch never comes back.
        var (bitmap, sig) = DevnetStaker.SignBatch(net, [members[3]], net.Rollup.LatestSequencerSet, 1, Hash("bad-1"), null);
        Refused(net, ProtocolRule.BatchReverted, () => net.CommitBatch(Outsider, new BatchCommit(1, Hash("bad-1"), null, bitmap, sig)));
        Ok(net.ClaimReward(Outsider, Outsider));
        Assert.AreEqual(ChallengeState.Paid, net.Rollup.Challenges[1].State);
    }

    [TestMethod]
    public void A_slashed_members_bit_is_refused_and_the_honest_remainder_commits_the_next_batch()
    {
        var proofs = new ModelProofSystem();
        var net = Bls(5, x: 4, proofs);
        var members = Members(net);
        Ok(CommitSigned(net, members.Take(3).ToList(), "bad-1"));
        proofs.MarkFraudulent(Hash("bad-1"));
        Ok(net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        net.AdvanceBy(net.Parameters.ProofWindow + 1);
        Ok(net.SettleChallenge(Outsider, 1));
        Assert.AreEqual(RollupModeState.Bls, net.Rollup.State, "one member is left unslashed");
        var e = Refused(net, ProtocolRule.BadBitmap, () => CommitSigned(net, members, "b1"));
        StringAssert.Contains(e.Message, "slashed and never counts");
        // The remainder (1 of 1 counted) carries L2's new set: the survivor and the staker that was waiting.
        var newSet = new[] { members[3].Address, Staker(5).Address };
        Ok(CommitSigned(net, [members[3]], "b1", newSet));
        CollectionAssert.AreEqual(newSet, net.Rollup.LatestSequencerSet.ToArray());
    }

    [TestMethod]
    public void With_no_remainder_the_rollup_halts_until_the_owners_reset()
    {
        var (net, _) = LostChallenge(4, x: 3);
        var r = Ok(net.SettleChallenge(Outsider, 1));
        Assert.IsTrue(r.Events.OfType<RollupContract.RollupHaltedEvent>().Any());
        Assert.AreEqual(RollupModeState.BlsHalted, net.Rollup.State);
        Refused(net, ProtocolRule.NoLiveSequencers, () => CommitSigned(net, [Staker(4)], "b1"));
        Refused(net, ProtocolRule.NotOwner, () => net.ResetSequencerSet(Outsider, [Staker(4).Address]));
        Refused(net, ProtocolRule.NoLiveSequencers, () => net.ResetSequencerSet(Owner, [Staker(1).Address]));
        Ok(net.ResetSequencerSet(Owner, [Staker(4).Address]));
        Assert.AreEqual(RollupModeState.Bls, net.Rollup.State);
        Ok(CommitSigned(net, [Staker(4)], "b1"));
        Refused(net, ProtocolRule.NotHalted, () => net.ResetSequencerSet(Owner, [Staker(4).Address]));
        Assert.AreEqual(0, net.CheckInvariants().Count, string.Join("; ", net.CheckInvariants()));
    }

    [TestMethod]
    public void A_staker_that_withdraws_after_signing_a_bad_batch_is_still_slashed()
    {
        var (net, _) = LostChallenge(4, x: 3, beforeSettle: n => Ok(n.Withdraw(Staker(2).Address)));
        Assert.AreEqual(L1StakerState.Exiting, net.Staking.StateOf(Staker(2).Address));
        Ok(net.SettleChallenge(Outsider, 1));
        Assert.AreEqual(L1StakerState.Banned, net.Staking.StateOf(Staker(2).Address));
        Assert.AreEqual(UInt256.Zero, net.Ledger.ExitingStakes);
        Refused(net, ProtocolRule.AddressBanned, () => net.ClaimWithdrawal(Staker(2).Address, Staker(2).Address));
        Refused(net, ProtocolRule.AddressBanned, () => net.UpdateWhitelist(Owner, [Staker(2).Address], []));
        Assert.AreEqual(0, net.CheckInvariants().Count, string.Join("; ", net.CheckInvariants()));
    }

    [TestMethod]
    public void Two_successful_challenges_naming_the_same_stakers_slash_them_once_and_the_second_takes_nobodys_eth()
    {
        var proofs = new ModelProofSystem();
        var net = Bls(4, x: 3, proofs);
        var members = Members(net);
        Ok(CommitSigned(net, members, "bad-1"));
        Ok(CommitSigned(net, members, "bad-2"));
        proofs.MarkFraudulent(Hash("bad-1"));
        proofs.MarkFraudulent(Hash("bad-2"));
        Ok(net.ChallengeBatch(Staker(4).Address, net.Parameters.ChallengeDeposit, 2));
        net.AdvanceBy(10);
        Ok(net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        net.AdvanceTo(net.Rollup.BatchAt(2)!.ChallengeBlock!.Value + net.Parameters.ProofWindow + 1);
        Ok(net.SettleChallenge(Outsider, 2));  // batch 2's window passed first
        var slashedBucket = net.Ledger.Treasury + net.Ledger.UnclaimedRewards;
        var stakesBefore = net.Ledger.ActiveStakes + net.Ledger.ExitingStakes;
        net.AdvanceBy(10);
        Ok(net.SettleChallenge(Outsider, 1));
        foreach (var m in members) Assert.AreEqual(1, net.Staking.SlashCountOf(m.Address));
        Assert.AreEqual(0, net.Rollup.Challenges[1].Slashed.Count, "every signer was already slashed: skipped");
        Assert.AreEqual(net.Parameters.ChallengeDeposit, net.Rollup.Challenges[1].Reward, "deposit back only");
        Assert.AreEqual(stakesBefore, net.Ledger.ActiveStakes + net.Ledger.ExitingStakes, "the remaining staker's ETH is untouched");
        Assert.AreEqual(slashedBucket + net.Parameters.ChallengeDeposit, net.Ledger.Treasury + net.Ledger.UnclaimedRewards, "only the second deposit moved: no stake");
        Assert.AreEqual(0, net.CheckInvariants().Count, string.Join("; ", net.CheckInvariants()));
    }

    [TestMethod]
    public void Challenger_reward_waits_for_the_unrestaking_of_every_slashed_stake()
    {
        var (net, _) = LostChallenge(4, x: 3, delay: 500);
        Ok(net.SettleChallenge(Outsider, 1));
        Assert.AreEqual(L1StakerState.Slashed, net.Staking.StateOf(Staker(1).Address));
        Refused(net, ProtocolRule.NothingToClaim, () => net.ClaimReward(Outsider, Outsider));
        net.AdvanceBy(499);
        Refused(net, ProtocolRule.NothingToClaim, () => net.ClaimReward(Outsider, Outsider));
        net.AdvanceBy(1);
        Assert.AreEqual(L1StakerState.Banned, net.Staking.StateOf(Staker(1).Address), "banned when the un-restaking completes, whether or not anyone claims");
        Ok(net.ClaimReward(Outsider, Outsider));
        Assert.AreEqual(0, net.CheckInvariants().Count, string.Join("; ", net.CheckInvariants()));
    }

    [TestMethod]
    public void A_staker_removed_from_the_set_claims_once_the_removing_batch_is_finalized()
    {
        var net = Bls(4, x: 3);
        var members = Members(net);
        var leaver = members[2];
        Ok(net.Withdraw(leaver.Address));
        var newSet = new[] { members[0].Address, members[1].Address, Staker(4).Address };
        Ok(CommitSigned(net, members, "b1", newSet));
        net.AdvanceBy(net.Parameters.WithdrawalLockBlocks);
        var e = Refused(net, ProtocolRule.RemovalNotFinalized, () => net.ClaimWithdrawal(leaver.Address, leaver.Address));
        StringAssert.Contains(e.Message, "batch 1");
        Ok(net.FinalizeBatch(Outsider, 1));
        Ok(net.ClaimWithdrawal(leaver.Address, leaver.Address));
        Assert.AreEqual(0, net.CheckInvariants().Count, string.Join("; ", net.CheckInvariants()));
    }

    [TestMethod]
    public void A_revert_brings_a_removed_member_back_so_it_still_cannot_claim()
    {
        var proofs = new ModelProofSystem();
        var net = Bls(5, x: 4, proofs);
        var members = Members(net);
        var leaver = members[3];
        Ok(net.Withdraw(leaver.Address));
        var newSet = new[] { members[0].Address, members[1].Address, members[2].Address, Staker(5).Address };
        Ok(CommitSigned(net, members.Take(3).ToList(), "bad-1", newSet));
        Assert.AreEqual(ProtocolRule.RemovalNotFinalized, net.Rollup.ExposureOf(leaver.Address)!.Rule);
        proofs.MarkFraudulent(Hash("bad-1"));
        Ok(net.ChallengeBatch(Outsider, net.Parameters.ChallengeDeposit, 1));
        net.AdvanceBy(net.Parameters.ProofWindow + 1);
        Ok(net.SettleChallenge(Outsider, 1));
        CollectionAssert.Contains(net.Rollup.LatestSequencerSet.ToArray(), leaver.Address, "latestSequencerSet returns to its value before the batch");
        net.AdvanceBy(net.Parameters.WithdrawalLockBlocks);
        Refused(net, ProtocolRule.InLatestSequencerSet, () => net.ClaimWithdrawal(leaver.Address, leaver.Address));
        // The signers were slashed; the leaver did not sign, so it keeps its stake and waits for a set without it.
        Assert.AreEqual(L1StakerState.Exiting, net.Staking.StateOf(leaver.Address));
        Assert.AreEqual(0, net.CheckInvariants().Count, string.Join("; ", net.CheckInvariants()));
    }
}
