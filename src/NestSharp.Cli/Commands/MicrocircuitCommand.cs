using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp microcircuit</c>: runs <see cref="MicrocircuitExperiment"/> and prints its timings, memory and statistics.</summary>
public static class MicrocircuitCommand
{
    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var defaults = new MicrocircuitParameters();
        var scaleN = ScaleOption("--scale-n", "Factor of the neuron numbers (N_scaling; 77,169 neurons at 1)", defaults.ScaleN);
        var scaleK = ScaleOption("--scale-k", "Factor of the in-degrees (K_scaling); weights grow by 1/sqrt(F) and a DC input keeps the mean input", defaults.ScaleK);
        var simTime = CommonOptions.SimulatedTimeOption("--simtime", defaults.SimTimeMs, MicrocircuitExperiment.Resolution);
        var presimTime = CommonOptions.SimulatedTimeOption("--presimtime", defaults.PresimTimeMs, MicrocircuitExperiment.Resolution);
        var run = RunOptions.Of(defaults, "Directory for the statistics, the raster and the rate box plot (created if missing)",
            CommonOptions.CheckpointOptionsOf("microcircuit.nscp", MicrocircuitExperiment.Resolution));
        var background = new Option<string>("--background")
        {
            Description = "Background input: poisson (K_ext independent trains at 8 Hz per neuron, the paper's) or dc (their mean as a constant current)",
            HelpName = "poisson|dc",
            DefaultValueFactory = _ => "poisson",
        };
        background.AcceptOnlyFromAmong("poisson", "dc");
        var thalamic = new Option<bool>("--thalamic") { Description = "Add the thalamic pulse: 902 neurons firing at 120 Hz from 700 to 710 ms" };
        var originalV0 = new Option<bool>("--original-v0") { Description = "Initial V_m from N(-58 mV, 10 mV) for all populations instead of the optimized per-population values" };

        return new ExperimentCommand<MicrocircuitParameters, MicrocircuitResult>
        {
            Name = "microcircuit",
            Description = "Potjans & Diesmann (2014) cortical microcircuit: 8 populations of iaf_psc_exp neurons, ~300 M synapses at full scale",
            Options = [scaleN, scaleK, simTime, presimTime, run.Threads, run.Seed, background, thalamic, originalV0, run.OutputDirectory, .. run.Checkpoints.All],
            ReadParameters = parsed => run.Read<MicrocircuitParameters>(parsed) with
            {
                ScaleN = parsed.GetValue(scaleN),
                ScaleK = parsed.GetValue(scaleK),
                SimTimeMs = parsed.GetValue(simTime),
                PresimTimeMs = parsed.GetValue(presimTime),
                Background = parsed.GetValue(background) == "dc" ? MicrocircuitBackground.Dc : MicrocircuitBackground.Poisson,
                Thalamic = parsed.GetValue(thalamic),
                InitialPotential = parsed.GetValue(originalV0) ? MicrocircuitInitialPotential.Original : MicrocircuitInitialPotential.Optimized,
            },
            Run = MicrocircuitExperiment.Run,
            Summarize = (parameters, result) =>
            {
                var table = new SummaryTable("Cortical microcircuit (Potjans & Diesmann 2014)")
                    .Add("Neurons", result.Model.Neurons.Sum())
                    .Add("Synapses (recurrent)", result.Synapses)
                    .Add("Build time, create", SummaryFormat.Seconds(result.CreateTime))
                    .Add("Build time, connect", SummaryFormat.Seconds(result.ConnectTime))
                    .AddSimulationTimes(result.PresimTime, result.SimTime, result.SimCpuTime, result.RealTimeFactor(parameters.SimTimeMs), "F2")
                    .Add("Memory after connect", SummaryFormat.Mebibytes(result.MemoryAfterConnectBytes))
                    .Add("Peak memory", SummaryFormat.Mebibytes(result.PeakMemoryBytes))
                    .Add("Bytes per synapse (connect)", result.BytesPerSynapse.ToString("F1", CultureInfo.InvariantCulture))
                    .Add("Bytes per synapse (peak)", result.PeakBytesPerSynapse.ToString("F1", CultureInfo.InvariantCulture))
                    .Add("Threads", parameters.Threads);
                foreach (var s in result.Statistics)
                {
                    table.Add(s.Population, string.Create(CultureInfo.InvariantCulture,
                        $"{s.MeanRateHz:F3} Hz (sd {s.RateStdHz:F2}), CV {s.MeanCv:F3}, CC {s.MeanCorrelation:F4}"));
                }
                return table;
            },
            FilesWritten = result => new WrittenFiles().Add(result.StatisticsCsv).Add(result.SummaryJson).Add(result.RasterPlot).Add(result.RatePlot),
        }.Create();
    }

    private static Option<double> ScaleOption(string name, string description, double defaultValue)
    {
        var option = new Option<double>(name) { Description = description, HelpName = "F", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var value && !(value > 0 && value <= 1))
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be in (0, 1]; got {value}."));
        });
        return option;
    }
}
