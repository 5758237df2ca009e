using NestSharp.Models.Neurons;

namespace NestSharp.Models.Synapses;

/// <summary>
/// eprop_learning_signal_connection_bsshslm_2020: the feedback connection of e-prop (Bellec et al. 2020) from a readout
/// neuron (eprop_readout_bsshslm_2020) to a recurrent neuron (eprop_iaf_bsshslm_2020, eprop_iaf_adapt_bsshslm_2020).
/// It carries the readout's error signals of a slice (NEST's LearningSignalConnectionEvent); the target adds weight
/// times each of them to the learning signal of its history entry for step t + 1 - 3, with t the first step of the
/// slice they were sent in (NEST stamps every value of the event with the step after it). Delivered at the end of the
/// slice, before the slice's spikes, as NEST delivers secondary events before spikes.
/// <para>Parameters: weight, delay (ms; kept, not used for the timing, as in NEST).</para>
/// <para>References: Bellec G et al. (2020). Nature Communications 11:3625. NEST model documentation,
/// eprop_learning_signal_connection_bsshslm_2020 (NEST 3.10).</para>
/// </summary>
[SynapseModelName("eprop_learning_signal_connection_bsshslm_2020")]
internal sealed class EpropLearningSignalConnectionBsshslm2020(string name) : SecondarySynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private NodeManager? _nodes;

    protected override SynapseSchema DeclaredSchema => Declared;

    public override SecondaryEventType Carries => EpropBsshslmEvents.LearningSignal;

    /// <summary>NEST: only recurrent e-prop neurons of the bsshslm_2020 family take learning signals.</summary>
    public override void CheckTarget(NeuronGroup target)
    {
        if (target is not EpropIafBsshslm2020Group)
            throw new IllegalConnectionException($"The target node or synapse model does not support learning signal input: {target.Model.Name} cannot receive through '{Name}'.");
    }

    public override void PrepareSecondary(SimulationContext context) => _nodes = context.Nodes;

    public override void DeliverSecondary(SynapseBlock block, SecondaryEventBuffer values, in SecondaryDelivery context)
    {
        var nodes = _nodes!;
        double[] received = values.Received, weights = block.Weights;
        int[] offsets = block.Offsets, channels = block.Channels, rowOf = values.RowOfNode;
        int stride = values.ValuesPerSlice, n = context.MinDelaySteps;
        long stamp = context.SliceStart + 1;
        for (int s = 0; s < block.SourceCount; s++)
        {
            int first = offsets[s], last = offsets[s + 1];
            if (first == last) continue;
            int row = rowOf[block.SourceMin + s];
            if (row < 0) continue;
            int signals = row * stride;
            for (int i = first; i < last; i++)
            {
                var (group, position) = nodes.LocateChannel(channels[i]);
                if (group is not EpropIafBsshslm2020Group target) continue;
                for (int lag = 0; lag < n; lag++) target.TakeLearningSignal(position, stamp, weights[i] * received[signals + lag]);
            }
        }
    }
}
