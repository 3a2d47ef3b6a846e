using Spectre.Console;

namespace Morph.Protocol.Cli.Rendering;

/// <summary>How tables are drawn: <c>auto</c> picks <c>rich</c> on a terminal and <c>plain</c> otherwise.</summary>
public enum OutputStyle { Auto, Plain, Rich }

/// <summary>Where a verb writes. Plain output (pipes, files, tests, CI) is Markdown-style tables with no ANSI codes and
/// no wrapping, so it can be diffed and grepped; rich output is Spectre's boxed, coloured tables, sized to the
/// terminal.</summary>
public sealed class CliOutput
{
    // Wide enough that a plain table (a 66-character hash beside a label) is never wrapped by Spectre's layout.
    private const int PlainWidth = 4096;

    public CliOutput(TextWriter output, TextWriter error, bool rich)
    {
        Out = output;
        Error = error;
        Rich = rich;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = rich ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = rich ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Spectre would take a redirected writer as 80 columns wide; rich output follows the real terminal.
        Console.Profile.Width = rich ? TerminalWidth() : PlainWidth;
    }

    // A pseudo-terminal may report no width at all; 120 columns then, as Spectre does for a pipe it is told to colour.
    private static int TerminalWidth() => !System.Console.IsOutputRedirected && System.Console.WindowWidth > 0 ? System.Console.WindowWidth : 120;

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public bool Rich { get; }
    public IAnsiConsole Console { get; }

    public static bool IsRich(OutputStyle style, bool terminal) => style switch
    {
        OutputStyle.Rich => true,
        OutputStyle.Plain => false,
        // NO_COLOR (no-color.org) asks for plain output even on a terminal.
        _ => terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    };

    /// <summary>A renderable as plain text: no ANSI codes, never wrapped.</summary>
    public string Plain(Spectre.Console.Rendering.IRenderable renderable)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = PlainWidth;
        console.Write(renderable);
        return text.ToString();
    }

    /// <summary>A heading line: bold on a terminal, as is otherwise.</summary>
    public void Heading(string text)
    {
        if (Rich) Console.MarkupLine($"[bold]{Markup.Escape(text)}[/]");
        else Out.WriteLine(text);
    }
}
