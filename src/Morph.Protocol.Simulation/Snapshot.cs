using System.Reflection;
using System.Runtime.CompilerServices;

namespace Morph.Protocol.Simulation;

/// <summary>A snapshot of the whole state: an identity-preserving deep copy of the network's object graph (both chains,
/// every entity, the actors' queues, the seeded random source), taken in one step and restorable any number of times.
/// Restoring costs the size of the state, not its history (unlike a replay of the journal). Lifecycle machines are
/// copied with their delegates rebound to the copied hosts; a recorder (the journal) is not part of the state.</summary>
public sealed class Snapshot
{
    private readonly Network _image;

    private Snapshot(Network image) => _image = image;

    public static Snapshot Take(Network network)
    {
        var recorder = network.Recorder;
        network.Recorder = null;
        try { return new Snapshot((Network)new GraphCopier().Copy(network)!); }
        finally { network.Recorder = recorder; }
    }

    /// <summary>A fresh network in exactly the state the snapshot was taken in (the snapshot itself stays untouched).</summary>
    public Network Restore() => (Network)new GraphCopier().Copy(_image)!;

    /// <summary>Copies an object graph field by field, each object once (shared references stay shared, cycles close).</summary>
    private sealed class GraphCopier
    {
        private readonly Dictionary<object, object> _copies = new(ReferenceEqualityComparer.Instance);

        public object? Copy(object? source)
        {
            if (source is null) return null;
            var type = source.GetType();
            if (IsShared(type)) return source;
            if (_copies.TryGetValue(source, out var done)) return done;
            if (source is Delegate d) return CopyDelegate(d);
            if (type.IsArray)
            {
                var array = (Array)source;
                var copy = (Array)array.Clone();
                _copies[source] = copy;
                var element = type.GetElementType()!;
                if (!IsShared(element) || !element.IsValueType)
                    for (long i = 0; i < array.LongLength; i++) copy.SetValue(Copy(array.GetValue(i)), i);
                return copy;
            }
            var clone = RuntimeHelpers.GetUninitializedObject(type);
            _copies[source] = clone;
            CopyFields(source, clone, type);
            return clone;
        }

        private void CopyFields(object source, object target, Type type)
        {
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
                foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    var value = f.GetValue(source);
                    f.SetValue(target, f.FieldType.IsValueType && IsShared(f.FieldType) ? value : CopyValue(value));
                }
        }

        /// <summary>A struct is copied by value, but its reference fields (an ImmutableArray's array) are copied too.</summary>
        private object? CopyValue(object? value)
        {
            if (value is null) return null;
            var type = value.GetType();
            if (!type.IsValueType) return Copy(value);
            if (IsShared(type)) return value;
            var boxed = RuntimeHelpers.GetUninitializedObject(type);
            CopyFields(value, boxed, type);
            return boxed;
        }

        private object CopyDelegate(Delegate d)
        {
            var parts = d.GetInvocationList();
            var rebound = parts.Select(p => p.Target is null ? p : Delegate.CreateDelegate(p.GetType(), Copy(p.Target), p.Method)).ToArray();
            var copy = Delegate.Combine(rebound)!;
            _copies[d] = copy;
            return copy;
        }

        /// <summary>Immutable or identity-free: shared between the original and the copy.</summary>
        private static bool IsShared(Type t) =>
            t.IsPrimitive || t.IsEnum || t.IsPointer || t == typeof(string) || t == typeof(decimal) || typeof(MemberInfo).IsAssignableFrom(t)
            || t == typeof(Primitives.UInt256) || t == typeof(Primitives.Address) || t == typeof(Primitives.Bytes32)
            || t == typeof(Primitives.ByteString) || t == typeof(UInt128) || t == typeof(DateTime) || t == typeof(TimeSpan)
            || (t.IsValueType && t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Nullable<>) && IsShared(Nullable.GetUnderlyingType(t)!));
    }
}
