using Morph.Protocol.L1;
using static Morph.Protocol.Tests.L1.TestNet;

namespace Morph.Protocol.Tests.L1;

/// <summary>Entity hosts (stakers, batches, challenges) decide through the generated static transition function: no
/// Stateless machine is built for them, and a decision allocates nothing (issue 15, "cheap entities").</summary>
[TestClass]
public sealed class EntityHostTests
{
    [TestMethod]
    public void A_staker_decides_and_fires_without_a_machine_and_without_allocating()
    {
        var net = Create(3);
        var staker = net.Staking.Find(Staker(1).Address)!;
        for (int i = 0; i < 100; i++) staker.CanFireWithdraw(1, out _);   // warm up (JIT)
        var before = GC.GetAllocatedBytesForCurrentThread();
        bool allowed = true;
        for (int i = 0; i < 10_000; i++) allowed &= staker.CanFireWithdraw(1, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.IsTrue(allowed);
        Assert.AreEqual(0, allocated, "bytes allocated by 10,000 decisions");

        Ok(net.Withdraw(staker.Address));
        Assert.AreEqual(L1StakerState.Exiting, staker.State);
        var machine = typeof(L1Staker).GetField("_lifecycle", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        Assert.IsNull(machine.GetValue(staker), "no Stateless machine was built for the entity");
    }

    [TestMethod]
    public void The_rollup_a_singleton_runs_on_its_Stateless_machine()
    {
        var net = Create(3);
        ToBls(net);
        var machine = typeof(Morph.Protocol.L1.Rollup.Rollup).GetField("_lifecycle", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        Assert.IsNotNull(machine.GetValue(net.Rollup), "RollupMode is declared singleton: its host keeps the machine (and its transition events)");
    }
}
