using System.Diagnostics;
using System.Globalization;
using NestSharp.Cli.Recording;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>The three networks of the simulator review (Brette et al. 2007) that NEST ships as examples.</summary>
public enum Brette2007Network
{
    /// <summary>Benchmark 2: current-based iaf_psc_exp neurons (NEST's cuba.py).</summary>
    Cuba,

    /// <summary>Benchmark 1: conductance-based iaf_cond_exp neurons (NEST's coba.py).</summary>
    Coba,

    /// <summary>Benchmark 3: Hodgkin-Huxley hh_cond_exp_traub neurons with conductance synapses (NEST's hh_coba.py).</summary>
    HhCoba,
}

/// <summary>Settings of one run of <see cref="Brette2007Experiment"/> (the <c>params</c> dictionary of NEST's scripts).</summary>
public sealed record Brette2007Parameters : IRunParameters
{
    /// <summary>Which of the three networks.</summary>
    public Brette2007Network Network { get; init; } = Brette2007Network.Cuba;

    /// <summary>Simulated time in ms; null takes the script's (10 s for CUBA, 1 s for COBA and HH-COBA).</summary>
    public double? SimTimeMs { get; init; }

    /// <summary>Kernel <c>local_num_threads</c>.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Kernel <c>print_time</c>: the progress line while simulating.</summary>
    public bool PrintTime { get; init; } = true;

    /// <summary>Kernel <c>rng_seed</c> (NEST's scripts keep the kernel's default).</summary>
    public long Seed { get; init; } = 143202461;

    /// <summary>Directory the spike files and the raster plot are written to (kernel <c>data_path</c>).</summary>
    public string OutputDirectory { get; init; } = "brette-2007-out";

    /// <summary>Checkpoints to save while simulating, and the one to resume from.</summary>
    public Checkpointing Checkpointing { get; init; } = Checkpointing.None;

    /// <summary>What a checkpoint of this run records of its settings: all but the threads, the simulated time, progress and checkpoints.</summary>
    public string CheckpointDescription() =>
        Checkpointing.Describe("brette-2007", this with { SimTimeMs = null, Threads = 0, PrintTime = false, Checkpointing = Checkpointing.None });

    /// <summary>The simulated time this run uses.</summary>
    public double EffectiveSimTimeMs => SimTimeMs ?? (Network == Brette2007Network.Cuba ? 10_000.0 : 1_000.0);
}

/// <summary>What a checkpoint of <see cref="Brette2007Experiment"/> holds besides the simulator: the spike recorders' ids.</summary>
/// <param name="ExcitatoryRecorder">The excitatory neurons' spike recorder.</param>
/// <param name="InhibitoryRecorder">The inhibitory neurons' spike recorder.</param>
public sealed record Brette2007Progress(int ExcitatoryRecorder, int InhibitoryRecorder);

/// <summary>What a run of <see cref="Brette2007Experiment"/> measured and wrote.</summary>
/// <param name="Neurons">NE + NI = 4000.</param>
/// <param name="Synapses">Connections after Connect (kernel <c>num_connections</c>; the script's Nsyn counts the same).</param>
/// <param name="ExcitatoryRateHz">Spikes of the 500 recorded excitatory neurons per neuron and second.</param>
/// <param name="InhibitoryRateHz">The same for the 500 recorded inhibitory neurons.</param>
/// <param name="BuildTime">Wall-clock time of creating and connecting.</param>
/// <param name="SimTime">Wall-clock time of Simulate.</param>
/// <param name="PeakMemoryBytes">Peak resident memory of the process.</param>
/// <param name="SpikeFiles">The two spike recorders' ASCII files (rank 0).</param>
/// <param name="RasterPlot">Raster of the recorded spikes, excitatory below inhibitory (rank 0).</param>
public sealed record Brette2007Result(
    int Neurons,
    long Synapses,
    double ExcitatoryRateHz,
    double InhibitoryRateHz,
    TimeSpan BuildTime,
    TimeSpan SimTime,
    long PeakMemoryBytes,
    IReadOnlyList<string> SpikeFiles,
    SaveResult? RasterPlot)
{
    /// <summary>How many times slower than real time the simulation ran.</summary>
    public double RealTimeFactor(double simTimeMs) => SimTime.TotalMilliseconds / simTimeMs;
}

