using NestSharp.Cli;
using NestSharp.Cli.Commands;

var root = CommandLineApp.CreateRootCommand(
[
    BrunelCommand.Create(),
]);
return CommandLineApp.Run(root, args, Console.Out, Console.Error);
