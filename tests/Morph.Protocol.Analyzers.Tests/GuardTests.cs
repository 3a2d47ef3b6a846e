namespace Morph.Protocol.Analyzers.Tests;

[TestClass]
public sealed class GuardTests
{
    private static Task Run(string code) => Verify.Analyzer<GuardAnalyzer>(Hosts.Bond + "\n" + code);

    [TestMethod]
    public Task ConstantTrueGuard_IsMPA006() => Run("""
        partial class Bond { private partial bool {|MPA006:Authorized|}() => true; }
        """);

    [TestMethod]
    public Task ConstantTrueBlockGuard_IsMPA006() => Run("""
        partial class Bond { private partial bool {|MPA006:Authorized|}() { return true; } }
        """);

    [TestMethod]
    public Task FieldWriteInGuard_IsMPA007() => Run("""
        partial class Bond { int _calls; private partial bool Authorized() { {|MPA007:_calls++|}; return _calls > 1; } }
        """);

    [TestMethod]
    public Task CollectionMutationInGuard_IsMPA007() => Run("""
        partial class Bond { readonly HashSet<int> _seen = new(); private partial bool Authorized() => {|MPA007:_seen.Add(1)|}; }
        """);

    [TestMethod]
    public Task PureGuard_IsClean() => Run("""
        partial class Bond { readonly HashSet<int> _seen = new(); private partial bool Authorized() { var n = 0; n++; return _seen.Contains(n); } }
        """);

    [TestMethod]
    public Task NonGuardMethod_IsNotChecked() => Run("""
        partial class Bond { private partial bool Authorized() => Owner; public bool Owner; int _n; bool Other() { _n++; return true; } }
        """);
}
