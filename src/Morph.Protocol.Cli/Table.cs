namespace Morph.Protocol.Cli;

/// <summary>A plain text table: columns sized to their widest cell, a rule under the header.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Row(params object?[] cells)
    {
        _rows.Add(cells.Select(c => c?.ToString() ?? "").ToArray());
        return this;
    }

    public void Print(TextWriter w, string? title = null)
    {
        if (title is not null) w.WriteLine(title);
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        string Line(IReadOnlyList<string> cells) => "| " + string.Join(" | ", widths.Select((wd, i) => (i < cells.Count ? cells[i] : "").PadRight(wd))) + " |";
        w.WriteLine(Line(headers));
        w.WriteLine("|" + string.Join("|", widths.Select(wd => new string('-', wd + 2))) + "|");
        foreach (var r in _rows) w.WriteLine(Line(r));
        w.WriteLine();
    }
}
