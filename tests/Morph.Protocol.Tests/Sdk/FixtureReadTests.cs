using System.Text.Json;
using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Sdk;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Morph.Protocol.Tests.Sdk;

/// <summary>Against a freshly loaded anvil of ../shared/fixtures/morph-l1-anvil, through the generated services
/// only: the recorded views, every parameterless view, every historical log and every recorded revert.
/// Read-only: the tests of this class share one node.</summary>
[TestClass]
public sealed class FixtureReadTests
{
    private static AnvilNode? _node;
    private static AnvilNode Node => _node ?? throw new AssertInconclusiveException("no node");
    private static readonly AddressBook Book = Networks.MorphL1Anvil;

    [ClassInitialize]
    public static void Start(TestContext _) => _node = AnvilNode.Start();

    [ClassCleanup]
    public static void Stop() => _node?.Dispose();

    private static MorphChain Chain() => new(MorphWeb3.Connect(Node.Url), Book, Node.Url);

    private static JsonElement Views => SdkPaths.Deployment.GetProperty("views");

    private static Address Account(int i) => Address.Parse(SdkPaths.Deployment.GetProperty("accounts")[i].GetProperty("address").GetString()!);

    private static ContractService Service(MorphChain chain, string contract) => contract switch
    {
        "L1Staking" => new L1StakingService(chain, Book.AddressOf(contract)),
        "Rollup" => new RollupService(chain, Book.AddressOf(contract)),
        "L1CrossDomainMessenger" => new L1CrossDomainMessengerService(chain, Book.AddressOf(contract)),
        "L1MessageQueueWithGasPriceOracle" => new L1MessageQueueWithGasPriceOracleService(chain, Book.AddressOf(contract)),
        "Whitelist" => new WhitelistService(chain, Book.AddressOf(contract)),
        "ProxyAdmin" => new ProxyAdminService(chain, Book.AddressOf(contract)),
        _ => throw new AssertFailedException("no service for " + contract),
    };

    [TestMethod]
    public async Task The_node_is_the_fixture_chain_at_its_last_block()
    {
        var chain = Chain();
        await chain.EnsureChainIdAsync();
        Assert.AreEqual((ulong)SdkPaths.Deployment.GetProperty("blocks").GetProperty("last").GetInt32(), await chain.BlockNumberAsync());
    }

    [TestMethod]
    [DataRow("L1Staking")]
    [DataRow("Rollup")]
    [DataRow("L1CrossDomainMessenger")]
    [DataRow("L1MessageQueueWithGasPriceOracle")]
    public async Task Every_recorded_view_returns_the_recorded_value(string contract)
    {
        var service = Service(Chain(), contract);
        var checkedCount = 0;
        var failures = new List<string>();
        foreach (var view in Views.GetProperty(contract).EnumerateObject())
        {
            string? actual;
            switch (view.Name)
            {
                case "accounts":
                    foreach (var account in view.Value.EnumerateObject())
                        foreach (var field in account.Value.EnumerateObject().Where(f => f.Name is not ("address" or "balanceWei")))
                        {
                            var got = Render.Of(await ServiceReflection.CallViewAsync(service, field.Name, Account(int.Parse(account.Name))));
                            if (got != Render.Of(field.Value)) failures.Add($"{field.Name}(account {account.Name}) = {got}, recorded {Render.Of(field.Value)}");
                            checkedCount++;
                        }
                    continue;
                case "contractBalanceWei":
                    actual = (await service.Web3.Eth.GetBalance.SendRequestAsync(service.Address.ToString())).Value.ToString();
                    break;
                case "getStakers_nonZeroEntries_indexAndAddress":
                    var stakers = await ((L1StakingService)service).GetStakersAsync();
                    actual = Render.Of(stakers.Select((a, i) => (i, a)).Where(x => x.a != Address.Zero).Select(x => new object[] { x.i, x.a }));
                    break;
                case "getStakersBitmap_1_4":
                    actual = Render.Of(await ((L1StakingService)service).GetStakersBitmapAsync(new ValueArray<Address>([Account(1), Account(4)])));
                    break;
                default:
                    var parts = view.Name.Split('_');
                    if (parts.Length == 2 && int.TryParse(parts[1], out var n))
                    {
                        var f = service.Contract.Functions.Single(x => x.Name == parts[0] && x.ParameterTypes.Count == 1);
                        object arg = f.ParameterTypes[0] is AbiAddress ? Account(n) : (object)(UInt256)(ulong)n;
                        actual = Render.Of(await ServiceReflection.CallViewAsync(service, parts[0], arg));
                    }
                    else actual = Render.Of(await ServiceReflection.CallViewAsync(service, view.Name));
                    break;
            }
            if (actual != Render.Of(view.Value)) failures.Add($"{view.Name} = {actual}, recorded {Render.Of(view.Value)}");
            checkedCount++;
        }
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        Assert.IsTrue(checkedCount >= 3, $"only {checkedCount} views checked");
    }

