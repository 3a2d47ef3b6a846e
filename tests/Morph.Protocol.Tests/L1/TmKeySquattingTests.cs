using Morph.Protocol.Abi;
using Morph.Protocol.Contracts;
using Morph.Protocol.Devnet;
using Morph.Protocol.L1;
using Morph.Protocol.Primitives;
using Morph.Protocol.Transactions;
using Morph.Protocol.Tests.Ed25519;
using static Morph.Protocol.Tests.L1.TestNet;
using Rfc8032 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Morph.Protocol.Tests.L1;

/// <summary>PROTOCOL.md section 2: registerWithProof carries tmSignature, a pure Ed25519 signature (RFC 8032, strict:
/// s &lt; L; no prehash, no context) by tmKey over keccak256(abi.encode(registration message, keccak256(blsPublicKey))),
/// so nobody can squat another's tmKey (BadTmSignature). A refusal changes nothing (invariant 6).</summary>
[TestClass]
public sealed class TmKeySquattingTests
{
    private static (ulong Chain, Address Staking) Domain(L1Network net) => (net.Parameters.L1ChainId, net.Genesis.StakingAddress);

    /// <summary>Registers <paramref name="s"/> with everything its own except the tmSignature.</summary>
    private static TxResult RegisterWith(L1Network net, DevnetStaker s, ByteString tmSignature)
    {
        var (chain, staking) = Domain(net);
        return net.Register(s.Address, net.Parameters.StakingValue, s.TmKey, s.BlsPublicKey, s.ProofOfPossession, s.RegistrationSignature(chain, staking), tmSignature);
    }

    private static ByteString TmSign(DevnetStaker signer, Bytes32 message) => ByteString.From(signer.TmSecretKey.Sign(message.ToArray()));

    [TestMethod]
    public void A_registration_whose_tm_signature_does_not_verify_is_refused_and_changes_nothing()
    {
        var net = Create(1);
        var s = Staker(2);
        var other = Staker(3);
        Ok(net.UpdateWhitelist(Owner, [s.Address], []));
        var (chain, staking) = Domain(net);
        var good = s.TmSignature(chain, staking);
        var registration = RegistrationMessage.Compute(chain, staking, s.Address, s.TmKey);
        var tmMessage = RegistrationMessage.TmMessage(registration, s.BlsPublicKey.Span);

        var tampered = good.Span.ToArray();
        tampered[5] ^= 0x10;
        var bad = new (string What, ByteString Signature)[]
        {
            ("empty", ByteString.Empty),
            ("63 bytes", ByteString.From(good.Span[..63])),
            ("65 bytes", ByteString.From([.. good.Span, 0])),
            ("zero", ByteString.From(new byte[64])),
            ("one bit flipped", ByteString.From(tampered)),
            ("signed for another sender", TmSign(s, RegistrationMessage.TmMessage(chain, staking, other.Address, s.TmKey, s.BlsPublicKey.Span))),
            ("signed for another chain", TmSign(s, RegistrationMessage.TmMessage(chain + 1, staking, s.Address, s.TmKey, s.BlsPublicKey.Span))),
            ("signed for another staking contract", TmSign(s, RegistrationMessage.TmMessage(chain, net.Genesis.RollupAddress, s.Address, s.TmKey, s.BlsPublicKey.Span))),
            ("signed for another BLS key", TmSign(s, RegistrationMessage.TmMessage(registration, other.BlsPublicKey.Span))),
            ("signed over the registration message alone", TmSign(s, registration)),
            ("signed by another key", TmSign(other, tmMessage)),
            ("Ed25519ctx", Ctx(s, tmMessage)),
            ("Ed25519ph", Ph(s, tmMessage)),
            ("s + L (non-canonical s)", ByteString.From(AddL(good.Span))),
        };
        foreach (var (what, signature) in bad)
        {
            var e = Refused(net, ProtocolRule.BadTmSignature, () => RegisterWith(net, s, signature));
            StringAssert.Contains(e.Message, s.Address.ToString(), what);
        }
        Ok(RegisterWith(net, s, good));
    }

