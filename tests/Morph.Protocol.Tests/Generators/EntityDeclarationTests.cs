using Morph.Protocol.L2;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Generators;

/// <summary>The entity declarations of spec/l2-staking.morph as generated code: keys, creations, the shared bound of
/// pending entries and its counter.</summary>
[TestClass]
public sealed class EntityDeclarationTests
{
    private static readonly Address Delegator = Address.Parse("0x00000000000000000000000000000000000000d1");
    private static readonly Address Staker = Address.Parse("0x00000000000000000000000000000000000000a1");

    [TestMethod]
    public void Both_entry_kinds_count_toward_one_bound_of_pending_entries_while_locked_or_claimable()
    {
        var p = ProtocolParameters.Devnet with { MaxPendingEntries = 2 };
        var bound = new PendingEntriesBound();
        var undelegation = new UndelegationKey(1, Delegator, Staker, 7);
        var redelegation = new RedelegationKey(2, Delegator, Staker, 7);
        var key = UndelegationLifecycle.PendingEntriesKeyOf(undelegation);
        Assert.AreEqual(key, RedelegationLifecycle.PendingEntriesKeyOf(redelegation), "one count per (delegator, incarnation they leave)");
        Assert.AreEqual("Locked", UndelegationLifecycle.UndelegateCreates.ToString(), "the spec's create Undelegate -> Locked");
        Assert.IsTrue(UndelegationLifecycle.CountsTowardPendingEntries(UndelegationState.Locked));
        Assert.IsTrue(UndelegationLifecycle.CountsTowardPendingEntries(UndelegationState.Claimable));
        Assert.IsFalse(UndelegationLifecycle.CountsTowardPendingEntries(UndelegationState.Claimed));
        Assert.IsFalse(RedelegationLifecycle.CountsTowardPendingEntries(RedelegationState.Completed));

        Assert.IsTrue(bound.HasRoom(key, p));
        bound.Enter(key);
        bound.Enter(key);
        Assert.IsFalse(bound.HasRoom(key, p), "maxPendingEntries reached");
        Assert.AreEqual("TooManyPendingEntries", PendingEntriesBound.Rule.ToString(), "the rule the spec names for the bound");
        Assert.IsTrue(bound.HasRoom(key with { RegistrationNonce = 8 }, p), "another incarnation of the staker counts apart");
        bound.Leave(key);
        Assert.IsTrue(bound.HasRoom(key, p));
        bound.Leave(key);
        Assert.AreEqual(0, bound.KeyCount, "an emptied key is forgotten (memory follows what is pending, not history)");
        Assert.ThrowsExactly<InvalidOperationException>(() => bound.Leave(key));
    }

    [TestMethod]
    public void An_L2_staker_is_keyed_by_its_incarnation_and_created_eligible()
    {
        Assert.AreNotEqual(new L2StakerKey(Staker, 1), new L2StakerKey(Staker, 2));
        Assert.AreEqual("Eligible", L2StakerLifecycle.AddCreates.ToString(), "the spec's create Add -> Eligible");
    }
}
