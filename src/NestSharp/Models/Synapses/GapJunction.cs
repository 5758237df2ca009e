using NestSharp.Models.Neurons;

namespace NestSharp.Models.Synapses;

/// <summary>NEST's GapJunctionEvent: the coefficients of a neuron's membrane potential polynomial, per step of a slice.</summary>
internal static class GapJunctionEvents
{
    /// <summary>
    /// wfr_interpolation_order + 1 coefficients per step (constant 1, linear 2, cubic 4: see
    /// <see cref="GapJunctionInput"/>), exchanged in every iteration of the waveform relaxation.
    /// </summary>
    public static readonly SecondaryEventType Type = new("gap junction", supportsWaveformRelaxation: true,
        static settings => (int)settings.InterpolationOrder + 1);
}

/// <summary>
/// gap_junction: an electrical synapse between two neurons (NEST's, after Hahne et al. 2015). A gap junction of
/// conductance w (nS, the weight) between neurons i and j adds w (V_j - V_i) to the membrane current of i; it is made of
/// two connections, i → j and j → i, with the same weight, which Connect makes with make_symmetric (the model requires
/// it: NEST's REQUIRES_SYMMETRIC; all_to_all from a population onto itself with single-number parameters is accepted as
/// symmetric as made). The source sends, for each step of a slice, the coefficients of its membrane potential as a
/// polynomial in the step (NEST's GapJunctionEvent; wfr_interpolation_order 0, 1 or 3); the target adds w times them,
/// and w, into its gap input for the same step (<see cref="GapJunctionInput"/>). With use_wfr the slice is iterated
/// until the potentials agree (waveform relaxation, the model supports it); the connection has no delay (a delay is
/// refused with NEST's message), and counts for min_delay and max_delay with wfr_comm_interval.
/// <para>Parameters: weight (nS, per connection). A weight_recorder of the model records each delivered event's
/// weight (in every iteration, as NEST's).</para>
/// <para>References: Hahne J, Helias M, Kunkel S, Igarashi J, Bolten M, Frommer A, Diesmann M (2015). A unified
/// framework for spiking and gap-junction interactions in distributed neuronal network simulations. Front.
/// Neuroinform. 9:22. Mancilla JG, Lewis TJ, Pinto DJ, Rinzel J, Connors BW (2007). Synchronization of electrically
/// coupled pairs of inhibitory interneurons in neocortex. J. Neurosci. 27:2058-2073.</para>
/// </summary>
[SynapseModelName("gap_junction")]
internal sealed class GapJunction(string name) : SecondarySynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    /// <summary>Per ring channel: the ring channel of the first gap coefficient of the node behind it (-1: none), and the distance between its gap inputs.</summary>
    private int[] _gapChannel = [], _gapStride = [];

    protected override SynapseSchema DeclaredSchema => Declared;

    public override SecondaryEventType Carries => GapJunctionEvents.Type;

    public override string NoDelayReason => "gap_junction connection has no delay";

    public override bool RequiresSymmetric => true;

    public override void PrepareSecondary(SimulationContext context)
    {
        int channels = context.Ring.Channels;
        if (_gapChannel.Length != channels)
        {
            _gapChannel = new int[channels];
            _gapStride = new int[channels];
        }
        Array.Fill(_gapChannel, -1);
        foreach (var group in context.Nodes.Groups)
            if (group is IGapJunctionNode gap) gap.MapGapChannels(_gapChannel, _gapStride);
    }

    /// <summary>
    /// Adds each source's coefficients of the slice, times each synapse's weight, into its target's gap input for the
    /// same steps, and the weight into the target's sum of conductances (NEST's handle(GapJunctionEvent)).
    /// </summary>
    public override void DeliverSecondary(SynapseBlock block, SecondaryEventBuffer values, in SecondaryDelivery context)
    {
        var instant = context.Instant;
        double[] data = instant.Data, received = values.Received;
        if (data.Length == 0) return;
        int channels = instant.Channels, steps = context.MinDelaySteps, stride = values.ValuesPerSlice, perStep = stride / steps;
        int[] offsets = block.Offsets, targets = block.Channels, rowOf = values.RowOfNode, gapChannel = _gapChannel, gapStride = _gapStride;
        double[] weights = block.Weights;
        int? recorder = context.Model?.WeightRecorderId;
        long stamp = context.Stamp;
        for (int s = 0; s < block.SourceCount; s++)
        {
            int first = offsets[s], last = offsets[s + 1];
            if (first == last) continue;
            int row = rowOf[block.SourceMin + s];
            if (row < 0) continue;
            int at = row * stride;
            for (int i = first; i < last; i++)
            {
                int channel = targets[i] & int.MaxValue;
                int c0 = gapChannel[channel], between = gapStride[channel];
                double w = weights[i];
                data[c0 + GapJunctionInput.WeightsOffset * between] += w;
                for (int lag = 0, k = at; lag < steps; lag++)
                {
                    int place = lag * channels + c0;
                    for (int c = 0; c < perStep; c++, k++, place += between) data[place] += w * received[k];
                }
                if (recorder is { } id)
                    context.WeightEvents.Add(id, stamp, block.SourceMin + s, context.NodeOfChannel[channel], w, block.PortAt(i), i);
            }
        }
    }
}
