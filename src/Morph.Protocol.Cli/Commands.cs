namespace Morph.Protocol.Cli;

public static class Commands
{
    private const string Usage = """
        usage: morph [command]
          scenario                 run the built-in L1 scenario (the default)
          vectors abi <dir>        check ABI/Keccak vector files; prints per file 'N passed, N failed'
          vectors bls <dir>        check BLS12-381 vector files, same output
          check [spec-dir]         parse and bind the spec; diagnostics as file:line:column
          diagrams [out-dir]       export every lifecycle as Mermaid and DOT (default docs/diagrams)
        """ + "\n" + ChainCommand.Usage;

    public static int Run(string[] args)
    {
        var verb = args.Length == 0 ? "scenario" : args[0];
        switch (verb)
        {
            case "scenario": return new Scenario.L1Scenario(Console.Out).Run();
            case "vectors": return VectorsCommand.Run(args);
            case "diagrams": return DiagramsCommand.Run(args.Length > 1 ? args[1] : Path.Combine("docs", "diagrams"));
            case "check": return SpecCheck.Run(args.Length > 1 ? args[1] : "spec");
            case "chain": return ChainCommand.Run(args, Console.Out, Console.Error);
            case "-h" or "--help" or "help": Console.WriteLine(Usage); return 0;
            default:
                Console.Error.WriteLine($"morph: unknown command '{verb}'");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
