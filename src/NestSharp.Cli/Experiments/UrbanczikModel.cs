namespace NestSharp.Cli.Experiments;

/// <summary>
/// The parameters and the helper functions of NEST's urbanczik_synapse_example.py (Fig. 1B of Urbanczik and Senn 2014
/// in NEST's standard units): the neuron, the synapse, the somatic teacher input and the quantities the figure shows.
/// </summary>
public static class UrbanczikModel
{
    /// <summary>The two-compartment neuron model the example trains.</summary>
    public const string NeuronModel = "pp_cond_exp_mc_urbanczik";

    /// <summary>The plastic synapse model of the dendritic inputs, Urbanczik and Senn's rule.</summary>
    public const string SynapseModel = "urbanczik_synapse";

    /// <summary>The plastic synapse model the example copies from urbanczik_synapse with a weight_recorder.</summary>
    public const string RecordedSynapseModel = "urbanczik_synapse_wr";

    /// <summary>The simulation step (ms).</summary>
    public const double Resolution = 0.1;

    // neuron parameters

    /// <summary>Refractory period t_ref (ms).</summary>
    public const double TRef = 3.0;

    /// <summary>Soma-to-dendrite coupling conductance g_sp (nS).</summary>
    public const double GSp = 600.0;

    /// <summary>Initial somatic membrane potential, soma V_m (mV).</summary>
    public const double SomaVm = -70.0;

    /// <summary>Somatic membrane capacitance, soma C_m (pF).</summary>
    public const double SomaCm = 300.0;

    /// <summary>Somatic resting potential, soma E_L (mV).</summary>
    public const double SomaEL = -70.0;

    /// <summary>Somatic leak conductance, soma g_L (nS).</summary>
    public const double SomaGL = 30.0;

    /// <summary>Reversal potential of the excitatory somatic conductance, soma E_ex (mV).</summary>
    public const double SomaEEx = 0.0;

    /// <summary>Reversal potential of the inhibitory somatic conductance, soma E_in (mV).</summary>
    public const double SomaEIn = -75.0;

    /// <summary>Decay time constant of the excitatory somatic conductance, soma tau_syn_ex (ms).</summary>
    public const double SomaTauSynEx = 3.0;

    /// <summary>Decay time constant of the inhibitory somatic conductance, soma tau_syn_in (ms).</summary>
    public const double SomaTauSynIn = 3.0;

    /// <summary>Initial dendritic membrane potential, dendritic V_m (mV).</summary>
    public const double DendriticVm = -70.0;

    /// <summary>Dendritic membrane capacitance, dendritic C_m (pF); the synaptic weights below are multiples of it.</summary>
    public const double DendriteCm = 300.0;

    /// <summary>Dendritic resting potential, dendritic E_L (mV).</summary>
    public const double DendriteEL = -70.0;

    /// <summary>Dendritic leak conductance, dendritic g_L (nS).</summary>
    public const double DendriteGL = 30.0;

    /// <summary>Decay time constant of the excitatory dendritic input current, dendritic tau_syn_ex (ms).</summary>
    public const double DendriteTauSynEx = 3.0;

    /// <summary>Decay time constant of the inhibitory dendritic input current, dendritic tau_syn_in (ms).</summary>
    public const double DendriteTauSynIn = 3.0;

    // parameters of the rate function phi(U) = phi_max / (1 + k·exp(beta·(theta - U)))

    /// <summary>Maximum rate phi_max (1/ms).</summary>
    public const double PhiMax = 0.15;

    /// <summary>rate_slope, called k in the paper.</summary>
    public const double RateSlope = 0.5;

    /// <summary>Steepness beta of the rate function (1/mV).</summary>
    public const double Beta = 1.0 / 3.0;

    /// <summary>Potential theta at which the rate function turns (mV).</summary>
    public const double Theta = -55.0;

    // synapse parameters

    /// <summary>Initial weight of the plastic dendritic synapses (pA).</summary>
    public const double InitialWeight = 0.3 * DendriteCm;

    /// <summary>Time constant tau_Delta of the low-pass filter of the weight change (ms).</summary>
    public const double TauDelta = 100.0;

