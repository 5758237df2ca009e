namespace NestSharp.Models.Synapses;

/// <summary>
/// The step a static synapse's spike arrives in: its delay d after the spike's step, or one step earlier where the
/// model says so (cont_delay_synapse: when the spike's offset and the delay's reach a step). Implemented by a struct,
/// so the delivery loop is compiled per model and static_synapse's answer, always no, costs nothing.
/// </summary>
internal interface IArrivalStep
{
    /// <summary>
    /// Whether a spike with offset <paramref name="spikeOffset"/> (ms before the end of its step) passing through
    /// <paramref name="synapse"/> arrives one step before the synapse's delay in steps.
    /// </summary>
    bool OneStepEarlier(int synapse, double spikeOffset);
}

/// <summary>The arrival step of static_synapse: always the delay in steps.</summary>
internal readonly struct AfterDelay : IArrivalStep
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool OneStepEarlier(int synapse, double spikeOffset) => false;
}

/// <summary>
/// The delivery loop of the synapses that transmit their stored weight (static_synapse, cont_delay_synapse): a spike
/// of multiplicity m and weight factor f adds m·f·w into its target's input in the arrival step
/// (<typeparamref name="TArrival"/>), or m into a counting input. A spike_generator's weight factor of the other sign
/// moves the event to the model's other input, as NEST routes by the event's weight. Spikes of multiplicity 1 and
/// factor 1 (every neuron's) take a loop that only adds the weights, asking for the ring cell
/// <see cref="InputRing.PrefetchDistance"/> synapses ahead (<see cref="InputRing.Prefetch"/>) when the ring is larger
/// than the last-level cache (<see cref="InputRing.PrefetchPays"/>).
/// </summary>
internal readonly struct StaticDelivery<TArrival>(TArrival arrival) : IDeliveryLoop
    where TArrival : struct, IArrivalStep
{
    public void Run<TDelays>(TDelays delays, SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
        where TDelays : struct, IDelays
    {
        var arrivalStep = arrival;
        var ring = context.Ring;
        double[] data = ring.Data;
        int channels = ring.Channels, slots = ring.Slots;
        bool prefetch = ring.PrefetchPays;
        int[] offsets = block.Offsets, targets = block.Channels;
        double[] weights = block.Weights;
        int sourceMin = block.SourceMin, sourceCount = block.SourceCount;
        long sliceStart = context.SliceStart;
        foreach (ref readonly var spike in spikes)
        {
            int s = spike.Source - sourceMin;
            if ((uint)s >= (uint)sourceCount) continue;
            int first = offsets[s], last = offsets[s + 1];
            if (first == last) continue;
            int baseSlot = (int)((sliceStart + spike.Lag) % slots);
            double spikeOffset = spike.Offset;
            if (spike.Multiplicity == 1 && spike.WeightFactor == 1.0)
            {
                if (prefetch)
                {
                    AddWeights(arrivalStep, spikeOffset, delays, targets, weights, first, last, baseSlot, data, channels, slots);
                }
                else
                {
                    for (int i = first; i < last; i++) AddOne(arrivalStep, spikeOffset, delays, targets, weights, i, baseSlot, data, channels, slots);
                }
                continue;
            }
            int multiplicity = spike.Multiplicity;
            double factor = spike.WeightFactor;
            for (int i = first; i < last; i++)
            {
                int slot = SlotOf(arrivalStep, spikeOffset, delays, i, baseSlot, slots);
                int channel = targets[i];
                if (channel < 0)
                {
                    data[(nint)slot * channels + (channel & int.MaxValue)] += multiplicity;
                    continue;
                }
                double weight = weights[i] * factor;
                if (factor < 0) channel = context.Reroute(channel, block.ReceptorAt(i), weight);
                data[(nint)slot * channels + channel] += weight * multiplicity;
            }
        }
    }

    /// <summary>The ring slot synapse <paramref name="i"/> adds a spike of offset <paramref name="spikeOffset"/> sent in slot <paramref name="baseSlot"/> into.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf<TDelays>(TArrival arrivalStep, double spikeOffset, TDelays delays, int i, int baseSlot, int slots)
        where TDelays : struct, IDelays
    {
        int slot = baseSlot + delays[i];
        if (arrivalStep.OneStepEarlier(i, spikeOffset)) slot--;
        if (slot >= slots) slot -= slots;
        return slot;
    }

    /// <summary>
    /// Adds the weights of synapses [first, last) of one spike into their ring cells, asking for the cell
    /// <see cref="InputRing.PrefetchDistance"/> synapses ahead (<see cref="InputRing.Prefetch"/>).
    /// </summary>
    private static void AddWeights<TDelays>(TArrival arrivalStep, double spikeOffset, TDelays delays, int[] targets, double[] weights,
        int first, int last, int baseSlot, double[] data, int channels, int slots)
        where TDelays : struct, IDelays
    {
        int i = first;
        for (int end = last - InputRing.PrefetchDistance; i < end; i++)
        {
            int ahead = i + InputRing.PrefetchDistance;
            int aheadSlot = SlotOf(arrivalStep, spikeOffset, delays, ahead, baseSlot, slots);
            InputRing.Prefetch(data, (nint)aheadSlot * channels + (targets[ahead] & int.MaxValue));
            AddOne(arrivalStep, spikeOffset, delays, targets, weights, i, baseSlot, data, channels, slots);
        }
        for (; i < last; i++) AddOne(arrivalStep, spikeOffset, delays, targets, weights, i, baseSlot, data, channels, slots);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddOne<TDelays>(TArrival arrivalStep, double spikeOffset, TDelays delays, int[] targets, double[] weights,
        int i, int baseSlot, double[] data, int channels, int slots)
        where TDelays : struct, IDelays
    {
        int slot = SlotOf(arrivalStep, spikeOffset, delays, i, baseSlot, slots);
        int channel = targets[i];
        if (channel >= 0) data[(nint)slot * channels + channel] += weights[i];
        else data[(nint)slot * channels + (channel & int.MaxValue)] += 1.0;
    }
}
