using System.Diagnostics;
using System.Globalization;
using NestSharp.Cli.Recording;
using NestSharp.Numerics;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>Settings of one run of <see cref="HpcBenchmarkExperiment"/> (the <c>params</c> dictionary of NEST's script).</summary>
public sealed record HpcBenchmarkParameters : IRunParameters
{
    /// <summary>Network size factor: 9000·scale excitatory and 2250·scale inhibitory neurons.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Model time simulated after the presimulation, in ms (the measured period).</summary>
    public double SimTimeMs { get; init; } = 250.0;

    /// <summary>Model time simulated first, to reach equilibrium, in ms.</summary>
    public double PresimTimeMs { get; init; } = 50.0;

    /// <summary>Kernel <c>local_num_threads</c>.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Kernel <c>print_time</c>: the progress line while simulating.</summary>
    public bool PrintTime { get; init; } = true;

    /// <summary>Kernel <c>rng_seed</c> (NEST's script keeps the kernel's default).</summary>
    public long Seed { get; init; } = 143202461;

    /// <summary>Whether the spikes of the first (up to) 1000 excitatory neurons are written to an ASCII file.</summary>
    public bool RecordSpikes { get; init; } = true;

    /// <summary>Directory the log, the spike file and the raster plot are written to (kernel <c>data_path</c>).</summary>
    public string OutputDirectory { get; init; } = "hpc-benchmark-out";

    /// <summary>Checkpoints to save while simulating, and the one to resume from.</summary>
    public Checkpointing Checkpointing { get; init; } = Checkpointing.None;

    /// <summary>What a checkpoint of this run records of its settings: all but the threads, the measured period's length, progress and checkpoints.</summary>
    public string CheckpointDescription() =>
        Checkpointing.Describe("hpc-benchmark", this with { SimTimeMs = 0, Threads = 0, PrintTime = false, Checkpointing = Checkpointing.None });
}

/// <summary>What a checkpoint of <see cref="HpcBenchmarkExperiment"/> holds besides the simulator.</summary>
/// <param name="Recorder">The spike recorder's id, 0 without spike recording.</param>
/// <param name="Recorded">Neurons recorded from.</param>
/// <param name="PresimEvents">Spikes recorded by the end of the presimulation (0 before it ended).</param>
/// <param name="NodesSeconds">Wall-clock time the building run took to create the nodes (s).</param>
/// <param name="EdgesSeconds">Wall-clock time the building run took to connect (s).</param>
/// <param name="MemoryAfterNodesKiB">The building run's memory after creating the nodes.</param>
/// <param name="MemoryAfterEdgesKiB">The building run's memory after connecting.</param>
public sealed record HpcBenchmarkProgress(
    int Recorder, int Recorded, long PresimEvents, double NodesSeconds, double EdgesSeconds, long MemoryAfterNodesKiB, long MemoryAfterEdgesKiB);

/// <summary>What a run of <see cref="HpcBenchmarkExperiment"/> measured and wrote.</summary>
/// <param name="ExcitatoryNeurons">NE = int(9000·scale).</param>
/// <param name="InhibitoryNeurons">NI = int(2250·scale).</param>
/// <param name="Connections">All connections after Connect (kernel <c>num_connections</c>, devices included).</param>
/// <param name="PlasticConnections">Connections of stdp_pl_synapse_hom_hpc (E to E).</param>
/// <param name="RecordedNeurons">Excitatory neurons recorded from (0 without spike recording).</param>
/// <param name="AverageRateHz">NEST's "average rate": all recorded spikes (presimulation included) per recorded neuron per simulated second of the measured period; NaN without spike recording.</param>
/// <param name="MeasuredPeriodRateHz">The recorded neurons' rate over the measured period alone; NaN without spike recording.</param>
/// <param name="NodesTime">Wall-clock time of creating the nodes (NEST's build_time_nodes).</param>
/// <param name="EdgesTime">Wall-clock time of connecting (NEST's build_edge_time).</param>
/// <param name="PresimTime">Wall-clock time of the presimulation.</param>
/// <param name="SimTime">Wall-clock time of the measured period (NEST's sim_time).</param>
/// <param name="SimCpuTime">Processor time of the whole process (all threads) during the measured period: on a shared machine, what the run itself used.</param>
/// <param name="MemoryKiB">Resident memory (kernel <c>memory_size</c>, KiB) at the start, after the nodes, after the edges, after the presimulation and after the simulation.</param>
/// <param name="PeakMemoryBytes">Peak resident memory of the process.</param>
/// <param name="Threads">Threads the kernel ran on.</param>
/// <param name="Processes">MPI processes.</param>
/// <param name="LogFile">The log in NEST's format (<c>line rank value # name</c>), null on ranks other than 0.</param>
/// <param name="SpikeFiles">The spike recorder's ASCII files (empty without spike recording or on ranks other than 0).</param>
/// <param name="RasterPlot">The raster of the recorded spikes (null without spike recording or on ranks other than 0).</param>
public sealed record HpcBenchmarkResult(
    int ExcitatoryNeurons,
    int InhibitoryNeurons,
    long Connections,
    long PlasticConnections,
    int RecordedNeurons,
    double AverageRateHz,
    double MeasuredPeriodRateHz,
    TimeSpan NodesTime,
    TimeSpan EdgesTime,
    TimeSpan PresimTime,
    TimeSpan SimTime,
    TimeSpan SimCpuTime,
    IReadOnlyList<long> MemoryKiB,
    long PeakMemoryBytes,
    int Threads,
    int Processes,
    string? LogFile,
    IReadOnlyList<string> SpikeFiles,
    SaveResult? RasterPlot)
{
    /// <summary>How many times slower than real time the measured period ran.</summary>
    public double RealTimeFactor(double simTimeMs) => SimTime.TotalMilliseconds / simTimeMs;

    /// <summary>Resident memory the connections added, per connection (bytes).</summary>
    public double BytesPerConnection => (MemoryKiB[2] - MemoryKiB[1]) * 1024.0 / Connections;
}

/// <summary>
/// NEST's HPC benchmark (<c>pynest/examples/hpc_benchmark.py</c>; Morrison et al. 2007, Helias et al. 2012, Kunkel et al.
/// 2014): a balanced random network of 11,250·scale <c>iaf_psc_alpha</c> neurons (80 % excitatory) with a fixed in-degree
/// of 9000 excitatory and 2250 inhibitory inputs at every scale, membrane potentials drawn from N(5.7 mV, 7.2 mV), a
/// Poisson drive at 1.685 times the threshold rate, all delays 1.5 ms, and between excitatory neurons the
/// <c>stdp_pl_synapse_hom_hpc</c> rule (multiplicative depression, power-law potentiation). Autapses are excluded,
/// multapses allowed. The run presimulates, then simulates the measured period, logging NEST's metrics in NEST's log
/// format. At small scales the input correlations are strong and the plastic weights grow; NEST's script says to use a
/// scale above 10 and check that the average rate stays below 10 Hz for a meaningful benchmark.
/// </summary>
public static class HpcBenchmarkExperiment
{
    /// <summary>The log file in the output directory (NEST's script writes log_&lt;rank&gt;.dat).</summary>
    public const string LogFileName = "log_0.dat";

    /// <summary>The raster plot in the output directory.</summary>
    public const string RasterFileName = "hpc_benchmark_raster.png";

    /// <summary>Simulation step (ms).</summary>
    public const double Resolution = 0.1;
    private const int MaximumRecorded = 1000; // NEST's Nrec
    private const double TauSyn = 0.32582722403722841; // ms, as NEST's script
    private const double TauMem = 10.0; // ms
    private const double CMem = 250.0; // pF
    private const double Theta = 20.0; // mV
    private const double MeanPotential = 5.7; // mV
    private const double SigmaPotential = 7.2; // mV
    private const double Delay = 1.5; // ms
    private const double JE = 0.14; // peak EPSP in mV
    private const double G = -5.0; // relative inhibitory weight
    private const double Eta = 1.685; // external drive relative to the threshold rate

    /// <summary>Builds, presimulates and simulates the network; writes the log, the spikes and the raster (rank 0).</summary>
    public static HpcBenchmarkResult Run(HpcBenchmarkParameters parameters, TextWriter log)
    {
        if (!(parameters.Scale > 0))
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Scale, "The scale must be positive.");
        string dataPath = Path.GetFullPath(parameters.OutputDirectory);
        Directory.CreateDirectory(dataPath);
        var nestLog = new BenchmarkLog();

        var nest = new Simulator();
        nestLog.Add(Memory(nest), "virt_mem_0");
        var checkpoints = parameters.Checkpointing;
        string description = parameters.CheckpointDescription();
        int ne = (int)(9000 * parameters.Scale);
        int ni = (int)(2250 * parameters.Scale);
        if (ne < 1 || ni < 1)
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.Scale, "The scale must give at least one inhibitory neuron (scale >= 1/2250).");
        var network = checkpoints.ResumeOrBuild(nest, description, parameters.Threads, log, () => Build(nest, parameters, ne, ni, nestLog, log));
        if (checkpoints.Resumes)
        {
            // the build's times and memory are those the building run logged
            nestLog.Add(network.NodesSeconds, "build_time_nodes");
            nestLog.Add(network.MemoryAfterNodesKiB, "virt_mem_after_nodes");
            nestLog.Add(network.EdgesSeconds, "build_edge_time");
            nestLog.Add(network.MemoryAfterEdgesKiB, "virt_mem_after_edges");
        }
        TimeSpan nodesTime = TimeSpan.FromSeconds(network.NodesSeconds), edgesTime = TimeSpan.FromSeconds(network.EdgesSeconds);
        NodeCollection? recorder = network.Recorder > 0 ? nest.Nodes(network.Recorder) : null;
        int recorded = network.Recorded;

        // The two phases of the run; after each, the memory and the wall-clock time are logged under NEST's keys.
        long presimEvents = network.PresimEvents;
        TimeSpan presimTime = TimeSpan.Zero, simTime = TimeSpan.Zero, simCpuTime = TimeSpan.Zero;
        long phaseStart = Stopwatch.GetTimestamp();
        TimeSpan cpuBefore = ProcessReadings.CpuTime();
        checkpoints.SimulateSegments(nest, [parameters.PresimTimeMs, parameters.PresimTimeMs + parameters.SimTimeMs], description, log,
            beforeSegment: phase =>
            {
                log.WriteLine(phase == 0 ? $"Presimulating {parameters.PresimTimeMs} ms" : $"Simulating {parameters.SimTimeMs} ms");
                phaseStart = Stopwatch.GetTimestamp();
                cpuBefore = ProcessReadings.CpuTime();
            },
            afterSegment: phase =>
            {
                TimeSpan elapsed = Stopwatch.GetElapsedTime(phaseStart);
                nestLog.Add(Memory(nest), phase == 0 ? "virt_mem_after_presim" : "virt_mem_after_sim");
                nestLog.Add(elapsed.TotalSeconds, phase == 0 ? "presim_time" : "sim_time");
                if (phase == 0)
                {
                    presimTime = elapsed;
                    presimEvents = recorder?.Get<long>("n_events") ?? 0;
                }
                else
                {
                    simTime = elapsed;
                    simCpuTime = ProcessReadings.CpuTime() - cpuBefore;
                }
            },
            progress: () => network with { PresimEvents = presimEvents });

        double averageRate = double.NaN, periodRate = double.NaN;
        string[] spikeFiles = [];
        SaveResult? raster = null;
        if (recorder is not null)
        {
            long events = recorder.Get<long>("n_events");
            averageRate = events / (recorded * parameters.SimTimeMs) * 1e3;
            periodRate = (events - presimEvents) / (recorded * parameters.SimTimeMs) * 1e3;
            nestLog.Add(averageRate, "average rate");
            if (nest.Rank == 0)
            {
                spikeFiles = recorder.Get("filenames") as string[] ?? [];
                raster = Raster(spikeFiles, recorded, parameters, dataPath);
            }
        }

        string? logFile = null;
        if (nest.Rank == 0)
        {
            logFile = Path.Combine(dataPath, LogFileName);
            nestLog.Write(logFile);
        }
        var memory = nestLog.Memory;
        return new HpcBenchmarkResult(
            ExcitatoryNeurons: ne,
            InhibitoryNeurons: ni,
            Connections: (long)nest.GetKernelStatus("num_connections"),
            PlasticConnections: (long)nest.GetDefaults("stdp_pl_synapse_hom_hpc")["num_connections"],
            RecordedNeurons: recorded,
            AverageRateHz: averageRate,
            MeasuredPeriodRateHz: periodRate,
            NodesTime: nodesTime,
            EdgesTime: edgesTime,
            PresimTime: presimTime,
            SimTime: simTime,
            SimCpuTime: simCpuTime,
            MemoryKiB: memory,
            PeakMemoryBytes: ProcessReadings.PeakMemoryBytes([.. memory.Select(kib => kib * 1024)]),
            Threads: parameters.Threads,
            Processes: nest.NumProcesses,
            LogFile: logFile,
            SpikeFiles: spikeFiles,
            RasterPlot: raster);
    }

    /// <summary>
    /// Creates and connects the network as NEST's script does, logging the build times and the memory under its keys;
    /// returns what a checkpoint keeps of it.
    /// </summary>
    private static HpcBenchmarkProgress Build(
        Simulator nest, HpcBenchmarkParameters parameters, int ne, int ni, BenchmarkLog nestLog, TextWriter log)
    {
        string dataPath = Path.GetFullPath(parameters.OutputDirectory);
        long start = Stopwatch.GetTimestamp();
        nest.SetKernelStatus(new()
        {
            ["resolution"] = Resolution, ["local_num_threads"] = parameters.Threads, ["rng_seed"] = parameters.Seed,
            ["print_time"] = parameters.PrintTime,
            ["overwrite_files"] = true, ["data_path"] = dataPath,
        });
        var neuronParams = new Dictionary<string, object>
        {
            ["E_L"] = 0.0, ["C_m"] = CMem, ["tau_m"] = TauMem, ["t_ref"] = 0.5, ["V_th"] = Theta, ["V_reset"] = 0.0,
            ["tau_syn_ex"] = TauSyn, ["tau_syn_in"] = TauSyn, ["tau_minus"] = 30.0, ["V_m"] = MeanPotential,
        };
        log.WriteLine($"Creating {ne} excitatory and {ni} inhibitory neurons on {parameters.Threads} thread(s)");
        var excitatory = nest.Create("iaf_psc_alpha", ne, neuronParams);
        var inhibitory = nest.Create("iaf_psc_alpha", ni, neuronParams);
        var randomPotential = nest.Random.Normal(MeanPotential, SigmaPotential);
        excitatory.Set("V_m", randomPotential);
        inhibitory.Set("V_m", randomPotential);

        int ce = (int)(1.0 * ne / parameters.Scale);
        int ci = (int)(1.0 * ni / parameters.Scale);
        double jePa = JE / PostSynapticPotential.PeakOfUnitAlphaCurrent(TauMem, CMem, TauSyn);
        double nuThreshold = Theta / (ce * TauMem / CMem * jePa * Math.E * TauSyn);
        var stimulus = nest.Create("poisson_generator", 1, new() { ["rate"] = nuThreshold * Eta * ce * 1000.0 });
        NodeCollection? recorder = parameters.RecordSpikes
            ? nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["label"] = "alpha_0.0513_spikes" })
            : null;
        TimeSpan nodesTime = Stopwatch.GetElapsedTime(start);
        nestLog.Add(nodesTime.TotalSeconds, "build_time_nodes");
        long memoryAfterNodes = Memory(nest);
        nestLog.Add(memoryAfterNodes, "virt_mem_after_nodes");

        start = Stopwatch.GetTimestamp();
        nest.SetDefaults("static_synapse_hpc", new() { ["delay"] = Delay });
        nest.CopyModel("static_synapse_hpc", "syn_ex", new() { ["weight"] = jePa });
        nest.CopyModel("static_synapse_hpc", "syn_in", new() { ["weight"] = G * jePa });
        nest.SetDefaults("stdp_pl_synapse_hom_hpc", new()
        {
            ["delay"] = Delay, ["alpha"] = 0.0513, ["lambda"] = 0.1, ["mu"] = 0.4, ["tau_plus"] = 15.0, ["weight"] = jePa,
        });
        log.WriteLine("Connecting the stimulus and the populations");
        nest.Connect(stimulus, excitatory, Rule.AllToAll(), "syn_ex");
        nest.Connect(stimulus, inhibitory, Rule.AllToAll(), "syn_ex");
        var excitatoryInDegree = Rule.FixedIndegree(ce, allowAutapses: false, allowMultapses: true);
        var inhibitoryInDegree = Rule.FixedIndegree(ci, allowAutapses: false, allowMultapses: true);
        nest.Connect(excitatory, excitatory, excitatoryInDegree, "stdp_pl_synapse_hom_hpc");
        nest.Connect(inhibitory, excitatory, inhibitoryInDegree, "syn_in");
        nest.Connect(excitatory, inhibitory, excitatoryInDegree, "syn_ex");
        nest.Connect(inhibitory, inhibitory, inhibitoryInDegree, "syn_in");
        int recorded = recorder is null ? 0 : Math.Min(MaximumRecorded, ne);
        if (recorder is not null) nest.Connect(excitatory[..recorded], recorder, Rule.AllToAll(), "static_synapse_hpc");
        TimeSpan edgesTime = Stopwatch.GetElapsedTime(start);
        nestLog.Add(edgesTime.TotalSeconds, "build_edge_time");
        long memoryAfterEdges = Memory(nest);
        nestLog.Add(memoryAfterEdges, "virt_mem_after_edges");

        return new HpcBenchmarkProgress(
            recorder?.Ids[0] ?? 0, recorded, 0, nodesTime.TotalSeconds, edgesTime.TotalSeconds, memoryAfterNodes, memoryAfterEdges);
    }

    private static long Memory(Simulator nest) => (long)nest.GetKernelStatus("memory_size");

    private static SaveResult Raster(string[] spikeFiles, int recorded, HpcBenchmarkParameters parameters, string dataPath)
    {
        var spikes = AsciiSpikeFile.Read(spikeFiles);
        double stop = parameters.PresimTimeMs + parameters.SimTimeMs;
        var plot = RasterPlot.Render(spikes.Senders, spikes.TimesMs, new RasterPlotOptions
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"HPC benchmark (scale {parameters.Scale}): spikes of {recorded} excitatory neurons"),
            BinWidthMs = 5.0,
            StartMs = 0,
            StopMs = stop,
        });
        return plot.Figure.Save(Path.Combine(dataPath, RasterFileName));
    }

    /// <summary>The metrics of a run in the order NEST's script logs them, written as its Logger writes them.</summary>
    private sealed class BenchmarkLog
    {
        private readonly List<(string Value, string Name)> _lines = [];

        /// <summary>The memory figures logged so far (KiB), in order.</summary>
        public List<long> Memory { get; } = [];

        public void Add(long memoryKiB, string name)
        {
            Memory.Add(memoryKiB);
            _lines.Add((memoryKiB.ToString(CultureInfo.InvariantCulture), name));
        }

        public void Add(double value, string name) => _lines.Add((value.ToString("R", CultureInfo.InvariantCulture), name));

        /// <summary>Writes "line rank value # name" lines (rank 0).</summary>
        public void Write(string path)
        {
            using var writer = new StreamWriter(path);
            for (int i = 0; i < _lines.Count; i++)
                writer.WriteLine($"{i} 0 {_lines[i].Value} # {_lines[i].Name}");
        }
    }
}
