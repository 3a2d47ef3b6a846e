using Morph.Protocol.Simulation;

namespace Morph.Protocol.Tests.Simulation;

[TestClass]
public sealed class DefaultScenarioTests
{
    [TestMethod]
    public void The_default_run_reaches_every_event_with_every_invariant_held()
    {
        var run = new DefaultScenario(seed: 1, checkInvariants: true);
        run.Run();
        Console.WriteLine(string.Join("\n", run.Steps.Select(s => $"{s.L1Block,6} {s.L2Block,7}  {s.What}: {s.Result}")));
        Console.WriteLine(string.Join("\n", run.Network.ActorRefusals.Take(20)));
        Assert.AreEqual(0, run.Broken.Count, string.Join("\n", run.Broken));
        Assert.AreEqual(0, run.UnexpectedRefusals, string.Join("\n", run.Steps.Where(s => s.Result.StartsWith("refused"))));
    }
}
