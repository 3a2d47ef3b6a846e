namespace Morph.Protocol.Analyzers.Tests;

[TestClass]
public sealed class PayoutAndSlashTests
{
    private static Task Run(string code) => Verify.Analyzer<LifecycleFlowAnalyzer>(Hosts.Bond + "\npartial class Bond { private partial bool Authorized() => Owner; public bool Owner; }\n" + code);

    [TestMethod]
    public Task PayoutWithoutPayingTrigger_IsMPA003() => Run("""
        class Op { void Claim(Bond b, Ledger l) { if (!b.CanFireLock(1, out _)) return; b.FireLock(1); {|MPA003:l.Pay(1)|}; } }
        """);

    [TestMethod]
    public Task PayoutBeforeTheFire_IsMPA003() => Run("""
        class Op { void Claim(Bond b, Ledger l) { if (!b.CanFireRelease(out _)) return; {|MPA003:l.Pay(1)|}; b.FireRelease(); } }
        """);

    [TestMethod]
    public Task PayoutOnOneBranchOfTheFire_IsMPA003() => Run("""
        class Op { void Claim(Bond b, Ledger l, bool x) { if (!b.CanFireRelease(out _)) return; if (x) b.FireRelease(); {|MPA003:l.Pay(1)|}; } }
        """);

    [TestMethod]
    public Task PayoutAfterPayingFire_IsClean() => Run("""
        class Op { void Claim(Bond b, Ledger l) { if (!b.CanFireRelease(out _)) return; b.FireRelease(); l.Pay(1); } }
        """);

    [TestMethod]
    public Task SlashEffectWithoutSlash_IsMPA004() => Run("""
        class Op { void Take(Bond b, Ledger l) { if (!b.CanFireRelease(out _)) return; b.FireRelease(); {|MPA004:l.TakeStake(1)|}; } }
        """);

    [TestMethod]
    public Task SlashEffectAfterSlash_IsClean() => Run("""
        class Op { void Take(Bond b, Ledger l) { if (!b.CanFire(BondTrigger.Slash)) return; b.Fire(BondTrigger.Slash); l.TakeStake(1); } }
        """);

    [TestMethod]
    public Task SlashInLoopOverList_IsMPA005() => Run("""
        class Op { void Slash(List<Bond> bonds) { foreach (var b in bonds) { if (!b.CanFireSlash(out _)) continue; {|MPA005:b.FireSlash()|}; } } }
        """);

    [TestMethod]
    public Task SlashInLoopOverSetOrDistinct_IsClean() => Run("""
        class Op
        {
            void A(HashSet<Bond> bonds) { foreach (var b in bonds) { if (!b.CanFireSlash(out _)) continue; b.FireSlash(); } }
            void B(IEnumerable<Bond> bonds) { foreach (var b in bonds.Distinct()) { if (!b.CanFireSlash(out _)) continue; b.FireSlash(); } }
            void C(Dictionary<Bond, int> bonds) { foreach (var b in bonds.Keys) { if (!b.CanFireSlash(out _)) continue; b.FireSlash(); } }
            void D(List<Bond> bonds) { foreach (var b in bonds) { if (!b.CanFireRelease(out _)) continue; b.FireRelease(); } }
        }
        """);
}
