using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.L1;
using Morph.Protocol.Primitives;
using Morph.Protocol.Spec;
using Morph.Protocol.Tests.Abi;
using Morph.Protocol.Tests.Spec;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Tests.L1;

/// <summary>The generated dispatchers (spec 'runs Operation' / 'refused Rule') route every function of L1Staking and
/// the Rollup as the spec says, and L1Network.Execute is nothing but them.</summary>
[TestClass]
public sealed class DispatcherTests
{
    /// <summary>Records where a call went instead of running it.</summary>
    private sealed class Recorder : IL1StakingOperations<string>, IRollupOperations<string>
    {
        public string UpdateWhitelist(Address from, UInt256 value, L1StakingContract.UpdateWhitelistCall call) => "runs UpdateWhitelist";
        public string OwnerRemove(Address from, UInt256 value, L1StakingContract.RemoveStakerCall call) => "runs OwnerRemove";
        public string Withdraw(Address from, UInt256 value, L1StakingContract.WithdrawCall call) => "runs Withdraw";
        public string ClaimWithdrawal(Address from, UInt256 value, L1StakingContract.ClaimWithdrawalCall call) => "runs ClaimWithdrawal";
        public string Register(Address from, UInt256 value, L1StakingContract.RegisterWithProofCall call) => "runs Register";
        public string ChallengeBatch(Address from, UInt256 value, RollupContract.ChallengeStateCall call) => "runs ChallengeBatch";
        public string ClaimReward(Address from, UInt256 value, RollupContract.ClaimRewardCall call) => "runs ClaimReward";
        public string MarkL2Genesis(Address from, UInt256 value, RollupContract.MarkL2GenesisCall call) => "runs MarkL2Genesis";
        public string EnableBls(Address from, UInt256 value, RollupContract.EnableBlsCall call) => "runs EnableBls";
        public string ResetSequencerSet(Address from, UInt256 value, RollupContract.ResetSequencerSetCall call) => "runs ResetSequencerSet";
        public string CommitBatch(Address from, UInt256 value, RollupContract.CommitSignedBatchCall call) => "runs CommitBatch";
        public string ProveBatch(Address from, UInt256 value, RollupContract.ProveBatchCall call) => "runs ProveBatch";
        public string FinalizeBatch(Address from, UInt256 value, RollupContract.FinalizeBatchIndexCall call) => "runs FinalizeBatch";
        public string SettleChallenge(Address from, UInt256 value, RollupContract.SettleChallengeCall call) => "runs SettleChallenge";
        public string UnknownFunction(ContractInfo contract, uint selector) => $"unknown 0x{selector:x8}";
        public string MalformedCalldata(ContractInfo contract, ContractFunctionInfo? function, int length, AbiError? error) => "malformed";
        public string NotPayable(ContractFunctionInfo function, UInt256 value) => "not payable";
        public string Refused(Address from, ContractFunctionInfo function, ProtocolRule rule, string? reason) => "refused " + rule;
        public string NotRun(ContractFunctionInfo function) => "not run";
    }

    [TestMethod]
    [DataRow("L1Staking")]
    [DataRow("Rollup")]
    public void Every_function_goes_where_the_spec_says(string contract)
    {
        var (model, _) = SpecCompiler.Compile(RealSpecTests.SpecFiles());
        var spec = model.Contracts.Single(c => c.Name == contract);
        var info = ContractCatalog.Contracts.Single(c => c.Name == contract);
        var recorder = new Recorder();
        var random = new Random(7);
        var runs = 0;
        foreach (var f in spec.Functions)
        {
            var function = info.Functions.Single(x => x.Signature == f.Signature);
            var calldata = AbiCodec.EncodeCall(function.Selector, function.ParameterTypes, function.ParameterTypes.Select(t => RandomAbiValues.For(t, random)).ToArray());
            var got = Dispatch(contract, recorder, UInt256.Zero, calldata);
            var expected = f.Operation is { } op ? "runs " + op : f.RefusedRule is { } rule ? "refused " + rule : "not run";
            Assert.AreEqual(expected, got, f.Signature);
            if (f.Operation != null) runs++;
            // Checked before the function runs: the arguments decode, no ETH to a function that is not payable.
            if (calldata.Length > 4) Assert.AreEqual("malformed", Dispatch(contract, recorder, UInt256.Zero, calldata.AsSpan(0, 5)), f.Signature);
            if (f.Mutability != "payable") Assert.AreEqual("not payable", Dispatch(contract, recorder, UInt256.One, calldata), f.Signature);
        }
        Assert.AreEqual(contract == "L1Staking" ? 5 : 9, runs);
        Assert.AreEqual("malformed", Dispatch(contract, recorder, UInt256.Zero, [1, 2, 3]));
        Assert.AreEqual("unknown 0x01020304", Dispatch(contract, recorder, UInt256.Zero, [1, 2, 3, 4]));
    }

    private static string Dispatch(string contract, Recorder r, UInt256 value, ReadOnlySpan<byte> calldata) =>
        contract == "L1Staking" ? L1StakingDispatcher.Dispatch(r, Address.Zero, value, calldata) : RollupDispatcher.Dispatch(r, Address.Zero, value, calldata);

    [TestMethod]
    public void The_network_runs_calldata_through_the_generated_dispatchers_only()
    {
        var source = File.ReadAllText(Path.Combine(TestPaths.Root, "src/Morph.Protocol.Model/L1/L1Network.Calldata.cs"));
        StringAssert.Contains(source, "L1StakingDispatcher.Dispatch(this");
        StringAssert.Contains(source, "RollupDispatcher.Dispatch(this");
        Assert.IsFalse(source.Contains("switch", StringComparison.Ordinal), "no hand-written switch over call records");
        Assert.IsTrue(typeof(IL1StakingOperations<TxResult>).IsAssignableFrom(typeof(L1Network)));
        Assert.IsTrue(typeof(IRollupOperations<TxResult>).IsAssignableFrom(typeof(L1Network)));
    }

    /// <summary>Model, bindings and revert decoding agree: every rule the L1 model refuses with is an error of L1Staking
    /// or the Rollup (all extension errors: Morph's deployed contracts revert with strings), except UnknownContract,
    /// which no contract can revert with (the call reached neither).</summary>
    [TestMethod]
    public void Every_rule_the_L1_model_refuses_with_is_an_error_of_its_contracts()
    {
        var sources = Directory.GetFiles(Path.Combine(TestPaths.Root, "src/Morph.Protocol.Model/L1"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText);
        var used = sources.SelectMany(s => System.Text.RegularExpressions.Regex.Matches(s, @"ProtocolRule\.([A-Za-z]+)").Select(m => m.Groups[1].Value))
            .Where(r => Enum.IsDefined(typeof(ProtocolRule), r)).Distinct().Except(["UnknownContract"]).Order(StringComparer.Ordinal).ToList();
        var declared = ContractCatalog.Contracts.Where(c => c.Name is "L1Staking" or "Rollup").SelectMany(c => c.Errors).ToList();
        Assert.IsTrue(used.Count > 40, string.Join(", ", used));
        Assert.AreEqual("", string.Join(", ", used.Where(r => declared.All(e => e.Name != r))), "rules of the model no contract declares");
        Assert.IsTrue(declared.All(e => e.IsExtension && e.ParameterTypes.Count == 0));
        Assert.IsTrue(declared.All(e => Enum.IsDefined(typeof(ProtocolRule), e.Name)), "every declared error is a rule of the model");
    }
}
