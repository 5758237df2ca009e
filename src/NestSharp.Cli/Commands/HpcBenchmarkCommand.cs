using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp hpc-benchmark</c>: runs <see cref="HpcBenchmarkExperiment"/> and prints NEST's log metrics.</summary>
public static class HpcBenchmarkCommand
{
    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var defaults = new HpcBenchmarkParameters();
        var scale = new Option<double>("--scale")
        {
            Description = "Network size factor: 9000*S excitatory and 2250*S inhibitory neurons (in-degrees stay 9000 and 2250)",
            HelpName = "S",
            DefaultValueFactory = _ => defaults.Scale,
        };
        scale.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var value && !(value * 2250 >= 1))
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--scale must be at least 1/2250 (one inhibitory neuron); got {value}."));
        });
        var simTime = CommonOptions.SimulatedTimeOption("--simtime", defaults.SimTimeMs, HpcBenchmarkExperiment.Resolution);
        var presimTime = CommonOptions.SimulatedTimeOption("--presimtime", defaults.PresimTimeMs, HpcBenchmarkExperiment.Resolution);
        var run = RunOptions.Of(defaults, "Directory for the log, the spike file and the raster plot (created if missing)",
            CommonOptions.CheckpointOptionsOf("hpc-benchmark.nscp", HpcBenchmarkExperiment.Resolution));
        var noSpikes = new Option<bool>("--no-spikes") { Description = "Do not record the spikes of 1000 excitatory neurons (NEST's record_spikes = False)" };

        return new ExperimentCommand<HpcBenchmarkParameters, HpcBenchmarkResult>
        {
            Name = "hpc-benchmark",
            Description = "NEST's HPC benchmark (hpc_benchmark.py): balanced network of 11250*S iaf_psc_alpha neurons with power-law STDP between excitatory neurons",
            Options = [scale, simTime, presimTime, run.Threads, run.Seed, noSpikes, run.OutputDirectory, .. run.Checkpoints.All],
            ReadParameters = parsed => run.Read<HpcBenchmarkParameters>(parsed) with
            {
                Scale = parsed.GetValue(scale),
                SimTimeMs = parsed.GetValue(simTime),
                PresimTimeMs = parsed.GetValue(presimTime),
                RecordSpikes = !parsed.GetValue(noSpikes),
            },
            Run = HpcBenchmarkExperiment.Run,
            Summarize = (parameters, result) =>
            {
                var table = new SummaryTable("HPC benchmark (C#)")
                    .Add("Neurons", result.ExcitatoryNeurons + result.InhibitoryNeurons)
                    .Add("Connections", result.Connections)
                    .Add("  plastic (E->E)", result.PlasticConnections)
                    .Add("Build time, nodes", SummaryFormat.Seconds(result.NodesTime))
                    .Add("Build time, edges", SummaryFormat.Seconds(result.EdgesTime))
                    .AddSimulationTimes(result.PresimTime, result.SimTime, result.SimCpuTime, result.RealTimeFactor(parameters.SimTimeMs), "F1");
                if (result.RecordedNeurons > 0)
                {
                    table.Add("Average rate (NEST's)", SummaryFormat.Hertz(result.AverageRateHz))
                        .Add("Rate, measured period", SummaryFormat.Hertz(result.MeasuredPeriodRateHz));
                }
                return table
                    .Add("Memory after edges", SummaryFormat.Mebibytes(result.MemoryKiB[2] * 1024))
                    .Add("Peak memory", SummaryFormat.Mebibytes(result.PeakMemoryBytes))
                    .Add("Bytes per connection", result.BytesPerConnection.ToString("F1", CultureInfo.InvariantCulture))
                    .Add("Threads", result.Threads)
                    .Add("MPI processes", result.Processes);
            },
            FilesWritten = result =>
            {
                var files = new WrittenFiles().Add(result.SpikeFiles);
                if (result.LogFile is not null) files.Add(result.LogFile);
                return result.RasterPlot is null ? files : files.Add(result.RasterPlot);
            },
        }.Create();
    }
}
