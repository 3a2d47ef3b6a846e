using Morph.Protocol.Contracts;
using Morph.Protocol.Crypto.Bls;
using Morph.Protocol.Crypto.Ed25519;
using Morph.Protocol.L1.Messaging;
using Morph.Protocol.Lifecycles;
using Morph.Protocol.L1.Restaking;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L1;

/// <summary>L1 staking (PROTOCOL.md section 2): whitelist, registration with the fixed stake and a BLS proof of
/// possession, withdrawal with its lock, claim, owner removal, slashing and bans. Every operation validates in full
/// (the lifecycle's guards, mapped to typed errors) before it changes anything.</summary>
public sealed class L1Staking
{
    private readonly Dictionary<Address, L1Staker> _stakers = new();
    private readonly HashSet<Bytes32> _tmKeys = new();
    private readonly HashSet<ByteString> _blsKeys = new();
    private readonly SortedDictionary<ulong, L1Staker> _activeByNonce = new();
    private readonly PriorityQueue<L1Staker, (BlockBoundary At, ulong Nonce)> _pendingBans = new();
    private readonly Dictionary<Address, int> _slashCount = new();
    private readonly IBlsSignatureScheme _bls;
    private readonly Address _owner;

    internal L1Staking(ProtocolParameters parameters, L1Clock clock, EthLedger ledger, L1Messenger messenger,
        IRestakingStrategy strategy, IBlsSignatureScheme bls, Address owner, Address stakingAddress)
    {
        Parameters = parameters; Clock = clock; Ledger = ledger; Messenger = messenger; Strategy = strategy;
        _bls = bls; _owner = owner; StakingAddress = stakingAddress;
    }

    public ProtocolParameters Parameters { get; }
    public L1Clock Clock { get; }
    public EthLedger Ledger { get; }
    public L1Messenger Messenger { get; }
    public IRestakingStrategy Strategy { get; }
    public Address StakingAddress { get; }
    public IStakerExposure Exposure { get; internal set; } = NoExposure.Instance;


    public int ActiveCount => _activeByNonce.Count;

    /// <summary>Active stakers in canonical order (ascending registration nonce).</summary>
    public IEnumerable<L1Staker> ActiveStakers => _activeByNonce.Values;

    public IEnumerable<L1Staker> Stakers => _stakers.Values;

    public L1Staker? Find(Address a) => _stakers.GetValueOrDefault(a);

    public L1StakerState StateOf(Address a) => _stakers.TryGetValue(a, out var s) ? s.State : L1StakerState.None;

    /// <summary>How many times an address was slashed (invariant 3: at most once).</summary>
    public int SlashCountOf(Address a) => _slashCount.GetValueOrDefault(a);

    internal bool KeysUnused(Bytes32 tmKey, ByteString blsKey) => !_tmKeys.Contains(tmKey) && !_blsKeys.Contains(blsKey);

    private TxResult? RequireOwner(Address sender) =>
        sender == _owner ? null : TxResult.Fail(ProtocolRule.NotOwner, $"{sender} is not the owner");

