using System.Net;
using System.Net.Sockets;
using Morph.Protocol.Sdk;

namespace Morph.Protocol.Tests.Sdk;

/// <summary>Transport failures are one clear line each: a dead node, a node that never answers, the wrong chain.</summary>
[TestClass]
public sealed class TransportErrorTests
{
    [TestMethod]
    public async Task A_dead_node_is_one_line_naming_it()
    {
        var url = $"http://127.0.0.1:{AnvilNode.FreePort()}";
        var staking = new L1StakingService(new MorphChain(MorphWeb3.Connect(url), Networks.MorphL1Anvil, url), Networks.MorphL1Anvil.AddressOf("L1Staking"));
        var e = await Assert.ThrowsExactlyAsync<ChainTransportException>(() => staking.StakingValueAsync());
        StringAssert.StartsWith(e.Message, url + ": node unreachable");
        Assert.IsFalse(e.Message.Contains('\n'), e.Message);
    }

    [TestMethod]
    public async Task A_node_that_never_answers_times_out()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
            var chain = new MorphChain(MorphWeb3.Connect(url), Networks.MorphL1Anvil, url) { Timeout = TimeSpan.FromMilliseconds(300) };
            var e = await Assert.ThrowsExactlyAsync<ChainTransportException>(() => chain.BlockNumberAsync());
            StringAssert.Contains(e.Message, "timed out");
        }
        finally { listener.Stop(); }
    }
}
