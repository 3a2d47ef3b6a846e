using Morph.Protocol.Cli.Rendering;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Cli.Commands.Scenario;

// The scenario goes on into L2 (issue 16): genesis from L1's markL2Genesis, delegations that change the sequencer set,
// the consensus set two blocks later, and, once L1's messages arrive, removals whose delegations are released.
internal sealed partial class L1Scenario
{
    private static readonly UInt256 Morph = 1_000_000_000_000_000_000UL;
    private static readonly Address[] Delegators = [Address.Parse("0x00000000000000000000000000000000000d1e01"), Address.Parse("0x00000000000000000000000000000000000d1e02")];
    private L2Network? _l2;
    private ReportTable _l2Tx = NewL2TxTable();

    private static ReportTable NewL2TxTable() => new("L2 block", "transaction", "sender", "result", "events");

    private string L2Name(Address a) => Array.IndexOf(Delegators, a) is >= 0 and var i ? $"delegator{i + 1}" : Name(a);

    private void L2Tx(string what, Address sender, TxResult r, bool expectRefusal = false)
    {
        if (!r.IsOk && !expectRefusal) _refusedUnexpectedly++;
        var events = string.Join(", ", r.Events.GroupBy(e => e.Event.Name).Select(g => g.Count() > 1 ? $"{g.Key} x{g.Count()}" : g.Key));
        _l2Tx.Row(_l2!.Height, what, L2Name(sender), r.IsOk ? "ok" : $"refused {r.Error!.Rule}", events);
    }

    /// <summary>L2 genesis right after markL2Genesis: every staker Active at G, two delegators holding MORPH.</summary>
    private void StartL2()
    {
        var supply = _net.Parameters.GenesisSupply;
        _l2 = new L2Network(L2Genesis.FromL1(_net, [(Delegators[0], 100_000 * Morph), (Delegators[1], 100_000 * Morph), (L2Genesis.DevnetTreasury, supply - 200_000 * Morph)]), _net.Parameters);
        Step("L2 genesis: delegations move two stakers into the set; the consensus set follows two blocks later");
        var staking = _l2.Genesis.StakingAddress;
        foreach (var d in Delegators) L2Tx("approve(L2Staking, max)", d, _l2.Approve(d, staking, UInt256.MaxValue));
        L2Tx("delegateStake(staker8, 0)", Delegators[0], _l2.Delegate(Delegators[0], S(8).Address, UInt256.Zero), expectRefusal: true);
        L2Tx("delegateStake(staker8, 5,000 MORPH)", Delegators[0], _l2.Delegate(Delegators[0], S(8).Address, 5_000 * Morph));
        L2Tx("delegateStake(staker9, 3,000 MORPH)", Delegators[1], _l2.Delegate(Delegators[1], S(9).Address, 3_000 * Morph));
        L2Tx("delegateStake(staker1, 2,000 MORPH)", Delegators[1], _l2.Delegate(Delegators[1], S(1).Address, 2_000 * Morph));
        L2Tx("undelegate(staker8, 1,000 MORPH)", Delegators[0], _l2.Undelegate(Delegators[0], S(8).Address, 1_000 * Morph));
        L2Tx("transfer(L2Staking, 1 MORPH)", Delegators[0], _l2.Transfer(Delegators[0], staking, Morph), expectRefusal: true);
        _l2.CloseBlock();
        _l2.AdvanceTo(4);
        _l2Tx.Print(_output);
        PrintL2Sets(1, 2, 3);
    }

    /// <summary>L1's messages reach L2 (the slashes and exits remove stakers); the released delegation is claimed back.</summary>
    private void CatchUpL2()
    {
        var l2 = _l2!;
        Step("L2 applies the same messages: removed stakers leave the set, their delegations are released");
        _l2Tx = NewL2TxTable();
        int applied = 0;
        foreach (var m in _net.Messenger.Relayable(_net.Block, _net.Parameters.L1MessageConfirmations))
            if (l2.Deliver(m) == MessageOutcome.Applied) applied++;
        _l2Tx.Row(l2.Height, $"apply {applied} messages", "relayer", "ok", $"L2 expects nonce {l2.Inbox.ExpectedNonce}");
        L2Tx("delegateStake(staker1, 1 MORPH)", Delegators[1], l2.Delegate(Delegators[1], S(1).Address, Morph), expectRefusal: true);
        L2Tx("claimReleased(staker1, nonce 1)", Delegators[1], l2.ClaimReleased(Delegators[1], S(1).Address, 1));
        var closed = l2.Height;
        l2.CloseBlock();
        l2.AdvanceTo(closed + 3);
        _l2Tx.Print(_output);
        PrintL2Sets(closed, closed + 1, closed + 2);
    }

    private void PrintL2Sets(ulong h, ulong before, ulong after)
    {
        var l2 = _l2!;
        var t = new ReportTable("L2 staker", "nonce", "state", "total delegation (MORPH)", "in contract set");
        foreach (var s in l2.Staking.Incarnations)
            t.Row(Name(s.Address), s.RegistrationNonce, s.State, s.IsPresent ? Whole(s.TotalDelegation) : $"{Whole(s.TotalDelegation)} released", l2.ContractSet.Contains(s.Address) ? "yes" : "");
        t.Print(_output, $"L2 stakers after block {h} (ranking: total desc, then registration):");
        new ReportTable("L2 block", "consensus set (canonical order)")
            .Row(h, string.Join(", ", l2.ConsensusSet(h).Select(Name)))
            .Row(before, string.Join(", ", l2.ConsensusSet(before).Select(Name)))
            .Row(after, string.Join(", ", l2.ConsensusSet(after).Select(Name)))
            .Print(_output, $"Consensus sets: the set at the end of block {h} governs from block {h + 2}:");
    }

    private static string Whole(UInt256 wei) => $"{wei / Morph}";

    private void SummarizeL2(ReportTable summary)
    {
        var l2 = _l2!;
        var broken = l2.CheckInvariants();
        summary.Row("L2 invariants 2 (staking account), 4", broken.Count == 0 ? "hold" : string.Join("; ", broken));
        summary.Row("MORPH in the staking account", $"{Whole(l2.Token.BalanceOf(l2.Genesis.StakingAddress))} MORPH ({l2.Token.BalanceOf(l2.Genesis.StakingAddress)} units)");
        summary.Row("L2 state hash", l2.StateHash());
        if (broken.Count > 0) _refusedUnexpectedly++;
    }
}
