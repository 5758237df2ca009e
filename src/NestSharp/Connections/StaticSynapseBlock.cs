namespace NestSharp.Connections;

/// <summary>
/// Static synapses of one synapse model on one thread, compressed by source (CSR): the synapses of source s are
/// entries Offsets[s - SourceMin] .. Offsets[s - SourceMin + 1] - 1, in creation order, each a target input channel
/// (int), a weight (double) and a delay in steps (ushort): 14 bytes per synapse.
/// </summary>
internal sealed class StaticSynapseBlock
{
    public const int MaxDelaySteps = ushort.MaxValue;

    public StaticSynapseBlock(int synapseModelId, int sourceMin, int[] offsets)
    {
        SynapseModelId = synapseModelId;
        SourceMin = sourceMin;
        Offsets = offsets;
        int n = offsets[^1];
        Channels = new int[n];
        Weights = new double[n];
        Delays = new ushort[n];
    }

    public int SynapseModelId { get; }
    public int SourceMin { get; }
    public int SourceCount => Offsets.Length - 1;
    public int[] Offsets { get; }
    public int[] Channels { get; }
    public double[] Weights { get; }
    public ushort[] Delays { get; }

    /// <summary>Receptor per synapse, allocated only when some synapse has a receptor other than 0.</summary>
    public byte[]? Receptors { get; private set; }

    public int Count => Channels.Length;

    public void SetReceptor(int index, int receptor)
    {
        if (receptor == 0 && Receptors is null) return;
        Receptors ??= new byte[Count];
        Receptors[index] = checked((byte)receptor);
    }

    public int ReceptorAt(int index) => Receptors is null ? 0 : Receptors[index];

    /// <summary>The synapse range of a source (empty if out of range).</summary>
    public (int Start, int End) RangeOf(int source)
    {
        int s = source - SourceMin;
        if ((uint)s >= (uint)SourceCount) return (0, 0);
        return (Offsets[s], Offsets[s + 1]);
    }

    /// <summary>Concatenates blocks of one model per source, keeping each source's synapses in creation order.</summary>
    public static StaticSynapseBlock Merge(IReadOnlyList<StaticSynapseBlock> blocks)
    {
        int min = int.MaxValue, max = int.MinValue;
        foreach (var b in blocks)
        {
            min = Math.Min(min, b.SourceMin);
            max = Math.Max(max, b.SourceMin + b.SourceCount - 1);
        }
        var offsets = new int[max - min + 2];
        for (int s = min; s <= max; s++)
        {
            int n = 0;
            foreach (var b in blocks)
            {
                var (a, e) = b.RangeOf(s);
                n += e - a;
            }
            offsets[s - min + 1] = offsets[s - min] + n;
        }
        var merged = new StaticSynapseBlock(blocks[0].SynapseModelId, min, offsets);
        for (int s = min; s <= max; s++)
        {
            int at = offsets[s - min];
            foreach (var b in blocks)
            {
                var (a, e) = b.RangeOf(s);
                Array.Copy(b.Channels, a, merged.Channels, at, e - a);
                Array.Copy(b.Weights, a, merged.Weights, at, e - a);
                Array.Copy(b.Delays, a, merged.Delays, at, e - a);
                for (int i = a; i < e; i++) merged.SetReceptor(at + i - a, b.ReceptorAt(i));
                at += e - a;
            }
        }
        return merged;
    }
}
