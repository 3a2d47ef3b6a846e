using System.Buffers.Binary;
using System.Numerics;

namespace Morph.Protocol.Simulation;

/// <summary>CRC-32C (Castagnoli, reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF), the
/// checksum of <see cref="Journal"/> frames. <see cref="BitOperations.Crc32C(uint, ulong)"/> runs on the processor's
/// CRC instruction where there is one (SSE 4.2, ARMv8) and in software elsewhere, so no package is needed.</summary>
public static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(~0u, data);

    /// <summary>Continues a running (pre-inverted) CRC over <paramref name="data"/>; start at <c>~0u</c>, invert at the end.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        // Eight bytes a step: the instruction consumes a little-endian word exactly as it would its bytes one by one.
        for (; data.Length >= 8; data = data[8..]) crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
        foreach (var b in data) crc = BitOperations.Crc32C(crc, b);
        return crc;
    }
}
