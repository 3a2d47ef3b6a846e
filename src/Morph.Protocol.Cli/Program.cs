return Morph.Protocol.Cli.Commands.Run(args);
