using Morph.Protocol.Contracts;
using Morph.Protocol.Crypto.Bls;
using Morph.Protocol.L1.Messaging;
using Morph.Protocol.L1.Restaking;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L1;

/// <summary>Who is who at genesis: the owner, the contracts' addresses.</summary>
public sealed record L1Genesis(Address Owner, Address StakingAddress, Address RollupAddress, Address MessengerAddress, Address L2StakingAddress)
{
    public static L1Genesis Devnet { get; } = new(
        Address.Parse("0x000000000000000000000000000000000000a11c"),
        Address.Parse("0x0000000000000000000000000000000000005a4e"),
        Address.Parse("0x000000000000000000000000000000000000b0b1"),
        Address.Parse("0x0000000000000000000000000000000000004d53"),
        Address.Parse("0x5300000000000000000000000000000000000015"));
}

/// <summary>The L1 side of the protocol in one deterministic object: the clock, L1 staking, the rollup, the messenger
/// and the ETH ledger, with the L2 inbox the messages feed. Every operation first applies what time made due
/// (bans, matured rewards), then validates in full, then applies; a refused one changes nothing.</summary>
public sealed partial class L1Network
{
    public L1Network(ProtocolParameters? parameters = null, L1Genesis? genesis = null, IRestakingStrategy? strategy = null,
        IBlsSignatureScheme? bls = null, IValidityProofSystem? proofs = null)
    {
        Parameters = parameters ?? ProtocolParameters.Devnet;
        if (Parameters.Validate() is { Count: > 0 } violations) throw new InvalidParametersException(violations);
        Genesis = genesis ?? L1Genesis.Devnet;
        Bls = bls ?? BlsSignatureScheme.Instance;
        Proofs = proofs ?? new ModelProofSystem();
        Messenger = new L1Messenger(Genesis.L2StakingAddress, Genesis.StakingAddress);
        Staking = new L1Staking(Parameters, Clock, Ledger, Messenger, strategy ?? DefaultStrategy(Parameters),
            Bls, Genesis.Owner, Genesis.StakingAddress);
        Rollup = new Rollup.Rollup(Parameters, Clock, Staking, Ledger, Bls, Proofs, Genesis.Owner, Genesis.RollupAddress);
        Staking.Exposure = Rollup;
    }

    /// <summary>unrestakingDelayBlocks = 0 means no restaking: the default strategy holds the ETH.</summary>
    public static IRestakingStrategy DefaultStrategy(ProtocolParameters p) =>
        p.UnrestakingDelayBlocks == 0 ? new HoldingStrategy() : new WithdrawalQueueStrategy(p.UnrestakingDelayBlocks);

    public ProtocolParameters Parameters { get; }
    public L1Genesis Genesis { get; }
    public IBlsSignatureScheme Bls { get; }
    public IValidityProofSystem Proofs { get; }
    public L1Clock Clock { get; } = new();
    public EthLedger Ledger { get; } = new();
    public L1Messenger Messenger { get; }
    public L1Staking Staking { get; }
    public Rollup.Rollup Rollup { get; }
    public L2StakingInbox L2 { get; } = new();

    /// <summary>Events emitted by time (bans, matured rewards) when the clock moved.</summary>
    public List<IContractEvent> TimeEvents { get; } = [];

    public ulong Block => Clock.Block;

    /// <summary>Moves L1 time forward and applies what became due.</summary>
    [Lifecycles.TimeStep]
    public void AdvanceTo(ulong block)
    {
        Clock.AdvanceTo(block);
        TimeEvents.AddRange(Rollup.ProcessTime());
    }

    public void AdvanceBy(ulong blocks) => AdvanceTo(ulong.MaxValue - Clock.Block >= blocks ? Clock.Block + blocks
        : throw new ArgumentOutOfRangeException(nameof(blocks), $"block {Clock.Block} + {blocks} is beyond the last L1 block (2^64 - 1)"));

    /// <summary>Relays every message relayable now, in order (a well-behaved relayer).</summary>
    public int RelayAll()
    {
        int n = 0;
        foreach (var m in Messenger.Relayable(Clock.Block, Parameters.L1MessageConfirmations))
            if (m.Nonce >= L2.ExpectedNonce && L2.Deliver(m) == MessageOutcome.Applied) n++;
        return n;
    }

    /// <summary>The hash of the whole L1 state: same inputs, same state, same hash.</summary>
    public Bytes32 StateHash()
    {
        var w = new StateWriter();
        w.Write(Clock.Block);
        Ledger.WriteState(w);
        Staking.WriteState(w);
        Rollup.WriteState(w);
        Messenger.WriteState(w);
        L2.WriteState(w);
        return w.Hash();
    }

