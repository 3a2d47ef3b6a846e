using System.Numerics;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;

namespace Morph.Protocol.L2;

/// <summary>What one close did (PROTOCOL.md section 7): kept for dashboards, never walked by a claim.</summary>
public sealed record ClosedEpoch(ulong Index, UInt256 Reward, UInt256 ToTreasury, UInt256 Commission, UInt256 Credited);

/// <summary>The distribution contract (PROTOCOL.md sections 6 and 7): the oracle's records, epoch closes, rewards with
/// commission, penalties and debt, claims. Rewards accrue per epoch to a reward index per staker incarnation; a
/// delegator's claim reads the index at the ends of its pieces (cut at each change of its amount and at each claim),
/// so its cost grows with the delegator's own changes, never with the epochs in between.</summary>
public sealed class Distribution
{
    private readonly L2Network _chain;
    private readonly ProtocolParameters _p;
    private readonly MorphToken _token;
    private readonly L2Staking _staking;
    private readonly SortedDictionary<ulong, Epoch> _open = new();
    private readonly List<ClosedEpoch> _closed = [];
    private readonly SortedSet<ulong> _debtors = new();          // incarnations with debt > 0 (netting, jailing, write-off)
    private static readonly Bytes32 EmptySetHash = L1.Rollup.BatchSigning.SetHash([]);

    internal Distribution(L2Network chain, ProtocolParameters p, MorphToken token, L2Staking staking, L2Genesis genesis)
    {
        _chain = chain; _p = p; _token = token; _staking = staking;
        Account = genesis.DistributionAddress; Treasury = genesis.Treasury; Oracle = genesis.Oracle;
    }

    public Address Account { get; }
    public Address Treasury { get; }
    public Address Oracle { get; private set; }

    public ulong? LastClosedEpoch { get; private set; }
    public ulong LastBlockRecorded { get; private set; }
    public ulong LastBatchRecorded { get; private set; }
    public ulong LastRollupEndBlock { get; private set; }
    /// <summary>The next slot record expected (k from 0).</summary>
    public ulong NextSlot { get; private set; }

    /// <summary>Funded: MORPH moved in by <c>fund</c> and not yet allocated to a close.</summary>
    public UInt256 Unallocated { get; private set; }
    /// <summary>Σ of the incarnations' unclaimed commission.</summary>
    public UInt256 UnclaimedCommission { get; private set; }
    /// <summary>Σ ⌈ΔI·T/10^27⌉ credited to delegators at closes.</summary>
    public UInt256 RewardsCredited { get; private set; }
    public UInt256 RewardsPaid { get; private set; }
    public UInt256 CommissionPaid { get; private set; }
    /// <summary>Σ R of closed epochs.</summary>
    public UInt256 RewardsOfClosedEpochs { get; private set; }
    public IReadOnlyList<ClosedEpoch> Closed => _closed;
    /// <summary>The epochs gathering records and penalties, not yet closed.</summary>
    public IEnumerable<Epoch> OpenEpochs => _open.Values;

    /// <summary>Unclaimed reward liabilities and undistributed dust together (the floors of claims stay here).</summary>
    public UInt256 RewardsHeld => RewardsCredited - RewardsPaid;

    internal bool RewardCovered() => _p.RewardSource == RewardSource.Inflation || Unallocated >= _p.RewardPerEpoch;

    // ---- records (section 6): refused whole, the rule named; effects record by record; closes after all of them ----

