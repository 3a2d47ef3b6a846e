using System.Text.Json;
using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Contracts.Vectors;

/// <summary>Checks a morph-deployed.json case (a contract function's calldata or an event's log) through the
/// generated bindings: the typed record built from the case's arguments must encode to exactly the case's bytes,
/// and decoding those bytes must give the same record back.</summary>
public static class DeployedVectorCases
{
    public static string? Run(JsonElement c)
    {
        var contractName = c.GetProperty("contract").GetString()!;
        var signature = c.GetProperty("signature").GetString()!;
        var contract = ContractCatalog.Contracts.FirstOrDefault(x => x.Name == contractName);
        if (contract is null) return $"contract {contractName} is not declared in the spec";
        return c.GetProperty("kind").GetString() switch
        {
            "function" => RunFunction(contract, signature, c),
            "event" => RunEvent(contract, signature, c),
            var k => $"unknown kind '{k}'",
        };
    }

    private static string? RunFunction(ContractInfo contract, string signature, JsonElement c)
    {
        var f = contract.Functions.FirstOrDefault(x => x.Signature == signature);
        if (f is null) return $"{contract.Name}.{signature} is not declared in the spec";
        var selector = Hex.Parse(c.GetProperty("selector").GetString()!);
        if (!f.Selector.SequenceEqual(selector)) return $"selector {Hex.ToHex(f.Selector)} != {Hex.ToHex(selector)}";
        var calldata = Hex.Parse(c.GetProperty("calldata").GetString()!);
        var call = f.FromValues(AbiJson.FromJson(f.ParameterTypes, c.GetProperty("args")));
        var encoded = call.Encode();
        if (!encoded.AsSpan().SequenceEqual(calldata)) return $"calldata {Hex.ToHex(encoded)} != {Hex.ToHex(calldata)}";
        var decoded = f.Decode(calldata);
        if (!decoded.IsOk) return $"decode failed: {decoded.Error}";
        if (!decoded.Value!.Equals(call)) return $"decoded {decoded.Value} != {call}";
        return null;
    }

    private static string? RunEvent(ContractInfo contract, string signature, JsonElement c)
    {
        var e = contract.Events.FirstOrDefault(x => x.Signature == signature);
        if (e is null) return $"{contract.Name}.{signature} is not declared in the spec";
        var topic0 = Bytes32.Parse(c.GetProperty("topic0").GetString()!);
        if (e.Topic0 != topic0) return $"topic0 {e.Topic0} != {topic0}";
        var topics = c.GetProperty("topics").EnumerateArray().Select(t => Bytes32.Parse(t.GetString()!)).ToArray();
        var log = new AbiLog(new ValueArray<Bytes32>(topics), ByteString.ParseHex(c.GetProperty("data").GetString()!));

        // The typed record holds an indexed dynamic value as its topic hash; take it from the plain encoding.
        var raw = AbiJson.FromJson(e.Parameters.Select(p => p.Type).ToArray(), c.GetProperty("args")).ToArray();
        var plain = AbiEvents.Encode(e.Topic0, e.Parameters, raw);
        int topic = 1;
        for (int i = 0; i < raw.Length; i++)
        {
            if (!e.Parameters[i].Indexed) continue;
            if (e.Parameters[i].Type is AbiBytes or AbiString or AbiArray or AbiTuple) raw[i] = new AbiValue.IndexedHash(plain.Topics[topic]);
            topic++;
        }
        var ev = e.FromValues(raw);
        var encoded = ev.Encode();
        if (!encoded.Topics.Equals(log.Topics)) return $"topics [{string.Join(", ", encoded.Topics)}] != [{string.Join(", ", log.Topics)}]";
        if (!encoded.Data.Equals(log.Data)) return $"data {encoded.Data} != {log.Data}";
        var decoded = e.Decode(log);
        if (!decoded.IsOk) return $"decode failed: {decoded.Error}";
        if (!decoded.Value!.Equals(ev)) return $"decoded {decoded.Value} != {ev}";
        return null;
    }
}