    /// <summary>The invariants of PROTOCOL.md section 8 that the L1 side carries (1, 3, 5, 7; with <paramref name="allRelayed"/>,
    /// 5 also against L1's Active stakers); empty when all hold. For tests and tools: it reads every staker.</summary>
    public IReadOnlyList<string> CheckInvariants(bool allRelayed = false)
    {
        var broken = new List<string>();
        var sv = Parameters.StakingValue;
        if (!Ledger.Balances(out var detail)) broken.Add("1 (ETH conservation): " + detail);
        var byState = Staking.Stakers.GroupBy(s => s.State).ToDictionary(g => g.Key, g => (ulong)g.Count());
        ulong Count(L1StakerState s) => byState.GetValueOrDefault(s);
        if (Ledger.ActiveStakes != sv * Count(L1StakerState.Active)) broken.Add($"3: Active stakes {Ledger.ActiveStakes} != {Count(L1StakerState.Active)} x stakingValue");
        if (Ledger.ExitingStakes != sv * Count(L1StakerState.Exiting)) broken.Add($"3: Exiting stakes {Ledger.ExitingStakes} != {Count(L1StakerState.Exiting)} x stakingValue");
        if (Staking.Stakers.Any(s => Staking.SlashCountOf(s.Address) > 1)) broken.Add("3: a staker was slashed twice");
        var expectedHeld = Ledger.ActiveStakes + Ledger.ExitingStakes + sv * Count(L1StakerState.Slashed);
        if (Staking.Strategy.Held != expectedHeld) broken.Add($"3: the restaking strategy holds {Staking.Strategy.Held}, stakes in it {expectedHeld}");
        foreach (var m in Rollup.LatestSequencerSet)
            if (Staking.Find(m) is not { IsRegistered: true }) broken.Add($"7: {m} in latestSequencerSet is not a registered staker");
        if (Rollup.State != RollupModeState.PreBls && (Rollup.State == RollupModeState.Bls) != Rollup.LiveMembers.Any())
            broken.Add($"7: the rollup is {Rollup.State} but {(Rollup.LiveMembers.Any() ? "a member is" : "no member is")} unslashed");
        // 5, general form: L2's stakers are those added by a message <= n and not removed by one <= n (in nonce order).
        var expected = L2Genesis.StakersUpTo(Messenger.Sent, L2.LastApplied).Select(s => s.Address).ToList();
        var l2 = L2.Stakers.Select(s => s.Address).ToList();
        if (!expected.SequenceEqual(l2)) broken.Add($"5: L2 stakers [{string.Join(", ", l2)}] != messages up to nonce {L2.LastApplied} [{string.Join(", ", expected)}]");
        if (allRelayed && L2.LastApplied == Messenger.LastNonce)
        {
            var l1 = Staking.ActiveStakers.Select(s => s.Address).ToList();
            if (!l1.SequenceEqual(l2)) broken.Add($"5: L2 stakers [{string.Join(", ", l2)}] != L1 Active stakers [{string.Join(", ", l1)}]");
        }
        return broken;
    }

    // ---- transactions (time first, then the operation) ----

    private TxResult Run(Func<TxResult> op)
    {
        TimeEvents.AddRange(Rollup.ProcessTime());
        return op();
    }

    public TxResult UpdateWhitelist(Address sender, IReadOnlyList<Address> add, IReadOnlyList<Address> remove) => Run(() => Staking.UpdateWhitelist(sender, add, remove));
    public TxResult Register(Address sender, UInt256 value, Bytes32 tmKey, ByteString blsKey, ByteString pop, ByteString registrationSignature, ByteString tmSignature) =>
        Run(() => Staking.Register(sender, value, tmKey, blsKey, pop, registrationSignature, tmSignature));
    public TxResult Withdraw(Address sender) => Run(() => Staking.Withdraw(sender));
    public TxResult OwnerRemove(Address sender, IReadOnlyList<Address> stakers) => Run(() => Staking.OwnerRemove(sender, stakers));
    public TxResult ClaimWithdrawal(Address sender, Address receiver) => Run(() => Staking.ClaimWithdrawal(sender, receiver));
    public TxResult MarkL2Genesis(Address sender) => Run(() => Rollup.MarkL2Genesis(sender));
    public TxResult EnableBls(Address sender) => Run(() => Rollup.EnableBls(sender));
    public TxResult ResetSequencerSet(Address sender, IReadOnlyList<Address> set) => Run(() => Rollup.ResetSequencerSet(sender, set));
    public TxResult CommitBatch(Address sender, BatchCommit commit) => Run(() => Rollup.CommitBatch(sender, commit));
    public TxResult FinalizeBatch(Address sender, ulong index) => Run(() => Rollup.FinalizeBatch(sender, index));
    public TxResult ChallengeBatch(Address sender, UInt256 value, ulong index) => Run(() => Rollup.ChallengeBatch(sender, value, index));
    public TxResult ProveBatch(Address sender, ulong index, ByteString proof) => Run(() => Rollup.ProveBatch(sender, index, proof));
    public TxResult SettleChallenge(Address sender, ulong index) => Run(() => Rollup.SettleChallenge(sender, index));
    public TxResult ClaimReward(Address sender, Address receiver) => Run(() => Rollup.ClaimReward(sender, receiver));
}
