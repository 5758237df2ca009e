namespace NestSharp.Models.Neurons;

/// <summary>
/// eprop_iaf_adapt: <see cref="EpropIaf"/> with an adaptive threshold (Bellec et al. 2020; NEST's event-based e-prop,
/// Korcsak-Gorzo et al. 2025):
/// <code>
/// v_j(t) = α v_j(t-1) + Σ_i W_ji z_i(t-1) + (1 - α) R_m (I_in(t-1) + I_e),   α = exp(-h / tau_m),  R_m = tau_m / C_m
/// v_j = max(v_j, V_min)
/// a_j(t) = P_a a_j(t-1) + z_j(t-1),   A_j(t) = V_th + adapt_beta a_j(t),   P_a = exp(-h / adapt_tau)
/// z_j(t) = 1 and v_j -= V_th when v_j ≥ A_j(t) and not refractory (the reset subtracts V_th, as in NEST)
/// ψ_j(t) = surrogate_gradient_function(v_j, A_j(t), surrogate_gradient_height, surrogate_gradient_width), 0 while refractory
/// </code>
/// The eligibility trace of its eprop_synapses gains the adaptive component, e = ψ (z̄ - adapt_beta ε),
/// ε ← P_a ε + e (<see cref="EpropRecurrentAdaptiveGroup"/>). History, learning signals, flush events and
/// ignore_and_spike are <see cref="EpropRecurrentGroup"/>'s.
/// <para>Parameters: eprop_iaf's, and adapt_beta (≥ 0), adapt_tau (ms, &gt; 0). State: V_m (mV), adaptation (setting
/// it sets V_th_adapt = V_th + adapt_beta adaptation), V_th_adapt (mV, read only), surrogate_gradient, learning_signal
/// (pA). Recordables: eprop_history_duration, adaptation, V_th_adapt, learning_signal, surrogate_gradient, V_m.
/// Receptor 0: spikes, currents and learning signals.</para>
/// <para>Update order of a step (NEST's): refractory count-down, V_m, V_min clamp, adaptation and V_th_adapt (with the
/// previous step's spike), surrogate gradient, spike or flush event, e-prop history, learning signal, input current.</para>
/// <para>References: Bellec G et al. (2020). A solution to the learning dilemma for recurrent networks of spiking
/// neurons. Nature Communications 11:3625. Korcsak-Gorzo A et al. (2025). Event-based implementation of eligibility
/// propagation. NEST model documentation, eprop_iaf_adapt (NEST 3.10).</para>
/// </summary>
[NodeModelName("eprop_iaf_adapt")]
internal sealed class EpropIafAdapt : EpropRecurrentAdaptiveGroup
{
    private static readonly NeuronSchema Declared = EpropNeuronSchema.Declare(ignoreAndSpike: true);

    private static readonly FamilyColumns C = new(Declared);

    private static readonly AdaptiveThreshold Adapt = new(Declared, C.EL);

    static EpropIafAdapt()
    {
        Declared.Recordable(Adapt.A, Adapt.VThAdapt, C.LearningSignal, C.SurrogateGradient, C.Vm);
    }

    public EpropIafAdapt(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, C, Adapt, hardReset: null) { }

    /// <summary>One step of the chunk's nodes in NEST's order (<see cref="EpropRecurrentGroup.AdvanceSoftReset{TThreshold}"/>).</summary>
    protected override void Advance(in ChunkStep s, SpikeBuffer spikes, SpikeBuffer flushEvents) =>
        AdvanceSoftReset(s, spikes, flushEvents, Adapting);
}
