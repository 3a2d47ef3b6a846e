using System.Numerics;
using CsCheck;
using Morph.Protocol.Contracts;
using Morph.Protocol.L2;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using static Morph.Protocol.Tests.L2.L2TestNet;

namespace Morph.Protocol.Tests.L2.Rewards;

/// <summary>Issue 17's differential test: random histories drive the model and <see cref="NaiveRewards"/> side by side,
/// and after every step every pending reward, every claim's payment, every incarnation's unclaimed commission and debt,
/// and the treasury's balance agree to the unit; the model's invariants (2's buckets included) hold throughout.</summary>
[TestClass]
public sealed class RewardsDifferentialTests
{
    public readonly record struct Op(int Kind, int A, int B, int C)
    {
        public override string ToString() => $"{(Kind < Names.Length ? Names[Kind] : "?")}({A},{B},{C})";
    }

    /// <summary>Rich: a genesis supply 2^200 below 2^256 − 1 and 10 % a epoch, so the mint hits its cap within a few closes.</summary>
    public readonly record struct Setup(bool Funded, ulong EpochLength, ulong Turns, int Penalties, bool Rich = false)
    {
        public override string ToString() => $"{(Funded ? "Funded" : "Inflation")}, L={EpochLength}, turns={Turns}, penalties={Penalties}{(Rich ? ", rich" : "")}";
    }

    private static readonly string[] Names =
        ["Delegate", "Undelegate", "Redelegate", "Commission", "Blocks", "Rollups", "Slots", "Jail", "Unjail", "Remove",
         "Add", "Fund", "ClaimReward", "ClaimAll", "ClaimCommission", "PayDebt", "Close"];

    private static readonly int[] Weights = [6, 3, 2, 2, 5, 3, 1, 1, 2, 2, 2, 2, 3, 1, 2, 2, 5];

    private static readonly Gen<int> KindGen = Gen.Frequency(Weights.Select((w, k) => (w, (IGen<int>)Gen.Const(k))).ToArray());
    private static readonly Gen<Op[]> Ops = Gen.Select(KindGen, Gen.Int[0, 1_000], Gen.Int[0, 1_000], Gen.Int[0, 10_000], (k, a, b, c) => new Op(k, a, b, c)).Array[40, 140];
    private static readonly Gen<Setup> Setups = Gen.Select(Gen.Bool, Gen.ULong[4, 6], Gen.ULong[2, 3], Gen.Int[0, 3], Gen.Int[0, 3], (f, l, t, p, r) => new Setup(f, l, t, p, r == 0));

    private const int Stakers = 5, Delegators = 4;

    [TestMethod]
    public void The_model_and_the_naive_reference_agree_to_the_unit_over_random_histories() =>
        Gen.Select(Setups, Ops).Sample((setup, ops) => new Driver(setup).Run(ops), iter: 1_500, threads: 1);

    /// <summary>The property must not pass by refusing everything: a fixed seed (System.Random, so it cannot flake) has to
    /// reach every kind of outcome the reference models.</summary>
    [TestMethod]
    public void A_fixed_history_reaches_every_kind_of_outcome()
    {
        var rng = new Random(17);
        var reached = new HashSet<string>();
        for (int round = 0; round < 32; round++)
        {
            var setup = new Setup(round % 2 == 1, 4 + (ulong)(round % 3), 2 + (ulong)(round % 2), round % 4, round % 5 == 2);
            var ops = Enumerable.Range(0, 200).Select(_ => new Op(Weighted(rng), rng.Next(1_001), rng.Next(1_001), rng.Next(10_001))).ToArray();
            new Driver(setup, reached).Run(ops);
        }
        var missing = new[] { "close", "inactivity jailing", "debt jailing", "debt netted", "jailed share", "write-off", "timeout",
                     "ClaimReward", "ClaimAll", "ClaimCommission", "PayDebt", "Remove", "Add", "Fund", "Jail", "Unjail", "Redelegate", "Undelegate",
                     "pending > 0", "pending > 0 (removed)", "window cut",
                     "removed proposer", "completion", "capped mint", "halt", "Restart" }.Where(m => !reached.Contains(m)).ToList();
        Assert.AreEqual(0, missing.Count, $"never reached {string.Join(", ", missing)}: [{string.Join(", ", reached.Order())}]");
        Console.WriteLine($"reached: {string.Join(", ", reached.Order())}");
    }

