using Morph.Protocol.Contracts;
using Morph.Protocol.Devnet;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Simulation;

/// <summary>One step of a run, as the report shows it: what was done, by whom, and what came of it.</summary>
public sealed record StepOutcome(ulong L1Block, ulong L2Block, string What, string Result);

/// <summary>The embedded default run of <c>morph simulate</c> (issue 20): 10 stakers, X = 7, 200 delegators, 30 epochs;
/// BLS switched on part way; a sequencer that stops proposing is jailed for inactivity and comes back; a batch signed by
/// five members is fraudulent, loses its challenge in BLS mode and all five are slashed; a withdrawal is claimed;
/// rewards and commission are claimed. Invariants are checked after every step when asked (tests always do).</summary>
public sealed class DefaultScenario
{
    public const int StakerCount = 10, DelegatorCount = 200, Epochs = 30;
    public static readonly UInt256 Morph = 1_000_000_000_000_000_000UL;
    public static Address Challenger { get; } = Address.Parse("0x00000000000000000000000000000000c4a11e46");
    public static Address Delegator(int i) => Address.Parse($"0x{0xde1e0000UL + (ulong)i:x40}");

    private readonly List<StepOutcome> _steps = [];
    private readonly bool _checkInvariants;
    private readonly IProgress<(string Phase, ulong Done, ulong Total)>? _progress;
    private readonly Random _rng;

    public DefaultScenario(int seed = 1, bool checkInvariants = false, IProgress<(string, ulong, ulong)>? progress = null)
    {
        _checkInvariants = checkInvariants; _progress = progress; _rng = new Random(seed);
        Network = new Network(new SimulationOptions
        {
            Seed = seed,
            Holders = Enumerable.Range(1, DelegatorCount).Select(i => (Delegator(i), 10_000 * Morph)).ToList(),
        }) { VerifyRefusals = checkInvariants };
    }

    public Network Network { get; }
    public IReadOnlyList<StepOutcome> Steps => _steps;
    public long InvariantChecks { get; private set; }
    public List<string> Broken { get; } = [];
    public int UnexpectedRefusals { get; private set; }
    private ulong EpochLength => Network.Parameters.EpochLength;
    private ulong TotalBlocks => Epochs * EpochLength;

