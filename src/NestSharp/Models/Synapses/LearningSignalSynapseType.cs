namespace NestSharp.Models.Synapses;

/// <summary>
/// What the e-prop learning-signal connections share (eprop_learning_signal_connection and its bsshslm_2020 twin, the
/// same model in NEST): a static weight B_jk and a delay; they carry the readouts' error signals
/// (<see cref="EpropEvents.LearningSignal"/>) to recurrent e-prop neurons, which take them through
/// <see cref="ILearningSignalReceiver"/> (NEST's handle(LearningSignalConnectionEvent&amp;)) with the event's stamp, the
/// connection's weight and the sender's values of the slice. The delay is kept and shown but, as in NEST, not used:
/// each neuron places the signal by the event's stamp. Delivery runs source by source in id order, each source's
/// connections in their order, on the thread that owns the targets.
/// </summary>
internal abstract class LearningSignalSynapseType(string name) : SecondarySynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    /// <summary>The target of every connection, found before each run.</summary>
    private readonly SynapseTargets _targets = new();

    protected override SynapseSchema DeclaredSchema => Declared;

    public override SecondaryEventType Carries => EpropEvents.LearningSignal;

    public override bool NeedsBlocksAtPrepare => true;

    public override void PrepareRun(SimulationContext context, IReadOnlyList<SynapseBlock> blocks) => _targets.Resolve(blocks, context.Nodes);

    public override void DeliverSecondary(SynapseBlock block, SecondaryEventBuffer values, in SecondaryDelivery context)
    {
        var targets = _targets.Of(block);
        NeuronGroup[] groups = targets.Groups;
        int[] groupOf = targets.GroupOf, positionOf = targets.PositionOf;
        double[] received = values.Received;
        int[] offsets = block.Offsets, rowOf = values.RowOfNode;
        double[] weights = block.Weights;
        int stride = values.ValuesPerSlice;
        long stamp = context.SliceStart + 1;
        for (int s = 0; s < block.SourceCount; s++)
        {
            int first = offsets[s], last = offsets[s + 1];
            if (first == last) continue;
            int row = rowOf[block.SourceMin + s];
            if (row < 0) continue;
            var signal = new ReadOnlySpan<double>(received, row * stride, stride);
            for (int i = first; i < last; i++)
            {
                ((ILearningSignalReceiver)groups[groupOf[i]]).ReceiveLearningSignal(positionOf[i], stamp, weights[i], signal);
            }
        }
    }
}
