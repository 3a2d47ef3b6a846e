namespace Morph.Protocol.Generators
{
    internal static class GeneratorInfo { public const string Name = "Morph.Protocol.Generators"; }
}
