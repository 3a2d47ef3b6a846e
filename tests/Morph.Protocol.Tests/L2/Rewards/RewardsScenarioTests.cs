using System.Numerics;
using Morph.Protocol.Contracts;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using static Morph.Protocol.Tests.L2.L2TestNet;

namespace Morph.Protocol.Tests.L2.Rewards;

/// <summary>Two fixed histories of section 7: index floors that leave remainders epoch after epoch (what the rounded-up
/// credit is for), and the set moved every block by one unit of delegation (what counting turns, not blocks, is for).</summary>
[TestClass]
public sealed class RewardsScenarioTests
{
    private static readonly BigInteger Scale = BigInteger.Pow(10, 27);

    /// <summary>Records every produced block with its scheduled proposer and one batch up to the last produced block.</summary>
    private static void RecordAll(L2Network l2, ulong batchSize)
    {
        var d = l2.Distribution;
        var blocks = new List<BlockRecord>();
        for (ulong h = d.LastBlockRecorded + 1; h < l2.Height; h++)
        {
            var set = l2.ConsensusSet(h);
            blocks.Add(new BlockRecord(h, set[(int)(h % (ulong)set.Length)], 1, 100));
        }
        if (blocks.Count > 0) Ok(l2.RecordBlocks(L2Genesis.DevnetOracle, blocks));
        if (d.LastRollupEndBlock + 1 < l2.Height)
        {
            var submitter = Staker((int)(d.LastBatchRecorded % 3) + 1);
            Ok(l2.RecordRollups(L2Genesis.DevnetOracle, [new RollupRecord(d.LastBatchRecorded + 1, submitter, d.LastRollupEndBlock + 1, l2.Height - 1, 1, batchSize)]));
        }
    }

    [TestMethod]
    public void Constant_tiny_amounts_over_many_epochs_never_claim_more_than_was_credited()
    {
        var p = Params(x: 3, epochLength: 5, lockEpochs: 2, maxPending: 4, jailEpochs: 1);
        var l2 = Create(stakers: 5, p: p, delegators: 4, each: 1_000);
        // Totals 3, 7 and 10^18 + 4 units: ⌊pool·10^27/T⌋ leaves a remainder almost every epoch.
        Ok(l2.Delegate(Delegator(1), Staker(1), 3));
        Ok(l2.Delegate(Delegator(2), Staker(2), 7));
        Ok(l2.Delegate(Delegator(3), Staker(3), 3));
        Ok(l2.Delegate(Delegator(4), Staker(3), Unit + 1));
        var dist = l2.Distribution;

        var floorCredit = new Dictionary<int, BigInteger>();   // what a rounded-down credit would have set aside, per staker
        ulong epochs = 40, lastSeen = ulong.MaxValue;
        for (ulong h = 1; h <= epochs * p.EpochLength + 2; h++)
        {
            RecordAll(l2, 1_001 + h);   // batch sizes that do not divide the rollup pool
            if (dist.LastClosedEpoch is { } e && e != lastSeen)
            {
                lastSeen = e;
                for (int i = 1; i <= 3; i++)
                {
                    var s = l2.Staking.Present(Staker(i))!;
                    var dI = s.Index.At(e) - s.Index.At(e == 0 ? null : e - 1);
                    var T = s.TotalAt(e * p.EpochLength).ToBigInteger();
                    floorCredit[i] = floorCredit.GetValueOrDefault(i) + dI * T / Scale;
                }
                // Every bucket ≥ 0 and what delegators can claim stays within what was credited and not paid.
                var pending = l2.Staking.Delegations.Aggregate(BigInteger.Zero, (a, d) => a + dist.PendingReward(d).ToBigInteger());
                Assert.IsTrue(dist.RewardsCredited >= dist.RewardsPaid, $"epoch {e}: paid {dist.RewardsPaid} > credited {dist.RewardsCredited}");
                Assert.IsTrue(dist.RewardsHeld.ToBigInteger() >= pending, $"epoch {e}: held {dist.RewardsHeld} < pending {pending}");
                NoBrokenInvariants(l2);
            }
            if (h == 20 * p.EpochLength) Ok(l2.ClaimReward(Delegator(3), Staker(3), 3));   // one claim half-way: two windows
            l2.CloseBlock();
        }
        Assert.IsTrue(dist.LastClosedEpoch >= epochs - 1, $"only {dist.LastClosedEpoch} closed");

        // The case the rounded-up credit exists for: one window over many epochs pays more than the epochs' floors.
        var one = dist.PendingReward(l2.Staking.DelegationOf(Delegator(1), l2.Staking.Present(Staker(1))!)!).ToBigInteger();
        Assert.IsTrue(one > floorCredit[1], $"the claim {one} does not exceed the floored credits {floorCredit[1]}: the remainders never showed up");
        var two = dist.PendingReward(l2.Staking.DelegationOf(Delegator(2), l2.Staking.Present(Staker(2))!)!).ToBigInteger();
        Assert.IsTrue(two > floorCredit[2], $"the claim {two} does not exceed the floored credits {floorCredit[2]}");

        // Everyone claims: every bucket stays ≥ 0; what is left is dust, never negative.
        foreach (var d in Enumerable.Range(1, 4)) Ok(l2.ClaimAll(Delegator(d)));
        Assert.IsTrue(dist.RewardsCredited >= dist.RewardsPaid);
        Assert.IsTrue(dist.RewardsHeld.ToBigInteger() > 0, "the floors of the claims leave dust");
        NoBrokenInvariants(l2);
    }

