using Morph.Protocol.Contracts;
using Morph.Protocol.L1;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using static Morph.Protocol.Tests.L1.TestNet;

namespace Morph.Protocol.Tests.L1;

[TestClass]
public sealed class L1StakingTests
{
    // ---- whitelist ----

    [TestMethod]
    public void Only_the_owner_updates_the_whitelist()
    {
        var net = Create(0);
        Refused(net, ProtocolRule.NotOwner, () => net.UpdateWhitelist(Outsider, [Staker(1).Address], []));
    }

    [TestMethod]
    public void Whitelist_add_twice_and_remove_of_unknown_or_registered_are_refused()
    {
        var net = Create(1);
        var s2 = Staker(2);
        Ok(net.UpdateWhitelist(Owner, [s2.Address], []));
        Refused(net, ProtocolRule.AlreadyWhitelisted, () => net.UpdateWhitelist(Owner, [s2.Address], []));
        Refused(net, ProtocolRule.NotWhitelisted, () => net.UpdateWhitelist(Owner, [], [Staker(3).Address]));
        Refused(net, ProtocolRule.AlreadyRegistered, () => net.UpdateWhitelist(Owner, [], [Staker(1).Address]));
        // A refused batch of entries applies none of them.
        Refused(net, ProtocolRule.AlreadyWhitelisted, () => net.UpdateWhitelist(Owner, [Staker(3).Address, s2.Address], []));
        Assert.AreEqual(L1StakerState.None, net.Staking.StateOf(Staker(3).Address));
        Ok(net.UpdateWhitelist(Owner, [], [s2.Address]));
        Refused(net, ProtocolRule.NotWhitelisted, () => s2.Register(net).Result);
    }

    // ---- register ----

    [TestMethod]
    public void Register_needs_the_whitelist()
    {
        var net = Create(0);
        Refused(net, ProtocolRule.NotWhitelisted, () => Staker(1).Register(net).Result);
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("999999999999999999")]
    [DataRow("1000000000000000001")]
    [DataRow("2000000000000000000")]
    public void Register_needs_exactly_the_staking_value(string wei)
    {
        var net = Create(0);
        var s = Staker(1);
        Ok(net.UpdateWhitelist(Owner, [s.Address], []));
        var e = Refused(net, ProtocolRule.WrongStakeAmount, () => net.Register(s.Address, UInt256.Parse(wei), s.TmKey, s.BlsPublicKey, s.ProofOfPossession,
            s.RegistrationSignature(net.Parameters.L1ChainId, net.Genesis.StakingAddress), s.TmSignature(net.Parameters.L1ChainId, net.Genesis.StakingAddress)));
        StringAssert.Contains(e.Message, "1000000000000000000");
    }

    [TestMethod]
    public void Register_emits_the_spec_events_and_sends_the_add_staker_message()
    {
        var net = Create(0);
        var s = Staker(1);
        Ok(net.UpdateWhitelist(Owner, [s.Address], []));
        var r = Ok(s.Register(net).Result);
        Assert.AreEqual(L1StakerState.Active, net.Staking.StateOf(s.Address));
        Assert.AreEqual(new L1StakingContract.RegisteredEvent(s.Address, s.TmKey, s.BlsPublicKey), r.Events[0]);
        Assert.AreEqual(new L1StakingContract.RegisteredWithNonceEvent(s.Address, s.TmKey, s.BlsPublicKey, 1), r.Events[1]);
        Assert.IsInstanceOfType<L1CrossDomainMessengerContract.SentMessageEvent>(r.Events[2]);
        Assert.AreEqual(1UL, net.Staking.Find(s.Address)!.RegistrationNonce);
        Assert.AreEqual(net.Parameters.StakingValue, net.Ledger.ActiveStakes);
        Assert.AreEqual(net.Parameters.StakingValue, net.Staking.Strategy.Held);
        // Every event the spec maps to Register is among the emitted ones' types (spec and code agree).
        var emitted = r.Events.Select(e => e.Event.Name).ToHashSet();
        foreach (var ev in L1StakingContract.Events.Where(e => e.EmittedOn.Contains("L1Staker.Register")))
            Assert.IsTrue(emitted.Contains(ev.Name), $"{ev.Name} is mapped to L1Staker.Register in the spec but not emitted");
        Refused(net, ProtocolRule.AlreadyRegistered, () => s.Register(net).Result);
    }

