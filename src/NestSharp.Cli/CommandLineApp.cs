using System.CommandLine;

namespace NestSharp.Cli;

/// <summary>
/// The <c>nestsharp</c> root command: one sub-command per experiment. Usage errors (unknown or malformed options, values
/// out of range) are reported on the error writer with exit code <see cref="UsageError"/> before anything runs.
/// </summary>
public static class CommandLineApp
{
    /// <summary>Exit code of a run that completed.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a run that failed (the simulator's or the file system's error, reported on the error writer).</summary>
    public const int RunFailed = 1;

    /// <summary>Exit code of a command line that was not understood; nothing ran.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// False in the processes mpirun starts besides rank 0 (OpenMPI's OMPI_COMM_WORLD_RANK): those run the experiment
    /// too, but only rank 0 prints and writes pictures.
    /// </summary>
    public static bool IsFirstProcess => Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_RANK") is null or "0";

    /// <summary>True in every process mpirun starts (OpenMPI's OMPI_COMM_WORLD_SIZE is set).</summary>
    public static bool IsUnderMpirun => Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") is not null;

    /// <summary>The root command with <paramref name="experiments"/> as its sub-commands.</summary>
    public static RootCommand CreateRootCommand(IEnumerable<Command> experiments)
    {
        // The help's usage lines name the command, not the assembly (NestSharp.Cli) that dotnet run or the tool starts.
        var root = new RootCommand("nestsharp: runs the NEST example experiments with NestSharp, a C# spiking network simulator.")
        {
            HelpName = "nestsharp",
        };
        foreach (var experiment in experiments) root.Subcommands.Add(experiment);
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command they name; returns the exit code. A command line that is not
    /// understood gets "nestsharp: problem" lines and a hint to the help on <paramref name="error"/>.
    /// </summary>
    public static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
        {
            foreach (string problem in UsageProblems(parsed)) error.WriteLine($"nestsharp: {problem}");
            var command = parsed.CommandResult.Command;
            error.WriteLine($"Run 'nestsharp{(command is RootCommand ? "" : " " + command.Name)} --help' for usage.");
            return UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>
    /// What is wrong with the command line: one line for a missing or unknown command, or for the first word the command
    /// does not know (the parser would report every word after it too); otherwise the problems with the options' values.
    /// </summary>
    private static IEnumerable<string> UsageProblems(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        string? unknown = parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : null;
        if (command is RootCommand)
        {
            string commands = string.Join(", ", command.Subcommands.Select(subcommand => subcommand.Name));
            return [unknown is null
                ? $"no command given; the commands are {commands}."
                : $"'{unknown}' is not a command; the commands are {commands}."];
        }
        if (unknown is not null)
            return [unknown.StartsWith('-') ? $"{command.Name} has no option '{unknown}'." : $"{command.Name} takes no arguments; got '{unknown}'."];
        return parsed.Errors.Select(parseError => parseError.Message);
    }
}
