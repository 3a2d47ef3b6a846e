using System.Reflection;
using System.Text.Json;
using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Sdk;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Newtonsoft.Json.Linq;

namespace Morph.Protocol.Tests.Sdk;

/// <summary>The services of the L2 contracts have no node here: each function and event case of
/// ../shared/vectors/abi/morph-deployed.json goes through the generated service against a transport that records
/// the request and answers it. A function's request must carry exactly the case's calldata to the predeploy; an
/// event's recorded log, answered to the service's query, must come back as the typed event that encodes to it.</summary>
[TestClass]
public sealed class L2ServiceVectorTests
{
    private static readonly string[] L2Contracts = ["L2Staking", "Sequencer", "Record", "Distribute", "Gov", "MorphToken", "L2CrossDomainMessenger"];

    /// <summary>Records eth_call / eth_estimateGas / eth_getLogs requests and answers them without a node.</summary>
    private sealed class Recorder : RequestInterceptor
    {
        public readonly List<(string Method, JObject Params)> Requests = [];
        public FilterLog[] Logs = [];

        public override Task<object> InterceptSendRequestAsync<T>(Func<RpcRequest, string, Task<T>> interceptedSendRequestAsync, RpcRequest request, string? route = null)
        {
            var p = request.RawParameters.Length > 0 ? request.RawParameters[0] as JObject : null;
            Requests.Add((request.Method, p ?? []));
            object answer = request.Method switch
            {
                // Enough zero words for any return of these contracts (address[255] is the largest static one).
                "eth_call" => "0x" + new string('0', 64 * 600),
                "eth_estimateGas" => new HexBigInteger(21000),
                "eth_blockNumber" => new HexBigInteger(100),
                "eth_getLogs" => Logs,
                _ => throw new InvalidOperationException("unexpected " + request.Method),
            };
            return Task.FromResult(answer);
        }
    }

    private static (ContractService Service, Recorder Recorder) Service(string contract)
    {
        var web3 = MorphWeb3.Connect("http://127.0.0.1:9");
        var recorder = new Recorder();
        web3.Client.OverridingRequestInterceptor = recorder;
        var chain = new MorphChain(web3, Networks.MorphMainnetL2, "fake");
        var type = typeof(ContractService).Assembly.GetType($"Morph.Protocol.Sdk.{contract}Service")!;
        var service = (ContractService)Activator.CreateInstance(type, chain, Networks.MorphMainnetL2.AddressOf(contract))!;
        return (service, recorder);
    }

    /// <summary>The typed arguments of a binding record, in order (its primary constructor's).</summary>
    private static object?[] Arguments(object record) =>
        record.GetType().GetConstructors().Single(c => c.GetParameters().All(p => p.ParameterType != record.GetType()))
            .GetParameters().Select(p => record.GetType().GetProperty(char.ToUpperInvariant(p.Name![0]) + p.Name[1..])!.GetValue(record)).ToArray();

    private static IEnumerable<JsonElement> Cases(string kind)
    {
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Vectors, "abi", "morph-deployed.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == kind && L2Contracts.Contains(c.GetProperty("contract").GetString()));
    }

    [TestMethod]
    public async Task Every_L2_function_case_is_the_request_the_service_sends()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var c in Cases("function"))
        {
            var contract = c.GetProperty("contract").GetString()!;
            var signature = c.GetProperty("signature").GetString()!;
            var (service, recorder) = Service(contract);
            var f = service.Contract.Functions.Single(x => x.Signature == signature);
            var call = f.FromValues(AbiJson.FromJson(f.ParameterTypes, c.GetProperty("args")));
            var member = call.GetType().Name[..^"Call".Length];
            var isView = f.Mutability is "view" or "pure";
            var method = service.GetType().GetMethod(isView ? member + "Async" : "Estimate" + member + "Async")
                ?? throw new AssertFailedException($"{contract}Service has no method for {signature}");
            object?[] args = [.. Arguments(call), .. f.Mutability == "payable" ? [UInt256.Zero] : Array.Empty<object?>(), .. isView ? new object?[] { null } : [], CancellationToken.None];
            try { await (Task)method.Invoke(service, args)!; }
            catch (Exception e) { failures.Add($"{contract}.{signature}: {e.GetType().Name}: {e.Message}"); continue; }
            var (rpc, p) = recorder.Requests.Single();
            if (rpc != (isView ? "eth_call" : "eth_estimateGas")) failures.Add($"{contract}.{signature}: sent {rpc}");
            if ((string?)p["data"] != c.GetProperty("calldata").GetString()) failures.Add($"{contract}.{signature}: data {(string?)p["data"]}");
            if (Address.Parse((string)p["to"]!) != Networks.MorphMainnetL2.AddressOf(contract)) failures.Add($"{contract}.{signature}: to {(string?)p["to"]}");
            count++;
        }
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        Assert.IsTrue(count > 150, $"{count} L2 function cases");
    }

    [TestMethod]
    public async Task Every_L2_event_case_comes_back_from_the_service_typed()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var c in Cases("event"))
        {
            var contract = c.GetProperty("contract").GetString()!;
            var signature = c.GetProperty("signature").GetString()!;
            var (service, recorder) = Service(contract);
            var e = service.Contract.Events.Single(x => x.Signature == signature);
            var topics = c.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
            recorder.Logs =
            [
                new FilterLog
                {
                    Address = service.Address.ToString(), Topics = topics.Cast<object>().ToArray(), Data = c.GetProperty("data").GetString(),
                    BlockNumber = new HexBigInteger(7), LogIndex = new HexBigInteger(0), TransactionHash = Bytes32.Zero.ToString(),
                },
            ];
            var method = service.GetType().GetMethods().SingleOrDefault(m => m.Name.StartsWith("Get") && m.Name.EndsWith("EventsAsync") &&
                m.ReturnType.GetGenericArguments()[0].GetGenericArguments()[0].GetGenericArguments()[0].GetProperty("Info", BindingFlags.Public | BindingFlags.Static)!.GetValue(null) == e);
            if (method is null) { failures.Add($"{contract}.{signature}: no query method"); continue; }
            var args = method.GetParameters().Select(p => p.Name == "cancellationToken" ? CancellationToken.None : p.Name == "fromBlock" ? (object)0UL : null).ToArray();
            var task = (Task)method.Invoke(service, args)!;
            await task;
            var result = (System.Collections.IList)task.GetType().GetProperty("Result")!.GetValue(task)!;
            if (result.Count != 1) { failures.Add($"{contract}.{signature}: {result.Count} typed events"); continue; }
            var typed = (IContractEvent)result[0]!.GetType().GetProperty("Event")!.GetValue(result[0])!;
            var log = typed.Encode();
            if (!log.Topics.Select(t => t.ToString()).SequenceEqual(topics) || log.Data.ToString() != c.GetProperty("data").GetString())
                failures.Add($"{contract}.{signature}: typed event re-encodes to another log");
            var query = recorder.Requests.Single(r => r.Method == "eth_getLogs").Params;
            if ((string?)query["topics"]![0] != e.Topic0.ToString()) failures.Add($"{contract}.{signature}: queried topic0 {(string?)query["topics"]![0]}");
            count++;
        }
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        Assert.IsTrue(count > 30, $"{count} L2 event cases");
    }
}