    [TestMethod]
    public void Keys_are_unique_among_registered_stakers()
    {
        var net = Create(1);
        var a = Staker(1);
        var b = Staker(2);
        Ok(net.UpdateWhitelist(Owner, [b.Address], []));
        var (chain, staking) = (net.Parameters.L1ChainId, net.Genesis.StakingAddress);
        // b reuses a's tmKey with its own BLS key (uniqueness is checked before the signatures).
        Refused(net, ProtocolRule.KeyInUse, () => net.Register(b.Address, net.Parameters.StakingValue, a.TmKey, b.BlsPublicKey, b.ProofOfPossession,
            ByteString.From(b.Key.Sign(RegistrationMessage.Compute(chain, staking, b.Address, a.TmKey).ToArray()).ToBytes()),
            ByteString.From(a.TmSecretKey.Sign(RegistrationMessage.TmMessage(chain, staking, b.Address, a.TmKey, b.BlsPublicKey.Span).ToArray()))));
        // b reuses a's BLS key (it even has a's valid proof of possession and signatures for b as sender).
        Refused(net, ProtocolRule.KeyInUse, () => net.Register(b.Address, net.Parameters.StakingValue, b.TmKey, a.BlsPublicKey, a.ProofOfPossession,
            ByteString.From(a.Key.Sign(RegistrationMessage.Compute(chain, staking, b.Address, b.TmKey).ToArray()).ToBytes()),
            ByteString.From(b.TmSecretKey.Sign(RegistrationMessage.TmMessage(chain, staking, b.Address, b.TmKey, a.BlsPublicKey.Span).ToArray()))));
    }

    [TestMethod]
    public void A_bad_bls_key_is_refused_with_its_reason()
    {
        var net = Create(0);
        var s = Staker(1);
        Ok(net.UpdateWhitelist(Owner, [s.Address], []));
        var infinity = new byte[48];
        infinity[0] = 0xc0;
        var e = Refused(net, ProtocolRule.BadBlsKey, () => net.Register(s.Address, net.Parameters.StakingValue, s.TmKey, ByteString.From(infinity), s.ProofOfPossession, s.ProofOfPossession, ByteString.Empty));
        StringAssert.Contains(e.Message, "Identity");
        Refused(net, ProtocolRule.BadBlsKey, () => net.Register(s.Address, net.Parameters.StakingValue, s.TmKey, ByteString.From(new byte[47]), s.ProofOfPossession, s.ProofOfPossession, ByteString.Empty));
        Refused(net, ProtocolRule.BadTmKey, () => net.Register(s.Address, net.Parameters.StakingValue, Bytes32.Zero, s.BlsPublicKey, s.ProofOfPossession, s.ProofOfPossession, ByteString.Empty));
    }

    [TestMethod]
    public void A_rogue_key_without_proof_of_possession_never_registers()
    {
        var net = Create(0);
        var s = Staker(1);
        var other = Staker(2);
        Ok(net.UpdateWhitelist(Owner, [s.Address], []));
        var sig = s.RegistrationSignature(net.Parameters.L1ChainId, net.Genesis.StakingAddress);
        var tmSig = s.TmSignature(net.Parameters.L1ChainId, net.Genesis.StakingAddress);
        Refused(net, ProtocolRule.BadProofOfPossession, () => net.Register(s.Address, net.Parameters.StakingValue, s.TmKey, s.BlsPublicKey, other.ProofOfPossession, sig, tmSig));
        // A signature is not a proof of possession: the PoP DST differs.
        Refused(net, ProtocolRule.BadProofOfPossession, () => net.Register(s.Address, net.Parameters.StakingValue, s.TmKey, s.BlsPublicKey, sig, sig, tmSig));
        Refused(net, ProtocolRule.DeployedRegisterLacksProof, () => net.Staking.RegisterWithoutProof(s.Address));
    }

    [TestMethod]
    public void A_copied_pending_registration_cannot_be_front_run()
    {
        var net = Create(0);
        var victim = Staker(1);
        var thief = Staker(2);
        Ok(net.UpdateWhitelist(Owner, [victim.Address, thief.Address], []));
        // The thief replays the victim's whole registration from the mempool, from its own address.
        Refused(net, ProtocolRule.BadRegistrationSignature, () => net.Register(thief.Address, net.Parameters.StakingValue, victim.TmKey, victim.BlsPublicKey,
            victim.ProofOfPossession, victim.RegistrationSignature(net.Parameters.L1ChainId, net.Genesis.StakingAddress),
            victim.TmSignature(net.Parameters.L1ChainId, net.Genesis.StakingAddress)));
        // A signature bound to another chain id does not verify either.
        Refused(net, ProtocolRule.BadRegistrationSignature, () => net.Register(victim.Address, net.Parameters.StakingValue, victim.TmKey, victim.BlsPublicKey,
            victim.ProofOfPossession, victim.RegistrationSignature(net.Parameters.L1ChainId + 1, net.Genesis.StakingAddress),
            victim.TmSignature(net.Parameters.L1ChainId, net.Genesis.StakingAddress)));
        Ok(victim.Register(net).Result);
    }

    // ---- withdraw and owner removal ----

    [TestMethod]
    public void The_last_active_staker_cannot_withdraw_or_be_removed()
    {
        var net = Create(2);
        Ok(net.Withdraw(Staker(1).Address));
        Refused(net, ProtocolRule.LastActiveStaker, () => net.Withdraw(Staker(2).Address));
        Refused(net, ProtocolRule.LastActiveStaker, () => net.OwnerRemove(Owner, [Staker(2).Address]));
        Refused(net, ProtocolRule.NotActiveStaker, () => net.Withdraw(Staker(1).Address));
        Refused(net, ProtocolRule.NotWhitelisted, () => net.Withdraw(Staker(9).Address));
    }

