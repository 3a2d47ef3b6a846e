using System.CommandLine;
using Morph.Protocol.Cli.Rendering;
using Morph.Protocol.Simulation;

namespace Morph.Protocol.Cli.Commands;

/// <summary><c>morph replay JOURNAL</c>: rebuilds the network from a journal written by <c>simulate --journal</c>, from
/// genesis, and prints the state hash. A journal cut inside an entry replays to its last whole entry and says how many
/// bytes were discarded; a corrupt entry stops the replay there and says which (exit 1).</summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("journal") { Description = "A journal written by 'morph simulate --journal'" }.AcceptExistingOnly();
        var command = new Command("replay", "Replay a journal from genesis and print the state hash; report a cut or corrupt tail") { file };
        command.SetAction(r => Run(context.OutputFor(r), r.GetValue(file)!.FullName));
        return command;
    }

    public static int Run(CliOutput output, string path)
    {
        using var reader = JournalReader.Open(path);
        Network network;
        int applied;
        try { network = Network.Replay(reader.ReadAll().Select(e => e.Payload), out applied); }
        catch (InvalidDataException e) { output.Error.WriteLine($"morph replay: {path}: {e.Message}"); return 2; }
        var end = reader.End!;
        new ReportTable("replay", "result")
            .Row("commands applied", applied)
            .Row("journal end", end.ToString())
            .Row("L1 block / L2 block", $"{network.L1.Block} / {network.L2?.Height ?? 0}")
            .Row("invariants", network.CheckInvariants() is { Count: 0 } ? "hold" : string.Join("; ", network.CheckInvariants()))
            .Row("state hash (both chains)", network.StateHash())
            .Print(output, $"Replay of {path}:");
        if (end.Kind != JournalEndKind.Clean) output.Error.WriteLine($"morph replay: {end}: replayed up to the last whole entry");
        return end.Kind == JournalEndKind.Corrupt ? 1 : 0;
    }
}
