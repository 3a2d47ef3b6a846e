using Morph.Protocol.Cli.Rendering;
using Morph.Protocol.Contracts;
using Morph.Protocol.Devnet;
using Morph.Protocol.L1;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Cli.Commands.Scenario;

/// <summary>The built-in L1 scenario (the main job until the whole-network simulation exists): stakers register,
/// batches are signed and committed, a challenge is lost, the signers are slashed, withdrawals are claimed. Every
/// transaction is a row; tables of stakers and ETH follow the steps that change them. Deterministic: same output, same
/// final state hash, on every run.</summary>
internal sealed partial class L1Scenario
{
    private readonly CliOutput _output;
    private readonly ModelProofSystem _proofs = new();
    private readonly L1Network _net;
    private readonly List<DevnetStaker> _stakers = Enumerable.Range(1, 10).Select(DevnetStaker.Create).ToList();
    private readonly Address _challenger = Address.Parse("0x00000000000000000000000000000000c4a11e46");
    private ReportTable _tx = NewTxTable();
    private int _step;
    private int _refusedUnexpectedly;

    public L1Scenario(CliOutput output)
    {
        _output = output;
        // A restaking withdrawal queue of 50 blocks, so bans and rewards visibly wait for the un-restaking.
        _net = new L1Network(ProtocolParameters.Devnet with { UnrestakingDelayBlocks = 50 }, proofs: _proofs);
    }

    private static ReportTable NewTxTable() => new("L1 block", "transaction", "sender", "result", "events");

    private Address Owner => _net.Genesis.Owner;
    private DevnetStaker S(int n) => _stakers[n - 1];
    private string Name(Address a) =>
        a == Owner ? "owner" : a == _challenger ? "challenger" : _stakers.FirstOrDefault(s => s.Address == a) is { } s ? $"staker{s.Number}" : a.ToString()[..10];

    private void Tx(string what, Address sender, TxResult r, bool expectRefusal = false)
    {
        if (!r.IsOk && !expectRefusal) _refusedUnexpectedly++;
        var events = string.Join(", ", r.Events.GroupBy(e => e.Event.Name).Select(g => g.Count() > 1 ? $"{g.Key} x{g.Count()}" : g.Key));
        _tx.Row(_net.Block, what, Name(sender), r.IsOk ? "ok" : $"refused {r.Error!.Rule}", events);
    }

    private void Step(string title)
    {
        _step++;
        _output.Heading($"## Step {_step}: {title}");
        _output.Out.WriteLine();
        _tx = NewTxTable();
    }

    private void EndStep(bool stakers = false, bool ledger = false)
    {
        _tx.Print(_output);
        if (stakers) PrintStakers();
        if (ledger) PrintLedger();
    }

