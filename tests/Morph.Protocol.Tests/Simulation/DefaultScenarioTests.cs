using Morph.Protocol.Simulation;

namespace Morph.Protocol.Tests.Simulation;

/// <summary>The whole network on the default run: every event it is built to reach, invariants after every 100 L2
/// blocks; determinism by seed; a journal of its commands replays to the same hash, and a journal cut in the middle of
/// an entry replays to the last whole one, saying so.</summary>
[TestClass]
public sealed class DefaultScenarioTests
{
    private static (DefaultScenario Run, List<byte[]> Journal) Run(int seed, bool invariants = false)
    {
        var run = new DefaultScenario(seed, checkInvariants: invariants);
        var journal = new List<byte[]>();
        run.Network.Recorder = journal.Add;
        run.Run();
        return (run, journal);
    }

    [TestMethod]
    public void The_default_run_reaches_every_event_with_every_invariant_held()
    {
        var (run, _) = Run(1, invariants: true);
        Assert.AreEqual(0, run.Broken.Count, string.Join("\n", run.Broken));
        Assert.AreEqual(0, run.UnexpectedRefusals, string.Join("\n", run.Steps.Where(s => s.Result.StartsWith("refused"))));
        Assert.IsTrue(run.InvariantChecks > 150, $"{run.InvariantChecks} checks");
        var n = run.Network;
        Assert.IsTrue(n.L2!.LastClosedEpoch >= 25, $"epochs closed: {n.L2.LastClosedEpoch}");
        Assert.AreEqual(Morph.Protocol.L1.RollupModeState.Bls, n.L1.Rollup.State);
        Assert.AreEqual(5, n.L1.Staking.Stakers.Count(s => s.IsSlashed), "the five signers of the fraudulent batch");
        Assert.IsTrue(run.Steps.Any(s => s.Result.StartsWith("jailed in epoch")), "a jailing for inactivity");
        Assert.IsTrue(run.Steps.Any(s => s.What.StartsWith("claimWithdrawal") && s.Result == "ok"));
        Assert.IsTrue(n.L2.Distribution.RewardsPaid > Morph.Protocol.Primitives.UInt256.Zero && n.L2.Distribution.CommissionPaid > Morph.Protocol.Primitives.UInt256.Zero);
        Assert.AreEqual(0, n.ActorRefusals.Count, string.Join("\n", n.ActorRefusals));
    }

    [TestMethod]
    public void The_same_seed_gives_the_same_hash_and_another_seed_another()
    {
        var a = Run(7).Run.Network.StateHash();
        Assert.AreEqual(a, Run(7).Run.Network.StateHash());
        Assert.AreNotEqual(a, Run(8).Run.Network.StateHash());
    }

    [TestMethod]
    public void A_journal_replays_to_the_same_hash_and_a_cut_one_to_its_last_whole_entry()
    {
        var (run, entries) = Run(3);
        var path = Path.Combine(Path.GetTempPath(), $"morph-journal-{Guid.NewGuid():N}.mjrn");
        try
        {
            using (var journal = Journal.Open(path)) foreach (var e in entries) journal.Append(e);
            Assert.AreEqual(run.Network.StateHash(), Replay(path, run.Network.Options, out var end, out var applied));
            Assert.AreEqual(JournalEndKind.Clean, end.Kind);
            Assert.AreEqual(entries.Count, applied);

            // Cut in the middle of the last entry: replay stops at the entry before it and says so.
            var length = new FileInfo(path).Length;
            using (var f = File.Open(path, FileMode.Open)) f.SetLength(length - 3);
            var partial = new Network(run.Network.Options);
            foreach (var e in entries.Take(entries.Count - 1)) Assert.IsTrue(partial.Apply(e));
            Assert.AreEqual(partial.StateHash(), Replay(path, run.Network.Options, out end, out applied));
            Assert.AreEqual(JournalEndKind.Cut, end.Kind, end.ToString());
            Assert.AreEqual(entries.Count - 1, applied);
            Assert.IsTrue(end.DiscardedBytes > 0);
        }
        finally { File.Delete(path); }
    }

    private static Morph.Protocol.Primitives.Bytes32 Replay(string path, SimulationOptions options, out JournalEnd end, out int applied)
    {
        var network = new Network(options);
        applied = 0;
        using var reader = JournalReader.Open(path);
        foreach (var entry in reader.ReadAll())
        {
            Assert.IsTrue(network.Apply(entry.Payload), $"entry {entry.Index} did not apply");
            applied++;
        }
        end = reader.End!;
        return network.StateHash();
    }

    [TestMethod]
    public void The_options_entry_carries_every_parameter_knob_and_holder()
    {
        var options = new SimulationOptions
        {
            Seed = 42, L2BlocksPerL1Block = 3, BatchL2Blocks = 7, RecordEvery = 5, DevnetStakers = 4, Faults = RelayFaults.Chaotic,
            Parameters = ProtocolParameters.Devnet with { SequencerSetMaxSize = 4, SignatureQuorum = new(3, 5), RewardSource = RewardSource.Funded, MaxDebt = Morph.Protocol.Primitives.UInt256.MaxValue },
            Holders = [(Morph.Protocol.Primitives.Address.Parse("0x00000000000000000000000000000000000000aa"), 12_345)],
        };
        var decoded = OptionsCodec.Decode(OptionsCodec.Encode(options));
        Assert.AreEqual(options.Parameters, decoded.Parameters);
        Assert.AreEqual(options with { Holders = [], Parameters = decoded.Parameters }, decoded with { Holders = [] });
        CollectionAssert.AreEqual(options.Holders.ToArray(), decoded.Holders.ToArray());
        var replayed = Network.Replay([new Network(options).OptionsEntry()], out var applied);
        Assert.AreEqual(0, applied);
        Assert.AreEqual(new Network(options).StateHash(), replayed.StateHash());
    }
}
