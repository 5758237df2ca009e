using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp brunel</c>: runs <see cref="BrunelExperiment"/> with the options given and prints its summary.</summary>
public static class BrunelCommand
{
    private const string CommandName = "brunel";
    private const double Resolution = 0.1; // ms

    public static Command Create()
    {
        var defaults = new BrunelParameters();
        var order = new Option<int>("--order")
        {
            Description = $"Network scale: 4*N excitatory and N inhibitory neurons (at least {BrunelParameters.MinimumOrder})",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.Order,
        };
        order.Require(
            value => value >= BrunelParameters.MinimumOrder,
            value => $"--order must be at least {BrunelParameters.MinimumOrder} (each neuron receives 0.1*order inhibitory inputs); got {value}.");
        var simTime = CommonOptions.SimulatedTimeOption(
            "--simtime",
            defaults.SimTimeMs,
            "Simulated time in ms, a positive multiple of the resolution (0.1 ms)",
            value => CommonOptions.IsPositiveMultipleOf(value, Resolution),
            "a positive multiple of 0.1 ms");
        var threads = CommonOptions.ThreadsOption();
        var seed = CommonOptions.SeedOption(defaults.Seed);
        var outputDirectory = CommonOptions.OutputDirectoryOption(
            defaults.OutputDirectory, "Directory for the spike files and the raster plot (created if missing)");

        var command = new Command(CommandName, "Random balanced network of excitatory and inhibitory neurons with alpha-shaped synaptic currents (Brunel 2000), as NEST's brunel_alpha_nest.py")
        {
            order, simTime, threads, seed, outputDirectory,
        };
        command.SetAction(parsed => Execute(
            new BrunelParameters
            {
                Order = parsed.GetValue(order),
                SimTimeMs = parsed.GetValue(simTime),
                Threads = parsed.GetValue(threads),
                Seed = parsed.GetValue(seed),
                OutputDirectory = parsed.GetValue(outputDirectory)!,
            },
            parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(BrunelParameters parameters, TextWriter output, TextWriter error)
    {
        // Under mpirun every process runs the experiment; only rank 0 talks.
        bool report = CommandLineApp.IsFirstProcess;
        if (!ExperimentRunner.TryRun(
                CommandName,
                () => BrunelExperiment.Run(parameters with { PrintTime = parameters.PrintTime && report }, report ? output : TextWriter.Null),
                error,
                out var result))
            return CommandLineApp.RunFailed;

        if (!report) return CommandLineApp.Success;
        var invariant = CultureInfo.InvariantCulture;
        new SummaryTable("Brunel network simulation (C#)")
            .Add("Neurons", result.Neurons.ToString(invariant))
            .Add("Synapses", result.Synapses.ToString(invariant))
            .Add("  excitatory", result.ExcitatorySynapses.ToString(invariant))
            .Add("  inhibitory", result.InhibitorySynapses.ToString(invariant))
            .Add("Excitatory rate", result.ExcitatoryRateHz.ToString("F2", invariant) + " Hz")
            .Add("Inhibitory rate", result.InhibitoryRateHz.ToString("F2", invariant) + " Hz")
            .Add("Building time", result.BuildTime.TotalSeconds.ToString("F2", invariant) + " s")
            .Add("Simulation time", result.SimulationTime.TotalSeconds.ToString("F2", invariant) + " s")
            .Add("Threads", result.Threads.ToString(invariant))
            .Add("MPI processes", result.Processes.ToString(invariant))
            .Write(output);

        output.WriteLine("Files written:");
        foreach (string file in result.SpikeFiles) output.WriteLine($"  {file}");
        var raster = result.RasterPlot!;
        output.WriteLine($"  {raster.SvgPath}");
        if (raster.PngPath is not null) output.WriteLine($"  {raster.PngPath}");
        else output.WriteLine($"No PNG: {raster.Error}");
        return CommandLineApp.Success;
    }
}
