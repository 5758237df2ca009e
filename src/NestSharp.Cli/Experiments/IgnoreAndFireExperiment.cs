using System.Diagnostics;
using System.Globalization;
using System.Text;
using NestSharp.Cli.Output;
using NestSharp.Cli.Recording;

namespace NestSharp.Cli.Experiments;

/// <summary>Settings of one run of <see cref="IgnoreAndFireExperiment"/>; the defaults are the example's.</summary>
public sealed record IgnoreAndFireExperimentParameters : IRunParameters
{
    /// <summary>"ignore_and_fire" (the example's default) or "iaf_psc_alpha".</summary>
    public string NeuronModel { get; init; } = "ignore_and_fire";

    /// <summary>Total number of neurons (N_E = 0.8 N excitatory).</summary>
    public int N { get; init; } = 12500;

    /// <summary>Total in-degree from the local network (K_E = 0.8 K excitatory inputs).</summary>
    public int K { get; init; } = 1250;

    /// <summary>Simulated (model) time in ms.</summary>
    public double SimTimeMs { get; init; } = 10000.0;

    /// <summary>Kernel <c>local_num_threads</c>.</summary>
    public int Threads { get; init; } = 4;

    /// <summary>Kernel <c>rng_seed</c>.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Root of the output; the model writes into OutputDirectory/neuron_model (created if missing).</summary>
    public string OutputDirectory { get; init; } = "ignore-and-fire-out";

    /// <summary>Kernel <c>print_time</c>: the progress line while simulating.</summary>
    public bool PrintTime { get; init; } = true;

    /// <summary>Excitatory neurons (the first ones) whose mutual connections are written before and after the simulation (the example's 2000).</summary>
    public int ConnectivitySubset { get; init; } = 2000;

    /// <summary>Excitatory neurons (the first ones) whose weight matrix is drawn (the example's 100).</summary>
    public int MatrixSubset { get; init; } = 100;

    /// <summary>Write the connectivity files gzip-compressed (<c>.dat.gz</c>).</summary>
    public bool Compress { get; init; }

    /// <summary>Checkpoints to save while simulating, and the one to resume from.</summary>
    public Checkpointing Checkpointing { get; init; } = Checkpointing.None;

    /// <summary>What a checkpoint of this run records of its settings: all but the threads, the simulated time, progress and checkpoints.</summary>
    public string CheckpointDescription() =>
        Checkpointing.Describe("ignore-and-fire", this with
        {
            SimTimeMs = 0,
            Threads = 0,
            PrintTime = false,
            Checkpointing = Checkpointing.None,
        });
}

/// <summary>What a run of <see cref="IgnoreAndFireExperiment"/> measured and wrote.</summary>
/// <param name="Parameters">The model's derived parameters (sizes, PSC amplitudes, external rate, data directory).</param>
/// <param name="Neurons">Number of neurons N.</param>
/// <param name="Synapses">All connections, devices included (kernel num_connections).</param>
/// <param name="PlasticSynapses">Excitatory-to-excitatory (plastic) connections.</param>
/// <param name="BuildTime">Wall-clock time of Create and Connect (Connect includes Prepare and Cleanup, as the example).</param>
/// <param name="SimulationTime">Wall-clock time of Simulate.</param>
/// <param name="Threads">Threads the kernel ran on.</param>
/// <param name="RecordedSpikes">Spikes of all neurons during the run, read back from the recorder's files.</param>
/// <param name="RateHz">Time and population averaged firing rate of all neurons.</param>
/// <param name="ExcitatoryRateHz">Rate of the excitatory neurons.</param>
/// <param name="InhibitoryRateHz">Rate of the inhibitory neurons.</param>
/// <param name="GetConnectionsTime">Wall-clock time of reading the weights of all plastic connections (GetConnections and its weight array).</param>
/// <param name="FinalWeights">Statistics of the weights of all plastic connections after the simulation (pA).</param>
/// <param name="PeakMemoryBeforeExtractionBytes">Peak resident memory (VmHWM) before reading all plastic weights, or null where /proc is not available.</param>
/// <param name="PeakMemoryBytes">Peak resident memory of the process (VmHWM) at the end, or null where /proc is not available.</param>
/// <param name="Files">The files written: parameters, connectivity, spikes, weight distribution and figures (SVG and PNG).</param>
public sealed record IgnoreAndFireResult(
    IgnoreAndFireDerivedParameters Parameters,
    int Neurons,
    long Synapses,
    long PlasticSynapses,
    TimeSpan BuildTime,
    TimeSpan SimulationTime,
    int Threads,
    long RecordedSpikes,
    double RateHz,
    double ExcitatoryRateHz,
    double InhibitoryRateHz,
    TimeSpan GetConnectionsTime,
    DataStatistics FinalWeights,
    long? PeakMemoryBeforeExtractionBytes,
    long? PeakMemoryBytes,
    WrittenFiles Files);