    private static int Weighted(Random rng)
    {
        int pick = rng.Next(Weights.Sum());
        for (int k = 0; ; k++) if ((pick -= Weights[k]) < 0) return k;
    }

    internal static readonly Bytes32 EmptySetHash = Keccak256.Hash(EmptyAddressArray());
    private static byte[] EmptyAddressArray() { var b = new byte[64]; b[31] = 0x20; return b; }   // abi.encode(address[]())

    /// <summary>One history: the model, the reference, and the checks after every step.</summary>
    internal sealed class Driver
    {
        private readonly Setup _setup;
        private readonly HashSet<string>? _reached;
        private readonly L2Network _l2;
        private readonly NaiveRewards _ref;
        private readonly Address _oracle = L2Genesis.DevnetOracle, _treasury = L2Genesis.DevnetTreasury;
        private ulong _nonce = Stakers;   // the last message nonce sent (genesis: 1..5)
        private readonly List<string> _log = [];

        public Driver(Setup setup, HashSet<string>? reached = null)
        {
            _setup = setup; _reached = reached;
            var (jail, maxDebt, timeout) = setup.Penalties switch
            {
                0 => (UInt256.Zero, UInt256.Zero, UInt256.Zero),
                1 => (Unit, 100 * Unit, Unit / 3),
                2 => (1_000 * Unit, 100 * Unit, 200 * Unit),   // big enough to outrun commission: debt jailings
                _ => (7 * Unit + 1, UInt256.Zero, 3 * Unit),
            };
            var p = Params(x: 3, epochLength: setup.EpochLength, lockEpochs: 2, maxPending: 6, jailEpochs: 1) with
            {
                InactivityJailTurns = setup.Turns, JailPenalty = jail, MaxDebt = maxDebt, SubmitterTimeoutPenalty = timeout,
                RewardSource = setup.Funded ? RewardSource.Funded : RewardSource.Inflation,
                RewardPerEpoch = 50 * Unit + 7,   // odd, so the floors leave remainders
            };
            if (setup.Rich) p = p with { GenesisSupply = UInt256.MaxValue - (UInt256.One << 200), InflationRatePerEpoch = 100_000_000_000_000_000UL };
            _l2 = Create(stakers: Stakers, p: p, delegators: Delegators, each: 1_000);
            for (int i = 1; i <= Delegators; i++) Ok(_l2.Approve(Delegator(i), _l2.Genesis.DistributionAddress, UInt256.MaxValue));
            _ref = new NaiveRewards(p, _l2.Token.TotalSupply.ToBigInteger(), _l2.Token.BalanceOf(_treasury).ToBigInteger());
            Observe(0);
        }

        private Distribution Dist => _l2.Distribution;
        private TxResult? _last;
        private TxResult T(TxResult r) => _last = r;
        private void Reach(string what) => _reached?.Add(what);

        private void Observe(ulong? h = null)
        {
            var amounts = _l2.Staking.Delegations.ToDictionary(d => (d.Delegator, d.Staker.RegistrationNonce),
                d => d.Staker.IsPresent ? d.Amount.ToBigInteger() : BigInteger.Zero);
            var incs = _l2.Staking.Incarnations.Select(s => new NaiveRewards.Inc(s.RegistrationNonce, s.Address, s.IsPresent, s.IsJailed)).ToList();
            _ref.Observe(h ?? _l2.Height, amounts, incs);
        }

        private BigInteger Balance(Address a) => _l2.Token.BalanceOf(a).ToBigInteger();

        private static UInt256 Amount(int c) => (c % 5) switch
        {
            0 => (ulong)(c % 10 + 1),                          // a few base units: tiny totals, big ΔI
            4 => (ulong)c * 12_345,
            _ => (ulong)(c % 40 + 1) * Unit / 3,               // not a whole number of MORPH
        };

        public void Run(Op[] ops)
        {
            foreach (var op in ops)
            {
                var ctx = $"{_setup}; after {op} at block {_l2.Height} (history: {string.Join(" ", _log)})";
                _log.Add(op.ToString());
                var before = _l2.StateHash();
                _last = null;
                Step(op, ctx);
                // Invariant 6: a refused operation changes nothing (no completion left behind, no close half-run).
                if (_last is { IsOk: false } refused) Assert.AreEqual(before, _l2.StateHash(), $"{ctx}: refused {refused.Rule} but changed the state");
                Observe();
                if (_l2.Staking.Entries.Any(x => x is Redelegation { State: RedelegationState.Completed })) Reach("completion");
                Check(ctx);
            }
            // Drain: record everything, so the last epochs close and their rewards are compared too.
            for (int i = 0; i < 4; i++)
                foreach (var op in new[] { new Op(16, 3, 0, 0), new Op(4, 999, 0, 0), new Op(5, 2, 999, 3), new Op(11, 0, 0, 9_999) })
                {
                    _log.Add(op.ToString());
                    Step(op, "drain");
                    Observe();
                    Check($"drain {op}");
                }
        }

