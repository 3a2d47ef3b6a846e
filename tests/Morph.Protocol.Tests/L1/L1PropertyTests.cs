using CsCheck;
using Morph.Protocol.Contracts;
using Morph.Protocol.Devnet;
using Morph.Protocol.L1;
using Morph.Protocol.L1.Messaging;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using static Morph.Protocol.Tests.L1.TestNet;

namespace Morph.Protocol.Tests.L1;

/// <summary>Random sequences of every L1 operation, with a relay that delays, duplicates and reorders messages.
/// After every step: ETH conservation (invariant 1), stakes whole and nobody slashed twice (3), a refused operation
/// changed nothing (6), latestSequencerSet registered and BLS liveness (7), nothing paid before its lock; at the end,
/// once every message is delivered in any order, L2's stakers equal L1's Active stakers in canonical order (5).</summary>
[TestClass]
public sealed class L1PropertyTests
{
    public readonly record struct Op(int Kind, int A, int B)
    {
        public override string ToString() => $"{(Kind < Names.Length ? Names[Kind] : "?")}({A},{B})";
    }

    private static readonly string[] Names =
        ["Whitelist", "Register", "Withdraw", "OwnerRemove", "Claim", "Advance", "Relay", "Genesis", "EnableBls",
         "Commit", "Challenge", "Prove", "Settle", "Finalize", "ClaimReward", "LongAdvance", "Calldata"];

    private const int Stakers = 7;

    // Commits, challenges, settlements and time weigh more: they are where slashing and claims interact.
    private static readonly Gen<int> KindGen = Gen.Frequency(
        (2, Gen.Const(0)), (2, Gen.Const(1)), (2, Gen.Const(2)), (2, Gen.Const(3)), (4, Gen.Const(4)), (2, Gen.Const(5)), (2, Gen.Const(15)), (1, Gen.Const(6)), (1, Gen.Int[7, 8]), (4, Gen.Const(9)),
        (2, Gen.Const(10)), (1, Gen.Const(11)), (2, Gen.Const(12)), (2, Gen.Const(13)), (1, Gen.Const(14)), (2, Gen.Const(16)));

    private static readonly Gen<Op> OpGen = Gen.Select(KindGen, Gen.Int[0, 255], Gen.Int[0, 1_000], (k, a, b) => new Op(k, a, b));

    /// <summary>Where a sequence starts: empty, 5 stakers registered, after genesis (pre-BLS), or in BLS mode.</summary>
    private static readonly Gen<(int Prelude, Op[] Ops)> Sequences = Gen.Select(Gen.Int[0, 3], OpGen.Array[10, 50]);

    [TestMethod]
    public void Invariants_hold_across_random_L1_sequences_with_a_chaotic_relay() =>
        Sequences.Sample(t => Run(t.Prelude, t.Ops, Params(x: 3)), iter: 80, threads: 1);

    /// <summary>Durations near 2^64, amounts near 2^256 and a clock near the last block (PROTOCOL.md 1b: "Arithmetic
    /// never wraps"), with calldata whose integers lie beyond the model's (invariant 6): no operation throws, and a
    /// refused one leaves the state as time alone left it.</summary>
    private static readonly Gen<(ProtocolParameters Parameters, ulong Start)> Extremes =
        Gen.Select(Gen.Int[0, 3].Array[7], Gen.Int[0, 2], ExtremeParameters);

    private static (ProtocolParameters Parameters, ulong Start) ExtremeParameters(int[] pick, int start)
        {
            static ulong Blocks(int k, ulong normal) => k switch { 0 => normal, 1 => 1UL << 62, 2 => ulong.MaxValue - 7, _ => ulong.MaxValue };
            var fp = pick[0] < 2 ? 150UL : 1UL << 62;
            var pw = pick[1] < 2 ? 600UL : 1UL << 61;
            var floor = (UInt128)fp + pw + 2 + 1;
            var lockBlocks = (ulong)UInt128.Max(floor, Blocks(pick[2], 1_200));
            var eth = (UInt256)1_000_000_000_000_000_000UL;
            var amount = new[] { eth, eth, UInt256.MaxValue / 8, UInt256.MaxValue - 1 };
            var p = Params(x: 3, unrestakingDelay: Blocks(pick[3], 0)) with
            {
                FinalizationPeriod = fp, ProofWindow = pw, WithdrawalLockBlocks = lockBlocks,
                StakingValue = amount[pick[4]], ChallengeDeposit = amount[pick[5]],
                RollupRotationBlocks = Blocks(pick[6], 300), BatchTimeoutBlocks = pick[6] == 0 ? 100UL : 1UL << 40,
            };
            return (p, start switch { 0 => 1UL, 1 => (1UL << 63) + 5, _ => ulong.MaxValue - 5_000 });
        }

