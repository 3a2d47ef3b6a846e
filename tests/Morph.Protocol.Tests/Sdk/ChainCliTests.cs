using System.Text.Json;
using Morph.Protocol.Cli;
using Morph.Protocol.Primitives;
using Morph.Protocol.Sdk;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Morph.Protocol.Tests.Sdk;

/// <summary><c>morph chain …</c> on the fixture: every recorded event decoded, JSON too, and one line with a
/// non-zero exit code on a transport error or a revert.</summary>
[TestClass]
public sealed class ChainCliTests
{
    private static AnvilNode? _node;
    private static AnvilNode Node => _node ?? throw new AssertInconclusiveException("no node");

    [ClassInitialize]
    public static void Start(TestContext _) => _node = AnvilNode.Start();

    [ClassCleanup]
    public static void Stop() => _node?.Dispose();

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (MorphCli.Run(["chain", .. args], o, e), o.ToString(), e.ToString());
    }

    private static List<JsonElement> RecordedEvents() =>
        SdkPaths.Deployment.GetProperty("transactions").EnumerateArray().SelectMany(t => t.GetProperty("events").EnumerateArray()).ToList();

    [TestMethod]
    public void Logs_prints_every_recorded_event_decoded()
    {
        var (exit, output, err) = Run("logs", "--rpc", Node.Url);
        Assert.AreEqual(0, exit, err);
        var recorded = RecordedEvents();
        StringAssert.Contains(output, $"{recorded.Count} logs: {recorded.Count} decoded, 0 unknown");
        var rows = output.Split('\n').Where(l => l.StartsWith("| ") && !l.StartsWith("| block")).ToList();
        Assert.AreEqual(recorded.Count, rows.Count);
        foreach (var (row, e) in rows.Zip(recorded))
            StringAssert.Contains(row, $"| {e.GetProperty("event").GetString()} ", row);
    }

    [TestMethod]
    public void Logs_as_json_carry_every_recorded_signature_and_argument()
    {
        var (exit, output, err) = Run("logs", "--rpc", Node.Url, "--json", "--from", "23", "--to", "39");
        Assert.AreEqual(0, exit, err);
        using var doc = JsonDocument.Parse(output);
        var logs = doc.RootElement.EnumerateArray().ToList();
        var history = SdkPaths.Deployment.GetProperty("transactions").EnumerateArray().Where(t => t.GetProperty("block").GetInt32() >= 23)
            .SelectMany(t => t.GetProperty("events").EnumerateArray()).ToList();
        Assert.AreEqual(history.Count, logs.Count);
        foreach (var (log, e) in logs.Zip(history))
        {
            Assert.IsTrue(log.GetProperty("known").GetBoolean());
            Assert.AreEqual(e.GetProperty("signature").GetString(), log.GetProperty("signature").GetString());
            var args = e.GetProperty("args").EnumerateObject().Select(a => Render.Of(a.Value)).ToArray();
            CollectionAssert.AreEqual(args, log.GetProperty("args").EnumerateObject().Select(a => Render.Of(a.Value)).ToArray());
        }
    }

    [TestMethod]
    public void Call_prints_the_decoded_return()
    {
        var (exit, output, err) = Run("call", "L1Staking", "getActiveStakers", "--rpc", Node.Url);
        Assert.AreEqual(0, exit, err);
        Assert.AreEqual("address[]: [0x70997970C51812dc3A010C7d01b50e0d17dc79C8, 0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65]", output.Trim());
    }

    [TestMethod]
    public void A_dead_node_a_wrong_chain_and_a_revert_are_one_line_and_exit_1()
    {
        var dead = $"http://127.0.0.1:{AnvilNode.FreePort()}";
        var (exit, output, err) = Run("logs", "--rpc", dead);
        Assert.AreEqual(1, exit);
        Assert.AreEqual("", output);
        Assert.AreEqual(1, err.Trim().Split('\n').Length, err);
        StringAssert.StartsWith(err, $"morph chain: {dead}: node unreachable");

        (exit, _, err) = Run("logs", "--rpc", Node.Url, "--network", "morph-mainnet-l2");
        Assert.AreEqual(1, exit);
        Assert.AreEqual($"morph chain: {Node.Url}: wrong chain id 900, expected 2818 (morph-mainnet-l2)", err.Trim());

        var key = Path.GetTempFileName();
        try
        {
            File.WriteAllText(key, SdkPaths.Deployment.GetProperty("accounts")[7].GetProperty("privateKey").GetString());
            (exit, _, err) = Run("send", "L1Staking", "withdraw", "--rpc", Node.Url, "--key-file", key);
            Assert.AreEqual(1, exit);
            Assert.AreEqual("morph chain: L1Staking.withdraw() call reverted: only active staker", err.Trim());
        }
        finally { File.Delete(key); }
    }
}

