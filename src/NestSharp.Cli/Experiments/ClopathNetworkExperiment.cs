using System.Diagnostics;
using System.Globalization;
using System.Text;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>Settings of one run of <see cref="ClopathNetworkExperiment"/>; the defaults are the example's.</summary>
public sealed record ClopathNetworkParameters : IRunParameters
{
    /// <summary>Simulated (model) time in ms, a positive multiple of <see cref="ClopathNetworkExperiment.IntervalMs"/>.</summary>
    public double SimTimeMs { get; init; } = 10000.0;

    /// <summary>Kernel <c>local_num_threads</c>.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Kernel <c>rng_seed</c> (the kernel's default); it also seeds the sequence of centres of the input profile, which
    /// the example draws from Python's unseeded <c>random</c> module.
    /// </summary>
    public long Seed { get; init; } = 143202461;

    /// <summary>Directory the weight-change matrix (CSV), the weight recorder's events (CSV) and the figure are written to; created if missing.</summary>
    public string OutputDirectory { get; init; } = "clopath-out";

    /// <summary>
    /// The model the excitatory-to-excitatory synapses are copied from: <c>clopath_synapse</c> (the example) or, as a
    /// control, <c>stdp_synapse</c> (pair-based STDP with the same Wmax) or <c>static_synapse</c> (no plasticity).
    /// The input synapses stay clopath_synapse.
    /// </summary>
    public string RecurrentSynapseModel { get; init; } = "clopath_synapse";

    /// <summary>Checkpoints to save while simulating, and the one to resume from.</summary>
    public Checkpointing Checkpointing { get; init; } = Checkpointing.None;

    /// <summary>What a checkpoint of this run records of its settings: all but the threads, the simulated time and checkpoints.</summary>
    public string CheckpointDescription() =>
        Checkpointing.Describe("clopath", this with { SimTimeMs = 0, Threads = 0, Checkpointing = Checkpointing.None });
}

/// <summary>What a checkpoint of <see cref="ClopathNetworkExperiment"/> holds besides the simulator.</summary>
/// <param name="Excitatory">The excitatory neurons' ids.</param>
/// <param name="Inhibitory">The inhibitory neurons' ids.</param>
/// <param name="Inputs">The input parrot neurons' ids.</param>
/// <param name="Generators">The Poisson generators' ids.</param>
/// <param name="WeightRecorder">The weight recorder's id.</param>
/// <param name="SpikeRecorder">The spike recorder's id.</param>
/// <param name="InitialWeights">The excitatory-to-excitatory weights before the simulation, row by row [from][to].</param>
/// <param name="InputWeightsBefore">The input weights before the simulation.</param>
public sealed record ClopathNetworkProgress(
    int[] Excitatory, int[] Inhibitory, int[] Inputs, int[] Generators, int WeightRecorder, int SpikeRecorder,
    double[][] InitialWeights, double[] InputWeightsBefore);

/// <summary>What <see cref="ClopathNetworkExperiment.Simulate"/> measured.</summary>
/// <param name="InitialWeights">Excitatory-to-excitatory weights before the simulation: [from, to], NaN on the diagonal (no autapses).</param>
/// <param name="FinalWeights">The same weights after the simulation.</param>
/// <param name="InputWeightsBefore">Weights of all input (parrot) to excitatory connections before the simulation, in GetConnections order.</param>
/// <param name="InputWeightsAfter">The same weights after the simulation.</param>
/// <param name="Centers">Centre (index of the input neuron, 25 to 475) of the Gaussian rate profile in each 100 ms interval.</param>
/// <param name="ExcitatorySpikes">Spikes of the excitatory neurons during the run.</param>
/// <param name="InhibitorySpikes">Spikes of the inhibitory neurons.</param>
/// <param name="WeightEvents">The weight recorder's events (excitatory-to-excitatory synapses, one at every pre-synaptic spike).</param>
/// <param name="Synapses">All connections (kernel num_connections), device connections included.</param>
/// <param name="BuildTime">Wall-clock time of setting up, creating and connecting the network.</param>
/// <param name="SimulationTime">Wall-clock time of the Simulate calls (and of setting the rates between them).</param>
public sealed record ClopathNetworkOutcome(
    double[,] InitialWeights,
    double[,] FinalWeights,
    double[] InputWeightsBefore,
    double[] InputWeightsAfter,
    int[] Centers,
    long ExcitatorySpikes,
    long InhibitorySpikes,
    ClopathWeightEvents WeightEvents,
    long Synapses,
    TimeSpan BuildTime,
    TimeSpan SimulationTime)
{
    /// <summary>FinalWeights - InitialWeights: [from, to], NaN on the diagonal.</summary>
    public double[,] WeightChange => ClopathNetworkExperiment.Difference(FinalWeights, InitialWeights);

    /// <summary>Mean change of the excitatory-to-excitatory weights over all off-diagonal entries.</summary>
    public double MeanChange => ClopathNetworkExperiment.MeanOffDiagonal(WeightChange);

    /// <summary>Pearson correlation of the change of w(i→j) with the change of w(j→i) over all i ≠ j.</summary>
    public double ReciprocalCorrelation => ClopathNetworkExperiment.ReciprocalCorrelation(WeightChange);
}

