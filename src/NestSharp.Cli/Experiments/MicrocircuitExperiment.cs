using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>Settings of one run of <see cref="MicrocircuitExperiment"/> (the reference's sim_dict, net_dict and stim_dict switches).</summary>
public sealed record MicrocircuitParameters : IRunParameters
{
    /// <summary>Factor of the neuron numbers (N_scaling).</summary>
    public double ScaleN { get; init; } = 1.0;

    /// <summary>Factor of the in-degrees (K_scaling); weights and DC input compensate.</summary>
    public double ScaleK { get; init; } = 1.0;

    /// <summary>Model time simulated and analysed after the presimulation, in ms (t_sim).</summary>
    public double SimTimeMs { get; init; } = 1000.0;

    /// <summary>Model time simulated first to let the initial transient pass, in ms (t_presim).</summary>
    public double PresimTimeMs { get; init; } = 500.0;

    /// <summary>Kernel <c>local_num_threads</c>.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Kernel <c>print_time</c>: the progress line while simulating.</summary>
    public bool PrintTime { get; init; } = true;

    /// <summary>Kernel <c>rng_seed</c> (the reference's 55).</summary>
    public long Seed { get; init; } = 55;

    /// <summary>Background input (the paper's Poisson input; the reference's v1.0 default is DC).</summary>
    public MicrocircuitBackground Background { get; init; } = MicrocircuitBackground.Poisson;

    /// <summary>Whether the thalamic pulse (902 parrot neurons driven at 120 Hz from 700 to 710 ms) is added.</summary>
    public bool Thalamic { get; init; }

    /// <summary>Initial membrane potentials.</summary>
    public MicrocircuitInitialPotential InitialPotential { get; init; } = MicrocircuitInitialPotential.Optimized;

    /// <summary>Length of the raster's time window from the start of the measured period, in ms.</summary>
    public double RasterWindowMs { get; init; } = 200.0;

    /// <summary>Directory the statistics and figures are written to (created if missing).</summary>
    public string OutputDirectory { get; init; } = "microcircuit-out";

    /// <summary>Checkpoints to save while simulating, and the one to resume from.</summary>
    public Checkpointing Checkpointing { get; init; } = Checkpointing.None;

    /// <summary>
    /// What a checkpoint of this run records of its settings: all but the threads, the measured period's length,
    /// progress, the raster's window and checkpoints.
    /// </summary>
    public string CheckpointDescription() => Checkpointing.Describe(
        "microcircuit",
        this with { SimTimeMs = 0, Threads = 0, PrintTime = false, RasterWindowMs = 0, Checkpointing = Checkpointing.None });
}

/// <summary>What a checkpoint of <see cref="MicrocircuitExperiment"/> holds besides the simulator.</summary>
/// <param name="Populations">The node ids of each population.</param>
/// <param name="Recorders">The spike recorders' ids, one per population.</param>
/// <param name="Synapses">Recurrent synapses created.</param>
/// <param name="CreateSeconds">Wall-clock time the building run took to create the nodes (s).</param>
/// <param name="ConnectSeconds">Wall-clock time the building run took to connect and prepare (s).</param>
/// <param name="MemoryAfterCreateBytes">The building run's resident memory after Create.</param>
/// <param name="MemoryAfterConnectBytes">The building run's resident memory after Connect and Prepare.</param>
public sealed record MicrocircuitProgress(
    int[][] Populations, int[] Recorders, long Synapses, double CreateSeconds, double ConnectSeconds, long MemoryAfterCreateBytes, long MemoryAfterConnectBytes);

/// <summary>A built microcircuit, connected and prepared once, not yet simulated.</summary>
/// <param name="Nest">The kernel.</param>
/// <param name="Model">The derived parameters.</param>
/// <param name="Populations">The neurons of each population, in <see cref="MicrocircuitModel.Populations"/> order.</param>
/// <param name="Recorders">One spike recorder per population (memory backend).</param>
/// <param name="Synapses">Recurrent synapses created (static_synapse connections between the populations).</param>
/// <param name="CreateTime">Wall-clock time of Create.</param>
/// <param name="ConnectTime">Wall-clock time of every Connect and of Prepare.</param>
/// <param name="MemoryAfterCreateBytes">Resident memory after Create.</param>
/// <param name="MemoryAfterConnectBytes">Resident memory after Connect and Prepare.</param>
public sealed record MicrocircuitNetwork(
    Simulator Nest,
    MicrocircuitModel Model,
    IReadOnlyList<NodeCollection> Populations,
    NodeCollection Recorders,
    long Synapses,
    TimeSpan CreateTime,
    TimeSpan ConnectTime,
    long MemoryAfterCreateBytes,
    long MemoryAfterConnectBytes);

/// <summary>What a run of <see cref="MicrocircuitExperiment"/> measured and wrote.</summary>
/// <param name="Model">The derived network (population sizes, synapse numbers, weights, DC input).</param>
/// <param name="Populations">The node ids of each population.</param>
/// <param name="Synapses">Recurrent synapses created (static_synapse connections between the populations).</param>
/// <param name="Connections">All connections (kernel <c>num_connections</c>: recurrent, thalamic and recorder links).</param>
/// <param name="Statistics">Per-population statistics over [presim, presim + sim] ms.</param>
/// <param name="CreateTime">Wall-clock time of Create (neurons, generators, recorders).</param>
/// <param name="ConnectTime">Wall-clock time of every Connect and of Prepare (as the reference measures it).</param>
/// <param name="PresimTime">Wall-clock time of the presimulation.</param>
/// <param name="SimTime">Wall-clock time of the measured period.</param>
/// <param name="SimCpuTime">Processor time of the whole process (all threads) during the measured period: on a shared machine, what the run itself used.</param>
/// <param name="MemoryAfterCreateBytes">Resident memory after Create.</param>
/// <param name="MemoryAfterConnectBytes">Resident memory after Connect and Prepare.</param>
/// <param name="PeakMemoryBytes">Peak resident memory of the process.</param>
/// <param name="TotalSpikes">Spikes of all neurons in the whole run.</param>
/// <param name="StatisticsCsv">Per-population statistics as CSV.</param>
/// <param name="SummaryJson">Everything measured, as JSON.</param>
/// <param name="RasterPlot">The raster of the populations, stacked as in the paper (L2/3 on top).</param>
/// <param name="RatePlot">Box plot of the single-neuron rates per population.</param>
public sealed record MicrocircuitResult(
    MicrocircuitModel Model,
    IReadOnlyList<NodeCollection> Populations,
    long Synapses,
    long Connections,
    IReadOnlyList<PopulationStatistics> Statistics,
    TimeSpan CreateTime,
    TimeSpan ConnectTime,
    TimeSpan PresimTime,
    TimeSpan SimTime,
    TimeSpan SimCpuTime,
    long MemoryAfterCreateBytes,
    long MemoryAfterConnectBytes,
    long PeakMemoryBytes,
    long TotalSpikes,
    string StatisticsCsv,
    string SummaryJson,
    SaveResult RasterPlot,
    SaveResult RatePlot)
{
    /// <summary>How many times slower than real time the measured period ran.</summary>
    public double RealTimeFactor(double simTimeMs) => SimTime.TotalMilliseconds / simTimeMs;

    /// <summary>Resident memory that Connect and Prepare added, per recurrent synapse (bytes).</summary>
    public double BytesPerSynapse => (MemoryAfterConnectBytes - MemoryAfterCreateBytes) / (double)Synapses;

    /// <summary>Peak resident memory per recurrent synapse (bytes), everything included.</summary>
    public double PeakBytesPerSynapse => PeakMemoryBytes / (double)Synapses;
}

/// <summary>
/// The cortical microcircuit of Potjans &amp; Diesmann (2014, Cereb. Cortex 24:785): 77,169 <c>iaf_psc_exp</c> neurons
/// in eight populations (excitatory and inhibitory in layers 2/3, 4, 5 and 6) with about 300 million static synapses at
/// full scale, built as the reference implementation (INM-6/microcircuit-PD14-model v1.0, see
/// <see cref="MicrocircuitModel"/>) builds it: fixed_total_number per pair of populations (autapses and multapses
/// allowed), weights normal with a 10 % spread and clipped to their sign, delays normal (relative spread 0.5) redrawn
/// below half a step, Poisson or DC background, an optional thalamic pulse. It records every neuron, presimulates,
/// simulates the measured period and writes per-population rates, ISI CVs and spike-count correlations
/// (<see cref="MicrocircuitStatistics"/>), a raster and a box plot of the rates.
/// </summary>
public static class MicrocircuitExperiment
{
    /// <summary>Per-population statistics (CSV) in the output directory.</summary>
    public const string StatisticsFileName = "microcircuit_statistics.csv";

    /// <summary>Everything measured (JSON) in the output directory.</summary>
    public const string SummaryFileName = "microcircuit_summary.json";

    /// <summary>The raster plot in the output directory.</summary>
    public const string RasterFileName = "microcircuit_raster.png";

    /// <summary>The box plot of the rates in the output directory.</summary>
    public const string RateFileName = "microcircuit_rates.png";

    /// <summary>Simulation step (ms).</summary>
    public const double Resolution = 0.1;
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    /// <summary>Builds, presimulates and simulates the network; writes statistics and figures.</summary>
    public static MicrocircuitResult Run(MicrocircuitParameters parameters, TextWriter log)
    {
        var checkpoints = parameters.Checkpointing;
        string description = parameters.CheckpointDescription();
        var network = checkpoints.Resumes ? Resume(parameters, description, log) : Build(parameters, log);
        var (nest, populations, recorders) = (network.Nest, network.Populations, network.Recorders);
        int count = populations.Count;
        string dataPath = Path.GetFullPath(parameters.OutputDirectory);
        Directory.CreateDirectory(dataPath);

        var saved = new MicrocircuitProgress(
            [.. populations.Select(p => p.Ids.ToArray())], [.. recorders.Ids], network.Synapses, network.CreateTime.TotalSeconds,
            network.ConnectTime.TotalSeconds, network.MemoryAfterCreateBytes, network.MemoryAfterConnectBytes);
        long start = Stopwatch.GetTimestamp();
        TimeSpan cpuBefore = ProcessReadings.CpuTime();
        TimeSpan presimTime = TimeSpan.Zero, simTime = TimeSpan.Zero, simCpuTime = TimeSpan.Zero;
        checkpoints.SimulateSegments(nest, [parameters.PresimTimeMs, parameters.PresimTimeMs + parameters.SimTimeMs], description, log,
            beforeSegment: phase =>
            {
                log.WriteLine(phase == 0 ? $"Presimulating {parameters.PresimTimeMs} ms" : $"Simulating {parameters.SimTimeMs} ms");
                start = Stopwatch.GetTimestamp();
                cpuBefore = ProcessReadings.CpuTime();
            },
            afterSegment: phase =>
            {
                if (phase == 0)
                {
                    presimTime = Stopwatch.GetElapsedTime(start);
                    return;
                }
                simTime = Stopwatch.GetElapsedTime(start);
                simCpuTime = ProcessReadings.CpuTime() - cpuBefore;
            },
            progress: () => saved);

        double from = parameters.PresimTimeMs, to = parameters.PresimTimeMs + parameters.SimTimeMs;
        var statistics = new PopulationStatistics[count];
        var spikes = new (long[] Senders, double[] Times)[count];
        long totalSpikes = 0;
        for (int i = 0; i < count; i++)
        {
            var events = (Dictionary<string, object>)recorders[i].Get("events");
            spikes[i] = ((long[])events["senders"], (double[])events["times"]);
            totalSpikes += spikes[i].Senders.Length;
            statistics[i] = MicrocircuitStatistics.Compute(
                MicrocircuitModel.Populations[i], populations[i].Ids[0], populations[i].Count, spikes[i].Senders, spikes[i].Times, from, to);
        }

        var raster = MicrocircuitFigures.Raster(
            spikes, populations, from, Math.Min(to, from + parameters.RasterWindowMs), parameters.ScaleN, Path.Combine(dataPath, RasterFileName));
        var ratePlot = MicrocircuitFigures.RateBoxPlot(statistics, Path.Combine(dataPath, RateFileName));
        var result = new MicrocircuitResult(
            Model: network.Model,
            Populations: populations,
            Synapses: network.Synapses,
            Connections: (long)nest.GetKernelStatus("num_connections"),
            Statistics: statistics,
            CreateTime: network.CreateTime,
            ConnectTime: network.ConnectTime,
            PresimTime: presimTime,
            SimTime: simTime,
            SimCpuTime: simCpuTime,
            MemoryAfterCreateBytes: network.MemoryAfterCreateBytes,
            MemoryAfterConnectBytes: network.MemoryAfterConnectBytes,
            PeakMemoryBytes: ProcessReadings.PeakMemoryBytes(network.MemoryAfterCreateBytes, network.MemoryAfterConnectBytes),
            TotalSpikes: totalSpikes,
            StatisticsCsv: Path.Combine(dataPath, StatisticsFileName),
            SummaryJson: Path.Combine(dataPath, SummaryFileName),
            RasterPlot: raster,
            RatePlot: ratePlot);
        WriteStatistics(result);
        WriteSummary(result, parameters);
        return result;
    }

    /// <summary>The network saved in the checkpoint <paramref name="parameters"/> resume from, with the building run's times and memory readings.</summary>
    private static MicrocircuitNetwork Resume(MicrocircuitParameters parameters, string description, TextWriter log)
    {
        var nest = new Simulator();
        var checkpoints = parameters.Checkpointing;
        var saved = checkpoints.Resume<MicrocircuitProgress>(nest, description, parameters.Threads, log);
        return new MicrocircuitNetwork(
            nest, new MicrocircuitModel(parameters.ScaleN, parameters.ScaleK, parameters.Background),
            [.. saved.Populations.Select(ids => nest.Nodes(ids))], nest.Nodes(saved.Recorders), saved.Synapses,
            TimeSpan.FromSeconds(saved.CreateSeconds), TimeSpan.FromSeconds(saved.ConnectSeconds), saved.MemoryAfterCreateBytes, saved.MemoryAfterConnectBytes);
    }

    /// <summary>
    /// Creates and connects the network as the reference does, then runs Prepare and Cleanup as the reference's
    /// connect step does, so that the connect time includes building the delivery structures.
    /// </summary>
    public static MicrocircuitNetwork Build(MicrocircuitParameters parameters, TextWriter log)
    {
        var model = new MicrocircuitModel(parameters.ScaleN, parameters.ScaleK, parameters.Background);
        if (Array.Exists(model.Neurons, n => n < 1))
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.ScaleN, "The neuron scaling must leave at least one neuron in every population (scale-n >= 1/1065).");

        var nest = new Simulator();
        nest.SetKernelStatus(new()
        {
            ["resolution"] = Resolution, ["local_num_threads"] = parameters.Threads, ["rng_seed"] = parameters.Seed,
            ["print_time"] = parameters.PrintTime,
        });

        long start = Stopwatch.GetTimestamp();
        int count = MicrocircuitModel.Populations.Length;
        log.WriteLine($"Creating {model.Neurons.Sum()} neurons in {count} populations on {parameters.Threads} thread(s)");
        var populations = new NodeCollection[count];
        for (int i = 0; i < count; i++)
        {
            populations[i] = nest.Create("iaf_psc_exp", model.Neurons[i], new()
            {
                ["tau_syn_ex"] = MicrocircuitModel.TauSyn, ["tau_syn_in"] = MicrocircuitModel.TauSyn, ["E_L"] = MicrocircuitModel.EL,
                ["V_th"] = MicrocircuitModel.VTh, ["V_reset"] = MicrocircuitModel.VReset, ["t_ref"] = MicrocircuitModel.TRef,
                ["I_e"] = model.DcAmplitudes[i],
            });
            populations[i].Set("V_m", parameters.InitialPotential == MicrocircuitInitialPotential.Optimized
                ? nest.Random.Normal(MicrocircuitModel.OptimizedV0Mean[i], MicrocircuitModel.OptimizedV0Std[i])
                : nest.Random.Normal(MicrocircuitModel.OriginalV0Mean, MicrocircuitModel.OriginalV0Std));
        }
        var recorders = nest.Create("spike_recorder", count);
        NodeCollection? background = null;
        if (parameters.Background == MicrocircuitBackground.Poisson)
        {
            background = nest.Create("poisson_generator", count);
            for (int i = 0; i < count; i++)
                background[i].Set("rate", MicrocircuitModel.BackgroundRate * model.ExternalInDegreesScaled[i]);
        }
        NodeCollection? thalamus = null, thalamicDrive = null;
        if (parameters.Thalamic)
        {
            thalamus = nest.Create("parrot_neuron", MicrocircuitModel.ThalamicNeurons);
            thalamicDrive = nest.Create("poisson_generator", 1, new()
            {
                ["rate"] = MicrocircuitModel.ThalamicRate, ["start"] = MicrocircuitModel.ThalamicStart,
                ["stop"] = MicrocircuitModel.ThalamicStart + MicrocircuitModel.ThalamicDuration,
            });
        }
        TimeSpan createTime = Stopwatch.GetElapsedTime(start);
        long memoryAfterCreate = ResidentBytes(nest);

        start = Stopwatch.GetTimestamp();
        log.WriteLine($"Connecting {model.TotalSynapses} recurrent synapses");
        double minimumDelay = Resolution - 0.5 * Resolution;
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < count; j++)
            {
                double meanWeight = model.MeanWeights[i, j];
                double meanDelay = MicrocircuitModel.MeanDelay(j);
                var weight = nest.Random.Normal(meanWeight, Math.Abs(meanWeight * MicrocircuitModel.WeightRelativeStd))
                    .Redraw(meanWeight < 0 ? double.NegativeInfinity : 0.0, meanWeight < 0 ? 0.0 : double.PositiveInfinity);
                var delay = nest.Random.Normal(meanDelay, meanDelay * MicrocircuitModel.DelayRelativeStd).Redraw(minimumDelay, double.PositiveInfinity);
                nest.Connect(populations[j], populations[i], Rule.FixedTotalNumber(model.Synapses[i, j]),
                    new SynSpec { SynapseModel = "static_synapse", Weight = weight, Delay = delay });
            }
        }
        long synapses = (long)nest.GetDefaults("static_synapse")["num_connections"];
        for (int i = 0; i < count; i++) nest.Connect(populations[i], recorders[i]);
        if (background is not null)
        {
            for (int i = 0; i < count; i++)
            {
                nest.Connect(background[i], populations[i], Rule.AllToAll(),
                    new SynSpec { SynapseModel = "static_synapse", Weight = model.ExternalWeight, Delay = MicrocircuitModel.PoissonDelay });
            }
        }
        if (thalamus is not null && thalamicDrive is not null)
        {
            nest.Connect(thalamicDrive, thalamus);
            for (int i = 0; i < count; i++)
            {
                var weight = nest.Random.Normal(model.ThalamicWeight, model.ThalamicWeight * MicrocircuitModel.WeightRelativeStd)
                    .Redraw(0.0, double.PositiveInfinity);
                var delay = nest.Random.Normal(MicrocircuitModel.ThalamicDelayMean, MicrocircuitModel.ThalamicDelayMean * MicrocircuitModel.ThalamicDelayRelativeStd)
                    .Redraw(minimumDelay, double.PositiveInfinity);
                nest.Connect(thalamus, populations[i], Rule.FixedTotalNumber(model.ThalamicSynapses[i]),
                    new SynSpec { SynapseModel = "static_synapse", Weight = weight, Delay = delay });
            }
        }
        nest.Prepare();
        nest.Cleanup();
        TimeSpan connectTime = Stopwatch.GetElapsedTime(start);
        long memoryAfterConnect = ResidentBytes(nest);

        return new MicrocircuitNetwork(nest, model, populations, recorders, synapses, createTime, connectTime, memoryAfterCreate, memoryAfterConnect);
    }

    private static long ResidentBytes(Simulator nest) => (long)nest.GetKernelStatus("memory_size") * 1024;

    private static string Number(double value) => double.IsNaN(value) ? "nan" : value.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteStatistics(MicrocircuitResult result)
    {
        using var writer = new StreamWriter(result.StatisticsCsv);
        writer.WriteLine("population,neurons,rate_mean_hz,rate_sd_hz,cv_isi_mean,cv_neurons,cc_mean,cc_pairs");
        foreach (var s in result.Statistics)
        {
            writer.WriteLine(string.Join(',',
                s.Population, s.Neurons.ToString(CultureInfo.InvariantCulture), Number(s.MeanRateHz), Number(s.RateStdHz), Number(s.MeanCv),
                s.CvNeurons.ToString(CultureInfo.InvariantCulture), Number(s.MeanCorrelation), s.CorrelationPairs.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void WriteSummary(MicrocircuitResult result, MicrocircuitParameters parameters)
    {
        var populations = new List<Dictionary<string, object?>>();
        foreach (var s in result.Statistics)
        {
            populations.Add(new()
            {
                ["population"] = s.Population, ["neurons"] = s.Neurons, ["rate_mean_hz"] = Finite(s.MeanRateHz),
                ["rate_sd_hz"] = Finite(s.RateStdHz), ["cv_isi_mean"] = Finite(s.MeanCv), ["cv_neurons"] = s.CvNeurons,
                ["cc_mean"] = Finite(s.MeanCorrelation), ["cc_pairs"] = s.CorrelationPairs,
            });
        }
        var summary = new Dictionary<string, object?>
        {
            ["scale_n"] = parameters.ScaleN, ["scale_k"] = parameters.ScaleK, ["background"] = parameters.Background.ToString().ToLowerInvariant(),
            ["thalamic"] = parameters.Thalamic, ["initial_potential"] = parameters.InitialPotential.ToString().ToLowerInvariant(),
            ["seed"] = parameters.Seed, ["threads"] = parameters.Threads, ["presim_ms"] = parameters.PresimTimeMs, ["sim_ms"] = parameters.SimTimeMs,
            ["neurons"] = result.Model.Neurons.Sum(), ["synapses"] = result.Synapses, ["connections"] = result.Connections,
            ["create_s"] = result.CreateTime.TotalSeconds, ["connect_s"] = result.ConnectTime.TotalSeconds,
            ["presim_s"] = result.PresimTime.TotalSeconds, ["sim_s"] = result.SimTime.TotalSeconds, ["sim_cpu_s"] = result.SimCpuTime.TotalSeconds,
            ["real_time_factor"] = result.RealTimeFactor(parameters.SimTimeMs),
            ["memory_after_create_bytes"] = result.MemoryAfterCreateBytes, ["memory_after_connect_bytes"] = result.MemoryAfterConnectBytes,
            ["peak_memory_bytes"] = result.PeakMemoryBytes, ["bytes_per_synapse"] = result.BytesPerSynapse,
            ["peak_bytes_per_synapse"] = result.PeakBytesPerSynapse, ["total_spikes"] = result.TotalSpikes,
            ["statistics_method"] = "interval [presim, presim+sim] ms both ends included; rates of all neurons; ISI CV of neurons with > 2 spikes; "
                + "spike-count correlations in 2 ms bins of 50 neurons per population drawn with a fixed seed, pairs with a silent neuron left out",
            ["populations"] = populations,
        };
        File.WriteAllText(result.SummaryJson, JsonSerializer.Serialize(summary, IndentedJson));
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
