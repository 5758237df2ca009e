using System.Diagnostics;
using NestSharp.Cli.Recording;
using NestSharp.Numerics;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>Settings of one run of <see cref="BrunelExperiment"/>.</summary>
public sealed record BrunelParameters : IRunParameters
{
    /// <summary>Smallest order with at least one inhibitory input per neuron (C_I = 0.1 * order).</summary>
    public const int MinimumOrder = 10;

    /// <summary>Network scale: 4 * order excitatory and order inhibitory neurons.</summary>
    public int Order { get; init; } = 2500;

    /// <summary>Simulated (model) time in ms.</summary>
    public double SimTimeMs { get; init; } = 1000.0;

    /// <summary>Kernel <c>local_num_threads</c>.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Kernel <c>rng_seed</c>.</summary>
    public long Seed { get; init; } = 143202461;

    /// <summary>Directory the spike files and the raster plot are written to (kernel <c>data_path</c>); created if missing.</summary>
    public string OutputDirectory { get; init; } = "brunel-out";

    /// <summary>Kernel <c>print_time</c>: the live progress line while simulating.</summary>
    public bool PrintTime { get; init; } = true;

    /// <summary>Checkpoints to save while simulating, and the one to resume from.</summary>
    public Checkpointing Checkpointing { get; init; } = Checkpointing.None;

    /// <summary>What a checkpoint of this run records of its settings: all but the threads, the simulated time, progress and checkpoints.</summary>
    public string CheckpointDescription() => Checkpointing.Describe("brunel", this with
    {
        SimTimeMs = 0,
        Threads = 0,
        PrintTime = false,
        Checkpointing = Checkpointing.None,
    });
}

/// <summary>What a run of <see cref="BrunelExperiment"/> measured and wrote.</summary>
/// <param name="Neurons">Number of neurons (5 * order).</param>
/// <param name="ExcitatorySynapses">Connections of the "excitatory" synapse model, device connections included (as NEST counts them).</param>
/// <param name="InhibitorySynapses">Connections of the "inhibitory" synapse model.</param>
/// <param name="RecordedNeurons">Neurons recorded from in each population.</param>
/// <param name="ExcitatoryEvents">Spikes recorded from the excitatory population (<c>n_events</c>).</param>
/// <param name="InhibitoryEvents">Spikes recorded from the inhibitory population.</param>
/// <param name="ExcitatoryRateHz">Mean rate of the recorded excitatory neurons.</param>
/// <param name="InhibitoryRateHz">Mean rate of the recorded inhibitory neurons.</param>
/// <param name="BuildTime">Wall-clock time of creating and connecting the network.</param>
/// <param name="SimulationTime">Wall-clock time of <c>Simulate</c>.</param>
/// <param name="Threads">Threads the kernel ran on.</param>
/// <param name="TotalSpikes">Spikes of all neurons during the run (kernel <c>local_spike_counter</c>).</param>
/// <param name="SimulationAllocatedBytes">Managed memory allocated during <c>Simulate</c> (all threads).</param>
/// <param name="SpikeFiles">The ASCII files of the excitatory and the inhibitory spike recorder.</param>
/// <param name="RasterPlot">The raster plot of the excitatory spikes: the SVG and the PNG (null on MPI ranks other than 0).</param>
/// <param name="Rank">The MPI rank of this process (0 without MPI): only rank 0 writes files and reports.</param>
/// <param name="Processes">The number of MPI processes (1 without MPI).</param>
public sealed record BrunelResult(
    int Neurons,
    long ExcitatorySynapses,
    long InhibitorySynapses,
    int RecordedNeurons,
    long ExcitatoryEvents,
    long InhibitoryEvents,
    double ExcitatoryRateHz,
    double InhibitoryRateHz,
    TimeSpan BuildTime,
    TimeSpan SimulationTime,
    int Threads,
    long TotalSpikes,
    long SimulationAllocatedBytes,
    IReadOnlyList<string> SpikeFiles,
    SaveResult? RasterPlot,
    int Rank,
    int Processes)
{
    /// <summary>All connections of the two synapse models.</summary>
    public long Synapses => ExcitatorySynapses + InhibitorySynapses;
}

