using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp ignore-and-fire</c>: runs <see cref="IgnoreAndFireExperiment"/> with the options given and prints its summary.</summary>
public static class IgnoreAndFireCommand
{
    private const string CommandName = "ignore-and-fire";
    private const double Resolution = 0.125; // ms, the example's dt

    public static Command Create()
    {
        var defaults = new IgnoreAndFireExperimentParameters();
        var neuronModel = new Option<string>("--neuron-model")
        {
            Description = "Neuron model: ignore_and_fire (fixed random rates and phases) or iaf_psc_alpha (integrate-and-fire)",
            HelpName = "MODEL",
            DefaultValueFactory = _ => defaults.NeuronModel,
        };
        neuronModel.Require(
            value => IgnoreAndFireParameters.NeuronModels.Contains(value),
            value => $"--neuron-model must be one of {string.Join(", ", IgnoreAndFireParameters.NeuronModels)}; got '{value}'.");
        var n = new Option<int>("--N")
        {
            Description = "Total number of neurons (80 % excitatory)",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.N,
        };
        n.Require(value => value >= 10, value => $"--N must be at least 10; got {value}.");
        var k = new Option<int>("--K")
        {
            Description = "In-degree from the local network per neuron (80 % excitatory inputs)",
            HelpName = "K",
            DefaultValueFactory = _ => defaults.K,
        };
        k.Require(value => value >= 1, value => $"--K must be at least 1; got {value}.");
        var simTime = CommonOptions.SimulatedTimeOption(
            "--T",
            defaults.SimTimeMs,
            "Simulated time in ms, a positive multiple of the resolution (0.125 ms)",
            value => CommonOptions.IsPositiveMultipleOf(value, Resolution),
            "a positive multiple of 0.125 ms");
        var threads = CommonOptions.ThreadsOption();
        var seed = CommonOptions.SeedOption(defaults.Seed);
        var outputDirectory = CommonOptions.OutputDirectoryOption(
            defaults.OutputDirectory, "Output directory; the files go to DIR/<neuron model> (created if missing)");
        var compress = new Option<bool>("--gzip")
        {
            Description = "Write the connectivity files gzip-compressed (.dat.gz)",
        };

        var command = new Command(
            CommandName,
            "Scalable two-population network with STDP between excitatory neurons, as NEST's ignore_and_fire example (TwoPopulationNetworkPlastic)")
        {
            neuronModel, n, k, simTime, threads, seed, outputDirectory, compress,
        };
        command.SetAction(parsed => Execute(
            new IgnoreAndFireExperimentParameters
            {
                NeuronModel = parsed.GetValue(neuronModel)!,
                N = parsed.GetValue(n),
                K = parsed.GetValue(k),
                SimTimeMs = parsed.GetValue(simTime),
                Threads = parsed.GetValue(threads),
                Seed = parsed.GetValue(seed),
                OutputDirectory = parsed.GetValue(outputDirectory)!,
                Compress = parsed.GetValue(compress),
            },
            parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(IgnoreAndFireExperimentParameters parameters, TextWriter output, TextWriter error)
    {
        // Under mpirun every process runs the experiment; only rank 0 talks.
        bool report = CommandLineApp.IsFirstProcess;
        if (!ExperimentRunner.TryRun(CommandName, () => IgnoreAndFireExperiment.Run(parameters, report ? output : TextWriter.Null), error, out var result))
            return CommandLineApp.RunFailed;

        if (result is null) return CommandLineApp.Success;
        var invariant = CultureInfo.InvariantCulture;
        var d = result.Parameters;
        var w = result.FinalWeights;
        string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F2", invariant) + " s";
        string Hz(double rate) => rate.ToString("F2", invariant) + " Hz";
        string Pa(double value) => value.ToString("F2", invariant) + " pA";
        string MiB(long? bytes) => bytes is { } b ? (b / (1024.0 * 1024.0)).ToString("F0", invariant) + " MiB" : "n/a";
        output.WriteLine();
        new SummaryTable($"Two-population STDP network, {parameters.NeuronModel} (C#)")
            .Add("Neurons", FormattableString.Invariant($"{result.Neurons} ({d.NE} E, {d.NI} I)"))
            .Add("In-degree", FormattableString.Invariant($"{d.KE + d.KI} ({d.KE} E, {d.KI} I)"))
            .Add("Synapses", result.Synapses.ToString(invariant))
            .Add("  plastic (E->E)", result.PlasticSynapses.ToString(invariant))
            .Add("Initial E weight I_E", Pa(d.IE))
            .Add("External rate nu_X", d.NuX.ToString("F1", invariant) + " Hz")
            .Add("Firing rate", Hz(result.RateHz))
            .Add("  excitatory", Hz(result.ExcitatoryRateHz))
            .Add("  inhibitory", Hz(result.InhibitoryRateHz))
            .Add("E->E weights: mean", Pa(w.Mean))
            .Add("  SD", Pa(w.Sd))
            .Add("  min / median / max", FormattableString.Invariant($"{w.Min:F2} / {w.Median:F2} / {w.Max:F2} pA"))
            .Add("Building time", Seconds(result.BuildTime))
            .Add("Simulation time", Seconds(result.SimulationTime))
            .Add("GetConnections (all E->E)", Seconds(result.GetConnectionsTime))
            .Add("Peak memory before GetConnections", MiB(result.PeakMemoryBeforeExtractionBytes))
            .Add("Peak memory", MiB(result.PeakMemoryBytes))
            .Add("Threads", result.Threads.ToString(invariant))
            .Write(output);

        output.WriteLine("Files written:");
        foreach (string file in result.Files) output.WriteLine($"  {file}");
        foreach (string problem in result.PngProblems) output.WriteLine($"No PNG: {problem}");
        return CommandLineApp.Success;
    }
}