    internal TxResult RecordBlocks(Address sender, IReadOnlyList<BlockRecord> records)
    {
        if (records.Any(r => !Fits(r.L2Block))) return OutOfRange("l2Block");
        if (sender != Oracle) return NotOracle(sender);
        var next = LastBlockRecorded + 1;
        for (int i = 0; i < records.Count; i++)
        {
            var (h, proposer) = ((ulong)records[i].L2Block, records[i].Proposer);
            if (h >= _chain.Height) return Refuse(ProtocolRule.BlockNotProduced, i, $"block {h} is not before the current block {_chain.Height}");
            if (h != next) return Refuse(ProtocolRule.RecordNotContiguous, i, $"block {h}, expected {next}");
            if (!_chain.ConsensusSet(h).Contains(proposer)) return Refuse(ProtocolRule.ProposerNotInConsensusSet, i, $"{proposer} is not in the consensus set of block {h}");
            next++;
        }
        var events = new List<IContractEvent>();
        foreach (var r in records) ApplyBlock((ulong)r.L2Block, r.Proposer, events);
        LastBlockRecorded = next - 1;
        events.Add(new RecordContract.BlocksRecordedEvent(records.Count == 0 ? LastBlockRecorded : (ulong)records[0].L2Block, (ulong)records.Count));
        events.AddRange(CloseReady());
        return TxResult.Ok(events);
    }

    private void ApplyBlock(ulong h, Address proposer, List<IContractEvent> events)
    {
        var epoch = EpochAt(_chain.EpochOf(h));
        var s = _staking.IncarnationAt(proposer, h)!;
        epoch.Blocks[s.RegistrationNonce] = epoch.Blocks.GetValueOrDefault(s.RegistrationNonce) + 1;
        s.Missed = 0;
        var set = _chain.ConsensusSet(h);
        var scheduled = set[(int)(h % (ulong)set.Length)];
        if (scheduled == proposer) return;
        // Turns, not blocks: the scheduled member missed its turn (section 7).
        var missed = _staking.IncarnationAt(scheduled, h)!;
        if (++missed.Missed < _p.InactivityJailTurns) return;
        missed.Missed = 0;
        if (!missed.IsPresent || missed.IsJailed) return;
        events.Add(Charge(missed, _p.JailPenalty));
        if (_staking.Jail(missed))   // not applied when it would leave no eligible staker: the penalty still is
            events.Add(new L2StakingContract.StakerJailedEvent(missed.Address, missed.RegistrationNonce, _chain.CurrentEpoch));
    }

    internal TxResult RecordRollups(Address sender, IReadOnlyList<RollupRecord> records)
    {
        if (records.Any(r => !Fits(r.BatchIndex) || !Fits(r.StartBlock) || !Fits(r.EndBlock))) return OutOfRange("batchIndex, startBlock or endBlock");
        if (sender != Oracle) return NotOracle(sender);
        ulong index = LastBatchRecorded + 1, start = LastRollupEndBlock + 1;
        var bytes = new Dictionary<ulong, UInt256>();
        for (int i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var (b, s, e) = ((ulong)r.BatchIndex, (ulong)r.StartBlock, (ulong)r.EndBlock);
            if (b != index) return Refuse(ProtocolRule.BatchNotContiguous, i, $"batch {b}, expected {index}");
            if (s != start || s > e) return Refuse(ProtocolRule.BadBlockRange, i, $"blocks [{s}, {e}]: expected to start at {start} and end at or after it");
            if (e >= _chain.Height) return Refuse(ProtocolRule.BlockNotProduced, i, $"endBlock {e} is not before the current block {_chain.Height}");
            if (_chain.L1Facts?.IsFinalized(b) == false) return Refuse(ProtocolRule.BatchNotFinalized, i, $"batch {b} is not finalized on L1");
            if (_chain.L1Facts?.Committed(b) is { } c && (c.StartBlock != s || c.EndBlock != e || c.SizeBytes != r.SizeBytes || c.Submitter != r.Submitter))
                return Refuse(ProtocolRule.BatchNotFinalized, i, $"L1 finalized batch {b} as L2 blocks [{c.StartBlock}, {c.EndBlock}], {c.SizeBytes} bytes by {c.Submitter}, not as recorded");
            var ep = _chain.EpochOf(e);
            var sum = bytes.TryGetValue(ep, out var y) ? y : EpochAt(ep, create: false)?.TotalBytes ?? UInt256.Zero;
            if (!UInt256.TryAdd(sum, r.SizeBytes, out sum)) return TxResult.Fail(ProtocolRule.ArithmeticOverflow, $"record {i}: the bytes of epoch {ep} would exceed 2^256 - 1");
            bytes[ep] = sum;
            index++; start = e + 1;
        }
        foreach (var r in records)
        {
            var epoch = EpochAt(_chain.EpochOf((ulong)r.EndBlock));
            epoch.TotalBytes += r.SizeBytes;
            epoch.Bytes[r.Submitter] = epoch.Bytes.GetValueOrDefault(r.Submitter) + r.SizeBytes;   // ≤ TotalBytes: no overflow
        }
        var events = new List<IContractEvent> { new RecordContract.RollupsRecordedEvent(LastBatchRecorded + 1, (ulong)records.Count) };
        LastBatchRecorded = index - 1; LastRollupEndBlock = start - 1;
        events.AddRange(CloseReady());
        return TxResult.Ok(events);
    }

