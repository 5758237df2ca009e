using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp urbanczik</c>: runs <see cref="UrbanczikExperiment"/> with the options given and prints its summary.</summary>
public static class UrbanczikCommand
{
    private const string CommandName = "urbanczik";

    public static Command Create()
    {
        var defaults = new UrbanczikParameters();
        var repetitions = new Option<int>("--repetitions")
        {
            Description = "Presentations of the spike pattern while the teacher drives the soma (the example's n_pattern_rep)",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.PatternRepetitions,
        };
        repetitions.Require(value => value is >= 2 and <= 100_000, value => $"--repetitions must be between 2 and 100000; got {value}.");
        var threads = CommonOptions.ThreadsOption(
            defaults.Threads, "Threads (kernel local_num_threads); the results do not depend on it");
        var seed = CommonOptions.SeedOption(
            defaults.Seed, "Seed of the random streams (kernel rng_seed): the spike pattern and the neuron's spikes");
        var outputDirectory = CommonOptions.OutputDirectoryOption(
            defaults.OutputDirectory, "Output directory for the data (CSV) and the figures (created if missing)");

        var command = new Command(
            CommandName,
            "Dendritic prediction learning of a somatic teacher signal (Urbanczik and Senn 2014), as NEST's urbanczik_synapse_example")
        {
            repetitions, threads, seed, outputDirectory,
        };
        command.SetAction(parsed => Execute(
            new UrbanczikParameters
            {
                PatternRepetitions = parsed.GetValue(repetitions),
                Threads = parsed.GetValue(threads),
                Seed = parsed.GetValue(seed),
                OutputDirectory = parsed.GetValue(outputDirectory)!,
            },
            parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(UrbanczikParameters parameters, TextWriter output, TextWriter error)
    {
        if (!ExperimentRunner.TryRun(CommandName, () => UrbanczikExperiment.Run(parameters, output), error, out var result))
            return CommandLineApp.RunFailed;

        var invariant = CultureInfo.InvariantCulture;
        string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F2", invariant) + " s";
        string Mv(double x) => x.ToString("F2", invariant) + " mV";
        double[] w = result.FinalWeights;
        output.WriteLine();
        new SummaryTable("Urbanczik-Senn dendritic prediction learning (C#)")
            .Add("Pattern", FormattableString.Invariant(
                $"{UrbanczikModel.PatternGenerators} trains, {result.Parameters.PatternDurationMs} ms, {result.PatternSpikes} spikes"))
            .Add("Presentations", FormattableString.Invariant(
                $"{result.SimulationTimeMs / result.Parameters.PatternDurationMs:F0} ({result.Parameters.PatternRepetitions} with teacher)"))
            .Add("Model time", FormattableString.Invariant($"{result.SimulationTimeMs} ms"))
            .Add("RMS(U - U_M), first two repetitions", Mv(result.RmsFirstTwo))
            .Add("RMS(U - U_M), last two repetitions", Mv(result.RmsLastTwo))
            .Add("Somatic spikes", FormattableString.Invariant(
                $"{result.Recording.SomaSpikes.Length} ({result.SomaRateHz:F1} Hz with teacher)"))
            .Add("Weights: initial", UrbanczikModel.InitialWeight.ToString("F1", invariant))
            .Add("  final mean / min / max", FormattableString.Invariant($"{w.Average():F1} / {w.Min():F1} / {w.Max():F1}"))
            .Add("Weight events", result.Recording.Weights.Length.ToString(invariant))
            .Add("Building time (pattern included)", Seconds(result.BuildTime))
            .Add("Simulation time", Seconds(result.SimulateTime))
            .Add("Threads", result.Parameters.Threads.ToString(invariant))
            .Write(output);

        output.WriteLine("Files written:");
        foreach (string file in result.Files) output.WriteLine($"  {file}");
        foreach (string problem in result.PngProblems) output.WriteLine($"No PNG: {problem}");
        return CommandLineApp.Success;
    }
}
