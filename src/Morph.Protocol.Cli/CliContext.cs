using System.CommandLine;
using Morph.Protocol.Cli.Rendering;

namespace Morph.Protocol.Cli;

/// <summary>What every verb shares: the writers it was given and the global <c>--style</c> option.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, bool terminal)
{
    public Option<OutputStyle> Style { get; } = new("--style")
    {
        Description = "How tables are drawn: auto (rich on a terminal, plain when redirected), plain (Markdown, no ANSI), rich (Spectre.Console, with ANSI)",
        DefaultValueFactory = _ => OutputStyle.Auto,
        // The parser's own message names the CLR type; this one names the choices.
        CustomParser = r => Enum.GetValues<OutputStyle>().Where(s => s.ToString().Equals(r.Tokens[0].Value, StringComparison.OrdinalIgnoreCase)).ToList() is [var s]
            ? s
            : ArgumentErrors.Fail<OutputStyle>(r, $"--style: '{r.Tokens[0].Value}' is not one of auto, plain, rich"),
        Recursive = true,
    };

    public CliOutput OutputFor(ParseResult result) => new(output, error, CliOutput.IsRich(result.GetValue(Style), terminal));
}
