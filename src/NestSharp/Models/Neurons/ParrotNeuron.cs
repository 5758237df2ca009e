using NestSharp.Kernel;
using NestSharp.Nodes;

namespace NestSharp.Models.Neurons;

/// <summary>
/// parrot_neuron: repeats every spike it receives, in the step it arrives, with the multiplicity it arrived with
/// (k spikes arriving in one step leave as one event of multiplicity k). Connection weights are ignored; delays apply.
/// Spikes on receptor_type 1 are received (so plastic synapses see them) but not repeated.
/// <para>Used to give many targets the same Poisson train, or to make generator spikes visible to STDP synapses.</para>
/// <para>Reference: NEST model documentation, parrot_neuron.</para>
/// </summary>
internal sealed class ParrotNeuron : NeuronGroup
{
    public const string ModelName = "parrot_neuron";

    internal static readonly ColumnSchema ColumnsSchema = new(
        ("tau_minus", 20.0), ("tau_minus_triplet", 110.0), ("tau_Ca", 10000.0), ("beta_Ca", 0.001), ("Ca", 0.0));

    private const int ChannelRepeated = 0, ChannelIgnored = 1;

    public ParrotNeuron(NodeModel model, int firstId, int count) : base(model, firstId, count, ColumnsSchema) { }

    public override int ChannelsPerNode => 2;

    public override IReadOnlyList<string> Recordables => [];

    protected override NeuronGroup CreateEmpty(NodeModel model, int firstId, int n) => new ParrotNeuron(model, firstId, n);

    public override int SpikeChannel(int local, int receptor, double weight) => receptor switch
    {
        0 => (ChannelRepeated * Count + local) | CountingChannelFlag,
        1 => (ChannelIgnored * Count + local) | CountingChannelFlag,
        _ => throw new IllegalConnectionException($"{Model.Name} accepts receptor_type 0 (repeat) or 1 (ignore), got {receptor}."),
    };

    public override int CurrentChannel(int local, int receptor) =>
        throw new IllegalConnectionException($"{Model.Name} does not accept currents.");

    public override double ReadRecordable(int index, int local) => throw new ArgumentOutOfRangeException(nameof(index));

    protected override void WriteExtraStatus(int local, Dictionary<string, object> status) => status["element_type"] = "neuron";

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        int n = end - start;
        var spikes = context.SpikesOfVp[thread];
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            Span<double> arrived = context.Ring.Row(step, ChannelBase + ChannelRepeated * Count + start, n);
            for (int k = 0; k < n; k++)
            {
                int count = (int)arrived[k];
                if (count > 0) spikes.Add(lag, FirstId + start + k, count);
            }
            arrived.Clear();
            context.Ring.Row(step, ChannelBase + ChannelIgnored * Count + start, n).Clear();
            RecordSamples(thread, step);
        }
    }
}
