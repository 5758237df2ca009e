using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary>
/// <c>nestsharp clopath</c>: runs <see cref="ClopathNetworkExperiment"/> with the options given, shows its progress
/// (at every 100 ms interval) and prints its summary.
/// </summary>
public static class ClopathCommand
{
    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var defaults = new ClopathNetworkParameters();
        var simTime = CommonOptions.SimulatedTimeOption(
            "--simtime",
            defaults.SimTimeMs,
            "Simulated time in ms, a positive multiple of 100 ms (the input profile moves every 100 ms)",
            value => ClopathNetworkExperiment.Intervals(value) > 0,
            $"a positive multiple of {ClopathNetworkExperiment.IntervalMs} ms");
        var run = new RunOptions(
            CommonOptions.ThreadsOption(
                defaults.Threads,
                "Threads (kernel local_num_threads), by default 1: 13 neurons gain nothing from more; the results do not depend on it"),
            CommonOptions.SeedOption(
                defaults.Seed, "Seed of the random streams (kernel rng_seed) and of the sequence of input profiles"),
            CommonOptions.OutputDirectoryOption(
                defaults.OutputDirectory,
                "Directory for the weight-change matrix (CSV), the weight recorder's events (CSV) and the figure (created if missing)"),
            CommonOptions.CheckpointOptionsOf("clopath.nscp", ClopathNetworkExperiment.Resolution));

        return new ExperimentCommand<ClopathNetworkParameters, ClopathNetworkResult>
        {
            Name = "clopath",
            Description = "Small network with voltage-based STDP (Clopath et al. 2010) that forms bidirectional connections, as NEST's clopath_synapse_small_network.py",
            Options = [simTime, .. run.All],
            ReadParameters = parsed => run.Read<ClopathNetworkParameters>(parsed) with
            {
                SimTimeMs = parsed.GetValue(simTime),
            },
            Run = (parameters, output) => RunProgress.ShowModelTime(output, parameters.SimTimeMs, (log, report) =>
                ClopathNetworkExperiment.Run(parameters, log, report)),
            Summarize = Summary,
            FilesWritten = result => new WrittenFiles().Add(result.MatrixFile, result.WeightEventsFile, result.CentersFile).Add(result.Figure),
        }.Create();
    }

    private static SummaryTable Summary(ClopathNetworkParameters parameters, ClopathNetworkResult result)
    {
        var o = result.Outcome;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double value in o.WeightChange)
        {
            if (double.IsNaN(value)) continue;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        double seconds = parameters.SimTimeMs / 1000.0;
        const int excitatory = ClopathNetworkExperiment.NumberExcitatory, inhibitory = ClopathNetworkExperiment.NumberInhibitory;
        return new SummaryTable("Clopath small network (C#)")
            .Add("Neurons", FormattableString.Invariant(
                $"{excitatory + inhibitory} ({excitatory} E, {inhibitory} I), {ClopathNetworkExperiment.NumberInputs} inputs"))
            .Add("Synapses", o.Synapses)
            .Add("Simulated time", FormattableString.Invariant($"{parameters.SimTimeMs:0.###} ms"))
            .Add("Excitatory rate", SummaryFormat.Hertz(o.ExcitatorySpikes / seconds / excitatory))
            .Add("Inhibitory rate", SummaryFormat.Hertz(o.InhibitorySpikes / seconds / inhibitory))
            .Add("Input->E weights: mean before / after", FormattableString.Invariant($"{o.InputWeightsBefore.Average():F4} / {o.InputWeightsAfter.Average():F4}"))
            .Add("E->E weight change: mean (off-diagonal)", o.MeanChange.ToString("F5", CultureInfo.InvariantCulture))
            .Add("  min / max", FormattableString.Invariant($"{min:F5} / {max:F5}"))
            .Add("  correlation with its transpose", o.ReciprocalCorrelation.ToString("F3", CultureInfo.InvariantCulture))
            .AddRunTimes(o.BuildTime, o.SimulationTime)
            .Add("Threads", parameters.Threads)
            .Add("Seed", parameters.Seed);
    }
}
