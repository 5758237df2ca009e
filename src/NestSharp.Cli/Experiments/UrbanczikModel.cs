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

    /// <summary>
    /// The soma: V_m -70 mV, C_m 300 pF, E_L -70 mV, g_L 30 nS, tau_syn_ex and tau_syn_in 3 ms, and the reversal
    /// potentials of its conductances, E_ex 0 mV and E_in -75 mV.
    /// </summary>
    public static readonly UrbanczikCompartment Soma = new(-70.0, 300.0, -70.0, 30.0, 3.0, 3.0, EEx: 0.0, EIn: -75.0);

    /// <summary>
    /// The dendrite: V_m -70 mV, C_m 300 pF (the synaptic weights below are multiples of it), E_L -70 mV, g_L 30 nS,
    /// tau_syn_ex and tau_syn_in 3 ms (of its input currents).
    /// </summary>
    public static readonly UrbanczikCompartment Dendrite = new(-70.0, DendriteCm, -70.0, 30.0, 3.0, 3.0);

    /// <summary>Dendritic membrane capacitance, dendritic C_m (pF); the synaptic weights below are multiples of it.</summary>
    public const double DendriteCm = 300.0;

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
        ["soma"] = Soma.Status(),
        ["dendritic"] = Dendrite.Status(),
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
    public static double MatchingPotential(double gE, double gI) => (gE * Soma.EEx!.Value + gI * Soma.EIn!.Value) / (gE + gI);

    /// <summary>The dendritic prediction of the somatic potential, V_W* = (g_L·E_L + g_D·V_W) / (g_L + g_D).</summary>
    public static double DendriticPrediction(double vW) => (Soma.GL * Soma.EL + GSp * vW) / (Soma.GL + GSp);

    /// <summary>The somatic rate function phi(U) (1/ms).</summary>
    public static double Phi(double u) => PhiMax / (1.0 + RateSlope * Math.Exp(Beta * (Theta - u)));

    /// <summary>h(U), the factor of the prediction error in the plasticity rule (the derivative of log phi, times 15).</summary>
    public static double H(double u) => 15.0 * Beta / (1.0 + Math.Exp(-Beta * (Theta - u)) / RateSlope);
}

/// <summary>
/// The parameters of one compartment of pp_cond_exp_mc_urbanczik as NEST's urbanczik_synapse_example.py sets them
/// (its status sub-dictionary "soma" or "dendritic").
/// </summary>
/// <param name="Vm">Initial membrane potential V_m (mV).</param>
/// <param name="Cm">Membrane capacitance C_m (pF).</param>
/// <param name="EL">Resting potential E_L (mV).</param>
/// <param name="GL">Leak conductance g_L (nS).</param>
/// <param name="TauSynEx">Decay time constant of the excitatory input, tau_syn_ex (ms).</param>
/// <param name="TauSynIn">Decay time constant of the inhibitory input, tau_syn_in (ms).</param>
/// <param name="EEx">Reversal potential of the excitatory conductance, E_ex (mV), for a compartment with conductances.</param>
/// <param name="EIn">Reversal potential of the inhibitory conductance, E_in (mV), for a compartment with conductances.</param>
public sealed record UrbanczikCompartment(
    double Vm, double Cm, double EL, double GL, double TauSynEx, double TauSynIn, double? EEx = null, double? EIn = null)
{
    /// <summary>The compartment's status dictionary, in the example's order of keys.</summary>
    public Dictionary<string, object> Status()
    {
        var status = new Dictionary<string, object> { ["V_m"] = Vm, ["C_m"] = Cm, ["E_L"] = EL, ["g_L"] = GL };
        if (EEx is { } eEx) status["E_ex"] = eEx;
        if (EIn is { } eIn) status["E_in"] = eIn;
        status["tau_syn_ex"] = TauSynEx;
        status["tau_syn_in"] = TauSynIn;
        return status;
    }
}
