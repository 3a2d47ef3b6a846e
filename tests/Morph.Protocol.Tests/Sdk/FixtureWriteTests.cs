using System.Numerics;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Sdk;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Morph.Protocol.Tests.Sdk;

/// <summary>New transactions on a fresh node of the fixture, through the generated services: they land with their
/// events, a revert is the typed exception and spends no nonce, concurrent sends get distinct nonces, and a
/// follower sees new events. The tests of this class share one node and its accounts, so they run one at a time.</summary>
[TestClass]
[DoNotParallelize]
public sealed class FixtureWriteTests
{
    private static AnvilNode? _node;
    private static AnvilNode Node => _node ?? throw new AssertInconclusiveException("no node");
    private static readonly AddressBook Book = Networks.MorphL1Anvil;
    private static readonly UInt256 OneEther = UInt256.FromBigInteger(BigInteger.Pow(10, 18));

    [ClassInitialize]
    public static void Start(TestContext _) { Chains.Clear(); _node = AnvilNode.Start(); }

    [ClassCleanup]
    public static void Stop() => _node?.Dispose();

    private static string Key(int account) => SdkPaths.Deployment.GetProperty("accounts")[account].GetProperty("privateKey").GetString()!;
    private static Address Account(int i) => Address.Parse(SdkPaths.Deployment.GetProperty("accounts")[i].GetProperty("address").GetString()!);

    // One chain (one Nethereum nonce service) per account and node: two services signing for one account must share it,
    // or their nonces collide.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, MorphChain> Chains = new();

    private static MorphChain As(int account) => Chains.GetOrAdd(account, a => new(MorphWeb3.Connect(Node.Url, Key(a), 900), Book, Node.Url));

    private static L1StakingService Staking(MorphChain chain) => new(chain, Book.AddressOf("L1Staking"));

    private static async Task<ulong> NonceAsync(MorphChain chain, Address a) =>
        (ulong)(await chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(a.ToString(), BlockParameter.CreatePending())).Value;

    private static ByteString RandomBytes(int n, int seed)
    {
        var b = new byte[n];
        new Random(seed).NextBytes(b);
        return ByteString.From(b);
    }

    [TestMethod]
    public async Task Whitelist_then_register_then_withdraw_land_with_their_events()
    {
        var owner = Staking(As(0));
        var newcomer = Account(6);
        Assert.IsFalse(await owner.WhitelistAsync(newcomer));

        var listed = await owner.UpdateWhitelistAndWaitAsync(new ValueArray<Address>([newcomer]), default);
        var whitelisted = listed.Events<L1StakingContract.WhitelistUpdatedEvent>().Single();
        CollectionAssert.AreEqual(new[] { newcomer }, whitelisted.Add.ToArray());
        Assert.IsTrue(await owner.WhitelistAsync(newcomer));

        var staker = Staking(As(6));
        var tmKey = Bytes32.FromBytes(RandomBytes(32, 6).Span);
        var blsKey = RandomBytes(256, 66);
        var registered = await staker.RegisterAndWaitAsync(tmKey, blsKey, OneEther);
        Assert.AreEqual(new L1StakingContract.RegisteredEvent(newcomer, tmKey, blsKey), registered.Events<L1StakingContract.RegisteredEvent>().Single());
        // The addStaker message to L2 leaves through the messenger and the queue: every log of the receipt decodes.
        CollectionAssert.AreEqual(new[] { "Registered", "QueueTransaction", "SentMessage" }, registered.Logs.Select(l => l.Name).ToArray());
        Assert.AreEqual(6UL, registered.Events<L1MessageQueueWithGasPriceOracleContract.QueueTransactionEvent>().Single().QueueIndex);
        Assert.IsTrue(await staker.IsActiveStakerAsync(newcomer));

        var leaving = Staking(As(1));
        var gas = await leaving.EstimateWithdrawAsync();
        Assert.IsTrue(gas > 21_000UL, $"estimate {gas}");
        await leaving.SimulateWithdrawAsync();
        var withdrawn = await leaving.WithdrawAndWaitAsync();
        Assert.IsTrue(withdrawn.GasUsed <= gas, $"used {withdrawn.GasUsed}, estimated {gas}");
        var w = withdrawn.Events<L1StakingContract.WithdrawnEvent>().Single();
        Assert.AreEqual(Account(1), w.Addr);
        Assert.AreEqual((UInt256)(withdrawn.BlockNumber + 3), w.UnlockHeight, "withdrawalLockBlocks = 3");
        CollectionAssert.AreEqual(new[] { Account(1) }, withdrawn.Events<L1StakingContract.StakersRemovedEvent>().Single().Stakers.ToArray());
        Assert.IsFalse(await leaving.IsActiveStakerAsync(Account(1)));
    }

