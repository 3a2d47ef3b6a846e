using Morph.Protocol.L1;
using Stateless;

namespace Morph.Protocol.Tests.Generators;

/// <summary>The generated L1Staker machine against one configured by hand from PROTOCOL.md section 1b (the
/// transitions) and section 2 (the conditions of each): for every state and every guard assignment (all true,
/// each false in turn), the same triggers are permitted and lead to the same states.</summary>
[TestClass]
public sealed class StatelessOracleTests
{
    private static readonly string[] GuardNames =
    {
        "ExactStake", "KeysUnique", "ProofOfPossessionValid", "RegistrationSignatureValid", "TmSignatureValid", // register
        "NotLastActiveStaker", // withdraw, ownerRemove
        "WithdrawalLockBlocksElapsed", "UnrestakingDone", "NotExposed", // claimWithdrawal
    };

    private static StateMachine<L1StakerState, L1StakerTrigger> Oracle(L1StakerState state, Func<string, bool> g)
    {
        var m = new StateMachine<L1StakerState, L1StakerTrigger>(state);
        m.Configure(L1StakerState.None)
            .Permit(L1StakerTrigger.WhitelistAdd, L1StakerState.Whitelisted);
        m.Configure(L1StakerState.Whitelisted)
            .Permit(L1StakerTrigger.WhitelistRemove, L1StakerState.None)
            .PermitIf(L1StakerTrigger.Register, L1StakerState.Active,
                () => g("ExactStake") && g("KeysUnique") && g("ProofOfPossessionValid") && g("RegistrationSignatureValid") && g("TmSignatureValid"));
        m.Configure(L1StakerState.Active)
            .PermitIf(L1StakerTrigger.Withdraw, L1StakerState.Exiting, () => g("NotLastActiveStaker"))
            .PermitIf(L1StakerTrigger.OwnerRemove, L1StakerState.Exiting, () => g("NotLastActiveStaker"))
            .Permit(L1StakerTrigger.Slash, L1StakerState.Slashed);
        m.Configure(L1StakerState.Exiting)
            .PermitIf(L1StakerTrigger.ClaimWithdrawal, L1StakerState.None,
                () => g("WithdrawalLockBlocksElapsed") && g("UnrestakingDone") && g("NotExposed"))
            .Permit(L1StakerTrigger.Slash, L1StakerState.Slashed);
        m.Configure(L1StakerState.Slashed)
            .Permit(L1StakerTrigger.UnrestakeCompleted, L1StakerState.Banned);
        m.Configure(L1StakerState.Banned);
        return m;
    }

    private static StateMachine<L1StakerState, L1StakerTrigger> Generated(L1StakerState state, Func<string, bool> g)
    {
        var m = new StateMachine<L1StakerState, L1StakerTrigger>(state);
        L1StakerLifecycle.Configure(m, L1StakerLifecycle.GuardNames.Select(n => (Func<bool>)(() => g(n))).ToArray());
        return m;
    }

    private static IEnumerable<(string Label, Func<string, bool> Guard)> Assignments() =>
        new[] { ("all guards true", (Func<string, bool>)(_ => true)) }
            .Concat(GuardNames.Select(off => ($"{off} false", (Func<string, bool>)(n => n != off))));

    [TestMethod]
    public void The_guards_are_those_of_the_protocol()
    {
        CollectionAssert.AreEquivalent(GuardNames, L1StakerLifecycle.GuardNames.ToArray());
        Assert.AreEqual(L1StakerState.None, L1StakerLifecycle.CreateForDescription().State);
        CollectionAssert.AreEqual(new[] { L1StakerState.Banned },
            Enum.GetValues<L1StakerState>().Where(L1StakerLifecycle.IsTerminal).ToArray());
    }

    private static L1StakerTrigger[] Permitted(StateMachine<L1StakerState, L1StakerTrigger> m) =>
        Enum.GetValues<L1StakerTrigger>().Where(t => m.CanFire(t)).ToArray();

    [TestMethod]
    public void Generated_machine_permits_what_the_hand_made_one_permits()
    {
        int compared = 0;
        foreach (var state in Enum.GetValues<L1StakerState>())
        foreach (var (label, g) in Assignments())
        {
            var where = $"in {state}, {label}";
            var expected = Permitted(Oracle(state, g));
            var actual = Permitted(Generated(state, g));
            CollectionAssert.AreEqual(expected, actual, $"permitted triggers {where}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
            foreach (var trigger in Enum.GetValues<L1StakerTrigger>())
            {
                var oracle = Oracle(state, g);
                var generated = Generated(state, g);
                Assert.AreEqual(oracle.CanFire(trigger), generated.CanFire(trigger), $"CanFire({trigger}) {where}");
                if (!oracle.CanFire(trigger)) continue;
                oracle.Fire(trigger);
                generated.Fire(trigger);
                Assert.AreEqual(oracle.State, generated.State, $"{trigger} {where}");
                compared++;
            }
        }
        Assert.AreEqual(80, compared, "9 edges with every guard true, 8 or 7 with one false");
    }

    [TestMethod]
    public void Description_machine_has_the_hand_made_graph()
    {
        // Every guard true: the same (source, trigger, destination) edges, guarded or not.
        static IEnumerable<string> Edges(StateMachine<L1StakerState, L1StakerTrigger> m) =>
            m.GetInfo().States.SelectMany(s => s.FixedTransitions.Select(t => $"{s.UnderlyingState} --{t.Trigger.UnderlyingTrigger}--> {t.DestinationState.UnderlyingState}"))
                .OrderBy(e => e, StringComparer.Ordinal);
        CollectionAssert.AreEqual(Edges(Oracle(L1StakerState.None, _ => true)).ToArray(), Edges(L1StakerLifecycle.CreateForDescription()).ToArray());
    }
}
