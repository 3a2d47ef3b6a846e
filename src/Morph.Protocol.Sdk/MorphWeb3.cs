using System.Numerics;
using Nethereum.RPC.NonceServices;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace Morph.Protocol.Sdk;

/// <summary>Nethereum's <see cref="Web3"/> set up for the services: a signing account (when a key is given) whose
/// nonces come from one in-memory counter, so concurrent sends from one account get distinct nonces.</summary>
public static class MorphWeb3
{
    public static Web3 Connect(string rpcUrl, string? privateKeyHex = null, ulong? chainId = null)
    {
        if (privateKeyHex is null) return new Web3(rpcUrl);
        var account = new Account(privateKeyHex, chainId is { } id ? new BigInteger(id) : null);
        var web3 = new Web3(account, rpcUrl);
        account.NonceService = new InMemoryNonceService(account.Address, web3.Client);
        return web3;
    }

    /// <summary>Reads a private key file (0x-hex, whitespace ignored).</summary>
    public static string ReadKeyFile(string path)
    {
        var key = File.ReadAllText(path).Trim();
        return key.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? key : "0x" + key;
    }
}
