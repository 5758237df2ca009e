using System.Diagnostics;
using System.Globalization;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>Settings of one run of <see cref="StructuralPlasticityExperiment"/>; the defaults are the example's.</summary>
public sealed record StructuralPlasticityParameters : IRunParameters
{
    /// <summary>Simulated (model) time in ms, a positive multiple of <see cref="StructuralPlasticityExperiment.RecordIntervalMs"/>.</summary>
    public double SimTimeMs { get; init; } = 200000.0;

    /// <summary>Kernel <c>local_num_threads</c>.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Kernel <c>rng_seed</c> (the kernel's default).</summary>
    public long Seed { get; init; } = 143202461;

    /// <summary>Directory the series (CSV) and the figure are written to; created if missing.</summary>
    public string OutputDirectory { get; init; } = "structural-plasticity-out";

    /// <summary>Checkpoints to save while simulating, and the one to resume from.</summary>
    public Checkpointing Checkpointing { get; init; } = Checkpointing.None;

    /// <summary>What a checkpoint of this run records of its settings: all but the threads, the simulated time and checkpoints.</summary>
    public string CheckpointDescription() =>
        Checkpointing.Describe("structural-plasticity", this with { SimTimeMs = 0, Threads = 0, Checkpointing = Checkpointing.None });
}

/// <summary>What a checkpoint of <see cref="StructuralPlasticityExperiment"/> holds besides the simulator.</summary>
/// <param name="Excitatory">The excitatory neurons' ids.</param>
/// <param name="Inhibitory">The inhibitory neurons' ids.</param>
/// <param name="Series">The recordings made up to the checkpoint.</param>
public sealed record StructuralPlasticityProgress(int[] Excitatory, int[] Inhibitory, List<StructuralPlasticitySample> Series);

/// <summary>What a run of <see cref="StructuralPlasticityExperiment"/> recorded and wrote.</summary>
/// <param name="ExcitatoryNeurons">Neurons of the excitatory population.</param>
/// <param name="InhibitoryNeurons">Neurons of the inhibitory population.</param>
/// <param name="Series">Mean Ca and connection counts after every second of model time.</param>
/// <param name="TargetCaE">Set point (eps of the growth curves) of the excitatory neurons' calcium.</param>
/// <param name="TargetCaI">Set point of the inhibitory neurons' calcium.</param>
/// <param name="ExcitatorySynapses">Connections of <c>synapse_ex</c> at the end (the model's <c>num_connections</c>).</param>
/// <param name="InhibitorySynapses">Connections of <c>synapse_in</c> at the end.</param>
/// <param name="BuildTime">Wall-clock time of setting up, creating and connecting the network.</param>
/// <param name="SimulationTime">Wall-clock time of simulating and recording.</param>
/// <param name="Threads">Threads the kernel ran on.</param>
/// <param name="PeakMemoryBytes">Peak resident memory of the process (VmHWM on Linux) at the end.</param>
/// <param name="SeriesFile">The CSV of <paramref name="Series"/>.</param>
/// <param name="Figure">The figure: the SVG and the PNG.</param>
public sealed record StructuralPlasticityResult(
    int ExcitatoryNeurons,
    int InhibitoryNeurons,
    IReadOnlyList<StructuralPlasticitySample> Series,
    double TargetCaE,
    double TargetCaI,
    long ExcitatorySynapses,
    long InhibitorySynapses,
    TimeSpan BuildTime,
    TimeSpan SimulationTime,
    int Threads,
    long PeakMemoryBytes,
    string SeriesFile,
    SaveResult Figure)
{
    /// <summary>The last recording, at the end of the simulated time.</summary>
    public StructuralPlasticitySample Final => Series[^1];
}

/// <summary>
/// NEST's structural plasticity example (<c>structural_plasticity.py</c>): 800 excitatory and 200 inhibitory
/// <c>iaf_psc_alpha</c> neurons start without any connection; every neuron grows axonal and dendritic synaptic elements
/// with gaussian growth curves whose set points are the calcium concentrations eps (0.05 excitatory, 0.2 inhibitory), and
/// every 10 s of model time structural plasticity creates and deletes synapses between vacant elements. A Poisson
/// generator drives every neuron. After every second the mean Ca of each population and the number of connections
/// are recorded; they are written as CSV and drawn.
/// </summary>
/// <remarks>
/// As the example, the neurons are created with the model's defaults (its <c>model_params</c> are defined but never
/// passed to Create). Butz M, van Ooyen A (2013). A simple rule for dendritic spine and axonal bouton formation can
/// account for cortical reorganization after focal retinal lesions. PLoS Comput Biol 9(10): e1003259.
/// </remarks>
public static class StructuralPlasticityExperiment
{
    /// <summary>File of the recorded series (see <see cref="StructuralPlasticitySeriesFile"/>), in the output directory.</summary>
    public const string SeriesFileName = "structural_plasticity.csv";

