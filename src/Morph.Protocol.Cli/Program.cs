return Morph.Protocol.Cli.MorphCli.Run(args, Console.Out, Console.Error, terminal: !Console.IsOutputRedirected);
