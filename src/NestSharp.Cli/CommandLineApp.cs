using System.CommandLine;

namespace NestSharp.Cli;

/// <summary>
/// The <c>nestsharp</c> root command: one sub-command per experiment. Usage errors (unknown or malformed options, values
/// out of range) are reported on the error writer with exit code <see cref="UsageError"/> before anything runs.
/// </summary>
public static class CommandLineApp
{
    public const int Success = 0;
    public const int RunFailed = 1;
    public const int UsageError = 2;

    /// <summary>
    /// False in the processes mpirun starts besides rank 0 (OpenMPI's OMPI_COMM_WORLD_RANK): those run the experiment
    /// too, but only rank 0 prints and writes pictures.
    /// </summary>
    public static bool IsFirstProcess => Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_RANK") is null or "0";

    public static RootCommand CreateRootCommand(IEnumerable<Command> experiments)
    {
        var root = new RootCommand("nestsharp: runs the NEST example experiments with NestSharp, a C# spiking network simulator.");
        foreach (var experiment in experiments) root.Subcommands.Add(experiment);
        return root;
    }

    public static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
        {
            foreach (var parseError in parsed.Errors) error.WriteLine($"nestsharp: {parseError.Message}");
            var command = parsed.CommandResult.Command;
            error.WriteLine($"Run 'nestsharp{(command is RootCommand ? "" : " " + command.Name)} --help' for usage.");
            return UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
