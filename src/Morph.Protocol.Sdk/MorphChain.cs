using System.Numerics;
using System.Runtime.CompilerServices;
using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Newtonsoft.Json.Linq;

namespace Morph.Protocol.Sdk;

/// <summary>Where a log query looks: a block range (<c>To</c> null = the latest block) and topic filters
/// (topic1..3, null = any).</summary>
public sealed record LogQuery(ulong From = 0, ulong? To = null, IReadOnlyList<Address>? Addresses = null, Bytes32? Topic0 = null,
    Bytes32? Topic1 = null, Bytes32? Topic2 = null, Bytes32? Topic3 = null);

/// <summary>A transaction's outcome: status, gas and every log decoded against the spec's contracts.</summary>
public sealed record MorphReceipt(Bytes32 TransactionHash, ulong BlockNumber, bool Succeeded, ulong GasUsed, IReadOnlyList<DecodedLog> Logs)
{
    /// <summary>The logs that decoded to <typeparamref name="T"/>, in order.</summary>
    public IReadOnlyList<T> Events<T>() where T : IContractEvent => Logs.Select(l => l.Event).OfType<T>().ToList();
}

/// <summary>Per-send settings; unset fields are estimated or filled by Nethereum's transaction manager.</summary>
public sealed record TxOptions(ulong? GasLimit = null);

/// <summary>The JSON-RPC side of every service, on Nethereum's client and transaction manager: calls, estimates,
/// sends (simulated with eth_call first), receipts and log queries, with reverts decoded into
/// <see cref="ContractRevertException"/> and transport failures turned into one-line
/// <see cref="ChainTransportException"/>s. Our ABI codec builds and reads every byte; Nethereum moves them.</summary>
public sealed class MorphChain
{
    private long _id;

    public MorphChain(IWeb3 web3, AddressBook? book = null, string? endpoint = null)
    {
        Web3 = web3;
        Book = book;
        Endpoint = endpoint ?? "the node";
        Events = EventTable.ForSpec(book);
    }

