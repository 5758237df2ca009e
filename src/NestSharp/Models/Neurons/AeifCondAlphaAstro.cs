namespace NestSharp.Models.Neurons;

/// <summary>
/// aeif_cond_alpha_astro: aeif_cond_alpha (adaptive exponential integrate-and-fire neuron, Brette and Gerstner 2005,
/// with alpha-shaped synaptic conductances) that also receives the slow inward current I_SIC of astrocytes through
/// sic_connection. With V the membrane potential as the dynamics see it (V_reset while refractory, min(V_m, V_peak)
/// otherwise),
/// <code>
/// C_m dV/dt  = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - g_ex (V - E_ex) - g_in (V - E_in) - w + I_e + I_stim + I_SIC
/// tau_w dw/dt = a (V - E_L) - w
/// d(dg_X)/dt = -dg_X / tau_syn_X,   dg_X/dt = dg_X - g_X / tau_syn_X     (X = ex, in)
/// </code>
/// (dV/dt = 0 while refractory; with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold). A
/// spike arriving in a step adds e/tau_syn_ex times its weight (nS) to dg_ex when positive, e/tau_syn_in times its
/// magnitude to dg_in otherwise, at the end of the step, so that a weight w gives a conductance peaking at w after
/// tau_syn. I_SIC is the sum of the slow inward currents (pA) that arrived for the step before, as I_stim is the current
/// input of the step before; both are taken up at the end of a step. Integration, spike, reset and refractoriness as in
/// <see cref="AeifNeuronGroup{TSystem}"/>.
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th, Delta_T, E_ex, E_in (mV), t_ref, tau_w,
/// tau_syn_ex, tau_syn_in (ms), a (nS), b, I_e (pA), gsl_error_tol; archiving: tau_minus, tau_minus_triplet, tau_Ca
/// (ms), beta_Ca. State: V_m (mV), g_ex, g_in (nS, not negative), dg_ex, dg_in (nS/ms), w (pA), Ca. Recordables: V_m, g_ex, g_in, w, I_SIC.</para>
/// <para>References: Brette R, Gerstner W (2005) Adaptive exponential integrate-and-fire model as an effective
/// description of neuronal activity. J Neurophysiol 94:3637-3642. Nadkarni S, Jung P (2003) Phys Rev Lett 91:268101.
/// NEST model documentation, aeif_cond_alpha_astro (NEST 3.10).</para>
/// </summary>
[NodeModelName("aeif_cond_alpha_astro")]
internal sealed class AeifCondAlphaAstro(NodeModel model, int firstId, int count) : AeifCondAlphaGroup<SlowInwardCurrent>(model, firstId, count)
{
    /// <summary>NEST's handles_test_event(SICEvent): the slow inward currents of sic_connection.</summary>
    public override bool ReceivesSecondary(SecondaryEventType type) => ReferenceEquals(type, AstrocyteEvents.SlowInwardCurrent);

    /// <summary>Slow inward currents go to the input sic_currents, whatever their sign; receptor_type 0 only, as NEST's.</summary>
    public override int SecondaryChannelAt(SecondaryEventType type, int position, int receptor, double weight)
    {
        if (!ReferenceEquals(type, AstrocyteEvents.SlowInwardCurrent)) return base.SecondaryChannelAt(type, position, receptor, weight);
        if (receptor != 0)
            throw new UnknownReceptorTypeException($"{Model.Name}: it has no receptor_type {receptor} for slow inward currents; they go to receptor_type 0.");
        return SicCurrents!.Value.Index * Count + position;
    }
}
