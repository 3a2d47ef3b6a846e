using Morph.Protocol.L1;
using Morph.Protocol.L1.Restaking;
using Morph.Protocol.Lifecycles;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Tests.L1;

[TestClass]
public sealed class RestakingTests
{
    private static readonly Address A = Address.Parse("0x00000000000000000000000000000000000000a1");

    public static IEnumerable<object[]> Strategies() => [[new HoldingStrategy(), 0UL], [new WithdrawalQueueStrategy(40), 40UL]];

    [TestMethod]
    [DynamicData(nameof(Strategies))]
    public void Unrestaking_completes_after_the_strategys_delay_and_a_second_request_keeps_the_first(IRestakingStrategy s, ulong delay)
    {
        s.Deposit(A, 5, 10);
        Assert.AreEqual((UInt256)5, s.Held);
        Assert.IsFalse(s.IsUnrestaked(A, 1_000), "nothing requested yet");
        Assert.AreEqual(BlockBoundary.After(100, delay), s.RequestUnrestake(A, 100));
        Assert.AreEqual(BlockBoundary.After(100, delay), s.RequestUnrestake(A, 150), "a slash after a withdrawal keeps the queued entry");
        if (delay > 0) Assert.IsFalse(s.IsUnrestaked(A, 100 + delay - 1));
        Assert.IsTrue(s.IsUnrestaked(A, 100 + delay));
        s.Release(A);
        Assert.AreEqual(UInt256.Zero, s.Held);
    }

    [TestMethod]
    public void A_delay_reaching_beyond_the_last_block_never_completes_and_never_throws()
    {
        var s = new WithdrawalQueueStrategy(ulong.MaxValue);
        s.Deposit(A, 5, 10);
        var at = s.RequestUnrestake(A, 100);
        Assert.IsFalse(at.IsReachable);
        Assert.AreEqual((UInt128)100 + ulong.MaxValue, at.Height, "kept exact, not wrapped or saturated");
        Assert.IsFalse(s.IsUnrestaked(A, ulong.MaxValue));
    }

    [TestMethod]
    public void The_network_holds_the_eth_without_restaking_and_queues_with_it()
    {
        Assert.IsInstanceOfType<HoldingStrategy>(new L1Network(TestNet.Params()).Staking.Strategy);
        var queued = new L1Network(TestNet.Params(unrestakingDelay: 30)).Staking.Strategy;
        Assert.AreEqual("WithdrawalQueue(30 blocks)", queued.Name);
    }
}
