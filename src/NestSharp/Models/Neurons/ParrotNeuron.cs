namespace NestSharp.Models.Neurons;

/// <summary>
/// parrot_neuron: repeats every spike it receives, in the step it arrives, with the multiplicity it arrived with
/// (k spikes arriving in one step leave as one event of multiplicity k). Connection weights are ignored; delays apply.
/// Spikes on receptor_type 1 are received (so plastic synapses see them) but not repeated.
/// <para>Used to give many targets the same Poisson train, or to make generator spikes visible to STDP synapses.</para>
/// <para>Parameters: flush_event_send_interval (ms, &gt; 0, default infinite): in NEST, the longest silence after which
/// the parrot sends a flush event, which only e-prop synapses act on; NestSharp has no e-prop synapses yet, so the
/// value is checked and kept but sends nothing. Unlike NEST's other neurons, the parrot has no recordables.</para>
/// <para>Reference: NEST model documentation, parrot_neuron.</para>
/// </summary>
[NodeModelName("parrot_neuron")]
internal sealed class ParrotNeuron : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column FlushEventSendInterval = Declared.Parameter(
        "flush_event_send_interval", double.PositiveInfinity, "ms", Requirement.Positive("flush_event_send_interval > 0 required"));

    // receptor 0 (repeated) and 1 (received, not repeated)
    private static readonly ParrotReceptors Receptors = new(Declared);

    public ParrotNeuron(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared) { }

    public override bool SupportsCheckpoint => true;

    /// <summary>As NEST: it repeats the events of binary neurons as well as spikes.</summary>
    public override SignalType SendsSignal => SignalType.All;

    /// <summary>As NEST: it takes the events of binary neurons as well as spikes.</summary>
    public override SignalType ReceivesSignal => SignalType.All;

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]));

    /// <summary>One step of a chunk: each node sends what arrived on receptor 0 as one event of that multiplicity.</summary>
    private readonly struct Stepper(ParrotNeuron group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step)
        {
            Span<double> arrived = step.Input(Receptors.Repeated);
            for (int k = 0; k < arrived.Length; k++)
            {
                int count = (int)arrived[k];
                if (count > 0) spikes.Add(step.Lag, group.IdOf(step.Start + k), count);
            }
        }
    }
}