    [TestMethod]
    public void Nobody_can_squat_another_stakers_tm_key()
    {
        var net = Create(1);
        var a = Staker(2);
        var b = Staker(3);
        Ok(net.UpdateWhitelist(Owner, [a.Address, b.Address], []));
        var (chain, staking) = Domain(net);
        // Whitelisted b submits a's tmKey with its own BLS key, its own proof of possession and its own (valid)
        // registration signature over (b, a's tmKey); it cannot sign as a's tmKey.
        TxResult Squat(ByteString tmSignature) => net.Register(b.Address, net.Parameters.StakingValue, a.TmKey, b.BlsPublicKey, b.ProofOfPossession,
            ByteString.From(b.Key.Sign(RegistrationMessage.Compute(chain, staking, b.Address, a.TmKey).ToArray()).ToBytes()), tmSignature);
        Refused(net, ProtocolRule.BadTmSignature, () => Squat(TmSign(b, RegistrationMessage.TmMessage(chain, staking, b.Address, a.TmKey, b.BlsPublicKey.Span))));
        // Nor does a's own tmSignature, copied from a's pending registration: it is bound to a as sender and to a's BLS key.
        Refused(net, ProtocolRule.BadTmSignature, () => Squat(a.TmSignature(chain, staking)));
        Assert.AreEqual(L1StakerState.Whitelisted, net.Staking.StateOf(b.Address));

        // a registers with its tmKey; b's squat is then refused for the key in use, and b registers with its own keys.
        Ok(a.Register(net).Result);
        Refused(net, ProtocolRule.KeyInUse, () => Squat(a.TmSignature(chain, staking)));
        Ok(b.Register(net).Result);
        Assert.AreEqual(a.TmKey, net.Staking.Find(a.Address)!.TmKey);
    }

    [TestMethod]
    public void An_exited_stakers_tm_key_is_free_again_but_only_for_its_holder()
    {
        var net = Create(2);
        var a = Staker(1);
        var b = Staker(3);
        Ok(net.Withdraw(a.Address));
        net.AdvanceBy(net.Parameters.WithdrawalLockBlocks);
        Ok(net.ClaimWithdrawal(a.Address, a.Address));
        Ok(net.UpdateWhitelist(Owner, [b.Address], []));
        var (chain, staking) = Domain(net);
        Refused(net, ProtocolRule.BadTmSignature, () => net.Register(b.Address, net.Parameters.StakingValue, a.TmKey, b.BlsPublicKey, b.ProofOfPossession,
            ByteString.From(b.Key.Sign(RegistrationMessage.Compute(chain, staking, b.Address, a.TmKey).ToArray()).ToBytes()),
            TmSign(b, RegistrationMessage.TmMessage(chain, staking, b.Address, a.TmKey, b.BlsPublicKey.Span))));
        Ok(net.UpdateWhitelist(Owner, [a.Address], []));
        Ok(a.Register(net).Result);
    }

    [TestMethod]
    public void A_tm_key_outside_the_prime_order_subgroup_is_refused()
    {
        var net = Create(0);
        var s = Staker(1);
        Ok(net.UpdateWhitelist(Owner, [s.Address], []));
        var (chain, staking) = Domain(net);
        TxResult With(Bytes32 tmKey, ByteString tmSignature) => net.Register(s.Address, net.Parameters.StakingValue, tmKey, s.BlsPublicKey, s.ProofOfPossession,
            ByteString.From(s.Key.Sign(RegistrationMessage.Compute(chain, staking, s.Address, tmKey).ToArray()).ToBytes()), tmSignature);

        // The identity, a key of small order: R = identity and s = 0 would be a signature of every message.
        var identity = new byte[32];
        identity[0] = 1;
        var trivial = new byte[64];
        trivial[0] = 1;
        var e = Refused(net, ProtocolRule.BadTmKey, () => With(Bytes32.FromBytes(identity), ByteString.From(trivial)));
        StringAssert.Contains(e.Message, "prime-order subgroup");

        // A key of mixed order (s's key plus the point of order 2): s's secret signs for it, BouncyCastle's verify
        // accepts that signature, yet it is not a key anyone generates; refused as a key.
        var mixed = Ed25519Tests.PlusOrderTwo(s.TmKey.ToArray());
        var seed = Keccak256.HashUtf8("Morph.Protocol.Devnet.TmKey.1").ToArray();
        var message = RegistrationMessage.TmMessage(chain, staking, s.Address, Bytes32.FromBytes(mixed), s.BlsPublicKey.Span).ToArray();
        var signature = new byte[64];
        Rfc8032.Sign(sk: (ReadOnlySpan<byte>)seed, pk: (ReadOnlySpan<byte>)mixed, m: message, sig: signature);
        Assert.IsTrue(Rfc8032.Verify(sig: (ReadOnlySpan<byte>)signature, pk: (ReadOnlySpan<byte>)mixed, m: message), "BouncyCastle alone accepts it");
        Refused(net, ProtocolRule.BadTmKey, () => With(Bytes32.FromBytes(mixed), ByteString.From(signature)));
        Ok(s.Register(net).Result);
    }