    [TestMethod]
    public void No_operation_throws_or_half_applies_with_extreme_parameters_and_calldata() =>
        Gen.Select(Extremes, Sequences).Sample(t => Run(t.Item2.Prelude, t.Item2.Ops, t.Item1.Parameters, t.Item1.Start, strict: false),
            iter: 100, threads: 1);

    /// <summary>The same property over fixed sequences (System.Random with a fixed seed, so it cannot flake), asserting
    /// that the extremes do not just refuse everything: the operations that start locks and delays, and the
    /// settlement, do apply.</summary>
    [TestMethod]
    public void Extreme_sequences_from_a_fixed_seed_reach_the_operations_that_start_locks()
    {
        var reached = new Dictionary<string, int>();
        var rng = new Random(20261129);
        for (int i = 0; i < 100; i++)
        {
            var (p, start) = ExtremeParameters(Enumerable.Range(0, 7).Select(_ => rng.Next(4)).ToArray(), rng.Next(3));
            var ops = RandomOps(rng, [2, 2, 2, 2, 4, 2, 1, 1, 1, 4, 4, 1, 5, 2, 2, 4, 2]);
            Run(rng.Next(4), ops, p, start, reached, strict: false);
        }
        foreach (var path in new[] { "Register", "Withdraw", "Genesis", "Commit", "Challenge", "Settle" })
            Assert.IsTrue(reached.GetValueOrDefault(path) > 0, $"no sequence applied {path}: {string.Join(", ", reached)}");
    }

    /// <summary>The same property over a fixed set of sequences (System.Random with a fixed seed, drawn with the same
    /// weights), asserting that they reach every path that matters: a property that never settles a challenge or pays
    /// a claim would prove little. Deterministic, so it cannot flake.</summary>
    [TestMethod]
    public void Fixed_sequences_reach_every_path_and_keep_the_invariants()
    {
        var reached = new Dictionary<string, int>();
        var rng = new Random(20261125);
        for (int i = 0; i < 120; i++)
        {
            var ops = RandomOps(rng, [2, 2, 2, 2, 4, 2, 1, 1, 1, 4, 2, 2, 2, 2, 2, 2]); // by kind, close to KindGen (proofs and claims a little more)
            var prelude = rng.Next(4);
            var p = Params(x: 3, unrestakingDelay: (ulong)(i % 3 == 0 ? 700 : 0));
            var hash = Run(prelude, ops, p, reached: reached);
            // Deterministic: the same sequence again gives the same state hash.
            if (i % 10 == 0) Assert.AreEqual(hash, Run(prelude, ops, p), $"sequence {i} is not deterministic");
        }
        foreach (var path in new[] { "Register", "Withdraw", "OwnerRemove", "Claim", "Genesis", "EnableBls", "Commit", "Challenge", "Settle", "Prove", "Finalize", "ClaimReward" })
            Assert.IsTrue(reached.GetValueOrDefault(path) > 0, $"no sequence applied {path}: {string.Join(", ", reached)}");
    }

    /// <summary>10 to 50 operations drawn with System.Random by the given weights per kind.</summary>
    private static Op[] RandomOps(Random rng, int[] weights) =>
        Enumerable.Range(0, rng.Next(10, 51)).Select(_ =>
        {
            int pick = rng.Next(weights.Sum()), kind = 0;
            while (pick >= weights[kind]) pick -= weights[kind++];
            return new Op(kind, rng.Next(256), rng.Next(1_001));
        }).ToArray();

    [TestMethod]
    public void Invariants_hold_with_a_restaking_withdrawal_queue() =>
        Sequences.Sample(t => Run(t.Prelude, t.Ops, Params(x: 3, unrestakingDelay: 700)), iter: 30, threads: 1);