    /// <summary>Learning rate eta.</summary>
    public const double Eta = 0.17;

    /// <summary>Largest weight Wmax of the plastic synapses (pA).</summary>
    public const double Wmax = 4.5 * DendriteCm;

    // somatic input (the teacher)

    /// <summary>Amplitude of the sine that sets the weight of the excitatory teacher's spikes, added to the somatic g_ex (nS).</summary>
    public const double ExcitatoryAmplitude = 0.016 * DendriteCm;

    /// <summary>Offset around which the excitatory teacher's spike weight swings (nS).</summary>
    public const double ExcitatoryOffset = 0.018 * DendriteCm;

    /// <summary>Weight of the inhibitory teacher's spikes while the teacher is on, added to the somatic g_in (nS).</summary>
    public const double InhibitoryAmplitude = 0.06 * DendriteCm;

    // dendritic input: the spike pattern of n_pg Poisson generators

    /// <summary>Number of Poisson generators whose spike trains form the dendritic input pattern (the example's n_pg).</summary>
    public const int PatternGenerators = 200;

    /// <summary>Rate of each pattern generator (Hz).</summary>
    public const double PatternRate = 10.0;

    /// <summary>The neuron's status dictionary (the example's nrn_params), compartments as sub-dictionaries.</summary>
    public static Dictionary<string, object> NeuronParameters() => new()
    {
        ["t_ref"] = TRef,
        ["g_sp"] = GSp,
        ["soma"] = new Dictionary<string, object>
        {
            ["V_m"] = SomaVm, ["C_m"] = SomaCm, ["E_L"] = SomaEL, ["g_L"] = SomaGL, ["E_ex"] = SomaEEx, ["E_in"] = SomaEIn,
            ["tau_syn_ex"] = SomaTauSynEx, ["tau_syn_in"] = SomaTauSynIn,
        },
        ["dendritic"] = new Dictionary<string, object>
        {
            ["V_m"] = DendriticVm, ["C_m"] = DendriteCm, ["E_L"] = DendriteEL, ["g_L"] = DendriteGL,
            ["tau_syn_ex"] = DendriteTauSynEx, ["tau_syn_in"] = DendriteTauSynIn,
        },
        ["phi_max"] = PhiMax,
        ["rate_slope"] = RateSlope,
        ["beta"] = Beta,
        ["theta"] = Theta,
    };

    /// <summary>Weight of the spike generator that drives the inhibitory somatic conductance at time <paramref name="t"/>.</summary>
    public static double InhibitoryTeacher(double t, double tStart, double tEnd) => t >= tStart && t < tEnd ? InhibitoryAmplitude : 0.0;

    /// <summary>Weight of the spike generator that drives the excitatory somatic conductance: a sine of frequency <paramref name="frequency"/> (rad/ms).</summary>
    public static double ExcitatoryTeacher(double t, double frequency, double tStart, double tEnd) =>
        t >= tStart && t < tEnd ? ExcitatoryAmplitude * Math.Sin(frequency * t) + ExcitatoryOffset : 0.0;

    /// <summary>The matching potential U_M the somatic conductances set: (g_E·E_E + g_I·E_I) / (g_E + g_I).</summary>
    public static double MatchingPotential(double gE, double gI) => (gE * SomaEEx + gI * SomaEIn) / (gE + gI);

    /// <summary>The dendritic prediction of the somatic potential, V_W* = (g_L·E_L + g_D·V_W) / (g_L + g_D).</summary>
    public static double DendriticPrediction(double vW) => (SomaGL * SomaEL + GSp * vW) / (SomaGL + GSp);

    /// <summary>The somatic rate function phi(U) (1/ms).</summary>
    public static double Phi(double u) => PhiMax / (1.0 + RateSlope * Math.Exp(Beta * (Theta - u)));

    /// <summary>h(U), the factor of the prediction error in the plasticity rule (the derivative of log phi, times 15).</summary>
    public static double H(double u) => 15.0 * Beta / (1.0 + Math.Exp(-Beta * (Theta - u)) / RateSlope);
}
