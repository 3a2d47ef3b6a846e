using Morph.Protocol.Contracts;

namespace Morph.Protocol.Transactions;

/// <summary>Why a transaction was refused: the rule and a message that names the values involved.</summary>
public sealed record ProtocolError(ProtocolRule Rule, string Message)
{
    public override string ToString() => $"{Rule}: {Message}";
}

/// <summary>The outcome of a transaction: applied, with the on-chain events it emitted (generated event
/// records), or refused with the rule it broke, in which case nothing changed.</summary>
public sealed class TxResult
{
    private TxResult(ProtocolError? error, IReadOnlyList<IContractEvent> events) { Error = error; Events = events; }

    public ProtocolError? Error { get; }
    public IReadOnlyList<IContractEvent> Events { get; }
    public bool IsOk => Error is null;
    public ProtocolRule? Rule => Error?.Rule;

    public static TxResult Ok(IReadOnlyList<IContractEvent> events) => new(null, events);
    public static TxResult Ok(params IContractEvent[] events) => new(null, events);
    public static TxResult Fail(ProtocolRule rule, string message) => new(new ProtocolError(rule, message), []);
    public static TxResult Fail(ProtocolError error) => new(error, []);

    public override string ToString() => IsOk ? $"ok ({Events.Count} events)" : $"refused {Error}";
}
