namespace Morph.Protocol.Analyzers.Tests;

[TestClass]
public sealed class PathTests
{
    private const string Operations = """
        namespace Morph.Protocol.Contracts
        {
            public interface IContractRefusals<TResult, TRule> { TResult NotRun(string f); }
            public interface IBondsOperations<TResult> : IContractRefusals<TResult, int>
            {
                [ContractOperation("Bonds", "lock(uint256)", Fires = new[] { "Bond.Lock" }, Emits = new[] { "Locked" })]
                TResult Lock(int amount);
            }
            public sealed record LockedEvent(int Amount);
        }
        """;

    private static Task Run(string code) => Verify.Analyzer<LifecycleFlowAnalyzer>(
        Hosts.Bond + "\npartial class Bond { private partial bool Authorized() => Owner; public bool Owner; }\n" + Operations + "\n" + code);

    [TestMethod]
    public Task TimeTriggerInHandler_IsMPA010() => Run("""
        class Net : Morph.Protocol.Contracts.IBondsOperations<int>
        {
            Bond b = new();
            public int NotRun(string f) => 0;
            public int Lock(int amount) { if (!b.CanFireTick(out _)) return 1; {|MPA010:b.FireTick()|}; return 0; }
        }
        """);

    [TestMethod]
    public Task InternalTriggerInHandler_IsMPA010_UnlessCaused() => Run("""
        class Net : Morph.Protocol.Contracts.IBondsOperations<int>
        {
            Bond b = new();
            public int NotRun(string f) => 0;
            public int Lock(int amount) { if (!b.CanFireRevert(out _)) return 1; {|MPA010:b.FireRevert()|}; return 0; }
        }
        """);

    [TestMethod]
    public Task TimeTriggerInTimeStepOrOutsideHandlers_IsClean() => Run("""
        class Net : Morph.Protocol.Contracts.IBondsOperations<int>
        {
            Bond b = new();
            public int NotRun(string f) => 0;
            public int Lock(int amount) { if (!b.CanFireLock(amount, out _)) return 1; b.FireLock(amount); return 0; }
            [TimeStep] public void Advance() { if (!b.CanFireTick(out _)) return; b.FireTick(); }
            public void Elsewhere() { if (!b.CanFireTick(out _)) return; b.FireTick(); }
        }
        """);

    [TestMethod]
    public Task WaiverOutsideWaiverPath_IsMPA011() => Run("""
        class Op
        {
            void Prove(Bond b) { if (!b.CanFireDefend(out _)) return; {|MPA011:b.FireDefend()|}; }
            [WaiverPath] void Defended(Bond b) { if (!b.CanFireDefend(out _)) return; b.FireDefend(); }
        }
        """);

    [TestMethod]
    public Task InternalTriggerCausedByTheOperationsTrigger_IsClean() => Run("""
        class Net : Morph.Protocol.Contracts.IBondsOperations<int>
        {
            Bond b = new();
            public int NotRun(string f) => 0;
            public int Lock(int amount)
            {
                if (!b.CanFireLock(amount, out _)) return 1;
                b.FireLock(amount);
                if (b.CanFireRevert(out _)) b.FireRevert();
                return 0;
            }
        }
        """);
}