    [TestMethod]
    public void Owner_removal_is_a_withdrawal_validated_as_a_whole()
    {
        var net = Create(3);
        Refused(net, ProtocolRule.NotOwner, () => net.OwnerRemove(Outsider, [Staker(1).Address]));
        Refused(net, ProtocolRule.LastActiveStaker, () => net.OwnerRemove(Owner, [Staker(1).Address, Staker(2).Address, Staker(3).Address]));
        Refused(net, ProtocolRule.NotActiveStaker, () => net.OwnerRemove(Owner, [Staker(1).Address, Staker(1).Address]));
        var r = Ok(net.OwnerRemove(Owner, [Staker(1).Address, Staker(2).Address]));
        Assert.AreEqual(L1StakerState.Exiting, net.Staking.StateOf(Staker(1).Address));
        Assert.AreEqual(new L1StakingContract.WithdrawnEvent(Staker(1).Address, net.Block + net.Parameters.WithdrawalLockBlocks), r.Events[0]);
        // Not a ban: after the lock the full stake is claimable.
        net.AdvanceBy(net.Parameters.WithdrawalLockBlocks);
        Ok(net.ClaimWithdrawal(Staker(1).Address, Staker(1).Address));
        Assert.AreEqual(net.Parameters.StakingValue, net.Staking.Payments.Single().Amount);
    }

    // ---- claim ----

    [TestMethod]
    public void Claim_waits_for_the_lock_to_the_block()
    {
        var net = Create(2);
        var s = Staker(1);
        Ok(net.Withdraw(s.Address));
        var w = net.Block;
        net.AdvanceTo(w + net.Parameters.WithdrawalLockBlocks - 1);
        var e = Refused(net, ProtocolRule.LockNotExpired, () => net.ClaimWithdrawal(s.Address, s.Address));
        StringAssert.Contains(e.Message, $"claimable from block {w + net.Parameters.WithdrawalLockBlocks}");
        net.AdvanceBy(1);
        var r = Ok(net.ClaimWithdrawal(s.Address, Outsider));
        Assert.AreEqual(new L1StakingContract.ClaimedEvent(s.Address, Outsider), r.Events.Single());
        Assert.AreEqual((Outsider, net.Parameters.StakingValue), net.Staking.Payments.Single());
        Assert.AreEqual(L1StakerState.None, net.Staking.StateOf(s.Address));
        Assert.IsTrue(net.Ledger.Balances(out var d), d);
        Refused(net, ProtocolRule.NotExiting, () => net.ClaimWithdrawal(s.Address, s.Address));
        Refused(net, ProtocolRule.NotExiting, () => net.ClaimWithdrawal(Staker(2).Address, s.Address));
    }

    [TestMethod]
    public void Claim_waits_for_the_unrestaking_queue()
    {
        var net = Create(2, unrestakingDelay: 2_000);
        var s = Staker(1);
        Ok(net.Withdraw(s.Address));
        var w = net.Block;
        net.AdvanceTo(w + net.Parameters.WithdrawalLockBlocks);
        var e = Refused(net, ProtocolRule.UnrestakingPending, () => net.ClaimWithdrawal(s.Address, s.Address));
        StringAssert.Contains(e.Message, $"completes at block {w + 2_000}");
        net.AdvanceTo(w + 2_000);
        Ok(net.ClaimWithdrawal(s.Address, s.Address));
        Assert.AreEqual(UInt256.Zero, net.Staking.Strategy.Held - net.Ledger.ActiveStakes);
    }

    [TestMethod]
    public void An_exited_address_must_be_whitelisted_again_and_may_reuse_its_keys()
    {
        var net = Create(2);
        var s = Staker(1);
        Ok(net.Withdraw(s.Address));
        net.AdvanceBy(net.Parameters.WithdrawalLockBlocks);
        Ok(net.ClaimWithdrawal(s.Address, s.Address));
        Refused(net, ProtocolRule.NotWhitelisted, () => s.Register(net).Result);
        Ok(net.UpdateWhitelist(Owner, [s.Address], []));
        Ok(s.Register(net).Result);
        Assert.AreEqual(4UL, net.Staking.Find(s.Address)!.RegistrationNonce, "a new incarnation: the nonce of its new add-staker message");
    }

    [TestMethod]
    public void A_sequencer_cannot_claim_while_in_the_latest_set()
    {
        var net = Create(3, x: 2);
        net.RelayAll();
        Ok(net.MarkL2Genesis(Owner));
        var s = Staker(1);
        Ok(net.Withdraw(s.Address));
        net.AdvanceBy(net.Parameters.WithdrawalLockBlocks);
        Refused(net, ProtocolRule.InLatestSequencerSet, () => net.ClaimWithdrawal(s.Address, s.Address));
    }
}
