using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using Rollups = Morph.Protocol.L1.Rollup;

namespace Morph.Protocol.L1;

/// <summary>An L1 transaction as it arrives on chain: sender, contract, ETH attached, calldata.</summary>
public sealed record L1Transaction(Address From, Address To, UInt256 Value, ByteString Data);

public sealed partial class L1Network
{
    /// <summary>Executes a transaction given as calldata: the contract is found by address, the function by selector,
    /// the arguments are decoded by the generated bindings (malformed bytes are a typed error naming the offset), and
    /// the call runs as the domain operation it maps to. Nothing changes unless the whole call is applied.</summary>
    public TxResult Execute(L1Transaction tx)
    {
        ContractInfo contract;
        if (tx.To == Genesis.StakingAddress) contract = L1StakingContract.Info;
        else if (tx.To == Genesis.RollupAddress) contract = RollupContract.Info;
        else return TxResult.Fail(ProtocolRule.UnknownContract, $"{tx.To} is neither L1Staking ({Genesis.StakingAddress}) nor the Rollup ({Genesis.RollupAddress})");

        var data = tx.Data.Span;
        if (data.Length < 4) return TxResult.Fail(ProtocolRule.MalformedCalldata, $"calldata of {data.Length} bytes has no 4-byte selector");
        var selector = data[..4].ToArray();
        var function = contract.Functions.FirstOrDefault(f => f.Selector.SequenceEqual(selector));
        if (function is null) return TxResult.Fail(ProtocolRule.UnknownFunction, $"{contract.Name} has no function with selector {Hex.ToHex(selector)}");
        var decoded = function.Decode(data);
        if (!decoded.IsOk) return TxResult.Fail(ProtocolRule.MalformedCalldata, $"{function}: {decoded.Error}");
        if (function.Mutability != "payable" && !tx.Value.IsZero)
            return TxResult.Fail(ProtocolRule.NotPayable, $"{function} is {function.Mutability}: no ETH may be attached (got {tx.Value} wei)");

        var from = tx.From;
        return decoded.Value switch
        {
            L1StakingContract.UpdateWhitelistCall c => UpdateWhitelist(from, c.Add, c.Remove),
            L1StakingContract.RegisterWithProofCall c => Register(from, tx.Value, c.TmKey, c.BlsKey, c.BlsProofOfPossession, c.BlsRegistrationSignature, c.TmSignature),
            L1StakingContract.RegisterCall => Staking.RegisterWithoutProof(from),
            L1StakingContract.RemoveStakerCall c => OwnerRemove(from, c.Stakers),
            L1StakingContract.WithdrawCall => Withdraw(from),
            L1StakingContract.ClaimWithdrawalCall c => ClaimWithdrawal(from, c.Receiver),
            L1StakingContract.UpdateStakingValueCall => TxResult.Fail(ProtocolRule.StakingValueFixed, "stakingValue is fixed for the life of the network (PROTOCOL.md section 1)"),
            RollupContract.MarkL2GenesisCall => MarkL2Genesis(from),
            RollupContract.EnableBlsCall => EnableBls(from),
            RollupContract.ResetSequencerSetCall c => ResetSequencerSet(from, c.NewSet),
            RollupContract.CommitSignedBatchCall c => BatchIndex(c.BatchIndex) is not { } index
                ? TxResult.Fail(ProtocolRule.WrongBatchIndex, $"the next batch index is {Rollup.LastCommitted + 1}, got {c.BatchIndex}")
                : CommitBatch(from, new Rollups.BatchCommit(index, c.BatchHash,
                    c.NewSequencerSet.Count == 0 ? null : c.NewSequencerSet, c.SignersBitmap, c.AggregateSignature.Length == 0 ? null : c.AggregateSignature)),
            RollupContract.ChallengeStateCall c => Rollup.BatchAt(c.BatchIndex) is { } b && b.Hash != c.BatchHash
                ? TxResult.Fail(ProtocolRule.BatchNotFound, $"batch {c.BatchIndex} is {b.Hash}, not {c.BatchHash}")
                : ChallengeBatch(from, tx.Value, c.BatchIndex),
            RollupContract.ProveBatchCall c => BatchIndex(c.BatchIndex) is { } index ? ProveBatch(from, index, c.Proof) : NoSuchBatch(c.BatchIndex),
            RollupContract.SettleChallengeCall c => BatchIndex(c.BatchIndex) is { } index ? SettleChallenge(from, index) : NoSuchBatch(c.BatchIndex),
            RollupContract.FinalizeBatchIndexCall c => BatchIndex(c.BatchIndex) is { } index ? FinalizeBatch(from, index) : NoSuchBatch(c.BatchIndex),
            RollupContract.ClaimRewardCall c => ClaimReward(from, c.Receiver),
            _ => TxResult.Fail(ProtocolRule.NotModelled, function.IsQuery || function.Mutability is "view" or "pure"
                ? $"{function} is a query: read the model's state instead"
                : $"{function} is not an operation of the model (Morph's batch headers, gas limits and admin settings are not modelled; see the spec's extension functions)"),
        };
    }

    /// <summary>A uint256 batch index as the model holds it (a ulong); null when it is beyond the model's integers,
    /// which no batch can have (invariant 6: refused with a typed error, never an overflow).</summary>
    private static ulong? BatchIndex(UInt256 value) => (value.u1 | value.u2 | value.u3) == 0 ? value.u0 : null;

    private TxResult NoSuchBatch(UInt256 index) =>
        TxResult.Fail(ProtocolRule.BatchNotFound, $"no committed batch {index} (last committed {Rollup.LastCommitted})");
}
