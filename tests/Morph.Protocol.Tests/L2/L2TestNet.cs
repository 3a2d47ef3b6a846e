using Morph.Protocol.Contracts;
using Morph.Protocol.L1.Messaging;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Tests.L2;

/// <summary>Small L2 chains for tests: stakers 1..n registered in that order (registration nonce i), delegators
/// holding MORPH with an unlimited allowance to the staking account.</summary>
internal static class L2TestNet
{
    public static Address A(ulong n) => Address.Parse($"0x{n:x40}");
    public static Address Staker(int i) => A(0x1000UL + (ulong)i);
    public static Address Delegator(int i) => A(0xd000UL + (ulong)i);
    public static readonly UInt256 Unit = 1_000_000_000_000_000_000UL;   // one MORPH

    public static ProtocolParameters Params(int x = 3, ulong epochLength = 10, ulong lockEpochs = 2, uint maxPending = 3, ulong jailEpochs = 2) =>
        ProtocolParameters.Devnet with
        {
            SequencerSetMaxSize = (byte)x, EpochLength = epochLength, UndelegateLockEpochs = lockEpochs,
            MaxPendingEntries = maxPending, JailEpochs = jailEpochs,
        };

    public static L2StakerEntry Entry(int i, ulong nonce) =>
        new(Staker(i), Bytes32.Parse($"0x{(ulong)i:x64}"), ByteString.From(new byte[48]), nonce);

    public static L2Network Create(int stakers = 5, ProtocolParameters? p = null, int delegators = 4, ulong each = 1_000)
    {
        p ??= Params();
        var holders = new List<(Address, UInt256)>();
        var total = UInt256.Zero;
        for (int i = 1; i <= delegators; i++) { holders.Add((Delegator(i), each * Unit)); total += each * Unit; }
        holders.Add((L2Genesis.DevnetTreasury, p.GenesisSupply - total));
        var genesis = new L2Genesis(Enumerable.Range(1, stakers).Select(i => Entry(i, (ulong)i)).ToList(), (ulong)stakers,
            L2Genesis.DevnetOwner, L2Genesis.DevnetOracle, L2Genesis.DevnetTreasury, holders);
        var l2 = new L2Network(genesis, p);
        for (int i = 1; i <= delegators; i++) Ok(l2.Approve(Delegator(i), genesis.StakingAddress, UInt256.MaxValue));
        return l2;
    }

    public static L1ToL2Message AddMessage(ulong nonce, int staker) =>
        new(nonce, 1, L1ToL2Message.AddStaker(Staker(staker), Entry(staker, nonce).TmKey, ByteString.From(new byte[48]), nonce));

    public static L1ToL2Message RemoveMessage(ulong nonce, int staker, RemovalReason reason = RemovalReason.Exit) =>
        new(nonce, 1, L1ToL2Message.RemoveStaker(Staker(staker), reason));

    public static TxResult Ok(TxResult r)
    {
        Assert.IsTrue(r.IsOk, r.ToString());
        return r;
    }

    public static void Refused(TxResult r, ProtocolRule rule) => Assert.AreEqual(rule, r.Rule, r.ToString());

    /// <summary>Refused with <paramref name="rule"/>, and the state hash did not move (invariant 6).</summary>
    public static void RefusedUnchanged(L2Network l2, Func<TxResult> op, ProtocolRule rule)
    {
        var before = l2.StateHash();
        Refused(op(), rule);
        Assert.AreEqual(before, l2.StateHash(), $"a refused {rule} changed the state");
    }

    public static Address[] Set(params int[] stakers) => stakers.Select(Staker).ToArray();

    public static void NoBrokenInvariants(L2Network l2)
    {
        var broken = l2.CheckInvariants();
        Assert.AreEqual(0, broken.Count, string.Join("\n", broken));
    }

    /// <summary>Moves to the first block of <paramref name="epoch"/>.</summary>
    public static void ToEpoch(L2Network l2, ulong epoch) => l2.AdvanceTo(epoch * l2.Parameters.EpochLength + 1);
}
