extern alias generators;

using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecAnalyzer = generators::Morph.Protocol.Generators.Analysis.SpecAnalyzer;
using SpecGenerator = generators::Morph.Protocol.Generators.SpecGenerator;

namespace Morph.Protocol.Tests.Generators;

/// <summary>An additional file held in memory (a .morph file handed to the generator).</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);
    public override string Path { get; } = path;
    public string Text { get; } = text;
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Runs the spec generator in memory over a compilation that references the Lifecycles, Model and Contracts assemblies, Stateless
/// and the runtime.</summary>
internal static class GeneratorKit
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtime = tpa.Where(p =>
        {
            var name = Path.GetFileName(p);
            return name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "mscorlib.dll" or "netstandard.dll";
        });
        var extra = new[]
        {
            typeof(Morph.Protocol.Lifecycles.LifecycleTransition).Assembly.Location,
            // The model: the rule enum (ProtocolRule) the MorphRuleType tests name.
            typeof(Morph.Protocol.Transactions.ProtocolRule).Assembly.Location,
            typeof(Morph.Protocol.Contracts.ContractInfo).Assembly.Location,
            typeof(Stateless.StateMachine<,>).Assembly.Location,
        };
        return runtime.Concat(extra).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create("Morph.Protocol.Tests.Generated",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Host{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(params AdditionalText[] texts) => Driver(null, texts);

    /// <summary>A driver whose build sets MorphRuleType (the enum the spec's rules name), as the model's project does.</summary>
    public static GeneratorDriver Driver(string? ruleType, params AdditionalText[] texts) =>
        CSharpGeneratorDriver.Create(new[] { new SpecGenerator().AsSourceGenerator() }, texts, ParseOptions,
            ruleType is null ? null : new BuildProperties(new Dictionary<string, string> { ["build_property." + SpecGenerator.RuleTypeProperty] = ruleType }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public const string ProtocolRuleType = "Morph.Protocol.Transactions.ProtocolRule";

    /// <summary>A driver whose build sets the given properties (MorphNamespace, MorphRuleType, …).</summary>
    public static GeneratorDriver DriverWith(IReadOnlyDictionary<string, string> properties, params AdditionalText[] texts) =>
        CSharpGeneratorDriver.Create(new[] { new SpecGenerator().AsSourceGenerator() }, texts, ParseOptions,
            new BuildProperties(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value)),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the driver (for the next incremental run), the output compilation and
    /// the generator's own diagnostics.</summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }

    /// <summary>The spec analyzer's diagnostics (MPS*) over the spec files, as a build reports them: the generator
    /// reports none of them.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, params AdditionalText[] texts) =>
        compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SpecAnalyzer()),
                new AnalyzerOptions(ImmutableArray.Create(texts)))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();

    public static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    public static ImmutableArray<Diagnostic> Errors(Compilation c) =>
        c.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    public static string Show(IEnumerable<Diagnostic> ds) => string.Join("\n", ds.Select(d => d.ToString()));

    /// <summary>The outputs of a tracked step, flattened over its runs.</summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver, string step) =>
        Result(driver).TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(r => r.Outputs).ToList()
            : throw new AssertFailedException($"step '{step}' did not run; steps: {string.Join(", ", Result(driver).TrackedSteps.Keys)}");

    public static bool IsReused(IncrementalStepRunReason r) => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;
}

/// <summary>Compares generated text with files checked in under Generators/Snapshots; MORPH_UPDATE_SNAPSHOTS=1
/// (re)writes them instead.</summary>
internal static class Snapshot
{
    public static string Directory => Path.Combine(TestPaths.Root, "tests", "Morph.Protocol.Tests", "Generators", "Snapshots");

    public static bool Updating => Environment.GetEnvironmentVariable("MORPH_UPDATE_SNAPSHOTS") == "1";

    /// <summary>The snapshot file of a hint name: "Lifecycles/Bond.g.cs" is "Lifecycles.Bond.g.cs.txt" (not .cs,
    /// so that the test project does not compile it).</summary>
    public static string FileName(string hintName) => hintName.Replace('/', '.').Replace('\\', '.') + ".txt";

    public static void Match(string hintName, string actual)
    {
        var path = Path.Combine(Directory, FileName(hintName));
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, actual);
            return;
        }
        if (!File.Exists(path)) Assert.Fail($"no snapshot {path}: run the tests with MORPH_UPDATE_SNAPSHOTS=1 to write it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i]) i++;
        Assert.Fail($"{hintName} differs from {FileName(hintName)} at line {i + 1}:\n" +
                    $"- {(i < e.Length ? e[i] : "<end of snapshot>")}\n+ {(i < a.Length ? a[i] : "<end of output>")}\n" +
                    "(MORPH_UPDATE_SNAPSHOTS=1 rewrites the snapshots)");
    }
}

/// <summary>Build properties as the compiler hands them to generators (build_property.X).</summary>
internal sealed class BuildProperties(IReadOnlyDictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
{
    private sealed class Options(IReadOnlyDictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private static readonly Options Empty = new(new Dictionary<string, string>());
    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);
    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;
    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
}
