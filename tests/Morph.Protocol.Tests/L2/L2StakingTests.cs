using Morph.Protocol.Contracts;
using Morph.Protocol.L1.Messaging;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using static Morph.Protocol.Tests.L2.L2TestNet;

namespace Morph.Protocol.Tests.L2;

/// <summary>PROTOCOL.md section 3 rule by rule, with small parameters: X = 3, epochs of 10 blocks, locks of 2 epochs,
/// at most 3 pending entries. Stakers 1..5 registered in that order; every refusal leaves the state hash unchanged.</summary>
[TestClass]
public sealed class L2StakingTests
{
    private static readonly Address D1 = Delegator(1), D2 = Delegator(2), D3 = Delegator(3);

    [TestMethod]
    public void Genesis_holds_every_staker_with_nothing_and_the_first_X_govern_blocks_1_and_2()
    {
        var l2 = Create(stakers: 5);
        Assert.AreEqual(5, l2.Staking.PresentStakers.Count());
        Assert.IsTrue(l2.Staking.PresentStakers.All(s => s.IsEligible && s.TotalDelegation == UInt256.Zero && s.CommissionRate(0) == 0));
        CollectionAssert.AreEqual(Set(1, 2, 3), l2.ContractSet.ToArray());
        CollectionAssert.AreEqual(Set(1, 2, 3), l2.ConsensusSet(1).ToArray());
        CollectionAssert.AreEqual(Set(1, 2, 3), l2.ConsensusSet(2).ToArray());
        Assert.AreEqual(1UL, l2.Height);
        Assert.AreEqual(L2ChainState.Running, l2.State);
        Assert.AreEqual(6UL, l2.Inbox.ExpectedNonce);
        Assert.AreEqual(l2.Parameters.GenesisSupply, l2.Token.TotalSupply);
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Ties_go_to_the_earlier_registration()
    {
        var l2 = Create(stakers: 5);
        Ok(l2.Delegate(D1, Staker(5), 10 * Unit));
        Ok(l2.Delegate(D1, Staker(4), 10 * Unit));
        CollectionAssert.AreEqual(Set(1, 4, 5), l2.ContractSet.ToArray(), "4 and 5 tie at 10: both above the zeros; 1 wins the zeros' tie");
        Ok(l2.Delegate(D2, Staker(1), 10 * Unit));
        Ok(l2.Delegate(D2, Staker(2), 10 * Unit));
        CollectionAssert.AreEqual(Set(1, 2, 4), l2.ContractSet.ToArray(), "1, 2, 4, 5 tie at 10: the three registered first");
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Three_changes_in_one_block_the_last_wins_and_governs_from_h_plus_2()
    {
        var l2 = Create(stakers: 5);
        Ok(l2.Delegate(D1, Staker(4), 10 * Unit));          // {1,2,4}
        Ok(l2.Delegate(D1, Staker(5), 20 * Unit));          // {1,4,5}
        Ok(l2.Undelegate(D1, Staker(4), 10 * Unit));        // {1,2,5}
        l2.CloseBlock();                                    // block 1 closes with {1,2,5}
        CollectionAssert.AreEqual(Set(1, 2, 5), l2.ContractSetAtEndOf(1).ToArray());
        CollectionAssert.AreEqual(Set(1, 2, 3), l2.ConsensusSet(2).ToArray(), "block 2 is still the genesis set's");
        CollectionAssert.AreEqual(Set(1, 2, 5), l2.ConsensusSet(3).ToArray());
        Assert.AreEqual(2, l2.ConsensusSetHistory.Count, "the intermediate sets of block 1 never govern anything");
        l2.AdvanceTo(10);
        CollectionAssert.AreEqual(Set(1, 2, 5), l2.ConsensusSet(9).ToArray());
    }

    [TestMethod]
    public void A_jailed_staker_is_skipped_and_comes_back_after_its_jail_time()
    {
        var l2 = Create(stakers: 5, p: Params(jailEpochs: 2));
        Ok(l2.Delegate(D1, Staker(4), 50 * Unit));
        CollectionAssert.AreEqual(Set(1, 2, 4), l2.ContractSet.ToArray());
        Assert.IsTrue(l2.Jail(Staker(4)));
        CollectionAssert.AreEqual(Set(1, 2, 3), l2.ContractSet.ToArray(), "jailed: skipped, whatever its delegation");
        Ok(l2.Delegate(D2, Staker(4), 1 * Unit));            // a jailed staker is present: delegation allowed
        RefusedUnchanged(l2, () => l2.Unjail(Staker(4)), ProtocolRule.JailNotExpired);
        RefusedUnchanged(l2, () => l2.Unjail(Staker(5)), ProtocolRule.NotJailed);
        RefusedUnchanged(l2, () => l2.Unjail(D1), ProtocolRule.NotStaker);
        ToEpoch(l2, 1);
        RefusedUnchanged(l2, () => l2.Unjail(Staker(4)), ProtocolRule.JailNotExpired);
        ToEpoch(l2, 2);
        l2.Staking.Present(Staker(4))!.Debt = l2.Parameters.MaxDebt + 1;
        RefusedUnchanged(l2, () => l2.Unjail(Staker(4)), ProtocolRule.DebtAboveMax);
        l2.Staking.Present(Staker(4))!.Debt = l2.Parameters.MaxDebt;
        Ok(l2.Unjail(Staker(4)));
        CollectionAssert.AreEqual(Set(1, 2, 4), l2.ContractSet.ToArray());
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void A_jailing_that_would_leave_no_eligible_staker_is_not_applied()
    {
        var l2 = Create(stakers: 3);
        Assert.IsTrue(l2.Jail(Staker(1)));
        Assert.IsTrue(l2.Jail(Staker(2)));
        var before = l2.StateHash();
        Assert.IsFalse(l2.Jail(Staker(3)));
        Assert.AreEqual(before, l2.StateHash());
        CollectionAssert.AreEqual(Set(3), l2.ContractSet.ToArray());
    }

    [TestMethod]
    public void X_larger_than_the_eligible_count_takes_them_all()
    {
        var l2 = Create(stakers: 3);
        l2.Deliver(RemoveMessage(4, 2));
        CollectionAssert.AreEqual(Set(1, 3), l2.ContractSet.ToArray());
        Assert.IsTrue(l2.Jail(Staker(1)));
        CollectionAssert.AreEqual(Set(3), l2.ContractSet.ToArray());
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Removing_a_member_brings_the_next_in_and_removing_a_non_member_changes_no_set()
    {
        var l2 = Create(stakers: 5);
        Ok(l2.Delegate(D1, Staker(2), 30 * Unit));
        Ok(l2.Delegate(D1, Staker(5), 20 * Unit));
        CollectionAssert.AreEqual(Set(1, 2, 5), l2.ContractSet.ToArray());
        l2.CloseBlock();
        Assert.AreEqual(MessageOutcome.Applied, l2.Deliver(RemoveMessage(6, 2, RemovalReason.Slash)));   // a member, at block 2
        CollectionAssert.AreEqual(Set(1, 3, 5), l2.ContractSet.ToArray());
        Assert.AreEqual(MessageOutcome.Applied, l2.Deliver(RemoveMessage(7, 4)));                        // a non-member
        CollectionAssert.AreEqual(Set(1, 3, 5), l2.ContractSet.ToArray());
        Assert.AreEqual(MessageOutcome.NoOp, l2.Deliver(RemoveMessage(8, 4)), "removing an absent staker is a recorded no-op");

        var two = l2.Staking.Incarnation(Staker(2), 2)!;
        Assert.AreEqual(L2StakerState.Removed, two.State);
        Assert.AreEqual(30 * Unit, two.TotalAt(1));
        Assert.AreEqual(UInt256.Zero, two.TotalAt(2), "its total reads 0 from the removal block");
        Assert.AreEqual(UInt256.Zero, l2.Staking.DelegationOf(D1, two)!.AmountAt(2));
        RefusedUnchanged(l2, () => l2.Delegate(D1, Staker(2), Unit), ProtocolRule.NotPresent);
        RefusedUnchanged(l2, () => l2.Undelegate(D1, Staker(2), Unit), ProtocolRule.NotPresent);

        var held = l2.Token.BalanceOf(D1);
        RefusedUnchanged(l2, () => l2.ClaimReleased(D1, Staker(2), 5), ProtocolRule.UnknownStaker);
        RefusedUnchanged(l2, () => l2.ClaimReleased(D1, Staker(5), 5), ProtocolRule.NotRemoved);
        RefusedUnchanged(l2, () => l2.ClaimReleased(D2, Staker(2), 2), ProtocolRule.NothingToClaim);
        Ok(l2.ClaimReleased(D1, Staker(2), 2));
        Assert.AreEqual(held + 30 * Unit, l2.Token.BalanceOf(D1), "paid back without lock, using no entry slot");
        RefusedUnchanged(l2, () => l2.ClaimReleased(D1, Staker(2), 2), ProtocolRule.NothingToClaim);
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void A_redelegation_into_a_staker_that_leaves_before_it_matures_is_claimable_at_its_unlock()
    {
        var l2 = Create(stakers: 5);
        Ok(l2.Delegate(D1, Staker(1), 100 * Unit));
        var id = RedelegationId(Ok(l2.Redelegate(D1, Staker(1), Staker(4), 40 * Unit)));
        Assert.AreEqual(60 * Unit, l2.Staking.Present(Staker(1))!.TotalDelegation, "out of from's total at once");
        ToEpoch(l2, 1);
        l2.Deliver(RemoveMessage(6, 4));
        RefusedUnchanged(l2, () => l2.ClaimEntry(D1, id), ProtocolRule.LockNotExpired);
        RefusedUnchanged(l2, () => l2.CompleteRedelegation(D2, id), ProtocolRule.EntryNotPending);
        ToEpoch(l2, 2);
        RefusedUnchanged(l2, () => l2.CompleteRedelegation(D2, id), ProtocolRule.EntryNotPending);
        var held = l2.Token.BalanceOf(D1);
        Ok(l2.ClaimEntry(D1, id));
        Assert.AreEqual(held + 40 * Unit, l2.Token.BalanceOf(D1));
        RefusedUnchanged(l2, () => l2.ClaimEntry(D1, id), ProtocolRule.AlreadyClaimed);
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void A_matured_redelegation_completes_by_anyone_or_in_the_delegators_next_operation_never_paid()
    {
        var l2 = Create(stakers: 5);
        Ok(l2.Delegate(D1, Staker(1), 100 * Unit));
        var a = RedelegationId(Ok(l2.Redelegate(D1, Staker(1), Staker(4), 40 * Unit)));
        var b = RedelegationId(Ok(l2.Redelegate(D1, Staker(1), Staker(5), 10 * Unit)));
        RefusedUnchanged(l2, () => l2.CompleteRedelegation(D2, a), ProtocolRule.LockNotExpired);
        ToEpoch(l2, 2);
        RefusedUnchanged(l2, () => l2.ClaimEntry(D1, a), ProtocolRule.EntryNotClaimable);
        // The completion runs before InsufficientDelegation, and is undone (never applied) with a refused operation.
        RefusedUnchanged(l2, () => l2.Undelegate(D1, Staker(4), 41 * Unit), ProtocolRule.InsufficientDelegation);
        Ok(l2.Undelegate(D1, Staker(4), 40 * Unit));           // possible only because entry a completed first
        Assert.AreEqual(RedelegationState.Completed, ((Redelegation)l2.Staking.Entry(a)!).State);
        Assert.AreEqual(RedelegationState.Locked, ((Redelegation)l2.Staking.Entry(b)!).State, "b touches neither 4 nor its own from in that operation");
        Ok(l2.CompleteRedelegation(D3, b));                    // anyone
        Assert.AreEqual(10 * Unit, l2.Staking.DelegatedAmount(D1, l2.Staking.Present(Staker(5))!));
        RefusedUnchanged(l2, () => l2.CompleteRedelegation(D3, b), ProtocolRule.EntryNotPending);
        RefusedUnchanged(l2, () => l2.ClaimEntry(D1, b), ProtocolRule.AlreadyClaimed);
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Undelegation_locks_for_undelegateLockEpochs_then_pays_its_delegator_once()
    {
        var l2 = Create(stakers: 5);
        Ok(l2.Delegate(D1, Staker(1), 100 * Unit));
        var r = Ok(l2.Undelegate(D1, Staker(1), 30 * Unit));
        var id = r.Events.OfType<L2StakingContract.UndelegationCreatedEvent>().Single().EntryId;
        var entry = (ulong)id;
        Assert.AreEqual(70 * Unit, l2.Staking.Present(Staker(1))!.TotalDelegation);
        ToEpoch(l2, 1);
        RefusedUnchanged(l2, () => l2.ClaimEntry(D1, entry), ProtocolRule.LockNotExpired);
        RefusedUnchanged(l2, () => l2.ClaimEntry(D1, 99), ProtocolRule.UnknownEntry);
        RefusedUnchanged(l2, () => l2.CompleteRedelegation(D1, entry), ProtocolRule.NotRedelegation);
        l2.AdvanceTo(2 * 10);                                  // the last block of epoch 1
        RefusedUnchanged(l2, () => l2.ClaimEntry(D1, entry), ProtocolRule.LockNotExpired);
        ToEpoch(l2, 2);
        RefusedUnchanged(l2, () => l2.ClaimEntry(D2, entry), ProtocolRule.NotEntryOwner);
        var held = l2.Token.BalanceOf(D1);
        Ok(l2.ClaimEntry(D1, entry));
        Assert.AreEqual(held + 30 * Unit, l2.Token.BalanceOf(D1));
        RefusedUnchanged(l2, () => l2.ClaimEntry(D1, entry), ProtocolRule.AlreadyClaimed);
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Pending_undelegations_from_a_removed_staker_are_claimable_at_once()
    {
        var l2 = Create(stakers: 5);
        Ok(l2.Delegate(D1, Staker(2), 100 * Unit));
        var entry = (ulong)Ok(l2.Undelegate(D1, Staker(2), 30 * Unit)).Events.OfType<L2StakingContract.UndelegationCreatedEvent>().Single().EntryId;
        RefusedUnchanged(l2, () => l2.ClaimEntry(D1, entry), ProtocolRule.LockNotExpired);
        l2.Deliver(RemoveMessage(6, 2));
        Ok(l2.ClaimEntry(D1, entry));
        Ok(l2.ClaimReleased(D1, Staker(2), 2));
        Assert.AreEqual(1_000 * Unit, l2.Token.BalanceOf(D1));
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void At_most_maxPendingEntries_per_delegator_and_incarnation_left()
    {
        var l2 = Create(stakers: 5, p: Params(maxPending: 3));
        Ok(l2.Delegate(D1, Staker(1), 100 * Unit));
        Ok(l2.Delegate(D1, Staker(2), 100 * Unit));
        var first = (ulong)Ok(l2.Undelegate(D1, Staker(1), Unit)).Events.OfType<L2StakingContract.UndelegationCreatedEvent>().Single().EntryId;
        Ok(l2.Redelegate(D1, Staker(1), Staker(2), Unit));
        Ok(l2.Undelegate(D1, Staker(1), Unit));
        RefusedUnchanged(l2, () => l2.Undelegate(D1, Staker(1), Unit), ProtocolRule.TooManyPendingEntries);
        RefusedUnchanged(l2, () => l2.Redelegate(D1, Staker(1), Staker(3), Unit), ProtocolRule.TooManyPendingEntries);
        Ok(l2.Undelegate(D1, Staker(2), Unit));                // another incarnation left: its own count
        Ok(l2.Undelegate(D1, Staker(2), Unit));
        ToEpoch(l2, 2);
        var queue = l2.Staking.UnlockQueue(D1).ToList();
        Assert.AreEqual(5, queue.Count);
        Assert.AreEqual(first, queue[0].Id, "in entry order");
        Assert.IsTrue(queue.All(e => e.UnlockEpoch.Height == 2), "made in epoch 0, unlocked at epoch 2");
        Assert.AreEqual(4, queue.Count(e => e.IsClaimableNow), "the redelegation into a present staker is completed, never claimed");
        Ok(l2.ClaimEntry(D1, first));
        Assert.AreEqual(4, l2.Staking.UnlockQueue(D1).Count(), "the unlock queue holds pending entries only");
        Ok(l2.Undelegate(D1, Staker(1), Unit));                // a claim frees its slot
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Delegation_refusals_in_section_9_order()
    {
        var l2 = Create(stakers: 5);
        var stranger = A(0xbeef);
        RefusedUnchanged(l2, () => l2.Delegate(D1, A(0x999), UInt256.Zero), ProtocolRule.ZeroAmount);
        RefusedUnchanged(l2, () => l2.Delegate(stranger, A(0x999), Unit), ProtocolRule.NotPresent);
        RefusedUnchanged(l2, () => l2.Delegate(stranger, Staker(1), Unit), ProtocolRule.InsufficientAllowance);
        Ok(l2.Approve(stranger, l2.Genesis.StakingAddress, 10 * Unit));
        RefusedUnchanged(l2, () => l2.Delegate(stranger, Staker(1), Unit), ProtocolRule.InsufficientBalance);
        RefusedUnchanged(l2, () => l2.Delegate(D1, Staker(1), 1_001 * Unit), ProtocolRule.InsufficientBalance);

        RefusedUnchanged(l2, () => l2.Undelegate(D1, A(0x999), UInt256.Zero), ProtocolRule.ZeroAmount);
        RefusedUnchanged(l2, () => l2.Undelegate(D1, A(0x999), Unit), ProtocolRule.NotPresent);
        RefusedUnchanged(l2, () => l2.Undelegate(D1, Staker(1), Unit), ProtocolRule.InsufficientDelegation);

        RefusedUnchanged(l2, () => l2.Redelegate(D1, Staker(1), Staker(1), UInt256.Zero), ProtocolRule.ZeroAmount);
        RefusedUnchanged(l2, () => l2.Redelegate(D1, Staker(1), Staker(1), Unit), ProtocolRule.SameStaker);
        RefusedUnchanged(l2, () => l2.Redelegate(D1, A(0x999), A(0x998), Unit), ProtocolRule.NotPresent);
        RefusedUnchanged(l2, () => l2.Redelegate(D1, Staker(1), A(0x998), Unit), ProtocolRule.NotPresent);
        RefusedUnchanged(l2, () => l2.Redelegate(D1, Staker(1), Staker(2), Unit), ProtocolRule.InsufficientDelegation);
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Commission_is_pending_for_the_next_epoch_within_its_rate_and_step()
    {
        var l2 = Create(stakers: 5);   // maxCommissionRate 2000, maxCommissionStep 500
        var s1 = Staker(1);
        RefusedUnchanged(l2, () => l2.SetCommissionRate(D1, 100), ProtocolRule.NotStaker);
        RefusedUnchanged(l2, () => l2.SetCommissionRate(s1, 2_001), ProtocolRule.CommissionRateTooHigh);
        RefusedUnchanged(l2, () => l2.SetCommissionRate(s1, UInt256.MaxValue), ProtocolRule.CommissionRateTooHigh);
        RefusedUnchanged(l2, () => l2.SetCommissionRate(s1, 501), ProtocolRule.CommissionStepTooLarge);
        Ok(l2.SetCommissionRate(s1, 400));
        Ok(l2.SetCommissionRate(s1, 500));                       // replaces the pending rate, checked against rate(0) = 0
        var staker = l2.Staking.Present(s1)!;
        Assert.AreEqual((ushort)0, staker.CommissionRate(0));
        Assert.AreEqual((ushort)500, staker.CommissionRate(1));
        RefusedUnchanged(l2, () => l2.SetCommissionRate(s1, 600), ProtocolRule.CommissionStepTooLarge);
        ToEpoch(l2, 1);
        Ok(l2.SetCommissionRate(s1, 1_000));
        ToEpoch(l2, 2);
        Ok(l2.SetCommissionRate(s1, 0));                         // decreases are not limited
        ToEpoch(l2, 3);
        CollectionAssert.AreEqual(new ushort[] { 0, 500, 1_000, 0 }, new ulong[] { 0, 1, 2, 3 }.Select(staker.CommissionRate).ToArray());
    }

    [TestMethod]
    public void A_plain_transfer_never_credits_the_staking_or_distribution_account()
    {
        var l2 = Create(stakers: 3);
        RefusedUnchanged(l2, () => l2.Transfer(D1, l2.Genesis.StakingAddress, Unit), ProtocolRule.TransferToContractAccount);
        RefusedUnchanged(l2, () => l2.Transfer(D1, l2.Genesis.DistributionAddress, Unit), ProtocolRule.TransferToContractAccount);
        Ok(l2.Approve(D1, D2, 5 * Unit));
        RefusedUnchanged(l2, () => l2.TransferFrom(D2, D1, l2.Genesis.StakingAddress, Unit), ProtocolRule.TransferToContractAccount);
        RefusedUnchanged(l2, () => l2.TransferFrom(D2, D1, D2, 6 * Unit), ProtocolRule.InsufficientAllowance);
        RefusedUnchanged(l2, () => l2.Transfer(D1, D2, 1_001 * Unit), ProtocolRule.InsufficientBalance);
        var t = Ok(l2.TransferFrom(D2, D1, D2, 5 * Unit));
        Assert.AreEqual(new MorphTokenContract.TransferEvent(D1, D2, 5 * Unit), t.Events.Single());
        Assert.AreEqual(UInt256.Zero, l2.Token.Allowance(D1, D2));
        Assert.AreEqual(1_005 * Unit, l2.Token.BalanceOf(D2));
    }

    [TestMethod]
    public void Re_registration_is_a_new_incarnation_that_inherits_nothing()
    {
        var l2 = Create(stakers: 5);
        Ok(l2.Delegate(D1, Staker(2), 100 * Unit));
        l2.Deliver(RemoveMessage(6, 2));
        Assert.AreEqual(MessageOutcome.Applied, l2.Deliver(AddMessage(7, 2)));
        Assert.AreEqual(MessageOutcome.NoOp, l2.Deliver(AddMessage(8, 2)), "an add for a present address starts nothing");
        var fresh = l2.Staking.Present(Staker(2))!;
        Assert.AreEqual(7UL, fresh.RegistrationNonce);
        Assert.AreEqual(UInt256.Zero, fresh.TotalDelegation);
        Assert.AreEqual(UInt256.Zero, l2.Staking.DelegatedAmount(D1, fresh));
        CollectionAssert.AreEqual(Set(1, 3, 4), l2.ContractSet.ToArray(), "the new incarnation loses ties to those registered before it");
        RefusedUnchanged(l2, () => l2.ClaimReleased(D1, Staker(2), 7), ProtocolRule.NotRemoved);
        Ok(l2.ClaimReleased(D1, Staker(2), 2));                // the old incarnation's delegation stays claimable
        Ok(l2.Delegate(D1, Staker(2), 50 * Unit));
        CollectionAssert.AreEqual(Set(1, 3, 2), l2.ContractSet.ToArray(), "canonical order: by registration nonce, 2's is now 7");
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Every_staker_removed_halts_L2_after_one_more_block_and_the_owner_restarts_it()
    {
        var l2 = Create(stakers: 3);
        Ok(l2.Delegate(D1, Staker(1), 10 * Unit));
        l2.AdvanceTo(5);
        l2.Deliver(RemoveMessage(4, 1));
        l2.Deliver(RemoveMessage(5, 2));
        l2.Deliver(RemoveMessage(6, 3));
        Assert.AreEqual(0, l2.ContractSet.Length);
        RefusedUnchanged(l2, () => l2.RestartL2(L2Genesis.DevnetOwner), ProtocolRule.NotHalted);
        l2.CloseBlock();                                       // block 5 ends with the empty set
        Assert.AreEqual(L2ChainState.Running, l2.State, "block 6 is still produced");
        l2.Deliver(AddMessage(7, 4));                          // applied in block 6: non-empty again, yet L2 halts
        l2.CloseBlock();
        Assert.AreEqual(L2ChainState.Halted, l2.State);
        Assert.AreEqual(6UL, l2.LastProduced);
        Assert.ThrowsExactly<InvalidOperationException>(() => l2.CloseBlock());
        RefusedUnchanged(l2, () => l2.Delegate(D1, Staker(4), Unit), ProtocolRule.Halted);
        RefusedUnchanged(l2, () => l2.Transfer(D1, D2, Unit), ProtocolRule.Halted);
        RefusedUnchanged(l2, () => l2.ClaimReleased(D1, Staker(1), 1), ProtocolRule.Halted);

        Assert.AreEqual(MessageOutcome.Buffered, l2.Deliver(RemoveMessage(8, 4)), "while halted, messages queue for restartL2");
        Assert.IsNotNull(l2.Staking.Present(Staker(4)));
        RefusedUnchanged(l2, () => l2.RestartL2(D1), ProtocolRule.NotL2Owner);
        RefusedUnchanged(l2, () => l2.RestartL2(L2Genesis.DevnetOwner), ProtocolRule.NoEligibleStaker);
        Assert.AreEqual(8UL, l2.Inbox.ExpectedNonce, "the queued messages stay queued");
        Assert.IsNotNull(l2.Staking.Present(Staker(4)));
        l2.Deliver(AddMessage(9, 5));
        Ok(l2.RestartL2(L2Genesis.DevnetOwner));
        Assert.AreEqual(L2ChainState.Running, l2.State);
        Assert.AreEqual(7UL, l2.Height);
        CollectionAssert.AreEqual(Set(5), l2.ContractSet.ToArray());
        CollectionAssert.AreEqual(Set(5), l2.ConsensusSet(7).ToArray(), "the restart set governs p+1");
        CollectionAssert.AreEqual(Set(5), l2.ConsensusSet(8).ToArray(), "and p+2");
        Ok(l2.ClaimReleased(D1, Staker(1), 1));
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Restart_unjails_every_jailed_staker()
    {
        var l2 = Create(stakers: 3);
        Assert.IsTrue(l2.Jail(Staker(1)));
        Assert.IsTrue(l2.Jail(Staker(2)));
        l2.Deliver(RemoveMessage(4, 3));
        l2.AdvanceTo(10);
        Assert.IsTrue(l2.IsHalted);
        var restart = Ok(l2.RestartL2(L2Genesis.DevnetOwner));
        Assert.AreEqual(2, restart.Events.OfType<Morph.Protocol.Contracts.L2StakingContract.StakerUnjailedEvent>().Count(), "the spec maps StakerUnjailed to UnjailAtRestart");
        CollectionAssert.AreEqual(Set(1, 2), l2.ContractSet.ToArray());
        Assert.IsTrue(l2.Staking.PresentStakers.All(s => s.IsEligible));
    }

    [TestMethod]
    public void Checkpoints_answer_any_past_height()
    {
        var l2 = Create(stakers: 3);
        Ok(l2.Delegate(D1, Staker(1), 10 * Unit));
        Ok(l2.Delegate(D1, Staker(1), 5 * Unit));              // same block: the value after every transaction
        l2.AdvanceTo(4);
        Ok(l2.Undelegate(D1, Staker(1), 3 * Unit));
        l2.AdvanceTo(9);
        var s = l2.Staking.Present(Staker(1))!;
        var d = l2.Staking.DelegationOf(D1, s)!;
        CollectionAssert.AreEqual(new[] { UInt256.Zero, 15 * Unit, 15 * Unit, 15 * Unit, 12 * Unit, 12 * Unit },
            Enumerable.Range(0, 6).Select(h => s.TotalAt((ulong)h)).ToArray());
        Assert.AreEqual(12 * Unit, d.AmountAt(1_000));
        Assert.AreEqual(2, d.History.Count);
    }

    [TestMethod]
    public void Calldata_enters_through_the_generated_bindings()
    {
        var l2 = Create(stakers: 3);
        var staking = l2.Genesis.StakingAddress;
        Ok(l2.Execute(new L2Transaction(D1, staking, ByteString.From(new L2StakingContract.DelegateStakeCall(Staker(2), 10 * Unit).Encode()))));
        Assert.AreEqual(10 * Unit, l2.Staking.Present(Staker(2))!.TotalDelegation);
        Ok(l2.Execute(new L2Transaction(D1, staking, ByteString.From(new L2StakingContract.UndelegateStakeCall(Staker(2)).Encode()))));
        Assert.AreEqual(UInt256.Zero, l2.Staking.Present(Staker(2))!.TotalDelegation, "deployed undelegateStake: the whole delegation");
        RefusedUnchanged(l2, () => l2.Execute(new L2Transaction(D1, staking, ByteString.From(new L2StakingContract.ClaimEntryCall(UInt256.MaxValue).Encode()))), ProtocolRule.ValueOutOfRange);
        RefusedUnchanged(l2, () => l2.Execute(new L2Transaction(D1, staking, ByteString.From(new L2StakingContract.ClaimReleasedCall(Staker(2), (UInt256)1 << 64).Encode()))), ProtocolRule.ValueOutOfRange);
        RefusedUnchanged(l2, () => l2.Execute(new L2Transaction(D1, staking, ByteString.From([1, 2, 3]))), ProtocolRule.MalformedCalldata);
        RefusedUnchanged(l2, () => l2.Execute(new L2Transaction(D1, A(0x42), ByteString.From([1, 2, 3, 4]))), ProtocolRule.UnknownContract);
        RefusedUnchanged(l2, () => l2.Execute(new L2Transaction(D1, l2.Genesis.TokenAddress, ByteString.From(new MorphTokenContract.TransferCall(staking, Unit).Encode()))), ProtocolRule.TransferToContractAccount);
        RefusedUnchanged(l2, () => l2.Execute(new L2Transaction(D1, staking, ByteString.From(new L2StakingContract.StartRewardCall().Encode()))), ProtocolRule.NotModelled);

        foreach (var i in new[] { 1, 2, 3 }) l2.Deliver(RemoveMessage((ulong)(3 + i), i));
        l2.AdvanceTo(100);
        Assert.IsTrue(l2.IsHalted);
        RefusedUnchanged(l2, () => l2.Execute(new L2Transaction(D1, l2.Genesis.TokenAddress, ByteString.From([0]))), ProtocolRule.Halted);
        RefusedUnchanged(l2, () => l2.Execute(new L2Transaction(L2Genesis.DevnetOwner, staking, ByteString.From(new L2StakingContract.RestartL2Call().Encode()))), ProtocolRule.NoEligibleStaker);
        l2.Deliver(AddMessage(7, 4));
        Ok(l2.Execute(new L2Transaction(L2Genesis.DevnetOwner, staking, ByteString.From(new L2StakingContract.RestartL2Call().Encode()))));
    }

    private static ulong RedelegationId(TxResult r) => (ulong)r.Events.OfType<L2StakingContract.RedelegationCreatedEvent>().Single().EntryId;
}