        private void Step(Op op, string ctx)
        {
            if (_l2.IsHalted) { Restart(op, ctx); return; }
            var h = _l2.Height;
            var d = Delegator(op.A % Delegators + 1);
            var s = Staker(op.B % Stakers + 1);
            ulong? nonceOf(Address a) => _l2.Staking.Present(a)?.RegistrationNonce;
            TxResult r;
            switch (op.Kind)
            {
                case 0:
                    r = T(_l2.Delegate(d, s, Amount(op.C)));
                    if (r.IsOk) _ref.Touch(d, nonceOf(s)!.Value, h);
                    break;
                case 1:
                {
                    var held = _l2.Staking.Present(s) is { } x ? _l2.Staking.DelegatedAmount(d, x) : UInt256.Zero;
                    r = T(_l2.Undelegate(d, s, op.C % 3 == 0 && !held.IsZero ? held : Amount(op.C)));
                    if (r.IsOk) { _ref.Touch(d, nonceOf(s)!.Value, h); Reach("Undelegate"); }
                    break;
                }
                case 2:
                {
                    var from = Staker(op.C % Stakers + 1);
                    r = T(_l2.Redelegate(d, from, s, Amount(op.C / 5)));
                    if (r.IsOk) { _ref.Touch(d, nonceOf(from)!.Value, h); Reach("Redelegate"); }
                    break;
                }
                case 3:
                {
                    // Mostly within maxCommissionRate and the step from rate(e), sometimes beyond (refused).
                    var rate = (ushort)(op.C % 7 == 0 ? op.C % 2_300 : (op.C % 5) * 100 + (nonceOf(s) is { } n0 ? _l2.Staking.Incarnation(n0)!.CommissionRate(_l2.CurrentEpoch) : 0));
                    r = T(_l2.SetCommissionRate(s, rate));
                    if (r.IsOk) _ref.CommissionSet(nonceOf(s)!.Value, _l2.CurrentEpoch, rate);
                    break;
                }
                case 4: RecordBlocks(op.A % 8 + 1, Staker(op.B % Stakers + 1), op.C % 3, op.C); return;
                case 5: RecordRollups(op); return;
                case 6: RecordSlots(op); return;
                case 7: if (_l2.Jail(s)) Reach("Jail"); return;
                case 8:
                {
                    var n = nonceOf(s);
                    r = T(_l2.Unjail(s));
                    if (r.IsOk) { _ref.Unjailed(n!.Value); Reach("Unjail"); }
                    break;
                }
                case 9:
                {
                    // Now and then the last eligible staker leaves: L2 halts, and the next step restarts it.
                    if (_l2.Staking.Present(s) is not { } x || (_l2.Staking.EligibleCount - (x.IsEligible ? 1 : 0) < 1 && op.C % 4 != 0)) return;
                    _l2.Deliver(RemoveMessage(++_nonce, op.B % Stakers + 1));
                    Reach("Remove");
                    return;
                }
                case 10:
                {
                    var i = op.B % (Stakers + 1) + 1;   // 6 is an address that was never a staker
                    if (_l2.Staking.Present(Staker(i)) is not null) return;
                    _l2.Deliver(AddMessage(++_nonce, i));
                    Reach("Add");
                    return;
                }
                case 11:
                {
                    UInt256 amount = (ulong)(op.C % 200 + 1) * Unit / 7;
                    var balance = Balance(d);
                    r = T(_l2.Fund(d, amount));
                    if (!_setup.Funded) { Assert.AreEqual(ProtocolRule.NotFunded, r.Rule, ctx); return; }
                    if (amount.ToBigInteger() > balance) { Assert.AreEqual(ProtocolRule.InsufficientBalance, r.Rule, ctx); return; }
                    Assert.IsTrue(r.IsOk, $"{ctx}: {r}");
                    Reach("Fund");
                    var closedBefore = Dist.LastClosedEpoch;
                    _ref.Funded(amount.ToBigInteger());
                    NoteClose(closedBefore, r);
                    SameJailings(r);
                    return;
                }
                case 12: ClaimReward(d, op, ctx); return;
                case 13: ClaimAll(d, ctx); return;
                case 14: ClaimCommission(op, ctx); return;
                case 15:
                {
                    // Mostly a present staker that owes something (else the payment is refused ZeroAmount or AmountExceedsDebt).
                    var debtors = _l2.Staking.PresentStakers.Where(x => !x.Debt.IsZero).ToList();
                    if (op.C % 5 != 0 && debtors.Count > 0) s = debtors[op.B % debtors.Count].Address;
                    if (nonceOf(s) is not { } n) { r = T(_l2.PayDebt(d, s, Unit)); Assert.AreEqual(ProtocolRule.NotPresent, r.Rule, ctx); return; }
                    var debt = _ref.Debt(n);
                    var balance = Balance(d);
                    UInt256 amount = op.C % 2 == 0 ? UInt256.FromBigInteger(BigInteger.Min(debt, balance / 4)) : (ulong)(op.C % 10 + 1) * Unit / 2;
                    r = T(_l2.PayDebt(d, s, amount));
                    if (amount.IsZero) Assert.AreEqual(ProtocolRule.ZeroAmount, r.Rule, ctx);
                    else if (amount.ToBigInteger() > debt) Assert.AreEqual(ProtocolRule.AmountExceedsDebt, r.Rule, ctx);
                    else if (amount.ToBigInteger() > balance) Assert.AreEqual(ProtocolRule.InsufficientBalance, r.Rule, ctx);
                    else { Assert.IsTrue(r.IsOk, $"{ctx}: {r}"); _ref.DebtPaid(n, amount.ToBigInteger()); Reach("PayDebt"); }
                    return;
                }
                case 16:
                    for (int i = 0; i <= op.A % 6 && !_l2.IsHalted; i++) { Observe(); _l2.CloseBlock(); }
                    if (_l2.IsHalted) Reach("halt");
                    return;
                default: throw new InvalidOperationException();
            }
        }

