namespace NestSharp.Models.Synapses;

/// <summary>
/// static_synapse and static_synapse_hpc: a fixed weight and delay. A spike of multiplicity m adds m·w to the target's
/// input after the delay. NEST's _hpc variant stores less per synapse; here both take 14 bytes (target channel, weight,
/// delay) and behave identically.
/// <para>Parameters (per connection): weight, delay (ms). NEST makes no checks of them beyond the delay's.</para>
/// </summary>
[SynapseModelName("static_synapse", Labelled = true)]
[SynapseModelName("static_synapse_hpc")]
internal sealed class StaticSynapse(string name) : SynapseType(name)
{
    public override bool SupportsCheckpoint => true;

    /// <summary>A static synapse transmits its stored weight.</summary>
    public override PreciseWeight WeightForPreciseTargets => PreciseWeight.Stored;

    private static readonly SynapseSchema Declared = new();

    /// <summary>Recording devices connect through it (see <see cref="SynapseType.CarriesRecordingDeviceEvents"/>).</summary>
    public override bool CarriesRecordingDeviceEvents => true;

    protected override SynapseSchema DeclaredSchema => Declared;

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        if (block.NarrowDelays is { } narrow) Deliver(new NarrowDelays(narrow), block, spikes, context);
        else Deliver(new WideDelays(block.WideDelays!), block, spikes, context);
    }

    /// <summary>The delivery loop, compiled once per delay width.</summary>
    private static void Deliver<TDelays>(TDelays delays, SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context)
        where TDelays : struct, IDelays
    {
        var ring = context.Ring;
        double[] data = ring.Data;
        int channels = ring.Channels, slots = ring.Slots;
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
            if (spike.Multiplicity == 1 && spike.WeightFactor == 1.0)
            {
                AddWeights(delays, targets, weights, first, last, baseSlot, data, channels, slots);
                continue;
            }
            // Events of spike_generator with spike_weights or multiplicities: the weight factor may flip the sign,
            // which moves the event to the model's other synapse (as NEST routes by the event's weight).
            int multiplicity = spike.Multiplicity;
            double factor = spike.WeightFactor;
            for (int i = first; i < last; i++)
            {
                int slot = baseSlot + delays[i];
                if (slot >= slots) slot -= slots;
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

    /// <summary>
    /// Adds the weights of synapses [first, last) of one spike into their ring cells, asking for the cell
    /// <see cref="InputRing.PrefetchDistance"/> synapses ahead (<see cref="InputRing.Prefetch"/>).
    /// </summary>
    private static void AddWeights<TDelays>(TDelays delays, int[] targets, double[] weights, int first, int last,
        int baseSlot, double[] data, int channels, int slots)
        where TDelays : struct, IDelays
    {
        int i = first;
        for (int end = last - InputRing.PrefetchDistance; i < end; i++)
        {
            int ahead = i + InputRing.PrefetchDistance;
            int aheadSlot = baseSlot + delays[ahead];
            if (aheadSlot >= slots) aheadSlot -= slots;
            InputRing.Prefetch(data, (nint)aheadSlot * channels + (targets[ahead] & int.MaxValue));
            AddOne(delays, targets, weights, i, baseSlot, data, channels, slots);
        }
        for (; i < last; i++) AddOne(delays, targets, weights, i, baseSlot, data, channels, slots);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddOne<TDelays>(TDelays delays, int[] targets, double[] weights, int i, int baseSlot, double[] data, int channels, int slots)
        where TDelays : struct, IDelays
    {
        int slot = baseSlot + delays[i];
        if (slot >= slots) slot -= slots;
        int channel = targets[i];
        if (channel >= 0) data[(nint)slot * channels + channel] += weights[i];
        else data[(nint)slot * channels + (channel & int.MaxValue)] += 1.0;
    }
}
