namespace NestSharp.Models.Synapses;

/// <summary>
/// What a rate target does with each incoming rate before weighting it: nothing (linear_summation true: the target
/// applies its gain function to the summed input), or its gain function (linear_summation false). A struct, so the
/// delivery loop is compiled for each and the common case costs no check per connection.
/// </summary>
internal interface IRateInput
{
    /// <summary>The value a rate <paramref name="rate"/> adds (times the weight) into ring channel <paramref name="channel"/>.</summary>
    double Transform(int channel, double rate);

    /// <summary>Whether a rate of zero adds zero whatever the channel (so a source whose rates are all zero adds nothing).</summary>
    bool ZeroAddsZero { get; }
}

/// <summary>Every target sums its inputs linearly.</summary>
internal readonly struct LinearRateInput : IRateInput
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Transform(int channel, double rate) => rate;

    public bool ZeroAddsZero => true;
}

/// <summary>Some targets apply their gain function to each input (by ring channel; see <see cref="Neurons.RateInputGains"/>).</summary>
internal readonly struct GainPerChannel(Neurons.RateInputGains gains) : IRateInput
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Transform(int channel, double rate) => gains.Apply(channel, rate);

    public bool ZeroAddsZero => false;
}

/// <summary>
/// The delivery of rate connections (rate_connection_instantaneous, rate_connection_delayed, and sic_connection, whose
/// slow inward currents travel as delayed rates to a linearly summing input): each source's row of rates
/// (one per step of the slice it was sent in) is added, times each synapse's weight, into the target's input channel
/// (its excitatory or inhibitory rate input by the weight's sign, as NEST's handle): at the synapse's delay after each
/// rate's step for delayed connections (an e-prop readout's signal receptors take the first rate as a state instead,
/// <see cref="Neurons.IRateSignalStateTarget"/>), into the same step of the slice the rates are for for instantaneous ones
/// (<see cref="SecondaryDelivery.Instant"/>). Sources in id order, each source's
/// synapses in their order: every input's sum is formed in the same order whatever the split.
/// A source whose rates of the slice are all zero is passed over where each of its additions would be weight times
/// zero with a finite weight: a signed zero, which leaves every cell as it was (cells start at +0, x + (+-0) is x for
/// every x but -0, and sums that start at +0 never become -0). Astrocytes below their calcium threshold send such
/// rows of slow inward current, slice after slice (NEST adds the zeros).
/// </summary>
internal static class RateDelivery
{
    /// <summary>
    /// Delivers <paramref name="block"/>'s rates; <paramref name="gains"/> is null when every target sums linearly,
    /// <paramref name="states"/> when no target takes delayed rates as a state.
    /// </summary>
    public static void Deliver(SynapseBlock block, SecondaryEventBuffer values, in SecondaryDelivery context, bool delayed,
        Neurons.RateInputGains? gains, Neurons.RateSignalStates? states = null)
    {
        if (gains is null) Deliver(block, values, context, delayed, default(LinearRateInput), states);
        else Deliver(block, values, context, delayed, new GainPerChannel(gains), states);
    }

    /// <summary>
    /// The synapses of source <paramref name="s"/> of <paramref name="block"/> (storage positions <paramref name="first"/>
    /// to <paramref name="last"/> - 1) and where the source's values of the slice begin in
    /// <see cref="SecondaryEventBuffer.Received"/> (<paramref name="rates"/>); false when the source has no synapses in
    /// the block or sent no values for the slice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool SourceValues(SynapseBlock block, SecondaryEventBuffer values, int s, out int first, out int last, out int rates)
    {
        first = block.Offsets[s];
        last = block.Offsets[s + 1];
        rates = 0;
        if (first == last) return false;
        int row = values.RowOfNode[block.SourceMin + s];
        if (row < 0) return false;
        rates = row * values.ValuesPerSlice;
        return true;
    }

    private static void Deliver<TInput>(SynapseBlock block, SecondaryEventBuffer values, in SecondaryDelivery context, bool delayed, TInput input,
        Neurons.RateSignalStates? states)
        where TInput : struct, IRateInput
    {
        var ring = context.Ring;
        double[] data = delayed ? ring.Data : context.Instant.Data, received = values.Received;
        int channels = delayed ? ring.Channels : context.Instant.Channels, slots = delayed ? ring.Slots : int.MaxValue;
        int[] targets = block.Channels;
        double[] weights = block.Weights;
        int n = context.MinDelaySteps;
        for (int s = 0; s < block.SourceCount; s++)
        {
            if (!SourceValues(block, values, s, out int first, out int last, out int rates)) continue;
            if (states is null && input.ZeroAddsZero && AllZero(received.AsSpan(rates, n)) && AllFinite(weights.AsSpan(first, last - first))) continue;
            for (int i = first; i < last; i++)
            {
                int channel = targets[i];
                double weight = weights[i];
                if (states is not null && states.Contains(channel))
                {
                    // An e-prop readout takes the event's first rate as its signal from the slice after the one it was sent in.
                    double value = weight * received[rates];
                    int from = (int)((context.SliceStart + n) % slots);
                    for (int lag = 0; lag < n; lag++)
                    {
                        states.Write(data, channels, from, channel, value);
                        if (++from == slots) from = 0;
                    }
                    continue;
                }
                // Delayed: the ring slot of the rate's step plus the delay; instantaneous: the row of the same step.
                int slot = delayed ? (int)((context.SliceStart + block.DelayAt(i)) % slots) : 0;
                for (int lag = 0; lag < n; lag++)
                {
                    data[(nint)slot * channels + channel] += weight * input.Transform(channel, received[rates + lag]);
                    if (++slot == slots) slot = 0;
                }
            }
        }
    }

    private static bool AllZero(ReadOnlySpan<double> values)
    {
        foreach (double value in values)
            if (value != 0.0) return false;
        return true;
    }

    /// <summary>Whether no value is infinite or NaN (x - x is 0 exactly for finite x, NaN otherwise), a vector at a time.</summary>
    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var differences = Vector256<double>.Zero;
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.Create(values.Slice(i, Vector256<double>.Count));
                differences += v - v;
            }
            if (!Vector256.EqualsAll(differences, Vector256<double>.Zero)) return false;
        }
        for (; i < values.Length; i++)
            if (!double.IsFinite(values[i])) return false;
        return true;
    }
}
