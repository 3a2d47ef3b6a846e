namespace Morph.Protocol.Analyzers.Tests;

[TestClass]
public sealed class GuardNameTests
{
    private static Task Run(string code) => Verify.Analyzer<GuardNameAnalyzer>(
        Hosts.Bond + "\npartial class Bond { private partial bool Authorized() => Owner; public bool Owner; }\n" + code);

    [TestMethod]
    public Task UnknownNameToGuardOf_IsMPA008() => Run("""
        class Op { BondGuard G() => BondLifecycle.GuardOf({|MPA008:"Authorised"|}); BondGuard H() => BondLifecycle.GuardOf("Authorized"); }
        """);

    [TestMethod]
    public Task UnknownNameComparedWithToString_IsMPA008() => Run("""
        class Op { bool F(BondGuard? failed) => failed?.ToString() == {|MPA008:"NotAGuard"|}; }
        """);

    [TestMethod]
    public Task KnownNameComparedAsString_IsMPA009() => Run("""
        class Op { bool F(BondGuard g) => {|MPA009:g.ToString() == "Authorized"|}; bool E(BondGuard g) => g == BondGuard.Authorized; }
        """);

    [TestMethod]
    public Task OtherEnumsAndStrings_AreClean() => Run("""
        enum Colour { Red }
        class Op { bool F(Colour c) => c.ToString() == "Blue"; bool G(string s) => s == "Authorised"; }
        """);
}
