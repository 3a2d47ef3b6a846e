using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Morph.Protocol.Analyzers.Tests;

/// <summary>Runs an analyzer (and a fix) over test sources compiled against the running framework and the real
/// model assembly, so the attributes are exactly what the generator's hosts carry.</summary>
internal static class Verify
{
    /// <summary>The framework the tests run on, as references (no reference-assembly package to download).</summary>
    private static readonly MetadataReference[] References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(Morph.Protocol.Lifecycles.LifecycleTriggerAttribute).Assembly.Location)
            .Append(typeof(Morph.Protocol.Primitives.UInt256).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();

    private static readonly ReferenceAssemblies None = new("net10.0");

    /// <summary>Usings every test source starts with.</summary>
    public const string Usings = "using System; using System.Collections.Generic; using System.Linq; using Morph.Protocol.Lifecycles;\n";

    public static async Task Analyzer<TAnalyzer>(string source) where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = Usings + source, ReferenceAssemblies = None };
        test.TestState.AdditionalReferences.AddRange(References);
        await test.RunAsync();
    }

    public static async Task Fix<TAnalyzer, TFix>(string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new() where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = Usings + source, FixedCode = Usings + fixedSource, ReferenceAssemblies = None,
        };
        test.TestState.AdditionalReferences.AddRange(References);
        test.FixedState.AdditionalReferences.AddRange(References);
        await test.RunAsync();
    }
}
