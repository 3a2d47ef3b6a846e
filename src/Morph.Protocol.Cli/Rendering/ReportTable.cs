using Spectre.Console;

namespace Morph.Protocol.Cli.Rendering;

/// <summary>A table of text cells drawn by Spectre.Console: <see cref="PlainBorder"/> when plain (the same
/// <c>| a | b |</c> rows as before, so output stays greppable), rounded borders with a bold header when rich.</summary>
internal sealed class ReportTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public ReportTable Row(params object?[] cells)
    {
        _rows.Add(cells.Select(c => c?.ToString() ?? "").ToArray());
        return this;
    }

    public void Print(CliOutput output, string? title = null)
    {
        if (title is not null) output.Heading(title);
        var table = new Table().Border(output.Rich ? TableBorder.Rounded : PlainBorder.Instance);
        // Cells are data, never markup: Text, not Markup, so '[' in a value is printed as is.
        foreach (var h in headers)
            table.AddColumn(new TableColumn(output.Rich ? new Text(h, new Style(decoration: Decoration.Bold)) : new Text(h)) { NoWrap = !output.Rich });
        foreach (var r in _rows)
            table.AddRow(headers.Select((_, i) => (Spectre.Console.Rendering.IRenderable)new Text(i < r.Length ? r[i] : "")).ToArray());
        if (output.Rich) output.Console.Write(table);
        else
        {
            // Spectre draws the (blank) top and bottom border rows too: plain output drops them.
            foreach (var line in output.Plain(table).Split('\n').Where(l => l.Trim().Length > 0)) output.Out.WriteLine(line.TrimEnd('\r'));
        }
        output.Out.WriteLine();
    }
}
