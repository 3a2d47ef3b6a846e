using System.Numerics;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.L2.Rewards;

/// <summary>A deliberately naive reference for PROTOCOL.md section 7, written apart from the model: it never calls
/// Distribution, RewardIndex or Checkpoints. It is fed raw observations (every delegation amount and every incarnation's
/// presence and jailed flag, after every operation), the records as written, commission changes, funds, claims and debt
/// payments, and recomputes everything with BigInteger: each close epoch by epoch, and each claim by walking every epoch
/// since the delegator's last claim. Slow and obvious on purpose.
/// Where PROTOCOL.md leaves a choice it mirrors the model's documented decisions: B = epochLength; a block's proposer
/// (and its scheduled member) is the latest incarnation of that address added at or before the block; the rollup share
/// goes to the submitter's incarnation present at the end of e; a claim window is cut after every epoch in which a
/// transaction changed the amount (even back to its old value within the block), at the removal (the amount reads 0 from
/// it) and at each claim; Removed is not Jailed; restartL2's effects belong to the block p it closes.</summary>
internal sealed class NaiveRewards
{
    public readonly record struct Inc(ulong Nonce, Address Address, bool Present, bool Jailed);

    private static readonly BigInteger Scale = BigInteger.Pow(10, 27);
    private static readonly BigInteger Max256 = (BigInteger.One << 256) - 1;

    private readonly ProtocolParameters _p;
    private readonly ulong L;

    // ---- observations ----
    // Per block: the effective amounts and the incarnations as they stood after the block's last transaction.
    private readonly Dictionary<ulong, Dictionary<(Address, ulong), BigInteger>> _amountsAtEnd = new();
    private readonly Dictionary<ulong, Dictionary<ulong, Inc>> _incsAtEnd = new();
    private Dictionary<(Address, ulong), BigInteger> _lastAmounts = new();
    private Dictionary<ulong, Inc> _lastIncs = new();
    private ulong _lastObservedBlock;
    // Blocks in which some transaction changed (delegator, incarnation): the claim window is cut after their epochs.
    private readonly HashSet<((Address, ulong) Key, ulong Block)> _touched = new();
    // Blocks during which an incarnation was jailed at some point (at its start, carried over, or after a transaction).
    private readonly HashSet<(ulong Nonce, ulong Block)> _jailedDuring = new();
    private readonly Dictionary<ulong, ulong> _firstSeen = new();     // the block its add-staker message was applied in
    private readonly Dictionary<ulong, ulong> _removedAt = new();     // the block it was first seen removed
    private readonly HashSet<(Address, ulong)> _keys = new();          // every (delegator, incarnation) ever observed

    // ---- inputs ----
    private readonly Dictionary<ulong, List<(ulong FromEpoch, ushort Rate)>> _rates = new();
    private readonly Dictionary<ulong, Address> _proposerOf = new();                    // block -> proposer address
    private readonly List<(ulong EndBlock, Address Submitter, BigInteger Size)> _batches = [];
    private readonly Dictionary<(ulong Epoch, ulong Nonce), BigInteger> _penalties = new();
    private readonly Dictionary<ulong, ulong> _missed = new();

    // ---- what it computes ----
    public BigInteger Supply { get; private set; }
    public BigInteger Treasury { get; private set; }
    public BigInteger Unallocated { get; private set; }
    public ulong? LastClosed { get; private set; }
    public ulong LastBlockRecorded { get; private set; }
    public ulong LastRollupEnd { get; private set; }
    private readonly Dictionary<(ulong Nonce, ulong Epoch), BigInteger> _index = new();     // I_s(e), only where credited
    private readonly Dictionary<ulong, BigInteger> _commission = new();
    private readonly Dictionary<ulong, BigInteger> _debt = new();
    private readonly Dictionary<(Address, ulong), ulong> _claimedThrough = new();
    public BigInteger TotalCredited { get; private set; }
    // Coverage counters (the differential test asserts its histories reach these cases).
    public int JailedShares { get; private set; }
    public int DebtNetted { get; private set; }
    public int PiecesCut { get; private set; }
    private readonly HashSet<ulong> _writtenOff = new();
    public bool DebtWrittenOff(ulong nonce) => _writtenOff.Contains(nonce);
    public BigInteger TotalPaid { get; private set; }

    public NaiveRewards(ProtocolParameters p, BigInteger supply, BigInteger treasury)
    {
        _p = p; L = p.EpochLength; Supply = supply; Treasury = treasury;
    }

    private ulong EpochOf(ulong block) => (block - 1) / L;

    // ================= observations =================

