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
