using NestSharp.Cli;
using NestSharp.Cli.Commands;

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
]);
return CommandLineApp.Run(root, args, Console.Out, Console.Error);
