namespace NestSharp.Kernel;

/// <summary>
/// The input ring buffer of all neurons, laid out <c>[slot][channel]</c>: a neuron group reads one contiguous row
/// segment per step, delivery adds into <c>row(arrival step)[channel]</c>. Slots are indexed by absolute step modulo
/// the number of slots (min_delay + max_delay), so partial slices and repeated Simulate calls need no shifting.
/// </summary>
internal sealed class InputRing
{
    public InputRing(int channels, int slots)
    {
        Channels = channels;
        Slots = slots;
        Data = LargePages.Zeroed<double>((long)channels * slots, pinned: true);
        PrefetchPays = Data.LongLength * sizeof(double) >= PrefetchFromBytes;
    }

    /// <summary>
    /// The ring size from which static delivery asks for cells ahead (<see cref="Prefetch"/>). A smaller ring stays in
    /// the last-level cache (32 MiB on the machines measured), where the asking costs more instructions than its
    /// overlapped waits save: Brunel's network of order 2500 (a 9 MB ring) took 5 % less user time without it, the
    /// microcircuit at a tenth of its neurons (13 MB) the same either way, at a quarter (31 MB) about half the time
    /// with it (docs/performance.md, twenty-second session).
    /// </summary>
    public const long PrefetchFromBytes = 16L << 20;

    /// <summary>Whether the ring is large enough for static delivery to ask for cells ahead (<see cref="PrefetchFromBytes"/>).</summary>
    public bool PrefetchPays { get; }

    public double[] Data { get; }
    public int Channels { get; }
    public int Slots { get; }

    public int SlotOf(long step) => (int)(step % Slots);

    /// <summary>How many synapses ahead delivery loops ask for the ring cell they will add into.</summary>
    public const int PrefetchDistance = 32;

    /// <summary>
    /// Asks the processor to bring cell <paramref name="index"/> of a ring's <paramref name="data"/> into the cache
    /// (a hint: nothing is read or written, an index past the end does no harm). Delivery adds into random cells of tens
    /// of megabytes; asking <see cref="PrefetchDistance"/> synapses ahead lets the waits for memory overlap. The data
    /// array is pinned (<see cref="LargePages.Zeroed{T}"/>), so its address stays valid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Prefetch(double[] data, nint index) => CacheHints.Prefetch(data, index);

    /// <summary>The channels [start, start + length) of the row for <paramref name="step"/>.</summary>
    public Span<double> Row(long step, int start, int length) => Data.AsSpan(SlotOf(step) * Channels + start, length);

    /// <summary>A ring with more channels or other slot count holding the same pending input.</summary>
    public InputRing Resized(int channels, int slots, long now)
    {
        var ring = new InputRing(channels, slots);
        int keep = Math.Min(Slots, slots);
        for (long step = now; step < now + keep; step++)
            Row(step, 0, Channels).CopyTo(ring.Row(step, 0, Channels));
        return ring;
    }
}
