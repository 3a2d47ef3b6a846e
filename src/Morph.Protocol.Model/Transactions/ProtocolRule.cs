namespace Morph.Protocol.Transactions;

/// <summary>Every rule a transaction can break, named as the protocol names it. A refused transaction returns
/// exactly one of these (the first broken, in validation order) and changes nothing.</summary>
public enum ProtocolRule
{
    // Access and calldata (a transaction that enters as bytes)
    NotOwner,
    UnknownContract,
    UnknownFunction,
    MalformedCalldata,
    NotPayable,
    NotModelled,
    StakingValueFixed,
    /// <summary>A calldata value beyond the model's integers (PROTOCOL.md 8, invariant 6).</summary>
    ValueOutOfRange,
    /// <summary>A stored amount would exceed 2^256 − 1 (PROTOCOL.md 1b, "Arithmetic never wraps").</summary>
    ArithmeticOverflow,

    // L1 staking (PROTOCOL.md section 2)
    AlreadyWhitelisted,
    NotWhitelisted,
    AddressBanned,
    AlreadyRegistered,
    WrongStakeAmount,
    BadTmKey,
    BadBlsKey,
    KeyInUse,
    BadProofOfPossession,
    BadRegistrationSignature,
    BadTmSignature,
    NotActiveStaker,
    LastActiveStaker,
    NotExiting,
    LockNotExpired,
    UnrestakingPending,
    InLatestSequencerSet,
    RemovalNotFinalized,
    SignedUnfinalizedBatch,
    DeployedRegisterLacksProof,

    // Rollup (sections 1b, 4)
    GenesisNotMarked,
    GenesisAlreadyMarked,
    NotEnoughStakers,
    BlsAlreadyEnabled,
    BlsNotEnabled,
    NotHalted,
    WrongBatchIndex,
    BatchReverted,
    BadSequencerSet,
    BadBitmap,
    QuorumNotMet,
    BadSignature,
    NoLiveSequencers,
    NotScheduledSubmitter,
    WrongMode,

    // Challenges (section 5)
    BatchNotFound,
    BatchFinalized,
    ChallengeWindowClosed,
    ChallengeAlreadyOpen,
    WrongDeposit,
    NoOpenChallenge,
    ProofWindowClosed,
    InvalidProof,
    ChallengeNotExpired,
    NotNextBatch,
    FinalizationPeriodNotPassed,
    BatchChallenged,
    NothingToClaim,
    /// <summary>A challenger reward waits for the un-restaking of every stake its challenge slashed.</summary>
    RewardNotMatured,
    /// <summary>Internal (the rollup's Halt): some member of latestSequencerSet is unslashed.</summary>
    LiveSequencersRemain,

    // L2 (PROTOCOL.md sections 3, 7 and 9), as the spec's lifecycles name them
    NoEligibleStaker,
    DebtAboveMax,
    JailNotExpired,
    EntryNotPending,
    TooManyPendingEntries,
    EntryNotClaimable,
    /// <summary>Internal (the L2 chain's Halt): the contract set is not empty.</summary>
    SetNotEmpty,
    NotRemoved,
    /// <summary>Internal (an epoch's close): e − 1 is not closed yet.</summary>
    PreviousEpochNotClosed,
    /// <summary>Internal (an epoch's close, Funded): the unallocated balance does not cover the reward yet.</summary>
    RewardNotCovered,
    /// <summary>L2 is halted: every operation but restartL2 is refused before any other check (section 9).</summary>
    Halted,
    ZeroAmount,
    SameStaker,
    /// <summary>The staker named is not present on L2 (never added, or removed).</summary>
    NotPresent,
    InsufficientDelegation,
    InsufficientAllowance,
    InsufficientBalance,
    UnknownEntry,
    NotRedelegation,
    NotEntryOwner,
    /// <summary>The entry was claimed, or (a redelegation) completed.</summary>
    AlreadyClaimed,
    /// <summary>No incarnation (address, registrationNonce) was ever added.</summary>
    UnknownStaker,
    /// <summary>The caller is not the staker's present incarnation.</summary>
    NotStaker,
    NotJailed,
    CommissionRateTooHigh,
    CommissionStepTooLarge,
    NotL2Owner,
    /// <summary>A plain transfer would credit the staking or distribution account (section 3, Token).</summary>
    TransferToContractAccount,

    // Records and rewards (PROTOCOL.md sections 6, 7 and 9)
    NotOracle,
    /// <summary>A record names a block that is not before the block holding it.</summary>
    BlockNotProduced,
    RecordNotContiguous,
    ProposerNotInConsensusSet,
    BatchNotContiguous,
    BadBlockRange,
    BatchNotFinalized,
    SlotNotContiguous,
    BadSlotRecord,
    /// <summary>fund under rewardSource Inflation.</summary>
    NotFunded,
    AmountExceedsDebt,
}
