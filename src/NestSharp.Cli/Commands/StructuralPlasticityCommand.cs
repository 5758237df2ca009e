using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;
using Spectre.Console;

namespace NestSharp.Cli.Commands;

/// <summary>
/// <c>nestsharp structural-plasticity</c>: runs <see cref="StructuralPlasticityExperiment"/> with the options given,
/// shows its progress and prints its summary.
/// </summary>
public static class StructuralPlasticityCommand
{
    private const string CommandName = "structural-plasticity";

    public static Command Create()
    {
        var defaults = new StructuralPlasticityParameters();
        var simTime = CommonOptions.SimulatedTimeOption(
            "--simtime",
            defaults.SimTimeMs,
            "Simulated time in ms, a positive multiple of the recording interval (1000 ms)",
            IsWholeSeconds,
            "a positive multiple of 1000 ms (the recording interval)");
        var threads = CommonOptions.ThreadsOption();
        var seed = CommonOptions.SeedOption(defaults.Seed);
        var outputDirectory = CommonOptions.OutputDirectoryOption(
            defaults.OutputDirectory, "Directory for the series (CSV) and the figure (created if missing)");

        var command = new Command(
            CommandName,
            "Two populations without connections grow synapses until their calcium reaches its set point (Butz & van Ooyen 2013), as NEST's structural_plasticity.py")
        {
            simTime, threads, seed, outputDirectory,
        };
        command.SetAction(parsed => Execute(
            new StructuralPlasticityParameters
            {
                SimTimeMs = parsed.GetValue(simTime),
                Threads = parsed.GetValue(threads),
                Seed = parsed.GetValue(seed),
                OutputDirectory = parsed.GetValue(outputDirectory)!,
            },
            parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error));
        return command;
    }

    private static bool IsWholeSeconds(double ms)
    {
        double seconds = ms / StructuralPlasticityExperiment.RecordIntervalMs;
        return seconds >= 1 && seconds <= int.MaxValue && Math.Abs(seconds - Math.Round(seconds)) <= 1e-9 * seconds;
    }

    private static int Execute(StructuralPlasticityParameters parameters, TextWriter output, TextWriter error)
    {
        if (!ExperimentRunner.TryRun(CommandName, () => RunWithProgress(parameters, output), error, out var result))
            return CommandLineApp.RunFailed;

        var invariant = CultureInfo.InvariantCulture;
        var final = result.Final;
        string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F2", invariant) + " s";
        output.WriteLine();
        new SummaryTable("Structural plasticity simulation (C#)")
            .Add("Neurons", FormattableString.Invariant($"{result.ExcitatoryNeurons + result.InhibitoryNeurons} ({result.ExcitatoryNeurons} E, {result.InhibitoryNeurons} I)"))
            .Add("Simulated time", FormattableString.Invariant($"{final.TimeS:0.###} s"))
            .Add("Final mean Ca, excitatory", FormattableString.Invariant($"{final.MeanCaE:F4} (target {result.TargetCaE:0.###})"))
            .Add("Final mean Ca, inhibitory", FormattableString.Invariant($"{final.MeanCaI:F4} (target {result.TargetCaI:0.###})"))
            .Add("Excitatory connections", final.ConnectionsE.ToString(invariant))
            .Add("Inhibitory connections", final.ConnectionsI.ToString(invariant))
            .Add("Building time", Seconds(result.BuildTime))
            .Add("Simulation time", Seconds(result.SimulationTime))
            .Add("Peak memory", (result.PeakMemoryBytes / (1024.0 * 1024.0)).ToString("F0", invariant) + " MiB")
            .Add("Threads", result.Threads.ToString(invariant))
            .Write(output);

        output.WriteLine("Files written:");
        output.WriteLine($"  {result.SeriesFile}");
        output.WriteLine($"  {result.Figure.SvgPath}");
        if (result.Figure.PngPath is not null) output.WriteLine($"  {result.Figure.PngPath}");
        else output.WriteLine($"No PNG: {result.Figure.Error}");
        return CommandLineApp.Success;
    }

    /// <summary>
    /// On a terminal, a progress bar redrawn at every recorded second with the latest mean Ca and connection counts;
    /// otherwise (a file, a pipe, a test's writer) a line at every tenth of the run.
    /// </summary>
    private static StructuralPlasticityResult RunWithProgress(StructuralPlasticityParameters parameters, TextWriter output)
    {
        int steps = StructuralPlasticityExperiment.RecordingSteps(parameters.SimTimeMs);
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        if (!terminal)
        {
            int lastTenth = 0;
            return StructuralPlasticityExperiment.Run(parameters, output, sample =>
            {
                int tenth = (int)(10 * sample.TimeS * 1000.0 / parameters.SimTimeMs);
                if (tenth <= lastTenth) return;
                lastTenth = tenth;
                output.WriteLine($"[{tenth * 10,3}%] {Describe(sample)}");
            });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        StructuralPlasticityResult? result = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Building network", maxValue: steps);
                result = StructuralPlasticityExperiment.Run(parameters, TextWriter.Null, sample =>
                {
                    task.Description = Markup.Escape(FormattableString.Invariant(
                        $"{sample.TimeS,4:0} s  Ca {sample.MeanCaE:F4}/{sample.MeanCaI:F4}  synapses {sample.ConnectionsE}/{sample.ConnectionsI}"));
                    task.Increment(1);
                });
            });
        return result!;
    }

    private static string Describe(StructuralPlasticitySample s) => FormattableString.Invariant(
        $"t = {s.TimeS,6:0} s  Ca E {s.MeanCaE:F4} I {s.MeanCaI:F4}  connections E {s.ConnectionsE} I {s.ConnectionsI}");
}