    [TestMethod]
    [DataRow("L1Staking")]
    [DataRow("Rollup")]
    [DataRow("L1CrossDomainMessenger")]
    [DataRow("L1MessageQueueWithGasPriceOracle")]
    [DataRow("Whitelist")]
    [DataRow("ProxyAdmin")]
    public async Task Every_parameterless_view_decodes(string contract)
    {
        var service = Service(Chain(), contract);
        var views = ServiceReflection.ParameterlessViews(service.Contract).ToList();
        Assert.IsTrue(views.Count > 0);
        var failures = new List<string>();
        foreach (var f in views)
        {
            try { await ServiceReflection.CallViewAsync(service, f.Name); }
            catch (Exception e) { failures.Add($"{f.Signature}: {e.GetType().Name}: {e.Message}"); }
        }
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
    }

    /// <summary>(transaction hash, log index) → the recorded event.</summary>
    private static Dictionary<(string, ulong), JsonElement> RecordedEvents() =>
        SdkPaths.Deployment.GetProperty("transactions").EnumerateArray()
            .SelectMany(t => t.GetProperty("events").EnumerateArray().Select(e => (Hash: t.GetProperty("hash").GetString()!.ToLowerInvariant(), Event: e)))
            .ToDictionary(x => (x.Hash, (ulong)x.Event.GetProperty("logIndex").GetInt32()), x => x.Event);

    private static void AssertDecodesAsRecorded(IReadOnlyList<DecodedLog> decoded)
    {
        var recorded = RecordedEvents();
        var failures = new List<string>();
        foreach (var log in decoded)
        {
            var key = (log.Raw.TransactionHash.ToString().ToLowerInvariant(), log.Raw.LogIndex);
            if (!recorded.TryGetValue(key, out var e)) { failures.Add($"log {key} is not recorded"); continue; }
            if (!log.IsKnown) { failures.Add($"{key}: {e.GetProperty("signature")} did not decode: {log.Problem}"); continue; }
            if (log.Info!.Signature != e.GetProperty("signature").GetString()) { failures.Add($"{key}: {log.Info.Signature} != {e.GetProperty("signature")}"); continue; }
            // Recorded arguments are in the ABI's order (Morph's parameter names; the spec's may differ in a leading '_').
            var args = e.GetProperty("args").EnumerateObject().Select(a => a.Value).ToList();
            if (args.Count != log.Info.Parameters.Count) { failures.Add($"{key}: {args.Count} recorded arguments for {log.Info.Signature}"); continue; }
            var expected = log.Info.Parameters.Select((p, i) => AbiJson.FromJson(p.Type, args[i])).ToList();
            if (!expected.SequenceEqual(log.Event!.ToValues())) failures.Add($"{key} {log.Info.Signature}: [{string.Join(", ", log.Event.ToValues())}] != [{string.Join(", ", expected)}]");
        }
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        Assert.AreEqual(recorded.Count, decoded.Count, "every recorded event once");
        Assert.AreEqual(recorded.Count, decoded.Select(l => (l.Raw.TransactionHash, l.Raw.LogIndex)).Distinct().Count());
    }

    [TestMethod]
    public async Task Every_historical_log_decodes_to_what_deployment_json_records()
    {
        var chain = Chain();
        var logs = await chain.GetLogsAsync(new LogQuery(0));
        Assert.AreEqual(SdkPaths.Deployment.GetProperty("reloadCheck").GetProperty("logs").GetInt32(), logs.Count);
        AssertDecodesAsRecorded(logs.Select(chain.Events.Decode).ToList());
    }

    /// <summary>Refuses eth_getLogs over more than <paramref name="maxBlocks"/> blocks, as public nodes do.</summary>
    private sealed class RangeLimit(int maxBlocks) : RequestInterceptor
    {
        public int Refused;

        public override async Task<object> InterceptSendRequestAsync<T>(Func<RpcRequest, string, Task<T>> interceptedSendRequestAsync, RpcRequest request, string? route = null)
        {
            if (request.Method == "eth_getLogs" && request.RawParameters[0] is Newtonsoft.Json.Linq.JObject f)
            {
                var from = Convert.ToUInt64((string)f["fromBlock"]!, 16);
                var to = Convert.ToUInt64((string)f["toBlock"]!, 16);
                if (to - from + 1 > (ulong)maxBlocks)
                {
                    Interlocked.Increment(ref Refused);
                    throw new RpcResponseException(new Nethereum.JsonRpc.Client.RpcError(-32005, $"block range too large: {to - from + 1} > {maxBlocks}", null));
                }
            }
            return (await interceptedSendRequestAsync(request, route!))!;
        }
    }

    [TestMethod]
    public async Task A_log_query_over_the_whole_history_split_by_the_node_returns_every_event_once()
    {
        var web3 = MorphWeb3.Connect(Node.Url);
        var limit = new RangeLimit(5);
        web3.Client.OverridingRequestInterceptor = limit;
        var chain = new MorphChain(web3, Book, Node.Url) { MaxLogRange = 16 };
        var logs = await chain.GetLogsAsync(new LogQuery(0));
        Assert.IsTrue(limit.Refused > 0 && chain.RangeSplits == limit.Refused, $"refused {limit.Refused}, split {chain.RangeSplits}");
        AssertDecodesAsRecorded(logs.Select(chain.Events.Decode).ToList());
    }