    /// <summary>The typed error of the first failing guard (the rule the spec names for it), or a state error when the
    /// state does not permit the trigger at all. <paramref name="value"/> and <paramref name="tmKey"/> are the
    /// registration's, for the messages.</summary>
    private TxResult Refusal(L1Staker s, L1StakerGuard? failed, Func<TxResult> stateError, UInt256 value = default, Bytes32 tmKey = default)
    {
        if (failed is not { } guard) return stateError();
        if (guard == L1StakerGuard.NotExposed && Exposure.ExposureOf(s.Address) is { } exposure) return TxResult.Fail(exposure);
        var rule = L1StakerLifecycle.RuleOf(guard);
        return TxResult.Fail(rule, rule switch
        {
            ProtocolRule.LockNotExpired => $"{s.Address} withdrew at block {s.WithdrawBlock}: claimable from block {s.LockEnds}, now {Clock.Block}",
            ProtocolRule.WrongStakeAmount => $"the stake must be exactly stakingValue {Parameters.StakingValue} wei, got {value}",
            ProtocolRule.KeyInUse => $"tmKey or BLS key of {s.Address} is already used by a registered or banned staker",
            ProtocolRule.BadProofOfPossession => $"the BLS proof of possession of {s.Address} does not verify",
            ProtocolRule.BadRegistrationSignature => $"the registration signature of {s.Address} does not verify over (chain {Parameters.L1ChainId}, {StakingAddress}, {s.Address}, tmKey)",
            ProtocolRule.BadTmSignature => $"the tmSignature of {s.Address} is not tmKey {tmKey}'s Ed25519 signature over (chain {Parameters.L1ChainId}, {StakingAddress}, {s.Address}, tmKey, BLS key)",
            ProtocolRule.LastActiveStaker => $"{s.Address} is the last Active staker: voluntary exits never empty the staker set",
            ProtocolRule.UnrestakingPending => $"the un-restaking of {s.Address} completes at block {s.UnrestakeCompleteAt}, now {Clock.Block}",
            _ => L1StakerLifecycle.RuleNameOf(guard),
        });
    }

    private static TxResult StateError(L1Staker? s, Address a, string action) => (s?.State ?? L1StakerState.None) switch
    {
        L1StakerState.Banned => TxResult.Fail(ProtocolRule.AddressBanned, $"{a} was slashed and is banned for good"),
        L1StakerState.Slashed => TxResult.Fail(ProtocolRule.AddressBanned, $"{a} was slashed"),
        L1StakerState.None => TxResult.Fail(ProtocolRule.NotWhitelisted, $"{a} is not whitelisted: cannot {action}"),
        L1StakerState.Whitelisted => TxResult.Fail(ProtocolRule.NotActiveStaker, $"{a} is whitelisted but not registered: cannot {action}"),
        L1StakerState.Active => TxResult.Fail(ProtocolRule.AlreadyRegistered, $"{a} is already an Active staker: cannot {action}"),
        _ => TxResult.Fail(ProtocolRule.NotActiveStaker, $"{a} is {s!.State}: cannot {action}"),
    };

    // ---- whitelist ----

    /// <summary><c>updateWhitelist(add, remove)</c> by the owner; all entries are validated before any applies.</summary>
    public TxResult UpdateWhitelist(Address sender, IReadOnlyList<Address> add, IReadOnlyList<Address> remove)
    {
        if (RequireOwner(sender) is { } notOwner) return notOwner;
        var seen = new HashSet<Address>();
        foreach (var a in add)
        {
            if (!seen.Add(a)) return TxResult.Fail(ProtocolRule.AlreadyWhitelisted, $"{a} is listed twice");
            if (_stakers.TryGetValue(a, out var s))
                return s.State == L1StakerState.Whitelisted
                    ? TxResult.Fail(ProtocolRule.AlreadyWhitelisted, $"{a} is already whitelisted")
                    : StateError(s, a, "be whitelisted");
        }
        foreach (var a in remove)
        {
            if (!seen.Add(a)) return TxResult.Fail(ProtocolRule.NotWhitelisted, $"{a} is listed twice");
            if (!_stakers.TryGetValue(a, out var s)) return TxResult.Fail(ProtocolRule.NotWhitelisted, $"{a} is not whitelisted");
            if (s.State != L1StakerState.Whitelisted) return StateError(s, a, "be removed from the whitelist (only unregistered addresses can)");
        }
#pragma warning disable MPA002 // validated as a whole above: a new staker is None (WhitelistAdd's source, no guard), and every removed one was checked Whitelisted (WhitelistRemove's source, no guard)
        foreach (var a in add)
        {
            var s = new L1Staker(a, this);
            s.Fire(L1StakerTrigger.WhitelistAdd);
            _stakers.Add(a, s);
        }
        foreach (var a in remove)
        {
            _stakers[a].Fire(L1StakerTrigger.WhitelistRemove);
            _stakers.Remove(a);
        }
#pragma warning restore MPA002
        return TxResult.Ok(new L1StakingContract.WhitelistUpdatedEvent(new ValueArray<Address>(add), new ValueArray<Address>(remove)));
    }

