namespace NestSharp.Models.Synapses;

/// <summary>How a plastic synapse's delivery loop adds a transmitted spike into the input ring.</summary>
internal static class RingInput
{
    /// <summary>
    /// Adds <paramref name="spike"/>, transmitted through synapse <paramref name="synapse"/> with
    /// <paramref name="weight"/>, to target channel <paramref name="channel"/> of the ring's <paramref name="data"/>
    /// (<paramref name="channels"/> channels by <paramref name="slots"/> slots) in the slot <paramref name="delay"/>
    /// steps after <paramref name="baseSlot"/>: the weight times the multiplicity into a channel that sums weights; the
    /// multiplicity into a precise channel (<paramref name="channel"/> negative, the channel in its other bits), whose
    /// weight goes with the spike to the context's <see cref="DeliveryContext.PreciseWeights"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(double[] data, int channels, int slots, int baseSlot, int delay, int channel,
        in Spike spike, int synapse, double weight, in DeliveryContext context)
    {
        int slot = baseSlot + delay;
        if (slot >= slots) slot -= slots;
        if (channel >= 0)
        {
            data[(nint)slot * channels + channel] += weight * spike.Multiplicity;
        }
        else
        {
            data[(nint)slot * channels + (channel & int.MaxValue)] += spike.Multiplicity;
            context.PreciseWeights?.Add(in spike, synapse, weight);
        }
    }
}
