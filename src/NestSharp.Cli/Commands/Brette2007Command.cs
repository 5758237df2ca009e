using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp brette-2007</c>: runs <see cref="Brette2007Experiment"/> and prints the summary of NEST's scripts.</summary>
public static class Brette2007Command
{
    private static readonly Brette2007Network[] Networks = Enum.GetValues<Brette2007Network>();

    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var defaults = new Brette2007Parameters();
        string[] labels = [.. Networks.Select(Brette2007Experiment.LabelOf)];
        var network = CommonOptions.OneOfOption(
            "--network", "NAME", $"Which benchmark: {string.Join(", ", labels)} (NEST's cuba.py, coba.py, hh_coba.py)",
            Brette2007Experiment.LabelOf(defaults.Network), labels);
        var simTime = CommonOptions.SimulatedTimeOption(
            "--simtime",
            defaults.EffectiveSimTimeMs,
            FormattableString.Invariant($"Simulated time in ms, a positive multiple of {Brette2007Experiment.Resolution} ms (the scripts': 10000 for cuba, 1000 for coba and hh_coba)"),
            value => CommonOptions.IsPositiveMultipleOf(value, Brette2007Experiment.Resolution),
            FormattableString.Invariant($"a positive multiple of {Brette2007Experiment.Resolution} ms"));
        var run = RunOptions.Of(defaults, "Directory for the spike files and the raster plot (created if missing)",
            CommonOptions.CheckpointOptionsOf("brette-2007.nscp", Brette2007Experiment.Resolution));

        return new ExperimentCommand<Brette2007Parameters, Brette2007Result>
        {
            Name = "brette-2007",
            Description = "The Vogels-Abbott network of Brette et al. (2007), benchmarks 1-3 as NEST's brette_et_al_2007 examples: 4000 neurons, CUBA, COBA or HH-COBA",
            Options = [network, simTime, .. run.All],
            ReadParameters = parsed => run.Read<Brette2007Parameters>(parsed) with
            {
                Network = Networks.First(n => Brette2007Experiment.LabelOf(n) == parsed.GetValue(network)),
                SimTimeMs = parsed.GetResult(simTime) is { Implicit: false } ? parsed.GetValue(simTime) : null,
            },
            Run = Brette2007Experiment.Run,
            Summarize = (parameters, result) => new SummaryTable(
                    $"Brette et al. 2007, {Brette2007Experiment.LabelOf(parameters.Network)} ({Brette2007Experiment.ModelOf(parameters.Network)}, C#)")
                .Add("Neurons", result.Neurons)
                .Add("Synapses", result.Synapses)
                .AddPopulationRates(result.ExcitatoryRateHz, result.InhibitoryRateHz)
                .AddRunTimes(result.BuildTime, result.SimTime)
                .Add("Real-time factor", result.RealTimeFactor(parameters.EffectiveSimTimeMs).ToString("F1", CultureInfo.InvariantCulture))
                .Add("Peak memory", SummaryFormat.Mebibytes(result.PeakMemoryBytes))
                .Add("Threads", parameters.Threads),
            FilesWritten = result =>
            {
                var files = new WrittenFiles().Add(result.SpikeFiles);
                return result.RasterPlot is null ? files : files.Add(result.RasterPlot);
            },
        }.Create();
    }
}
