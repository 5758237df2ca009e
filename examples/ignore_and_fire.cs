#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Scalable two-population STDP network model: the C# counterpart of NEST's ignore_and_fire example workflow
// (model-ignore_and_fire.py, parameter_dict-ignore_and_fire.py, generate_reference_data-ignore_and_fire.py and
// generate_reference_figures-ignore_and_fire.py, run for both neuron models as the example's Snakefile does). The
// example's Model class is the class Model at the end of this file. (The nestsharp command's ignore-and-fire builds the
// same network with options; see src/NestSharp.Cli/Experiments/IgnoreAndFireModel.cs.)
//
// A local cortical circuit of excitatory and inhibitory neurons (Brunel [1]) whose excitatory-to-excitatory synapses
// follow power-law spike-timing-dependent plasticity (Morrison et al. [2]). With integrate-and-fire neurons
// (iaf_psc_alpha) the activity, and with it the weight distribution, depends on the network size; with ignore_and_fire
// neurons, which fire at rates and phases drawn at random whatever their input, the activity is fixed by the user and
// the network can be scaled exactly, while the plasticity still acts.
//
// [1] Brunel N (2000). Dynamics of networks of randomly connected excitatory and inhibitory spiking neurons.
//     Journal of Physiology-Paris 94(5-6):445-463.
// [2] Morrison A, Aertsen A, Diesmann M (2007). Spike-timing-dependent plasticity in balanced random networks.
//     Neural Computation 19(6):1437-1467.
//
// Run: cd examples && dotnet run ignore_and_fire.cs
// Simulates N = 1250 neurons (the smallest size of the example's scaling experiment; the example's default is 12500)
// for 10 s with each neuron model. Writes data/<neuron model>/ (spike files, connectivity before and after the
// simulation, parameters) and figures/ (raster plot, weight matrices, weight distribution; SVG and PNG) in the current directory.

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NestSharp;
using NestSharp.Numerics;
using NestSharp.Plotting;

const int N = 1250; // network size of this run

// Simulate the network with one neuron model, and store spike data, connectivity and parameters on disk
// (generate_reference_data).

static void GenerateReferenceData(string neuronModel)
{
    var parameters = new Parameters { NeuronModel = neuronModel, RecordSpikes = true, N = N };

    var modelInstance = new Model(parameters);

    Console.WriteLine($"\nneuron model: {modelInstance.Pars.NeuronModel}");

    var start = Stopwatch.GetTimestamp();
    modelInstance.Create();
    modelInstance.Connect();
    double buildTime = Stopwatch.GetElapsedTime(start).TotalSeconds;

    // connectivity at start of simulation
    int subsetSize = 2000; // number of pre- and post-synaptic neurons weights are extracted from
    var popPre = modelInstance.PopE[..Math.Min(subsetSize, modelInstance.PopE.Count)];
    var popPost = modelInstance.PopE[..Math.Min(subsetSize, modelInstance.PopE.Count)];
    var C = modelInstance.GetConnectivity(popPre, popPost, modelInstance.DataPath + "/" + "connectivity_presim.dat");

    // simulate
    start = Stopwatch.GetTimestamp();
    modelInstance.Simulate(modelInstance.Pars.T);
    double simTime = Stopwatch.GetElapsedTime(start).TotalSeconds;

    // save parameters to file
    modelInstance.SaveParameters("model_instance_parameters", modelInstance.DataPath);

    // connectivity at end of simulation
    C = modelInstance.GetConnectivity(popPre, popPost, modelInstance.DataPath + "/" + "connectivity_postsim.dat");

    Console.WriteLine($"\nbuild time: {buildTime:F2} s, simulation time: {simTime:F2} s, {C.Source.Length} E->E connections among the first {popPre.Count} excitatory neurons");
}

// Load the data written by GenerateReferenceData and plot it (generate_reference_figures).

