using System.CommandLine.Parsing;

namespace Morph.Protocol.Cli;

internal static class ArgumentErrors
{
    /// <summary>For a custom parser: records <paramref name="message"/> as the parse error (one line, naming the
    /// option and the choices) and returns a placeholder the action never sees.</summary>
    public static T Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
