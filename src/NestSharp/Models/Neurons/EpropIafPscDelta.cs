namespace NestSharp.Models.Neurons;

/// <summary>
/// eprop_iaf_psc_delta: leaky integrate-and-fire neuron with delta-shaped postsynaptic currents for eligibility
/// propagation (e-prop) plasticity, as <see cref="EpropIaf"/> but with iaf_psc_delta's hard reset to V_reset, a
/// membrane clamped while refractory and, optionally, the refractory-period input of iaf_psc_delta (Bellec et al. 2020;
/// NEST's event-based e-prop, Korcsak-Gorzo et al. 2025):
/// <code>
/// not refractory:  v_j(t) = α v_j(t-1) + (1 - α) R_m (I_in(t-1) + I_e) + Σ_i W_ji z_i(t-1),   α = exp(-h / tau_m),  R_m = tau_m / C_m
///                  (+ the refractory input buffer if refractory_input), v_j = max(v_j, V_min)
/// refractory:      v_j stays; with refractory_input the input is buffered, decayed by exp(-r h / tau_m); r -= 1
/// z_j(t) = 1, v_j = V_reset and r = t_ref / h when v_j ≥ V_th
/// ψ_j(t) = surrogate_gradient_function(v_j, V_th, surrogate_gradient_height, surrogate_gradient_width), 0 while refractory
/// </code>
/// History, learning signals, flush events, ignore_and_spike and the eprop_synapse's gradient (e = ψ z̄) are
/// <see cref="EpropRecurrentGroup"/>'s.
/// <para>Parameters (units): eprop_iaf's, and V_reset (mV, V_min ≤ V_reset &lt; V_th), refractory_input (bool).
/// State: V_m (mV), surrogate_gradient, learning_signal (pA). Recordables: eprop_history_duration, V_m,
/// learning_signal, surrogate_gradient. Receptor 0: spikes, currents and learning signals.</para>
/// <para>References: Bellec G et al. (2020). A solution to the learning dilemma for recurrent networks of spiking
/// neurons. Nature Communications 11:3625. Korcsak-Gorzo A et al. (2025). Event-based implementation of eligibility
/// propagation. NEST model documentation, eprop_iaf_psc_delta (NEST 3.10).</para>
/// </summary>
[NodeModelName("eprop_iaf_psc_delta")]
internal sealed class EpropIafPscDelta : EpropRecurrentGroup
{
    private static readonly NeuronSchema Declared = EpropNeuronSchema.Declare(ignoreAndSpike: true);

    private static readonly FamilyColumns C = new(Declared);

    private static readonly EpropPscDeltaColumns D = new(Declared, C);

    static EpropIafPscDelta()
    {
        Declared.Recordable(C.Vm, C.LearningSignal, C.SurrogateGradient);
    }

    public EpropIafPscDelta(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, C, D) { }

    /// <summary>One step of the chunk's nodes in NEST's order (<see cref="EpropRecurrentGroup.AdvanceHardReset{TThreshold}"/>).</summary>
    protected override void Advance(in ChunkStep s, SpikeBuffer spikes, SpikeBuffer flushEvents) =>
        AdvanceHardReset(s, spikes, flushEvents, Fixed);
}

/// <summary>
/// The columns eprop_iaf_psc_delta and eprop_iaf_psc_delta_adapt declare beyond the family's: V_reset (relative to
/// E_L, as NEST keeps it), refractory_input and the buffer of the input that arrives while refractory; NEST's checks
/// of V_reset.
/// </summary>
internal sealed class EpropPscDeltaColumns
{
    public readonly Column VReset, RefractoryInput, RefrSpikesBuffer;

    public EpropPscDeltaColumns(NeuronSchema schema, EpropRecurrentGroup.FamilyColumns columns)
    {
        VReset = schema.ParameterRelativeTo(columns.EL, "V_reset", -70.0, "mV");
        RefractoryInput = schema.Flag("refractory_input", false);
        RefrSpikesBuffer = schema.Internal("refr_spikes_buffer");
    }

    /// <summary>NEST's V_reset &lt; V_th and V_reset ≥ V_min.</summary>
    public void Validate(in StatusRow row, EpropRecurrentGroup.FamilyColumns columns)
    {
        row.Require(row[VReset] < row[columns.VTh], VReset, "V_reset < V_th required");
        row.Require(row[VReset] >= row[columns.VMin], VReset, "V_reset ≥ V_min required");
    }
}