static void GenerateReferenceFigures(string neuronModel)
{
    var parameters = new Parameters { NeuronModel = neuronModel, RecordSpikes = true, N = N };

    // fetch node ids
    var modelInstance = new Model(parameters);
    modelInstance.Create();

    // create subfolder for figures (if necessary)
    Directory.CreateDirectory("figures");
    string dataPath = modelInstance.DataPath;

    // load spikes from reference data
    var (senders, times) = Model.LoadSpikeData(dataPath, $"spikes-{modelInstance.SpikeRecorder!.Ids[0]}");
    int nRec = modelInstance.NRecSpikes;
    double rate = TimeAndPopulationAveragedSpikeRate(times, (0.0, parameters.T), nRec);
    Console.WriteLine($"\n-----> average firing rate: nu={rate:F2} /s\n");
    var raster = RasterPlot.Render(senders, times, new RasterPlotOptions
    {
        Title = FormattableString.Invariant($"{neuronModel}: time and population averaged firing rate {rate:F2} spikes/s"),
        StartMs = 0,
        StopMs = parameters.T,
        NeuronCount = nRec,
        BinWidthMs = Math.Max(parameters.Dt, parameters.T / 200.0),
        MarkerSize = 1,
    });
    Report(raster.Figure.Save($"figures/TwoPopulationNetworkPlastic_{neuronModel}_spikes.png"));

    // load connectivity from reference data
    var connectivityPresim = Model.LoadConnectivityData(dataPath, "connectivity_presim");
    var connectivityPostsim = Model.LoadConnectivityData(dataPath, "connectivity_postsim");

    // create connectivity matrices before and after simulation for a subset of neurons
    int subsetSize = 100;
    long[] popPre = [.. modelInstance.PopE.Ids.Take(subsetSize).Select(id => (long)id)];
    long[] popPost = popPre;
    var wPresim = GetConnectivityMatrix(connectivityPresim, popPre, popPost);
    var wPostsim = GetConnectivityMatrix(connectivityPostsim, popPre, popPost);

    // plot connectivity matrices (white for 0, black for 150 pA or more)
    Console.WriteLine("\nPlotting connectivity matrix...");
    foreach (var (w, when) in new[] { (wPresim, "presim"), (wPostsim, "postsim") })
    {
        Report(HeatmapPlot.Save($"figures/TwoPopulationNetworkPlastic_{neuronModel}_connectivity_{when}.png", w, new HeatmapPlotOptions
        {
            Title = $"{neuronModel}: weights {(when == "presim" ? "before" : "after")} simulation",
            XTitle = "source id",
            YTitle = "target id",
            ColorbarTitle = "synaptic weight (pA)",
            Colormap = new ScottPlot.Colormaps.GrayscaleReversed(),
            ValueRange = new DataRange(0, 150),
            FirstColumnNumber = (int)popPre[0],
            FirstRowNumber = (int)popPost[0],
        }));
    }

    // weight distributions (after the simulation: before it, all weights are I_E)
    double[] weights = [.. Enumerable.Range(0, 301).Select(i => 0.5 * i)]; // bin edges 0, 0.5, ..., 150 pA
    double[] whistPresim = Density(connectivityPresim.Weight, weights);
    double[] whistPostsim = Density(connectivityPostsim.Weight, weights);
    Console.WriteLine("\nPlotting weight distributions...");
    double[] sorted = [.. connectivityPostsim.Weight.Order()];
    double mean = sorted.Average();
    double sd = Math.Sqrt(sorted.Sum(w => (w - mean) * (w - mean)) / sorted.Length);
    double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    Console.WriteLine($"weight distribution [min,mean,median,sd,max] = [{sorted[0]:F1}, {mean:F1}, {median:F1}, {sd:F1}, {sorted[^1]:F1}] pA");
    int initialBin = Array.IndexOf(whistPresim, whistPresim.Max());
    Console.WriteLine($"density in the bin of the initial weight: {whistPresim[initialBin]:F2}/pA before, {whistPostsim[initialBin]:F2}/pA after the simulation");
    Report(HistogramPlot.Save($"figures/TwoPopulationNetworkPlastic_{neuronModel}_weight_distributions.png", connectivityPostsim.Weight, new HistogramPlotOptions
    {
        Title = $"{neuronModel}: weights after simulation",
        XTitle = "synaptic weight (pA)",
        YTitle = "number of synapses",
        BinEdges = weights,
    }));
}

