using System.CommandLine;
using Morph.Protocol.Cli;

namespace Morph.Protocol.Tests.Cli;

/// <summary>The verb tree as a whole: help everywhere, shell completion, and tables drawn by Spectre.Console only
/// where ANSI codes are wanted.</summary>
[TestClass]
public sealed class CliShapeTests
{
    private static IEnumerable<string[]> Paths(Command command, string[] prefix)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] path = [.. prefix, sub.Name];
            yield return path;
            foreach (var p in Paths(sub, path)) yield return p;
        }
    }

    [TestMethod]
    public void Every_verb_has_help()
    {
        var root = MorphCli.Build(new CliContext(TextWriter.Null, TextWriter.Null, terminal: false));
        var paths = Paths(root, []).ToList();
        CollectionAssert.IsSubsetOf(
            new[] { "scenario", "scenario l1", "vectors", "vectors abi", "vectors bls", "check", "diagrams", "chain", "chain call", "chain send", "chain logs" },
            paths.Select(p => string.Join(' ', p)).ToList());
        foreach (var path in paths.Prepend([]))
        {
            var (exit, output, error) = CliTests.RunFull([.. path, "--help"]);
            Assert.AreEqual(0, exit, $"{string.Join(' ', path)} --help: {error}");
            StringAssert.Contains(output, "Usage:", string.Join(' ', path));
            StringAssert.Contains(output, "--style", "the global option reaches every verb");
        }
    }

    [TestMethod]
    public void The_suggest_directive_completes_verbs_options_and_contract_functions()
    {
        Assert.AreEqual("vectors", CliTests.RunFull("[suggest:3]", "vec").Output.Trim());
        CollectionAssert.AreEqual(new[] { "Auto", "Plain", "Rich" }, CliTests.RunFull("[suggest:8]", "--style ").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var line = "chain call L1Staking withdr";
        var functions = CliTests.RunFull($"[suggest:{line.Length}]", line).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.Contains(functions, "withdraw");
        CollectionAssert.DoesNotContain(functions, "getActiveStakers", "only the functions that match what is typed");
    }

    [TestMethod]
    public void Plain_output_has_no_ANSI_codes_and_the_plain_table_rule()
    {
        var (_, output, _) = CliTests.RunFull("scenario", "l1");
        Assert.IsFalse(output.Contains('\u001b'), "redirected output must not carry ANSI escape codes");
        Assert.IsFalse(output.Contains('╭'), "nor box-drawing borders");
        StringAssert.Contains(output, "| parameter               | value                   |\n|-------------------------|-------------------------|\n");
        Assert.IsFalse(output.Split('\n').Any(l => l.Length > 0 && l.Trim().Length == 0), "no whitespace-only lines (Spectre's blank border rows)");
        Assert.AreEqual(output, CliTests.RunFull("scenario", "l1", "--style", "plain").Output);
    }

    [TestMethod]
    public void Rich_output_is_Spectre_with_ANSI_when_asked()
    {
        var (exit, output, _) = CliTests.RunFull("scenario", "l1", "--style", "rich");
        Assert.AreEqual(0, exit);
        StringAssert.Contains(output, "\u001b[");
        StringAssert.Contains(output, "╭");
        StringAssert.Contains(output, "0x41cdd8fe2ea20d2463a4ee3e084dd4706fe6e39e804f8eb366b259ecdc9a9f1a");
    }
}