/// <summary>
/// The workflow of NEST's ignore_and_fire example (generate_reference_data and generate_reference_figures, with the
/// measurements of the scaling script) for one neuron model: build the two-population STDP network
/// (<see cref="IgnoreAndFireModel"/>), record all spikes, simulate; write the parameters, the connectivity among the
/// first excitatory neurons before and after the simulation, the raster plot, the weight matrices and the final
/// distribution of all excitatory-to-excitatory weights.
/// </summary>
public static class IgnoreAndFireExperiment
{
    /// <summary>Name (without ".json") of the parameters file in the data directory, as the example's.</summary>
    public const string ParametersFileRoot = "model_instance_parameters";

    /// <summary>Name of the histogram of the final excitatory-to-excitatory weights in the data directory.</summary>
    public const string WeightDistributionFileName = "weight_distribution.dat";

    /// <summary>Width of the bins (pA) of the weight distribution file, as the example's figure.</summary>
    public const double WeightBinWidth = 0.5;

    /// <summary>Upper end of the weight axis of the histogram figure (pA), as the example's figure; its bins are 1 pA wide.</summary>
    public const double FigureMaxWeight = 150.0;

    /// <remarks>Under mpirun every process runs it; the processes other than rank 0 stop after the last collective
    /// step (reading the weights) and return null: rank 0 writes and reports.</remarks>
    public static IgnoreAndFireResult? Run(IgnoreAndFireExperimentParameters parameters, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var pars = IgnoreAndFireModel.GetDefaultParameters() with
        {
            NeuronModel = parameters.NeuronModel,
            N = parameters.N,
            K = parameters.K,
            T = parameters.SimTimeMs,
            NThreads = parameters.Threads,
            Seed = parameters.Seed,
            RecordSpikes = true,
            PrintSimulationProgress = parameters.PrintTime,
            DataPath = parameters.OutputDirectory,
        };
        var model = new IgnoreAndFireModel(pars, log);
        var d = model.Derived;
        string dataPath = Path.GetFullPath(d.DataPath);
        var files = new WrittenFiles();

        log.WriteLine($"\nneuron model: {pars.NeuronModel}");
        log.WriteLine(FormattableString.Invariant(
            $"N = {pars.N} ({d.NE} excitatory, {d.NI} inhibitory), K = {pars.K} (K_E = {d.KE}, K_I = {d.KI}), {parameters.Threads} thread(s)"));

        var checkpoints = parameters.Checkpointing;
        string description = parameters.CheckpointDescription();
        long startBuild = Stopwatch.GetTimestamp();
        if (checkpoints.Resumes)
        {
            log.WriteLine();
            checkpoints.Resume(model.Nest, description, parameters.Threads, log);
            model.UseRestoredNodes();
        }
        else
        {
            model.Create();
            model.Connect();
        }
        TimeSpan buildTime = Stopwatch.GetElapsedTime(startBuild);

        // connectivity at start of simulation (a resumed run reads what the run it continues wrote)
        string extension = parameters.Compress ? ".dat.gz" : ".dat";
        var subset = model.Nodes.PopE[..Math.Min(parameters.ConnectivitySubset, d.NE)];
        string presimFile = Path.Combine(dataPath, "connectivity_presim" + extension);
        var presim = checkpoints.Resumes ? ConnectivityFile.Read(presimFile) : model.GetConnectivity(subset, subset, presimFile);
        files.Add(presimFile);

        // simulate
        long startSimulate = Stopwatch.GetTimestamp();
        log.WriteLine("\nSimulating...");
        checkpoints.SimulateUntil(model.Nest, pars.T, description, log);
        TimeSpan simulationTime = Stopwatch.GetElapsedTime(startSimulate);

        // save parameters to file
        files.Add(model.SaveParameters(ParametersFileRoot, dataPath));

        // connectivity at end of simulation
        string postsimFile = Path.Combine(dataPath, "connectivity_postsim" + extension);
        var postsim = model.GetConnectivity(subset, subset, postsimFile);
        files.Add(postsimFile);

        // weights of all excitatory-to-excitatory connections
        long? peakBeforeExtraction = PeakResidentBytes();
        log.WriteLine("Extracting all excitatory-to-excitatory weights...");
        long startGet = Stopwatch.GetTimestamp();
        double[] weights = model.Nest.GetConnections(model.Nodes.PopE, model.Nodes.PopE, IgnoreAndFireModel.PlasticSynapse).Weight;
        TimeSpan getConnectionsTime = Stopwatch.GetElapsedTime(startGet);
        if (model.Nest.Rank != 0) return null;
        var weightStats = IgnoreAndFireAnalysis.Statistics(weights);

        double[] edges = WeightBinEdges(weightStats);
        string distributionFile = Path.Combine(dataPath, WeightDistributionFileName);
        WriteWeightDistribution(distributionFile, weights, edges);
        files.Add(distributionFile);
        long above = 0;
        foreach (double weight in weights)
            if (weight > FigureMaxWeight) above++;
        files.Add(IgnoreAndFireFigures.PlotWeightDistribution(weights, IgnoreAndFireAnalysis.Arange(0.0, FigureMaxWeight + 0.1, 1.0),
            FormattableString.Invariant(
                $"{pars.NeuronModel}: E->E weights after {pars.T / 1000.0:0.###} s (mean {weightStats.Mean:F1}, SD {weightStats.Sd:F1} pA; {above} above {FigureMaxWeight:0} pA)"),
            Path.Combine(dataPath, FigureName(pars, "weight_distributions"))));

        // spikes: raster plot and rates
        var recorder = model.Nodes.SpikeRecorder!;
        string[] spikeFiles = recorder.Get("filenames") as string[] ?? throw new InvalidOperationException("The spike recorder wrote no file.");
        files.Add(spikeFiles);
        log.WriteLine("Loading spike data...");
        var spikes = AsciiSpikeFile.Read(spikeFiles);
        double rate = IgnoreAndFireAnalysis.TimeAndPopulationAveragedSpikeRate(spikes, (0.0, pars.T), d.NRecSpikes);
        long excitatorySpikes = 0;
        long lastExcitatory = model.Nodes.PopE.Ids[^1];
        foreach (long sender in spikes.Senders)
            if (sender <= lastExcitatory) excitatorySpikes++;
        files.Add(IgnoreAndFireFigures.PlotSpikes(spikes, pars, d.NRecSpikes, Path.Combine(dataPath, FigureName(pars, "spikes"))));

        // connectivity matrices of the first excitatory neurons before and after the simulation
        long[] matrixIds = [.. model.Nodes.PopE.Ids.Take(Math.Min(parameters.MatrixSubset, d.NE)).Select(id => (long)id)];
        foreach (var (data, label) in new[] { (presim, "presim"), (postsim, "postsim") })
        {
            var matrix = IgnoreAndFireAnalysis.GetConnectivityMatrix(data, matrixIds, matrixIds);
            files.Add(IgnoreAndFireFigures.PlotConnectivityMatrix(matrix,
                $"{pars.NeuronModel}: E->E weights {(label == "presim" ? "before" : "after")} simulation",
                Path.Combine(dataPath, FigureName(pars, "connectivity_" + label))));
        }

        return new IgnoreAndFireResult(
            Parameters: d,
            Neurons: pars.N,
            Synapses: model.Nest.NumConnections,
            PlasticSynapses: weights.LongLength,
            BuildTime: buildTime,
            SimulationTime: simulationTime,
            Threads: parameters.Threads,
            RecordedSpikes: spikes.Senders.LongLength,
            RateHz: rate,
            ExcitatoryRateHz: excitatorySpikes / pars.T * 1000.0 / d.NE,
            InhibitoryRateHz: d.NI > 0 ? (spikes.Senders.LongLength - excitatorySpikes) / pars.T * 1000.0 / d.NI : double.NaN,
            GetConnectionsTime: getConnectionsTime,
            FinalWeights: weightStats,
            PeakMemoryBeforeExtractionBytes: peakBeforeExtraction,
            PeakMemoryBytes: PeakResidentBytes(),
            Files: files);
    }