// Spikes per neuron and second in [start, stop] ms (the figure script's time_and_population_averaged_spike_rate).
static double TimeAndPopulationAveragedSpikeRate(double[] times, (double Start, double Stop) timeInterval, int popSize)
{
    double D = timeInterval.Stop - timeInterval.Start;
    int nEvents = times.Count(t => t >= timeInterval.Start && t <= timeInterval.Stop);
    return nEvents / D * 1000.0 / popSize;
}

// The weight matrix W[post, pre] for the given sources (columns) and targets (rows); 0 where unconnected.
static double[,] GetConnectivityMatrix((long[] Source, long[] Target, double[] Weight) C, long[] popPre, long[] popPost)
{
    var column = popPre.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
    var row = popPost.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
    var W = new double[popPost.Length, popPre.Length];
    for (int c = 0; c < C.Source.Length; c++)
    {
        if (row.TryGetValue(C.Target[c], out int r) && column.TryGetValue(C.Source[c], out int s)) W[r, s] = C.Weight[c];
    }
    return W;
}

// numpy.histogram(values, binEdges, density=True): bins [low, high), the last one closed.
static double[] Density(double[] values, double[] binEdges)
{
    var counts = new double[binEdges.Length - 1];
    foreach (double v in values)
    {
        if (!(v >= binEdges[0] && v <= binEdges[^1])) continue;
        int index = Array.BinarySearch(binEdges, v);
        counts[Math.Min(index >= 0 ? index : ~index - 1, counts.Length - 1)]++;
    }
    double total = counts.Sum();
    return [.. counts.Select((n, i) => n / total / (binEdges[i + 1] - binEdges[i]))];
}

static void Report(SaveResult saved) =>
    Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");

foreach (string neuronModel in new[] { "iaf_psc_alpha", "ignore_and_fire" })
{
    GenerateReferenceData(neuronModel);
    GenerateReferenceFigures(neuronModel);
}

/// <summary>The example's default parameters (parameter_dict-ignore_and_fire.py), with the names it stores them under.</summary>
internal sealed record Parameters
{
    // network and connectivity parameters
    public int N { get; init; } = 12500; // total number of neurons
    public int K { get; init; } = 1250; // total number of inputs per neuron
    public double Beta { get; init; } = 0.8; // fraction of excitatory neurons (and inputs)
    public bool AllowAutapses { get; init; }
    public bool AllowMultapses { get; init; } = true;

    // neuron parameters
    public string NeuronModel { get; init; } = "ignore_and_fire";
    public double E_L { get; init; } // resting potential (mV)
    public double C_m { get; init; } = 250.0; // membrane capacitance (pF)
    public double Tau_m { get; init; } = 20.0; // membrane time constant (ms)
    public double T_ref { get; init; } = 2.0; // duration of refractory period (ms)
    public double Theta { get; init; } = 20.0; // spike threshold (mV)
    public double V_reset { get; init; } // reset potential (mV)
    public double[] RateDist { get; init; } = [0.5, 1.5]; // ignore_and_fire: range of firing rates (spikes/s)
    public double[] PhaseDist { get; init; } = [0.01, 1.0]; // ignore_and_fire: range of firing phases

    // stimulus parameters
    public double I_DC { get; init; } // constant input current (pA)
    public double Eta { get; init; } = 1.2; // rate of external Poissonian sources relative to threshold rate

