using BenchmarkDotNet.Attributes;
using Morph.Protocol.Crypto.Bls;

namespace Morph.Protocol.Benchmarks.Bls;

/// <summary>The primitives under the BLS operations, to see where time goes (1000 chained ops per call).</summary>
public class BlsFieldBenchmarks
{
    private Fp _a, _b;
    private Fp2 _a2, _b2;
    private Fp12 _f;

    [GlobalSetup]
    public void Setup()
    {
        _a = Fp.FromHex("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb");
        _b = Fp.FromHex("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1");
        _a2 = new Fp2(_a, _b);
        _b2 = new Fp2(_b, _a);
        _f = Pairing.MillerLoop([G1.Generator], [G2.Generator]);
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public object FpMul()
    {
        var x = _a;
        for (int i = 0; i < 1000; i++) x = Fp.Mul(x, _b);
        return x;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public object FpSquare()
    {
        var x = _a;
        for (int i = 0; i < 1000; i++) x = Fp.Square(x);
        return x;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public object FpAdd()
    {
        var x = _a;
        for (int i = 0; i < 1000; i++) x = Fp.Add(x, _b);
        return x;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public object Fp2Mul()
    {
        var x = _a2;
        for (int i = 0; i < 1000; i++) x = Fp2.Mul(x, _b2);
        return x;
    }

    [Benchmark] public object MillerLoop() => Pairing.MillerLoop([G1.Generator], [G2.Generator]);
    [Benchmark] public object FinalExponentiation() => Pairing.FinalExponentiation(_f);
}
