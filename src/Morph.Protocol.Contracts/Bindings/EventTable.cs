using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Contracts;

/// <summary>A log as a node returns it: the emitting address, the topics and data, and where it sits.</summary>
public sealed record ChainLog(Address Address, AbiLog Log, ulong BlockNumber, Bytes32 TransactionHash, ulong LogIndex);

/// <summary>A log decoded against the spec's contracts: the event and its typed record, or <see cref="IsKnown"/>
/// false when no declared event matches it (unknown topic0, or a known topic0 whose layout does not fit).</summary>
public sealed record DecodedLog(ChainLog Raw, ContractEventInfo? Info, IContractEvent? Event, string? Problem)
{
    public bool IsKnown => Event is not null;
    public string Contract => Info?.Contract ?? "unknown";
    public string Name => Info?.Name ?? "unknown";
}

/// <summary>One topic0 → event table over every contract of the spec. Several contracts may declare the same
/// event (OwnershipTransferred, Initialized): where an address book says which contracts sit at the log's
/// address, their declarations are tried first, then every other one with that topic0.</summary>
public sealed class EventTable
{
    private readonly Dictionary<Bytes32, ContractEventInfo[]> _byTopic;
    private readonly AddressBook? _book;

    public EventTable(IEnumerable<ContractInfo> contracts, AddressBook? book = null)
    {
        _byTopic = contracts.SelectMany(c => c.Events).GroupBy(e => e.Topic0).ToDictionary(g => g.Key, g => g.ToArray());
        _book = book;
    }

    /// <summary>Every contract of the spec (the generated catalog).</summary>
    public static EventTable ForSpec(AddressBook? book = null) => new(ContractCatalog.Contracts, book);

    public int Count => _byTopic.Count;

    public IReadOnlyList<ContractEventInfo> Candidates(Bytes32 topic0) => _byTopic.TryGetValue(topic0, out var es) ? es : [];

    public DecodedLog Decode(ChainLog raw)
    {
        if (raw.Log.Topics.Count == 0) return new DecodedLog(raw, null, null, "anonymous log (no topic0)");
        if (!_byTopic.TryGetValue(raw.Log.Topics[0], out var candidates)) return new DecodedLog(raw, null, null, "unknown topic0 " + raw.Log.Topics[0]);
        var at = _book?.ContractsAt(raw.Address) ?? [];
        ContractResult<IContractEvent> last = default;
        foreach (var e in candidates.OrderBy(e => at.Contains(e.Contract) ? 0 : 1))
        {
            last = e.Decode(raw.Log);
            if (last.IsOk) return new DecodedLog(raw, e, last.Value, null);
        }
        return new DecodedLog(raw, null, null, $"topic0 of {candidates[0].Signature} but {last.Error}");
    }
}