    /// <summary>The example's figure name, <c>TwoPopulationNetworkPlastic_&lt;neuron model&gt;_&lt;what&gt;.png</c> (the SVG is written next to it).</summary>
    public static string FigureName(IgnoreAndFireParameters parameters, string what) => $"{parameters.ModelName}_{parameters.NeuronModel}_{what}.png";

    /// <summary>Bins of <see cref="WeightBinWidth"/> from 0 (or below the smallest weight) to above the largest weight.</summary>
    public static double[] WeightBinEdges(DataStatistics weights)
    {
        if (weights.Count == 0) return [0.0, WeightBinWidth];
        double low = Math.Min(0.0, Math.Floor(weights.Min / WeightBinWidth) * WeightBinWidth);
        double high = Math.Max(low + WeightBinWidth, (Math.Floor(weights.Max / WeightBinWidth) + 1) * WeightBinWidth);
        int bins = (int)Math.Round((high - low) / WeightBinWidth);
        var edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) edges[i] = low + i * WeightBinWidth;
        return edges;
    }

    /// <summary>
    /// Writes the histogram of <paramref name="weights"/>: a header line, then per bin its edges (pA), the number of
    /// synapses and the probability density (1/pA, numpy's density=True).
    /// </summary>
    public static void WriteWeightDistribution(string path, ReadOnlySpan<double> weights, IReadOnlyList<double> edges)
    {
        long[] counts = IgnoreAndFireAnalysis.Histogram(weights, edges);
        double[] density = IgnoreAndFireAnalysis.Density(weights, edges);
        var text = new StringBuilder("# weight_low (pA)\tweight_high (pA)\tcount\tdensity (1/pA)\n");
        for (int i = 0; i < counts.Length; i++)
            text.Append(CultureInfo.InvariantCulture, $"{edges[i]:R}\t{edges[i + 1]:R}\t{counts[i]}\t{density[i]:R}\n");
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Peak resident set size of this process (VmHWM) in bytes, or null where /proc is not available.</summary>
    public static long? PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return null;
        foreach (string line in File.ReadLines(status))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long kb) ? kb * 1024 : null;
        }
        return null;
    }
}
