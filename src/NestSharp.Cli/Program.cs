using NestSharp;
using NestSharp.Cli;
using NestSharp.Cli.Commands;

// Under mpirun, before anything is written: no terminal initialisation bytes in the output (see MpirunConsole).
MpirunConsole.UsePlainStreams();
var root = CommandLineApp.CreateRootCommand(
[
    BrunelCommand.Create(),
    IgnoreAndFireCommand.Create(),
    StructuralPlasticityCommand.Create(),
    ClopathCommand.Create(),
    ClopathPairingCommand.Create(),
    UrbanczikCommand.Create(),
    HpcBenchmarkCommand.Create(),
    MicrocircuitCommand.Create(),
    Brette2007Command.Create(),
]);
return CommandLineApp.Run(root, args, Console.Out, Console.Error);
