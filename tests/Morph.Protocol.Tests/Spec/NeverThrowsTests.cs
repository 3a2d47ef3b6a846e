using CsCheck;
using Morph.Protocol.Spec;
using Morph.Protocol.Spec.Diagnostics;
using Morph.Protocol.Spec.Syntax;

namespace Morph.Protocol.Tests.Spec;

/// <summary>The front end never throws, whatever the text, and every diagnostic points into the text at a
/// line and column that agree with its offset.</summary>
[TestClass]
public sealed class NeverThrowsTests
{
    private const string File = "f.morph";

    private static readonly string[] Vocabulary =
    {
        "namespace", "parameters", "lifecycle", "struct", "contract", "state", "guard", "on", "initial", "terminal",
        "when", "releases", "funds", "after", "lock", "waives", "slash", "function", "event", "extension", "indexed",
        "returns", "as", "query", "view", "pure", "payable", "nonpayable", "enum", "ratio", "bool", "true", "false",
        "uint8", "uint256", "address", "bytes", "bytes32", "string", "ether", "morph", "gwei", "A", "B", "L", "K", "x",
        "p", "0", "1", "1_000", "0x10", "1000001", "\"doc\"", "\"open", "{", "}", "(", ")", "[", "]", ";", ":", ",",
        "->", "|", "=", "/", ".", "-", "@", "//", "/*", "*/", "\n", " ", "\t", "\r\n",
    };

    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> Spec = new(RealSpecTests.SpecFiles);

    /// <summary>Parses and compiles <paramref name="text"/>; every diagnostic of it must lie in it.</summary>
    private static void Check(string text, IEnumerable<(string Path, string Text)>? others = null)
    {
        var (_, parseDs) = Parser.Parse(File, text);
        AssertInText(text, parseDs);
        var files = new List<(string, string)> { (File, text) };
        if (others != null) files.AddRange(others);
        var (_, ds) = SpecCompiler.Compile(files);
        AssertInText(text, ds.Where(d => d.Span.File == File));
        foreach (var d in ds) Assert.IsFalse(d.Message.StartsWith("internal", StringComparison.Ordinal), d.ToString());
    }

    private static void AssertInText(string text, IEnumerable<SpecDiagnostic> ds)
    {
        foreach (var d in ds)
        {
            var s = d.Span;
            Assert.IsTrue(s.Line >= 1 && s.Column >= 1, d.ToString());
            Assert.IsTrue(s.Offset >= 0 && s.Length >= 0 && s.Offset + s.Length <= text.Length, $"{d} offset {s.Offset}+{s.Length} of {text.Length}");
            int line = 1, col = 1;
            for (int i = 0; i < s.Offset; i++) { if (text[i] == '\n') { line++; col = 1; } else col++; }
            Assert.AreEqual((line, col), (s.Line, s.Column), $"line:column of offset {s.Offset} for {d}");
        }
    }

    [TestMethod]
    public void Random_strings()
    {
        Gen.String[0, 200].Sample(t => Check(t), iter: 1500);
        Gen.Char["{}();:,|=/.->\"a1_ \n"].Array[0, 120].Select(cs => new string(cs)).Sample(t => Check(t), iter: 1500);
    }

    [TestMethod]
    public void Token_soups()
    {
        Gen.OneOf(Vocabulary).Array[0, 80].Select(ts => string.Join(" ", ts)).Sample(t => Check(t), iter: 2000);
        // Without separators, so that tokens run into each other ("->" and "-" and ">" and "//").
        Gen.OneOf(Vocabulary).Array[0, 80].Select(ts => string.Concat(ts)).Sample(t => Check(t), iter: 1000);
    }

    private static readonly Gen<(int File, int Kind, int Position, int Length, string Insert)> Mutation =
        Gen.Select(Gen.Int[0, 14], Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[1, 40], Gen.OneOf(Vocabulary));

    private static string Apply(string text, (int File, int Kind, int Position, int Length, string Insert) m)
    {
        int at = m.Position % (text.Length + 1);
        return m.Kind switch
        {
            0 => text.Remove(at, Math.Min(m.Length, text.Length - at)),
            1 => text.Insert(at, m.Insert),
            _ => text.Substring(0, at),
        };
    }

    [TestMethod]
    public void Real_spec_files_with_deletions_insertions_and_truncations()
    {
        var spec = Spec.Value;
        Assert.AreEqual(18, spec.Count);
        // Up to three edits to one file, compiled with the rest of the spec (the binder sees a damaged whole).
        Gen.Select(Gen.Int[0, 14], Mutation.Array[1, 3]).Sample(x =>
        {
            var (index, edits) = x;
            var text = edits.Aggregate(spec[index].Text, Apply);
            Check(text, spec.Where((_, i) => i != index));
        }, iter: 600);
    }

    [TestMethod]
    public void Every_prefix_of_a_spec_file()
    {
        // Exhaustive over the prefixes of the smallest lifecycle file: every place a file can end.
        var text = Spec.Value.Single(f => f.Path.EndsWith("l1-staking.morph", StringComparison.Ordinal)).Text;
        for (int n = 0; n <= text.Length; n += 7) Check(text.Substring(0, n));
    }

    [TestMethod]
    public void Null_text_is_an_empty_file()
    {
        var (file, ds) = Parser.Parse(File, null!);
        Assert.AreEqual(0, ds.Count);
        Assert.AreEqual(0, file.Lifecycles.Count);
    }
}
