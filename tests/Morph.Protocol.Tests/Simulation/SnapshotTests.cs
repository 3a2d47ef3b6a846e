using Morph.Protocol.Contracts;
using Morph.Protocol.Simulation;

namespace Morph.Protocol.Tests.Simulation;

/// <summary>A snapshot of the whole state restores to the same hash, and the restored network goes on exactly as the
/// original does (it is a copy, not a view: changing one changes nothing in the other).</summary>
[TestClass]
public sealed class SnapshotTests
{
    [TestMethod]
    public void A_snapshot_restores_to_the_same_hash_and_runs_on_alike()
    {
        var result = ScenarioRunner.Run(Path.Combine(TestPaths.Root, "scenarios", "halt.yaml"));
        Assert.IsTrue(result.Passed, result.Failure);
        var original = result.Network;
        var at = original.StateHash();
        var snapshot = Snapshot.Take(original);
        var restored = snapshot.Restore();
        Assert.AreEqual(at, restored.StateHash());

        void GoOn(Network n)
        {
            n.AdvanceL2(300);
            var alice = result.File.Holders["alice"];
            Assert.IsTrue(n.Staking(alice, new L2StakingContract.DelegateStakeCall(n.Staker(4).Address, 7 * DefaultScenario.Morph)).IsOk);
            n.SetLive(n.Staker(5).Address, false);
            n.AdvanceL2(300);
        }
        GoOn(original);
        Assert.AreNotEqual(at, original.StateHash(), "the run moved on");
        Assert.AreEqual(at, snapshot.Restore().StateHash(), "the snapshot is untouched by the original going on");
        GoOn(restored);
        Assert.AreEqual(original.StateHash(), restored.StateHash(), "the restored network runs on exactly as the original");
        Assert.AreEqual(0, restored.CheckInvariants().Count, string.Join("; ", restored.CheckInvariants()));
    }
}
