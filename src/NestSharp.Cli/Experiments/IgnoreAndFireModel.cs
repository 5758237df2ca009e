using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using NestSharp.Cli.Recording;
using NestSharp.Numerics;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>The nodes of an <see cref="IgnoreAndFireModel"/> after <see cref="IgnoreAndFireModel.Create"/>.</summary>
/// <param name="PopAll">All N neurons: the excitatory ones first, then the inhibitory ones.</param>
/// <param name="PopE">The N_E excitatory neurons.</param>
/// <param name="PopI">The N_I inhibitory neurons.</param>
/// <param name="Poisson">The external Poissonian source (one poisson_generator, an independent train per target).</param>
/// <param name="SpikeRecorder">The spike recorder (label "spikes", ASCII files), or null when spikes are not recorded.</param>
public sealed record IgnoreAndFireNodes(
    NodeCollection PopAll, NodeCollection PopE, NodeCollection PopI, NodeCollection Poisson, NodeCollection? SpikeRecorder);

/// <summary>A weight matrix <c>W[post, pre]</c> with the ids of its columns (sources) and rows (targets).</summary>
public sealed record ConnectivityMatrix(double[,] W, long[] PopPre, long[] PopPost);

/// <summary>Simple statistics of a set of values (the scaling script's <c>data_statistics</c>, NaN ignored).</summary>
public sealed record DataStatistics(int Count, double Mean, double Sd, double Min, double Max, double Median);

/// <summary>
/// The two-population STDP network of NEST's example <c>model-ignore_and_fire.py</c> (class <c>Model</c>): a balanced
/// random network (Brunel 2000) of N_E = beta N excitatory and N_I = N - N_E inhibitory neurons with fixed in-degrees
/// K_E = beta K and K_I = K - K_E, alpha-shaped PSCs, external Poisson input at eta times the threshold rate, and
/// power-law STDP (stdp_pl_synapse_hom, Morrison et al. 2007) on the excitatory-to-excitatory synapses. With
/// <c>neuron_model = "ignore_and_fire"</c> the neurons fire at rates and phases drawn uniformly per neuron, whatever
/// their input: the activity, and with it the communication load, is fixed by the user while the plasticity still
/// acts, so the network can be scaled exactly.
/// <para>Workflow, as the example's: <c>new IgnoreAndFireModel(parameters)</c>, <see cref="Create"/>,
/// <see cref="Connect"/> (which runs Prepare and Cleanup so that connection time includes building the delivery
/// structures), <see cref="Simulate"/>, <see cref="SaveParameters"/>, <see cref="GetConnectivity"/>; the static methods
/// load the files back and prepare the figures.</para>
/// </summary>
/// <remarks>
/// Brunel N (2000). Dynamics of networks of randomly connected excitatory and inhibitory spiking neurons. J Physiol
/// Paris 94(5-6):445-463. Morrison A, Aertsen A, Diesmann M (2007). Spike-timing-dependent plasticity in balanced
/// random networks. Neural Comput 19(6):1437-1467.
/// </remarks>
public sealed class IgnoreAndFireModel
{
    /// <summary>Name of the plastic excitatory-to-excitatory synapse model (a copy of stdp_pl_synapse_hom_hpc).</summary>
    public const string PlasticSynapse = "excitatory_plastic";

    /// <summary>Label of the spike recorder; its files are <c>spikes-&lt;id&gt;-&lt;vp&gt;.dat</c>.</summary>
    public const string SpikeLabel = "spikes";

    private readonly Dictionary<string, object> _neuronParams;
    private readonly TextWriter _log;
    private IgnoreAndFireNodes? _nodes;

