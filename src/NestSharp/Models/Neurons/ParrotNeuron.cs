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

    private static readonly InputChannel Repeated = Declared.Input("repeated");
    private static readonly InputChannel Ignored = Declared.Input("ignored");

    static ParrotNeuron()
    {
        Declared.CountingSpikeReceptor(0, Repeated);
        Declared.CountingSpikeReceptor(1, Ignored);
        Declared.ShowsRecordables = false;
    }

    public ParrotNeuron(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared) { }

    public override bool SupportsCheckpoint => true;

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        int n = end - start;
        var spikes = context.SpikesOfVp[thread];
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            Span<double> arrived = context.Ring.Row(step, ChannelOf(Repeated) + start, n);
            for (int k = 0; k < n; k++)
            {
                int count = (int)arrived[k];
                if (count > 0) spikes.Add(lag, IdOf(start + k), count);
            }
            arrived.Clear();
            context.Ring.Row(step, ChannelOf(Ignored) + start, n).Clear();
            RecordSamples(thread, step);
        }
    }
}
