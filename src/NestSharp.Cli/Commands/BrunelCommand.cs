using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp brunel</c>: runs <see cref="BrunelExperiment"/> with the options given and prints its summary.</summary>
public static class BrunelCommand
{
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
        var simTime = new Option<double>("--simtime")
        {
            Description = "Simulated time in ms, a positive multiple of the resolution (0.1 ms)",
            HelpName = "MS",
            DefaultValueFactory = _ => defaults.SimTimeMs,
        };
        simTime.Require(
            value => value > 0 && IsMultipleOfResolution(value),
            value => $"--simtime must be a positive multiple of 0.1 ms; got {value.ToString(CultureInfo.InvariantCulture)}.");
        var threads = new Option<int>("--threads")
        {
            Description = "Threads (kernel local_num_threads), by default all cores of this machine; the results do not depend on it",
            HelpName = "T",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Require(value => value is >= 1 and <= 1024, value => $"--threads must be between 1 and 1024; got {value}.");
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of the random streams (kernel rng_seed)",
            HelpName = "S",
            DefaultValueFactory = _ => defaults.Seed,
        };
        seed.Require(value => value is >= 1 and <= uint.MaxValue, value => $"--seed must be between 1 and {uint.MaxValue}; got {value}.");
        var outputDirectory = new Option<string>("--out")
        {
            Description = "Directory for the spike files and the raster plot (created if missing)",
            HelpName = "DIR",
            DefaultValueFactory = _ => defaults.OutputDirectory,
        };

        var command = new Command("brunel", "Random balanced network of excitatory and inhibitory neurons with alpha-shaped synaptic currents (Brunel 2000), as NEST's brunel_alpha_nest.py")
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

    private static bool IsMultipleOfResolution(double ms)
    {
        double steps = ms / 0.1;
        return Math.Abs(steps - Math.Round(steps)) <= 1e-9 * Math.Max(1.0, steps);
    }

    private static int Execute(BrunelParameters parameters, TextWriter output, TextWriter error)
    {
        // Under mpirun every process runs the experiment; only rank 0 talks.
        bool report = CommandLineApp.IsFirstProcess;
        BrunelResult result;
        try
        {
            result = BrunelExperiment.Run(parameters with { PrintTime = parameters.PrintTime && report }, report ? output : TextWriter.Null);
        }
        catch (Exception e) when (e is NestException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"nestsharp brunel: {e.Message}");
            return CommandLineApp.RunFailed;
        }

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
