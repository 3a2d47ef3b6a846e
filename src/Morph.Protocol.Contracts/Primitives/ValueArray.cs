using System.Collections;

namespace Morph.Protocol.Primitives;

/// <summary>
/// An immutable array with structural equality and hash, so generated records and <c>AbiValue</c>s holding
/// arrays compare by content. <c>default</c> is the empty array.
/// </summary>
public readonly struct ValueArray<T> : IEquatable<ValueArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? _items;

    public static ValueArray<T> Empty => default;

    public ValueArray(params T[] items) => _items = items is null || items.Length == 0 ? null : (T[])items.Clone();

    public ValueArray(IEnumerable<T> items)
    {
        var arr = items.ToArray();
        _items = arr.Length == 0 ? null : arr;
    }

    public int Count => _items?.Length ?? 0;

    public T this[int index] => (_items ?? [])[index];

    public ReadOnlySpan<T> AsSpan() => _items;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueArray<T> other)
    {
        var a = _items ?? [];
        var b = other._items ?? [];
        if (a.Length != b.Length) return false;
        var cmp = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
            if (!cmp.Equals(a[i], b[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is ValueArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var h = new HashCode();
        if (_items is not null)
            foreach (var item in _items) h.Add(item);
        return h.ToHashCode();
    }

    public static bool operator ==(ValueArray<T> a, ValueArray<T> b) => a.Equals(b);
    public static bool operator !=(ValueArray<T> a, ValueArray<T> b) => !a.Equals(b);

    public override string ToString() => "[" + string.Join(", ", this) + "]";

    public static implicit operator ValueArray<T>(T[] items) => new(items);
}