/// <summary><c>morph chain send</c> on its own node (it adds blocks the read-only tests above do not expect).</summary>
[TestClass]
public sealed class ChainCliSendTests
{
    private static AnvilNode? _node;
    private static AnvilNode Node => _node ?? throw new AssertInconclusiveException("no node");

    [ClassInitialize]
    public static void Start(TestContext _) => _node = AnvilNode.Start();

    [ClassCleanup]
    public static void Stop() => _node?.Dispose();

    [TestMethod]
    public void Send_registers_a_whitelisted_account_and_prints_the_decoded_events()
    {
        // Account 5: whitelisted, never registered; its unused keys are in deployment.json.
        var keys = SdkPaths.Deployment.GetProperty("unregisteredKeys").EnumerateArray().Single(k => k.GetProperty("index").GetInt32() == 5);
        var keyFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(keyFile, SdkPaths.Deployment.GetProperty("accounts")[5].GetProperty("privateKey").GetString());
            var o = new StringWriter();
            var e = new StringWriter();
            var exit = MorphCli.Run(["chain", "send", "L1Staking", "register", keys.GetProperty("tmKey").GetString()!, keys.GetProperty("blsKey").GetString()!,
                "--value", "1000000000000000000", "--rpc", Node.Url, "--key-file", keyFile], o, e);
            Assert.AreEqual(0, exit, e.ToString());
            var output = o.ToString();
            StringAssert.Contains(output, "L1Staking.register(bytes32,bytes): 0x");
            var mined = System.Text.RegularExpressions.Regex.Match(output, @"mined in block (\d+), gas used \d+");
            Assert.IsTrue(mined.Success && int.Parse(mined.Groups[1].Value) > 39, output);
            foreach (var ev in new[] { "| Registered ", "| QueueTransaction ", "| SentMessage " }) StringAssert.Contains(output, ev);
            StringAssert.Contains(output, "addr=0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc");

            var again = MorphCli.Run(["chain", "send", "L1Staking", "register", keys.GetProperty("tmKey").GetString()!, keys.GetProperty("blsKey").GetString()!,
                "--value", "1000000000000000000", "--rpc", Node.Url, "--key-file", keyFile], new StringWriter(), e = new StringWriter());
            Assert.AreEqual(1, again);
            Assert.AreEqual("morph chain: L1Staking.register(bytes32,bytes) call reverted: already registered", e.ToString().Trim());
        }
        finally { File.Delete(keyFile); }
    }

    [TestMethod]
    public async Task Logs_lists_a_log_no_spec_contract_declares_as_unknown()
    {
        // A contract whose constructor emits LOG1 with a topic0 no spec event has: PUSH32 topic, PUSH1 0, PUSH1 0, LOG1, STOP.
        var topic = Keccak256.HashUtf8("NotInTheSpec(uint256)");
        var web3 = MorphWeb3.Connect(Node.Url, SdkPaths.Deployment.GetProperty("accounts")[8].GetProperty("privateKey").GetString(), 900);
        var receipt = await web3.TransactionManager.SendTransactionAndWaitForReceiptAsync(new TransactionInput
        {
            From = web3.TransactionManager.Account.Address, Data = "0x7f" + topic.ToString()[2..] + "60006000a100", Gas = new HexBigInteger(100_000),
        });
        var block = receipt.BlockNumber.Value.ToString();

        var o = new StringWriter();
        Assert.AreEqual(0, MorphCli.Run(["chain", "logs", "--rpc", Node.Url, "--from", block, "--to", block], o, new StringWriter()));
        // The block may also hold another test's transaction (the class's tests share one node and run in parallel):
        // its logs decode; ours is the one unknown.
        StringAssert.Matches(o.ToString(), new System.Text.RegularExpressions.Regex(@"\d+ logs: \d+ decoded, 1 unknown"));
        StringAssert.Matches(o.ToString(), new System.Text.RegularExpressions.Regex(@"\| unknown +\| unknown +\| unknown topic0 " + topic));

        o = new StringWriter();
        Assert.AreEqual(0, MorphCli.Run(["chain", "logs", "--rpc", Node.Url, "--from", block, "--to", block, "--json"], o, new StringWriter()));
        using var doc = JsonDocument.Parse(o.ToString());
        var log = doc.RootElement.EnumerateArray().Single(l => !l.GetProperty("known").GetBoolean());
        Assert.IsFalse(log.GetProperty("known").GetBoolean());
        Assert.AreEqual(topic.ToString(), log.GetProperty("topics")[0].GetString());
        Assert.AreEqual(receipt.ContractAddress.ToLowerInvariant(), log.GetProperty("address").GetString()!.ToLowerInvariant());
    }
}
