namespace Morph.Protocol.Spec
{
    internal static class SpecInfo { public const string Extension = ".morph"; }
}