    [TestMethod]
    public void Moving_the_set_every_block_with_one_unit_cannot_get_a_live_sequencer_jailed()
    {
        var p = Params(x: 3, epochLength: 5, lockEpochs: 1, maxPending: 1_000, jailEpochs: 1) with { InactivityJailTurns = 1 };
        var l2 = Create(stakers: 5, p: p, delegators: 2, each: 1_000);
        var owner = Delegator(1);
        var attacker = Delegator(2);
        Ok(l2.Delegate(owner, Staker(1), 100 * Unit));
        Ok(l2.Delegate(owner, Staker(2), 100 * Unit));
        Ok(l2.Delegate(owner, Staker(3), 50 * Unit));
        Ok(l2.Delegate(owner, Staker(4), 50 * Unit));   // 3 and 4 tie at the margin: 3 wins by registration
        l2.CloseBlock();

        ulong epochs = 30;
        int moves = 0;
        for (ulong h = 2; h <= epochs * p.EpochLength; h++)
        {
            // Every member proposes exactly when it is scheduled (inactivityJailTurns = 1: one missed turn would jail).
            RecordAll(l2, 500);
            // One unit in or out of staker 4 swaps 3 and 4 at the margin of the set: a different consensus set every block.
            var r = h % 2 == 0 ? l2.Delegate(attacker, Staker(4), 1) : l2.Undelegate(attacker, Staker(4), 1);
            Ok(r);
            moves++;
            foreach (var s in l2.Staking.Incarnations)
            {
                Assert.IsFalse(s.IsJailed, $"block {h}: {s.Address} was jailed");
                Assert.AreEqual(0UL, s.Missed, $"block {h}: {s.Address} has missed {s.Missed} turns");
                Assert.IsTrue(s.Debt.IsZero, $"block {h}: {s.Address} owes {s.Debt}");
            }
            NoBrokenInvariants(l2);
            l2.CloseBlock();
        }
        // The attack did run: the consensus set changed at (nearly) every block, and both marginal stakers proposed.
        Assert.IsTrue(l2.ConsensusSetHistory.Count >= (int)(epochs * p.EpochLength) - 5, $"only {l2.ConsensusSetHistory.Count} consensus sets");
        Assert.IsTrue(l2.Distribution.LastClosedEpoch >= epochs - 2, $"only {l2.Distribution.LastClosedEpoch} closed");
        foreach (var i in new[] { 3, 4 })
        {
            var s = l2.Staking.Present(Staker(i))!;
            var credited = Enumerable.Range(1, (int)epochs - 2).Any(e => s.Index.At((ulong)e) > s.Index.At((ulong)e - 1));
            Assert.IsTrue(credited, $"staker {i} was never rewarded: it never proposed");
        }
        Assert.IsTrue(moves > 100);
    }

    /// <summary>Section 3, Removal: "an epoch that starts after h pays its pool to the treasury (commission still goes to
    /// the staker)"; section 7 withholds a share only from a staker Jailed at some block of e. A staker jailed and removed
    /// in block h = k·L is Removed, not Jailed, in epoch k, where it may still propose h+1: its commission for it is paid.</summary>
    [TestMethod]
    public void A_staker_jailed_then_removed_keeps_its_commission_for_the_block_it_proposes_after_removal()
    {
        var p = Params(x: 3, epochLength: 5, lockEpochs: 2, maxPending: 4, jailEpochs: 1);
        var l2 = Create(stakers: 5, p: p, delegators: 2, each: 1_000);
        Ok(l2.Delegate(Delegator(1), Staker(1), 10 * Unit));
        Ok(l2.SetCommissionRate(Staker(1), 500));   // rate 5 % from epoch 1
        l2.AdvanceTo(10);                            // block 10 = 2·L, the last block of epoch 1
        Assert.IsTrue(l2.Jail(Staker(1)));
        l2.Deliver(RemoveMessage(6, 1));
        var s1 = l2.Staking.Incarnation(1)!;
        Assert.IsFalse(s1.IsPresent);
        l2.AdvanceTo(16);

        // Block 11 (epoch 2) is proposed by staker 1: the consensus set of 11 is the set at the end of 9.
        CollectionAssert.Contains(l2.ConsensusSet(11).ToArray(), Staker(1));
        var blocks = new List<BlockRecord>();
        for (ulong h = 1; h <= 15; h++)
        {
            var set = l2.ConsensusSet(h);
            blocks.Add(new BlockRecord(h, h == 11 ? Staker(1) : set[(int)(h % (ulong)set.Length)], 1, 100));
        }
        Ok(l2.RecordBlocks(L2Genesis.DevnetOracle, blocks));
        Ok(l2.RecordRollups(L2Genesis.DevnetOracle, [new RollupRecord(1, Staker(2), 1, 15, 1, 100)]));
        Assert.AreEqual(2UL, l2.Distribution.LastClosedEpoch);

        var reward = l2.Distribution.Closed[2].Reward;
        var blockShare = UInt256.MulDiv(UInt256.MulDiv(reward, p.BlockRewardShare, 100), 1, p.EpochLength);
        Assert.AreEqual(UInt256.MulDiv(blockShare, 500, 10_000), s1.Commission.Unclaimed, "the commission for block 11");
        NoBrokenInvariants(l2);
    }
}
