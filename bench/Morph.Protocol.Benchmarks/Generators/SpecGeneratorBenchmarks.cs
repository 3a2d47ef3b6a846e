using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Morph.Protocol.Generators;

namespace Morph.Protocol.Benchmarks.Generators;

/// <summary>The generator over the real spec (15 files, 9 lifecycles, 10 contracts): a cold run, and the incremental
/// run after an edit of one lifecycle's description (only that lifecycle regenerates).</summary>
[MemoryDiagnoser]
public class SpecGeneratorBenchmarks
{
    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path => path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<AdditionalText> _texts;
    private GeneratorDriver _warm = null!;
    private AdditionalText _l1Old = null!, _l1New = null!;
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Morph.Protocol.sln"))) dir = dir.Parent;
        var spec = Path.Combine(dir!.FullName, "spec");
        _texts = Directory.EnumerateFiles(spec, "*.morph", SearchOption.AllDirectories).OrderBy(f => f)
            .Select(f => (AdditionalText)new Text(f, File.ReadAllText(f))).ToImmutableArray();
        _l1Old = _texts.Single(t => t.Path.EndsWith("l1-staking.morph"));
        _l1New = new Text(_l1Old.Path, _l1Old.GetText()!.ToString().Replace("may register once", "may register, once"));
        _compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText("namespace X { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _warm = Driver().RunGenerators(_compilation);
    }

    private GeneratorDriver Driver() => CSharpGeneratorDriver.Create([new SpecGenerator().AsSourceGenerator()], _texts);

    [Benchmark]
    public int ColdRun() => Driver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int IncrementalEditOfOneLifecycle()
    {
        // Alternate the edit so every invocation is a real change against the previous run.
        _flip = !_flip;
        _warm = _warm.ReplaceAdditionalText(_flip ? _l1Old : _l1New, _flip ? _l1New : _l1Old).RunGenerators(_compilation);
        return _warm.GetRunResult().GeneratedTrees.Length;
    }
}