    /// <summary>File of the calcium and connection-count figure (SVG).</summary>
    public const string FigureFileName = "structural_plasticity.svg";

    /// <summary>Model time between recordings (ms).</summary>
    public const double RecordIntervalMs = 1000.0;

    /// <summary>Model time between structural updates (ms), kernel <c>structural_plasticity_update_interval</c>.</summary>
    public const double UpdateIntervalMs = 10000.0;

    /// <summary>Excitatory iaf_psc_alpha neurons (the example's NE).</summary>
    public const int NumberExcitatoryNeurons = 800;

    /// <summary>Inhibitory iaf_psc_alpha neurons (the example's NI).</summary>
    public const int NumberInhibitoryNeurons = 200;

    /// <summary>Set point of the excitatory neurons' calcium (eps of their growth curves).</summary>
    public const double TargetCaE = 0.05;

    /// <summary>Set point of the inhibitory neurons' calcium.</summary>
    public const double TargetCaI = 0.2;

    /// <summary>Simulation step (ms).</summary>
    public const double Resolution = 0.1;
    private const double BackgroundRate = 10000.0; // rate of the background Poisson input (Hz)
    private const double PscE = 585.0; // excitatory PSC amplitude (pA): PSP of 1 mV
    private const double PscI = -585.0; // inhibitory PSC amplitude (pA)
    private const double PscExt = 6.2; // external PSC amplitude (pA): PSP of 0.11 mV

    /// <summary>
    /// Builds the network, simulates <see cref="StructuralPlasticityParameters.SimTimeMs"/> in steps of one second,
    /// recording after each (handed to <paramref name="recorded"/> as it comes), and writes the series and the figure.
    /// </summary>
    public static StructuralPlasticityResult Run(
        StructuralPlasticityParameters parameters, TextWriter log, Action<StructuralPlasticitySample>? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int steps = RecordingSteps(parameters.SimTimeMs);
        string dataPath = Path.GetFullPath(parameters.OutputDirectory);
        Directory.CreateDirectory(dataPath);

        long startBuild = Stopwatch.GetTimestamp();
        var nest = new Simulator();
        var checkpoints = parameters.Checkpointing;
        string description = parameters.CheckpointDescription();
        NodeCollection nodesE, nodesI;
        var series = new List<StructuralPlasticitySample>(steps);
        if (checkpoints.Resumes)
        {
            var saved = checkpoints.Resume<StructuralPlasticityProgress>(nest, description, parameters.Threads, log);
            (nodesE, nodesI) = (nest.Nodes(saved.Excitatory), nest.Nodes(saved.Inhibitory));
            series.AddRange(saved.Series);
        }
        else
        {
            log.WriteLine(FormattableString.Invariant(
                $"Building network: {NumberExcitatoryNeurons} excitatory and {NumberInhibitoryNeurons} inhibitory neurons on {parameters.Threads} thread(s)"));
            (nodesE, nodesI) = Build(nest, parameters);
        }
        TimeSpan buildTime = Stopwatch.GetElapsedTime(startBuild);

        log.WriteLine(FormattableString.Invariant($"Simulating {parameters.SimTimeMs / 1000.0:0.###} s, recording every {RecordIntervalMs / 1000.0:0.###} s"));
        long startSimulate = Stopwatch.GetTimestamp();
        var recordingTimes = new double[steps];
        for (int i = 0; i < steps; i++) recordingTimes[i] = (i + 1) * RecordIntervalMs;
        int[] idsE = [.. nodesE.Ids], idsI = [.. nodesI.Ids];
        checkpoints.SimulateSegments(nest, recordingTimes, description, log,
            afterSegment: _ =>
            {
                var sample = new StructuralPlasticitySample(
                    TimeS: nest.BiologicalTime / 1000.0,
                    MeanCaE: nodesE.GetValues<double>("Ca").Average(),
                    MeanCaI: nodesI.GetValues<double>("Ca").Average(),
                    ConnectionsE: ConnectedElements(nodesE, "Axon_ex"),
                    ConnectionsI: ConnectedElements(nodesI, "Axon_in"));
                series.Add(sample);
                recorded?.Invoke(sample);
            },
            progress: () => new StructuralPlasticityProgress(idsE, idsI, series));
        TimeSpan simulationTime = Stopwatch.GetElapsedTime(startSimulate);

        string seriesFile = Path.Combine(dataPath, SeriesFileName);
        StructuralPlasticitySeriesFile.Write(seriesFile, series);
        var figure = Plot(series).Save(Path.Combine(dataPath, Path.ChangeExtension(FigureFileName, ".png")));

        using var process = Process.GetCurrentProcess();
        return new StructuralPlasticityResult(
            ExcitatoryNeurons: NumberExcitatoryNeurons,
            InhibitoryNeurons: NumberInhibitoryNeurons,
            Series: series,
            TargetCaE: TargetCaE,
            TargetCaI: TargetCaI,
            ExcitatorySynapses: (long)nest.GetDefaults("synapse_ex")["num_connections"],
            InhibitorySynapses: (long)nest.GetDefaults("synapse_in")["num_connections"],
            BuildTime: buildTime,
            SimulationTime: simulationTime,
            Threads: parameters.Threads,
            PeakMemoryBytes: process.PeakWorkingSet64,
            SeriesFile: seriesFile,
            Figure: figure);
    }

