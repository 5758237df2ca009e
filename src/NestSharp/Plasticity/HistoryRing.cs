namespace NestSharp.Plasticity;

/// <summary>An entry of a post-synaptic history: its time and how many synapses have read it.</summary>
internal interface IHistoryEntry
{
    /// <summary>The entry's time (ms).</summary>
    double T { get; }

    /// <summary>How many synapses have read the entry (NEST's access_counter).</summary>
    int AccessCounter { get; set; }
}

/// <summary>An entry of a voltage-based history: the end time of a step (ms) and its weight change, and how many synapses read it.</summary>
internal struct WeightChangeEntry : IHistoryEntry
{
    public double T { get; init; }
    public double Dw { get; init; }
    public int AccessCounter { get; set; }
}

/// <summary>
/// The entries a neuron keeps for the plastic synapses onto it, oldest first, in a ring that grows when full and never
/// shrinks (a neuron keeps firing at a similar rate, so the ring settles at its size). The spike archive of STDP, the
/// LTP entries of Clopath plasticity and the prediction errors of Urbanczik-Senn plasticity are such histories. A
/// struct, kept in a (non-readonly) field of its owner so that reading an entry costs no extra indirection.
/// </summary>
internal struct HistoryRing<TEntry>(int capacity) where TEntry : struct, IHistoryEntry
{
    /// <summary>Shift that keeps entry times off the bounds of a read window (ms), as NEST's voltage-based histories.</summary>
    private const double WindowShift = 1.0e-6;

    private TEntry[] _entries = new TEntry[capacity];
    private int _head;

    public int Count { get; private set; } = 0;

    /// <summary>The <paramref name="i"/>-th entry, oldest first.</summary>
    public readonly ref TEntry At(int i)
    {
        int at = _head + i;
        if (at >= _entries.Length) at -= _entries.Length;
        return ref _entries[at];
    }

    /// <summary>Appends <paramref name="entry"/> as the newest.</summary>
    public void Append(in TEntry entry)
    {
        if (Count == _entries.Length) Grow();
        int at = _head + Count;
        if (at >= _entries.Length) at -= _entries.Length;
        _entries[at] = entry;
        Count++;
    }

    /// <summary>Drops the oldest entry.</summary>
    public void DropOldest()
    {
        _head++;
        if (_head == _entries.Length) _head = 0;
        Count--;
    }

    /// <summary>Drops the oldest entries as long as every one of <paramref name="readers"/> synapses has read them, keeping the newest.</summary>
    public void DropRead(int readers)
    {
        while (Count > 1 && At(0).AccessCounter >= readers) DropOldest();
    }

    /// <summary>
    /// The entries with <paramref name="t1"/> &lt; t &lt;= <paramref name="t2"/> (each time taken 1e-6 ms early, so an
    /// entry at a bound belongs to the later window), counted as read once more: the first index and one past the last.
    /// </summary>
    public (int Start, int End) ReadWindow(double t1, double t2)
    {
        int start = 0;
        while (start < Count && At(start).T - WindowShift < t1) start++;
        int end = start;
        while (end < Count)
        {
            ref var entry = ref At(end);
            if (!(entry.T - WindowShift < t2)) break;
            entry.AccessCounter++;
            end++;
        }
        return (start, end);
    }

    private void Grow()
    {
        var larger = new TEntry[_entries.Length * 2];
        for (int i = 0; i < Count; i++) larger[i] = At(i);
        _entries = larger;
        _head = 0;
    }
}

/// <summary>Checkpoints of a voltage-based history: its entries, oldest first (the ring's capacity does not change what it holds).</summary>
internal static class WeightChangeHistory
{
    /// <summary>Writes the entries of <paramref name="ring"/>: their number, then each one's time, weight change and reads.</summary>
    public static void Save(CheckpointWriter writer, in HistoryRing<WeightChangeEntry> ring)
    {
        writer.Write(ring.Count);
        for (int i = 0; i < ring.Count; i++)
        {
            ref readonly var entry = ref ring.At(i);
            writer.Write(entry.T);
            writer.Write(entry.Dw);
            writer.Write(entry.AccessCounter);
        }
    }

    /// <summary>Appends the entries <see cref="Save"/> wrote to the empty <paramref name="ring"/>.</summary>
    public static void Restore(CheckpointReader reader, ref HistoryRing<WeightChangeEntry> ring)
    {
        for (int n = reader.ReadInt(), i = 0; i < n; i++)
            ring.Append(new WeightChangeEntry { T = reader.ReadDouble(), Dw = reader.ReadDouble(), AccessCounter = reader.ReadInt() });
    }
}