    internal TxResult RecordSlots(Address sender, IReadOnlyList<SlotRecord> records)
    {
        if (records.Any(r => !Fits(r.K) || !Fits(r.RegistrationNonce))) return OutOfRange("k or registrationNonce");
        if (sender != Oracle) return NotOracle(sender);
        var k = NextSlot;
        for (int i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if ((ulong)r.K != k) return Refuse(ProtocolRule.SlotNotContiguous, i, $"slot {r.K}, expected {k}");
            bool empty = r.ScheduledSubmitter == Address.Zero;
            if (empty ? r.RegistrationNonce != UInt256.Zero || r.SetHash != EmptySetHash || r.TimedOut : r.SetHash == EmptySetHash)
                return Refuse(ProtocolRule.BadSlotRecord, i, empty ? "a zero submitter needs nonce 0, the empty set's hash and no timeout" : "a submitter with the empty set's hash");
            // Where the model holds L1, the slot's facts are checked against it (section 6), not taken on the oracle's word.
            if (_chain.L1Facts?.Slot(k) is { } f && (f.Scheduled != r.ScheduledSubmitter || f.RegistrationNonce != (ulong)r.RegistrationNonce || f.SetHash != r.SetHash || f.TimedOut != r.TimedOut))
                return Refuse(ProtocolRule.BadSlotRecord, i, $"L1's slot {k}: scheduled {f.Scheduled} (nonce {f.RegistrationNonce}), set hash {f.SetHash}, timed out {f.TimedOut}; not as recorded");
            k++;
        }
        var events = new List<IContractEvent> { new RecordContract.SlotsRecordedEvent(NextSlot, (ulong)records.Count) };
        foreach (var r in records)
            // Charged to the incarnation the record names, if it is still present; otherwise the penalty lapses.
            if (r.TimedOut && _staking.Incarnation(r.ScheduledSubmitter, (ulong)r.RegistrationNonce) is { IsPresent: true } s)
                events.Add(Charge(s, _p.SubmitterTimeoutPenalty));
        NextSlot = k;
        events.AddRange(CloseReady());
        return TxResult.Ok(events);
    }

    internal TxResult SetOracle(Address sender, Address oracle)
    {
        if (sender != _chain.Genesis.Owner) return TxResult.Fail(ProtocolRule.NotL2Owner, $"{sender} is not the L2 owner");
        Oracle = oracle;
        return TxResult.Ok(new RecordContract.OracleSetEvent(oracle));
    }

    /// <summary>A penalty, charged to the epoch of the block holding the record (section 7).</summary>
    private IContractEvent Charge(L2Staker s, UInt256 amount)
    {
        var epoch = EpochAt(_chain.CurrentEpoch);
        epoch.Penalties[s.RegistrationNonce] = Saturating(epoch.Penalties.GetValueOrDefault(s.RegistrationNonce), amount);
        return new DistributeContract.PenaltyChargedEvent(s.Address, s.RegistrationNonce, _chain.CurrentEpoch, amount);
    }

