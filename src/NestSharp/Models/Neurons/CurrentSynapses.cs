namespace NestSharp.Models.Neurons;

/// <summary>
/// The two current-based synapses of receptor 0, declared into a model's schema once (iaf_psc_exp, iaf_psc_alpha,
/// iaf_psc_exp_htum, gif_psc_exp): the time constants tau_syn_ex and tau_syn_in (ms, default 2, strictly positive,
/// with the model's message), the synaptic currents I_syn_ex and I_syn_in (pA; recordable where the model says so, not
/// in the status) and the inputs spikes_ex and spikes_in, a weight going to the excitatory one when positive (and, by
/// the model's <see cref="SpikeRouting"/>, when zero). The model gives the currents their shape and declares the rest.
/// </summary>
internal sealed class CurrentSynapses
{
    public readonly Column TauSynEx, TauSynIn, ISynEx, ISynIn;
    public readonly InputChannel SpikesEx, SpikesIn;

    /// <param name="schema">The model's schema.</param>
    /// <param name="timeConstantsPositive">The model's message for a time constant that is not positive.</param>
    /// <param name="routing">Where a weight of zero goes.</param>
    public CurrentSynapses(NeuronSchema schema, string timeConstantsPositive, SpikeRouting routing)
    {
        TauSynEx = schema.Parameter("tau_syn_ex", 2.0, "ms", Requirement.Positive(timeConstantsPositive));
        TauSynIn = schema.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive(timeConstantsPositive));
        ISynEx = schema.Internal("I_syn_ex");
        ISynIn = schema.Internal("I_syn_in");
        SpikesEx = schema.Input("spikes_ex");
        SpikesIn = schema.Input("spikes_in");
        schema.SignedSpikeReceptor(0, SpikesEx, SpikesIn, routing);
    }
}
