namespace NestSharp.Models.Neurons;

/// <summary>
/// aeif_cond_alpha_multisynapse: adaptive exponential integrate-and-fire neuron (AdEx, Brette and Gerstner 2005) with
/// any number of receptor ports, each a conductance with its own reversal potential and an alpha-shaped time course.
/// With V the membrane potential as the dynamics see it (V_reset while refractory, min(V_m, V_peak) otherwise) and n the
/// number of ports,
/// <code>
/// C_m dV/dt  = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + sum_k g_k (E_rev[k] - V) - w + I_e + I_stim
/// tau_w dw/dt = a (V - E_L) - w
/// d(dg_k)/dt = -dg_k / tau_syn[k],   dg_k/dt = dg_k - g_k / tau_syn[k]         (k = 1 .. n)
/// </code>
/// (dV/dt = 0 while refractory; with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold).
/// Integration, spike, reset, refractoriness, the negative-weight check and the port state shown in the status as in
/// <see cref="AeifCondMultisynapseGroup"/>. A spike arriving on port k adds e/tau_syn[k] times its weight (nS) to dg_k
/// at the end of the step, so that a weight w makes g_k peak at w after tau_syn[k].
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th, Delta_T (mV), t_ref, tau_w (ms), a (nS),
/// b, I_e (pA), gsl_error_tol; arrays E_rev (mV), tau_syn (ms), one element per receptor port, of equal length (both
/// given when the length changes), time constants &gt; 0; read-only n_receptors and has_connections (a spike connection
/// reached the node: the number of ports can then no longer be reduced); archiving: tau_minus, tau_minus_triplet,
/// tau_Ca (ms), beta_Ca. State: V_m (mV), w (pA), Ca; read-only dg, g. Spike receptors 1 .. n_receptors; current
/// receptor 0. Recordables: V_m, w, g_1 .. g_n.</para>
/// <para>References: Brette R, Gerstner W (2005) Adaptive exponential integrate-and-fire model as an effective
/// description of neuronal activity. J Neurophysiol 94:3637-3642. Roth A, van Rossum MCW (2013) Modeling synapses. In
/// De Schutter E (ed) Computational Modeling Methods for Neuroscientists, MIT Press, chapter 6. NEST model
/// documentation, aeif_cond_alpha_multisynapse (NEST 3.10).</para>
/// </summary>
[NodeModelName("aeif_cond_alpha_multisynapse")]
internal sealed class AeifCondAlphaMultisynapse : AeifCondMultisynapseGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly AeifMembrane Membrane = new(Declared, peakCheckedFirst: true, overflowCheckedLast: true);

    private static readonly ArrayColumn ERev = Declared.ArrayParameter("E_rev", [0.0], "mV");
    private static readonly ArrayColumn TauSyn = Declared.ArrayParameter("tau_syn", [2.0], "ms");

    // refractory count, current input, inner step, dg and g per port, receptors 1 .. n_receptors, recordables
    private static readonly AeifMultisynapsePorts Ports = new(Declared, Membrane, ERev);

    public AeifCondAlphaMultisynapse(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane, Ports) { }

    protected override void Validate(in StatusRow row)
    {
        if (RequirePortArrays(row, ERev, TauSyn))
        {
            ReadOnlySpan<double> tauSyn = row.Array(TauSyn);
            for (int k = 0; k < tauSyn.Length; k++)
                row.Require(tauSyn[k] > 0, TauSyn, $"all synaptic time constants must be strictly positive (port {k + 1}: tau_syn = {tauSyn[k]})");
        }
        Membrane.Validate(row);
    }

    protected override PortConstants PortsOf(int position)
    {
        double[] tauSyn = ArrayOf(TauSyn, position);
        var jump = new double[tauSyn.Length];
        for (int k = 0; k < jump.Length; k++) jump[k] = 1.0 * Math.E / tauSyn[k];
        return new PortConstants(ArrayOf(ERev, position), tauSyn, tauSyn, jump);
    }
}