    public IWeb3 Web3 { get; }
    public AddressBook? Book { get; }
    public string Endpoint { get; }
    public EventTable Events { get; }
    public RevertDecoder Reverts { get; init; } = RevertDecoder.Default;
    /// <summary>The longest any one RPC request may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Log queries wider than this are split before asking; a node that refuses a range splits it further.</summary>
    public ulong MaxLogRange { get; init; } = 10_000;
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);
    /// <summary>How long a send waits for its receipt: a transaction dropped or replaced (another sender of the same
    /// account and nonce) never gets one, and a wait must end with a clear error, not hang.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The signing account's address, when the Web3 has one.</summary>
    public Address? From => Web3.TransactionManager?.Account?.Address is { } a ? Address.Parse(a) : null;

    public async Task<T> RequestAsync<T>(string method, CancellationToken ct, params object[] args)
    {
        // WaitAsync returns a task that already completed even when the token was cancelled first: check it here.
        ct.ThrowIfCancellationRequested();
        var request = new RpcRequest(Interlocked.Increment(ref _id), method, args);
        try
        {
            return await Web3.Client.SendRequestAsync<T>(request).WaitAsync(Timeout, ct).ConfigureAwait(false);
        }
        catch (TimeoutException e) { throw new ChainTransportException($"{Endpoint}: {method} timed out after {Timeout.TotalSeconds:0.#} s", e); }
        catch (RpcClientTimeoutException e) { throw new ChainTransportException($"{Endpoint}: {method} timed out ({e.Message})", e); }
        catch (RpcClientUnknownException e) { throw new ChainTransportException($"{Endpoint}: node unreachable ({Innermost(e)})", e); }
        catch (HttpRequestException e) { throw new ChainTransportException($"{Endpoint}: node unreachable ({Innermost(e)})", e); }
        catch (RpcResponseFormatException e) { throw new ChainTransportException($"{Endpoint}: {method} answered malformed JSON ({e.Message})", e); }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }

    public async Task<ulong> ChainIdAsync(CancellationToken ct = default) => (ulong)(await RequestAsync<HexBigInteger>("eth_chainId", ct)).Value;

    public async Task<ulong> BlockNumberAsync(CancellationToken ct = default) => (ulong)(await RequestAsync<HexBigInteger>("eth_blockNumber", ct)).Value;

    /// <summary>Fails with one line if the node serves another chain than <paramref name="expected"/>
    /// (the address book's, when not given).</summary>
    public async Task EnsureChainIdAsync(ulong? expected = null, CancellationToken ct = default)
    {
        var want = expected ?? Book?.ChainId ?? throw new InvalidOperationException("no chain id to check against");
        var actual = await ChainIdAsync(ct);
        if (actual != want) throw new ChainTransportException($"{Endpoint}: wrong chain id {actual}, expected {want}{(Book is null ? "" : $" ({Book.Name})")}");
    }

    private static object CallObject(Address to, ReadOnlySpan<byte> data, Address? from, UInt256 value)
    {
        var o = new JObject { ["to"] = to.ToString(), ["data"] = Hex.ToHex(data) };
        if (from is { } f) o["from"] = f.ToString();
        if (value != UInt256.Zero) o["value"] = "0x" + value.ToBigInteger().ToString("x").TrimStart('0').PadLeft(1, '0');
        return o;
    }

    private static string BlockTag(BlockParameter? block) => block is null ? "latest" : block.GetRPCParam();

    /// <summary>eth_call: the returned bytes, or a <see cref="ContractRevertException"/> with the decoded reason.</summary>
    public async Task<byte[]> CallAsync(string operation, Address to, byte[] data, Address? from = null, UInt256 value = default,
        BlockParameter? block = null, CancellationToken ct = default)
    {
        try
        {
            return Hex.Parse(await RequestAsync<string>("eth_call", ct, CallObject(to, data, from, value), BlockTag(block)));
        }
        catch (RpcResponseException e) { throw Revert(operation + " call", e); }
    }

    public async Task<ulong> EstimateGasAsync(string operation, Address to, byte[] data, Address? from = null, UInt256 value = default,
        CancellationToken ct = default)
    {
        try
        {
            return (ulong)(await RequestAsync<HexBigInteger>("eth_estimateGas", ct, CallObject(to, data, from, value))).Value;
        }
        catch (RpcResponseException e) { throw Revert(operation + " estimate", e); }
    }

    /// <summary>A revert if the node's error carries revert data (or says "revert"), else a transport error.</summary>
    private Exception Revert(string operation, RpcResponseException e)
    {
        var data = e.RpcError?.Data;
        string? hex = data switch
        {
            null => null,
            string s => s,
            JValue v when v.Type == JTokenType.String => (string?)v,
            JObject o => o["data"]?.Value<string>(),
            _ => data.ToString()?.Trim('"'),
        };
        if (hex is not null && Hex.TryParse(hex, out var bytes)) return new ContractRevertException(operation, Reverts.Decode(bytes));
        var message = e.RpcError?.Message ?? e.Message;
        if (message.Contains("revert", StringComparison.OrdinalIgnoreCase))
            return new ContractRevertException(operation, new RevertReason(RevertKind.Empty, message, ByteString.Empty));
        return new ChainTransportException($"{Endpoint}: {operation} refused: {message}", e);
    }

    /// <summary>Simulates with eth_call, estimates gas, then signs and sends through Nethereum's transaction
    /// manager (which takes the nonce). A revert in the simulation or the estimate throws before any nonce is taken.</summary>
    public async Task<Bytes32> SendAsync(string operation, Address to, byte[] data, UInt256 value = default, TxOptions? options = null,
        CancellationToken ct = default)
    {
        var manager = Web3.TransactionManager ?? throw new InvalidOperationException("this Web3 has no transaction manager");
        var from = From ?? throw new InvalidOperationException($"{operation}: this Web3 has no account to send from (give a key)");
        await CallAsync(operation, to, data, from, value, null, ct);
        var gas = options?.GasLimit ?? await EstimateGasAsync(operation, to, data, from, value, ct) * 5 / 4;
        var input = new TransactionInput(Hex.ToHex(data), to.ToString(), from.ToString(), new HexBigInteger(gas), new HexBigInteger(value.ToBigInteger()));
        try
        {
            var hash = await manager.SendTransactionAsync(input).WaitAsync(Timeout, ct);
            return Bytes32.Parse(hash);
        }
        catch (RpcResponseException e) { throw Revert(operation + " send", e); }
        catch (TimeoutException e) { throw new ChainTransportException($"{Endpoint}: send timed out after {Timeout.TotalSeconds:0.#} s", e); }
        catch (RpcClientUnknownException e) { throw new ChainTransportException($"{Endpoint}: node unreachable ({Innermost(e)})", e); }
    }

    /// <summary>Polls for the receipt until mined, then decodes its logs. A mined failure (status 0) throws
    /// <see cref="ContractRevertException"/> with the hash and, where the node traces, the decoded reason.</summary>
    public async Task<MorphReceipt> WaitForReceiptAsync(string operation, Bytes32 hash, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + ReceiptTimeout;
        while (true)
        {
            if (DateTime.UtcNow > deadline)
                throw new ChainTransportException($"{Endpoint}: {operation}: no receipt for {hash} after {ReceiptTimeout.TotalSeconds:0.#} s (dropped, or replaced by another transaction of the same nonce)");
            var receipt = await RequestAsync<TransactionReceipt?>("eth_getTransactionReceipt", ct, hash.ToString());
            if (receipt is not null)
            {
                var logs = (receipt.Logs ?? []).Select(l => Events.Decode(ToChainLog(l))).ToList();
                var r = new MorphReceipt(hash, (ulong)receipt.BlockNumber.Value, receipt.Status?.Value == 1, (ulong)receipt.GasUsed.Value, logs);
                if (!r.Succeeded) throw new ContractRevertException(operation + " send", await MinedRevertReasonAsync(hash, ct), hash.ToString());
                return r;
            }
            await Task.Delay(PollInterval, ct);
        }
    }

    /// <summary>Why a mined transaction failed: its top call's output from <c>trace_transaction</c> (anvil, Erigon,
    /// Reth, Nethermind), decoded; unknown when the node keeps no trace.</summary>
    private async Task<RevertReason> MinedRevertReasonAsync(Bytes32 hash, CancellationToken ct)
    {
        try
        {
            var traces = await RequestAsync<JArray?>("trace_transaction", ct, hash.ToString());
            var output = traces?.FirstOrDefault()?["result"]?["output"]?.Value<string>();
            if (output is not null && Hex.TryParse(output, out var data)) return Reverts.Decode(data);
        }
        catch (RpcResponseException) { }
        return new RevertReason(RevertKind.Unknown, "mined with status 0 (the node keeps no trace of why)", ByteString.Empty);
    }

    public static ChainLog ToChainLog(FilterLog l) => new(
        Address.Parse(l.Address),
        new AbiLog(new ValueArray<Bytes32>((l.Topics ?? []).Select(t => Bytes32.Parse(t?.ToString() ?? ""))), ByteString.ParseHex(l.Data ?? "0x")),
        (ulong)(l.BlockNumber?.Value ?? 0), l.TransactionHash is null ? default : Bytes32.Parse(l.TransactionHash), (ulong)(l.LogIndex?.Value ?? 0));

    /// <summary>eth_getLogs over [From, To], in chunks of at most <see cref="MaxLogRange"/> blocks; a chunk the node
    /// refuses is halved until it passes (a one-block range that still fails is an error). Ordered, each log once.</summary>
    public async Task<IReadOnlyList<ChainLog>> GetLogsAsync(LogQuery query, CancellationToken ct = default)
    {
        var to = query.To ?? await BlockNumberAsync(ct);
        var result = new List<ChainLog>();
        for (var start = query.From; start <= to; start += MaxLogRange)
        {
            var end = Math.Min(to, start + MaxLogRange - 1);
            await GetRangeAsync(query, start, end, result, ct);
            if (end == ulong.MaxValue) break;
        }
        return result;
    }

    /// <summary>How many ranges the node refused and were split (for diagnostics and tests).</summary>
    public int RangeSplits => _splits;
    private int _splits;

    private async Task GetRangeAsync(LogQuery q, ulong from, ulong to, List<ChainLog> into, CancellationToken ct)
    {
        var filter = new JObject { ["fromBlock"] = "0x" + from.ToString("x"), ["toBlock"] = "0x" + to.ToString("x") };
        if (q.Addresses is { Count: > 0 } addrs) filter["address"] = new JArray(addrs.Select(a => a.ToString()));
        var topics = new JArray(Topic(q.Topic0), Topic(q.Topic1), Topic(q.Topic2), Topic(q.Topic3));
        while (topics.Count > 0 && topics[^1]?.Type == JTokenType.Null) topics.RemoveAt(topics.Count - 1);
        if (topics.Count > 0) filter["topics"] = topics;
        FilterLog[] logs;
        try
        {
            logs = await RequestAsync<FilterLog[]>("eth_getLogs", ct, filter);
        }
        catch (RpcResponseException) when (to > from)
        {
            // The node refused the range (too many blocks or results): halve it.
            Interlocked.Increment(ref _splits);
            var mid = from + (to - from) / 2;
            await GetRangeAsync(q, from, mid, into, ct);
            await GetRangeAsync(q, mid + 1, to, into, ct);
            return;
        }
        catch (RpcResponseException e) { throw new ChainTransportException($"{Endpoint}: eth_getLogs refused block {from}: {e.RpcError?.Message ?? e.Message}", e); }
        into.AddRange(logs.Select(ToChainLog));
    }

    private static JToken Topic(Bytes32? t) => t is { } v ? new JValue(v.ToString()) : JValue.CreateNull();

    /// <summary>The logs of <paramref name="query"/> from its first block on, then of every new block as it is
    /// mined, until cancelled (an <see cref="OperationCanceledException"/> ends the enumeration).</summary>
    public async IAsyncEnumerable<ChainLog> FollowLogsAsync(LogQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var next = query.From;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var head = await BlockNumberAsync(ct);
            if (query.To is { } stop && head > stop) head = stop;
            if (head >= next)
            {
                foreach (var log in await GetLogsAsync(query with { From = next, To = head }, ct)) yield return log;
                next = head + 1;
                if (query.To is { } end && next > end) yield break;
            }
            else await Task.Delay(PollInterval, ct);
        }
    }
}
