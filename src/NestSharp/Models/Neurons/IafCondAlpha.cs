namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_cond_alpha: leaky integrate-and-fire neuron with alpha-shaped synaptic conductances (Kuhn et al. 2004).
/// <code>
/// C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) + I_stim + I_e
/// d(dg_X)/dt = -dg_X / tau_syn_X,   dg_X/dt = dg_X - g_X / tau_syn_X          (X = ex, in)
/// </code>
/// A spike of weight w makes g_X(t) = w · (t/tau_syn_X) · exp(1 - t/tau_syn_X), peaking at w (nS) after tau_syn_X: it
/// adds w · e/tau_syn_X to dg_X. The currents see V = min(V_m, V_th), and V = V_reset with dV/dt = 0 while the neuron
/// is refractory. Each step h is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does
/// (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>, error control on the values with an absolute tolerance of 1e-3),
/// the inner step size carrying over from step to step. After the step, in this order: a refractory neuron counts down
/// with V_m held at V_reset, else V_m &gt;= V_th is a spike (V_m = V_reset, refractory for t_ref); spikes arriving in
/// the step add to dg_ex (positive weights) or dg_in (the magnitude of the others); a current input takes effect from
/// the next step.
/// <para>Parameters (units): V_th, V_reset, E_L, E_ex, E_in (mV), t_ref, tau_syn_ex, tau_syn_in (ms), g_L (nS),
/// C_m (pF), I_e (pA). State: V_m (mV), g_ex, g_in (nS), dg_ex, dg_in (nS/ms). Recordables: V_m, g_ex, g_in,
/// t_ref_remaining (ms).</para>
/// <para>References: Meffin H, Burkitt AN, Grayden DB (2004) J Comput Neurosci 16:159-175. Bernander O, Douglas RJ,
/// Martin KAC, Koch C (1991) Synaptic background activity influences spatiotemporal integration in single pyramidal
/// cells. PNAS 88:11569-11573. Kuhn A, Aertsen A, Rotter S (2004) Neuronal integration of synaptic input in the
/// fluctuation-driven regime. J Neurosci 24:2345-2356. NEST model documentation, iaf_cond_alpha (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_cond_alpha")]
internal sealed class IafCondAlpha : BetaConductanceGroup
{
    // tau_syn_ex and tau_syn_in (ms): the alpha function rises and decays with the same time constant
    private static readonly Declaration Declared = new(ex: new("tau_syn_ex", 0.2), inhibitory: new("tau_syn_in", 2.0));

    public IafCondAlpha(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared) { }
}