    /// <summary>The state after a transaction of block h (call it after every operation and once more before the
    /// block closes). Amounts are effective: 0 for a removed incarnation's delegations.</summary>
    public void Observe(ulong h, IReadOnlyDictionary<(Address, ulong), BigInteger> amounts, IEnumerable<Inc> incarnations)
    {
        // A new block starts with what the previous one ended with: a jailing carries over into it.
        for (ulong b = _lastObservedBlock + 1; b <= h && _amountsAtEnd.Count > 0; b++)
            foreach (var i in _lastIncs.Values) if (IsJailed(i)) _jailedDuring.Add((i.Nonce, b));

        foreach (var (k, v) in amounts)
        {
            _keys.Add(k);
            if (_lastAmounts.GetValueOrDefault(k) != v) _touched.Add((k, h));
        }
        foreach (var (k, v) in _lastAmounts)
            if (!amounts.ContainsKey(k) && !v.IsZero) _touched.Add((k, h));

        var incs = new Dictionary<ulong, Inc>();
        foreach (var i in incarnations)
        {
            _firstSeen.TryAdd(i.Nonce, h);
            if (!i.Present && _lastIncs.TryGetValue(i.Nonce, out var before) && before.Present)
            {
                _removedAt.TryAdd(i.Nonce, h);
            }
            incs[i.Nonce] = i;
            if (IsJailed(i)) _jailedDuring.Add((i.Nonce, h));
        }
        _lastAmounts = new(amounts);
        _lastIncs = incs;
        _amountsAtEnd[h] = _lastAmounts;
        _incsAtEnd[h] = _lastIncs;
        _lastObservedBlock = h;
    }

    /// <summary>A transaction of block h changed (delegator, incarnation)'s amount, even if a later one in the same
    /// operation brought it back (a completion joining then an undelegation of the same amount).</summary>
    public void Touch(Address delegator, ulong nonce, ulong h) { _touched.Add(((delegator, nonce), h)); _keys.Add((delegator, nonce)); }

    // Removed is not Jailed (section 3: an epoch after the removal pays the staker's commission).
    private static bool IsJailed(Inc i) => i.Present && i.Jailed;

    private BigInteger AmountAtEnd(ulong block, (Address, ulong) key)
    {
        for (ulong b = block; ; b--)   // the last observation at or before the block (blocks with no transaction keep it)
        {
            if (_amountsAtEnd.TryGetValue(b, out var m)) return m.GetValueOrDefault(key);
            if (b == 0) return BigInteger.Zero;
        }
    }

    private Dictionary<ulong, Inc> IncsAtEnd(ulong block)
    {
        for (ulong b = block; ; b--)
        {
            if (_incsAtEnd.TryGetValue(b, out var m)) return m;
            if (b == 0) return new();
        }
    }

    private bool JailedAtAnyBlockOf(ulong nonce, ulong e)
    {
        for (ulong b = e * L + 1; b <= (e + 1) * L; b++)
            if (_jailedDuring.Contains((nonce, b))) return true;
        return false;
    }

    /// <summary>The incarnation of an address that held block h: the latest added at or before h.</summary>
    private ulong? IncarnationAt(Address a, ulong h)
    {
        ulong? best = null;
        foreach (var (nonce, seen) in _firstSeen)
            if (seen <= h && _lastIncs.TryGetValue(nonce, out var i) && i.Address == a && (best is null || nonce > best)) best = nonce;
        return best;
    }

    // ================= inputs =================

    public void CommissionSet(ulong nonce, ulong epoch, ushort rate)
    {
        var l = _rates.TryGetValue(nonce, out var x) ? x : _rates[nonce] = [];
        l.RemoveAll(r => r.FromEpoch == epoch + 1);   // a later call in e replaces the pending rate
        l.Add((epoch + 1, rate));
    }

    private BigInteger Rate(ulong nonce, ulong e)
    {
        ushort rate = 0;
        if (_rates.TryGetValue(nonce, out var l))
            foreach (var (from, r) in l) if (from <= e) rate = r;
        return rate;
    }

    public void Unjailed(ulong nonce) => _missed[nonce] = 0;

    /// <summary>An accepted block-record transaction in the open block <paramref name="now"/>: liveness (turns), then closes.</summary>
    public void BlockRecords(IEnumerable<(ulong Block, Address Proposer, Address[] ConsensusSet)> records, ulong now)
    {
        BeginTransaction();
        var jailed = _jailedNow;
        foreach (var (h, proposer, set) in records)
        {
            _proposerOf[h] = proposer;
            LastBlockRecorded = h;
            _missed[IncarnationAt(proposer, h)!.Value] = 0;
            var scheduled = set[(int)(h % (ulong)set.Length)];
            if (scheduled == proposer) continue;
            var m = IncarnationAt(scheduled, h)!.Value;
            _missed[m] = _missed.GetValueOrDefault(m) + 1;
            if (_missed[m] < _p.InactivityJailTurns) continue;
            _missed[m] = 0;
            if (!_lastIncs[m].Present || jailed.Contains(m)) continue;
            AddPenalty(EpochOf(now), m, _p.JailPenalty.ToBigInteger());
            if (Eligible() > 1) jailed.Add(m);   // not applied if it would leave no eligible staker
        }
        CloseReady();
    }

