using Morph.Protocol.Contracts;
using Morph.Protocol.Devnet;
using Morph.Protocol.L1;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.Simulation;

/// <summary>Users' transactions, built as the chains receive them (calldata through the generated bindings), so that
/// the journal holds exactly what was sent.</summary>
public static class Calls
{
    private static ByteString Data(IContractCall call) => ByteString.From(call.Encode());

    public static TxResult L1(this Network n, Address from, IContractCall call, Address? to = null, UInt256 value = default) =>
        n.Submit(new L1Transaction(from, to ?? (call is RollupContract.MarkL2GenesisCall or RollupContract.EnableBlsCall or RollupContract.ChallengeStateCall
            or RollupContract.SettleChallengeCall or RollupContract.ClaimRewardCall or RollupContract.ResetSequencerSetCall ? n.L1.Genesis.RollupAddress : n.L1.Genesis.StakingAddress), value, Data(call)));

    public static TxResult Staking(this Network n, Address from, IContractCall call) => n.Submit(new L2Transaction(from, n.L2!.Genesis.StakingAddress, Data(call)));
    public static TxResult Token(this Network n, Address from, IContractCall call) => n.Submit(new L2Transaction(from, n.L2!.Genesis.TokenAddress, Data(call)));
    public static TxResult Distribute(this Network n, Address from, IContractCall call) => n.Submit(new L2Transaction(from, n.L2!.Genesis.DistributionAddress, Data(call)));

    public static TxResult Register(this Network n, DevnetStaker s)
    {
        var p = n.Parameters;
        var staking = n.L1.Genesis.StakingAddress;
        return n.L1(s.Address, new L1StakingContract.RegisterWithProofCall(s.TmKey, s.BlsPublicKey, s.ProofOfPossession,
            s.RegistrationSignature(p.L1ChainId, staking), s.TmSignature(p.L1ChainId, staking)), value: p.StakingValue);
    }
}
