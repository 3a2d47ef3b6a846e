using Morph.Protocol.Analyzers.CodeFixes;

namespace Morph.Protocol.Analyzers.Tests;

[TestClass]
public sealed class CodeFixTests
{
    private const string Host = Hosts.Bond + "\npartial class Bond { private partial bool Authorized() => Owner; public bool Owner; }\n";

    [TestMethod]
    public Task TypedFire_GetsItsCanFireWithEarlyReturn() => Verify.Fix<LifecycleFlowAnalyzer, AddCanFireCheckFix>(Host + """
        class Op
        {
            void Claim(Bond b)
            {
                {|MPA001:b.FireRelease()|};
            }
        }
        """, Host + """
        class Op
        {
            void Claim(Bond b)
            {
                if (!b.CanFireRelease(out _))
                    return;
                b.FireRelease();
            }
        }
        """);

    [TestMethod]
    public Task UntypedFireInMethodWithResult_ReturnsDefault() => Verify.Fix<LifecycleFlowAnalyzer, AddCanFireCheckFix>(Host + """
        class Op
        {
            int Lock(Bond b)
            {
                {|MPA002:b.Fire(BondTrigger.Lock)|};
                return 0;
            }
        }
        """, Host + """
        class Op
        {
            int Lock(Bond b)
            {
                if (!b.CanFire(BondTrigger.Lock))
                    return default;
                b.Fire(BondTrigger.Lock);
                return 0;
            }
        }
        """);

    [TestMethod]
    public Task GuardNameString_BecomesTheEnumMember() => Verify.Fix<GuardNameAnalyzer, GuardEnumFix>(Host + """
        class Op
        {
            bool F(BondGuard? failed) => {|MPA009:failed?.ToString() != "Authorized"|};
        }
        """, Host + """
        class Op
        {
            bool F(BondGuard? failed) => failed != BondGuard.Authorized;
        }
        """);
}
