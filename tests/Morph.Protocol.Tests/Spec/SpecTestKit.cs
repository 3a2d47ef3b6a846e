using Morph.Protocol.Spec;
using Morph.Protocol.Spec.Diagnostics;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Tests.Spec;

/// <summary>Compiles spec text and asserts diagnostics by id, position and message.</summary>
internal static class SpecTestKit
{
    public static (SpecModel Model, IReadOnlyList<SpecDiagnostic> Diagnostics) Compile(string text, string path = "t.morph") =>
        SpecCompiler.Compile(new[] { (path, text) });

    /// <summary>The 1-based line and column of the n-th (1-based) occurrence of <paramref name="needle"/>.</summary>
    public static (int Line, int Column) At(string text, string needle, int occurrence = 1)
    {
        int index = -1;
        for (int i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            if (index < 0) throw new ArgumentException($"'{needle}' occurs fewer than {occurrence} times");
        }
        int line = 1, col = 1;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n') { line++; col = 1; } else col++;
        }
        return (line, col);
    }

    public static string Show(IEnumerable<SpecDiagnostic> ds) => string.Join("\n", ds.Select(d => d.ToString()));

    /// <summary>Exactly one diagnostic, with this id, position and message fragment.</summary>
    public static SpecDiagnostic Single(IReadOnlyList<SpecDiagnostic> ds, string id, (int Line, int Column) at, string message)
    {
        Assert.AreEqual(1, ds.Count, "expected exactly one diagnostic, got:\n" + Show(ds));
        return Has(ds, id, at, message);
    }

    /// <summary>A diagnostic with this id, position and message fragment is among <paramref name="ds"/>.</summary>
    public static SpecDiagnostic Has(IReadOnlyList<SpecDiagnostic> ds, string id, (int Line, int Column) at, string message)
    {
        var d = ds.FirstOrDefault(d => d.Id == id && d.Span.Line == at.Line && d.Span.Column == at.Column);
        Assert.IsNotNull(d, $"no {id} at {at.Line}:{at.Column}; got:\n" + Show(ds));
        StringAssert.Contains(d.Message, message, "message of " + d);
        return d;
    }
}
