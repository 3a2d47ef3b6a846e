using System.Collections.Immutable;
using Morph.Protocol.Crypto.Bls;
using Morph.Protocol.Crypto.Ed25519;
using Morph.Protocol.L1;
using Morph.Protocol.L1.Rollup;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Devnet;

/// <summary>A deterministic devnet staker: address, Ed25519 tm key pair and BLS key derived from its number, and the
/// signatures registration and batches need. For scenarios, simulations and tests; never for real keys.</summary>
public sealed class DevnetStaker
{
    private DevnetStaker(int number, Address address, Ed25519SecretKey tmSecretKey, BlsSecretKey key)
    {
        Number = number; Address = address; TmSecretKey = tmSecretKey; TmKey = Bytes32.FromBytes(tmSecretKey.PublicKey); Key = key;
    }

    public int Number { get; }
    public Address Address { get; }
    /// <summary>The Ed25519 key whose public key is the tmKey.</summary>
    public Ed25519SecretKey TmSecretKey { get; }
    /// <summary>The Ed25519 public key.</summary>
    public Bytes32 TmKey { get; }
    public BlsSecretKey Key { get; }
    public ByteString BlsPublicKey => ByteString.From(Key.PublicKey.ToBytes());

    public static DevnetStaker Create(int number)
    {
        var seed = Keccak256.HashUtf8($"Morph.Protocol.Devnet.Staker.{number}");
        var address = Address.FromBytes(seed.ToArray().AsSpan(12, 20));
        var tmKey = Ed25519SecretKey.FromSeed(Keccak256.HashUtf8($"Morph.Protocol.Devnet.TmKey.{number}").ToArray());
        var key = BlsSecretKey.KeyGen(Keccak256.HashUtf8($"Morph.Protocol.Devnet.Bls.{number}").ToArray()).Value;
        return new DevnetStaker(number, address, tmKey, key);
    }

    public ByteString ProofOfPossession => ByteString.From(Key.ProvePossession().ToBytes());

    public ByteString RegistrationSignature(ulong l1ChainId, Address stakingAddress) =>
        ByteString.From(Key.Sign(RegistrationMessage.Compute(l1ChainId, stakingAddress, Address, TmKey).ToArray()).ToBytes());

    /// <summary>tmKey's pure Ed25519 signature over the tm message (PROTOCOL.md section 2) of this staker registering
    /// with its own BLS key.</summary>
    public ByteString TmSignature(ulong l1ChainId, Address stakingAddress) =>
        ByteString.From(TmSecretKey.Sign(RegistrationMessage.TmMessage(l1ChainId, stakingAddress, Address, TmKey, BlsPublicKey.Span).ToArray()));

    /// <summary>Registers through the network with exactly stakingValue (the staker must be whitelisted).</summary>
    public TxResultWithStaker Register(L1Network net)
    {
        var (chain, staking) = (net.Parameters.L1ChainId, net.Genesis.StakingAddress);
        return new(this, net.Register(Address, net.Parameters.StakingValue, TmKey, BlsPublicKey, ProofOfPossession,
            RegistrationSignature(chain, staking), TmSignature(chain, staking)));
    }

    /// <summary>The aggregate signature of <paramref name="signers"/> over a batch's signing root, and the bitmap that
    /// names them in <paramref name="set"/> (canonical order).</summary>
    public static (UInt256 Bitmap, ByteString Signature) SignBatch(L1Network net, IReadOnlyList<DevnetStaker> signers, ImmutableArray<Address> set,
        ulong batchIndex, Bytes32 batchHash, IReadOnlyList<Address>? newSet)
    {
        var root = BatchSigning.SigningRoot(net.Parameters.L1ChainId, net.Rollup.Address, batchIndex, batchHash, BatchSigning.SetChangeHash(newSet));
        var bitmap = UInt256.Zero;
        foreach (var s in signers)
        {
            var i = set.IndexOf(s.Address);
            if (i >= 0) bitmap |= UInt256.One << i;
        }
        var sig = BlsSignature.Aggregate(signers.Select(s => s.Key.Sign(root.ToArray())).ToArray()).Value;
        return (bitmap, ByteString.From(sig.ToBytes()));
    }
}

public sealed record TxResultWithStaker(DevnetStaker Staker, Morph.Protocol.Transactions.TxResult Result);