    // ---- register ----

    /// <summary><c>registerWithProof(tmKey, blsKey, proofOfPossession, registrationSignature, tmSignature)</c> with <paramref name="value"/> attached.</summary>
    public TxResult Register(Address sender, UInt256 value, Bytes32 tmKey, ByteString blsKey, ByteString proofOfPossession, ByteString registrationSignature,
        ByteString tmSignature)
    {
        _stakers.TryGetValue(sender, out var s);
        if (s is null || s.State != L1StakerState.Whitelisted) return StateError(s, sender, "register");
        if (tmKey == Bytes32.Zero) return TxResult.Fail(ProtocolRule.BadTmKey, "tmKey must not be zero");
        if (!Ed25519Signature.IsValidPublicKey(tmKey.ToArray()))
            return TxResult.Fail(ProtocolRule.BadTmKey, $"tmKey {tmKey} is not an Ed25519 public key of the prime-order subgroup (canonical, not of small or mixed order)");
        var key = BlsPublicKey.Parse(blsKey.Span);
        if (!key.IsOk) return TxResult.Fail(ProtocolRule.BadBlsKey, $"the BLS public key is refused: {key.Error}");
        var pop = BlsSignature.Parse(proofOfPossession.Span);
        bool popValid = pop.IsOk && _bls.PopVerify(key.Value, pop.Value);
        var sig = BlsSignature.Parse(registrationSignature.Span);
        var message = RegistrationMessage.Compute(Parameters.L1ChainId, StakingAddress, sender, tmKey);
        bool sigValid = sig.IsOk && _bls.Verify(key.Value, message.ToArray(), sig.Value);
        bool tmValid = Ed25519Signature.Verify(tmKey.ToArray(), RegistrationMessage.TmMessage(message, blsKey.Span).ToArray(), tmSignature.Span);

        // The guards read the registration as the trigger's arguments (the proofs verified once, above).
        if (!s.CanFireRegister(value, tmKey, blsKey, popValid, sigValid, tmValid, out var failed))
            return Refusal(s, failed, () => StateError(s, sender, "register"), value, tmKey);
        // Every rule holds; the stake must still fit the ledger (all ETH held is bounded by what was received).
        if (Ledger.WouldOverflow(value) is { } overflow) return TxResult.Fail(overflow);
        s.FireRegister(value, tmKey, blsKey, popValid, sigValid, tmValid);

        var nonce = Messenger.LastNonce + 1;
        s.TmKey = tmKey;
        s.BlsKeyBytes = blsKey;
        s.BlsKey = key.Value;
        s.RegistrationNonce = nonce;
        _tmKeys.Add(tmKey);
        _blsKeys.Add(blsKey);
        _activeByNonce.Add(nonce, s);
        Ledger.StakeReceived(value);
        Strategy.Deposit(sender, value, Clock.Block);
        var (_, sent) = Messenger.Send(L1ToL2Message.AddStaker(sender, tmKey, blsKey, nonce), Clock.Block);
        return TxResult.Ok(
            new L1StakingContract.RegisteredEvent(sender, tmKey, blsKey),
            new L1StakingContract.RegisteredWithNonceEvent(sender, tmKey, blsKey, nonce),
            sent);
    }

    /// <summary>Morph's deployed <c>register(tmKey, blsKey)</c> carries no proof of possession: refused.</summary>
    public TxResult RegisterWithoutProof(Address sender) =>
        TxResult.Fail(ProtocolRule.DeployedRegisterLacksProof, $"{sender}: register(bytes32,bytes) has no BLS proof of possession; use registerWithProof");

    // ---- withdraw and owner removal ----

