namespace NestSharp.Models.Neurons;

/// <summary>
/// eprop_iaf_psc_delta_adapt: <see cref="EpropIafPscDelta"/> with an adaptive threshold (Bellec et al. 2020; NEST's
/// event-based e-prop, Korcsak-Gorzo et al. 2025):
/// <code>
/// not refractory:  v_j(t) = α v_j(t-1) + (1 - α) R_m (I_in(t-1) + I_e) + Σ_i W_ji z_i(t-1) (+ refractory input buffer),
///                  v_j = max(v_j, V_min),
///                  a_j(t) = P_a a_j(t-1) + z_j(t-1),   A_j(t) = V_th + adapt_beta a_j(t),   P_a = exp(-h / adapt_tau)
/// refractory:      v_j, a_j and A_j stay; with refractory_input the input is buffered; r -= 1
/// z_j(t) = 1, v_j = V_reset and r = t_ref / h when v_j ≥ A_j(t)
/// ψ_j(t) = surrogate_gradient_function(v_j, A_j(t), surrogate_gradient_height, surrogate_gradient_width), 0 while refractory
/// </code>
/// As in NEST, the adaptation takes the previous step's spike only in a step that is not refractory (with t_ref ≥ h the
/// spike itself is not added). The eligibility trace of its eprop_synapses gains the adaptive component,
/// e = ψ (z̄ - adapt_beta ε), ε ← P_a ε + e (<see cref="EpropRecurrentAdaptiveGroup"/>).
/// <para>Parameters: eprop_iaf_psc_delta's, and adapt_beta (≥ 0), adapt_tau (ms, &gt; 0). State: V_m (mV), adaptation
/// (setting it sets V_th_adapt = V_th + adapt_beta adaptation), V_th_adapt (mV, read only), surrogate_gradient,
/// learning_signal (pA). Recordables: eprop_history_duration, V_m, adaptation, V_th_adapt, learning_signal,
/// surrogate_gradient. Receptor 0: spikes, currents and learning signals.</para>
/// <para>References: Bellec G et al. (2020). A solution to the learning dilemma for recurrent networks of spiking
/// neurons. Nature Communications 11:3625. Korcsak-Gorzo A et al. (2025). Event-based implementation of eligibility
/// propagation. NEST model documentation, eprop_iaf_psc_delta_adapt (NEST 3.10).</para>
/// </summary>
[NodeModelName("eprop_iaf_psc_delta_adapt")]
internal sealed class EpropIafPscDeltaAdapt : EpropRecurrentAdaptiveGroup
{
    private static readonly NeuronSchema Declared = EpropNeuronSchema.Declare(ignoreAndSpike: true);

    private static readonly FamilyColumns C = new(Declared);

    private static readonly EpropPscDeltaColumns D = new(Declared, C);

    private static readonly AdaptiveThreshold Adapt = new(Declared, C.EL);

    static EpropIafPscDeltaAdapt()
    {
        Declared.Recordable(C.Vm, Adapt.A, Adapt.VThAdapt, C.LearningSignal, C.SurrogateGradient);
    }

    public EpropIafPscDeltaAdapt(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, C, Adapt, D) { }

    /// <summary>One step of the chunk's nodes in NEST's order (<see cref="EpropRecurrentGroup.AdvanceHardReset{TThreshold}"/>).</summary>
    protected override void Advance(in ChunkStep s, SpikeBuffer spikes, SpikeBuffer flushEvents) =>
        AdvanceHardReset(s, spikes, flushEvents, Adapting);
}