    /// <summary>
    /// Sets the parameters (base and derived), creates the data directory data_path/neuron_model, and configures a new
    /// kernel (resolution, tics, threads, seed, data path) and the neuron parameters.
    /// </summary>
    /// <param name="parameters">Base parameters; <see cref="GetDefaultParameters"/> gives the example's.</param>
    /// <param name="log">Where the progress messages go (Console.Out when null).</param>
    public IgnoreAndFireModel(IgnoreAndFireParameters parameters, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!IgnoreAndFireParameters.NeuronModels.Contains(parameters.NeuronModel))
            throw new ArgumentException(
                $"neuron_model must be one of {string.Join(", ", IgnoreAndFireParameters.NeuronModels)}; got '{parameters.NeuronModel}'.", nameof(parameters));
        _log = log ?? Console.Out;
        _log.WriteLine("\nInitialising model and simulation...");

        // set parameters derived from base parameters
        Parameters = parameters;
        Derived = DeriveParameters(parameters);

        // create data directory (if necessary)
        Directory.CreateDirectory(Derived.DataPath);

        // initialize NEST kernel
        Nest = new Simulator();
        Nest.SetKernelStatus(new()
        {
            ["tics_per_ms"] = 1.0 * parameters.TicsPerStep / parameters.Dt,
            ["resolution"] = parameters.Dt,
            ["print_time"] = parameters.PrintSimulationProgress,
            ["local_num_threads"] = parameters.NThreads,
            ["rng_seed"] = parameters.Seed,
            ["dict_miss_is_error"] = true,
            ["data_path"] = Path.GetFullPath(Derived.DataPath),
            ["overwrite_files"] = true,
        });