    // ---- closes ----

    private Epoch? EpochAt(ulong e, bool create)
    {
        if (_open.TryGetValue(e, out var epoch) || !create) return epoch;
        epoch = new Epoch(this, e);
        _open.Add(e, epoch);
        return epoch;
    }

    private Epoch EpochAt(ulong e) => EpochAt(e, create: true)!;

    private bool RecordsComplete(ulong e)
    {
        var end = (UInt128)(e + 1) * _p.EpochLength;
        return LastBlockRecorded >= end && LastRollupEndBlock >= end;
    }

    /// <summary>Closes every epoch that can close now, in order (a close never fails).</summary>
    internal List<IContractEvent> CloseReady()
    {
        var events = new List<IContractEvent>();
        while (true)
        {
            var e = LastClosedEpoch is { } c ? c + 1 : 0;
            if (!RecordsComplete(e)) break;
            var epoch = EpochAt(e);
            if (epoch.State == EpochState.Open && epoch.CanFireRecordsComplete(out _)) epoch.FireRecordsComplete();
            if (!epoch.CanFireClose(out _)) break;   // Funded and not covered: it waits for fund
            events.AddRange(Close(epoch));
        }
        return events;
    }

    private List<IContractEvent> Close(Epoch epoch)
    {
        var e = epoch.Index;
        // Its guards read the state before the close (the reward is still unallocated); CloseReady checked them.
        if (!epoch.CanFireClose(out var failed)) throw L2Staking.Unvalidated("Epoch.Close", failed);
        epoch.FireClose();
        var events = new List<IContractEvent>();
        // R: minted (Inflation, capped so the supply stays ≤ 2^256 − 1) or taken from the unallocated balance (Funded).
        UInt256 reward;
        if (_p.RewardSource == RewardSource.Inflation)
        {
            var supply = _token.TotalSupply;
            reward = Min(MulDiv(supply, _p.InflationRatePerEpoch, UInt256.Pow10(18)), UInt256.MaxValue - supply);
            if (!reward.IsZero) events.Add(_token.Mint(Account, reward));
        }
        else { reward = _p.RewardPerEpoch; Unallocated -= reward; }

        var blockPool = MulDiv(reward, _p.BlockRewardShare, 100);
        var rollupPool = reward - blockPool;
        var treasury = UInt256.Zero;
        var gross = new SortedDictionary<ulong, UInt256>();
        var L = (UInt256)_p.EpochLength;

        var paid = UInt256.Zero;
        foreach (var (nonce, b) in epoch.Blocks)
        {
            var share = MulDiv(blockPool, b, L);
            gross[nonce] = share; paid += share;
        }
        treasury += blockPool - paid;

        if (epoch.TotalBytes.IsZero) treasury += rollupPool;
        else
        {
            paid = UInt256.Zero;
            var end = (e + 1) * _p.EpochLength;
            foreach (var (submitter, y) in epoch.Bytes)
            {
                var share = MulDiv(rollupPool, y, epoch.TotalBytes);
                paid += share;
                if (_staking.PresentAt(submitter, end) is { } s) gross[s.RegistrationNonce] = gross.GetValueOrDefault(s.RegistrationNonce) + share;
                else treasury += share;   // no incarnation of the submitter present at the end of e
            }
            treasury += rollupPool - paid;
        }

        UInt256 commissionTotal = UInt256.Zero, credited = UInt256.Zero;
        var at = e * _p.EpochLength;   // effective amounts: the checkpoints at block e·L
        foreach (var (nonce, g) in gross)
        {
            var s = _staking.Incarnation(nonce)!;
            if (s.JailedIn(e)) { treasury += g; continue; }   // jailed at any block of e: nothing, commission included
            var commission = MulDiv(g, s.CommissionRate(e), 10_000);
            s.Commission.Unclaimed += commission;
            UnclaimedCommission += commission;
            commissionTotal += commission;
            var pool = g - commission;
            var total = s.TotalAt(at);
            if (total.IsZero) { treasury += pool; continue; }
            var delta = pool.ToBigInteger() * RewardIndex.Scale / total.ToBigInteger();
            if (delta.IsZero) { treasury += pool; continue; }
            s.Index.Credit(e, delta);
            // Rounded up, so that no claim, however many epochs it spans, can exceed what was credited.
            var credit = UInt256.FromBigInteger((delta * total.ToBigInteger() + RewardIndex.Scale - 1) / RewardIndex.Scale);
            RewardsCredited += credit;
            credited += credit;
            treasury += pool - credit;
        }

        // Penalties become debt; debt is netted against unclaimed commission, in canonical order.
        foreach (var (nonce, penalty) in epoch.Penalties)
        {
            var s = _staking.Incarnation(nonce)!;
            s.Debt = Saturating(s.Debt, penalty);
            if (!s.Debt.IsZero) _debtors.Add(nonce);
        }
        foreach (var nonce in _debtors.ToArray())
        {
            var s = _staking.Incarnation(nonce)!;
            var net = Min(s.Debt, s.Commission.Unclaimed);
            s.Debt -= net; s.Commission.Unclaimed -= net; UnclaimedCommission -= net;
            treasury += net;
            // A removed incarnation's debt is written off after the close of the epoch that contained its removal.
            if (s.RemovedAt is { } r && _chain.EpochOf(r) <= e) s.Debt = UInt256.Zero;
            if (s.Debt.IsZero) _debtors.Remove(nonce);
        }

        _open.Remove(e);
        LastClosedEpoch = e;
        RewardsOfClosedEpochs += reward;
        if (!treasury.IsZero) events.Add(_token.Move(Account, Treasury, treasury));
        _closed.Add(new ClosedEpoch(e, reward, treasury, commissionTotal, credited));
        events.Add(new DistributeContract.EpochClosedEvent(e, reward, treasury));

        // Debt above maxDebt jails, in canonical order (not when it would leave no eligible staker: tried again next close).
        foreach (var nonce in _debtors)
        {
            var s = _staking.Incarnation(nonce)!;
            if (s.IsEligible && s.Debt > _p.MaxDebt && _staking.Jail(s))
                events.Add(new L2StakingContract.StakerJailedEvent(s.Address, s.RegistrationNonce, _chain.CurrentEpoch));
        }
        return events;
    }

