using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.Primitives;

[TestClass]
public sealed class UInt256AllocationTests
{
    [TestMethod]
    public void Arithmetic_does_not_allocate()
    {
        var a = UInt256.Parse("0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef");
        var b = UInt256.Parse("0xfedcba0987654321fedcba09876543");
        var sink = Run(a, b); // warm up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) sink ^= Run(a, b);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.AreEqual(0L, allocated);
        Assert.IsFalse(sink.IsZero && a.IsZero);
    }

    private static UInt256 Run(UInt256 a, UInt256 b)
    {
        var r = UInt256.WrappingAdd(a, b) ^ UInt256.WrappingSubtract(a, b) ^ UInt256.WrappingMultiply(a, b);
        r ^= a / b ^ a % b ^ UInt256.MulDiv(a, b, b + UInt256.One) ^ (a << 77) ^ (a >> 131);
        UInt256.TryMultiply(a, a, out var sq);
        UInt256.DivRem(a, b, out var q, out var rem);
        return r ^ sq ^ q ^ rem ^ UInt256.Pow10(30);
    }
}