        // configure neuron and synapse models
        _neuronParams = parameters.NeuronModel == "iaf_psc_alpha"
            ? new Dictionary<string, object>
            {
                ["V_th"] = parameters.Theta,
                ["E_L"] = parameters.EL,
                ["V_reset"] = parameters.VReset,
                ["tau_m"] = parameters.TauM,
                ["t_ref"] = parameters.TRef,
                ["C_m"] = parameters.CM,
                ["tau_syn_ex"] = parameters.TauS,
                ["tau_syn_in"] = parameters.TauS,
                ["I_e"] = parameters.IDC,
                ["tau_minus"] = parameters.StdpTauMinus,
                ["V_m"] = parameters.VInitMin,
            }
            : [];
    }

    /// <summary>The base parameters this instance was made with.</summary>
    public IgnoreAndFireParameters Parameters { get; }

    /// <summary>The derived parameters (population sizes, in-degrees, PSC amplitudes, rates, data directory).</summary>
    public IgnoreAndFireDerivedParameters Derived { get; }

    /// <summary>The kernel this model lives in.</summary>
    public Simulator Nest { get; }

    /// <summary>The populations and devices; available after <see cref="Create"/>.</summary>
    public IgnoreAndFireNodes Nodes => _nodes ?? throw new InvalidOperationException("Call Create() first: the model has no nodes yet.");

    /// <summary>The example's defaults (<c>parameter_dict-ignore_and_fire.py</c>).</summary>
    public static IgnoreAndFireParameters GetDefaultParameters() => new();

    /// <summary>The example's <c>__derived_parameters</c>.</summary>
    public static IgnoreAndFireDerivedParameters DeriveParameters(IgnoreAndFireParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        int ne = (int)(p.Beta * p.N); // number of excitatory neurons
        int ni = p.N - ne; // number of inhibitory neurons
        int ke = (int)(p.Beta * p.K); // number of excitatory inputs per neuron
        int ki = p.K - ke; // number of inhibitory inputs per neuron

        // conversion of PSP amplitudes to PSC amplitudes
        double jUnit = UnitPspAmplitude(p.TauM, p.CM, p.TauS); // unit PSP amplitude
        double iE = p.JE / jUnit; // EPSC amplitude for local inputs (pA)
        double iI = -p.G * iE; // IPSC amplitude (pA)
        double iX = iE; // EPSC amplitude for external inputs (pA)

        // rate of external Poissonian sources
        double nuTheta = 1000.0 * p.Theta * p.CM / (iX * Math.Exp(1.0) * p.TauM * p.TauS);
        double nuX = p.Eta * nuTheta;

        // number of neurons spikes are recorded from
        int nRec = p.NRecSpikes ?? p.N;
        return new IgnoreAndFireDerivedParameters(ne, ni, ke, ki, jUnit, iE, iI, iX, nuTheta, nuX, nRec, Path.Combine(p.DataPath, p.NeuronModel));
    }

    /// <summary>
    /// Creates and configures all network nodes (neurons, stimulus and recording devices) and the synapse models,
    /// including the initial conditions: random membrane potentials (iaf_psc_alpha) or random rates and phases
    /// (ignore_and_fire), drawn per neuron from <c>nest.Random.Uniform</c>.
    /// </summary>
    public void Create()
    {
        if (_nodes is not null) throw new InvalidOperationException("Create() has been called already.");
        var p = Parameters;
        var d = Derived;
        _log.WriteLine("\nCreating and configuring nodes...");

        // create neuron populations
        var popAll = Nest.Create(p.NeuronModel, p.N, _neuronParams.Count > 0 ? _neuronParams : null); // overall population
        if (p.NeuronModel == "iaf_psc_alpha")
        {
            // set random initial membrane potentials
            popAll.Set("V_m", Nest.Random.Uniform(p.VInitMin, p.VInitMax));
        }
        else
        {
            popAll.Set("rate", Nest.Random.Uniform(p.IgnoreAndFirePars.RateDist[0], p.IgnoreAndFirePars.RateDist[1]));
            popAll.Set("phase", Nest.Random.Uniform(p.IgnoreAndFirePars.PhaseDist[0], p.IgnoreAndFirePars.PhaseDist[1]));
        }
        var popE = popAll[..d.NE]; // population of excitatory neurons
        var popI = popAll[d.NE..]; // population of inhibitory neurons

        // create external Poissonian sources (stimulus)
        var poisson = Nest.Create("poisson_generator", 1, new() { ["rate"] = d.NuX });

        // create recording devices
        NodeCollection? spikeRecorder = p.RecordSpikes
            ? Nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["label"] = SpikeLabel })
            : null;

        // configure connections
        Nest.CopyModel("stdp_pl_synapse_hom_hpc", PlasticSynapse, new()
        {
            ["weight"] = d.IE,
            ["delay"] = p.Delay,
            ["alpha"] = p.StdpAlpha,
            ["lambda"] = p.StdpLambda,
            ["mu"] = p.StdpMuPlus,
            ["tau_plus"] = p.StdpTauPlus,
        });
        Nest.CopyModel("static_synapse_hpc", "excitatory_static", new() { ["weight"] = d.IE, ["delay"] = p.Delay });
        Nest.CopyModel("static_synapse_hpc", "inhibitory", new() { ["weight"] = d.II, ["delay"] = p.Delay });
        Nest.CopyModel("static_synapse_hpc", "external", new() { ["weight"] = d.IX, ["delay"] = p.Delay });

        _nodes = new IgnoreAndFireNodes(popAll, popE, popI, poisson, spikeRecorder);
    }

    /// <summary>
    /// Connects the network (EE plastic, EI static, IE and II static, all with fixed in-degrees), the external source
    /// and the spike recorder; then runs Prepare and Cleanup, so that building the delivery structures counts as
    /// connection time (as NEST's 5g kernel does in its preparation phase).
    /// </summary>
    public void Connect()
    {
        var p = Parameters;
        var d = Derived;
        var (popAll, popE, popI, poisson, spikeRecorder) = Nodes;
        _log.WriteLine("\nConnecting network and devices...");

        Dictionary<string, object> FixedIndegree(int indegree) => new()
        {
            ["rule"] = "fixed_indegree",
            ["indegree"] = indegree,
            ["allow_autapses"] = p.AllowAutapses,
            ["allow_multapses"] = p.AllowMultapses,
        };

        // EE connections (plastic)
        Nest.Connect(popE, popE, FixedIndegree(d.KE), PlasticSynapse);

        // EI connections (static)
        Nest.Connect(popE, popI, FixedIndegree(d.KE), "excitatory_static");

        // IE and II connections (static)
        Nest.Connect(popI, popAll, FixedIndegree(d.KI), "inhibitory");

        // connect external Poissonian sources (stimulus)
        Nest.Connect(poisson, popAll, syn: "external");

        // connect recording devices (to the first N_rec_spikes neurons)
        if (spikeRecorder is not null) Nest.Connect(popAll[..Math.Min(d.NRecSpikes, p.N)], spikeRecorder);

        // The full connection infrastructure is set up in the preparation phase; induce it here so that it counts
        // as connection time.
        Nest.Prepare();
        Nest.Cleanup();
    }

    /// <summary>Runs the simulation for <paramref name="tSim"/> ms.</summary>
    public void Simulate(double tSim)
    {
        _log.WriteLine("\nSimulating...");
        Nest.Simulate(tSim);
    }

    /// <summary>
    /// Writes all parameters, base and derived, as indented JSON to <c>path/filenameRoot.json</c> with the example's keys
    /// (data_path is the model's data directory and N_rec_spikes a number, as the example stores them). Returns the path.
    /// </summary>
    public string SaveParameters(string filenameRoot, string path)
    {
        string file = Path.Combine(path, filenameRoot + ".json");
        if (Nest.Rank == 0) File.WriteAllText(file, ParametersJson());
        return file;
    }

    /// <summary>The JSON text <see cref="SaveParameters"/> writes.</summary>
    public string ParametersJson()
    {
        var pars = JsonSerializer.SerializeToNode(Parameters, JsonOptions)!.AsObject();
        var d = Derived;
        pars["N_rec_spikes"] = d.NRecSpikes;
        pars["data_path"] = d.DataPath;
        pars["N_E"] = d.NE;
        pars["N_I"] = d.NI;
        pars["K_E"] = d.KE;
        pars["K_I"] = d.KI;
        pars["J_unit"] = Float(d.JUnit);
        pars["I_E"] = Float(d.IE);
        pars["I_I"] = Float(d.II);
        pars["I_X"] = Float(d.IX);
        pars["nu_theta"] = Float(d.NuTheta);
        pars["nu_X"] = Float(d.NuX);
        return pars.ToJsonString(JsonOptions);
    }

    private static JsonNode Float(double value) => JsonSerializer.SerializeToNode(value, JsonOptions)!;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, IndentSize = 4, Converters = { new PythonFloatConverter() } };

    /// <summary>Writes whole-number doubles as Python's json does ("250.0", not "250"), so that they read back as floats.</summary>
    private sealed class PythonFloatConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value) && value == Math.Floor(value) && Math.Abs(value) < 1e16)
                writer.WriteRawValue(value.ToString("0.0", CultureInfo.InvariantCulture));
            else writer.WriteNumberValue(value);
        }
    }

    /// <summary>
    /// The connections from <paramref name="popPre"/> to <paramref name="popPost"/> (source, target, weight, delay),
    /// ordered by source, then target. When <paramref name="filename"/> is given they are also written to it in the
    /// example's text format (see <see cref="ConnectivityFile"/>), gzip-compressed if the name ends in ".gz".
    /// </summary>
    public ConnectivityData GetConnectivity(NodeCollection popPre, NodeCollection popPost, string? filename = null)
    {
        _log.WriteLine("Extracting connectivity...");
        var conns = Nest.GetConnections(source: popPre, target: popPost);
        var c = ConnectivityData.From(conns);
        if (!string.IsNullOrEmpty(filename) && Nest.Rank == 0) ConnectivityFile.Write(filename, c); // under mpirun, rank 0 writes
        return c;
    }

    // ---------------------------------------------------------------- loading data

    /// <summary>
    /// The files in <paramref name="path"/> whose names start with <paramref name="label"/> and end in ".dat" (or
    /// ".dat.gz"), sorted by name.
    /// </summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static IReadOnlyList<string> GetDataFileList(string path, string label)
    {
        var files = Directory.EnumerateFiles(path)
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith(label, StringComparison.Ordinal)
                && (name.EndsWith(".dat", StringComparison.Ordinal) || name.EndsWith(".dat.gz", StringComparison.Ordinal)))
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"No files of type '{label}*.dat' found in path '{path}'.");
        return files;
    }

    /// <summary>
    /// Spikes from the ASCII files <c>path/label*.dat</c>: all of them, or those in [start, stop] ms when
    /// <paramref name="timeInterval"/> is given, and only those of <paramref name="pop"/>'s neurons when it is given
    /// (then grouped by neuron in <paramref name="pop"/>'s order, as the example's loop does).
    /// </summary>
    public static SpikeData LoadSpikeData(string path, string label, (double Start, double Stop)? timeInterval = null, NodeCollection? pop = null)
    {
        var spikes = AsciiSpikeFile.Read(GetDataFileList(path, label).Select(name => Path.Combine(path, name)));
        var senders = spikes.Senders;
        var times = spikes.TimesMs;
        if (timeInterval is { } interval)
        {
            var keep = Enumerable.Range(0, senders.Length).Where(i => times[i] >= interval.Start && times[i] <= interval.Stop).ToArray();
            senders = [.. keep.Select(i => senders[i])];
            times = [.. keep.Select(i => times[i])];
        }
        if (pop is not null)
        {
            var byNeuron = new Dictionary<long, List<int>>();
            for (int i = 0; i < senders.Length; i++)
            {
                if (!byNeuron.TryGetValue(senders[i], out var list)) byNeuron[senders[i]] = list = [];
                list.Add(i);
            }
            var order = new List<int>(senders.Length);
            foreach (int id in pop.Ids)
                if (byNeuron.TryGetValue(id, out var list)) order.AddRange(list);
            senders = [.. order.Select(i => senders[i])];
            times = [.. order.Select(i => times[i])];
        }
        return new SpikeData(senders, times);
    }

    /// <summary>Connections from the files <c>path/label*.dat</c> (and <c>.dat.gz</c>), file after file.</summary>
    public static ConnectivityData LoadConnectivityData(string path, string label) =>
        ConnectivityData.Concat(GetDataFileList(path, label).Select(name => ConnectivityFile.Read(Path.Combine(path, name))));

    // ---------------------------------------------------------------- analysis

    /// <summary>
    /// PSP amplitude (mV) of a LIF neuron for an alpha-shaped PSC of unit amplitude (1 pA), as the example computes it:
    /// with a = tau_s/tau_m and b = 1/tau_s - 1/tau_m, the PSP is evaluated at
    /// <c>t_max = (-W_-1(-a exp(a)) - a) / b</c>, J_unit = e / C_m / (1 - a) · ((exp(-t_max/tau_m) - exp(-t_max/tau_s)) / b
    /// - t_max exp(-t_max/tau_s)).
    /// </summary>
    /// <remarks>
    /// This is the example's formula, kept so that the weights equal NEST's (I_E = 31.9008 pA for the defaults). It is not
    /// the exact peak: the PSP is maximal where <c>b t = -W_-1(-a exp(-a)) - a</c> (8.03 ms for the defaults, against
    /// the 7.42 ms used here), which <see cref="BrunelExperiment.PeakPotentialOfUnitCurrent"/> computes; the exact peak
    /// is 0.4 % higher (J_unit 0.015734 against 0.015674 mV/pA).
    /// </remarks>
    public static double UnitPspAmplitude(double tauM, double cM, double tauS)
    {
        double a = tauS / tauM;
        double b = 1.0 / tauS - 1.0 / tauM;

        // time of PSP maximum (as the example computes it)
        double tMax = 1.0 / b * (-LambertWm1(-a * Math.Exp(a)) - a);
        return Math.Exp(1.0) / cM / (1.0 - tauS / tauM)
            * ((Math.Exp(-tMax / tauM) - Math.Exp(-tMax / tauS)) / b - tMax * Math.Exp(-tMax / tauS));
    }

    /// <summary>The real Lambert W function: the lower branch W_-1 for negative arguments, the principal branch otherwise.</summary>
    public static double LambertWm1(double x) => x < 0 ? LambertW.Wm1(x) : LambertW.W0(x);

    /// <summary>
    /// The weight matrix W[post, pre] of <paramref name="connectivity"/> for the sources <paramref name="popPre"/> and
    /// targets <paramref name="popPost"/> (all distinct sources and targets, sorted, when null or empty). Unconnected
    /// pairs are 0; of several connections between one pair the last one listed counts (as the example's loop).
    /// </summary>
    public static ConnectivityMatrix GetConnectivityMatrix(ConnectivityData connectivity, IReadOnlyList<long>? popPre = null, IReadOnlyList<long>? popPost = null)
    {
        long[] pre = popPre is { Count: > 0 } ? [.. popPre] : [.. connectivity.Source.Distinct().Order()];
        long[] post = popPost is { Count: > 0 } ? [.. popPost] : [.. connectivity.Target.Distinct().Order()];
        var column = new Dictionary<long, int>(pre.Length);
        for (int i = 0; i < pre.Length; i++) column.TryAdd(pre[i], i);
        var row = new Dictionary<long, int>(post.Length);
        for (int i = 0; i < post.Length; i++) row.TryAdd(post[i], i);

        // convention: pre = columns, post = rows
        var w = new double[post.Length, pre.Length];
        for (int c = 0; c < connectivity.Count; c++)
            if (row.TryGetValue(connectivity.Target[c], out int r) && column.TryGetValue(connectivity.Source[c], out int s))
                w[r, s] = connectivity.Weight[c];
        return new ConnectivityMatrix(w, pre, post);
    }

    /// <summary>
    /// The probability density of the weights over the bins delimited by <paramref name="binEdges"/>, as
    /// <c>numpy.histogram(weights, binEdges, density=True)</c>: bins [low, high) except the last, which includes its upper
    /// edge; weights outside are left out; NaN in every bin when no weight falls into a bin.
    /// </summary>
    public static double[] GetWeightDistribution(ConnectivityData connectivity, IReadOnlyList<double> binEdges) =>
        Density(connectivity.Weight, binEdges);

    /// <summary>Per-bin counts, as <c>numpy.histogram</c> (see <see cref="GetWeightDistribution"/>).</summary>
    public static long[] Histogram(ReadOnlySpan<double> values, IReadOnlyList<double> binEdges)
    {
        if (binEdges.Count < 2) throw new ArgumentException("At least two bin edges are needed.", nameof(binEdges));
        double[] edges = [.. binEdges];
        for (int i = 1; i < edges.Length; i++)
            if (!(edges[i] > edges[i - 1])) throw new ArgumentException("Bin edges must increase.", nameof(binEdges));
        var counts = new long[edges.Length - 1];
        foreach (double value in values)
        {
            if (!(value >= edges[0] && value <= edges[^1])) continue;
            int index = Array.BinarySearch(edges, value);
            int bin = index >= 0 ? index : ~index - 1;
            counts[Math.Min(bin, counts.Length - 1)]++;
        }
        return counts;
    }

    /// <summary>The density of <paramref name="values"/> over the bins (see <see cref="GetWeightDistribution"/>).</summary>
    public static double[] Density(ReadOnlySpan<double> values, IReadOnlyList<double> binEdges)
    {
        var counts = Histogram(values, binEdges);
        double total = counts.Sum();
        var density = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++) density[i] = counts[i] / total / (binEdges[i + 1] - binEdges[i]);
        return density;
    }

    /// <summary>Bin edges from <paramref name="start"/> by <paramref name="step"/> while below <paramref name="stop"/>, as <c>numpy.arange</c>.</summary>
    public static double[] Arange(double start, double stop, double step)
    {
        int n = (int)Math.Ceiling((stop - start) / step);
        var values = new double[Math.Max(0, n)];
        for (int i = 0; i < values.Length; i++) values[i] = start + i * step;
        return values;
    }

    /// <summary>Mean, standard deviation (population), min, max and median of the non-NaN values.</summary>
    public static DataStatistics Statistics(ReadOnlySpan<double> values)
    {
        var finite = new List<double>(values.Length);
        foreach (double v in values)
            if (!double.IsNaN(v)) finite.Add(v);
        if (finite.Count == 0) return new DataStatistics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = 0;
        foreach (double v in finite) mean += v;
        mean /= finite.Count;
        double squares = 0;
        foreach (double v in finite) squares += (v - mean) * (v - mean);
        finite.Sort();
        int n = finite.Count;
        double median = n % 2 == 1 ? finite[n / 2] : 0.5 * (finite[n / 2 - 1] + finite[n / 2]);
        return new DataStatistics(n, mean, Math.Sqrt(squares / n), finite[0], finite[^1], median);
    }

    /// <summary>
    /// Spikes per neuron and second in [start, stop] ms, for <paramref name="popSize"/> neurons (the figure script's
    /// <c>time_and_population_averaged_spike_rate</c>).
    /// </summary>
    public static double TimeAndPopulationAveragedSpikeRate(SpikeData spikes, (double Start, double Stop) timeInterval, int popSize)
    {
        double duration = timeInterval.Stop - timeInterval.Start;
        long events = 0;
        foreach (double t in spikes.TimesMs)
            if (t >= timeInterval.Start && t <= timeInterval.Stop) events++;
        return events / duration * 1000.0 / popSize;
    }

    // ---------------------------------------------------------------- figures

    /// <summary>matplotlib's "gray_r": white for the smallest value, black for the largest.</summary>
    public static Colormap GrayReversed { get; } = new("gray_r", false, "#ffffff", "#000000");

    /// <summary>Raster plot of the spikes with the population rate below (the figure script's <c>plot_spikes</c>).</summary>
    public static SaveResult PlotSpikes(SpikeData spikes, IgnoreAndFireParameters parameters, int recordedNeurons, string path)
    {
        double rate = TimeAndPopulationAveragedSpikeRate(spikes, (0.0, parameters.T), recordedNeurons);
        var raster = RasterPlot.Render(spikes.Senders, spikes.TimesMs, new RasterPlotOptions
        {
            Title = FormattableString.Invariant($"{parameters.NeuronModel}: time and population averaged firing rate {rate:F2} spikes/s"),
            StartMs = 0,
            StopMs = parameters.T,
            NeuronCount = recordedNeurons,
            BinWidthMs = Math.Max(parameters.Dt, parameters.T / 200.0),
            MarkerSize = 1,
        });
        return raster.Document.Save(path);
    }

    /// <summary>
    /// The weight matrix as an image, sources left to right and targets top to bottom, white for 0 and black for
    /// 150 pA or more (the colour map saturates above) (the figure script's <c>plot_connectivity_matrix</c>).
    /// </summary>
    public static SaveResult PlotConnectivityMatrix(ConnectivityMatrix matrix, string title, string path) =>
        HeatmapPlot.Save(path, matrix.W, new HeatmapPlotOptions
        {
            Title = title,
            XTitle = "source id",
            YTitle = "target id",
            ColorbarTitle = "synaptic weight (pA)",
            Colormap = GrayReversed,
            ValueRange = new DataRange(0, 150),
            FirstColumnNumber = matrix.PopPre.Length > 0 ? (int)matrix.PopPre[0] : 0,
            FirstRowNumber = matrix.PopPost.Length > 0 ? (int)matrix.PopPost[0] : 0,
        });

    /// <summary>Histogram of synaptic weights over the given bins (the figure script's weight distribution).</summary>
    public static SaveResult PlotWeightDistribution(ReadOnlySpan<double> weights, IReadOnlyList<double> binEdges, string title, string path) =>
        HistogramPlot.Save(path, weights, new HistogramPlotOptions
        {
            Title = title,
            XTitle = "synaptic weight (pA)",
            YTitle = "number of synapses",
            BinEdges = binEdges,
        });
}
