namespace NestSharp.Models.Neurons;

/// <summary>
/// The inputs of the neurons that take every spike on one input (weights of either sign add up) and currents on
/// another, both on receptor 0 (iaf_psc_delta, izhikevich, ignore_and_fire, pp_psc_delta, aeif_psc_delta_clopath):
/// the input channels "spikes" and "currents", declared in this order, and their receptor.
/// </summary>
internal readonly struct SpikeAndCurrentInputs
{
    /// <summary>The spike input (the sum of the weights that arrive in a step).</summary>
    public readonly InputChannel Spikes;

    /// <summary>The current input (pA).</summary>
    public readonly InputChannel Currents;

    /// <param name="schema">The model's schema.</param>
    public SpikeAndCurrentInputs(NeuronSchema schema)
    {
        Spikes = schema.Input("spikes");
        Currents = schema.Input("currents");
        schema.SpikeReceptor(0, Spikes);
        schema.CurrentReceptor(0, Currents);
    }
}

/// <summary>
/// The inputs of the neurons that take excitatory and inhibitory spikes apart and currents on receptor 0, where the
/// model keeps no synapse helper that declares them (hh_psc_alpha, hh_cond_exp_traub): the input channels spikes_ex,
/// spikes_in and currents, declared in this order, and their receptors; a weight goes to spikes_ex when positive and,
/// by the model's <see cref="SpikeRouting"/>, when zero.
/// </summary>
internal readonly struct SignedSpikeAndCurrentInputs
{
    /// <summary>The spike inputs (a negative weight goes to spikes_in with its sign).</summary>
    public readonly InputChannel SpikesEx, SpikesIn;

    /// <summary>The current input (pA).</summary>
    public readonly InputChannel Currents;

    /// <param name="schema">The model's schema.</param>
    /// <param name="routing">Where a weight of zero goes.</param>
    public SignedSpikeAndCurrentInputs(NeuronSchema schema, SpikeRouting routing)
    {
        SpikesEx = schema.Input("spikes_ex");
        SpikesIn = schema.Input("spikes_in");
        Currents = schema.Input("currents");
        schema.SignedSpikeReceptor(0, SpikesEx, SpikesIn, routing);
        schema.CurrentReceptor(0, Currents);
    }
}
