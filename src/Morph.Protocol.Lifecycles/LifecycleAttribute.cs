namespace Morph.Protocol.Lifecycles;

/// <summary>Marks a partial class as the host of a spec lifecycle: the generator adds its State, its Stateless
/// machine and one partial method per guard, which the class must implement (a missing one is CS8795).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LifecycleAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