/// <summary>
/// The Vogels-Abbott network as benchmarks 1-3 of Brette et al. (2007), built as NEST's
/// <c>pynest/examples/brette_et_al_2007</c> scripts build it: 3200 excitatory and 800 inhibitory neurons, each with a
/// fixed in-degree of 2 % of each population (64 and 16 inputs, autapses and multapses allowed), all delays 0.1 ms, a
/// Poisson stimulus of 300 Hz from 1 to 51 ms onto the first 50 excitatory neurons to start self-sustained activity,
/// and the spikes of the first 500 neurons of each population recorded. The networks differ in the neuron model and
/// the synaptic weights (CUBA: PSC amplitudes 16.2 / -139.5 pA; COBA and HH-COBA: conductances 6 / 67 nS).
/// References: Brette R et al. (2007) J Comput Neurosci 23:349-398; Vogels TP, Abbott LF (2005) J Neurosci 25:10786.
/// </summary>
public static class Brette2007Experiment
{
    /// <summary>The raster plot in the output directory.</summary>
    public const string RasterFileName = "brette_2007_raster.png";

    /// <summary>Simulation step (ms).</summary>
    public const double Resolution = 0.1;
    private const int ExcitatoryCount = 3200;
    private const int InhibitoryCount = 800;
    private const double ConnectionProbability = 0.02;
    private const double Delay = 0.1; // ms
    private const int Recorded = 500; // per population
    private const int Stimulated = 50; // excitatory neurons

    /// <summary>NEST's model name of each network.</summary>
    public static string ModelOf(Brette2007Network network) => network switch
    {
        Brette2007Network.Cuba => "iaf_psc_exp",
        Brette2007Network.Coba => "iaf_cond_exp",
        _ => "hh_cond_exp_traub",
    };

    /// <summary>The name a network goes by on the command line and in file labels (the NEST script's name).</summary>
    public static string LabelOf(Brette2007Network network) => network switch
    {
        Brette2007Network.Cuba => "cuba",
        Brette2007Network.Coba => "coba",
        _ => "hh_coba",
    };

    private static Dictionary<string, object> NeuronParameters(Brette2007Network network) => network switch
    {
        Brette2007Network.Cuba => new()
        {
            ["E_L"] = -49.0, ["V_m"] = -49.0, ["V_th"] = -50.0, ["V_reset"] = -60.0, ["C_m"] = 200.0, ["tau_m"] = 20.0,
            ["tau_syn_ex"] = 5.0, ["tau_syn_in"] = 10.0, ["t_ref"] = 5.0,
        },
        Brette2007Network.Coba => new()
        {
            ["E_L"] = -60.0, ["V_th"] = -50.0, ["V_reset"] = -60.0, ["t_ref"] = 5.0, ["E_ex"] = 0.0, ["E_in"] = -80.0,
            ["C_m"] = 200.0, ["g_L"] = 10.0, ["tau_syn_ex"] = 5.0, ["tau_syn_in"] = 10.0,
        },
        _ => new()
        {
            ["g_Na"] = 20000.0, ["g_K"] = 6000.0, ["g_L"] = 10.0, ["C_m"] = 200.0, ["E_Na"] = 50.0, ["E_K"] = -90.0,
            ["E_L"] = -60.0, ["E_ex"] = 0.0, ["E_in"] = -80.0, ["tau_syn_ex"] = 5.0, ["tau_syn_in"] = 10.0,
        },
    };

    private static (double Excitatory, double Inhibitory) Weights(Brette2007Network network) =>
        network == Brette2007Network.Cuba ? (16.2, -139.5) : (6.0, -67.0);

    /// <summary>Builds and simulates the network; writes the spikes and the raster (rank 0).</summary>
    public static Brette2007Result Run(Brette2007Parameters parameters, TextWriter log)
    {
        string dataPath = Path.GetFullPath(parameters.OutputDirectory);
        Directory.CreateDirectory(dataPath);
        string label = LabelOf(parameters.Network), model = ModelOf(parameters.Network);

        long start = Stopwatch.GetTimestamp();
        var nest = new Simulator();
        var checkpoints = parameters.Checkpointing;
        string description = parameters.CheckpointDescription();
        var network = checkpoints.ResumeOrBuild(nest, description, parameters.Threads, log, () =>
        {
            nest.SetKernelStatus(new()
            {
                ["resolution"] = Resolution, ["local_num_threads"] = parameters.Threads, ["rng_seed"] = parameters.Seed,
                ["print_time"] = parameters.PrintTime,
                ["overwrite_files"] = true, ["data_path"] = dataPath,
            });
            return Build(nest, parameters.Network, model, label, log);
        });
        var (excitatoryRecorder, inhibitoryRecorder) = (nest.Nodes(network.ExcitatoryRecorder), nest.Nodes(network.InhibitoryRecorder));
        TimeSpan buildTime = Stopwatch.GetElapsedTime(start);

        double simTime = parameters.EffectiveSimTimeMs;
        log.WriteLine($"Simulating {simTime.ToString(CultureInfo.InvariantCulture)} ms");
        start = Stopwatch.GetTimestamp();
        checkpoints.SimulateSegments(nest, [simTime], description, log, progress: () => network);
        TimeSpan simulateTime = Stopwatch.GetElapsedTime(start);

        // NEST's compute_rate: recorded spikes per recorded neuron and second.
        double RateOf(NodeCollection recorder) => recorder.Get<long>("n_events") / (Recorded * simTime) * 1000.0;
        string[] spikeFiles = [];
        SaveResult? raster = null;
        if (nest.Rank == 0)
        {
            spikeFiles = [.. FilesOf(excitatoryRecorder), .. FilesOf(inhibitoryRecorder)];
            raster = Raster(spikeFiles, parameters, simTime, dataPath);
        }
        using var process = Process.GetCurrentProcess();
        return new Brette2007Result(
            Neurons: ExcitatoryCount + InhibitoryCount,
            Synapses: (long)nest.GetKernelStatus("num_connections"),
            ExcitatoryRateHz: RateOf(excitatoryRecorder),
            InhibitoryRateHz: RateOf(inhibitoryRecorder),
            BuildTime: buildTime,
            SimTime: simulateTime,
            PeakMemoryBytes: process.PeakWorkingSet64,
            SpikeFiles: spikeFiles,
            RasterPlot: raster);
    }