    /// <summary>Number of one-second recordings in <paramref name="simTimeMs"/>; it must be a positive multiple of a second.</summary>
    public static int RecordingSteps(double simTimeMs)
    {
        double steps = simTimeMs / RecordIntervalMs;
        if (!(steps >= 1) || Math.Abs(steps - Math.Round(steps)) > 1e-9 * steps || steps > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(simTimeMs), simTimeMs,
                $"The simulated time must be a positive multiple of the recording interval ({RecordIntervalMs.ToString(CultureInfo.InvariantCulture)} ms).");
        }

        return (int)Math.Round(steps);
    }

    /// <summary>The example's prepare_simulation, create_nodes, connect_external_input and EnableStructuralPlasticity.</summary>
    private static (NodeCollection NodesE, NodeCollection NodesI) Build(Simulator nest, StructuralPlasticityParameters parameters)
    {
        nest.SetKernelStatus(new()
        {
            ["resolution"] = Resolution,
            ["local_num_threads"] = parameters.Threads,
            ["rng_seed"] = parameters.Seed,
            ["structural_plasticity_update_interval"] = UpdateIntervalMs,
        });

        nest.CopyModel("static_synapse", "synapse_ex");
        nest.SetDefaults("synapse_ex", new() { ["weight"] = PscE, ["delay"] = 1.0 });
        nest.CopyModel("static_synapse", "synapse_in");
        nest.SetDefaults("synapse_in", new() { ["weight"] = PscI, ["delay"] = 1.0 });
        nest.SetKernelStatus(new()
        {
            ["structural_plasticity_synapses"] = new Dictionary<string, object>
            {
                ["synapse_ex"] = new Dictionary<string, object>
                {
                    ["synapse_model"] = "synapse_ex", ["post_synaptic_element"] = "Den_ex", ["pre_synaptic_element"] = "Axon_ex",
                },
                ["synapse_in"] = new Dictionary<string, object>
                {
                    ["synapse_model"] = "synapse_in", ["post_synaptic_element"] = "Den_in", ["pre_synaptic_element"] = "Axon_in",
                },
            },
        });

        // Growth curves of the synaptic elements: excitatory (e_e) and inhibitory (e_i) elements of excitatory neurons,
        // excitatory (i_e) and inhibitory (i_i) elements of inhibitory neurons.
        var growthCurveEE = GaussianGrowthCurve(growthRate: 0.0001, eps: TargetCaE);
        var growthCurveEI = GaussianGrowthCurve(growthRate: 0.0001, eps: TargetCaE);
        var growthCurveIE = GaussianGrowthCurve(growthRate: 0.0004, eps: TargetCaI);
        var growthCurveII = GaussianGrowthCurve(growthRate: 0.0001, eps: TargetCaI);
        var synapticElements = new Dictionary<string, object> { ["Den_ex"] = growthCurveEE, ["Den_in"] = growthCurveEI, ["Axon_ex"] = growthCurveEE };
        var synapticElementsI = new Dictionary<string, object> { ["Den_ex"] = growthCurveIE, ["Den_in"] = growthCurveII, ["Axon_in"] = growthCurveII };

        var nodesE = nest.Create("iaf_psc_alpha", NumberExcitatoryNeurons, new() { ["synaptic_elements"] = synapticElements });
        var nodesI = nest.Create("iaf_psc_alpha", NumberInhibitoryNeurons, new() { ["synaptic_elements"] = synapticElementsI });
        nodesE.Set("synaptic_elements", synapticElements);
        nodesI.Set("synaptic_elements", synapticElementsI);

        var noise = nest.Create("poisson_generator");
        noise.Set("rate", BackgroundRate);
        nest.Connect(noise, nodesE, "all_to_all", new Dictionary<string, object> { ["weight"] = PscExt, ["delay"] = 1.0 });
        nest.Connect(noise, nodesI, "all_to_all", new Dictionary<string, object> { ["weight"] = PscExt, ["delay"] = 1.0 });

        nest.EnableStructuralPlasticity();
        return (nodesE, nodesI);
    }

    private static Dictionary<string, object> GaussianGrowthCurve(double growthRate, double eps) => new()
    {
        ["growth_curve"] = "gaussian",
        ["growth_rate"] = growthRate, // elements/ms
        ["continuous"] = false,
        ["eta"] = 0.0, // Ca2+
        ["eps"] = eps, // Ca2+
    };

    /// <summary>The sum over <paramref name="nodes"/> of z_connected of their element <paramref name="element"/>.</summary>
    private static long ConnectedElements(NodeCollection nodes, string element)
    {
        long total = 0;
        foreach (var elements in nodes.GetValues<Dictionary<string, object>>("synaptic_elements"))
            total += (long)((Dictionary<string, object>)elements[element])["z_connected"];
        return total;
    }

    /// <summary>
    /// The example's figure as two panels over time: the mean Ca of both populations with their set points (thick
    /// light lines), and the numbers of excitatory and inhibitory connections.
    /// </summary>
    public static LinePlot Plot(IReadOnlyList<StructuralPlasticitySample> series)
    {
        double[] time = [.. series.Select(s => s.TimeS)];
        double[] caE = [.. series.Select(s => s.MeanCaE)];
        double[] caI = [.. series.Select(s => s.MeanCaI)];
        double[] connectionsE = [.. series.Select(s => (double)s.ConnectionsE)];
        double[] connectionsI = [.. series.Select(s => (double)s.ConnectionsI)];
        double end = time.Length > 0 ? time[^1] : 1.0;
        double[] span = [0.0, end];

        var plot = new LinePlot(new LinePlotOptions
        {
            Title = "Structural plasticity: calcium and connectivity",
            XTitle = "Time in [s]",
            XRange = new DataRange(0.0, end),
        });
        // The example's axis limits (0.275 and 2500), raised to keep the curves below the legends when they go higher.
        plot.AddPanel("Ca concentration", new DataRange(0.0, Math.Max(0.275, 1.4 * Math.Max(Max(caE), Max(caI)))))
            .AddSeries("", span, [TargetCaE, TargetCaE], "#9999ff", 4.0)
            .AddSeries("Ca Concentration Excitatory Neurons", time, caE, "#0000ff", 2.0)
            .AddSeries("", span, [TargetCaI, TargetCaI], "#ff9999", 4.0)
            .AddSeries("Ca Concentration Inhibitory Neurons", time, caI, "#ff0000", 2.0);
        plot.AddPanel("Connections", new DataRange(0.0, Math.Max(2500.0, 1.4 * Math.Max(Max(connectionsE), Max(connectionsI)))))
            .AddSeries("Excitatory connections", time, connectionsE, "#bf00bf", 2.0)
            .AddSeries("Inhibitory connections", time, connectionsI, "#000000", 2.0);
        return plot;
    }

    private static double Max(double[] values) => values.Length > 0 ? values.Max() : 0.0;
}