    public int Run()
    {
        var p = _net.Parameters;
        _output.Heading("# Morph.Protocol L1 scenario");
        _output.Out.WriteLine();
        new ReportTable("parameter", "value")
            .Row("stakingValue", $"{p.StakingValue} wei").Row("sequencerSetMaxSize (X)", p.SequencerSetMaxSize)
            .Row("finalizationPeriod", $"{p.FinalizationPeriod} blocks").Row("proofWindow", $"{p.ProofWindow} blocks")
            .Row("withdrawalLockBlocks", $"{p.WithdrawalLockBlocks} blocks").Row("unrestakingDelayBlocks", $"{p.UnrestakingDelayBlocks} blocks")
            .Row("challengeDeposit", $"{p.ChallengeDeposit} wei").Row("challengerRewardPercent", p.ChallengerRewardPercent)
            .Row("proverRewardPercent", p.ProverRewardPercent).Row("signatureQuorum", p.SignatureQuorum)
            .Print(_output, "Genesis parameters (spec/protocol.morph, validated as a whole):");

        _net.AdvanceTo(1_000);
        Step("the owner whitelists ten stakers; they register with a BLS proof of possession");
        Tx("updateWhitelist(10 stakers)", Owner, _net.UpdateWhitelist(Owner, _stakers.Select(s => s.Address).ToList(), []));
        var staking = _net.Genesis.StakingAddress;
        Tx("registerWithProof, 0.5 ETH", S(1).Address, _net.Register(S(1).Address, p.StakingValue / 2, S(1).TmKey, S(1).BlsPublicKey, S(1).ProofOfPossession,
            S(1).RegistrationSignature(p.L1ChainId, staking), S(1).TmSignature(p.L1ChainId, staking)), expectRefusal: true);
        Tx("registerWithProof, staker2's PoP", S(1).Address, _net.Register(S(1).Address, p.StakingValue, S(1).TmKey, S(1).BlsPublicKey, S(2).ProofOfPossession,
            S(1).RegistrationSignature(p.L1ChainId, staking), S(1).TmSignature(p.L1ChainId, staking)), expectRefusal: true);
        // staker2 squats staker1's tmKey with its own BLS key: it can sign the registration message, but not as tmKey.
        var squatted = RegistrationMessage.Compute(p.L1ChainId, staking, S(2).Address, S(1).TmKey);
        Tx("registerWithProof, staker1's tmKey", S(2).Address, _net.Register(S(2).Address, p.StakingValue, S(1).TmKey, S(2).BlsPublicKey, S(2).ProofOfPossession,
            ByteString.From(S(2).Key.Sign(squatted.ToArray()).ToBytes()), S(2).TmSignature(p.L1ChainId, staking)), expectRefusal: true);
        foreach (var s in _stakers) Tx("registerWithProof, 1 ETH", s.Address, s.Register(_net).Result);
        EndStep(stakers: true, ledger: true);

        Step("messages are relayed; L2 marks genesis with the first X stakers");
        _net.AdvanceBy(p.L1MessageConfirmations);
        int relayed = _net.RelayAll();
        _tx.Row(_net.Block, $"relay {relayed} add-staker messages", "relayer", "ok", $"L2 now expects nonce {_net.L2.ExpectedNonce}");
        Tx("markL2Genesis", Owner, _net.MarkL2Genesis(Owner));
        EndStep();
        PrintSet();
        StartL2();

        Step("before BLS: an Active staker commits batch 1; it finalizes after the finalization period");
        Tx("commitBatch 1", S(1).Address, _net.CommitBatch(S(1).Address, new BatchCommit(1, Hash("batch-1"))));
        _net.AdvanceBy(p.FinalizationPeriod + 1);
        Tx("finalizeBatch 1", _challenger, _net.FinalizeBatch(_challenger, 1));
        _net.AdvanceBy(1);
        Tx("enableBls", Owner, _net.EnableBls(Owner));
        EndStep();

        Step("BLS mode: batches signed by the sequencer set; staker10 (not a member) withdraws");
        _net.AdvanceBy(p.BatchTimeoutBlocks);
        var members = Members();
        Tx("commitSignedBatch 2 (7 of 7 sign)", _challenger, CommitSigned(members, "batch-2"));
        Tx("commitSignedBatch 3 (4 of 7 sign)", _challenger, CommitSigned(members.Take(4).ToList(), "batch-3"), expectRefusal: true);
        _proofs.MarkFraudulent(Hash("batch-3-bad"));
        Tx("commitSignedBatch 3 (5 of 7 sign; fraudulent)", _challenger, CommitSigned(members.Take(5).ToList(), "batch-3-bad"));
        Tx("withdraw", S(10).Address, _net.Withdraw(S(10).Address));
        EndStep();

        Step("batch 3 is challenged and nobody can prove it; the challenger wins and the five signers are slashed");
        Tx("challengeState 3 (1 ETH deposit)", _challenger, _net.ChallengeBatch(_challenger, p.ChallengeDeposit, 3));
        var batch3 = _net.Rollup.BatchAt(3)!;
        Tx("proveState 3 (a made-up proof)", S(1).Address, _net.ProveBatch(S(1).Address, 3, ModelProofSystem.ProofOf(3, Hash("batch-3"), Bytes32.Zero)), expectRefusal: true);
        _net.AdvanceTo(batch3.ChallengeBlock!.Value + p.ProofWindow);
        Tx("settleChallenge 3 (window still open)", _challenger, _net.SettleChallenge(_challenger, 3), expectRefusal: true);
        _net.AdvanceBy(1);
        Tx("settleChallenge 3", _challenger, _net.SettleChallenge(_challenger, 3));
        Tx("claimReward (un-restaking pending)", _challenger, _net.ClaimReward(_challenger, _challenger), expectRefusal: true);
        EndStep(stakers: true, ledger: true);
        PrintSet();

        Step("the honest remainder commits batch 3 with L2's new set; a slashed member's bit is refused");
        var survivors = members.Skip(5).ToList();
        var newSet = survivors.Select(s => s.Address).Concat([S(8).Address, S(9).Address]).ToList();
        Tx("commitSignedBatch 3 (a slashed bit set)", _challenger, CommitSigned(members, "batch-3", newSet), expectRefusal: true);
        Tx("commitSignedBatch 3 (the reverted batch again)", _challenger, CommitSigned(survivors, "batch-3-bad"), expectRefusal: true);
        Tx("commitSignedBatch 3 (2 of 2 live sign)", _challenger, CommitSigned(survivors, "batch-3", newSet));
        EndStep();
        PrintSet();

        Step("staker7 leaves the set: withdraw, a batch drops it, finalization, then the claims");
        Tx("withdraw", S(7).Address, _net.Withdraw(S(7).Address));
        var current = Members();
        var without7 = current.Where(s => s.Number != 7).Select(s => s.Address).ToList();
        Tx("commitSignedBatch 4 (drops staker7)", _challenger, CommitSigned(current, "batch-4", without7));
        _net.AdvanceBy(p.WithdrawalLockBlocks);
        Tx("claimWithdrawal (batch 4 unfinalized)", S(7).Address, _net.ClaimWithdrawal(S(7).Address, S(7).Address), expectRefusal: true);
        for (ulong i = _net.Rollup.LastFinalized + 1; i <= _net.Rollup.LastCommitted; i++) Tx($"finalizeBatch {i}", _challenger, _net.FinalizeBatch(_challenger, i));
        Tx("claimWithdrawal", S(7).Address, _net.ClaimWithdrawal(S(7).Address, S(7).Address));
        Tx("claimWithdrawal", S(10).Address, _net.ClaimWithdrawal(S(10).Address, S(10).Address));
        Tx("claimWithdrawal (slashed)", S(1).Address, _net.ClaimWithdrawal(S(1).Address, S(1).Address), expectRefusal: true);
        Tx("claimReward", _challenger, _net.ClaimReward(_challenger, _challenger));
        Tx("updateWhitelist(staker1) (banned)", Owner, _net.UpdateWhitelist(Owner, [S(1).Address], []), expectRefusal: true);
        EndStep(stakers: true, ledger: true);

        Step("L2 catches up: every message relayed once, in order");
        _net.AdvanceBy(p.L1MessageConfirmations);
        relayed = _net.RelayAll();
        _tx.Row(_net.Block, $"relay {relayed} messages", "relayer", "ok", $"L2 applied up to nonce {_net.L2.LastApplied}");
        EndStep();
        var l2 = new ReportTable("L2 staker", "registration nonce");
        foreach (var s in _net.L2.Stakers) l2.Row(Name(s.Address), s.RegistrationNonce);
        l2.Print(_output, "L2's staker list (canonical order):");
        CatchUpL2();

        var broken = _net.CheckInvariants(allRelayed: true);
        var summary = new ReportTable("check", "result");
        summary.Row("invariants 1, 3, 5, 7", broken.Count == 0 ? "hold" : string.Join("; ", broken));
        summary.Row("unexpected refusals", _refusedUnexpectedly);
        summary.Row("ETH paid to stakers", string.Join(", ", _net.Staking.Payments.Select(x => $"{Name(x.To)} {x.Amount}")));
        summary.Row("ETH paid by the rollup", string.Join(", ", _net.Rollup.Payments.Select(x => $"{Name(x.To)} {x.Amount}")));
        summary.Row("final state hash", _net.StateHash());
        SummarizeL2(summary);
        summary.Print(_output, "Summary:");
        return broken.Count == 0 && _refusedUnexpectedly == 0 ? 0 : 1;
    }