    public TxResult Withdraw(Address sender)
    {
        _stakers.TryGetValue(sender, out var s);
        if (s is null) return StateError(null, sender, "withdraw");
        if (!s.CanFireWithdraw(leaving: 1, out var failed))
            return Refusal(s, failed, () => TxResult.Fail(ProtocolRule.NotActiveStaker, $"{sender} is {s.State}, not Active: cannot withdraw"));
        return TxResult.Ok(Exit(s, () => s.FireWithdraw(leaving: 1), RemovalReason.Exit));
    }

    /// <summary><c>removeStaker(stakers)</c> by the owner: withdraw done by the owner (not a ban). Validated as a whole.</summary>
    public TxResult OwnerRemove(Address sender, IReadOnlyList<Address> stakers)
    {
        if (RequireOwner(sender) is { } notOwner) return notOwner;
        var seen = new HashSet<Address>();
        ulong leaving = 0;
        foreach (var a in stakers)
        {
            if (!seen.Add(a)) return TxResult.Fail(ProtocolRule.NotActiveStaker, $"{a} is listed twice");
            if (!_stakers.TryGetValue(a, out var s)) return TxResult.Fail(ProtocolRule.NotActiveStaker, $"{a} is not a staker");
            // Validated as a whole: this one leaves after the ones listed before it.
            if (!s.CanFireOwnerRemove(++leaving, out var failed))
                return Refusal(s, failed, () => TxResult.Fail(ProtocolRule.NotActiveStaker, $"{a} is {s.State}, not Active"));
        }
        var events = new List<IContractEvent>();
        // Applied one by one: the ones before have left, so each leaves alone.
#pragma warning disable MPA002 // each was checked by CanFireOwnerRemove in the validation loop above, counting the ones before it as gone
        foreach (var a in stakers) events.AddRange(Exit(_stakers[a], () => _stakers[a].FireOwnerRemove(leaving: 1), RemovalReason.OwnerRemove));
#pragma warning restore MPA002
        return TxResult.Ok(events);
    }

    /// <summary>Applies a validated exit. Nothing here can fail: the lock's end and the un-restaking's completion are
    /// exact boundaries (a huge duration just never ends), and the stake moves between buckets of the same total.</summary>
    private IContractEvent[] Exit(L1Staker s, Action fire, RemovalReason reason)
    {
        var lockEnds = BlockBoundary.After(Clock.Block, Parameters.WithdrawalLockBlocks);
        fire();   // starts the withdrawal lock at this block (generated from the spec's lock declaration)
        s.UnrestakeCompleteAt = Strategy.RequestUnrestake(s.Address, Clock.Block);
        _activeByNonce.Remove(s.RegistrationNonce);
        Ledger.StakeToExiting(Parameters.StakingValue);
        var (_, sent) = Messenger.Send(L1ToL2Message.RemoveStaker(s.Address, reason), Clock.Block);
        return
        [
            new L1StakingContract.WithdrawnEvent(s.Address, lockEnds.ToUInt256()),
            new L1StakingContract.StakersRemovedEvent(new ValueArray<Address>([s.Address])),
            sent,
        ];
    }

    // ---- claim ----

    /// <summary><c>claimWithdrawal(receiver)</c>: pays stakingValue once every condition of section 2 holds; deletes the record.</summary>
    public TxResult ClaimWithdrawal(Address sender, Address receiver)
    {
        _stakers.TryGetValue(sender, out var s);
        if (s is null) return TxResult.Fail(ProtocolRule.NotExiting, $"{sender} has no stake to claim");
        // The check in line, not through a helper: MPA001 sees that the paying Fire below runs only after it held.
        if (!s.CanFire(L1StakerTrigger.ClaimWithdrawal, out var failed))
            return Refusal(s, failed, () => s.IsSlashed
                ? TxResult.Fail(ProtocolRule.AddressBanned, $"{sender} was slashed: its stake is gone")
                : TxResult.Fail(ProtocolRule.NotExiting, $"{sender} is {s.State}: only an Exiting staker claims"));
        s.Fire(L1StakerTrigger.ClaimWithdrawal);
        Strategy.Release(sender);
        Ledger.ExitingPaid(Parameters.StakingValue);
        _tmKeys.Remove(s.TmKey);
        _blsKeys.Remove(s.BlsKeyBytes!);
        _stakers.Remove(sender);
        Payments.Add((receiver, Parameters.StakingValue));
        return TxResult.Ok(new L1StakingContract.ClaimedEvent(sender, receiver));
    }

