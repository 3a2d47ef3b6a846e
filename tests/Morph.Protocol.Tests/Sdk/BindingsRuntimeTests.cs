using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Primitives;
using Morph.Protocol.Sdk;

namespace Morph.Protocol.Tests.Sdk;

/// <summary>The pieces under the services that need no node: revert decoding, the address books, the event table,
/// and what the generated services expose.</summary>
[TestClass]
public sealed class BindingsRuntimeTests
{
    private static byte[] Call(string signature, params (string Type, AbiValue Value)[] args) =>
        AbiCodec.EncodeCall(AbiSignature.Selector(signature), args.Select(a => AbiType.Parse(a.Type)).ToArray(), args.Select(a => a.Value).ToArray());

    [TestMethod]
    public void Revert_data_decodes_to_Error_Panic_declared_and_unknown()
    {
        var error = RevertDecoder.Default.Decode(Call("Error(string)", ("string", new AbiValue.Str("withdrawal locked"))));
        Assert.AreEqual((RevertKind.Error, "withdrawal locked"), (error.Kind, error.Message));

        var panic = RevertDecoder.Default.Decode(Call("Panic(uint256)", ("uint256", new AbiValue.UInt(0x11UL))));
        Assert.AreEqual((RevertKind.Panic, "panic 0x11 (arithmetic overflow or underflow)"), (panic.Kind, panic.Message));

        var custom = Call("InvalidStake(address,uint256)", ("address", new AbiValue.Addr(Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"))), ("uint256", new AbiValue.UInt(5UL)));
        Assert.AreEqual(RevertKind.Unknown, RevertDecoder.Default.Decode(custom).Kind, "undeclared");
        var declared = new RevertDecoder().WithError("InvalidStake(address, uint)").Decode(custom);
        Assert.AreEqual(RevertKind.Custom, declared.Kind);
        Assert.AreEqual("InvalidStake(address,uint256)", declared.ErrorSignature);
        StringAssert.StartsWith(declared.Message, "InvalidStake(");

        Assert.AreEqual(RevertKind.Empty, RevertDecoder.Default.Decode([]).Kind);
        Assert.AreEqual(RevertKind.Unknown, RevertDecoder.Default.Decode([0x08, 0xc3, 0x79, 0xa0, 1, 2]).Kind, "truncated Error(string)");
        Assert.AreEqual(RevertKind.Unknown, RevertDecoder.Default.Decode([1, 2]).Kind);
    }

    [TestMethod]
    public void Every_spec_error_decodes_by_selector_to_its_generated_record_without_registration()
    {
        var data = new L1StakingContract.WrongStakeAmountError().Encode();
        CollectionAssert.AreEqual(AbiSignature.Selector("WrongStakeAmount()"), data);
        var reason = RevertDecoder.Default.Decode(data);
        Assert.AreEqual(RevertKind.Custom, reason.Kind);
        Assert.AreEqual("WrongStakeAmount()", reason.ErrorSignature);
        Assert.AreEqual(new L1StakingContract.WrongStakeAmountError(), reason.Error);

        foreach (var e in ContractCatalog.Contracts.SelectMany(c => c.Errors))
        {
            var r = RevertDecoder.Default.Decode(e.Selector.ToArray().Concat(new byte[32 * e.ParameterTypes.Count]).ToArray());
            Assert.AreEqual(e.Signature, r.ErrorSignature, e.ToString());
            Assert.AreEqual(e.Signature, r.Error!.Error.Signature);
        }
        Assert.IsTrue(ContractCatalog.Contracts.Single(c => c.Name == "Rollup").Errors.All(e => e.IsExtension), "Morph's deployed Rollup reverts with strings");
        Assert.IsFalse(L1StakingContract.WrongStakeAmountError.Decode(new RollupContract.InvalidProofError().Encode()).IsOk, "another selector");
    }

    [TestMethod]
    public void Selectors_and_topics_are_compile_time_constants_equal_to_the_keccak_of_every_signature_of_the_spec()
    {
        var records = typeof(L1StakingContract).Assembly.GetTypes()
            .Where(t => t.IsNested && t.DeclaringType!.Name.EndsWith("Contract", StringComparison.Ordinal) && t.GetProperty("Info") is not null).ToList();
        int calls = 0, events = 0, errors = 0;
        foreach (var t in records)
        {
            var info = t.GetProperty("Info")!.GetValue(null)!;
            if (info is ContractFunctionInfo or ContractErrorInfo)
            {
                var signature = info is ContractFunctionInfo fi ? fi.Signature : ((ContractErrorInfo)info).Signature;
                var constant = t.GetField("SelectorValue")!;
                Assert.IsTrue(constant.IsLiteral, $"{t}.SelectorValue is a const");
                Assert.AreEqual(AbiSignature.SelectorValue(signature), (uint)constant.GetRawConstantValue()!, signature);
                var bytes = Selector(t);
                CollectionAssert.AreEqual(AbiSignature.Selector(signature), bytes, signature);
                if (info is ContractFunctionInfo) calls++; else errors++;
            }
            else if (info is ContractEventInfo e)
            {
                Assert.AreEqual(AbiSignature.Topic0(e.Signature), e.Topic0, e.Signature);
                Assert.AreEqual(AbiSignature.Topic0(e.Signature), (Bytes32)t.GetProperty("Topic0")!.GetValue(null)!, e.Signature);
                events++;
            }
        }
        var all = ContractCatalog.Contracts;
        Assert.AreEqual(all.Sum(c => c.Functions.Count), calls);
        Assert.AreEqual(all.Sum(c => c.Events.Count), events);
        Assert.AreEqual(all.Sum(c => c.Errors.Count), errors);
        Assert.IsTrue(errors > 0);
    }

    [TestMethod]
    public void A_function_with_several_return_values_returns_its_typed_Result_record_in_the_bindings_and_the_services()
    {
        var key = Bytes32.Parse("0x" + new string('a', 64));
        var data = AbiCodec.Encode(L1StakingContract.StakersCall.Info.ReturnTypes,
            [AbiConvert.From(Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")), AbiConvert.From(key), AbiConvert.From(ByteString.ParseHex("0x0102"))]);
        var r = L1StakingContract.StakersResult.Decode(data);
        Assert.IsTrue(r.IsOk, r.ToString());
        Assert.AreEqual(new L1StakingContract.StakersResult(Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), key, ByteString.ParseHex("0x0102")), r.Value);
        Assert.IsFalse(L1StakingContract.StakersResult.Decode(data.AsSpan(0, 40)).IsOk, "truncated");

        Assert.AreEqual(typeof(Task<L1StakingContract.StakersResult>), typeof(L1StakingService).GetMethod("StakersAsync")!.ReturnType);
        Assert.AreEqual(typeof(Task<RollupContract.ChallengesResult>), typeof(RollupService).GetMethod("ChallengesAsync")!.ReturnType);
        var tuples = typeof(L1StakingService).Assembly.GetTypes().Where(t => t.Name.EndsWith("Service", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods()).Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericArguments()[0].FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal));
        Assert.AreEqual("", string.Join(", ", tuples), "no service returns a tuple");
    }

    // ReadOnlySpan<byte> cannot be boxed by reflection: read the static property through a typed delegate.
    private delegate ReadOnlySpan<byte> SpanGetter();
    private static byte[] Selector(Type record) =>
        ((SpanGetter)Delegate.CreateDelegate(typeof(SpanGetter), record.GetProperty("Selector")!.GetMethod!))().ToArray();

    [TestMethod]
    public void An_address_book_round_trips_through_JSON_and_attaches_the_proxy_events()
    {
        var book = Networks.MorphL1Anvil;
        Assert.AreEqual(900UL, book.ChainId);
        var again = AddressBook.Parse(book.ToJson());
        CollectionAssert.AreEqual(book.Entries.ToArray(), again.Entries.ToArray());
        var staking = book.AddressOf("L1Staking");
        CollectionAssert.AreEqual(new[] { "L1Staking", AddressBook.ProxyContract }, book.ContractsAt(staking).ToArray());
        CollectionAssert.AreEqual(new[] { "Whitelist" }, book.ContractsAt(book.AddressOf("Whitelist")).ToArray());
        Assert.AreEqual(Address.Parse("0x5300000000000000000000000000000000000015"), Networks.MorphMainnetL2.AddressOf("L2Staking"));
    }

    [TestMethod]
    [DataRow("{\"contracts\": {}}", "chainId")]
    [DataRow("{\"chainId\": 1}", "contracts")]
    [DataRow("{\"chainId\": 1, \"contracts\": {\"L1Staking\": \"0x12\"}}", "contracts.L1Staking")]
    public void A_malformed_address_book_names_the_field(string json, string field)
    {
        var e = Assert.ThrowsExactly<FormatException>(() => AddressBook.Parse(json));
        StringAssert.Contains(e.Message, field);
    }

    [TestMethod]
    public void The_event_table_prefers_the_contract_the_book_puts_at_the_address()
    {
        // OwnershipTransferred is declared by several contracts: the book decides which one a log is.
        var book = Networks.MorphL1Anvil;
        var table = EventTable.ForSpec(book);
        var owner = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        var log = new L1StakingContract.OwnershipTransferredEvent(Address.Zero, owner).Encode();
        Assert.IsTrue(table.Candidates(log.Topics[0]).Count >= 4);
        foreach (var contract in new[] { "Whitelist", "ProxyAdmin", "Rollup" })
        {
            var decoded = table.Decode(new ChainLog(book.AddressOf(contract), log, 1, default, 0));
            Assert.AreEqual(contract, decoded.Contract);
        }
        var upgraded = new ERC1967ProxyContract.UpgradedEvent(owner).Encode();
        Assert.AreEqual("ERC1967Proxy", table.Decode(new ChainLog(book.AddressOf("Rollup"), upgraded, 1, default, 0)).Contract);
        var unknown = table.Decode(new ChainLog(owner, new AbiLog(new ValueArray<Bytes32>([Keccak256.HashUtf8("Nope()")]), ByteString.Empty), 1, default, 0));
        Assert.IsFalse(unknown.IsKnown);
        Assert.AreEqual("unknown", unknown.Name);
    }

    [TestMethod]
    public void Extension_functions_are_only_on_the_extension_interface()
    {
        Assert.IsNull(typeof(L1StakingService).GetMethod("RegisterWithProofAsync"));
        Assert.IsNotNull(typeof(IL1StakingExtensions).GetMethod("RegisterWithProofAsync"));
        Assert.IsFalse(typeof(IL1StakingExtensions).IsAssignableFrom(typeof(L1StakingService)));
        Assert.IsNotNull(typeof(L1StakingService).GetMethod("RegisterAsync"));
        // Every deployed function of every contract has its service method; extensions have none there.
        foreach (var c in ContractCatalog.Contracts)
        {
            var service = typeof(ContractService).Assembly.GetType($"Morph.Protocol.Sdk.{c.Name}Service")!;
            Assert.IsNotNull(service, c.Name);
            foreach (var f in c.Functions)
            {
                var count = service.GetMethods().Count(m => m.Name.EndsWith("Async") && m.Name.Contains(Morph.Protocol.Spec.Binding.Binder.Pascal(f.Name)));
                if (f.IsExtension) Assert.AreEqual(0, service.GetMethods().Count(m => m.Name == Morph.Protocol.Spec.Binding.Binder.Pascal(f.Name) + "Async"), f.ToString());
                else Assert.IsTrue(count > 0, f.ToString());
            }
        }
    }
}
