using System.Text.Json;
using System.Text.Json.Serialization;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Contracts;

/// <summary>One contract of a network: the spec contract's name, its address, and whether the address is an
/// ERC-1967 proxy (L1's upgradeable contracts) whose own events (<c>Upgraded</c>, <c>AdminChanged</c>) are
/// emitted at the same address.</summary>
public sealed record AddressBookEntry(string Contract, Address Address, bool Proxy = false);

/// <summary>A network: its chain id and where each contract sits (L1 proxies, L2 predeploys). Loaded from JSON:
/// <c>{ "name": "…", "chainId": 900, "contracts": { "L1Staking": { "address": "0x…", "proxy": true }, "Whitelist": "0x…" } }</c>.</summary>
public sealed class AddressBook
{
    /// <summary>The spec contract that holds the proxy's own events; attached to every proxy address.</summary>
    public const string ProxyContract = "ERC1967Proxy";

    private readonly Dictionary<Address, string[]> _byAddress;
    private readonly Dictionary<string, AddressBookEntry> _byName;

    public AddressBook(string name, ulong chainId, IEnumerable<AddressBookEntry> entries)
    {
        Name = name; ChainId = chainId; Entries = entries.ToArray();
        _byName = Entries.ToDictionary(e => e.Contract, StringComparer.Ordinal);
        _byAddress = Entries.GroupBy(e => e.Address).ToDictionary(g => g.Key,
            g => g.Select(e => e.Contract).Concat(g.Any(e => e.Proxy) ? [ProxyContract] : []).Distinct().ToArray());
    }

    public string Name { get; }
    public ulong ChainId { get; }
    public IReadOnlyList<AddressBookEntry> Entries { get; }

    /// <summary>The contracts whose events may come from this address (a proxy: its contract and ERC1967Proxy).</summary>
    public IReadOnlyList<string> ContractsAt(Address address) => _byAddress.TryGetValue(address, out var cs) ? cs : [];

    public Address AddressOf(string contract) =>
        _byName.TryGetValue(contract, out var e) ? e.Address : throw new KeyNotFoundException($"{Name}: no address for contract {contract}");

    public bool TryGetAddress(string contract, out Address address)
    {
        var ok = _byName.TryGetValue(contract, out var e);
        address = ok ? e!.Address : default;
        return ok;
    }

    public static AddressBook Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses the JSON form; a malformed book is a FormatException naming the field.</summary>
    public static AddressBook Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var name = root.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        if (!root.TryGetProperty("chainId", out var id) || !id.TryGetUInt64(out var chainId))
            throw new FormatException($"address book {name}: 'chainId' missing or not an unsigned integer");
        if (!root.TryGetProperty("contracts", out var cs) || cs.ValueKind != JsonValueKind.Object)
            throw new FormatException($"address book {name}: 'contracts' missing or not an object");
        var entries = new List<AddressBookEntry>();
        foreach (var c in cs.EnumerateObject())
        {
            string? addr; bool proxy = false;
            if (c.Value.ValueKind == JsonValueKind.String) addr = c.Value.GetString();
            else
            {
                addr = c.Value.TryGetProperty("address", out var a) ? a.GetString() : null;
                proxy = c.Value.TryGetProperty("proxy", out var p) && p.ValueKind == JsonValueKind.True;
            }
            if (!Address.TryParse(addr, out var address)) throw new FormatException($"address book {name}: contracts.{c.Name} has no valid address");
            entries.Add(new AddressBookEntry(c.Name, address, proxy));
        }
        return new AddressBook(name, chainId, entries);
    }

    public string ToJson()
    {
        var contracts = Entries.ToDictionary(e => e.Contract, e => (object)(e.Proxy ? new { address = e.Address.ToString(), proxy = true } : e.Address.ToString()));
        return JsonSerializer.Serialize(new { name = Name, chainId = ChainId, contracts }, new JsonSerializerOptions { WriteIndented = true });
    }
}