    public void Run()
    {
        var n = Network;
        var owner = n.L1.Genesis.Owner;
        var stakers = Enumerable.Range(1, StakerCount).Select(n.Staker).ToList();
        Do("updateWhitelist(10 stakers)", owner, n.L1(owner, new L1StakingContract.UpdateWhitelistCall(new ValueArray<Address>(stakers.Select(s => s.Address).ToArray()), new ValueArray<Address>([]))));
        foreach (var s in stakers) Do("registerWithProof (1 ETH)", s.Address, n.Register(s));
        n.AdvanceL1(n.Parameters.L1MessageConfirmations + 1);
        Do("markL2Genesis", owner, n.L1(owner, new RollupContract.MarkL2GenesisCall()));
        var l2 = n.L2!;

        // 200 delegators: each approves the staking contract and delegates to one or two stakers.
        for (int i = 1; i <= DelegatorCount; i++)
        {
            var d = Delegator(i);
            Quiet(n.Token(d, new MorphTokenContract.ApproveCall(l2.Genesis.StakingAddress, UInt256.MaxValue)));
            Quiet(n.Staking(d, new L2StakingContract.DelegateStakeCall(stakers[_rng.Next(StakerCount)].Address, (ulong)_rng.Next(100, 5_000) * Morph)));
            if (i % 3 == 0) Quiet(n.Staking(d, new L2StakingContract.DelegateStakeCall(stakers[_rng.Next(StakerCount)].Address, (ulong)_rng.Next(100, 2_000) * Morph)));
        }
        Note($"{DelegatorCount} delegators approve and delegate", $"set {Names(l2.ContractSet)}");
        foreach (var s in stakers) Quiet(n.Staking(s.Address, new L2StakingContract.SetCommissionRateCall((ulong)(100 * (1 + s.Number % 5)))));
        Note("every staker sets a commission (100..500 bp, from epoch 1)", "ok");
        Advance(3 * EpochLength, "epochs 0-2, before BLS");

        Do("enableBls", owner, n.L1(owner, new RollupContract.EnableBlsCall()));
        Advance(3 * EpochLength, "epochs 3-5, BLS");

        // A sequencer stops proposing: its missed turns jail it; it comes back and unjails after jailEpochs.
        var sleeper = l2.ContractSet[0];
        n.SetLive(sleeper, false);
        Note($"{Name(sleeper)} stops proposing", "offline");
        Advance(EpochLength, "a sequencer is offline");
        n.SetLive(sleeper, true);
        Note($"{Name(sleeper)} is back online", l2.Staking.Present(sleeper) is { IsJailed: true } j ? $"jailed in epoch {j.JailEpoch}, debt {Units(j.Debt)}" : "not jailed");
        Advance((n.Parameters.JailEpochs + 1) * EpochLength, "its jail time passes");
        Do("unjail()", sleeper, n.Staking(sleeper, new L2StakingContract.UnjailCall()));

        // Two members go offline; the next batch is fraudulent and signed by the five others; it loses its challenge.
        var members = n.L1.Rollup.LatestSequencerSet.ToList();
        var away = members.Skip(members.Count - 2).ToList();
        foreach (var a in away) n.SetLive(a, false);
        n.CorruptNextBatch();
        var before = n.L1.Rollup.LastCommitted;
        while (n.L1.Rollup.LastCommitted == before) Advance(n.Options.BatchL2Blocks, null);
        var bad = n.Batches[n.L1.Rollup.LastCommitted];
        var signers = n.L1.Rollup.BatchAt(bad.Index)!.Exposed;
        Note($"batch {bad.Index} (L2 {bad.StartBlock}..{bad.EndBlock}) is fraudulent", $"signed by {signers.Length}: {Names(signers)}");
        Do($"challengeState({bad.Index})", Challenger, n.L1(Challenger, new RollupContract.ChallengeStateCall(bad.Index, bad.Hash), value: n.Parameters.ChallengeDeposit));
        foreach (var a in away) n.SetLive(a, true);
        while (n.L1.Block <= n.L1.Rollup.BatchAt(bad.Index)!.ChallengeBlock!.Value + n.Parameters.ProofWindow) Advance(n.Options.BatchL2Blocks, null);
        Do($"settleChallenge({bad.Index})", Challenger, n.L1(Challenger, new RollupContract.SettleChallengeCall(bad.Index)));
        Note("the signers are slashed on L1", $"{signers.Count(a => n.L1.Staking.Find(a)!.IsSlashed)} of {signers.Length} slashed");

        // A staker outside the set withdraws; its claim waits for the lock and the set's finality.
        var leaver = stakers.Select(s => s.Address).First(a => n.L1.Staking.Find(a)!.State == L1.L1StakerState.Active && !n.L1.Rollup.LatestSequencerSet.Contains(a));
        Do("withdraw()", leaver, n.L1(leaver, new L1StakingContract.WithdrawCall()));
        Advance(TotalBlocks + 1 > l2.Height ? TotalBlocks + 1 - l2.Height : EpochLength, $"to the end of epoch {Epochs - 1}");
        Do("claimWithdrawal", leaver, n.L1(leaver, new L1StakingContract.ClaimWithdrawalCall(leaver)));
        Do("claimReward (challenger)", Challenger, n.L1(Challenger, new RollupContract.ClaimRewardCall(Challenger)), expectRefusal: true);

        // Rewards: every delegator claims all; every staker its commission.
        int claimed = 0;
        for (int i = 1; i <= DelegatorCount; i++)
            if (n.Distribute(Delegator(i), new DistributeContract.ClaimAllRewardsCall()).IsOk) claimed++;
        Note("claimAllRewards by every delegator", $"{claimed} of {DelegatorCount} had rewards to claim");
        int commissions = 0;
        foreach (var s in l2.Staking.Incarnations.ToList())
            if (n.Distribute(s.Address, new DistributeContract.ClaimCommissionOfCall(s.RegistrationNonce)).IsOk) commissions++;
        Note("claimCommissionOf by every staker", $"{commissions} incarnations had commission");
        Check();
    }

    private void Advance(ulong blocks, string? what)
    {
        var n = Network;
        ulong done = 0;
        while (done < blocks)
        {
            var step = Math.Min(blocks - done, 100UL);
            n.AdvanceL2(step);
            done += step;
            if (_checkInvariants) Check();
            _progress?.Report(("L2 blocks", n.L2?.Height ?? 0, TotalBlocks));
        }
        if (what is not null) Note($"advance {blocks} L2 blocks: {what}", $"L2 {n.L2?.Height}, L1 {n.L1.Block}, epochs closed {n.L2?.LastClosedEpoch?.ToString() ?? "none"}");
    }

    private void Check()
    {
        InvariantChecks++;
        foreach (var b in Network.CheckInvariants()) if (!Broken.Contains(b)) Broken.Add(b);
    }

    private void Do(string what, Address sender, TxResult r, bool expectRefusal = false)
    {
        if (!r.IsOk && !expectRefusal) UnexpectedRefusals++;
        _steps.Add(new StepOutcome(Network.L1.Block, Network.L2?.Height ?? 0, $"{what} by {Name(sender)}", r.IsOk ? "ok" : $"refused {r.Rule}"));
        if (_checkInvariants) Check();
    }

    private void Quiet(TxResult r)
    {
        if (!r.IsOk) UnexpectedRefusals++;
    }

    private void Note(string what, string result) => _steps.Add(new StepOutcome(Network.L1.Block, Network.L2?.Height ?? 0, what, result));

    private Dictionary<Address, string>? _names;

    public string Name(Address a)
    {
        _names ??= Enumerable.Range(1, StakerCount).ToDictionary(i => DevnetStaker.Create(i).Address, i => $"staker{i}");
        if (_names.TryGetValue(a, out var name)) return name;
        if (a == Network.L1.Genesis.Owner) return "owner";
        if (a == Challenger) return "challenger";
        return a.ToString()[..10];
    }

    private string Names(IEnumerable<Address> set) => string.Join(", ", set.Select(Name));
    private static string Units(UInt256 v) => $"{v / Morph} MORPH";
}
