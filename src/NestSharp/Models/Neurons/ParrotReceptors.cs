namespace NestSharp.Models.Neurons;

/// <summary>
/// The two receptors of the parrots (parrot_neuron, parrot_neuron_ps), declared into a model's schema once: receptor 0
/// counts the spikes to repeat (input "repeated"), receptor 1 the spikes that are received but not repeated (input
/// "ignored"), each adding the spike's multiplicity whatever the weight. The parrots show no recordables.
/// </summary>
internal sealed class ParrotReceptors
{
    public readonly InputChannel Repeated, Ignored;

    /// <param name="schema">The model's schema.</param>
    public ParrotReceptors(NeuronSchema schema)
    {
        Repeated = schema.Input("repeated");
        Ignored = schema.Input("ignored");
        schema.CountingSpikeReceptor(0, Repeated);
        schema.CountingSpikeReceptor(1, Ignored);
        schema.ShowsRecordables = false;
    }
}