/// <summary>
/// Random balanced network with alpha-shaped synaptic currents (Brunel 2000), as NEST's <c>brunel_alpha_nest.py</c>:
/// 4 * order excitatory and order inhibitory <c>iaf_psc_alpha</c> neurons, fixed in-degrees of 10 % of each population,
/// Poisson input at twice the threshold rate; spikes of 50 neurons per population recorded to ASCII files.
/// </summary>
/// <remarks>Brunel N (2000). Dynamics of sparsely connected networks of excitatory and inhibitory spiking neurons. J Comput Neurosci 8, 183-208.</remarks>
public static class BrunelExperiment
{
    /// <summary>Name of the raster plot in the output directory (the PNG is next to it).</summary>
    public const string RasterFileName = "brunel_raster.svg";

    /// <summary>Simulation step (ms).</summary>
    public const double Resolution = 0.1;

    private const double Delay = 1.5; // synaptic delay in ms
    private const double G = 5.0; // ratio inhibitory weight / excitatory weight
    private const double Eta = 2.0; // external rate relative to threshold rate
    private const double Epsilon = 0.1; // connection probability
    private const int RecordedPerPopulation = 50;
    private const double TauSyn = 0.5; // synaptic time constant in ms
    private const double TauMem = 20.0; // membrane time constant in ms
    private const double CMem = 250.0; // membrane capacitance in pF
    private const double Theta = 20.0; // threshold in mV
    private const double J = 0.1; // post-synaptic potential amplitude in mV

    /// <summary>
    /// Builds and simulates the network, writes the spike files and the raster plot (rank 0 under mpirun) and measures
    /// the rates; progress goes to <paramref name="log"/>.
    /// </summary>
    public static BrunelResult Run(BrunelParameters parameters, TextWriter log)
    {
        if (parameters.Order < BrunelParameters.MinimumOrder)
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Order, $"The order must be at least {BrunelParameters.MinimumOrder}.");
        string dataPath = Path.GetFullPath(parameters.OutputDirectory);
        Directory.CreateDirectory(dataPath);

        long startBuild = Stopwatch.GetTimestamp();
        int ne = 4 * parameters.Order;
        int ni = parameters.Order;
        int ce = (int)(Epsilon * ne);
        int ci = (int)(Epsilon * ni);
        var neuronParams = new Dictionary<string, object>
        {
            ["C_m"] = CMem, ["tau_m"] = TauMem, ["tau_syn_ex"] = TauSyn, ["tau_syn_in"] = TauSyn, ["t_ref"] = 2.0,
            ["E_L"] = 0.0, ["V_reset"] = 0.0, ["V_m"] = 0.0, ["V_th"] = Theta,
        };
        double jEx = J / PostSynapticPotential.PeakOfUnitAlphaCurrent(TauMem, CMem, TauSyn);
        double jIn = -G * jEx;
        double nuTh = Theta * CMem / (jEx * ce * Math.E * TauMem * TauSyn);
        double pRate = 1000.0 * Eta * nuTh * ce;

        var nest = new Simulator();
        nest.SetKernelStatus(new()
        {
            ["resolution"] = Resolution, ["print_time"] = parameters.PrintTime, ["overwrite_files"] = true,
            ["local_num_threads"] = parameters.Threads, ["rng_seed"] = parameters.Seed, ["data_path"] = dataPath,
        });

        var checkpoints = parameters.Checkpointing;
        string description = parameters.CheckpointDescription();
        int recorded = Math.Min(RecordedPerPopulation, ni);
        NodeCollection espikes, ispikes;
        if (checkpoints.Resumes)
        {
            checkpoints.Resume(nest, description, parameters.Threads, log);
            // the ids Create gave them: the neurons, the noise, then the two recorders
            espikes = nest.Nodes(ne + ni + 2);
            ispikes = nest.Nodes(ne + ni + 3);
        }
        else
        {
            (espikes, ispikes) = Build(nest, ne, ni, ce, ci, neuronParams, jEx, jIn, pRate, recorded, parameters.Threads, log);
        }
        TimeSpan buildTime = Stopwatch.GetElapsedTime(startBuild);