    [TestMethod]
    public void Calldata_with_the_old_four_argument_selector_is_an_unknown_function()
    {
        var net = Create(1);
        var s = Staker(2);
        Ok(net.UpdateWhitelist(Owner, [s.Address], []));
        var (chain, staking) = Domain(net);
        // The spec's registerWithProof now takes five arguments: a new selector.
        CollectionAssert.AreEqual(Keccak256.HashUtf8("registerWithProof(bytes32,bytes,bytes,bytes,bytes)").ToArray()[..4],
            L1StakingContract.RegisterWithProofCall.Selector.ToArray());
        var bytes = AbiType.Parse("bytes");
        var old = AbiCodec.EncodeCall(Keccak256.HashUtf8("registerWithProof(bytes32,bytes,bytes,bytes)").ToArray()[..4],
            [AbiType.Parse("bytes32"), bytes, bytes, bytes],
            [new AbiValue.Bytes(ByteString.From(s.TmKey.ToArray())), new AbiValue.Bytes(s.BlsPublicKey), new AbiValue.Bytes(s.ProofOfPossession),
             new AbiValue.Bytes(s.RegistrationSignature(chain, staking))]);
        Refused(net, ProtocolRule.UnknownFunction, () => net.Execute(new L1Transaction(s.Address, staking, net.Parameters.StakingValue, ByteString.From(old))));
        // Morph's deployed register(bytes32,bytes) stays refused.
        Refused(net, ProtocolRule.DeployedRegisterLacksProof, () => net.Execute(new L1Transaction(s.Address, staking, net.Parameters.StakingValue,
            ByteString.From(new L1StakingContract.RegisterCall(s.TmKey, s.BlsPublicKey).Encode()))));
        // Through the new selector, the tm rule speaks; then the honest call registers.
        var call = new L1StakingContract.RegisterWithProofCall(s.TmKey, s.BlsPublicKey, s.ProofOfPossession, s.RegistrationSignature(chain, staking), ByteString.Empty);
        Refused(net, ProtocolRule.BadTmSignature, () => net.Execute(new L1Transaction(s.Address, staking, net.Parameters.StakingValue, ByteString.From(call.Encode()))));
        Ok(net.Execute(new L1Transaction(s.Address, staking, net.Parameters.StakingValue,
            ByteString.From((call with { TmSignature = s.TmSignature(chain, staking) }).Encode()))));
    }

    private static readonly byte[] Context = "Morph"u8.ToArray();

    private static ByteString Ctx(DevnetStaker s, Bytes32 message)
    {
        var signature = new byte[64];
        Rfc8032.Sign(sk: (ReadOnlySpan<byte>)Seed(s), ctx: Context, m: message.ToArray(), sig: signature);
        return ByteString.From(signature);
    }

    private static ByteString Ph(DevnetStaker s, Bytes32 message)
    {
        var digest = Rfc8032.CreatePrehash();
        var m = message.ToArray();
        digest.BlockUpdate(m, 0, m.Length);
        var ph = new byte[Rfc8032.PrehashSize];
        digest.DoFinal(ph, 0);
        var signature = new byte[64];
        Rfc8032.SignPrehash(sk: (ReadOnlySpan<byte>)Seed(s), ctx: [], ph: ph, sig: signature);
        return ByteString.From(signature);
    }

    private static byte[] Seed(DevnetStaker s) => Keccak256.HashUtf8($"Morph.Protocol.Devnet.TmKey.{s.Number}").ToArray();

    private static byte[] AddL(ReadOnlySpan<byte> signature) => Ed25519Tests.AddL(signature);
}