/// <summary>A weight recorder's events as parallel arrays.</summary>
public sealed record ClopathWeightEvents(double[] Times, long[] Senders, long[] Targets, double[] Weights);

/// <summary>What a run of <see cref="ClopathNetworkExperiment"/> measured and wrote.</summary>
/// <param name="Parameters">The settings of the run.</param>
/// <param name="Outcome">The weights, spikes and timings of the simulation.</param>
/// <param name="MatrixFile">The weight-change matrix as CSV.</param>
/// <param name="WeightEventsFile">The weight recorder's events as CSV.</param>
/// <param name="CentersFile">The centre of the input profile in each interval as CSV.</param>
/// <param name="Figure">The weight-change matrix drawn: the SVG and the PNG.</param>
public sealed record ClopathNetworkResult(
    ClopathNetworkParameters Parameters,
    ClopathNetworkOutcome Outcome,
    string MatrixFile,
    string WeightEventsFile,
    string CentersFile,
    SaveResult Figure);

/// <summary>
/// NEST's <c>clopath_synapse_small_network.py</c> (after Clopath et al. 2010, fig. 5): ten excitatory and three
/// inhibitory <c>aeif_psc_delta_clopath</c> neurons driven by 500 Poisson sources (through parrot neurons) whose rates
/// follow a Gaussian profile (amplitude 30 Hz × 1.75, SD 10 inputs) centred, for 100 ms at a time, on one of ten equally
/// spaced inputs drawn at random. Inputs to the excitatory neurons and the connections among them are Clopath
/// synapses; the excitatory neurons are connected all to all without autapses, the inhibitory ones receive 8
/// excitatory inputs each and project to 6 excitatory neurons each. The rule strengthens reciprocal connections
/// together: the change of w(i→j) is positively correlated with the change of w(j→i).
/// </summary>
/// <remarks>
/// Clopath C, Büsing L, Vasilaki E, Gerstner W (2010). Connectivity reflects coding: a model of voltage-based STDP
/// with homeostasis. Nature Neuroscience 13:3, 344-352.
/// </remarks>
public static class ClopathNetworkExperiment
{
    /// <summary>File of the weight-change matrix among the excitatory neurons (CSV, in the output directory).</summary>
    public const string MatrixFileName = "clopath_weight_change.csv";

    /// <summary>File of the weight recorder's events: times, senders, targets, weights (CSV).</summary>
    public const string WeightEventsFileName = "clopath_weight_recorder.csv";

    /// <summary>
    /// File of the input profile's centre in each interval (CSV: interval, start_ms, center): the example draws them
    /// from Python's unseeded <c>random</c>, so a run of the example script can be given these to repeat a C# run.
    /// </summary>
    public const string CentersFileName = "clopath_input_centers.csv";

    /// <summary>File of the weight-change heatmap (SVG).</summary>
    public const string FigureFileName = "clopath_weight_change.svg";

    /// <summary>Model time between changes of the input profile (ms): the example's <c>sim_interval</c>.</summary>
    public const double IntervalMs = 100.0;

    /// <summary>Excitatory aeif_psc_delta_clopath neurons, connected all to all (without autapses) by the plastic synapses.</summary>
    public const int NumberExcitatory = 10;

    /// <summary>Inhibitory aeif_psc_delta_clopath neurons, each fed by 8 excitatory neurons and projecting to 6 (static synapses).</summary>
    public const int NumberInhibitory = 3;

