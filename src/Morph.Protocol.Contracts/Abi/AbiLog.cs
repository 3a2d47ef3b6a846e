using Morph.Protocol.Primitives;

namespace Morph.Protocol.Abi;

public sealed record AbiEventParameter(string Name, AbiType Type, bool Indexed);

/// <summary>An EVM log as topics plus data.</summary>
public sealed record AbiLog(ValueArray<Bytes32> Topics, ByteString Data);
