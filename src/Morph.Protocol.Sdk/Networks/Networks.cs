using Morph.Protocol.Contracts;

namespace Morph.Protocol.Sdk;

/// <summary>The address books shipped with the SDK (embedded JSON; the same format loads from a file with
/// <see cref="AddressBook.Load"/>).</summary>
public static class Networks
{
    /// <summary>The L1 staking deployment of ../shared/fixtures/morph-l1-anvil (chain 900): four proxies, ProxyAdmin, Whitelist.</summary>
    public static AddressBook MorphL1Anvil { get; } = Embedded("morph-l1-anvil.json");

    /// <summary>Morph's L2 predeploys (Predeploys.sol: the same addresses on every Morph L2), with mainnet's chain id.</summary>
    public static AddressBook MorphMainnetL2 { get; } = Embedded("morph-mainnet-l2.json");

    public static IReadOnlyList<AddressBook> All { get; } = [MorphL1Anvil, MorphMainnetL2];

    /// <summary>A shipped book by name, else a JSON file at that path.</summary>
    public static AddressBook Resolve(string nameOrPath) =>
        All.FirstOrDefault(b => b.Name == nameOrPath) ?? AddressBook.Load(nameOrPath);

    private static AddressBook Embedded(string file)
    {
        using var stream = typeof(Networks).Assembly.GetManifestResourceStream("Morph.Protocol.Sdk.Networks." + file)
            ?? throw new InvalidOperationException("missing embedded address book " + file);
        using var reader = new StreamReader(stream);
        return AddressBook.Parse(reader.ReadToEnd());
    }
}