    /// <summary>Every ETH payment made by L1 staking, in order (for tests and the scenario's tables).</summary>
    public List<(Address To, UInt256 Amount)> Payments { get; } = [];

    // ---- slashing (called by the Rollup) ----

    /// <summary>Slashes each named staker once, for its whole stake. Already slashed or gone is skipped: nobody
    /// else's ETH is touched. Returns who was slashed and the L1 block from which all their un-restakings are done.</summary>
    internal (IReadOnlyList<Address> Slashed, BlockBoundary CompleteAt, IReadOnlyList<IContractEvent> Events) Slash(IEnumerable<Address> stakers)
    {
        var slashed = new List<Address>();
        var removedActive = new List<Address>();
        var events = new List<IContractEvent>();
        var completeAt = BlockBoundary.At(Clock.Block);
        foreach (var a in stakers.Distinct())
        {
            if (!_stakers.TryGetValue(a, out var s) || !s.CanFire(L1StakerTrigger.Slash)) continue;
            bool wasActive = s.State == L1StakerState.Active;
            s.Fire(L1StakerTrigger.Slash);
            _slashCount[a] = _slashCount.GetValueOrDefault(a) + 1;
            Ledger.StakeSlashed(Parameters.StakingValue, wasExiting: !wasActive);
            s.UnrestakeCompleteAt = Strategy.RequestUnrestake(a, Clock.Block);
            completeAt = BlockBoundary.Max(completeAt, s.UnrestakeCompleteAt.Value);
            _pendingBans.Enqueue(s, (s.UnrestakeCompleteAt.Value, s.RegistrationNonce));
            slashed.Add(a);
            if (wasActive)
            {
                _activeByNonce.Remove(s.RegistrationNonce);
                removedActive.Add(a);
                var (_, sent) = Messenger.Send(L1ToL2Message.RemoveStaker(a, RemovalReason.Slash), Clock.Block);
                events.Add(sent);
            }
        }
        if (slashed.Count > 0)
        {
            events.Insert(0, new L1StakingContract.SlashedEvent(new ValueArray<Address>(slashed)));
            if (removedActive.Count > 0) events.Insert(1, new L1StakingContract.StakersRemovedEvent(new ValueArray<Address>(removedActive)));
        }
        return (slashed, completeAt, events);
    }

    /// <summary>Bans every slashed staker whose un-restaking has completed by now (whether or not anyone claims).</summary>
    [TimeStep]
    internal IReadOnlyList<IContractEvent> ProcessMaturedUnrestaking()
    {
        List<IContractEvent>? events = null;
        while (_pendingBans.TryPeek(out var s, out var key) && key.At.IsReachedAt(Clock.Block))
        {
            _pendingBans.Dequeue();
#pragma warning disable MPA002 // the queue holds only Slashed stakers, each once: UnrestakeCompleted's source state, no guard
            s.Fire(L1StakerTrigger.UnrestakeCompleted);
#pragma warning restore MPA002
            Strategy.Release(s.Address);
            (events ??= []).Add(new L1StakingContract.StakerBannedEvent(s.Address));
        }
        return (IReadOnlyList<IContractEvent>?)events ?? [];
    }

    internal void WriteState(StateWriter w)
    {
        foreach (var s in _stakers.Values.OrderBy(s => s.Address)) s.WriteState(w);
        w.Write(Strategy.Held);
        foreach (var (a, n) in _slashCount.OrderBy(x => x.Key)) { w.Write(a); w.Write((ulong)n); }
        foreach (var (to, amount) in Payments) { w.Write(to); w.Write(amount); }
    }
}
