namespace NestSharp.Connections;

/// <summary>
/// The synapses of one synapse model on one thread, compressed by source (CSR): the synapses of source s are entries
/// Offsets[s - SourceMin] .. Offsets[s - SourceMin + 1] - 1, in creation order. Every synapse has a target input channel
/// (int), a weight (double) and a delay in steps (ushort): 14 bytes for a static synapse. Plastic synapse models add
/// state columns (doubles such as Kplus and the last spike time, ints such as the target id), described by
/// <see cref="SynapseLayout"/>, so storage, merging and reading back are the same code for every model.
/// </summary>
internal sealed class SynapseBlock
{
    public const int MaxDelaySteps = ushort.MaxValue;

    public SynapseBlock(int synapseModelId, SynapseLayout layout, int sourceMin, int[] offsets)
    {
        SynapseModelId = synapseModelId;
        Layout = layout;
        SourceMin = sourceMin;
        Offsets = offsets;
        int n = offsets[^1];
        Channels = new int[n];
        Weights = new double[n];
        Delays = new ushort[n];
        State = new double[layout.StateNames.Length][];
        for (int c = 0; c < State.Length; c++) State[c] = new double[n];
        Indices = new int[layout.IndexNames.Length][];
        for (int c = 0; c < Indices.Length; c++) Indices[c] = new int[n];
    }

    public int SynapseModelId { get; }
    public SynapseLayout Layout { get; }
    public int SourceMin { get; }
    public int SourceCount => Offsets.Length - 1;
    public int[] Offsets { get; }
    public int[] Channels { get; }
    public double[] Weights { get; }
    public ushort[] Delays { get; }

    /// <summary>Per-synapse state of plastic models, one array per name in <see cref="SynapseLayout.StateNames"/>.</summary>
    public double[][] State { get; }

    /// <summary>Per-synapse integers of plastic models, one array per name in <see cref="SynapseLayout.IndexNames"/>.</summary>
    public int[][] Indices { get; }

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

    /// <summary>This block without synapse <paramref name="index"/> (for deleting single synapses; O(synapses)).</summary>
    public SynapseBlock Without(int index)
    {
        var offsets = (int[])Offsets.Clone();
        for (int s = 0; s < SourceCount; s++)
            if (Offsets[s + 1] > index) offsets[s + 1]--;
        var smaller = new SynapseBlock(SynapseModelId, Layout, SourceMin, offsets);
        Copy(Channels, smaller.Channels, index);
        Copy(Weights, smaller.Weights, index);
        Copy(Delays, smaller.Delays, index);
        for (int c = 0; c < State.Length; c++) Copy(State[c], smaller.State[c], index);
        for (int c = 0; c < Indices.Length; c++) Copy(Indices[c], smaller.Indices[c], index);
        for (int i = 0; i < smaller.Count; i++) smaller.SetReceptor(i, ReceptorAt(i < index ? i : i + 1));
        return smaller;

        static void Copy<T>(T[] from, T[] to, int skip)
        {
            Array.Copy(from, 0, to, 0, skip);
            Array.Copy(from, skip + 1, to, skip, from.Length - skip - 1);
        }
    }

    /// <summary>Concatenates blocks of one model per source, keeping each source's synapses in creation order.</summary>
    public static SynapseBlock Merge(IReadOnlyList<SynapseBlock> blocks)
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
        var merged = new SynapseBlock(blocks[0].SynapseModelId, blocks[0].Layout, min, offsets);
        for (int s = min; s <= max; s++)
        {
            int at = offsets[s - min];
            foreach (var b in blocks)
            {
                var (a, e) = b.RangeOf(s);
                int n = e - a;
                Array.Copy(b.Channels, a, merged.Channels, at, n);
                Array.Copy(b.Weights, a, merged.Weights, at, n);
                Array.Copy(b.Delays, a, merged.Delays, at, n);
                for (int c = 0; c < merged.State.Length; c++) Array.Copy(b.State[c], a, merged.State[c], at, n);
                for (int c = 0; c < merged.Indices.Length; c++) Array.Copy(b.Indices[c], a, merged.Indices[c], at, n);
                for (int i = a; i < e; i++) merged.SetReceptor(at + i - a, b.ReceptorAt(i));
                at += n;
            }
        }
        return merged;
    }
}

/// <summary>The names of the per-synapse columns a synapse model stores beyond channel, weight and delay.</summary>
internal sealed record SynapseLayout(string[] StateNames, string[] IndexNames)
{
    public static readonly SynapseLayout Static = new([], []);
}
