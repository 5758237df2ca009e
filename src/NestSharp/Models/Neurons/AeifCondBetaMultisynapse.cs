namespace NestSharp.Models.Neurons;

/// <summary>
/// aeif_cond_beta_multisynapse: adaptive exponential integrate-and-fire neuron (AdEx, Brette and Gerstner 2005) with
/// any number of receptor ports, each a conductance with its own reversal potential and a beta-shaped (difference of
/// exponentials) time course. With V the membrane potential as the dynamics see it (V_reset while refractory,
/// min(V_m, V_peak) otherwise) and n the number of ports,
/// <code>
/// C_m dV/dt  = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + sum_k g_k (E_rev[k] - V) - w + I_e + I_stim
/// tau_w dw/dt = a (V - E_L) - w
/// d(dg_k)/dt = -dg_k / tau_rise[k],   dg_k/dt = dg_k - g_k / tau_decay[k]         (k = 1 .. n)
/// </code>
/// (dV/dt = 0 while refractory; with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold).
/// Integration, spike, reset, refractoriness, the negative-weight check and the port state shown in the status as in
/// <see cref="AeifCondMultisynapseGroup"/>. A spike arriving on port k adds its weight (nS) times
/// <see cref="BetaNormalization.Factor"/>(tau_rise[k], tau_decay[k]) to dg_k at the end of the step, so that a weight w
/// makes g_k peak at w (the alpha function when tau_rise[k] = tau_decay[k]).
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th, Delta_T (mV), t_ref, tau_w (ms), a (nS),
/// b, I_e (pA), gsl_error_tol; arrays E_rev (mV), tau_rise, tau_decay (ms), one element per receptor port, of equal
/// length (all three given when the length changes), time constants &gt; 0 with tau_rise &lt;= tau_decay; read-only
/// n_receptors and has_connections (a spike connection reached the node: the number of ports can then no longer be
/// reduced); archiving: tau_minus, tau_minus_triplet, tau_Ca (ms), beta_Ca. State: V_m (mV), w (pA), Ca; read-only dg,
/// g. Spike receptors 1 .. n_receptors; current receptor 0. Recordables: V_m, w, g_1 .. g_n.</para>
/// <para>References: Brette R, Gerstner W (2005) Adaptive exponential integrate-and-fire model as an effective
/// description of neuronal activity. J Neurophysiol 94:3637-3642. Roth A, van Rossum MCW (2010) Modeling synapses. In
/// De Schutter E (ed) Computational Modeling Methods for Neuroscientists, MIT Press. NEST model documentation,
/// aeif_cond_beta_multisynapse (NEST 3.10).</para>
/// </summary>
[NodeModelName("aeif_cond_beta_multisynapse")]
internal sealed class AeifCondBetaMultisynapse : AeifCondMultisynapseGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly AeifMembrane Membrane = new(Declared, peakCheckedFirst: true, overflowCheckedLast: true);

    private static readonly ArrayColumn ERev = Declared.ArrayParameter("E_rev", [0.0], "mV");
    private static readonly ArrayColumn TauRise = Declared.ArrayParameter("tau_rise", [2.0], "ms");
    private static readonly ArrayColumn TauDecay = Declared.ArrayParameter("tau_decay", [20.0], "ms");

    // refractory count, current input, inner step, dg and g per port, receptors 1 .. n_receptors, recordables
    private static readonly AeifMultisynapsePorts Ports = new(Declared, Membrane, ERev);

    public AeifCondBetaMultisynapse(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane, Ports) { }

    protected override void Validate(in StatusRow row)
    {
        if (RequirePortArrays(row, ERev, TauRise, TauDecay))
        {
            ReadOnlySpan<double> tauRise = row.Array(TauRise), tauDecay = row.Array(TauDecay);
            for (int k = 0; k < tauRise.Length; k++)
            {
                row.Require(tauRise[k] > 0 && tauDecay[k] > 0, tauRise[k] > 0 ? TauDecay : TauRise,
                    $"all synaptic time constants must be strictly positive (port {k + 1}: tau_rise = {tauRise[k]}, tau_decay = {tauDecay[k]})");
                row.Require(tauDecay[k] >= tauRise[k], TauRise,
                    $"the rise time must not exceed the decay time (port {k + 1}: tau_rise = {tauRise[k]}, tau_decay = {tauDecay[k]})");
            }
        }
        Membrane.Validate(row);
    }

    protected override PortConstants PortsOf(int position)
    {
        double[] tauRise = ArrayOf(TauRise, position), tauDecay = ArrayOf(TauDecay, position);
        var jump = new double[tauRise.Length];
        for (int k = 0; k < jump.Length; k++) jump[k] = BetaNormalization.Factor(tauRise[k], tauDecay[k]);
        return new PortConstants(ArrayOf(ERev, position), tauRise, tauDecay, jump);
    }
}
