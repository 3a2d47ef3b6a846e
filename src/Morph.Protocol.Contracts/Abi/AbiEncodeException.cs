namespace Morph.Protocol.Abi;

/// <summary>Thrown by encoding when a value does not fit its type; <see cref="Path"/> locates it, e.g. "values[2][1].field0".</summary>
public sealed class AbiEncodeException : Exception
{
    public AbiEncodeException(string path, string rule) : base($"{path}: {rule}")
    {
        Path = path;
        Rule = rule;
    }

    public string Path { get; }

    public string Rule { get; }
}
