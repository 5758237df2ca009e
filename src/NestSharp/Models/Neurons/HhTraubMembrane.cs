namespace NestSharp.Models.Neurons;

/// <summary>
/// What hh_cond_exp_traub and hh_cond_beta_gap_traub share of their parameters, declared into a model's schema once,
/// in this order: g_Na, g_K, g_L (nS), C_m (pF), E_Na, E_K, E_L, V_T, E_ex, E_in (mV), with NEST's defaults (V_T the
/// model's) and checks (C_m positive; the conductances not negative where the model's NEST source checks them,
/// hh_cond_beta_gap_traub's). The model declares its synaptic time constants, t_ref and I_e after these; the channels
/// of a node come from <see cref="ChannelsOf"/>.
/// </summary>
internal sealed class HhTraubMembrane
{
    public const string ConductancesNonNegative = "all conductances must be non-negative";

    public readonly Column GNa, GK, GL, Cm, ENa, EK, EL, VT, EEx, EIn;

    /// <param name="schema">The model's schema.</param>
    /// <param name="vT">The model's default V_T (mV).</param>
    /// <param name="conductancesNonNegative">Whether g_Na, g_K and g_L must not be negative.</param>
    public HhTraubMembrane(NeuronSchema schema, double vT, bool conductancesNonNegative)
    {
        Requirement? conductance = conductancesNonNegative ? Requirement.NonNegative(ConductancesNonNegative) : null;
        GNa = schema.Parameter("g_Na", 20000.0, "nS", conductance);
        GK = schema.Parameter("g_K", 6000.0, "nS", conductance);
        GL = schema.Parameter("g_L", 10.0, "nS", conductance);
        Cm = schema.Parameter("C_m", 200.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
        ENa = schema.Parameter("E_Na", 50.0, "mV");
        EK = schema.Parameter("E_K", -90.0, "mV");
        EL = schema.Parameter("E_L", -60.0, "mV");
        VT = schema.Parameter("V_T", vT, "mV");
        EEx = schema.Parameter("E_ex", 0.0, "mV");
        EIn = schema.Parameter("E_in", -80.0, "mV");
    }

    /// <summary>The channels of the node at storage position <paramref name="i"/>, with the model's I_e (<paramref name="ie"/>).</summary>
    /// <param name="columns">The group's storage, one array per column of the schema.</param>
    /// <param name="i">The node's storage position.</param>
    /// <param name="ie">The model's column I_e.</param>
    public HhChannels ChannelsOf(double[][] columns, int i, Column ie) => new()
    {
        GNa = columns[GNa.Index][i], GK = columns[GK.Index][i], GL = columns[GL.Index][i], Cm = columns[Cm.Index][i],
        ENa = columns[ENa.Index][i], EK = columns[EK.Index][i], EL = columns[EL.Index][i], Ie = columns[ie.Index][i],
    };
}
