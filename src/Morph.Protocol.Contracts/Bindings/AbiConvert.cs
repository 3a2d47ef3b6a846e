using System.Numerics;
using Morph.Protocol.Abi;
using Morph.Protocol.Primitives;

namespace Morph.Protocol.Contracts;

/// <summary>Conversions between typed record fields and the codec's AbiValue, used by generated bindings.
/// Decoding casts are safe: the codec has already checked each value against its canonical type.</summary>
public static class AbiConvert
{
    public static AbiValue FromUInt(UInt256 v) => new AbiValue.UInt(v);
    public static AbiValue FromUInt(ulong v) => new AbiValue.UInt(v);
    public static AbiValue FromInt(BigInteger v) => new AbiValue.Int(v);
    public static AbiValue From(bool v) => new AbiValue.Bool(v);
    public static AbiValue From(Address v) => new AbiValue.Addr(v);
    public static AbiValue From(Bytes32 v) => new AbiValue.Bytes(ByteString.From(v.ToArray()));
    public static AbiValue From(ByteString v) => new AbiValue.Bytes(v);
    public static AbiValue From(string v) => new AbiValue.Str(v);
    public static AbiValue FromTuple(params AbiValue[] items) => new AbiValue.Tuple(new ValueArray<AbiValue>(items));
    public static AbiValue FromArray<T>(ValueArray<T> items, Func<T, AbiValue> convert) => new AbiValue.Array(new ValueArray<AbiValue>(items.Select(convert)));
    public static AbiValue IndexedHash(Bytes32 hash) => new AbiValue.IndexedHash(hash);

    public static UInt256 ToUInt256(AbiValue v) => ((AbiValue.UInt)v).Value;
    public static ulong ToUInt64(AbiValue v) => (ulong)ToUInt256(v);
    public static uint ToUInt32(AbiValue v) => (uint)(ulong)ToUInt256(v);
    public static ushort ToUInt16(AbiValue v) => (ushort)(ulong)ToUInt256(v);
    public static byte ToByte(AbiValue v) => (byte)(ulong)ToUInt256(v);
    public static BigInteger ToBigInteger(AbiValue v) => ((AbiValue.Int)v).Value;
    public static bool ToBool(AbiValue v) => ((AbiValue.Bool)v).Value;
    public static Address ToAddress(AbiValue v) => ((AbiValue.Addr)v).Value;
    public static Bytes32 ToBytes32(AbiValue v) => Bytes32.FromBytes(((AbiValue.Bytes)v).Value.Span);
    public static ByteString ToByteString(AbiValue v) => ((AbiValue.Bytes)v).Value;
    public static string ToStr(AbiValue v) => ((AbiValue.Str)v).Value;
    public static ValueArray<AbiValue> TupleItems(AbiValue v) => ((AbiValue.Tuple)v).Items;
    public static ValueArray<T> ToArray<T>(AbiValue v, Func<AbiValue, T> convert) => new(((AbiValue.Array)v).Items.Select(convert));
    public static Bytes32 ToIndexedHash(AbiValue v) => ((AbiValue.IndexedHash)v).Hash;
}
