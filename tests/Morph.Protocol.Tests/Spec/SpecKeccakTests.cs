using Morph.Protocol.Primitives;
using Morph.Protocol.Spec.Model;

namespace Morph.Protocol.Tests.Spec;

/// <summary>The front end's own Keccak-256 (selectors and topics at compile time) against the runtime's (BouncyCastle),
/// across the rate boundary (136 bytes) and several blocks.</summary>
[TestClass]
public sealed class SpecKeccakTests
{
    [TestMethod]
    public void Equals_the_runtime_Keccak_for_every_length_up_to_three_blocks()
    {
        var random = new Random(11);
        for (int n = 0; n <= 3 * 136 + 1; n++)
        {
            var input = new byte[n];
            random.NextBytes(input);
            CollectionAssert.AreEqual(Keccak256.Hash(input).ToArray(), SpecKeccak.Hash(input), $"length {n}");
        }
        Assert.AreEqual(0xa9059cbbu, SpecKeccak.Selector("transfer(address,uint256)"));
    }
}
