namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_cond_beta: leaky integrate-and-fire neuron with beta-shaped (difference of exponentials) synaptic conductances.
/// <code>
/// C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) + I_stim + I_e
/// d(dg_X)/dt = -dg_X / tau_decay_X,   dg_X/dt = dg_X - g_X / tau_rise_X          (X = ex, in)
/// </code>
/// A spike of weight w makes g_X proportional to exp(-t/tau_decay_X) - exp(-t/tau_rise_X), scaled to peak at w (nS):
/// it adds w times <see cref="BetaNormalization.Factor"/>(tau_rise_X, tau_decay_X) to dg_X (e/tau_decay_X when the two
/// time constants are equal, the alpha function). The currents see V = min(V_m, V_th), and V = V_reset with dV/dt = 0 while the neuron
/// is refractory. Each step h is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does
/// (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>, error control on the values with an absolute tolerance of 1e-3),
/// the inner step size carrying over from step to step. After the step, in this order: a refractory neuron counts down
/// with V_m held at V_reset, else V_m &gt;= V_th is a spike (V_m = V_reset, refractory for t_ref); spikes arriving in
/// the step add to dg_ex (positive weights) or dg_in (the magnitude of the others); a current input takes effect from
/// the next step.
/// <para>Parameters (units): V_th, V_reset, E_L, E_ex, E_in (mV), t_ref, tau_rise_ex, tau_decay_ex, tau_rise_in,
/// tau_decay_in (ms), g_L (nS),
/// C_m (pF), I_e (pA). State: V_m (mV), g_ex, g_in (nS), dg_ex, dg_in (nS/ms). Recordables: V_m, g_ex, g_in,
/// t_ref_remaining (ms).</para>
/// <para>References: Meffin H, Burkitt AN, Grayden DB (2004) J Comput Neurosci 16:159-175. Bernander O, Douglas RJ,
/// Martin KAC, Koch C (1991) PNAS 88:11569-11573. Kuhn A, Aertsen A, Rotter S (2004) J Neurosci 24:2345-2356. Rotter S,
/// Diesmann M (1999) Biol Cybern 81:381-402. Roth A, van Rossum MCW (2010) Modeling synapses. In De Schutter E (ed)
/// Computational Modeling Methods for Neuroscientists, MIT Press. NEST model documentation, iaf_cond_beta (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_cond_beta")]
internal sealed class IafCondBeta : BetaConductanceGroup
{
    private static readonly Declaration Declared = new(riseEx: new("tau_rise_ex", 0.2), decayEx: new("tau_decay_ex", 0.2),
        riseIn: new("tau_rise_in", 2.0), decayIn: new("tau_decay_in", 2.0));

    public IafCondBeta(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared) { }
}
