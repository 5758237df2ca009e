namespace NestSharp.Cli.Experiments;

/// <summary>
/// The parameters and the helper functions of NEST's urbanczik_synapse_example.py (Fig. 1B of Urbanczik and Senn 2014
/// in NEST's standard units): the neuron, the synapse, the somatic teacher input and the quantities the figure shows.
/// </summary>
public static class UrbanczikModel
{
    public const string NeuronModel = "pp_cond_exp_mc_urbanczik";
    public const string SynapseModel = "urbanczik_synapse";

    /// <summary>The plastic synapse model the example copies from urbanczik_synapse with a weight_recorder.</summary>
    public const string RecordedSynapseModel = "urbanczik_synapse_wr";

    public const double Resolution = 0.1; // ms

    // neuron parameters
    public const double TRef = 3.0; // refractory period
    public const double GSp = 600.0; // soma-to-dendritic coupling conductance
    public const double SomaVm = -70.0; // initial value of V_m
    public const double SomaCm = 300.0; // capacitance of membrane
    public const double SomaEL = -70.0; // resting potential
    public const double SomaGL = 30.0; // somatic leak conductance
    public const double SomaEEx = 0.0; // resting potential for exc input
    public const double SomaEIn = -75.0; // resting potential for inh input
    public const double SomaTauSynEx = 3.0; // time constant of exc conductance
    public const double SomaTauSynIn = 3.0; // time constant of inh conductance
    public const double DendriteVm = -70.0; // initial value of V_m
    public const double DendriteCm = 300.0; // capacitance of membrane
    public const double DendriteEL = -70.0; // resting potential
    public const double DendriteGL = 30.0; // dendritic leak conductance
    public const double DendriteTauSynEx = 3.0; // time constant of exc input current
    public const double DendriteTauSynIn = 3.0; // time constant of inh input current

    // parameters of the rate function
    public const double PhiMax = 0.15; // max rate
    public const double RateSlope = 0.5; // called 'k' in the paper
    public const double Beta = 1.0 / 3.0;
    public const double Theta = -55.0;

    // synapse parameters
    public const double InitialWeight = 0.3 * DendriteCm;
    public const double TauDelta = 100.0; // time constant of low pass filtering of the weight change
    public const double Eta = 0.17; // learning rate
    public const double Wmax = 4.5 * DendriteCm;

    // somatic input
    public const double ExcitatoryAmplitude = 0.016 * DendriteCm;
    public const double ExcitatoryOffset = 0.018 * DendriteCm;
    public const double InhibitoryAmplitude = 0.06 * DendriteCm;

    // dendritic input: the spike pattern of n_pg Poisson generators
    public const int PatternGenerators = 200; // number of poisson generators
    public const double PatternRate = 10.0; // rate in Hz

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
            ["V_m"] = DendriteVm, ["C_m"] = DendriteCm, ["E_L"] = DendriteEL, ["g_L"] = DendriteGL,
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