    /// <summary>Input neurons (parrots of as many Poisson generators), whose Gaussian rate profile gets a new centre every interval.</summary>
    public const int NumberInputs = 500;

    /// <summary>Initial weight of the excitatory-to-excitatory synapses.</summary>
    public const double InitialRecurrentWeight = 0.25;

    /// <summary>Models the excitatory-to-excitatory synapses may be copied from (<see cref="ClopathNetworkParameters.RecurrentSynapseModel"/>).</summary>
    public static readonly IReadOnlyList<string> RecurrentSynapseModels = ["clopath_synapse", "stdp_synapse", "static_synapse"];

    /// <summary>Simulation step (ms).</summary>
    public const double Resolution = 0.1;
    private const double Delay = Resolution; // ms
    private const double PgA = 30.0; // amplitude of the Gaussian (Hz)
    private const double PgSigma = 10.0; // its standard deviation (inputs)
    private const double RateFactor = 1.75; // the example multiplies every rate by it

    private static readonly Dictionary<string, object> NeuronParameters = new()
    {
        ["V_m"] = -30.6, ["g_L"] = 30.0, ["w"] = 0.0, ["tau_u_bar_plus"] = 7.0, ["tau_u_bar_minus"] = 10.0, ["tau_w"] = 144.0,
        ["a"] = 4.0, ["C_m"] = 281.0, ["Delta_T"] = 2.0, ["V_peak"] = 20.0, ["t_clamp"] = 2.0, ["A_LTP"] = 8.0e-6,
        ["A_LTD"] = 14.0e-6, ["A_LTD_const"] = false, ["b"] = 0.0805, ["u_ref_squared"] = 60.0 * 60.0,
    };

    /// <summary>Number of <see cref="IntervalMs"/> intervals in <paramref name="simTimeMs"/>, or 0 when it is not a positive whole number of them.</summary>
    public static int Intervals(double simTimeMs)
    {
        double intervals = simTimeMs / IntervalMs;
        if (!(intervals >= 1 && intervals <= int.MaxValue)) return 0;
        double rounded = Math.Round(intervals);
        return Math.Abs(intervals - rounded) <= 1e-9 * intervals ? (int)rounded : 0;
    }

