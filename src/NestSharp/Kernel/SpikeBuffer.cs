namespace NestSharp.Kernel;

/// <summary>
/// A spike emitted in the current slice: its lag in the slice, sender, multiplicity, weight factor and offset. The
/// four integers come first so that the two doubles fill the record without padding: 32 bytes, as before the offset
/// was carried (the offset took the place the padding had).
/// </summary>
internal struct Spike
{
    public int Lag;
    public int Source;
    public int Multiplicity;

    /// <summary>Position in the sender's thread buffer, to keep equal (lag, sender) pairs in emission order.</summary>
    public int Sequence;

    /// <summary>Multiplies the connection weight (a spike-generating device's spike_weights); 1 otherwise.</summary>
    public double WeightFactor;

    /// <summary>
    /// How long before the end of its step the spike happened (ms, in [0, h)): NEST's precise spike offset, set only by
    /// senders with precise times (spike_generator and spike_train_injector with precise_times); 0 for every
    /// grid-based sender. Grid-based receivers ignore it, as in NEST; spike recorders record time = stamp - offset.
    /// </summary>
    public double Offset;

    public readonly long OrderKey => ((long)Lag << 32) | (uint)Source;

    /// <summary>Whether this is a flush event (multiplicity 0; only in what synapse types that support them get).</summary>
    public readonly bool IsFlushEvent => Multiplicity == 0;
}

/// <summary>A growable list of spikes, reused from slice to slice without allocation once grown.</summary>
internal sealed class SpikeBuffer
{
    private Spike[] _items = new Spike[256];

    public int Count { get; private set; }

    public ReadOnlySpan<Spike> Items => _items.AsSpan(0, Count);

    /// <summary>The array <see cref="Items"/> lies at the start of (until the buffer grows).</summary>
    public Spike[] Storage => _items;

    /// <summary>
    /// Adds a spike; <paramref name="offset"/> is its time before the end of its step (ms), given only by senders with
    /// precise times.
    /// </summary>
    public void Add(int lag, int source, int multiplicity = 1, double weightFactor = 1.0, double offset = 0.0)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = new Spike { Lag = lag, Source = source, Multiplicity = multiplicity, WeightFactor = weightFactor, Offset = offset };
    }

    public void Clear() => Count = 0;

    /// <summary>Removes, from position <paramref name="start"/> on, the spikes whose sender <paramref name="drop"/> selects (keeping the order of the rest).</summary>
    public void RemoveFrom<TState>(int start, TState state, Func<TState, int, bool> drop)
    {
        int kept = start;
        for (int i = start; i < Count; i++)
        {
            if (!drop(state, _items[i].Source)) _items[kept++] = _items[i];
        }
        Count = kept;
    }

    /// <summary>
    /// Replaces each spike of multiplicity k whose sender <paramref name="unrolls"/> selects by k consecutive spikes of
    /// multiplicity 1 (same lag, sender, weight factor and offset), in place and keeping the order: NEST unrolls the
    /// spikes a node with proxies sends through its target tables, as plastic synapses handle single spikes only.
    /// Returns how many spikes the selected senders sent (their multiplicities summed: NEST's local spike count).
    /// </summary>
    public long UnrollMultiplicity<TState>(TState state, Func<TState, int, bool> unrolls)
    {
        int total = 0;
        long unrolled = 0;
        for (int i = 0; i < Count; i++)
        {
            int m = _items[i].Multiplicity;
            bool unroll = unrolls(state, _items[i].Source);
            total += unroll ? m : 1;
            unrolled += unroll ? m : 0;
        }
        if (total == Count) return unrolled;
        if (_items.Length < total) Array.Resize(ref _items, Math.Max(total, _items.Length * 2));
        // From the back, so that no spike is overwritten before it is moved (the write position never falls below the read position).
        int write = total;
        for (int read = Count - 1; read >= 0; read--)
        {
            var spike = _items[read];
            int copies = spike.Multiplicity > 1 && unrolls(state, spike.Source) ? spike.Multiplicity : 1;
            spike.Multiplicity = copies > 1 ? 1 : spike.Multiplicity;
            for (int r = 0; r < copies; r++) _items[--write] = spike;
        }
        Count = total;
        return unrolled;
    }

    /// <summary>The receive buffer of <see cref="ExchangeCanonical"/>, kept from slice to slice.</summary>
    private Spike[] _exchange = [];

    /// <summary>
    /// Replaces this process's spikes (already in canonical order) by those of all processes, in canonical order:
    /// gathered in rank order, then ordered by (lag, sender) keeping the gathered order among equals.
    /// </summary>
    public void ExchangeCanonical(Communication.ICommunicator communicator)
    {
        int n = communicator.AllGather(Items, ref _exchange);
        if (_items.Length < n) _items = new Spike[Math.Max(n, _items.Length * 2)];
        for (int i = 0; i < n; i++)
        {
            _items[i] = _exchange[i];
            _items[i].Sequence = i;
        }
        Count = n;
        _items.AsSpan(0, n).Sort(static (a, b) => a.OrderKey != b.OrderKey ? a.OrderKey.CompareTo(b.OrderKey) : a.Sequence.CompareTo(b.Sequence));
    }

    /// <summary>
    /// Replaces the content with <paramref name="spikes"/> and <paramref name="flushEvents"/> (each in canonical order)
    /// merged in canonical order, a spike before a flush event of the same step and sender, the flush events with
    /// multiplicity 0.
    /// </summary>
    public void MergeWithFlushEvents(ReadOnlySpan<Spike> spikes, ReadOnlySpan<Spike> flushEvents)
    {
        int total = spikes.Length + flushEvents.Length;
        if (_items.Length < total) _items = new Spike[Math.Max(total, _items.Length * 2)];
        int a = 0, b = 0, n = 0;
        while (a < spikes.Length || b < flushEvents.Length)
        {
            if (b == flushEvents.Length || (a < spikes.Length && spikes[a].OrderKey <= flushEvents[b].OrderKey))
            {
                _items[n++] = spikes[a++];
            }
            else
            {
                _items[n] = flushEvents[b++];
                _items[n++].Multiplicity = 0;
            }
        }
        Count = n;
    }

    /// <summary>Replaces the content with the spikes of all <paramref name="parts"/> in canonical order (lag, then sender).</summary>
    public void MergeCanonical(SpikeBuffer[] parts)
    {
        int total = 0;
        foreach (var p in parts) total += p.Count;
        if (_items.Length < total) _items = new Spike[Math.Max(total, _items.Length * 2)];
        int n = 0;
        bool sorted = true;
        long last = long.MinValue;
        foreach (var p in parts)
        {
            var items = p.Items;
            for (int i = 0; i < items.Length; i++)
            {
                long k = items[i].OrderKey;
                if (k < last) sorted = false;
                last = k;
                _items[n] = items[i];
                _items[n++].Sequence = i;
            }
        }
        Count = n;
        if (!sorted) _items.AsSpan(0, n).Sort(static (a, b) => a.OrderKey != b.OrderKey ? a.OrderKey.CompareTo(b.OrderKey) : a.Sequence.CompareTo(b.Sequence));
    }
}