    [TestMethod]
    public async Task Typed_event_queries_filter_on_indexed_arguments()
    {
        var staking = new L1StakingService(Chain(), Book.AddressOf("L1Staking"));
        var all = await staking.GetWithdrawnEventsAsync();
        CollectionAssert.AreEqual(new[] { Account(2), Account(3) }, all.Select(e => e.Event.Addr).ToArray());
        var third = await staking.GetWithdrawnEventsAsync(addr: Account(3));
        Assert.AreEqual(1, third.Count);
        Assert.AreEqual((UInt256)38UL, third[0].Event.UnlockHeight);
        Assert.AreEqual(0, (await staking.GetWithdrawnEventsAsync(addr: Account(3), fromBlock: 36)).Count);
        Assert.AreEqual(4, (await staking.GetRegisteredEventsAsync()).Count);
        var queue = new L1MessageQueueWithGasPriceOracleService(staking.Chain, Book.AddressOf("L1MessageQueueWithGasPriceOracle"));
        CollectionAssert.AreEqual(new ulong[] { 0, 1, 2, 3, 4, 5 }, (await queue.GetQueueTransactionEventsAsync()).Select(e => e.Event.QueueIndex).ToArray());
    }

    [TestMethod]
    public void Every_recorded_revert_decodes_to_its_recorded_reason()
    {
        var reverted = SdkPaths.Deployment.GetProperty("transactions").EnumerateArray().Where(t => t.GetProperty("status").GetInt32() == 0).ToList();
        Assert.AreEqual(9, reverted.Count);
        foreach (var t in reverted)
        {
            var reason = RevertDecoder.Default.Decode(t.GetProperty("revertData").GetString()!);
            Assert.AreEqual(RevertKind.Error, reason.Kind);
            Assert.AreEqual(t.GetProperty("revertReason").GetString(), reason.Message, t.GetProperty("note").GetString());
        }
    }

    [TestMethod]
    public async Task The_receipt_of_every_recorded_revert_raises_its_recorded_reason()
    {
        var chain = Chain();
        var reverted = SdkPaths.Deployment.GetProperty("transactions").EnumerateArray().Where(t => t.GetProperty("status").GetInt32() == 0).ToList();
        Assert.AreEqual(9, reverted.Count);
        foreach (var t in reverted)
        {
            var hash = t.GetProperty("hash").GetString()!;
            var e = await Assert.ThrowsExactlyAsync<ContractRevertException>(() => chain.WaitForReceiptAsync("replay", Bytes32.Parse(hash)));
            Assert.AreEqual(hash, e.TransactionHash);
            Assert.AreEqual(t.GetProperty("revertReason").GetString(), e.Reason.Message, t.GetProperty("note").GetString());
            Assert.AreEqual(t.GetProperty("revertData").GetString(), e.Reason.Data.ToString());
        }
    }

    [TestMethod]
    public async Task Receipts_of_the_history_decode_every_log()
    {
        var chain = Chain();
        var register = SdkPaths.Deployment.GetProperty("transactions").EnumerateArray().First(t => t.GetProperty("function").GetString() == "register(bytes32,bytes)");
        var receipt = await chain.WaitForReceiptAsync("register", Bytes32.Parse(register.GetProperty("hash").GetString()!));
        CollectionAssert.AreEqual(register.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToArray(),
            receipt.Logs.Select(l => l.Name).ToArray());
        Assert.AreEqual(1, receipt.Events<L1StakingContract.RegisteredEvent>().Count);
    }

    [TestMethod]
    public async Task Views_take_a_block_and_a_block_whose_state_the_node_lacks_is_refused_in_one_line()
    {
        var staking = new L1StakingService(Chain(), Book.AddressOf("L1Staking"));
        var oneEther = UInt256.Parse("1000000000000000000");
        Assert.AreEqual(oneEther, await staking.StakingValueAsync(new BlockParameter(39)));
        Assert.AreEqual(oneEther, await staking.StakingValueAsync(BlockParameter.CreateLatest()));
        // Loaded without --preserve-historical-states, anvil has no state before its last block.
        var e = await Assert.ThrowsExactlyAsync<ChainTransportException>(() => staking.StakingValueAsync(new BlockParameter(38)));
        StringAssert.StartsWith(e.Message, $"{Node.Url}: L1Staking.stakingValue() call refused: ");
        Assert.IsFalse(e.Message.Contains('\n'), e.Message);
    }

    [TestMethod]
    public async Task The_wrong_chain_id_is_one_line()
    {
        var chain = new MorphChain(MorphWeb3.Connect(Node.Url), Networks.MorphMainnetL2, Node.Url);
        var e = await Assert.ThrowsExactlyAsync<ChainTransportException>(() => chain.EnsureChainIdAsync());
        Assert.AreEqual($"{Node.Url}: wrong chain id 900, expected 2818 (morph-mainnet-l2)", e.Message);
    }
}
