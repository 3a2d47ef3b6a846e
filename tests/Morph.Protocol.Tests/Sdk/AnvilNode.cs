using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Morph.Protocol.Sdk;

namespace Morph.Protocol.Tests.Sdk;

/// <summary>Where the anvil fixture and the anvil binary are. The fixture is found as the vectors are:
/// MORPH_FIXTURES, else the first shared/fixtures above the repository, else /work/shared/fixtures.</summary>
internal static class SdkPaths
{
    private static readonly List<string> Searched = [];

    public static string Fixtures { get; } = FindFixtures();

    public static string AnvilFixture => Path.Combine(Fixtures, "morph-l1-anvil");

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindFixtures()
    {
        if (Environment.GetEnvironmentVariable("MORPH_FIXTURES") is { Length: > 0 } env) return env;
        for (var dir = new DirectoryInfo(TestPaths.Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            Searched.Add(candidate);
            if (Directory.Exists(candidate)) return candidate;
        }
        // The working checkout's layout, for a clone elsewhere on this machine (as TestPaths does for the vectors).
        Searched.Add("/work/shared/fixtures");
        return Directory.Exists("/work/shared/fixtures") ? "/work/shared/fixtures" : "";
    }

    /// <summary>The fixture folder, or a failure in one line naming the variable and the folders searched.</summary>
    public static string RequireAnvilFixture()
    {
        var dir = Fixtures.Length > 0 ? AnvilFixture : "";
        if (dir.Length == 0 || !File.Exists(Path.Combine(dir, "state.json")))
            Assert.Fail($"anvil fixture not found: set MORPH_FIXTURES (searched {(Fixtures.Length > 0 ? dir : string.Join(", ", Searched))})");
        return dir;
    }

    /// <summary>MORPH_ANVIL, else the copy .ci/run installs under .tools, else anvil on PATH.</summary>
    public static string? FindAnvil()
    {
        if (Environment.GetEnvironmentVariable("MORPH_ANVIL") is { Length: > 0 } env) return File.Exists(env) ? env : null;
        var tools = Path.Combine(TestPaths.Root, ".tools", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        if (File.Exists(tools)) return tools;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "anvil"))) return Path.Combine(dir, "anvil");
        return null;
    }

    private static JsonDocument? _deployment;

    /// <summary>The fixture's deployment.json: what the chain holds.</summary>
    public static JsonElement Deployment => (_deployment ??= JsonDocument.Parse(File.ReadAllText(Path.Combine(RequireAnvilFixture(), "deployment.json")))).RootElement;
}

/// <summary>One anvil serving the fixture (`--load-state state.json --chain-id 900 --port free`), for one test
/// class: started in ClassInitialize, killed in ClassCleanup. Without anvil the tests fail under CI and are
/// inconclusive locally, with the reason.</summary>
internal sealed class AnvilNode : IDisposable
{
    private readonly Process _process;

    private AnvilNode(Process process, int port) { _process = process; Port = port; }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    public static AnvilNode Start()
    {
        var fixture = SdkPaths.RequireAnvilFixture();
        var anvil = SdkPaths.FindAnvil();
        if (anvil is null)
        {
            const string message = "anvil 1.7.1 not found: run .ci/run (it installs @foundry-rs/anvil-linux-amd64@1.7.1 into .tools) or set MORPH_ANVIL";
            if (SdkPaths.UnderCi) Assert.Fail(message);
            Assert.Inconclusive(message);
        }
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var psi = new ProcessStartInfo(anvil!, ["--load-state", Path.Combine(fixture, "state.json"), "--chain-id", "900", "--port", port.ToString(), "--host", "127.0.0.1"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            var process = Process.Start(psi)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var node = new AnvilNode(process, port);
            if (node.WaitReady()) return node;
            node.Dispose();
            if (attempt == 2) Assert.Fail($"anvil at {anvil} did not answer on port {port} (exit code {(process.HasExited ? process.ExitCode : -1)})");
        }
    }

    private bool WaitReady()
    {
        var chain = new MorphChain(MorphWeb3.Connect(Url)) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if (chain.ChainIdAsync().GetAwaiter().GetResult() == 900) return true;
            }
            catch (ChainTransportException) { }
            Thread.Sleep(50);
        }
        return false;
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
