using Morph.Protocol.Crypto.Bls;
using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.L1;

/// <summary>An address staking on L1: the host of lifecycle L1Staker (spec/l1-staking.morph). Its guards are the
/// one place each staking rule is checked; <see cref="L1Staking"/> turns a failing guard into its typed error.</summary>
[Lifecycle("L1Staker")]
public sealed partial class L1Staker
{
    private readonly L1Staking _staking;

    internal L1Staker(Address address, L1Staking staking) { Address = address; _staking = staking; }

    public Address Address { get; }
    public Bytes32 TmKey { get; internal set; }
    public ByteString? BlsKeyBytes { get; internal set; }
    public BlsPublicKey? BlsKey { get; internal set; }
    /// <summary>The nonce of its add-staker message: its place in every canonical order.</summary>
    public ulong RegistrationNonce { get; internal set; }
    /// <summary>The block it exited (withdraw or owner removal): the start of its withdrawal lock, recorded by the
    /// generated lock (spec: lock withdrawalLockBlocks on l1 from Withdraw, OwnerRemove).</summary>
    public ulong? WithdrawBlock => WithdrawalLockBlocksStart;
    public BlockBoundary? UnrestakeCompleteAt { get; internal set; }

    /// <summary>withdrawBlock + withdrawalLockBlocks, exactly: from this block the claim's lock has elapsed.</summary>
    public BlockBoundary? LockEnds => WithdrawalLockBlocksEnds;

    public bool IsRegistered => State is L1StakerState.Active or L1StakerState.Exiting or L1StakerState.Slashed or L1StakerState.Banned;
    public bool IsSlashed => State is L1StakerState.Slashed or L1StakerState.Banned;

    private ulong Now => _staking.Clock.Block;

    private partial ulong ClockNow(LifecycleClock clock) => Now;   // L1Staker counts only on L1
    private partial ProtocolParameters LockParameters() => _staking.Parameters;
    private partial bool ExactStake(UInt256 value) => value == _staking.Parameters.StakingValue;
    private partial bool KeysUnique(Bytes32 tmKey, ByteString blsKey) => _staking.KeysUnused(tmKey, blsKey);
    private partial bool ProofOfPossessionValid(bool proofOfPossessionValid) => proofOfPossessionValid;
    private partial bool RegistrationSignatureValid(bool registrationSignatureValid) => registrationSignatureValid;
    private partial bool TmSignatureValid(bool tmSignatureValid) => tmSignatureValid;
    private partial bool NotLastActiveStaker(ulong leaving) => (ulong)_staking.ActiveCount > leaving;
    private partial bool UnrestakingDone() => _staking.Strategy.IsUnrestaked(Address, Now);
    private partial bool NotExposed() => _staking.Exposure.ExposureOf(Address) is null;

    internal void WriteState(StateWriter w)
    {
        w.Write(Address); w.Write((ulong)State); w.Write(TmKey); w.Write(BlsKeyBytes is null ? ReadOnlySpan<byte>.Empty : BlsKeyBytes.Span);
        w.Write(RegistrationNonce); w.Write(WithdrawBlock ?? ulong.MaxValue); w.Write(UnrestakeCompleteAt is { } u ? u.ToUInt256() : UInt256.MaxValue);
    }
}