    /// <summary>Creates and connects the network; returns its two spike recorders.</summary>
    private static Brette2007Progress Build(Simulator nest, Brette2007Network networkKind, string model, string label, TextWriter log)
    {
        nest.SetDefaults(model, NeuronParameters(networkKind));
        log.WriteLine($"Creating {ExcitatoryCount} excitatory and {InhibitoryCount} inhibitory {model} neurons");
        var excitatory = nest.Create(model, ExcitatoryCount);
        var inhibitory = nest.Create(model, InhibitoryCount);
        var stimulus = nest.Create("poisson_generator", 1, new()
        {
            ["rate"] = 300.0, ["start"] = 1.0, ["stop"] = 51.0, ["origin"] = 0.0,
        });
        var recorderParameters = new Dictionary<string, object> { ["record_to"] = "ascii", ["label"] = label };
        var excitatoryRecorder = nest.Create("spike_recorder", 1, recorderParameters);
        var inhibitoryRecorder = nest.Create("spike_recorder", 1, recorderParameters);

        var (excitatoryWeight, inhibitoryWeight) = Weights(networkKind);
        nest.CopyModel("static_synapse", "syn_ex", new() { ["weight"] = excitatoryWeight });
        nest.CopyModel("static_synapse", "syn_in", new() { ["weight"] = inhibitoryWeight });
        nest.SetDefaults("syn_ex", new() { ["delay"] = Delay });
        nest.SetDefaults("syn_in", new() { ["delay"] = Delay });
        var excitatoryInDegree = Rule.FixedIndegree((int)(ExcitatoryCount * ConnectionProbability));
        var inhibitoryInDegree = Rule.FixedIndegree((int)(InhibitoryCount * ConnectionProbability));
        log.WriteLine("Connecting the populations, the stimulus and the recorders");
        nest.Connect(excitatory, excitatory, excitatoryInDegree, "syn_ex");
        nest.Connect(inhibitory, excitatory, inhibitoryInDegree, "syn_in");
        nest.Connect(excitatory, inhibitory, excitatoryInDegree, "syn_ex");
        nest.Connect(inhibitory, inhibitory, inhibitoryInDegree, "syn_in");
        nest.Connect(stimulus, excitatory[..Stimulated], Rule.AllToAll(), "syn_ex");
        nest.Connect(excitatory[..Recorded], excitatoryRecorder);
        nest.Connect(inhibitory[..Recorded], inhibitoryRecorder);
        return new Brette2007Progress(excitatoryRecorder.Ids[0], inhibitoryRecorder.Ids[0]);
    }

    private static string[] FilesOf(NodeCollection recorder) => recorder.Get("filenames") as string[] ?? [];

    private static SaveResult Raster(string[] spikeFiles, Brette2007Parameters parameters, double simTime, string dataPath)
    {
        var spikes = AsciiSpikeFile.Read(spikeFiles);
        var plot = RasterPlot.Render(spikes.Senders, spikes.TimesMs, new RasterPlotOptions
        {
            Title = string.Create(CultureInfo.InvariantCulture,
                $"Brette et al. 2007, {LabelOf(parameters.Network).ToUpperInvariant().Replace('_', '-')}: {Recorded} excitatory and {Recorded} inhibitory neurons"),
            BinWidthMs = 5.0,
            StartMs = 0,
            StopMs = simTime,
        });
        return plot.Figure.Save(Path.Combine(dataPath, RasterFileName));
    }
}
