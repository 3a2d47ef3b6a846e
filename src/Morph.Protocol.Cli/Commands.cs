namespace Morph.Protocol.Cli;

public static class Commands
{
    public static int Run(string[] args)
    {
        Console.WriteLine("morph: usage: morph [scenario|vectors abi <dir>|vectors bls <dir>|check <spec-dir>]");
        return 0;
    }
}
