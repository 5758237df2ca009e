using System.CommandLine;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp ignore-and-fire</c>: runs <see cref="IgnoreAndFireExperiment"/> with the options given and prints its summary.</summary>
public static class IgnoreAndFireCommand
{
    private const double Resolution = 0.125; // ms, the example's dt

    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var defaults = new IgnoreAndFireExperimentParameters();
        var neuronModel = CommonOptions.OneOfOption(
            "--neuron-model", "MODEL", "Neuron model: ignore_and_fire (fixed random rates and phases) or iaf_psc_alpha (integrate-and-fire)",
            defaults.NeuronModel, IgnoreAndFireParameters.NeuronModels);
        var n = CommonOptions.WholeNumberOption(
            "--N", "N", "Total number of neurons (80 % excitatory)", defaults.N, 10, int.MaxValue);
        var k = CommonOptions.WholeNumberOption(
            "--K", "K", "In-degree from the local network per neuron (80 % excitatory inputs)", defaults.K, 1, int.MaxValue);
        var simTime = CommonOptions.SimulatedTimeOption("--T", defaults.SimTimeMs, Resolution);
        var run = RunOptions.Of(defaults, "Output directory; the files go to DIR/<neuron model> (created if missing)",
            CommonOptions.CheckpointOptionsOf("ignore-and-fire.nscp", Resolution));
        var compress = new Option<bool>("--gzip")
        {
            Description = "Write the connectivity files gzip-compressed (.dat.gz)",
        };

        return new ExperimentCommand<IgnoreAndFireExperimentParameters, IgnoreAndFireResult>
        {
            Name = "ignore-and-fire",
            Description = "Scalable two-population network with STDP between excitatory neurons, as NEST's ignore_and_fire example (TwoPopulationNetworkPlastic)",
            Options = [neuronModel, n, k, simTime, run.Threads, run.Seed, run.OutputDirectory, compress, .. run.Checkpoints.All],
            ReadParameters = parsed => run.Read<IgnoreAndFireExperimentParameters>(parsed) with
            {
                NeuronModel = parsed.GetValue(neuronModel)!,
                N = parsed.GetValue(n),
                K = parsed.GetValue(k),
                SimTimeMs = parsed.GetValue(simTime),
                Compress = parsed.GetValue(compress),
            },
            Run = IgnoreAndFireExperiment.Run,
            Summarize = Summary,
            FilesWritten = result => result.Files,
        }.Create();
    }

    private static SummaryTable Summary(IgnoreAndFireExperimentParameters parameters, IgnoreAndFireResult result)
    {
        var d = result.Parameters;
        var w = result.FinalWeights;
        static string Pa(double value) => FormattableString.Invariant($"{value:F2} pA");
        return new SummaryTable($"Two-population STDP network, {parameters.NeuronModel} (C#)")
            .Add("Neurons", FormattableString.Invariant($"{result.Neurons} ({d.NE} E, {d.NI} I)"))
            .Add("In-degree", FormattableString.Invariant($"{d.KE + d.KI} ({d.KE} E, {d.KI} I)"))
            .Add("Synapses", result.Synapses)
            .Add("  plastic (E->E)", result.PlasticSynapses)
            .Add("Initial E weight I_E", Pa(d.IE))
            .Add("External rate nu_X", FormattableString.Invariant($"{d.NuX:F1} Hz"))
            .Add("Firing rate", SummaryFormat.Hertz(result.RateHz))
            .Add("  excitatory", SummaryFormat.Hertz(result.ExcitatoryRateHz))
            .Add("  inhibitory", SummaryFormat.Hertz(result.InhibitoryRateHz))
            .Add("E->E weights: mean", Pa(w.Mean))
            .Add("  SD", Pa(w.Sd))
            .Add("  min / median / max", FormattableString.Invariant($"{w.Min:F2} / {w.Median:F2} / {w.Max:F2} pA"))
            .AddRunTimes(result.BuildTime, result.SimulationTime)
            .Add("GetConnections (all E->E)", SummaryFormat.Seconds(result.GetConnectionsTime))
            .Add("Peak memory before GetConnections", SummaryFormat.Mebibytes(result.PeakMemoryBeforeExtractionBytes))
            .Add("Peak memory", SummaryFormat.Mebibytes(result.PeakMemoryBytes))
            .Add("Threads", result.Threads);
    }
}