    // ---- fund and debt ----

    internal TxResult Fund(Address sender, UInt256 amount)
    {
        if (_p.RewardSource != RewardSource.Funded) return TxResult.Fail(ProtocolRule.NotFunded, "rewardSource is Inflation: rewards are minted at each close");
        if (amount.IsZero) return TxResult.Fail(ProtocolRule.ZeroAmount, "fund of 0 MORPH");
        if (_token.CheckPull(Account, sender, amount) is { } refused) return refused;
        var events = new List<IContractEvent> { _token.Pull(Account, sender, Account, amount), new DistributeContract.FundedEvent(sender, amount) };
        Unallocated += amount;
        events.AddRange(CloseReady());
        return TxResult.Ok(events);
    }

    internal TxResult PayDebt(Address sender, Address stakerAddress, UInt256 amount)
    {
        if (amount.IsZero) return TxResult.Fail(ProtocolRule.ZeroAmount, "payDebt of 0 MORPH");
        if (_staking.Present(stakerAddress) is not { } s) return TxResult.Fail(ProtocolRule.NotPresent, $"{stakerAddress} is not a present staker: a removed incarnation's debt is only netted");
        if (amount > s.Debt) return TxResult.Fail(ProtocolRule.AmountExceedsDebt, $"{stakerAddress}'s debt is {s.Debt}, payment {amount}");
        if (_token.CheckPull(Account, sender, amount) is { } refused) return refused;
        var transfer = _token.Pull(Account, sender, Treasury, amount);
        s.Debt -= amount;
        if (s.Debt.IsZero) _debtors.Remove(s.RegistrationNonce);
        return TxResult.Ok(transfer, new DistributeContract.DebtPaidEvent(stakerAddress, s.RegistrationNonce, amount));
    }

