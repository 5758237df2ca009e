namespace NestSharp.Models.Neurons;

/// <summary>
/// eprop_iaf_bsshslm_2020: the leaky integrate-and-fire neuron with delta-shaped post-synaptic currents of e-prop
/// plasticity (eligibility propagation) after Bellec et al. (2020), the recurrent neuron of NEST's e-prop networks:
/// <code>
/// v_t = α·v_{t-1} + ζ·Σ_i W_i z_i + P_i·I_{t-1} - z_{t-1}·V_th,    v_t ≥ V_min,    α = exp(-h/τ_m),
/// ζ = 1 (regular_spike_arrival) or 1 - α,    P_i = τ_m/C_m·(1 - α),    z_t = H(v_t - V_th) outside t_ref
/// ψ_t = surrogate gradient of z with respect to v (piecewise_linear, exponential, fast_sigmoid_derivative or
///       arctan_derivative, of height γ and width 1/β; 0 while refractory)
/// </code>
/// A spike lowers v by V_th in the next step. The neuron keeps the history its incoming eprop_synapse_bsshslm_2020
/// synapses compute their gradients from (ψ and the learning signal L of each step since the earliest update a
/// synapse still needs) and the firing-rate regularisation c_reg·(f_av - f_target·h)/T of each update interval of T
/// steps. The update loop and the gradient are <see cref="EpropIafBsshslm2020Group"/>'s.
/// <para>Parameters (units): C_m (pF), c_reg, E_L (mV), f_target (set in spikes/s, shown in spikes/ms as NEST shows
/// it), I_e (pA), regular_spike_arrival (bool), surrogate_gradient_function, surrogate_gradient_height,
/// surrogate_gradient_width, t_ref (ms), tau_m (ms), V_min, V_th (mV), flush_event_send_interval (ms, ≥
/// eprop_update_interval), ignore_and_spike, ignore_and_spike_offset, ignore_and_spike_interval (ms). State: V_m (mV),
/// surrogate_gradient, learning_signal (pA). Recordables: eprop_history_duration (ms), learning_signal,
/// surrogate_gradient, V_m. Receptor 0 takes spikes, currents and learning signals.</para>
/// <para>References: Bellec G, Scherr F, Subramoney A, Hajek E, Salaj D, Legenstein R, Maass W (2020). A solution to
/// the learning dilemma for recurrent networks of spiking neurons. Nature Communications 11:3625. Korcsak-Gorzo A et
/// al. (2025). Event-driven eligibility propagation in large sparse networks. arXiv:2511.21674. NEST model
/// documentation, eprop_iaf_bsshslm_2020 (NEST 3.10).</para>
/// </summary>
[NodeModelName("eprop_iaf_bsshslm_2020")]
internal sealed class EpropIafBsshslm2020 : EpropIafBsshslm2020Group
{
    private static readonly NeuronSchema Declared = EpropNeuronSchema.Declare(ignoreAndSpike: true);

    private static readonly EpropRecurrentColumns Neuron = new(Declared);

    static EpropIafBsshslm2020()
    {
        Declared.Recordable(Neuron.LearningSignal, Neuron.SurrogateGradient, Neuron.Vm);
    }

    public EpropIafBsshslm2020(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Neuron) { }

    protected override AdaptiveThreshold? Adaptation => null;
}
