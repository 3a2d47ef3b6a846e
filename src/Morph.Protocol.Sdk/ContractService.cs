using System.Runtime.CompilerServices;
using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace Morph.Protocol.Sdk;

/// <summary>A typed event with where it was logged.</summary>
public sealed record EventLog<T>(T Event, ChainLog Raw) where T : IContractEvent;

/// <summary>The base of every generated service: one contract at one address on one chain. The generated
/// members build the calldata with the generated bindings and read the results with our ABI codec; this class
/// moves them through <see cref="MorphChain"/>. No model rule is applied: what the contract accepts is its own.</summary>
public abstract class ContractService
{
    protected ContractService(MorphChain chain, Address address, ContractInfo contract)
    {
        Chain = chain; Address = address; Contract = contract;
    }

    protected ContractService(IWeb3 web3, Address address, ContractInfo contract) : this(new MorphChain(web3), address, contract) { }

    public MorphChain Chain { get; }
    public IWeb3 Web3 => Chain.Web3;
    public Address Address { get; }
    public ContractInfo Contract { get; }

    private static string Operation(IContractCall call) => call.Function.ToString();

    protected async Task<IReadOnlyList<AbiValue>> CallAsync(IContractCall call, BlockParameter? block, CancellationToken ct) =>
        DecodeReturn(call, await Chain.CallAsync(Operation(call), Address, call.Encode(), Chain.From, default, block, ct));

    private IReadOnlyList<AbiValue> DecodeReturn(IContractCall call, byte[] output)
    {
        var r = AbiCodec.Decode(call.Function.ReturnTypes, output);
        if (!r.IsOk)
            throw new ChainTransportException($"{Chain.Endpoint}: {Operation(call)} at {Address} returned {output.Length} bytes that do not decode as " +
                $"({string.Join(",", call.Function.ReturnTypes.Select(t => t.Canonical))}): {r.Error} (is the contract deployed there?)");
        return r.Values;
    }

    /// <summary>eth_call of a state-changing function from the sending account: its return values, or the revert.</summary>
    protected async Task<IReadOnlyList<AbiValue>> SimulateAsync(IContractCall call, UInt256 value, CancellationToken ct) =>
        DecodeReturn(call, await Chain.CallAsync(Operation(call), Address, call.Encode(), Chain.From, value, null, ct));

    protected Task<ulong> EstimateAsync(IContractCall call, UInt256 value, CancellationToken ct) =>
        Chain.EstimateGasAsync(Operation(call), Address, call.Encode(), Chain.From, value, ct);

    protected Task<Bytes32> SendAsync(IContractCall call, UInt256 value, TxOptions? options, CancellationToken ct) =>
        Chain.SendAsync(Operation(call), Address, call.Encode(), value, options, ct);

    protected async Task<MorphReceipt> SendAndWaitAsync(IContractCall call, UInt256 value, TxOptions? options, CancellationToken ct)
    {
        var hash = await SendAsync(call, value, options, ct);
        return await Chain.WaitForReceiptAsync(Operation(call), hash, ct);
    }

    /// <summary>The topic of an indexed argument (null = any), as the log carries it.</summary>
    protected static Bytes32? Topic(ContractEventInfo e, int parameter, AbiValue? value)
    {
        if (value is null) return null;
        if (value is AbiValue.IndexedHash h) return h.Hash;
        var bytes = AbiEvents.EncodeForTopic(e.Parameters[parameter].Type, value, topLevel: true);
        return e.Parameters[parameter].Type is AbiBytes or AbiString or AbiArray or AbiTuple ? Keccak256.Hash(bytes) : Bytes32.FromBytes(bytes);
    }

    private LogQuery Query(ContractEventInfo e, ulong from, ulong? to, Bytes32?[] topics) =>
        new(from, to, [Address], e.Topic0, topics.ElementAtOrDefault(0), topics.ElementAtOrDefault(1), topics.ElementAtOrDefault(2));

    private EventLog<T>? Typed<T>(ContractEventInfo e, ChainLog raw) where T : IContractEvent
    {
        var r = e.Decode(raw.Log);
        return r.IsOk && r.Value is T t ? new EventLog<T>(t, raw) : null;
    }

    protected async Task<IReadOnlyList<EventLog<T>>> GetEventsAsync<T>(ContractEventInfo e, ulong from, ulong? to, Bytes32?[] topics, CancellationToken ct)
        where T : IContractEvent =>
        (await Chain.GetLogsAsync(Query(e, from, to, topics), ct)).Select(l => Typed<T>(e, l)).OfType<EventLog<T>>().ToList();

    protected async IAsyncEnumerable<EventLog<T>> FollowEventsAsync<T>(ContractEventInfo e, ulong from, Bytes32?[] topics,
        [EnumeratorCancellation] CancellationToken ct) where T : IContractEvent
    {
        await foreach (var raw in Chain.FollowLogsAsync(Query(e, from, null, topics), ct))
            if (Typed<T>(e, raw) is { } t) yield return t;
    }
}