    // ---- claims ----

    /// <summary>What (delegator, incarnation) can claim now, from its last claim to the last closed epoch. The window is
    /// cut at every epoch after which its effective amount changes (its checkpoints, the removal), each piece paying
    /// ⌊d·(I(b) − I(a−1))/10^27⌋: O(log n + its changes in the window).</summary>
    public UInt256 PendingReward(Delegation d)
    {
        if (LastClosedEpoch is not { } last) return UInt256.Zero;
        var first = d.RewardClaimedThrough is { } c ? c + 1 : 0;
        if (first > last) return UInt256.Zero;
        var s = d.Staker;
        var L = _p.EpochLength;
        // Epochs from which d(e) may differ from d(e−1): after each change at block t, from epoch ⌈t/L⌉.
        var cuts = new List<ulong>();
        foreach (var t in d.History.BlocksAfter(first * L))
        {
            if (t > last * L) break;
            cuts.Add((t + L - 1) / L);
        }
        if (s.RemovedAt is { } r && r > first * L && r <= last * L) cuts.Add((r + L - 1) / L);
        cuts.Sort();
        var total = BigInteger.Zero;
        var from = first;
        foreach (var cut in cuts.Append(last + 1))
        {
            if (cut <= from) continue;
            var amount = d.AmountAt(from * L);
            if (!amount.IsZero)
                total += amount.ToBigInteger() * (s.Index.At(cut - 1) - s.Index.At(from == 0 ? null : from - 1)) / RewardIndex.Scale;
            from = cut;
        }
        return UInt256.FromBigInteger(total);
    }

    /// <summary>Σ of what a delegator can claim from every incarnation it has or had a delegation with.</summary>
    public UInt256 PendingRewards(Address delegator) =>
        _staking.DelegationsOf(delegator).Aggregate(UInt256.Zero, (sum, d) => sum + PendingReward(d));

    internal TxResult ClaimReward(Address sender, Address stakerAddress, ulong registrationNonce)
    {
        if (_staking.Incarnation(stakerAddress, registrationNonce) is not { } s)
            return TxResult.Fail(ProtocolRule.UnknownStaker, $"no incarnation ({stakerAddress}, registration nonce {registrationNonce})");
        var completions = s.IsPresent ? _staking.CompletableFor(sender, s) : [];
        var d = _staking.DelegationOf(sender, s);
        var amount = d is null ? UInt256.Zero : PendingReward(d);
        if (amount.IsZero) return TxResult.Fail(ProtocolRule.NothingToClaim, $"{sender} has no reward with {stakerAddress} (incarnation {registrationNonce}) up to the last closed epoch ({LastClosedEpoch?.ToString() ?? "none"})");
        var events = _staking.CompleteFor(completions);
        events.AddRange(Pay(d!, amount));
        return TxResult.Ok(events);
    }

    internal TxResult ClaimAll(Address sender)
    {
        var due = _staking.DelegationsOf(sender).Select(d => (d, Amount: PendingReward(d))).Where(x => !x.Amount.IsZero).ToList();
        if (due.Count == 0) return TxResult.Fail(ProtocolRule.NothingToClaim, $"{sender} has no reward with any staker incarnation");
        var events = new List<IContractEvent>();
        foreach (var (d, amount) in due) events.AddRange(Pay(d, amount));
        return TxResult.Ok(events);
    }

