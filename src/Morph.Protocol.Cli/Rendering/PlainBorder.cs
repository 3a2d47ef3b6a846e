using Spectre.Console;
using Spectre.Console.Rendering;

namespace Morph.Protocol.Cli.Rendering;

/// <summary>The plain tables' border: <c>| a | b |</c> rows and a <c>|---|---|</c> rule under the header, the format
/// this CLI always printed (and its tests and users grep). Spectre's own Markdown border pads the rule as
/// <c>| --- |</c>, which reads as a data row to <c>grep '^| '</c>. The top and bottom rows are blank here and dropped
/// by <see cref="ReportTable"/>.</summary>
internal sealed class PlainBorder : TableBorder
{
    public static PlainBorder Instance { get; } = new();

    public override string GetPart(TableBorderPart part) => part switch
    {
        TableBorderPart.HeaderLeft or TableBorderPart.HeaderSeparator or TableBorderPart.HeaderRight => "|",
        TableBorderPart.CellLeft or TableBorderPart.CellSeparator or TableBorderPart.CellRight => "|",
        TableBorderPart.HeaderBottomLeft or TableBorderPart.HeaderBottomSeparator or TableBorderPart.HeaderBottomRight => "|",
        TableBorderPart.HeaderBottom => "-",
        _ => " ",
    };
}