        /// <summary>restartL2 as the last transaction of the last produced block p: queued messages applied (an add first
        /// if nobody would be present), every jailed staker unjailed with its missed turns reset.</summary>
        private void Restart(Op op, string ctx)
        {
            var p = _l2.Height;
            if (_l2.Inbox.PresentCountAfterQueue() == 0) _l2.Deliver(AddMessage(++_nonce, op.B % (Stakers + 1) + 1));
            var jailed = _l2.Staking.Incarnations.Where(x => x.IsJailed).Select(x => x.RegistrationNonce).ToList();
            var r = T(_l2.RestartL2(L2Genesis.DevnetOwner));
            Assert.IsTrue(r.IsOk, $"{ctx}: {r}");
            foreach (var n in jailed) _ref.Unjailed(n);
            Observe(p);   // its effects belong to block p, not to the block it opens
            Reach("Restart");
        }

        // ---- records: always valid, so every one is accepted; the model's refusals are the staking tests' business ----

        private void RecordBlocks(int count, Address lazy, int mode, int seed)
        {
            var records = new List<BlockRecord>();
            var sets = new List<(ulong, Address, Address[])>();
            for (ulong h = Dist.LastBlockRecorded + 1; h < _l2.Height && records.Count < count; h++)
            {
                var set = _l2.ConsensusSet(h).ToArray();
                var at = (int)(h % (ulong)set.Length);
                var proposer = mode switch
                {
                    0 => set[at],                                                           // everyone proposes on its turn
                    1 => set[at] == lazy ? set[(at + 1) % set.Length] : set[at],            // one member misses its turns
                    _ => set[(int)(((ulong)seed * 31 + h * 7) % (ulong)set.Length)],        // anyone in the set
                };
                records.Add(new BlockRecord(h, proposer, 1, 100));
                if (_l2.Staking.IncarnationAt(proposer, h) is { RemovedAt: { } gone } && gone < h) Reach("removed proposer");
                sets.Add((h, proposer, set));
            }
            if (records.Count == 0) return;
            var closedBefore = Dist.LastClosedEpoch;
            var r = T(_l2.RecordBlocks(_oracle, records));
            Assert.IsTrue(r.IsOk, r.ToString());
            // Block records charge only inactivity penalties; their jailings may mix with a close's, so only the close is noted.
            if (r.Events.OfType<DistributeContract.PenaltyChargedEvent>().Any()) Reach("inactivity jailing");
            if (Dist.LastClosedEpoch != closedBefore) Reach("close");
            _ref.BlockRecords(sets, _l2.Height);
            SameJailings(r);
        }

