using System.CommandLine;
using Morph.Protocol.Cli.Rendering;

namespace Morph.Protocol.Cli.Commands;

/// <summary><c>morph scenario [l1]</c>: the built-in scenarios. <c>l1</c> is the default, also of <c>morph</c> alone.</summary>
internal static class ScenarioCommand
{
    public static Command Create(CliContext context)
    {
        var l1 = new Command("l1", "Stakers register, batches are signed and committed, a challenge is lost, the signers are slashed, withdrawals are claimed; every step as tables, then the final state hash. Exit 1 if an invariant breaks or a step is refused unexpectedly.");
        l1.SetAction(r => RunL1(context.OutputFor(r)));
        var scenario = new Command("scenario", "Run a built-in scenario (default: l1)") { l1 };
        scenario.SetAction(r => RunL1(context.OutputFor(r)));
        return scenario;
    }

    public static int RunL1(CliOutput output) => new Scenario.L1Scenario(output).Run();
}
