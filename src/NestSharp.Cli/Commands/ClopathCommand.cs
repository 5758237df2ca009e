using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;
using Spectre.Console;

namespace NestSharp.Cli.Commands;

/// <summary>
/// <c>nestsharp clopath</c>: runs <see cref="ClopathNetworkExperiment"/> with the options given, shows its progress and
/// prints its summary.
/// </summary>
public static class ClopathCommand
{
    private const string CommandName = "clopath";

    public static Command Create()
    {
        var defaults = new ClopathNetworkParameters();
        var simTime = CommonOptions.SimulatedTimeOption(
            "--simtime",
            defaults.SimTimeMs,
            "Simulated time in ms, a positive multiple of 100 ms (the input profile moves every 100 ms)",
            value => ClopathNetworkExperiment.Intervals(value) > 0,
            $"a positive multiple of {ClopathNetworkExperiment.IntervalMs} ms");
        var threads = CommonOptions.ThreadsOption(
            defaults.Threads,
            "Threads (kernel local_num_threads), by default 1: 13 neurons gain nothing from more; the results do not depend on it");
        var seed = CommonOptions.SeedOption(
            defaults.Seed, "Seed of the random streams (kernel rng_seed) and of the sequence of input profiles");
        var outputDirectory = CommonOptions.OutputDirectoryOption(
            defaults.OutputDirectory,
            "Directory for the weight-change matrix (CSV), the weight recorder's events (CSV) and the figure (created if missing)");

        var command = new Command(
            CommandName,
            "Small network with voltage-based STDP (Clopath et al. 2010) that forms bidirectional connections, as NEST's clopath_synapse_small_network.py")
        {
            simTime, threads, seed, outputDirectory,
        };
        command.SetAction(parsed => Execute(
            new ClopathNetworkParameters
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

    private static int Execute(ClopathNetworkParameters parameters, TextWriter output, TextWriter error)
    {
        if (!ExperimentRunner.TryRun(CommandName, () => RunWithProgress(parameters, output), error, out var result))
            return CommandLineApp.RunFailed;

        var invariant = CultureInfo.InvariantCulture;
        var o = result.Outcome;
        double[,] change = o.WeightChange;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double value in change)
        {
            if (double.IsNaN(value)) continue;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        double seconds = parameters.SimTimeMs / 1000.0;
        string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F2", invariant) + " s";
        output.WriteLine();
        new SummaryTable("Clopath small network (C#)")
            .Add("Neurons", FormattableString.Invariant(
                $"{ClopathNetworkExperiment.NumberExcitatory + ClopathNetworkExperiment.NumberInhibitory} ({ClopathNetworkExperiment.NumberExcitatory} E, {ClopathNetworkExperiment.NumberInhibitory} I), {ClopathNetworkExperiment.NumberInputs} inputs"))
            .Add("Synapses", o.Synapses.ToString(invariant))
            .Add("Simulated time", FormattableString.Invariant($"{parameters.SimTimeMs:0.###} ms"))
            .Add("Excitatory rate", (o.ExcitatorySpikes / seconds / ClopathNetworkExperiment.NumberExcitatory).ToString("F2", invariant) + " Hz")
            .Add("Inhibitory rate", (o.InhibitorySpikes / seconds / ClopathNetworkExperiment.NumberInhibitory).ToString("F2", invariant) + " Hz")
            .Add("Input->E weights: mean before / after", FormattableString.Invariant($"{o.InputWeightsBefore.Average():F4} / {o.InputWeightsAfter.Average():F4}"))
            .Add("E->E weight change: mean (off-diagonal)", o.MeanChange.ToString("F5", invariant))
            .Add("  min / max", FormattableString.Invariant($"{min:F5} / {max:F5}"))
            .Add("  correlation with its transpose", o.ReciprocalCorrelation.ToString("F3", invariant))
            .Add("Building time", Seconds(o.BuildTime))
            .Add("Simulation time", Seconds(o.SimulationTime))
            .Add("Threads", parameters.Threads.ToString(invariant))
            .Add("Seed", parameters.Seed.ToString(invariant))
            .Write(output);

        output.WriteLine("Files written:");
        output.WriteLine($"  {result.MatrixFile}");
        output.WriteLine($"  {result.WeightEventsFile}");
        output.WriteLine($"  {result.Figure.SvgPath}");
        if (result.Figure.PngPath is not null) output.WriteLine($"  {result.Figure.PngPath}");
        else output.WriteLine($"No PNG: {result.Figure.Error}");
        return CommandLineApp.Success;
    }

    /// <summary>
    /// On a terminal, a progress bar advanced at every 100 ms interval; otherwise (a file, a pipe, a test's writer) a
    /// line at every tenth of the run.
    /// </summary>
    private static ClopathNetworkResult RunWithProgress(ClopathNetworkParameters parameters, TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        if (!terminal)
        {
            int lastTenth = 0;
            return ClopathNetworkExperiment.Run(parameters, output, timeMs =>
            {
                int tenth = (int)(10 * timeMs / parameters.SimTimeMs + 1e-9);
                if (tenth <= lastTenth) return;
                lastTenth = tenth;
                output.WriteLine(FormattableString.Invariant($"[{tenth * 10,3}%] t = {timeMs:0} ms"));
            });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        ClopathNetworkResult? result = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Simulating", maxValue: parameters.SimTimeMs);
                result = ClopathNetworkExperiment.Run(parameters, TextWriter.Null, timeMs =>
                {
                    task.Description = FormattableString.Invariant($"t = {timeMs,7:0} ms");
                    task.Value = timeMs;
                });
            });
        return result!;
    }
}