    [TestMethod]
    public async Task A_reverting_send_is_the_typed_exception_and_spends_no_nonce()
    {
        var chain = As(7);
        var outsider = Staking(chain);
        var before = await NonceAsync(chain, Account(7));
        var tmKey = Bytes32.FromBytes(RandomBytes(32, 7).Span);
        var blsKey = RandomBytes(256, 77);

        var send = await Assert.ThrowsExactlyAsync<ContractRevertException>(() => outsider.RegisterAsync(tmKey, blsKey, OneEther));
        Assert.AreEqual(RevertKind.Error, send.Reason.Kind);
        Assert.AreEqual("not in whitelist", send.Reason.Message);
        StringAssert.Contains(send.Operation, "register(bytes32,bytes)");
        Assert.IsNull(send.TransactionHash);
        Assert.AreEqual(before, await NonceAsync(chain, Account(7)), "no nonce spent");

        var estimate = await Assert.ThrowsExactlyAsync<ContractRevertException>(() => outsider.EstimateRegisterAsync(tmKey, blsKey, OneEther));
        Assert.AreEqual("not in whitelist", estimate.Reason.Message);
        var simulate = await Assert.ThrowsExactlyAsync<ContractRevertException>(() => outsider.SimulateRegisterAsync(tmKey, blsKey, OneEther));
        Assert.AreEqual("not in whitelist", simulate.Reason.Message);

        // The owner-only check of OpenZeppelin's Ownable, and a second contract's reason.
        var notOwner = await Assert.ThrowsExactlyAsync<ContractRevertException>(() => outsider.UpdateWhitelistAsync(new ValueArray<Address>([Account(7)]), default));
        Assert.AreEqual("Ownable: caller is not the owner", notOwner.Reason.Message);
        Assert.AreEqual(before, await NonceAsync(chain, Account(7)));
    }

    [TestMethod]
    public async Task Ten_concurrent_sends_from_one_account_land_with_distinct_nonces()
    {
        var owner = Staking(As(0));
        var start = await NonceAsync(owner.Chain, Account(0));
        var receipts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            owner.UpdateWhitelistAndWaitAsync(new ValueArray<Address>([Address.FromBytes(RandomBytes(20, 1000 + i).Span)]), default)));
        Assert.IsTrue(receipts.All(r => r.Succeeded));
        var nonces = new List<ulong>();
        foreach (var r in receipts)
            nonces.Add((ulong)(await owner.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(r.TransactionHash.ToString())).Nonce.Value);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 10).Select(i => start + (ulong)i).ToArray(), nonces.ToArray());
        Assert.AreEqual(start + 10, await NonceAsync(owner.Chain, Account(0)));
    }

    [TestMethod]
    public async Task A_follower_sees_events_of_new_blocks()
    {
        var owner = Staking(As(0));
        var head = await owner.Chain.BlockNumberAsync();
        var target = Address.FromBytes(RandomBytes(20, 4242).Span);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var follower = owner.FollowWhitelistUpdatedEventsAsync(fromBlock: head + 1, cancellationToken: guard.Token).GetAsyncEnumerator(guard.Token);
        var next = follower.MoveNextAsync().AsTask();
        Assert.IsFalse(next.IsCompleted, "nothing to see before the send");
        await owner.UpdateWhitelistAndWaitAsync(new ValueArray<Address>([target]), default);
        Assert.IsTrue(await next);
        CollectionAssert.AreEqual(new[] { target }, follower.Current.Event.Add.ToArray());
        Assert.IsTrue(follower.Current.Raw.BlockNumber > head);
    }

    [TestMethod]
    public async Task Cancellation_stops_a_call_and_a_follower()
    {
        var staking = Staking(As(0));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAsync<OperationCanceledException>(() => staking.StakingValueAsync(cancellationToken: cancelled.Token));

        using var soon = new CancellationTokenSource();
        var head = await staking.Chain.BlockNumberAsync();
        var seen = 0;
        var follow = Task.Run(async () =>
        {
            await foreach (var _ in staking.FollowRegisteredEventsAsync(fromBlock: head + 1, cancellationToken: soon.Token)) seen++;
        });
        soon.Cancel();
        await Assert.ThrowsAsync<OperationCanceledException>(() => follow);
        Assert.AreEqual(0, seen);
    }
}