        private void RecordRollups(Op op)
        {
            var records = new List<RollupRecord>();
            ulong start = Dist.LastRollupEndBlock + 1, index = Dist.LastBatchRecorded + 1;
            var naive = new List<(ulong, Address, BigInteger)>();
            for (int i = 0; i <= op.A % 3 && start < _l2.Height; i++)
            {
                var end = Math.Min(start + (ulong)(op.B + i) % (2 * _setup.EpochLength), _l2.Height - 1);
                var pick = (op.C + i) % 7;
                var submitter = pick < Stakers ? Staker(pick + 1) : pick == Stakers ? A(0xbeef) : Staker(6);
                UInt256 size = (ulong)((op.C * 37 + op.B * 11 + i) % 5_000);
                records.Add(new RollupRecord(index, submitter, start, end, 1, size));
                naive.Add((end, submitter, size.ToBigInteger()));
                index++; start = end + 1;
            }
            if (records.Count == 0) return;
            var closedBefore = Dist.LastClosedEpoch;
            var r = T(_l2.RecordRollups(_oracle, records));
            Assert.IsTrue(r.IsOk, r.ToString());
            NoteClose(closedBefore, r);
            _ref.RollupRecords(naive);
            SameJailings(r);
        }

        private void RecordSlots(Op op)
        {
            var k = Dist.NextSlot;
            SlotRecord record;
            var all = _l2.Staking.Incarnations.ToList();
            if (op.A % 4 == 0) record = new SlotRecord(k, Address.Zero, UInt256.Zero, EmptySetHash, false);
            else
            {
                var inc = all[op.B % all.Count];   // a removed incarnation too: its timeout lapses
                record = new SlotRecord(k, inc.Address, inc.RegistrationNonce, Keccak256.HashUtf8($"set {k}"), op.C % 3 != 0);
            }
            var closedBefore = Dist.LastClosedEpoch;
            var r = T(_l2.RecordSlots(_oracle, [record]));
            Assert.IsTrue(r.IsOk, r.ToString());
            _ref.BeginTransaction();
            if (record.TimedOut)
            {
                _ref.SlotTimedOut(record.ScheduledSubmitter, (ulong)record.RegistrationNonce, _l2.Height);
                if (r.Events.OfType<DistributeContract.PenaltyChargedEvent>().Any()) Reach("timeout");
            }
            NoteClose(closedBefore, r);
            _ref.SlotsRecorded();
            SameJailings(r);
        }

        // Rollup and slot records jail nobody themselves: a jailing in their transaction is a close's, for debt.
        private void NoteClose(ulong? before, TxResult r)
        {
            if (Dist.LastClosedEpoch != before) Reach("close");
            if (Dist.LastClosedEpoch != before && r.Events.OfType<L2StakingContract.StakerJailedEvent>().Any()) Reach("debt jailing");
        }

