using System.CommandLine;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary>
/// What every experiment command does, given what differs between them: read its options into the experiment's
/// parameters, run the experiment, print the summary table and the files written. A failure the run can meet (the
/// simulator's, the file system's, malformed data) is written to the error writer as "nestsharp name: message" with
/// exit code <see cref="CommandLineApp.RunFailed"/>. Under mpirun every process runs the experiment; only the first
/// one (<see cref="CommandLineApp.IsFirstProcess"/>) logs and reports.
/// </summary>
/// <typeparam name="TParameters">The experiment's settings.</typeparam>
/// <typeparam name="TResult">What a run of the experiment measured and wrote.</typeparam>
internal sealed class ExperimentCommand<TParameters, TResult>
    where TResult : class
{
    /// <summary>The command's name (the first argument of <c>nestsharp</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What the experiment is, for the help.</summary>
    public required string Description { get; init; }

    /// <summary>The command's options, in the order the help lists them.</summary>
    public required IReadOnlyList<Option> Options { get; init; }

    /// <summary>The experiment's parameters from the parsed options.</summary>
    public required Func<ParseResult, TParameters> ReadParameters { get; init; }

    /// <summary>
    /// Runs the experiment, logging to the writer given (<see cref="TextWriter.Null"/> on MPI processes other than the
    /// first); null when this process has nothing to report.
    /// </summary>
    public required Func<TParameters, TextWriter, TResult?> Run { get; init; }

    /// <summary>The summary table of a run.</summary>
    public required Func<TParameters, TResult, SummaryTable> Summarize { get; init; }

    /// <summary>The files a run wrote.</summary>
    public required Func<TResult, WrittenFiles> FilesWritten { get; init; }

    /// <summary>Whether an empty line separates the run's log from the summary (all commands but brunel, whose summary follows the kernel's progress lines).</summary>
    public bool BlankLineBeforeSummary { get; init; } = true;

    /// <summary>The command, ready to be added to the root command.</summary>
    public Command Create()
    {
        var command = new Command(Name, Description);
        foreach (var option in Options) command.Options.Add(option);
        command.SetAction(parsed => Execute(
            ReadParameters(parsed), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private int Execute(TParameters parameters, TextWriter output, TextWriter error)
    {
        bool report = CommandLineApp.IsFirstProcess;
        TResult? result;
        try
        {
            result = Run(parameters, report ? output : TextWriter.Null);
        }
        catch (Exception e) when (e is NestException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"nestsharp {Name}: {e.Message}");
            return CommandLineApp.RunFailed;
        }
        if (!report || result is null) return CommandLineApp.Success;

        if (BlankLineBeforeSummary) output.WriteLine();
        Summarize(parameters, result).Write(output);
        FilesWritten(result).Write(output);
        return CommandLineApp.Success;
    }
}
