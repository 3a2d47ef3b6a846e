using Morph.Protocol.Contracts;
using Morph.Protocol.L1;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L2;

/// <summary>What L2 genesis fixes (PROTOCOL.md section 3, Genesis): every staker Active on L1 at G, the nonce of the
/// last message sent at or before G, the MORPH holders (never the staking or distribution account), the L2 owner,
/// the oracle, the treasury, and the contracts' addresses.</summary>
public sealed record L2Genesis(
    IReadOnlyList<L2StakerEntry> Stakers,
    ulong GenesisNonce,
    Address Owner,
    Address Oracle,
    Address Treasury,
    IReadOnlyList<(Address Holder, UInt256 Amount)>? Holders = null)
{
    // Morph's L2 predeploys (src/Morph.Protocol.Sdk/Networks/morph-mainnet-l2.json).
    public Address RecordAddress { get; init; } = Address.Parse("0x5300000000000000000000000000000000000012");
    public Address TokenAddress { get; init; } = Address.Parse("0x5300000000000000000000000000000000000013");
    public Address DistributionAddress { get; init; } = Address.Parse("0x5300000000000000000000000000000000000014");
    public Address StakingAddress { get; init; } = Address.Parse("0x5300000000000000000000000000000000000015");
    public Address SequencerAddress { get; init; } = Address.Parse("0x5300000000000000000000000000000000000017");

    public static Address DevnetOwner { get; } = Address.Parse("0x000000000000000000000000000000000000a12c");
    public static Address DevnetOracle { get; } = Address.Parse("0x00000000000000000000000000000000000004ac");
    public static Address DevnetTreasury { get; } = Address.Parse("0x0000000000000000000000000000000000007ea5");

    /// <summary>Genesis from L1 after <c>markL2Genesis</c>: the stakers added by messages up to genesisNonce and not
    /// removed by one, in registration order (exactly L1's Active stakers at G); devnet owner, oracle and treasury.</summary>
    public static L2Genesis FromL1(L1Network l1, IReadOnlyList<(Address, UInt256)>? holders = null)
    {
        if (!l1.Rollup.GenesisMarked) throw new InvalidOperationException("L2 genesis needs markL2Genesis on L1 first");
        return new L2Genesis(StakersUpTo(l1.Messenger.Sent, l1.Rollup.GenesisNonce), l1.Rollup.GenesisNonce,
            DevnetOwner, DevnetOracle, DevnetTreasury, holders);
    }

    /// <summary>The fold of the staking messages with nonce ≤ n: who is present after them, in registration order.</summary>
    public static IReadOnlyList<L2StakerEntry> StakersUpTo(IEnumerable<L1.Messaging.L1ToL2Message> sent, ulong n)
    {
        var present = new SortedDictionary<ulong, L2StakerEntry>();
        var nonceOf = new Dictionary<Address, ulong>();
        foreach (var m in sent.TakeWhile(m => m.Nonce <= n))
        {
            var add = L2StakingContract.AddStakerWithNonceCall.Decode(m.Calldata.Span);
            if (add.IsOk)
            {
                var a = add.Value!;
                if (nonceOf.ContainsKey(a.Add.Addr)) continue;
                var nonce = (ulong)a.RegistrationNonce;
                present.Add(nonce, new L2StakerEntry(a.Add.Addr, a.Add.TmKey, a.Add.BlsKey, nonce));
                nonceOf.Add(a.Add.Addr, nonce);
                continue;
            }
            var remove = L2StakingContract.RemoveStakerWithReasonCall.Decode(m.Calldata.Span);
            if (remove.IsOk && nonceOf.Remove(remove.Value!.Staker, out var gone)) present.Remove(gone);
        }
        return present.Values.ToList();
    }
}
