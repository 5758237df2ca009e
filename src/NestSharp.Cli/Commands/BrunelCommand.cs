using System.CommandLine;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp brunel</c>: runs <see cref="BrunelExperiment"/> with the options given and prints its summary.</summary>
public static class BrunelCommand
{
    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var defaults = new BrunelParameters();
        var order = CommonOptions.WholeNumberOption(
            "--order",
            "N",
            $"Network scale: 4*N excitatory and N inhibitory neurons (at least {BrunelParameters.MinimumOrder})",
            defaults.Order,
            BrunelParameters.MinimumOrder,
            int.MaxValue,
            "each neuron receives 0.1*order inhibitory inputs");
        var simTime = CommonOptions.SimulatedTimeOption("--simtime", defaults.SimTimeMs, BrunelExperiment.Resolution);
        var run = RunOptions.Of(defaults, "Directory for the spike files and the raster plot (created if missing)",
            CommonOptions.CheckpointOptionsOf("brunel.nscp", BrunelExperiment.Resolution));

        return new ExperimentCommand<BrunelParameters, BrunelResult>
        {
            Name = "brunel",
            Description = "Random balanced network of excitatory and inhibitory neurons with alpha-shaped synaptic currents (Brunel 2000), as NEST's brunel_alpha_nest.py",
            Options = [order, simTime, .. run.All],
            ReadParameters = parsed => run.Read<BrunelParameters>(parsed) with
            {
                Order = parsed.GetValue(order),
                SimTimeMs = parsed.GetValue(simTime),
            },
            Run = BrunelExperiment.Run,
            Summarize = (_, result) => new SummaryTable("Brunel network simulation (C#)")
                .Add("Neurons", result.Neurons)
                .Add("Synapses", result.Synapses)
                .Add("  excitatory", result.ExcitatorySynapses)
                .Add("  inhibitory", result.InhibitorySynapses)
                .AddPopulationRates(result.ExcitatoryRateHz, result.InhibitoryRateHz)
                .AddRunTimes(result.BuildTime, result.SimulationTime)
                .Add("Threads", result.Threads)
                .Add("MPI processes", result.Processes),
            FilesWritten = result => new WrittenFiles().Add(result.SpikeFiles).Add(result.RasterPlot!),
            BlankLineBeforeSummary = false,
        }.Create();
    }
}