    private static Bytes32 Hash(string label) => Keccak256.HashUtf8(label);

    private List<DevnetStaker> Members() => _net.Rollup.LatestSequencerSet.Select(a => _stakers.First(s => s.Address == a)).ToList();

    private TxResult CommitSigned(IReadOnlyList<DevnetStaker> signers, string label, IReadOnlyList<Address>? newSet = null)
    {
        var index = _net.Rollup.LastCommitted + 1;
        var (bitmap, sig) = DevnetStaker.SignBatch(_net, signers, _net.Rollup.LatestSequencerSet, index, Hash(label), newSet);
        return _net.CommitBatch(_challenger, new BatchCommit(index, Hash(label), newSet, bitmap, sig));
    }

    private void PrintStakers()
    {
        var t = new ReportTable("staker", "address", "state", "nonce", "in set", "exposure", "slashed");
        foreach (var s in _stakers)
        {
            var st = _net.Staking.Find(s.Address);
            t.Row($"staker{s.Number}", s.Address, st?.State.ToString() ?? "None (claimed)", st?.RegistrationNonce, _net.Rollup.LatestSequencerSet.Contains(s.Address) ? "yes" : "",
                _net.Rollup.ExposureOf(s.Address)?.Rule.ToString() ?? "", _net.Staking.SlashCountOf(s.Address) > 0 ? "yes" : "");
        }
        t.Print(_output, "Stakers:");
    }

    private void PrintLedger()
    {
        var l = _net.Ledger;
        var t = new ReportTable("ETH bucket", "wei");
        t.Row("Active stakes", l.ActiveStakes).Row("Exiting stakes", l.ExitingStakes).Row("Slashed, being un-restaked", l.SlashedUnrestaking)
            .Row("Open challenge deposits", l.OpenDeposits).Row("Refundable deposits", l.RefundableDeposits).Row("Unclaimed rewards", l.UnclaimedRewards)
            .Row("Treasury", l.Treasury).Row("= received - paid out", $"{l.Received} - {l.PaidOut}")
            .Row("invariant 1", l.Balances(out _) ? "holds" : "BROKEN");
        t.Print(_output, "ETH ledger:");
    }

    private void PrintSet()
    {
        var t = new ReportTable("latestSequencerSet", "slashed");
        foreach (var a in _net.Rollup.LatestSequencerSet) t.Row(Name(a), _net.Staking.Find(a)!.IsSlashed ? "yes (never counts)" : "");
        t.Print(_output, $"Rollup: {_net.Rollup.State}, last committed {_net.Rollup.LastCommitted}, last finalized {_net.Rollup.LastFinalized}");
    }
}
