namespace Morph.Protocol.Abi;

/// <summary>The element type repeated n times, as a list, without allocating n references.</summary>
internal sealed class RepeatList(AbiType t, int n) : IReadOnlyList<AbiType>
{
    public AbiType this[int index] => t;
    public int Count => n;
    public IEnumerator<AbiType> GetEnumerator() => Enumerable.Repeat(t, n).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