    /// <summary>Runs one sequence. <paramref name="strict"/>: the prelude must succeed (with extreme amounts a
    /// registration may be refused for overflow, and then genesis for too few stakers).</summary>
    private static Bytes32 Run(int prelude, Op[] ops, ProtocolParameters parameters, ulong start = 1, Dictionary<string, int>? reached = null, bool strict = true)
    {
        var proofs = new ModelProofSystem();
        var net = new L1Network(parameters, proofs: proofs);
        net.AdvanceTo(start);
        TxResult Prelude(TxResult r) => strict ? Ok(r) : r;
        if (prelude >= 1) for (int i = 1; i <= 5; i++) { Prelude(net.UpdateWhitelist(Owner, [Staker(i).Address], [])); Prelude(Staker(i).Register(net).Result); }
        if (prelude >= 2) Prelude(net.MarkL2Genesis(Owner));
        if (prelude >= 3) { Advance(net, 1); Prelude(net.EnableBls(Owner)); }
        var delivered = new List<L1ToL2Message>();
        var rng = new Random(ops.Length);
        foreach (var op in ops)
        {
            net.AdvanceTo(net.Block); // apply what time made due, so the hash below isolates the operation
            var before = net.StateHash();
            var lockEnds = net.Staking.Stakers.ToDictionary(s => s.Address, s => s.LockEnds);
            var payments = net.Staking.Payments.Count;
            var r = Apply(net, proofs, op, rng);
            if (r is { IsOk: true } && reached is not null) reached[Names[op.Kind]] = reached.GetValueOrDefault(Names[op.Kind]) + 1;
            if (r is { IsOk: false }) Assert.AreEqual(before, net.StateHash(), $"{op} refused with {r.Error} but changed the state");
            var broken = net.CheckInvariants();
            Assert.AreEqual(0, broken.Count, $"after {op}: {string.Join("; ", broken)}");
            foreach (var (to, amount) in net.Staking.Payments.Skip(payments))
            {
                // The receiver is the claimer itself here.
                Assert.AreEqual(net.Parameters.StakingValue, amount, "a stake leaves whole");
                Assert.IsTrue(lockEnds[to] is { } end && end.IsReachedAt(net.Block), $"{to} paid before its lock");
            }
        }
        // Deliver every message, in a random order, some twice: L2 converges to L1.
        Advance(net, net.Parameters.L1MessageConfirmations);
        var all = net.Messenger.Sent.ToList();
        foreach (var m in all.OrderBy(_ => rng.Next()).Concat(all.Where(_ => rng.Next(3) == 0))) net.L2.Deliver(m);
        Assert.AreEqual(net.Messenger.LastNonce, net.L2.LastApplied);
        var l2 = net.L2.Stakers.Select(s => s.Address).ToList();
        CollectionAssert.AreEqual(net.Staking.ActiveStakers.Select(s => s.Address).ToList(), l2, "invariant 5");
        Assert.AreEqual(0, net.CheckInvariants(allRelayed: true).Count);
        return net.StateHash();
    }

    /// <summary>Moves time forward by up to <paramref name="blocks"/>, stopping at the last block.</summary>
    private static void Advance(L1Network net, ulong blocks) => net.AdvanceBy(Math.Min(blocks, ulong.MaxValue - net.Block));

    private static Address Who(int a) => a % 8 == 7 ? Outsider : Staker(a % Stakers + 1).Address;

