using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Morph.Protocol.Tests.Packaging;

/// <summary>The packages as a user gets them: pack the lifecycle runtime (with the generator and analyzers), the model
/// and the test helpers into a folder feed, then build a fresh net10.0 project that references them and has its own
/// spec. Broken (a payout without its lock; a releasing trigger fired without its check) it reports exactly those
/// diagnostics; fixed, it builds clean and runs a staking transaction on the packaged model and its own lifecycle.</summary>
[TestClass]
public sealed class ConsumerPackageTests
{
    private static readonly string ConsumerSource = Path.Combine(TestPaths.Root, "tests", "Morph.Protocol.Tests", "Packaging", "Consumer");

    private static readonly string[] Packed =
    [
        "src/Morph.Protocol.Contracts/Morph.Protocol.Contracts.csproj", "src/Morph.Protocol.Bls/Morph.Protocol.Bls.csproj",
        "src/Morph.Protocol.Lifecycles/Morph.Protocol.Lifecycles.csproj", "src/Morph.Protocol.Model/Morph.Protocol.Model.csproj",
        "src/Morph.Protocol.Testing/Morph.Protocol.Testing.csproj",
    ];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Packaging")]
    public void A_consumer_of_the_packages_gets_the_spec_diagnostics_then_builds_clean_and_runs()
    {
        var dotnet = DotnetHost();
        var work = Directory.CreateTempSubdirectory("morph-consumer-");
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            // A packages folder of this run only: a package cached by an earlier run (same version) is never used.
            var packages = Path.Combine(work.FullName, "packages");
            var consumer = Path.Combine(work.FullName, "consumer");
            var clock = Stopwatch.StartNew();

            // Debug, the configuration `dotnet test` just built: packing reuses those outputs instead of a second full
            // build on CI's shared cores (the packages' contents do not depend on it).
            var filter = Path.Combine(work.FullName, "packed.slnf");
            var solution = new { solution = new { path = Path.Combine(TestPaths.Root, "Morph.Protocol.sln"), projects = Packed } };
            File.WriteAllText(filter, System.Text.Json.JsonSerializer.Serialize(solution));
            Run(dotnet, ["pack", filter, "-c", "Debug", $"-p:PackageOutputPath={feed}", "-nodeReuse:false"], TestPaths.Root, expectSuccess: true);
            var packTime = clock.Elapsed;
            AssertPackageContents(feed, Version());

            WriteConsumer(consumer, feed, packages, Version(), withModel: true);
            Replace(Path.Combine(consumer, "spec", "bonds.morph"), FixedLeak, BrokenLeak);
            Replace(Path.Combine(consumer, "Program.cs"), CheckedRelease, UncheckedRelease);

            // MPA001 ("Fire not dominated by CanFire") comes with the code analyzers; asserted once the packed
            // analyzer assembly defines it.
            var analyzers = Path.Combine(packages, "morph.protocol.lifecycles", Version(), "analyzers", "dotnet", "cs");
            var broken = Run(dotnet, ["build", "-nodeReuse:false", "-clp:NoSummary"], consumer, expectSuccess: false);
            var hasMpa001 = Directory.Exists(analyzers) && Directory.EnumerateFiles(analyzers, "*.dll").Any(f => Defines(f, "MPA001"));
            var expected = new List<string> { "spec/bonds.morph(19,6): error MPS106" };
            if (hasMpa001) expected.Add($"Program.cs({LineOf(Path.Combine(consumer, "Program.cs"), UncheckedRelease)}): MPA001");
            CollectionAssert.AreEquivalent(expected, Diagnostics(broken, consumer, lineOnly: hasMpa001).ToList(), broken);
            var brokenTime = clock.Elapsed - packTime;

            Replace(Path.Combine(consumer, "spec", "bonds.morph"), BrokenLeak, FixedLeak);
            Replace(Path.Combine(consumer, "Program.cs"), UncheckedRelease, CheckedRelease);
            var clean = Run(dotnet, ["build", "-nodeReuse:false", "-clp:NoSummary"], consumer, expectSuccess: true);
            Assert.AreEqual(0, Diagnostics(clean, consumer, lineOnly: false).Count(), clean);

            var output = Run(dotnet, [Path.Combine(consumer, "bin", "Debug", "net10.0", "Consumer.dll")], consumer, expectSuccess: true);
            StringAssert.Contains(output, "whitelist: True, register: True, staker: Active");
            StringAssert.Contains(output, "bond: Done");

            // The seam: a project with its own spec and only the lifecycle runtime (no model, no BLS) builds clean.
            var alone = Path.Combine(work.FullName, "lifecycles-only");
            var alonePackages = Path.Combine(work.FullName, "packages-lifecycles-only");
            WriteConsumer(alone, feed, alonePackages, Version(), withModel: false);
            var aloneBuild = Run(dotnet, ["build", "-nodeReuse:false", "-clp:NoSummary"], alone, expectSuccess: true);
            Assert.AreEqual(0, Diagnostics(aloneBuild, alone, lineOnly: false).Count(), aloneBuild);
            CollectionAssert.AreEquivalent(new[] { "bouncycastle.cryptography", "morph.protocol.contracts", "morph.protocol.lifecycles", "stateless" },
                Directory.GetDirectories(alonePackages).Select(Path.GetFileName).ToArray(), "what the lifecycle runtime brings: no model, no BLS");
            StringAssert.Contains(Run(dotnet, [Path.Combine(alone, "bin", "Debug", "net10.0", "Consumer.dll")], alone, expectSuccess: true), "bond: Done");
            TestContext.WriteLine($"pack {packTime.TotalSeconds:F1} s, broken build {brokenTime.TotalSeconds:F1} s, " +
                                  $"fixed build and run {(clock.Elapsed - packTime - brokenTime).TotalSeconds:F1} s");
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>What each package must carry: its library (or, for the runtime, also the generator and analyzers and
    /// the build props), its README and license, and a symbols package beside it.</summary>
    private static void AssertPackageContents(string feed, string version)
    {
        foreach (var project in Packed)
        {
            var id = Path.GetFileNameWithoutExtension(project);
            var nupkg = Path.Combine(feed, $"{id}.{version}.nupkg");
            Assert.IsTrue(File.Exists(Path.Combine(feed, $"{id}.{version}.snupkg")), $"no symbols package for {id}");
            using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            var expected = new List<string> { "README.md", "LICENSE", $"lib/net10.0/{id}.dll" };
            if (id == "Morph.Protocol.Lifecycles")
                expected.AddRange(["analyzers/dotnet/cs/Morph.Protocol.Generators.dll", "analyzers/dotnet/cs/Morph.Protocol.Analyzers.dll",
                    "buildTransitive/Morph.Protocol.Lifecycles.props", "buildTransitive/Morph.Protocol.Lifecycles.targets"]);
            foreach (var e in expected) Assert.IsTrue(entries.Contains(e), $"{id} lacks {e}: {string.Join(", ", entries.Order())}");
            // Only the runtime carries the generator: two copies would run twice in a consumer.
            if (id != "Morph.Protocol.Lifecycles") Assert.IsFalse(entries.Any(e => e.StartsWith("analyzers/", StringComparison.Ordinal)), $"{id} carries analyzers");
        }
    }

    private const string BrokenLeak = "  state Open initial;\n  state Paid terminal;\n  on Pay: Open -> Paid pays stake;\n";
    private const string FixedLeak = "  state Open initial;\n  state Held;\n  state Paid terminal;\n  lock holdBlocks on l1 from Hold;\n" +
                                     "  on Hold: Open -> Held;\n  on Pay: Held -> Paid after lock holdBlocks pays stake;\n";
    private const string CheckedRelease = "if (bond.CanFireRelease(out var failed)) bond.FireRelease();\n        else Console.WriteLine($\"release refused: {failed}\");";
    private const string UncheckedRelease = "bond.FireRelease();";

    /// <summary>The SDK running these tests (dotnet test sets DOTNET_HOST_PATH), else dotnet on PATH. Without one the
    /// machine cannot pack: the test is skipped, except on CI, where it must run.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (host is { Length: > 0 } && File.Exists(host)) return host;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        const string reason = "no .NET SDK (DOTNET_HOST_PATH or dotnet on PATH): this machine cannot pack";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
        Assert.Inconclusive(reason);
        return "";
    }

    private static void WriteConsumer(string dir, string feed, string packages, string version, bool withModel)
    {
        Directory.CreateDirectory(Path.Combine(dir, "spec"));
        File.Copy(Path.Combine(ConsumerSource, "spec", "bonds.morph"), Path.Combine(dir, "spec", "bonds.morph"));
        File.Copy(Path.Combine(ConsumerSource, "Program.cs.txt"), Path.Combine(dir, "Program.cs"));
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), File.ReadAllText(Path.Combine(ConsumerSource, "Consumer.csproj.txt"))
            .Replace("@PACKAGES@", packages).Replace("@VERSION@", version).Replace("@WITH_MODEL@", withModel ? "true" : "false"));
        // Stop MSBuild's upward search (a temp folder under some checkout would pick up its props).
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />");
        // The feed first; the machine's own sources (the registry: Stateless, BouncyCastle) stay configured.
        File.WriteAllText(Path.Combine(dir, "nuget.config"),
            $"<configuration><packageSources><add key=\"morph-local\" value=\"{feed}\" /></packageSources></configuration>");
    }

    private static string Version() =>
        Regex.Match(File.ReadAllText(Path.Combine(TestPaths.Root, "Directory.Build.props")), "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;

    private static void Replace(string file, string from, string to)
    {
        var text = File.ReadAllText(file).Replace("\r\n", "\n");
        Assert.IsTrue(text.Contains(from, StringComparison.Ordinal), $"{file} no longer contains:\n{from}");
        File.WriteAllText(file, text.Replace(from, to));
    }

    private static int LineOf(string file, string text) =>
        File.ReadAllLines(file).Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    /// <summary>Whether an assembly holds the string (a descriptor's ID is a literal: UTF-16 in the user-string heap).</summary>
    private static bool Defines(string assembly, string id) =>
        File.ReadAllBytes(assembly).AsSpan().IndexOf(Encoding.Unicode.GetBytes(id)) >= 0;

    /// <summary>Every error and warning of a build, once each, as "file(line,col): severity ID" relative to the project
    /// (or "file(line): ID" when only the line is known in advance).</summary>
    private static IEnumerable<string> Diagnostics(string buildOutput, string projectDir, bool lineOnly) =>
        buildOutput.Split('\n')
            .Select(l => Regex.Match(l.Trim(), @"^(?<file>[^\s(][^(]*)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning) (?<id>[A-Z]+\d+):"))
            .Where(m => m.Success)
            .Select(m =>
            {
                var file = Path.GetRelativePath(projectDir, m.Groups["file"].Value).Replace('\\', '/');
                return lineOnly && m.Groups["id"].Value.StartsWith("MPA", StringComparison.Ordinal)
                    ? $"{file}({m.Groups["line"].Value}): {m.Groups["id"].Value}"
                    : $"{file}({m.Groups["line"].Value},{m.Groups["col"].Value}): {m.Groups["sev"].Value} {m.Groups["id"].Value}";
            })
            .Distinct();

    private string Run(string dotnet, string[] args, string cwd, bool expectSuccess)
    {
        var psi = new ProcessStartInfo(dotnet) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // The test host's MSBuild variables would point the child build at this run's SDK internals.
        foreach (var v in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            psi.Environment.Remove(v);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var output = stdout + stderr.Result;
        if (expectSuccess && p.ExitCode != 0) Assert.Fail($"dotnet {string.Join(' ', args)} exited {p.ExitCode}:\n{output}");
        if (!expectSuccess && p.ExitCode == 0) Assert.Fail($"dotnet {string.Join(' ', args)} succeeded, a failure was expected:\n{output}");
        TestContext.WriteLine($"dotnet {string.Join(' ', args)}: exit {p.ExitCode}");
        return output;
    }
}
