namespace Morph.Protocol.Lifecycles;

/// <summary>One transition of a lifecycle as the spec declares it (generated data; read by analyzers, docs and
/// tests). <see cref="LockParameter"/> names the lock that must have elapsed; <see cref="WaivedLock"/> a lock
/// this transition explicitly lifts; <see cref="Slash"/> marks a transition that slashes.</summary>
public sealed record LifecycleTransition(
    string Trigger, string From, string To, IReadOnlyList<string> Guards,
    bool ReleasesFunds, string? LockParameter, string? WaivedLock, bool Slash, string? Description);

/// <summary>A lifecycle in the spec catalog: its transitions and a Stateless description for diagrams.</summary>
public sealed record LifecycleInfo(string Name, string? Description, IReadOnlyList<LifecycleTransition> Transitions,
    Func<Stateless.Reflection.StateMachineInfo> Describe);