    public void RollupRecords(IEnumerable<(ulong EndBlock, Address Submitter, BigInteger Size)> records)
    {
        BeginTransaction();
        foreach (var r in records) { _batches.Add(r); LastRollupEnd = r.EndBlock; }
        CloseReady();
    }

    /// <summary>A timed-out slot naming (address, nonce), written in block <paramref name="now"/>.</summary>
    public void SlotTimedOut(Address a, ulong nonce, ulong now)
    {
        BeginTransaction();
        if (_lastIncs.TryGetValue(nonce, out var i) && i.Address == a && i.Present)
            AddPenalty(EpochOf(now), nonce, _p.SubmitterTimeoutPenalty.ToBigInteger());
    }

    public void SlotsRecorded() => CloseReady();   // after SlotTimedOut, which began the transaction

    private void AddPenalty(ulong epoch, ulong nonce, BigInteger amount) =>
        _penalties[(epoch, nonce)] = BigInteger.Min(Max256, _penalties.GetValueOrDefault((epoch, nonce)) + amount);

    public void Funded(BigInteger amount) { BeginTransaction(); Unallocated += amount; CloseReady(); }

    // Who is jailed while a record or fund transaction runs: as last observed, plus the jailings it makes itself (records
    // first, record by record; then each close's debt jailings), so the driver can compare the model's jailings with it.
    private HashSet<ulong> _jailedNow = new();
    public IReadOnlySet<ulong> JailedNow => _jailedNow;
    public void BeginTransaction() => _jailedNow = _lastIncs.Values.Where(i => i.Present && i.Jailed).Select(i => i.Nonce).ToHashSet();
    private int Eligible() => _lastIncs.Values.Count(i => i.Present && !_jailedNow.Contains(i.Nonce));

    // ================= closes =================

    private void CloseReady()
    {
        while (true)
        {
            var e = LastClosed is { } c ? c + 1 : 0;
            var end = (e + 1) * L;
            if (LastBlockRecorded < end || LastRollupEnd < end) return;
            if (_p.RewardSource == RewardSource.Funded && Unallocated < _p.RewardPerEpoch.ToBigInteger()) return;
            Close(e);
        }
    }

