namespace Morph.Protocol.Analyzers.Tests;

[TestClass]
public sealed class UnguardedFireTests
{
    private static Task Run(string code) => Verify.Analyzer<LifecycleFlowAnalyzer>(Hosts.Bond + "\npartial class Bond { private partial bool Authorized() => Owner; public bool Owner; }\n" + code);

    [TestMethod]
    public Task PayingFireWithoutCheck_IsMPA001() => Run("""
        class Op { void Claim(Bond b) { {|MPA001:b.FireRelease()|}; } }
        """);

    [TestMethod]
    public Task EarlyReturnOnFailedCheck_IsClean() => Run("""
        class Op { int Claim(Bond b) { if (!b.CanFireRelease(out var failed)) return 1; b.FireRelease(); return 0; } }
        """);

    [TestMethod]
    public Task FireInsideSuccessfulCheck_IsClean() => Run("""
        class Op { void Claim(Bond b) { if (b.CanFireRelease(out _)) b.FireRelease(); } }
        """);

    [TestMethod]
    public Task FireOnTheFailedBranch_IsMPA001() => Run("""
        class Op { void Claim(Bond b) { if (!b.CanFireRelease(out _)) {|MPA001:b.FireRelease()|}; } }
        """);

    [TestMethod]
    public Task CheckOnAnotherEntity_IsMPA001() => Run("""
        class Op { void Claim(Bond a, Bond b) { if (!a.CanFireRelease(out _)) return; {|MPA001:b.FireRelease()|}; } }
        """);

    [TestMethod]
    public Task CheckOfAnotherTrigger_IsMPA001() => Run("""
        class Op { void Claim(Bond b) { if (!b.CanFireLock(1, out _)) return; {|MPA001:b.FireRelease()|}; } }
        """);

    [TestMethod]
    public Task UntypedFireWithConstantTrigger_IsResolved() => Run("""
        class Op
        {
            void Bad(Bond b) { {|MPA001:b.Fire(BondTrigger.Slash)|}; }
            void Good(Bond b) { if (!b.CanFire(BondTrigger.Slash)) return; b.Fire(BondTrigger.Slash); }
        }
        """);

    [TestMethod]
    public Task ShortCircuitChecks_AreEachGuards() => Run("""
        class Op { void Claim(Bond a, Bond b) { if (!a.CanFireLock(1, out _) || !b.CanFireRelease(out _)) return; a.FireLock(1); b.FireRelease(); } }
        """);

    [TestMethod]
    public Task CheckInLoopGuardsFireInSameIteration() => Run("""
        class Op { void Claim(List<Bond> bonds) { foreach (var b in bonds) { if (!b.CanFireRelease(out _)) continue; b.FireRelease(); } } }
        """);

    [TestMethod]
    public Task FireInLambdaCreatedAfterCheck_IsClean() => Run("""
        class Op { void Claim(Bond b) { if (!b.CanFireLock(1, out _)) return; Run(() => b.FireLock(1)); } static void Run(Action a) => a(); }
        """);

    [TestMethod]
    public Task OtherTriggerWithoutCheck_IsMPA002() => Run("""
        class Op { void Lock(Bond b) { {|MPA002:b.FireLock(1)|}; } }
        """);

    [TestMethod]
    public Task FireInCatchOrFinally_IsNeverTakenAsChecked() => Run("""
        class Op
        {
            void A(Bond b) { if (!b.CanFireRelease(out _)) return; try { b.FireRelease(); } catch (Exception) { {|MPA001:b.FireRelease()|}; } }
            void B(Bond b) { if (!b.CanFireRelease(out _)) return; try { b.FireRelease(); } finally { {|MPA001:b.FireRelease()|}; } }
        }
        """);

    [TestMethod]
    public Task CheckResultStoredInAVariable_IsNotFollowed() => Run("""
        class Op { void Claim(Bond b) { var ok = b.CanFireRelease(out _); if (!ok) return; {|MPA001:b.FireRelease()|}; } }
        """);
}