    private IEnumerable<IContractEvent> Pay(Delegation d, UInt256 amount)
    {
        d.ClaimedReward(LastClosedEpoch!.Value);
        RewardsPaid += amount;
        yield return _token.Move(Account, d.Delegator, amount);
        yield return new DistributeContract.RewardClaimedEvent(d.Delegator, d.Staker.Address, LastClosedEpoch!.Value, amount);
    }

    internal TxResult ClaimCommission(Address sender, ulong registrationNonce)
    {
        if (_staking.Incarnation(registrationNonce) is not { } s) return TxResult.Fail(ProtocolRule.UnknownStaker, $"no incarnation with registration nonce {registrationNonce}");
        if (s.Address != sender) return TxResult.Fail(ProtocolRule.NotStaker, $"incarnation {registrationNonce} is {s.Address}'s, not {sender}'s");
        if (s.Commission.Unclaimed.IsZero) return TxResult.Fail(ProtocolRule.NothingToClaim, $"{sender} (incarnation {registrationNonce}) has no unclaimed commission");
        var amount = s.Commission.Claim();
        UnclaimedCommission -= amount;
        CommissionPaid += amount;
        return TxResult.Ok(_token.Move(Account, sender, amount), new DistributeContract.CommissionClaimedEvent(sender, amount));
    }

    // ---- queries a dashboard needs ----

    /// <summary>Reward per unit of delegation with <paramref name="s"/> for epoch e: (I(e) − I(e−1)) / 10^27, exactly.</summary>
    public (BigInteger Numerator, BigInteger Denominator) RewardPerUnit(L2Staker s, ulong e) =>
        (s.Index.At(e) - s.Index.At(e == 0 ? null : e - 1), RewardIndex.Scale);

    /// <summary>Epochs a year, E = ⌊31,536,000 / (l2BlockTimeSeconds · epochLength)⌋ (section 1).</summary>
    public ulong EpochsPerYear => 31_536_000UL / (_p.L2BlockTimeSeconds * _p.EpochLength);

    /// <summary>The annualised rate from epoch e's reward per unit: (1 + r)^E − 1, as a double (for display).</summary>
    public double AnnualisedRate(L2Staker s, ulong e)
    {
        var (n, d) = RewardPerUnit(s, e);
        return Math.Pow(1 + (double)n / (double)d, EpochsPerYear) - 1;
    }

    // ---- helpers ----

    private static UInt256 Min(UInt256 a, UInt256 b) => a <= b ? a : b;
    private static bool Fits(UInt256 v) => CalldataRefusals.AsModelInteger(v) is not null;
    private static UInt256 MulDiv(UInt256 a, UInt256 b, UInt256 d) => UInt256.MulDiv(a, b, d);   // exact 512-bit product
    private static UInt256 Saturating(UInt256 a, UInt256 b) => UInt256.TryAdd(a, b, out var s) ? s : UInt256.MaxValue;
    private static TxResult OutOfRange(string what) => TxResult.Fail(ProtocolRule.ValueOutOfRange, $"a record's {what} is beyond the model's integers (2^64 - 1)");
    private TxResult NotOracle(Address sender) => TxResult.Fail(ProtocolRule.NotOracle, $"{sender} is not the oracle {Oracle}");
    private static TxResult Refuse(ProtocolRule rule, int index, string message) => TxResult.Fail(rule, $"record {index}: {message}; the transaction is refused whole");

    internal void WriteState(StateWriter w)
    {
        w.Write(Oracle); w.Write(LastClosedEpoch ?? ulong.MaxValue); w.Write(LastBlockRecorded); w.Write(LastBatchRecorded);
        w.Write(LastRollupEndBlock); w.Write(NextSlot); w.Write(Unallocated); w.Write(UnclaimedCommission); w.Write(RewardsCredited);
        w.Write(RewardsPaid); w.Write(CommissionPaid); w.Write(RewardsOfClosedEpochs);
        w.Write((ulong)_open.Count);
        foreach (var e in _open.Values) e.WriteState(w);
        foreach (var n in _debtors) w.Write(n);
    }
}
