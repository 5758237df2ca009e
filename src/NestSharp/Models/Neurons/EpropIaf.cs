namespace NestSharp.Models.Neurons;

/// <summary>
/// eprop_iaf: current-based leaky integrate-and-fire neuron for eligibility propagation (e-prop) plasticity, with
/// delta-shaped postsynaptic currents, a soft reset (V_m drops by V_th at a spike) and a surrogate gradient of its
/// membrane voltage (Bellec et al. 2020; NEST's event-based implementation, Korcsak-Gorzo et al. 2025).
/// <code>
/// v_j(t) = α v_j(t-1) + Σ_i W_ji z_i(t-1) + (1 - α) R_m (I_in(t-1) + I_e),   α = exp(-h / tau_m),  R_m = tau_m / C_m
/// v_j = max(v_j, V_min);  z_j(t) = 1 and v_j -= V_th when v_j ≥ V_th and not refractory
/// ψ_j(t) = surrogate_gradient_function(v_j, V_th, surrogate_gradient_height, surrogate_gradient_width), 0 while refractory
/// </code>
/// The input of a step is the weight sum of the spikes arriving in it (pA, jumps of V_m as in NEST); currents act
/// from the next step. Each step also writes the e-prop history (ψ, firing-rate regularisation c_reg (f̄ - f_target),
/// f̄ filtered with kappa_reg) and reads the learning signal the readouts sent two steps before. Without spikes for
/// flush_event_send_interval the neuron sends a flush event, which lets its outgoing eprop_synapses update.
/// <para>Parameters (units): C_m (pF), c_reg, E_L (mV), f_target (spikes/s; shown in spikes/ms as NEST does), I_e (pA),
/// surrogate_gradient_function ("piecewise_linear", "exponential", "fast_sigmoid_derivative", "arctan_derivative"),
/// surrogate_gradient_height, surrogate_gradient_width, t_ref (ms), tau_m (ms), V_min, V_th (mV), kappa, kappa_reg,
/// eprop_isi_trace_cutoff (ms), flush_event_send_interval (ms), the ignore_and_spike keys. State: V_m (mV),
/// surrogate_gradient, learning_signal (pA). Recordables: eprop_history_duration, learning_signal, surrogate_gradient,
/// V_m. Receptor 0: spikes, currents and learning signals.</para>
/// <para>References: Bellec G et al. (2020). A solution to the learning dilemma for recurrent networks of spiking
/// neurons. Nature Communications 11:3625. Korcsak-Gorzo A et al. (2025). Event-based implementation of eligibility
/// propagation. NEST model documentation, eprop_iaf (NEST 3.10).</para>
/// </summary>
[NodeModelName("eprop_iaf")]
internal sealed class EpropIaf : EpropRecurrentGroup
{
    private static readonly NeuronSchema Declared = EpropNeuronSchema.Declare(ignoreAndSpike: true);

    private static readonly FamilyColumns C = new(Declared);

    static EpropIaf()
    {
        Declared.Recordable(C.LearningSignal, C.SurrogateGradient, C.Vm);
    }

    public EpropIaf(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, C, hardReset: null) { }

    /// <summary>One step of the chunk's nodes in NEST's order (<see cref="EpropRecurrentGroup.AdvanceSoftReset{TThreshold}"/>).</summary>
    protected override void Advance(in ChunkStep s, SpikeBuffer spikes, SpikeBuffer flushEvents) =>
        AdvanceSoftReset(s, spikes, flushEvents, Fixed);
}
