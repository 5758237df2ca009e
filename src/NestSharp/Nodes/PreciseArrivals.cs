namespace NestSharp.Nodes;

/// <summary>
/// A spike on its way to a precise receiver: the step it arrives in, its offset (ms), multiplicity and the weight its
/// connection transmitted (per spike).
/// </summary>
internal readonly record struct PreciseArrival(long Step, double Offset, int Multiplicity, double Weight);

/// <summary>
/// The spikes on their way to one node of a precise receiver, in the order they were delivered (the canonical order,
/// so the same whatever the number of threads).
/// </summary>
internal sealed class PreciseArrivals
{
    private PreciseArrival[] _items = new PreciseArrival[4];
    private int _count;

    public void Add(PreciseArrival arrival)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _count * 2);
        _items[_count++] = arrival;
    }

    /// <summary>
    /// Moves the spikes arriving in <paramref name="step"/> into <paramref name="due"/> (grown if needed), sorted by
    /// time (largest offset first, ties in delivery order), and returns how many there are.
    /// </summary>
    public int TakeDue(long step, ref PreciseArrival[] due)
    {
        int taken = 0, kept = 0;
        for (int i = 0; i < _count; i++)
        {
            var arrival = _items[i];
            if (arrival.Step != step)
            {
                _items[kept++] = arrival;
                continue;
            }
            if (taken == due.Length) Array.Resize(ref due, taken * 2);
            // Insertion by time: after every spike with an offset at least as large.
            int at = taken;
            while (at > 0 && due[at - 1].Offset < arrival.Offset)
            {
                due[at] = due[at - 1];
                at--;
            }
            due[at] = arrival;
            taken++;
        }
        _count = kept;
        return taken;
    }

    public void Save(CheckpointWriter writer)
    {
        writer.Write(_count);
        for (int i = 0; i < _count; i++)
        {
            writer.Write(_items[i].Step);
            writer.Write(_items[i].Offset);
            writer.Write(_items[i].Multiplicity);
            writer.Write(_items[i].Weight);
        }
    }

    public static PreciseArrivals Restore(CheckpointReader reader)
    {
        var arrivals = new PreciseArrivals();
        int count = reader.ReadInt();
        for (int i = 0; i < count; i++) arrivals.Add(new PreciseArrival(reader.ReadLong(), reader.ReadDouble(), reader.ReadInt(), reader.ReadDouble()));
        return arrivals;
    }
}