    /// <summary>
    /// Builds and simulates the network, as the example does, without writing anything. <paramref name="progress"/> is
    /// called after every 100 ms interval with the model time reached (ms).
    /// </summary>
    public static ClopathNetworkOutcome Simulate(ClopathNetworkParameters parameters, Action<double>? progress = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int intervals = Intervals(parameters.SimTimeMs);
        if (intervals == 0)
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.SimTimeMs, $"The simulated time must be a positive multiple of {IntervalMs} ms.");
        if (!RecurrentSynapseModels.Contains(parameters.RecurrentSynapseModel))
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.RecurrentSynapseModel, $"The recurrent synapse model must be one of {string.Join(", ", RecurrentSynapseModels)}.");

        long startBuild = Stopwatch.GetTimestamp();
        var nest = new Simulator();
        var checkpoints = parameters.Checkpointing;
        string description = parameters.CheckpointDescription();
        log ??= TextWriter.Null;
        var network = checkpoints.ResumeOrBuild(nest, description, parameters.Threads, log, () => Build(nest, parameters));
        var (popExc, popInput, pg) = (nest.Nodes(network.Excitatory), nest.Nodes(network.Inputs), nest.Nodes(network.Generators));
        var (wr, spikes) = (nest.Nodes(network.WeightRecorder), nest.Nodes(network.SpikeRecorder));
        TimeSpan buildTime = Stopwatch.GetElapsedTime(startBuild);

        long startSimulate = Stopwatch.GetTimestamp();
        // the centre of each interval is one of 25, 75, 125, ..., 475
        var random = new System.Random(unchecked((int)parameters.Seed));
        var centers = new int[intervals];
        for (int i = 0; i < intervals; i++) centers[i] = 25 + random.Next(0, 10) * 50;
        var intervalEnds = new double[intervals];
        for (int i = 0; i < intervals; i++) intervalEnds[i] = (i + 1) * IntervalMs;
        var rates = new double[NumberInputs];
        checkpoints.SimulateSegments(nest, intervalEnds, description, log,
            beforeSegment: i =>
            {
                int pgMu = centers[i];
                for (int j = 0; j < NumberInputs; j++)
                    rates[j] = PgA * Math.Exp(-1.0 * (j - pgMu) * (j - pgMu) / (2.0 * PgSigma * PgSigma)) * RateFactor;
                pg.Set("rate", rates);
            },
            afterSegment: i => progress?.Invoke((i + 1) * IntervalMs),
            progress: () => network);
        TimeSpan simulationTime = Stopwatch.GetElapsedTime(startSimulate);

        var events = (Dictionary<string, object>)spikes.Get("events");
        long[] senders = (long[])events["senders"];
        long lastExcitatory = popExc.Ids[^1];
        long excitatorySpikes = senders.Count(s => s <= lastExcitatory);
        var weightEvents = (Dictionary<string, object>)wr.Get("events");

        return new ClopathNetworkOutcome(
            InitialWeights: Matrix(network.InitialWeights, "the initial weights"),
            FinalWeights: RecurrentWeights(nest, popExc),
            InputWeightsBefore: network.InputWeightsBefore,
            InputWeightsAfter: nest.GetConnections(popInput, popExc).Weight,
            Centers: centers,
            ExcitatorySpikes: excitatorySpikes,
            InhibitorySpikes: senders.LongLength - excitatorySpikes,
            WeightEvents: new ClopathWeightEvents(
                (double[])weightEvents["times"], (long[])weightEvents["senders"], (long[])weightEvents["targets"], (double[])weightEvents["weights"]),
            Synapses: nest.NumConnections,
            BuildTime: buildTime,
            SimulationTime: simulationTime);
    }

    /// <summary>Creates and connects the network as the example does; returns its nodes and the weights before simulating.</summary>
    private static ClopathNetworkProgress Build(Simulator nest, ClopathNetworkParameters parameters)
    {
        nest.SetKernelStatus(new()
        {
            ["resolution"] = Resolution, ["local_num_threads"] = parameters.Threads, ["rng_seed"] = parameters.Seed,
        });

        var popExc = nest.Create("aeif_psc_delta_clopath", NumberExcitatory, NeuronParameters);
        var popInh = nest.Create("aeif_psc_delta_clopath", NumberInhibitory, NeuronParameters);
        var popInput = nest.Create("parrot_neuron", NumberInputs); // Poisson generators connect through static synapses only
        var pg = nest.Create("poisson_generator", NumberInputs);
        var wr = nest.Create("weight_recorder");

        nest.Connect(pg, popInput, "one_to_one", new Dictionary<string, object>
        {
            ["synapse_model"] = "static_synapse", ["weight"] = 1.0, ["delay"] = Delay,
        });

        // input -> exc: plastic; input -> inh: static
        nest.CopyModel("clopath_synapse", "clopath_input_to_exc", new() { ["Wmax"] = 3.0 });
        nest.Connect(popInput, popExc, new Dictionary<string, object> { ["rule"] = "all_to_all" }, new Dictionary<string, object>
        {
            ["synapse_model"] = "clopath_input_to_exc", ["weight"] = nest.Random.Uniform(0.5, 2.0), ["delay"] = Delay,
        });
        nest.Connect(popInput, popInh, new Dictionary<string, object> { ["rule"] = "all_to_all" }, new Dictionary<string, object>
        {
            ["synapse_model"] = "static_synapse", ["weight"] = nest.Random.Uniform(0.0, 0.5), ["delay"] = Delay,
        });

        // exc -> exc: plastic, all to all without autapses, recorded
        var recurrentDefaults = new Dictionary<string, object>();
        if (parameters.RecurrentSynapseModel != "static_synapse")
        {
            recurrentDefaults["Wmax"] = 0.75;
            recurrentDefaults["weight_recorder"] = wr;
        }
        nest.CopyModel(parameters.RecurrentSynapseModel, "clopath_exc_to_exc", recurrentDefaults);
        nest.Connect(popExc, popExc, new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false },
            new Dictionary<string, object> { ["synapse_model"] = "clopath_exc_to_exc", ["weight"] = InitialRecurrentWeight, ["delay"] = Delay });

        // exc -> inh and inh -> exc: static
        nest.Connect(popExc, popInh, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 8 },
            new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 1.0, ["delay"] = Delay });
        nest.Connect(popInh, popExc, new Dictionary<string, object> { ["rule"] = "fixed_outdegree", ["outdegree"] = 6 },
            new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 1.0, ["delay"] = Delay });

        // randomised initial membrane potentials
        popExc.Set("V_m", nest.Random.Normal(-60.0, 25.0));
        popInh.Set("V_m", nest.Random.Normal(-60.0, 25.0));

        // not in the example: the spikes of the network, for its rates
        var spikes = nest.Create("spike_recorder");
        nest.Connect(popExc + popInh, spikes);

        double[,] initialWeights = RecurrentWeights(nest, popExc);
        var rows = new double[initialWeights.GetLength(0)][];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[initialWeights.GetLength(1)];
            for (int j = 0; j < rows[i].Length; j++) rows[i][j] = initialWeights[i, j];
        }
        return new ClopathNetworkProgress(
            [.. popExc.Ids], [.. popInh.Ids], [.. popInput.Ids], [.. pg.Ids], wr.Ids[0], spikes.Ids[0],
            rows, nest.GetConnections(popInput, popExc).Weight);
    }

    /// <summary>Simulates (<see cref="Simulate"/>) and writes the weight-change matrix, the weight recorder's events and the figure.</summary>
    public static ClopathNetworkResult Run(ClopathNetworkParameters parameters, TextWriter log, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(log);
        string directory = Path.GetFullPath(parameters.OutputDirectory);
        Directory.CreateDirectory(directory);

        log.WriteLine(FormattableString.Invariant(
            $"Simulating {NumberExcitatory} excitatory and {NumberInhibitory} inhibitory neurons driven by {NumberInputs} Poisson inputs for {parameters.SimTimeMs} ms on {parameters.Threads} thread(s)"));
        var outcome = Simulate(parameters, progress, log);
        double[,] change = outcome.WeightChange;

        string matrixFile = Path.Combine(directory, MatrixFileName);
        WriteMatrix(matrixFile, change, FormattableString.Invariant(
            $"Change of the excitatory-to-excitatory weights after {parameters.SimTimeMs} ms (final - initial {InitialRecurrentWeight}); row: from neuron, column: to neuron (1-based); nan: no autapse"));
        string eventsFile = Path.Combine(directory, WeightEventsFileName);
        WriteWeightEvents(eventsFile, outcome.WeightEvents);
        string centersFile = Path.Combine(directory, CentersFileName);
        WriteCenters(centersFile, outcome.Centers);

        var figure = HeatmapPlot.Render(change, new HeatmapPlotOptions
        {
            Title = "Change of syn weights before and after simulation",
            XTitle = "to neuron",
            YTitle = "from neuron",
            ColorbarTitle = "weight change",
            Colormap = HeatmapPlot.BlueWhiteRed,
            SymmetricValueRange = true,
            FirstColumnNumber = 1,
            FirstRowNumber = 1,
        }).Save(Path.Combine(directory, Path.ChangeExtension(FigureFileName, ".png")));

        return new ClopathNetworkResult(parameters, outcome, matrixFile, eventsFile, centersFile, figure);
    }

    /// <summary>
    /// The weights of the connections among <paramref name="population"/> as a matrix [from, to] (indices in the
    /// population), NaN where there is no connection; the example's sort by sender, then by target, and reshape.
    /// </summary>
    public static double[,] RecurrentWeights(Simulator nest, NodeCollection population)
    {
        ArgumentNullException.ThrowIfNull(nest);
        ArgumentNullException.ThrowIfNull(population);
        var connections = nest.GetConnections(population, population);
        long[] sources = connections.Source, targets = connections.Target;
        double[] weights = connections.Weight;
        var matrix = new double[population.Count, population.Count];
        for (int i = 0; i < population.Count; i++)
        {
            for (int j = 0; j < population.Count; j++)
                matrix[i, j] = double.NaN;
        }

        for (int k = 0; k < weights.Length; k++)
            matrix[population.IndexOf((int)sources[k]), population.IndexOf((int)targets[k])] = weights[k];
        return matrix;
    }

    /// <summary><paramref name="a"/> - <paramref name="b"/>, element by element.</summary>
    public static double[,] Difference(double[,] a, double[,] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
            throw new ArgumentException("The matrices differ in shape.", nameof(b));
        var result = new double[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
                result[i, j] = a[i, j] - b[i, j];
        }

        return result;
    }

    /// <summary>Mean of the off-diagonal entries of a square matrix.</summary>
    public static double MeanOffDiagonal(double[,] matrix)
    {
        int n = SquareSize(matrix);
        if (n < 2) return double.NaN;
        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                if (i != j) sum += matrix[i, j];
        }

        return sum / (n * (n - 1));
    }

    /// <summary>
    /// Pearson correlation of m[i, j] with m[j, i] over all ordered pairs i ≠ j: near 1 when reciprocal entries change
    /// together, near -1 when one grows as the other shrinks; NaN when the entries do not vary.
    /// </summary>
    public static double ReciprocalCorrelation(double[,] matrix)
    {
        int n = SquareSize(matrix);
        int count = n * (n - 1);
        if (count == 0) return double.NaN;
        double mean = MeanOffDiagonal(matrix);
        double covariance = 0.0, variance = 0.0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i == j) continue;
                double x = matrix[i, j] - mean, y = matrix[j, i] - mean;
                covariance += x * y;
                variance += x * x;
            }
        }
        return variance > 0 ? covariance / variance : double.NaN;
    }

    /// <summary>
    /// Writes <paramref name="matrix"/> as CSV: a comment line with <paramref name="description"/>, a header
    /// <c>from\to,1,2,...</c>, then one row per source neuron (1-based), values round-trip formatted, NaN as "nan".
    /// </summary>
    public static void WriteMatrix(string path, double[,] matrix, string description)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("# ").Append(description).Append('\n');
        text.Append("from\\to");
        for (int j = 0; j < matrix.GetLength(1); j++) text.Append(',').Append((j + 1).ToString(invariant));
        text.Append('\n');
        for (int i = 0; i < matrix.GetLength(0); i++)
        {
            text.Append((i + 1).ToString(invariant));
            for (int j = 0; j < matrix.GetLength(1); j++)
                text.Append(',').Append(double.IsNaN(matrix[i, j]) ? "nan" : matrix[i, j].ToString("R", invariant));
            text.Append('\n');
        }
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a matrix written by <see cref="WriteMatrix"/>.</summary>
    public static double[,] ReadMatrix(string path)
    {
        var rows = File.ReadLines(path).Where(line => line.Length > 0 && !line.StartsWith('#')).Skip(1)
            .Select(line => line.Split(',').Skip(1).Select(field =>
                field == "nan" ? double.NaN : double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return Matrix(rows, path);
    }

    /// <summary>The matrix of <paramref name="rows"/> (read from <paramref name="source"/>), which must have equal lengths.</summary>
    private static double[,] Matrix(double[][] rows, string source)
    {
        int columns = rows.Length == 0 ? 0 : rows[0].Length;
        var matrix = new double[rows.Length, columns];
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length != columns) throw new InvalidDataException($"{source}: row {i + 1} has {rows[i].Length} values, the first has {columns}.");
            for (int j = 0; j < columns; j++) matrix[i, j] = rows[i][j];
        }
        return matrix;
    }

    /// <summary>Writes the input profile's centres as CSV with the header <c>interval,start_ms,center</c>.</summary>
    public static void WriteCenters(string path, int[] centers)
    {
        ArgumentNullException.ThrowIfNull(centers);
        var text = new StringBuilder("interval,start_ms,center\n");
        for (int i = 0; i < centers.Length; i++)
            text.Append(FormattableString.Invariant($"{i},{i * IntervalMs:0.###},{centers[i]}\n"));
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Writes a weight recorder's events as CSV with the header <c>times,senders,targets,weights</c>.</summary>
    public static void WriteWeightEvents(string path, ClopathWeightEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder("times,senders,targets,weights\n");
        for (int i = 0; i < events.Times.Length; i++)
        {
            text.Append(events.Times[i].ToString("R", invariant)).Append(',')
                .Append(events.Senders[i].ToString(invariant)).Append(',')
                .Append(events.Targets[i].ToString(invariant)).Append(',')
                .Append(events.Weights[i].ToString("R", invariant)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    private static int SquareSize(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.GetLength(0) != matrix.GetLength(1)) throw new ArgumentException("The matrix is not square.", nameof(matrix));
        return matrix.GetLength(0);
    }
}
