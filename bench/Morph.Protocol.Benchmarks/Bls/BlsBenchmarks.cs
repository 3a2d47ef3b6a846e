using BenchmarkDotNet.Attributes;
using Morph.Protocol.Crypto.Bls;

namespace Morph.Protocol.Benchmarks.Bls;

/// <summary>
/// The BLS operations the Rollup pays for. Inputs are deterministic (secret keys 1..100 offset by a constant) so
/// bench.mjs under noble/ measures the same work. FastAggregateVerify takes parsed keys and a parsed signature
/// (registered keys are validated once); decompression is measured on its own.
/// </summary>
[MemoryDiagnoser]
public class BlsBenchmarks
{
    private readonly BlsSignatureScheme _scheme = BlsSignatureScheme.Instance;
    private byte[] _msg = null!;
    private BlsSecretKey _sk = null!;
    private BlsPublicKey _pk = null!;
    private BlsSignature _sig = null!;
    private byte[] _pkBytes = null!, _sigBytes = null!;
    private BlsPublicKey[] _keys7 = null!, _keys100 = null!;
    private BlsSignature _agg7 = null!, _agg100 = null!;

    public static byte[] SecretKeyBytes(int i)
    {
        // sk_i = base + i: deterministic, well inside (0, r); bench.mjs derives the same.
        var v = System.Numerics.BigInteger.Parse("0263dbd792f5b1be47ed85f8938c0f29586af0d3ac7b977f21c278fe1462040e3",
            System.Globalization.NumberStyles.HexNumber) + i;
        var sk = new byte[32];
        v.TryWriteBytes(sk.AsSpan(32 - v.GetByteCount(true)), out _, isUnsigned: true, isBigEndian: true);
        return sk;
    }

    [GlobalSetup]
    public void Setup()
    {
        _msg = new byte[32];
        for (int i = 0; i < 32; i++) _msg[i] = (byte)(i * 7 + 1);
        var sks = Enumerable.Range(0, 100).Select(i => BlsSecretKey.FromBytes(SecretKeyBytes(i)).Value).ToArray();
        _sk = sks[0];
        _pk = _sk.PublicKey;
        _sig = _sk.Sign(_msg);
        _pkBytes = _pk.ToBytes();
        _sigBytes = _sig.ToBytes();
        _keys7 = sks.Take(7).Select(s => s.PublicKey).ToArray();
        _keys100 = sks.Select(s => s.PublicKey).ToArray();
        _agg7 = BlsSignature.Aggregate(sks.Take(7).Select(s => s.Sign(_msg))).Value;
        _agg100 = BlsSignature.Aggregate(sks.Select(s => s.Sign(_msg))).Value;
        if (!_scheme.FastAggregateVerify(_keys100, _msg, _agg100)) throw new InvalidOperationException("setup: FAV-100 fails");
        // Same lines as bench.mjs prints: the two runs measure the same inputs.
        Console.WriteLine($"# check: pk0={Convert.ToHexStringLower(_pkBytes)}");
        Console.WriteLine($"# check: sig0={Convert.ToHexStringLower(_sigBytes)}");
    }

    [Benchmark] public bool Verify() => _scheme.Verify(_pk, _msg, _sig);
    [Benchmark] public bool FastAggregateVerify7() => _scheme.FastAggregateVerify(_keys7, _msg, _agg7);
    [Benchmark] public bool FastAggregateVerify100() => _scheme.FastAggregateVerify(_keys100, _msg, _agg100);
    [Benchmark] public object HashToG2() => HashToCurve.HashToG2(_msg, BlsCore.SignatureDst);
    [Benchmark] public BlsSignature Sign() => _sk.Sign(_msg);
    [Benchmark] public BlsPublicKey PublicKeyDecompress() => BlsPublicKey.Parse(_pkBytes).Value;
    [Benchmark] public BlsSignature SignatureDecompress() => BlsSignature.Parse(_sigBytes).Value;
}
