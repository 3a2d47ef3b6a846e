namespace Morph.Protocol;

/// <summary>A protocol parameter as the spec declares it: name, type, default and description.</summary>
public sealed record ParameterInfo(string Name, string Type, string Default, string? Description);
