namespace NestSharp.Models.Neurons;

/// <summary>
/// aeif_cond_alpha: adaptive exponential integrate-and-fire neuron (AdEx, Brette and Gerstner 2005) with alpha-shaped
/// synaptic conductances. With V the membrane potential as the dynamics see it (V_reset while refractory,
/// min(V_m, V_peak) otherwise),
/// <code>
/// C_m dV/dt  = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - g_ex (V - E_ex) - g_in (V - E_in) - w + I_e + I_stim
/// tau_w dw/dt = a (V - E_L) - w
/// d(dg_X)/dt = -dg_X / tau_syn_X,   dg_X/dt = dg_X - g_X / tau_syn_X     (X = ex, in)
/// </code>
/// (dV/dt = 0 while refractory; with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold). A
/// spike arriving in a step adds e/tau_syn_ex times its weight (nS) to dg_ex when positive, e/tau_syn_in times its
/// magnitude to dg_in otherwise, at the end of the step, so that a weight w gives a conductance peaking at w after
/// tau_syn. Integration, spike, reset and refractoriness as in <see cref="AeifNeuronGroup{TSystem}"/>.
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th, Delta_T, E_ex, E_in (mV), t_ref, tau_w,
/// tau_syn_ex, tau_syn_in (ms), a (nS), b, I_e (pA), gsl_error_tol; archiving: tau_minus, tau_minus_triplet, tau_Ca
/// (ms), beta_Ca. State: V_m (mV), g_ex, g_in (nS, not negative), dg_ex, dg_in (nS/ms), w (pA), Ca. Recordables: V_m, g_ex, g_in, w.</para>
/// <para>References: Brette R, Gerstner W (2005) Adaptive exponential integrate-and-fire model as an effective
/// description of neuronal activity. J Neurophysiol 94:3637-3642. NEST model documentation, aeif_cond_alpha (NEST 3.10).</para>
/// </summary>
[NodeModelName("aeif_cond_alpha")]
internal sealed class AeifCondAlpha(NodeModel model, int firstId, int count) : AeifCondAlphaGroup<NoSlowInwardCurrent>(model, firstId, count);