    private void Close(ulong e)
    {
        BigInteger R;
        if (_p.RewardSource == RewardSource.Inflation)
        {
            R = BigInteger.Min(Supply * _p.InflationRatePerEpoch.ToBigInteger() / BigInteger.Pow(10, 18), Max256 - Supply);
            Supply += R;
        }
        else { R = _p.RewardPerEpoch.ToBigInteger(); Unallocated -= R; }

        var toTreasury = BigInteger.Zero;
        var blockPool = R * _p.BlockRewardShare / 100;
        var rollupPool = R - blockPool;
        var gross = new SortedDictionary<ulong, BigInteger>();

        // Block shares: count each incarnation's blocks in e (B = L), floor once per incarnation.
        var blocks = new Dictionary<ulong, BigInteger>();
        for (ulong h = e * L + 1; h <= (e + 1) * L; h++)
        {
            var s = IncarnationAt(_proposerOf[h], h)!.Value;
            blocks[s] = blocks.GetValueOrDefault(s) + 1;
        }
        var paid = BigInteger.Zero;
        foreach (var (s, b) in blocks)
        {
            var share = blockPool * b / L;
            gross[s] = gross.GetValueOrDefault(s) + share;
            paid += share;
        }
        toTreasury += blockPool - paid;

        // Rollup shares: bytes of the batches ending in e, summed per submitter address, floored once.
        var y = new Dictionary<Address, BigInteger>();
        foreach (var (endBlock, submitter, size) in _batches)
            if (EpochOf(endBlock) == e) y[submitter] = y.GetValueOrDefault(submitter) + size;
        var Y = y.Values.Aggregate(BigInteger.Zero, (a, b) => a + b);
        if (Y.IsZero) toTreasury += rollupPool;
        else
        {
            paid = BigInteger.Zero;
            var atEnd = IncsAtEnd((e + 1) * L);
            foreach (var (a, ya) in y)
            {
                var share = rollupPool * ya / Y;
                paid += share;
                var present = atEnd.Values.Where(i => i.Address == a && i.Present).Select(i => (ulong?)i.Nonce).FirstOrDefault();
                if (present is { } n) gross[n] = gross.GetValueOrDefault(n) + share;
                else toTreasury += share;
            }
            toTreasury += rollupPool - paid;
        }

        foreach (var (s, g) in gross)
        {
            if (JailedAtAnyBlockOf(s, e)) { toTreasury += g; if (!g.IsZero) JailedShares++; continue; }
            var commission = g * Rate(s, e) / 10_000;
            _commission[s] = _commission.GetValueOrDefault(s) + commission;
            var pool = g - commission;
            // T_s(e): the sum of every delegator's effective amount at block e·L.
            var T = BigInteger.Zero;
            foreach (var key in AllKeys()) if (key.Item2 == s) T += AmountAtEnd(e * L, key);
            if (T.IsZero) { toTreasury += pool; continue; }
            var dI = pool * Scale / T;
            if (!dI.IsZero) _index[(s, e)] = dI;
            var credit = (dI * T + Scale - 1) / Scale;   // rounded up
            TotalCredited += credit;
            toTreasury += pool - credit;
        }

        // Penalties become debt; netting against unclaimed commission; write-off after the removal's epoch.
        foreach (var ((pe, n), amount) in _penalties)
            if (pe == e) _debt[n] = BigInteger.Min(Max256, _debt.GetValueOrDefault(n) + amount);
        foreach (var n in _debt.Keys.OrderBy(n => n).ToList())
        {
            var net = BigInteger.Min(_debt[n], _commission.GetValueOrDefault(n));
            _debt[n] -= net;
            _commission[n] = _commission.GetValueOrDefault(n) - net;
            toTreasury += net;
            if (!net.IsZero) DebtNetted++;
            if (_removedAt.TryGetValue(n, out var r) && EpochOf(r) <= e && !_debt[n].IsZero) { _debt[n] = 0; _writtenOff.Add(n); }
        }

        Treasury += toTreasury;
        LastClosed = e;

        // Debt above maxDebt jails every present staker not already jailed, in canonical order, unless none would be left.
        foreach (var n in _debt.Keys.OrderBy(n => n))
            if (_debt[n] > _p.MaxDebt.ToBigInteger() && _lastIncs.TryGetValue(n, out var i) && i.Present && !_jailedNow.Contains(n) && Eligible() > 1)
                _jailedNow.Add(n);
    }

    private IEnumerable<(Address, ulong)> AllKeys() => _keys;

    /// <summary>I_s(e): the sum of every ΔI credited to s up to e (I(−1) = 0).</summary>
    private BigInteger Index(ulong s, long e)
    {
        var sum = BigInteger.Zero;
        for (long k = 0; k <= e; k++) sum += _index.GetValueOrDefault((s, (ulong)k));
        return sum;
    }

    // ================= claims =================

    /// <summary>What (delegator, incarnation) can claim: walk every epoch from its last claim to the last closed one,
    /// closing a piece after each epoch in which its amount changed, and at the last closed epoch.</summary>
    public BigInteger Claimable(Address delegator, ulong nonce)
    {
        if (LastClosed is not { } last) return 0;
        var key = (delegator, nonce);
        ulong first = _claimedThrough.TryGetValue(key, out var c) ? c + 1 : 0;
        var total = BigInteger.Zero;
        ulong a = first;
        for (ulong e = first; e <= last; e++)
        {
            bool changed = false;
            for (ulong b = Math.Max(1, e * L + 1); b <= (e + 1) * L; b++) changed |= _touched.Contains((key, b));
            if (!changed && e != last) continue;
            var d = AmountAtEnd(a * L, key);
            var piece = d * (Index(nonce, (long)e) - Index(nonce, (long)a - 1)) / Scale;
            if (e != last && !piece.IsZero) PiecesCut++;
            total += piece;
            a = e + 1;
        }
        return total;
    }

    public void Claimed(Address delegator, ulong nonce, BigInteger amount)
    {
        _claimedThrough[(delegator, nonce)] = LastClosed!.Value;
        TotalPaid += amount;
    }

    public IEnumerable<ulong> NoncesOf(Address delegator) =>
        AllKeys().Where(k => k.Item1 == delegator).Select(k => k.Item2).OrderBy(n => n);

    public BigInteger Commission(ulong nonce) => _commission.GetValueOrDefault(nonce);
    public void CommissionClaimed(ulong nonce) => _commission[nonce] = 0;
    public BigInteger Debt(ulong nonce) => _debt.GetValueOrDefault(nonce);

    public void DebtPaid(ulong nonce, BigInteger amount)
    {
        _debt[nonce] -= amount;
        Treasury += amount;
    }
}
