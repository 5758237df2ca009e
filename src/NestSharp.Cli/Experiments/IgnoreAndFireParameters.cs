using System.Text.Json.Serialization;

namespace NestSharp.Cli.Experiments;

/// <summary>
/// Base parameters of the two-population STDP network (<c>TwoPopulationNetworkPlastic</c>) with the defaults of NEST's
/// example (<c>parameter_dict-ignore_and_fire.py</c>). The JSON names are the example's dictionary keys, so a saved
/// parameter file reads like the example's <c>model_instance_parameters.json</c>. Units: mV, pF, ms, pA, spikes/s.
/// </summary>
public sealed record IgnoreAndFireParameters
{
    /// <summary>Neuron models the network can be built from.</summary>
    public static IReadOnlyList<string> NeuronModels { get; } = ["iaf_psc_alpha", "ignore_and_fire"];

    /// <summary>Network model name.</summary>
    [JsonPropertyName("model_name")] public string ModelName { get; init; } = "TwoPopulationNetworkPlastic";

    // network and connectivity parameters

    /// <summary>Total number of neurons.</summary>
    [JsonPropertyName("N")] public int N { get; init; } = 12500;

    /// <summary>Total number of inputs per neuron from the local network.</summary>
    [JsonPropertyName("K")] public int K { get; init; } = 1250;

    /// <summary>Fraction of excitatory neurons and of excitatory inputs.</summary>
    [JsonPropertyName("beta")] public double Beta { get; init; } = 0.8;

    /// <summary>Whether a neuron may connect to itself.</summary>
    [JsonPropertyName("allow_autapses")] public bool AllowAutapses { get; init; }

    /// <summary>Whether a pair of neurons may be connected more than once.</summary>
    [JsonPropertyName("allow_multapses")] public bool AllowMultapses { get; init; } = true;

    // neuron parameters

    /// <summary>"ignore_and_fire" (the example's default) or "iaf_psc_alpha".</summary>
    [JsonPropertyName("neuron_model")] public string NeuronModel { get; init; } = "ignore_and_fire";

    /// <summary>Resting membrane potential (mV).</summary>
    [JsonPropertyName("E_L")] public double EL { get; init; }

    /// <summary>Membrane capacitance (pF).</summary>
    [JsonPropertyName("C_m")] public double CM { get; init; } = 250.0;

    /// <summary>Membrane time constant (ms).</summary>
    [JsonPropertyName("tau_m")] public double TauM { get; init; } = 20.0;

    /// <summary>Duration of the refractory period (ms).</summary>
    [JsonPropertyName("t_ref")] public double TRef { get; init; } = 2.0;

    /// <summary>Spike threshold (mV).</summary>
    [JsonPropertyName("theta")] public double Theta { get; init; } = 20.0;

    /// <summary>Reset potential (mV).</summary>
    [JsonPropertyName("V_reset")] public double VReset { get; init; }

    /// <summary>Ranges the ignore_and_fire neurons' rates and phases are drawn from.</summary>
    [JsonPropertyName("ignore_and_fire_pars")] public IgnoreAndFireDistributions IgnoreAndFirePars { get; init; } = new();

    // stimulus parameters

    /// <summary>(Constant) external input current (pA).</summary>
    [JsonPropertyName("I_DC")] public double IDC { get; init; }

    /// <summary>Rate of the external Poissonian sources relative to the threshold rate.</summary>
    [JsonPropertyName("eta")] public double Eta { get; init; } = 1.2;

    // synapse parameters

    /// <summary>EPSP amplitude (mV).</summary>
    [JsonPropertyName("J_E")] public double JE { get; init; } = 0.5;

    /// <summary>Relative IPSP amplitude (J_I = -g J_E).</summary>
    [JsonPropertyName("g")] public double G { get; init; } = 10.0;

    /// <summary>Spike transmission delay (ms).</summary>
    [JsonPropertyName("delay")] public double Delay { get; init; } = 1.5;

    /// <summary>Synaptic time constant (ms).</summary>
    [JsonPropertyName("tau_s")] public double TauS { get; init; } = 2.0;

    /// <summary>Relative magnitude of the weight update for acausal firing.</summary>
    [JsonPropertyName("stdp_alpha")] public double StdpAlpha { get; init; } = 0.1;

    /// <summary>Magnitude of the weight update for causal firing.</summary>
    [JsonPropertyName("stdp_lambda")] public double StdpLambda { get; init; } = 20.0;

    /// <summary>Weight-dependence exponent for causal firing.</summary>
    [JsonPropertyName("stdp_mu_plus")] public double StdpMuPlus { get; init; } = 0.4;

    /// <summary>Time constant of the weight update for causal firing (ms).</summary>
    [JsonPropertyName("stdp_tau_plus")] public double StdpTauPlus { get; init; } = 15.0;

    /// <summary>Time constant of the weight update for acausal firing (ms); set on iaf_psc_alpha neurons as tau_minus.</summary>
    [JsonPropertyName("stdp_tau_minus")] public double StdpTauMinus { get; init; } = 30.0;

