using Morph.Protocol.Contracts;
using Morph.Protocol.Devnet;
using Morph.Protocol.L1;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using static Morph.Protocol.Tests.L1.TestNet;

namespace Morph.Protocol.Tests.L1;

/// <summary>Transactions entering as calldata (the generated bindings decode them) reach exactly the state the
/// typed API reaches; malformed or foreign calldata is a typed refusal that changes nothing.</summary>
[TestClass]
public sealed class CalldataTests
{
    private static L1Transaction ToStaking(L1Network net, Address from, IContractCall call, UInt256 value = default) =>
        new(from, net.Genesis.StakingAddress, value, ByteString.From(call.Encode()));

    private static L1Transaction ToRollup(L1Network net, Address from, IContractCall call, UInt256 value = default) =>
        new(from, net.Genesis.RollupAddress, value, ByteString.From(call.Encode()));

    [TestMethod]
    public void A_whole_flow_as_calldata_reaches_the_same_state_as_the_typed_api()
    {
        var viaApi = Flow(useCalldata: false);
        var viaCalldata = Flow(useCalldata: true);
        Assert.AreEqual(viaApi, viaCalldata);
    }

    private static Bytes32 Flow(bool useCalldata)
    {
        var net = new L1Network(Params(x: 3));
        net.AdvanceTo(10);
        var stakers = Enumerable.Range(1, 4).Select(Staker).ToList();
        var p = net.Parameters;
        TxResult Do(Func<TxResult> api, Func<L1Transaction> calldata) => Ok(useCalldata ? net.Execute(calldata()) : api());

        Do(() => net.UpdateWhitelist(Owner, stakers.Select(s => s.Address).ToList(), []),
           () => ToStaking(net, Owner, new L1StakingContract.UpdateWhitelistCall(new ValueArray<Address>(stakers.Select(s => s.Address)), ValueArray<Address>.Empty)));
        foreach (var s in stakers)
        {
            var sig = s.RegistrationSignature(p.L1ChainId, net.Genesis.StakingAddress);
            var tmSig = s.TmSignature(p.L1ChainId, net.Genesis.StakingAddress);
            Do(() => net.Register(s.Address, p.StakingValue, s.TmKey, s.BlsPublicKey, s.ProofOfPossession, sig, tmSig),
               () => ToStaking(net, s.Address, new L1StakingContract.RegisterWithProofCall(s.TmKey, s.BlsPublicKey, s.ProofOfPossession, sig, tmSig), p.StakingValue));
        }
        Do(() => net.MarkL2Genesis(Owner), () => ToRollup(net, Owner, new RollupContract.MarkL2GenesisCall()));
        net.AdvanceBy(1);
        Do(() => net.EnableBls(Owner), () => ToRollup(net, Owner, new RollupContract.EnableBlsCall()));
        net.AdvanceBy(p.BatchTimeoutBlocks);
        var members = stakers.Take(3).ToList();
        var (bitmap, agg) = DevnetStaker.SignBatch(net, members, net.Rollup.LatestSequencerSet, 1, Hash("b1"), null);
        Do(() => net.CommitBatch(Outsider, new BatchCommit(1, Hash("b1"), null, bitmap, agg)),
           () => ToRollup(net, Outsider, new RollupContract.CommitSignedBatchCall(1, Hash("b1"), ValueArray<Address>.Empty, bitmap, agg)));
        Do(() => net.ChallengeBatch(Outsider, p.ChallengeDeposit, 1),
           () => ToRollup(net, Outsider, new RollupContract.ChallengeStateCall(1, Hash("b1")), p.ChallengeDeposit));
        var proof = ModelProofSystem.ProofOf(1, Hash("b1"), Bytes32.Zero);
        Do(() => net.ProveBatch(Outsider, 1, proof), () => ToRollup(net, Outsider, new RollupContract.ProveBatchCall(1, proof)));
        net.AdvanceBy(p.FinalizationPeriod + 1);
        Do(() => net.FinalizeBatch(Outsider, 1), () => ToRollup(net, Outsider, new RollupContract.FinalizeBatchIndexCall(1)));
        Do(() => net.Withdraw(stakers[3].Address), () => ToStaking(net, stakers[3].Address, new L1StakingContract.WithdrawCall()));
        net.AdvanceBy(p.WithdrawalLockBlocks);
        Do(() => net.ClaimWithdrawal(stakers[3].Address, Outsider), () => ToStaking(net, stakers[3].Address, new L1StakingContract.ClaimWithdrawalCall(Outsider)));
        var submitter = Outsider;
        Do(() => net.ClaimReward(submitter, submitter), () => ToRollup(net, submitter, new RollupContract.ClaimRewardCall(submitter)));
        return net.StateHash();
    }

    [TestMethod]
    public void Foreign_or_malformed_calldata_is_refused_with_its_rule_and_changes_nothing()
    {
        var net = Create(2);
        var s = Staker(1);
        Refused(net, ProtocolRule.UnknownContract, () => net.Execute(new L1Transaction(s.Address, Outsider, default, ByteString.From(new L1StakingContract.WithdrawCall().Encode()))));
        Refused(net, ProtocolRule.MalformedCalldata, () => net.Execute(new L1Transaction(s.Address, net.Genesis.StakingAddress, default, ByteString.From([0x3c, 0xcf]))));
        Refused(net, ProtocolRule.UnknownFunction, () => net.Execute(new L1Transaction(s.Address, net.Genesis.StakingAddress, default, ByteString.From([1, 2, 3, 4]))));
        // claimWithdrawal(address) cut short: the codec names the offset and the type it expected.
        var truncated = new L1StakingContract.ClaimWithdrawalCall(s.Address).Encode()[..20];
        var e = Refused(net, ProtocolRule.MalformedCalldata, () => net.Execute(new L1Transaction(s.Address, net.Genesis.StakingAddress, default, ByteString.From(truncated))));
        StringAssert.Contains(e.Message, "address");
        StringAssert.Contains(e.Message, "0x4");
        Refused(net, ProtocolRule.NotPayable, () => net.Execute(ToStaking(net, s.Address, new L1StakingContract.WithdrawCall(), UInt256.One)));
        Refused(net, ProtocolRule.StakingValueFixed, () => net.Execute(ToStaking(net, Owner, new L1StakingContract.UpdateStakingValueCall(UInt256.One))));
        Refused(net, ProtocolRule.DeployedRegisterLacksProof, () => net.Execute(ToStaking(net, s.Address, new L1StakingContract.RegisterCall(s.TmKey, s.BlsPublicKey), net.Parameters.StakingValue)));
        Refused(net, ProtocolRule.NotModelled, () => net.Execute(ToStaking(net, s.Address, new L1StakingContract.StakingValueCall())));
        Refused(net, ProtocolRule.NotModelled, () => net.Execute(ToRollup(net, s.Address, new RollupContract.FinalizeBatchCall(ByteString.Empty))));
        // The rule of the operation itself still speaks through calldata.
        var x = Staker(3);
        Ok(net.UpdateWhitelist(Owner, [x.Address], []));
        var sig = x.RegistrationSignature(net.Parameters.L1ChainId, net.Genesis.StakingAddress);
        var tmSig = x.TmSignature(net.Parameters.L1ChainId, net.Genesis.StakingAddress);
        Refused(net, ProtocolRule.WrongStakeAmount, () => net.Execute(ToStaking(net, x.Address,
            new L1StakingContract.RegisterWithProofCall(x.TmKey, x.BlsPublicKey, x.ProofOfPossession, sig, tmSig), UInt256.One)));
    }
}