    private static TxResult? Apply(L1Network net, ModelProofSystem proofs, Op op, Random rng)
    {
        var s = Staker(op.A % Stakers + 1);
        var rollup = net.Rollup;
        Batch? Target() => rollup.LastCommitted > rollup.LastFinalized
            ? rollup.BatchAt(rollup.LastFinalized + 1 + (ulong)op.B % (rollup.LastCommitted - rollup.LastFinalized)) : null;
        // Proofs and settlements aim at a challenged batch when there is one (any batch otherwise, to be refused).
        Batch? Challenged()
        {
            var open = rollup.Batches.Where(b => b.State == BatchState.Challenged).ToList();
            return open.Count > 0 ? open[op.B % open.Count] : Target();
        }
        Address Claimer()
        {
            var due = net.Ledger.Claimables.Where(c => !c.Value.IsZero).Select(c => c.Key).OrderBy(a => a).ToList();
            return due.Count > 0 && op.B % 4 != 0 ? due[op.A % due.Count] : Who(op.A);
        }
        switch (op.Kind)
        {
            case 0: return net.UpdateWhitelist(Owner, [s.Address], []);
            case 1:
            {
                var listed = net.Staking.Stakers.Where(x => x.State == L1StakerState.Whitelisted).Select(x => x.Address).OrderBy(a => a).ToList();
                var who = listed.Count > 0 && op.B % 4 != 0 ? Enumerable.Range(1, Stakers).Select(Staker).First(x => x.Address == listed[op.A % listed.Count]) : s;
                return who.Register(net).Result;
            }
            case 2: return net.Withdraw(s.Address);
            case 3: return net.OwnerRemove(Owner, [s.Address]);
            case 4:
            {
                // Aim at an Exiting staker when there is one.
                var exiting = net.Staking.Stakers.Where(x => x.State == L1StakerState.Exiting).OrderBy(x => x.Address).ToList();
                var who = exiting.Count > 0 && op.B % 4 != 0 ? exiting[op.A % exiting.Count].Address : s.Address;
                return net.ClaimWithdrawal(who, who);
            }
            case 5: Advance(net, (ulong)op.B); return null;
            case 15: Advance(net, (ulong)UInt128.Min((UInt128)net.Parameters.WithdrawalLockBlocks + (ulong)op.B % 100, ulong.MaxValue)); return null; // past a lock
            case 16:
            {
                // Calldata whose integers may lie beyond the model's: refused with a typed error, never thrown.
                var index = (op.B % 5) switch
                {
                    0 => (UInt256)(rollup.LastCommitted + 1), 1 => UInt256.One << 64, 2 => (UInt256.One << 64) + (ulong)op.A,
                    3 => UInt256.MaxValue, _ => (UInt256)(ulong)op.A,
                };
                var small = (ulong)(op.B % 5 == 4 ? (ulong)op.A : ulong.MaxValue - (ulong)op.A);
                IContractCall call = (op.A % 5) switch
                {
                    0 => new RollupContract.ProveBatchCall(index, ByteString.Empty),
                    1 => new RollupContract.SettleChallengeCall(index),
                    2 => new RollupContract.FinalizeBatchIndexCall(index),
                    3 => new RollupContract.CommitSignedBatchCall(index, Keccak256.HashUtf8($"cd-{op.B}"), new ValueArray<Address>([]), index, ByteString.Empty),
                    _ => new RollupContract.ChallengeStateCall(small, rollup.BatchAt(small)?.Hash ?? Bytes32.Zero),
                };
                var value = op.A % 5 == 4 ? (op.B % 2 == 0 ? UInt256.MaxValue : net.Parameters.ChallengeDeposit) : UInt256.Zero;
                return net.Execute(new L1Transaction(Who(op.A), net.Genesis.RollupAddress, value, ByteString.From(call.Encode())));
            }
            case 6:
                // Delayed (only part of what is relayable), reordered and duplicated.
                var ready = net.Messenger.Relayable(net.Block, net.Parameters.L1MessageConfirmations).ToList();
                foreach (var m in ready.Where(_ => rng.Next(4) != 0).OrderBy(_ => rng.Next()).ToList()) { net.L2.Deliver(m); if (rng.Next(3) == 0) net.L2.Deliver(m); }
                return null;
            case 7: return net.MarkL2Genesis(Owner);
            case 8: return net.EnableBls(Owner);
            case 9:
            {
                var index = rollup.LastCommitted + 1;
                var hash = Keccak256.HashUtf8($"batch-{index}-{op.A}-{op.B}");
                if (op.B % 3 == 0) proofs.MarkFraudulent(hash);
                IReadOnlyList<Address>? change = null;
                if (op.B % 4 == 1)
                    change = net.Staking.Stakers.Where(x => x.IsRegistered && ((op.A >> (int)(x.RegistrationNonce % 8)) & 1) == 1)
                        .OrderBy(x => x.RegistrationNonce).Take(net.Parameters.SequencerSetMaxSize).Select(x => x.Address).ToList();
                if (rollup.State == RollupModeState.PreBls)
                    return net.CommitBatch(s.Address, new BatchCommit(index, hash, change));
                var members = rollup.LatestSequencerSet;
                var signers = Enumerable.Range(1, Stakers).Select(Staker)
                    .Where(m => members.Contains(m.Address) && !net.Staking.Find(m.Address)!.IsSlashed && ((op.A >> (m.Number % 8)) & 1) == 1).ToList();
                if (signers.Count == 0) signers = Enumerable.Range(1, Stakers).Select(Staker).Where(m => members.Contains(m.Address)).Take(1).ToList();
                var (bitmap, sig) = signers.Count > 0 ? DevnetStaker.SignBatch(net, signers, members, index, hash, change) : (UInt256.Zero, ByteString.Empty);
                var slot = rollup.SlotAt(net.Block);
                var sender = slot.Scheduled is { } who && net.Block < slot.SlotStart + net.Parameters.BatchTimeoutBlocks && op.B % 5 != 0 ? who : Outsider;
                return net.CommitBatch(sender, new BatchCommit(index, hash, change, bitmap, sig));
            }
            case 10: return Target() is { } t ? net.ChallengeBatch(Who(op.A), op.B % 7 == 0 ? UInt256.One : net.Parameters.ChallengeDeposit, t.Index) : null;
            case 11: return Challenged() is { } p ? net.ProveBatch(Who(op.A), p.Index, ModelProofSystem.ProofOf(p.Index, p.Hash, p.SetChangeHash)) : null;
            case 12: return Challenged() is { } q ? net.SettleChallenge(Who(op.A), q.Index) : null;
            case 13: return net.FinalizeBatch(Who(op.A), rollup.LastFinalized + 1);
            case 14: { var c = Claimer(); return net.ClaimReward(c, c); }
            default: return null;
        }
    }
}
