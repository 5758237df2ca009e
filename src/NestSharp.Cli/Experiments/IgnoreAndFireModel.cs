using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NestSharp.Cli.Recording;
using NestSharp.Numerics;

namespace NestSharp.Cli.Experiments;

/// <summary>The nodes of an <see cref="IgnoreAndFireModel"/> after <see cref="IgnoreAndFireModel.Create"/>.</summary>
/// <param name="PopAll">All N neurons: the excitatory ones first, then the inhibitory ones.</param>
/// <param name="PopE">The N_E excitatory neurons.</param>
/// <param name="PopI">The N_I inhibitory neurons.</param>
/// <param name="Poisson">The external Poissonian source (one poisson_generator, an independent train per target).</param>
/// <param name="SpikeRecorder">The spike recorder (label "spikes", ASCII files), or null when spikes are not recorded.</param>
public sealed record IgnoreAndFireNodes(
    NodeCollection PopAll, NodeCollection PopE, NodeCollection PopI, NodeCollection Poisson, NodeCollection? SpikeRecorder);

// This file holds the network (parameters, nodes, connections, simulation); IgnoreAndFireModel.DataFiles.cs its data
// files, IgnoreAndFireModel.Figures.cs the analysis of its data and the figures.
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
        {
            throw new ArgumentException(
                $"neuron_model must be one of {string.Join(", ", IgnoreAndFireParameters.NeuronModels)}; got '{parameters.NeuronModel}'.", nameof(parameters));
        }

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
        double jUnit = PostSynapticPotential.UnitAlphaCurrentAsIgnoreAndFireExample(p.TauM, p.CM, p.TauS); // unit PSP amplitude
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
    /// Takes the nodes of a network restored from a checkpoint of this model (<see cref="Simulator.LoadCheckpoint"/>):
    /// the ids <see cref="Create"/> gives them.
    /// </summary>
    public void UseRestoredNodes()
    {
        if (_nodes is not null) throw new InvalidOperationException("Create() has been called already.");
        var p = Parameters;
        var d = Derived;
        var popAll = Nest.Nodes([.. Enumerable.Range(1, p.N)]);
        int next = p.N + 1;
        var poisson = Nest.Nodes(next++);
        var spikeRecorder = p.RecordSpikes ? Nest.Nodes(next) : null;
        _nodes = new IgnoreAndFireNodes(popAll, popAll[..d.NE], popAll[d.NE..], poisson, spikeRecorder);
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
}