    // synapse parameters
    public double J_E { get; init; } = 0.5; // excitatory PSP amplitude (mV)
    public double G { get; init; } = 10.0; // relative inhibitory synaptic strength
    public double Delay { get; init; } = 1.5; // spike transmission delay (ms)
    public double Tau_s { get; init; } = 2.0; // synaptic time constant (ms)
    public double StdpAlpha { get; init; } = 0.1; // relative strength of depression
    public double StdpLambda { get; init; } = 20.0; // learning rate
    public double StdpMuPlus { get; init; } = 0.4; // weight dependence exponent of potentiation
    public double StdpTauPlus { get; init; } = 15.0; // time constant of potentiation (ms)
    public double StdpTauMinus { get; init; } = 30.0; // time constant of depression (ms)

    // initial conditions
    public double V_init_min { get; init; } // minimum of initial membrane potentials (mV)
    public double V_init_max { get; init; } = 20.0; // maximum of initial membrane potentials (mV)

    // data recording and simulation
    public bool RecordSpikes { get; init; }
    public int? N_rec_spikes { get; init; } // number of neurons spikes are recorded from (all when null)
    public double T { get; init; } = 10000.0; // simulation time (ms)
    public double Dt { get; init; } = 2.0 * 2.0 * 2.0 / 64.0; // simulation resolution (ms), 0.125
    public int TicsPerStep { get; init; } = 128;
    public long Seed { get; init; } = 1;
    public int NThreads { get; init; } = 4;
    public bool PrintSimulationProgress { get; init; } = true;
    public string DataPath { get; init; } = "data";
}

/// <summary>
/// The network of model-ignore_and_fire.py's Model class: N_E = beta N excitatory and N_I = N - N_E inhibitory neurons
/// with fixed in-degrees, external Poisson input at eta times the threshold rate, and power-law STDP on the
/// excitatory-to-excitatory synapses.
/// </summary>
internal sealed class Model
{
    public Model(Parameters pars)
    {
        Console.WriteLine("\nInitialising model and simulation...");
        Pars = pars;

        // set parameters derived from base parameters
        NE = (int)(pars.Beta * pars.N); // number of excitatory neurons
        NI = pars.N - NE; // number of inhibitory neurons
        KE = (int)(pars.Beta * pars.K); // number of excitatory inputs per neuron
        KI = pars.K - KE; // number of inhibitory inputs per neuron
        JUnit = PostSynapticPotential.UnitAlphaCurrentAsIgnoreAndFireExample(pars.Tau_m, pars.C_m, pars.Tau_s); // unit PSP amplitude
        IE = pars.J_E / JUnit; // EPSC amplitude for local inputs (pA)
        II = -pars.G * IE; // IPSC amplitude (pA)
        IX = IE; // EPSC amplitude for external inputs (pA)
        NuTheta = 1000.0 * pars.Theta * pars.C_m / (IX * Math.Exp(1.0) * pars.Tau_m * pars.Tau_s); // threshold rate (spikes/s)
        NuX = pars.Eta * NuTheta; // rate of external Poissonian sources (spikes/s)
        NRecSpikes = pars.N_rec_spikes ?? pars.N;
        DataPath = Path.Combine(pars.DataPath, pars.NeuronModel);

        // create data directory (if necessary)
        Directory.CreateDirectory(DataPath);

        // initialize NEST kernel
        Nest.SetKernelStatus(new()
        {
            ["tics_per_ms"] = 1.0 * pars.TicsPerStep / pars.Dt,
            ["resolution"] = pars.Dt,
            ["print_time"] = pars.PrintSimulationProgress,
            ["local_num_threads"] = pars.NThreads,
            ["rng_seed"] = pars.Seed,
            ["dict_miss_is_error"] = true,
            ["data_path"] = Path.GetFullPath(DataPath),
            ["overwrite_files"] = true,
        });
    }

