namespace NestSharp.Models.Neurons;

/// <summary>
/// glif_psc: the five generalized leaky integrate-and-fire models of the Allen Institute (Teeter et al. 2018) with
/// alpha-shaped post-synaptic currents on any number of receptor ports, integrated exactly on the time grid. With
/// V = U + E_L,
/// <code>
/// C_m dU/dt = -g·U + I_e(t) + sum_j ASC_j + I_syn,      I_syn = sum_r alpha_r(t)   (tau_syn[r], peak 1 pA per unit weight)
/// dASC_j/dt = -asc_decay_j·ASC_j                      (after_spike_currents)
/// dthreshold_spike/dt = -th_spike_decay·threshold_spike  (spike_dependent_threshold)
/// dthreshold_voltage/dt = th_voltage_index·U - th_voltage_decay·threshold_voltage   (adapting_threshold)
/// U &gt; threshold_spike + threshold_voltage + (V_th - E_L): spike; refractory for t_ref with U held;
///   ASC_j ← asc_amps_j + asc_r_j·exp(-asc_decay_j·t_ref)·ASC_j;
///   without spike_dependent_threshold U ← V_reset - E_L; with it U ← voltage_reset_fraction·U + voltage_reset_add and
///   threshold_spike ← exp(-th_spike_decay·t_ref)·threshold_spike + th_spike_add
/// </code>
/// The mechanism flags select GLIF1 (none), GLIF2 (spike_dependent_threshold), GLIF3 (after_spike_currents), GLIF4
/// (both) or GLIF5 (all three); other combinations fail. The step, in NEST's order, is <see cref="GlifPscGroup"/>'s.
/// <para>Parameters (units): V_th, E_L, V_reset (mV), g (nS), C_m (pF), t_ref (ms), th_spike_add (mV), th_spike_decay
/// (1/ms), voltage_reset_fraction, voltage_reset_add (mV), th_voltage_index, th_voltage_decay (1/ms), arrays asc_init
/// (pA), asc_decay (1/ms), asc_amps (pA), asc_r, tau_syn (ms, one receptor port per element), the flags
/// spike_dependent_threshold, after_spike_currents, adapting_threshold; read-only has_connections (a spike connection
/// reached the node: the number of ports can then no longer change). State: V_m (mV), ASCurrents (pA, array),
/// threshold_spike, threshold_voltage (mV). Spike receptors 1 .. len(tau_syn); current receptor 0. Recordables: V_m,
/// ASCurrents_sum (the after-spike currents' mean over the step), I (the current input), I_syn, threshold,
/// threshold_spike, threshold_voltage. Defaults: GLIF5 parameters of Allen Cell Types cell 490626718, with all
/// mechanisms off.</para>
/// <para>References: Teeter C, Iyer R, Menon V, Gouwens N, Feng D, Berg J, Szafer A, Cain N, Zeng H, Hawrylycz M,
/// Koch C, Mihalas S (2018) Generalized leaky integrate-and-fire models classify multiple neuron types. Nature
/// Communications 9:709. Meffin H, Burkitt AN, Grayden DB (2004) An analytical model for the large, fluctuating
/// synaptic conductance state typical of neocortical neurons in vivo. J Comput Neurosci 16:159-175. NEST model
/// documentation, glif_psc (NEST 3.10).</para>
/// </summary>
[NodeModelName("glif_psc")]
internal sealed class GlifPsc : GlifPscGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly GlifMechanisms Mechanisms = new(Declared, "g", thresholdComponentsInStatus: true);

    /// <summary>The membrane conductance g (nS).</summary>
    private static readonly Column G = Mechanisms.G;

    private static readonly ArrayColumn TauSyn = Declared.ArrayParameter("tau_syn", [2.0], "ms");

    /// <summary>Per port: NEST's y1 (the alpha kernel's derivative-like state) and y2 (its current, pA).</summary>
    private static readonly PortColumn Y1 = Declared.PortVariable("y1");
    private static readonly PortColumn Y2 = Declared.PortVariable("y2");

    private static readonly Column ISyn = Declared.Internal("I_syn");
    private static readonly InputChannel Currents = Declared.Input("currents");

    static GlifPsc() => Declare(Declared, Mechanisms, TauSyn, ISyn, Currents);

    public GlifPsc(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, Mechanisms, new AlphaKernels(TauSyn, null, Y1, Y2), null, ISyn, Currents) { }

    protected override void Validate(in StatusRow row)
    {
        Mechanisms.Validate(row, conductanceOrder: false);
        ValidatePortTimeConstants(row, TauSyn);
    }
}
