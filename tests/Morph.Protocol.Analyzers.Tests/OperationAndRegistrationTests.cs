namespace Morph.Protocol.Analyzers.Tests;

[TestClass]
public sealed class OperationAndRegistrationTests
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

    private static Task Operation(string code) => Verify.Analyzer<ContractOperationAnalyzer>(
        Hosts.Bond + "\npartial class Bond { private partial bool Authorized() => Owner; public bool Owner; }\n" + Operations + "\n" + code);

    [TestMethod]
    public Task HandlerThatNeverFires_IsMPA012() => Operation("""
        class Net : Morph.Protocol.Contracts.IBondsOperations<object>
        {
            public object NotRun(string f) => 0;
            object Morph.Protocol.Contracts.IBondsOperations<object>.{|MPA012:{|MPA012:Lock|}|}(int amount) => 0;
        }
        """);

    [TestMethod]
    public Task HandlerThatFiresThroughCalls_IsClean() => Operation("""
        class Staking
        {
            readonly Bond _b = new();
            public object Lock(int amount) { if (!_b.CanFireLock(amount, out _)) return 1; return Apply(() => _b.FireLock(amount), amount); }
            static object Apply(Action fire, int amount) { fire(); return new Morph.Protocol.Contracts.LockedEvent(amount); }
        }
        class Net : Morph.Protocol.Contracts.IBondsOperations<object>
        {
            readonly Staking _s = new();
            public object NotRun(string f) => 0;
            public object Lock(int amount) => _s.Lock(amount);
        }
        """);

    [TestMethod]
    public Task HandlerThatFiresButNeverEmits_IsMPA012() => Operation("""
        class Net : Morph.Protocol.Contracts.IBondsOperations<object>
        {
            readonly Bond _b = new();
            public object NotRun(string f) => 0;
            public object {|MPA012:Lock|}(int amount) { if (_b.CanFireLock(amount, out _)) _b.FireLock(amount); return 0; }
        }
        """);

    // The interface as the generator emits it (Dispatch/*.Dispatch.g.cs): global::-qualified, new string[] { … }, a
    // function firing two triggers, one firing nothing (no named arguments).
    private const string Generated = """
        namespace Morph.Protocol.Contracts
        {
            public interface IVaultOperations<TResult> : IContractRefusals<TResult, int>
            {
                [global::Morph.Protocol.Lifecycles.ContractOperation("Vault", "settle(uint256)", Fires = new string[] { "Bond.Lock", "Bond.Release" }, Emits = new string[] { "Locked" })]
                TResult Settle(int amount);
                [global::Morph.Protocol.Lifecycles.ContractOperation("Vault", "note()")]
                TResult Note();
            }
        }
        """;

    [TestMethod]
    public Task GeneratedForm_EachTriggerOnSomePath_IsClean() => Operation(Generated + """
        class Net : Morph.Protocol.Contracts.IVaultOperations<object>
        {
            readonly Bond _b = new();
            public object NotRun(string f) => 0;
            public object Note() => 0;
            public object Settle(int amount)
            {
                if (amount > 0) { if (_b.CanFireLock(amount, out _)) _b.FireLock(amount); }
                else if (_b.CanFireRelease(out _)) _b.FireRelease();
                return new Morph.Protocol.Contracts.LockedEvent(amount);
            }
        }
        """);

    [TestMethod]
    public Task GeneratedForm_OneTriggerNeverFired_IsMPA012() => Operation(Generated + """
        class Net : Morph.Protocol.Contracts.IVaultOperations<object>
        {
            readonly Bond _b = new();
            public object NotRun(string f) => 0;
            public object Note() => 0;
            public object {|MPA012:Settle|}(int amount)
            {
                if (_b.CanFireLock(amount, out _)) _b.FireLock(amount);
                return new Morph.Protocol.Contracts.LockedEvent(amount);
            }
        }
        """);

    private const string Sdk = """
        namespace Morph.Protocol.Sdk
        {
            using Morph.Protocol.Primitives;
            public sealed class L1StakingService
            {
                public System.Threading.Tasks.Task<UInt256> StakingValueAsync() => System.Threading.Tasks.Task.FromResult(UInt256.One);
                public System.Threading.Tasks.Task RegisterWithProofAsync(byte[] tmKey, UInt256 value) => System.Threading.Tasks.Task.CompletedTask;
                public System.Threading.Tasks.Task WithdrawAsync() => System.Threading.Tasks.Task.CompletedTask;
            }
        }
        """;

    private static Task Registration(string code) => Verify.Analyzer<RegistrationValueAnalyzer>(Sdk + "\n" + code);

    [TestMethod]
    public Task ZeroValue_IsMPA013() => Registration("""
        class Client
        {
            async System.Threading.Tasks.Task A(Morph.Protocol.Sdk.L1StakingService s) => await s.RegisterWithProofAsync(new byte[0], {|MPA013:Morph.Protocol.Primitives.UInt256.Zero|});
            async System.Threading.Tasks.Task B(Morph.Protocol.Sdk.L1StakingService s) => await s.RegisterWithProofAsync(new byte[0], {|MPA013:0|});
            async System.Threading.Tasks.Task C(Morph.Protocol.Sdk.L1StakingService s) => await s.RegisterWithProofAsync(new byte[0], {|MPA013:default|});
        }
        """);

    [TestMethod]
    public Task ConstantAfterReadingStakingValue_IsMPA013() => Registration("""
        class Client
        {
            async System.Threading.Tasks.Task A(Morph.Protocol.Sdk.L1StakingService s)
            {
                var stake = await s.StakingValueAsync();
                await s.RegisterWithProofAsync(new byte[0], {|MPA013:1_000_000_000_000_000_000|});
            }
        }
        """);

    [TestMethod]
    public Task StakingValuePassedOn_IsClean() => Registration("""
        class Client
        {
            async System.Threading.Tasks.Task A(Morph.Protocol.Sdk.L1StakingService s)
            {
                var stake = await s.StakingValueAsync();
                await s.RegisterWithProofAsync(new byte[0], stake);
            }
            async System.Threading.Tasks.Task B(Morph.Protocol.Sdk.L1StakingService s) => await s.RegisterWithProofAsync(new byte[0], 1_000_000_000_000_000_000);
        }
        """);
}