    public Parameters Pars { get; }
    public Simulator Nest { get; } = new();
    public int NE { get; }
    public int NI { get; }
    public int KE { get; }
    public int KI { get; }
    public double JUnit { get; }
    public double IE { get; }
    public double II { get; }
    public double IX { get; }
    public double NuTheta { get; }
    public double NuX { get; }
    public int NRecSpikes { get; }
    public string DataPath { get; }
    public NodeCollection PopAll { get; private set; } = null!;
    public NodeCollection PopE { get; private set; } = null!;
    public NodeCollection PopI { get; private set; } = null!;
    public NodeCollection Poisson { get; private set; } = null!;
    public NodeCollection? SpikeRecorder { get; private set; }

    // Create and configure all network nodes (neurons + recording and stimulus devices), the synapse models, and the
    // initial conditions.
    public void Create()
    {
        var p = Pars;
        Console.WriteLine("\nCreating and configuring nodes...");

        // create neuron populations
        if (p.NeuronModel == "iaf_psc_alpha")
        {
            PopAll = Nest.Create("iaf_psc_alpha", p.N, new()
            {
                ["V_th"] = p.Theta,
                ["E_L"] = p.E_L,
                ["V_reset"] = p.V_reset,
                ["tau_m"] = p.Tau_m,
                ["t_ref"] = p.T_ref,
                ["C_m"] = p.C_m,
                ["tau_syn_ex"] = p.Tau_s,
                ["tau_syn_in"] = p.Tau_s,
                ["I_e"] = p.I_DC,
                ["tau_minus"] = p.StdpTauMinus,
                ["V_m"] = p.V_init_min,
            });
            PopAll.Set("V_m", Nest.Random.Uniform(p.V_init_min, p.V_init_max)); // random initial membrane potentials
        }
        else
        {
            PopAll = Nest.Create(p.NeuronModel, p.N);
            PopAll.Set("rate", Nest.Random.Uniform(p.RateDist[0], p.RateDist[1]));
            PopAll.Set("phase", Nest.Random.Uniform(p.PhaseDist[0], p.PhaseDist[1]));
        }
        PopE = PopAll[..NE]; // population of excitatory neurons
        PopI = PopAll[NE..]; // population of inhibitory neurons

        // create external Poissonian sources (stimulus)
        Poisson = Nest.Create("poisson_generator", 1, new() { ["rate"] = NuX });

        // create recording devices
        if (p.RecordSpikes) SpikeRecorder = Nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["label"] = "spikes" });

        // configure connections
        Nest.CopyModel("stdp_pl_synapse_hom_hpc", "excitatory_plastic", new()
        {
            ["weight"] = IE,
            ["delay"] = p.Delay,
            ["alpha"] = p.StdpAlpha,
            ["lambda"] = p.StdpLambda,
            ["mu"] = p.StdpMuPlus,
            ["tau_plus"] = p.StdpTauPlus,
        });
        Nest.CopyModel("static_synapse_hpc", "excitatory_static", new() { ["weight"] = IE, ["delay"] = p.Delay });
        Nest.CopyModel("static_synapse_hpc", "inhibitory", new() { ["weight"] = II, ["delay"] = p.Delay });
        Nest.CopyModel("static_synapse_hpc", "external", new() { ["weight"] = IX, ["delay"] = p.Delay });
    }

    // Connect network and devices; Prepare and Cleanup build the delivery structures, so that it counts as connection time.
    public void Connect()
    {
        var p = Pars;
        Console.WriteLine("\nConnecting network and devices...");
        Dictionary<string, object> FixedIndegree(int indegree) => new()
        {
            ["rule"] = "fixed_indegree",
            ["indegree"] = indegree,
            ["allow_autapses"] = p.AllowAutapses,
            ["allow_multapses"] = p.AllowMultapses,
        };

        Nest.Connect(PopE, PopE, FixedIndegree(KE), "excitatory_plastic"); // EE connections (plastic)
        Nest.Connect(PopE, PopI, FixedIndegree(KE), "excitatory_static"); // EI connections (static)
        Nest.Connect(PopI, PopAll, FixedIndegree(KI), "inhibitory"); // IE and II connections (static)
        Nest.Connect(Poisson, PopAll, syn: "external"); // external Poissonian sources (stimulus)
        if (SpikeRecorder is not null) Nest.Connect(PopAll[..Math.Min(NRecSpikes, p.N)], SpikeRecorder); // the first N_rec_spikes neurons

        Nest.Prepare();
        Nest.Cleanup();
    }

    public void Simulate(double tSim)
    {
        Console.WriteLine("\nSimulating...");
        Nest.Simulate(tSim);
    }

    // All parameters, base and derived, as JSON in path/filenameRoot.json.
    public void SaveParameters(string filenameRoot, string path)
    {
        var all = new Dictionary<string, object?>
        {
            ["parameters"] = Pars,
            ["N_E"] = NE, ["N_I"] = NI, ["K_E"] = KE, ["K_I"] = KI,
            ["J_unit"] = JUnit, ["I_E"] = IE, ["I_I"] = II, ["I_X"] = IX, ["nu_theta"] = NuTheta, ["nu_X"] = NuX,
            ["N_rec_spikes"] = NRecSpikes, ["data_path"] = DataPath,
        };
        File.WriteAllText(Path.Combine(path, filenameRoot + ".json"), JsonSerializer.Serialize(all, IndentedJson));
    }

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    // The connections from popPre to popPost (source, target, weight, delay), written to filename as numpy.savetxt
    // writes them (header line, then "%d\t%d\t%.3e\t%.3e").
    public (long[] Source, long[] Target, double[] Weight) GetConnectivity(NodeCollection popPre, NodeCollection popPost, string filename)
    {
        Console.WriteLine("Extracting connectivity...");
        var conns = Nest.GetConnections(source: popPre, target: popPost);
        var (source, target, weight, delay) = (conns.Source, conns.Target, conns.Weight, conns.Delay); // each a new array
        var text = new StringBuilder("#  source \t target \t weight \tdelay (ms)\n");
        for (int i = 0; i < source.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{source[i]}\t{target[i]}\t{weight[i]:0.000e+00}\t{delay[i]:0.000e+00}\n");
        }
        File.WriteAllText(filename, text.ToString());
        return (source, target, weight);
    }

    // Spikes (senders, times) from the spike recorder's ASCII files path/label*.dat.
    public static (long[] Senders, double[] Times) LoadSpikeData(string path, string label)
    {
        Console.WriteLine("Loading spike data...");
        var rows = DataFiles(path, label)
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0 && char.IsAsciiDigit(line[0])) // skip the comment and header lines
            .Select(line => line.Split('\t'))
            .ToArray();
        return ([.. rows.Select(f => long.Parse(f[0], CultureInfo.InvariantCulture))], [.. rows.Select(f => double.Parse(f[1], CultureInfo.InvariantCulture))]);
    }

    // Connections (source, target, weight, delay) from the files path/label*.dat written by GetConnectivity.
    public static (long[] Source, long[] Target, double[] Weight) LoadConnectivityData(string path, string label)
    {
        Console.WriteLine("Loading connectivity data...");
        var rows = DataFiles(path, label)
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToArray();
        return (
            [.. rows.Select(f => long.Parse(f[0], CultureInfo.InvariantCulture))],
            [.. rows.Select(f => long.Parse(f[1], CultureInfo.InvariantCulture))],
            [.. rows.Select(f => double.Parse(f[2], CultureInfo.InvariantCulture))]);
    }

    private static IEnumerable<string> DataFiles(string path, string label) =>
        Directory.EnumerateFiles(path, label + "*.dat").Order(StringComparer.Ordinal);
}
