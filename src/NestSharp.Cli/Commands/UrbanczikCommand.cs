using System.CommandLine;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp urbanczik</c>: runs <see cref="UrbanczikExperiment"/> with the options given and prints its summary.</summary>
public static class UrbanczikCommand
{
    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var defaults = new UrbanczikParameters();
        var repetitions = CommonOptions.WholeNumberOption(
            "--repetitions",
            "N",
            "Presentations of the spike pattern while the teacher drives the soma (the example's n_pattern_rep)",
            defaults.PatternRepetitions,
            2,
            100_000);
        var run = new RunOptions(
            CommonOptions.ThreadsOption(defaults.Threads, "Threads (kernel local_num_threads); the results do not depend on it"),
            CommonOptions.SeedOption(defaults.Seed, "Seed of the random streams (kernel rng_seed): the spike pattern and the neuron's spikes"),
            CommonOptions.OutputDirectoryOption(defaults.OutputDirectory, "Output directory for the data (CSV) and the figures (created if missing)"),
            CommonOptions.CheckpointOptionsOf("urbanczik.nscp", UrbanczikModel.Resolution));

        return new ExperimentCommand<UrbanczikParameters, UrbanczikResult>
        {
            Name = "urbanczik",
            Description = "Dendritic prediction learning of a somatic teacher signal (Urbanczik and Senn 2014), as NEST's urbanczik_synapse_example",
            Options = [repetitions, .. run.All],
            ReadParameters = parsed => run.Read<UrbanczikParameters>(parsed) with
            {
                PatternRepetitions = parsed.GetValue(repetitions),
            },
            Run = (parameters, output) => RunProgress.ShowModelTime(output, (parameters.PatternRepetitions + 4) * parameters.PatternDurationMs, (log, report) =>
                UrbanczikExperiment.Run(parameters, log, report)),
            Summarize = (_, result) => Summary(result),
            FilesWritten = result => result.Files,
        }.Create();
    }

    private static SummaryTable Summary(UrbanczikResult result)
    {
        static string Mv(double x) => FormattableString.Invariant($"{x:F2} mV");
        double[] w = result.FinalWeights;
        return new SummaryTable("Urbanczik-Senn dendritic prediction learning (C#)")
            .Add("Pattern", FormattableString.Invariant(
                $"{UrbanczikModel.PatternGenerators} trains, {result.Parameters.PatternDurationMs} ms, {result.PatternSpikes} spikes"))
            .Add("Presentations", FormattableString.Invariant(
                $"{result.SimulationTimeMs / result.Parameters.PatternDurationMs:F0} ({result.Parameters.PatternRepetitions} with teacher)"))
            .Add("Model time", FormattableString.Invariant($"{result.SimulationTimeMs} ms"))
            .Add("RMS(U - U_M), first two repetitions", Mv(result.RmsFirstTwo))
            .Add("RMS(U - U_M), last two repetitions", Mv(result.RmsLastTwo))
            .Add("Somatic spikes", FormattableString.Invariant(
                $"{result.Recording.SomaSpikes.Length} ({result.SomaRateHz:F1} Hz with teacher)"))
            .Add("Weights: initial", FormattableString.Invariant($"{UrbanczikModel.InitialWeight:F1}"))
            .Add("  final mean / min / max", FormattableString.Invariant($"{w.Average():F1} / {w.Min():F1} / {w.Max():F1}"))
            .Add("Weight events", result.Recording.Weights.Length)
            .Add("Building time (pattern included)", SummaryFormat.Seconds(result.BuildTime))
            .Add("Simulation time", SummaryFormat.Seconds(result.SimulateTime))
            .Add("Threads", result.Parameters.Threads);
    }
}