        log.WriteLine($"Simulating {parameters.SimTimeMs} ms");
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long startSimulate = Stopwatch.GetTimestamp();
        checkpoints.SimulateUntil(nest, parameters.SimTimeMs, description, log);
        TimeSpan simulationTime = Stopwatch.GetElapsedTime(startSimulate);
        long simulationAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        long eventsEx = espikes.Get<long>("n_events");
        long eventsIn = ispikes.Get<long>("n_events");

        // Under mpirun every process records every spike, and rank 0 writes the files and the picture.
        string[] filesEx = nest.Rank == 0 ? RecorderFiles(espikes) : [];
        string[] filesIn = nest.Rank == 0 ? RecorderFiles(ispikes) : [];
        SaveResult? saved = null;
        if (nest.Rank == 0)
        {
            var spikes = AsciiSpikeFile.Read(filesEx);
            var raster = RasterPlot.Render(spikes.Senders, spikes.TimesMs, new RasterPlotOptions
            {
                Title = $"Brunel network (order {parameters.Order}): spikes of {recorded} excitatory neurons",
                BinWidthMs = 5.0,
                StartMs = 0,
                StopMs = parameters.SimTimeMs,
            });
            saved = raster.Figure.Save(Path.Combine(dataPath, Path.ChangeExtension(RasterFileName, ".png")));
        }

        return new BrunelResult(
            Neurons: ne + ni,
            ExcitatorySynapses: (long)nest.GetDefaults("excitatory")["num_connections"],
            InhibitorySynapses: (long)nest.GetDefaults("inhibitory")["num_connections"],
            RecordedNeurons: recorded,
            ExcitatoryEvents: eventsEx,
            InhibitoryEvents: eventsIn,
            ExcitatoryRateHz: eventsEx / parameters.SimTimeMs * 1000.0 / recorded,
            InhibitoryRateHz: eventsIn / parameters.SimTimeMs * 1000.0 / recorded,
            BuildTime: buildTime,
            SimulationTime: simulationTime,
            Threads: parameters.Threads,
            TotalSpikes: (long)nest.GetKernelStatus("local_spike_counter"),
            SimulationAllocatedBytes: simulationAllocated,
            SpikeFiles: [.. filesEx, .. filesIn],
            RasterPlot: saved,
            Rank: nest.Rank,
            Processes: nest.NumProcesses);
    }

    /// <summary>Creates and connects the network; returns the spike recorders of the two populations.</summary>
    private static (NodeCollection Excitatory, NodeCollection Inhibitory) Build(Simulator nest, int ne, int ni, int ce, int ci,
        Dictionary<string, object> neuronParams, double jEx, double jIn, double pRate, int recorded, int threads, TextWriter log)
    {
        log.WriteLine($"Building network: {ne + ni} neurons on {threads} thread(s)");
        var nodesEx = nest.Create("iaf_psc_alpha", ne, neuronParams);
        var nodesIn = nest.Create("iaf_psc_alpha", ni, neuronParams);
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = pRate });
        var espikes = nest.Create("spike_recorder");
        var ispikes = nest.Create("spike_recorder");
        espikes.Set(new Dictionary<string, object> { ["label"] = "brunel-py-ex", ["record_to"] = "ascii" });
        ispikes.Set(new Dictionary<string, object> { ["label"] = "brunel-py-in", ["record_to"] = "ascii" });

        log.WriteLine("Connecting devices");
        nest.CopyModel("static_synapse", "excitatory", new() { ["weight"] = jEx, ["delay"] = Delay });
        nest.CopyModel("static_synapse", "inhibitory", new() { ["weight"] = jIn, ["delay"] = Delay });
        nest.Connect(noise, nodesEx, syn: "excitatory");
        nest.Connect(noise, nodesIn, syn: "excitatory");
        nest.Connect(nodesEx[..recorded], espikes, syn: "excitatory");
        nest.Connect(nodesIn[..recorded], ispikes, syn: "excitatory");

        log.WriteLine("Connecting network");
        nest.Connect(nodesEx, nodesEx + nodesIn, Rule.FixedIndegree(ce), "excitatory");
        nest.Connect(nodesIn, nodesEx + nodesIn, Rule.FixedIndegree(ci), "inhibitory");
        return (espikes, ispikes);
    }

    private static string[] RecorderFiles(NodeCollection recorder) =>
        recorder.Get("filenames") as string[] ?? throw new InvalidOperationException("The spike recorder wrote no file.");
}