    /// <summary>Reference weight (pA); documented by the example, not passed to NEST (stdp_pl_synapse_hom has no such parameter).</summary>
    [JsonPropertyName("stdp_w_0")] public double StdpW0 { get; init; } = 1.0;

    // initial conditions

    /// <summary>Minimum of the initial membrane potentials (mV), the example's E_L.</summary>
    [JsonPropertyName("V_init_min")] public double VInitMin { get; init; }

    /// <summary>Maximum of the initial membrane potentials (mV), the example's theta.</summary>
    [JsonPropertyName("V_init_max")] public double VInitMax { get; init; } = 20.0;

    // data recording

    /// <summary>If true, a spike recorder writes the spikes of the first <see cref="NRecSpikes"/> neurons to ASCII files.</summary>
    [JsonPropertyName("record_spikes")] public bool RecordSpikes { get; init; }

    /// <summary>Number of neurons spikes are recorded from; null records all (the example's "all").</summary>
    [JsonPropertyName("N_rec_spikes")] public int? NRecSpikes { get; init; }

    // simulation parameters

    /// <summary>Simulation time (ms).</summary>
    [JsonPropertyName("T")] public double T { get; init; } = 10000.0;

    /// <summary>Simulation resolution (ms), 2^-3.</summary>
    [JsonPropertyName("dt")] public double Dt { get; init; } = 0.125;

    /// <summary>Number of tics per time step, 2^7 (defines the resolution of time variables: tics_per_ms = tics_per_step / dt).</summary>
    [JsonPropertyName("tics_per_step")] public int TicsPerStep { get; init; } = 128;

    /// <summary>Seed of the random number generators (kernel rng_seed).</summary>
    [JsonPropertyName("seed")] public long Seed { get; init; } = 1;

    /// <summary>Threads for the simulation (kernel local_num_threads). In NestSharp, unlike NEST, the results do not depend on it.</summary>
    [JsonPropertyName("n_threads")] public int NThreads { get; init; } = 4;

    /// <summary>Print network time and real-time factor while simulating (kernel print_time).</summary>
    [JsonPropertyName("print_simulation_progress")] public bool PrintSimulationProgress { get; init; } = true;

    /// <summary>NEST's message verbosity; kept for the parameter file, NestSharp has no such setting.</summary>
    [JsonPropertyName("nest_verbosity")] public string NestVerbosity { get; init; } = "M_WARNING";

    /// <summary>Root of the data directory; the model writes into data_path/neuron_model.</summary>
    [JsonPropertyName("data_path")] public string DataPath { get; init; } = "data";
}

/// <summary>The example's <c>ignore_and_fire_pars</c>: uniform ranges of the neurons' firing rates and phases.</summary>
public sealed record IgnoreAndFireDistributions
{
    /// <summary>Range [min, max] of the firing rates (spikes/s).</summary>
    [JsonPropertyName("rate_dist")] public IReadOnlyList<double> RateDist { get; init; } = [0.5, 1.5];

    /// <summary>Range [min, max] of the phases (fraction of the period to the first spike).</summary>
    [JsonPropertyName("phase_dist")] public IReadOnlyList<double> PhaseDist { get; init; } = [0.01, 1.0];
}

/// <summary>
/// Parameters derived from <see cref="IgnoreAndFireParameters"/> as the example's <c>__derived_parameters</c> does:
/// population sizes, in-degrees, the PSC amplitudes that give the wanted PSP amplitudes, and the external rate.
/// </summary>
/// <param name="NE">Number of excitatory neurons, int(beta N).</param>
/// <param name="NI">Number of inhibitory neurons, N - N_E.</param>
/// <param name="KE">Number of excitatory inputs per neuron, int(beta K).</param>
/// <param name="KI">Number of inhibitory inputs per neuron, K - K_E.</param>
/// <param name="JUnit">PSP amplitude (mV) of a PSC of 1 pA (<see cref="NestSharp.Numerics.PostSynapticPotential.UnitAlphaCurrentAsIgnoreAndFireExample"/>).</param>
/// <param name="IE">EPSC amplitude of local inputs (pA), J_E / J_unit: the initial weight of all excitatory synapses.</param>
/// <param name="II">IPSC amplitude (pA), -g I_E.</param>
/// <param name="IX">EPSC amplitude of external inputs (pA), I_E.</param>
/// <param name="NuTheta">Rate of external input (spikes/s) that holds the mean membrane potential at threshold: 1000 theta C_m / (I_X e tau_m tau_s).</param>
/// <param name="NuX">Rate of the external Poissonian source (spikes/s), eta nu_theta.</param>
/// <param name="NRecSpikes">Number of neurons spikes are recorded from (N when recording from all).</param>
/// <param name="DataPath">The directory written to: data_path/neuron_model.</param>
public sealed record IgnoreAndFireDerivedParameters(
    int NE, int NI, int KE, int KI, double JUnit, double IE, double II, double IX, double NuTheta, double NuX, int NRecSpikes, string DataPath);