        /// <summary>The jailings a record or fund transaction made (inactivity, then debt at its closes) are the reference's.</summary>
        private void SameJailings(TxResult r)
        {
            var model = _l2.Staking.PresentStakers.Where(x => x.IsJailed).Select(x => x.RegistrationNonce).Order().ToList();
            var expected = _ref.JailedNow.Order().ToList();
            Assert.IsTrue(expected.SequenceEqual(model), $"jailed after the transaction ({r}, block {_l2.Height}, last closed {Dist.LastClosedEpoch}): reference [{string.Join(", ", expected)}], model [{string.Join(", ", model)}]; debts [{string.Join(", ", _l2.Staking.PresentStakers.Select(x => $"#{x.RegistrationNonce}:{x.Debt}{(x.IsJailed ? " jailed" : "")}"))}]; history {string.Join(" ", _log)}");
        }

        // ---- claims: the amount paid is what the reference walked ----

        private void ClaimReward(Address d, Op op, string ctx)
        {
            var mine = _l2.Staking.DelegationsOf(d);
            L2Staker s = op.C % 4 != 0 && mine.Count > 0 ? mine[op.B % mine.Count].Staker : _l2.Staking.Incarnations.ElementAt(op.B % _l2.Staking.Incarnations.Count());
            var expected = _ref.Claimable(d, s.RegistrationNonce);
            var before = Balance(d);
            var r = T(_l2.ClaimReward(d, s.Address, s.RegistrationNonce));
            if (expected.IsZero) { Assert.AreEqual(ProtocolRule.NothingToClaim, r.Rule, $"{ctx}: {r}"); return; }
            Assert.IsTrue(r.IsOk, $"{ctx}: expected {expected}, {r}");
            Assert.AreEqual(expected, Balance(d) - before, $"{ctx}: claimReward paid");
            _ref.Claimed(d, s.RegistrationNonce, expected);
            Reach("ClaimReward");
        }

        private void ClaimAll(Address d, string ctx)
        {
            var due = _ref.NoncesOf(d).Select(n => (n, Amount: _ref.Claimable(d, n))).Where(x => !x.Amount.IsZero).ToList();
            var before = Balance(d);
            var r = T(_l2.ClaimAll(d));
            if (due.Count == 0) { Assert.AreEqual(ProtocolRule.NothingToClaim, r.Rule, $"{ctx}: {r}"); return; }
            Assert.IsTrue(r.IsOk, $"{ctx}: {r}");
            Assert.AreEqual(due.Aggregate(BigInteger.Zero, (a, x) => a + x.Amount), Balance(d) - before, $"{ctx}: claimAll paid");
            Assert.AreEqual(due.Count, r.Events.OfType<DistributeContract.RewardClaimedEvent>().Count(), $"{ctx}: claimAll claims each non-zero reward once");
            foreach (var (n, amount) in due) _ref.Claimed(d, n, amount);
            Reach("ClaimAll");
        }

        private void ClaimCommission(Op op, string ctx)
        {
            var all = _l2.Staking.Incarnations.ToList();
            var s = all[op.B % all.Count];
            var expected = _ref.Commission(s.RegistrationNonce);
            var before = Balance(s.Address);
            var r = T(_l2.ClaimCommission(s.Address, s.RegistrationNonce));
            if (expected.IsZero) { Assert.AreEqual(ProtocolRule.NothingToClaim, r.Rule, $"{ctx}: {r}"); return; }
            Assert.IsTrue(r.IsOk, $"{ctx}: {r}");
            Assert.AreEqual(expected, Balance(s.Address) - before, $"{ctx}: claimCommission paid");
            _ref.CommissionClaimed(s.RegistrationNonce);
            Reach("ClaimCommission");
        }

        // ---- after every step ----

        private void Check(string ctx)
        {
            Assert.AreEqual(_ref.LastClosed, Dist.LastClosedEpoch, $"{ctx}: last closed epoch");
            Assert.AreEqual(_ref.Supply, _l2.Token.TotalSupply.ToBigInteger(), $"{ctx}: supply");
            if (_l2.Token.TotalSupply == UInt256.MaxValue) Reach("capped mint");
            foreach (var d in _l2.Staking.Delegations)
            {
                var expected = _ref.Claimable(d.Delegator, d.Staker.RegistrationNonce);
                Assert.AreEqual(expected, Dist.PendingReward(d).ToBigInteger(), $"{ctx}: pending reward of {d.Delegator} with {d.Staker.Address}#{d.Staker.RegistrationNonce}");
                if (!expected.IsZero) Reach(d.Staker.IsPresent ? "pending > 0" : "pending > 0 (removed)");
            }
            if (_ref.PiecesCut > 0) Reach("window cut");
            foreach (var s in _l2.Staking.Incarnations)
            {
                Assert.AreEqual(_ref.Commission(s.RegistrationNonce), s.Commission.Unclaimed.ToBigInteger(), $"{ctx}: unclaimed commission of #{s.RegistrationNonce}");
                Assert.AreEqual(_ref.Debt(s.RegistrationNonce), s.Debt.ToBigInteger(), $"{ctx}: debt of #{s.RegistrationNonce}");
                if (!s.Debt.IsZero) Reach("debt");
                if (_ref.DebtWrittenOff(s.RegistrationNonce)) Reach("write-off");
            }
            Assert.AreEqual(_ref.Treasury, Balance(_treasury), $"{ctx}: treasury");
            Assert.AreEqual(_ref.TotalCredited - _ref.TotalPaid, Dist.RewardsHeld.ToBigInteger(), $"{ctx}: rewards held (credited − paid)");
            if (_ref.JailedShares > 0) Reach("jailed share");
            if (_ref.DebtNetted > 0) Reach("debt netted");
            var broken = _l2.CheckInvariants();
            Assert.AreEqual(0, broken.Count, $"{ctx}: {string.Join("; ", broken)}");
        }
    }
}
