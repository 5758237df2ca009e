namespace NestSharp.Models.Neurons;

/// <summary>
/// The inputs of the neurons with two exponentially decaying conductances on receptor 0 (iaf_cond_exp, gif_cond_exp):
/// the states g_ex and g_in (nS, 0 at the start), the input channels spikes_ex, spikes_in and currents, declared in
/// this order, and their receptors; a weight goes to g_ex when positive and, by the model's
/// <see cref="SpikeRouting"/>, when zero. The model declares its time constants and reversal potentials itself.
/// </summary>
internal readonly struct ConductanceInputs
{
    /// <summary>The excitatory and inhibitory conductances (nS).</summary>
    public readonly Column GEx, GIn;

    /// <summary>The spike inputs (weights in nS: the magnitude of a negative one goes to g_in).</summary>
    public readonly InputChannel SpikesEx, SpikesIn;

    /// <summary>The current input (pA).</summary>
    public readonly InputChannel Currents;

    /// <param name="schema">The model's schema.</param>
    /// <param name="routing">Where a weight of zero goes.</param>
    public ConductanceInputs(NeuronSchema schema, SpikeRouting routing)
    {
        GEx = schema.State("g_ex", 0.0, "nS");
        GIn = schema.State("g_in", 0.0, "nS");
        SpikesEx = schema.Input("spikes_ex");
        SpikesIn = schema.Input("spikes_in");
        Currents = schema.Input("currents");
        schema.SignedSpikeReceptor(0, SpikesEx, SpikesIn, routing);
        schema.CurrentReceptor(0, Currents);
    }
}
