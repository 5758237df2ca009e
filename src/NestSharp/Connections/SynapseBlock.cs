using NestSharp.Models.Synapses;

namespace NestSharp.Connections;

/// <summary>
/// The synapses of one synapse model on one thread, compressed by source (CSR): the synapses of source s are entries
/// Offsets[s - SourceMin] .. Offsets[s - SourceMin + 1] - 1, in creation order. Every synapse has a target input channel
/// (int), a weight (double) and a delay in steps: 14 bytes for a static synapse while every delay of the block fits in
/// 16 bits (<see cref="NarrowDelays"/>); a block with a longer delay keeps its delays in 32 bits instead
/// (<see cref="WideDelays"/>), up to NEST's limit of <see cref="MaxDelaySteps"/>. Plastic synapse models add state
/// columns (doubles such as stdp_synapse's Kplus and last spike time, ints such as a random stream's key), described by
/// <see cref="SynapseLayout"/>, so storage, merging and reading back are the same code for every model. State the
/// synapses of a source share while they are in step (the _hom pair-STDP models' K+ and last spike time) is kept once
/// per run of such synapses (<see cref="Runs"/>) rather than per synapse.
/// </summary>
internal sealed class SynapseBlock
{
    /// <summary>The longest delay in steps NEST can store (21 bits).</summary>
    public const int MaxDelaySteps = (1 << 21) - 1;

    /// <summary>The longest delay in steps a block with 16-bit delays holds.</summary>
    public const int MaxNarrowDelaySteps = ushort.MaxValue;

    /// <summary>
    /// The number of synapses from which a block to be filled asks for huge pages (<see cref="LargePages"/>). Filling
    /// writes each connection at its source's next place, at random in the block; below this size the system's work of
    /// finding huge pages costs more than the address translation they save (docs/performance.md, twenty-third session:
    /// Brunel's 15.6 M synapses build in 1.27 s with them, 1.0 s without; hpc_benchmark's 40 M per thread at scale 1
    /// build faster with them).
    /// </summary>
    public const int HugePageSynapses = 1 << 25;

    public SynapseBlock(int synapseModelId, SynapseLayout layout, int sourceMin, int[] offsets, bool wideDelays = false)
        : this(synapseModelId, layout, sourceMin, offsets)
    {
        int n = offsets[^1];
        bool huge = n >= HugePageSynapses;
        T[] Column<T>() where T : unmanaged => LargePages.Zeroed<T>(n, pinned: false, advise: huge);
        Channels = Column<int>();
        Weights = Column<double>();
        if (wideDelays) WideDelays = Column<int>();
        else NarrowDelays = Column<ushort>();
        for (int c = 0; c < State.Length; c++) State[c] = Column<double>();
        for (int c = 0; c < Indices.Length; c++) Indices[c] = Column<int>();
        if (layout.SourceNames.Length > 0) Runs = SourceRuns.Uniform(offsets, new double[layout.SourceNames.Length]);
    }

    /// <summary>A block whose columns are still empty: <see cref="Merge"/> fills them one at a time.</summary>
    private SynapseBlock(int synapseModelId, SynapseLayout layout, int sourceMin, int[] offsets)
    {
        SynapseModelId = synapseModelId;
        Layout = layout;
        SourceMin = sourceMin;
        Offsets = offsets;
        Channels = [];
        Weights = [];
        State = new double[layout.StateNames.Length][];
        Indices = new int[layout.IndexNames.Length][];
    }

    public int SynapseModelId { get; }
    public SynapseLayout Layout { get; }
    public int SourceMin { get; }
    public int SourceCount => Offsets.Length - 1;
    public int[] Offsets { get; }
    public int[] Channels { get; private set; }
    public double[] Weights { get; private set; }

    /// <summary>The delays in steps while every one fits in 16 bits (null once the block holds a longer delay).</summary>
    public ushort[]? NarrowDelays { get; private set; }

    /// <summary>The delays in steps of a block with a delay beyond 16 bits (null otherwise).</summary>
    public int[]? WideDelays { get; private set; }

    /// <summary>Per-synapse state of plastic models, one array per name in <see cref="SynapseLayout.StateNames"/>.</summary>
    public double[][] State { get; }

    /// <summary>Per-synapse integers of plastic models, one array per name in <see cref="SynapseLayout.IndexNames"/>.</summary>
    public int[][] Indices { get; }

    /// <summary>
    /// The values of the columns in <see cref="SynapseLayout.SourceNames"/>, once per run of synapses of one source that
    /// share them (null for models without such columns).
    /// </summary>
    public SourceRuns? Runs { get; private set; }

    /// <summary>Replaces the runs of the shared columns (they must tile this block's synapses, source by source).</summary>
    public void SetRuns(SourceRuns runs)
    {
        if (Runs is null || runs.Values.Length != Runs.Values.Length || runs.First[^1] != Count || runs.OfSource.Length != Offsets.Length)
            throw new ArgumentException($"runs of {runs.Values.Length} columns over {runs.First[^1]} synapses for a block of {Count} synapses");
        Runs = runs;
    }

    /// <summary>The value of shared column <paramref name="column"/> for synapse <paramref name="index"/>.</summary>
    public double SourceValueAt(int column, int index) => Runs!.ValueAt(column, index);

    /// <summary>
    /// Gives synapses their own values of shared columns (index, column, value; applied in order) and rebuilds the runs,
    /// so a synapse whose value now differs from its run's starts a run of its own (O(synapses of the block)).
    /// </summary>
    public void SetSourceValues(IReadOnlyList<(int Index, int Column, double Value)> values)
    {
        var perSynapse = Runs!.Expand();
        foreach (var (index, column, value) in values) perSynapse[column][index] = value;
        Runs = SourceRuns.FromSynapses(Offsets, perSynapse);
    }

    /// <summary>The receptor_type per synapse (as given to Connect), allocated only when some synapse has one other than 0.</summary>
    public byte[]? Receptors { get; private set; }

    /// <summary>
    /// The receptor port per synapse as NEST reports it (<c>receptor</c>; the target's numbering of the receptor_type),
    /// allocated only when some synapse has one other than 0.
    /// </summary>
    public int[]? Ports { get; private set; }

    public int Count => Channels.Length;

    /// <summary>
    /// Runs the delivery <paramref name="loop"/> over <paramref name="spikes"/> with this block's delays, as
    /// <see cref="NarrowDelays"/> or <see cref="WideDelays"/> (the one place that chooses between the two widths).
    /// </summary>
    public void Deliver<TLoop>(TLoop loop, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
        where TLoop : struct, IDeliveryLoop, allows ref struct
    {
        if (NarrowDelays is { } narrow) loop.Run(new NarrowDelays(narrow), this, spikes, in context, model);
        else loop.Run(new WideDelays(WideDelays!), this, spikes, in context, model);
    }

    /// <summary>The delay of synapse <paramref name="index"/> in steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DelayAt(int index) => NarrowDelays is { } narrow ? narrow[index] : WideDelays![index];

    /// <summary>Sets the delay of synapse <paramref name="index"/> (steps, 1 .. <see cref="MaxDelaySteps"/>), widening the block's delays if needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetDelay(int index, int steps)
    {
        if (NarrowDelays is { } narrow)
        {
            if ((uint)steps <= MaxNarrowDelaySteps)
            {
                narrow[index] = (ushort)steps;
                return;
            }
            Widen();
        }
        WideDelays![index] = steps;
    }

    /// <summary>Keeps the delays in 32 bits from now on (for a delay beyond 16 bits).</summary>
    public void Widen()
    {
        if (NarrowDelays is not { } narrow) return;
        var wide = new int[narrow.Length];
        for (int i = 0; i < narrow.Length; i++) wide[i] = narrow[i];
        WideDelays = wide;
        NarrowDelays = null;
    }

    /// <summary>Sets the receptor_type and the reported receptor port of synapse <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetReceptor(int index, int receptor, int port)
    {
        // Most blocks keep neither column: receptor and port 0 need nothing.
        if ((receptor | port) != 0 || Receptors is not null || Ports is not null) StoreReceptor(index, receptor, port);
    }

    private void StoreReceptor(int index, int receptor, int port)
    {
        if (receptor != 0 || Receptors is not null)
        {
            Receptors ??= new byte[Count];
            Receptors[index] = checked((byte)receptor);
        }
        if (port != 0 || Ports is not null)
        {
            Ports ??= new int[Count];
            Ports[index] = port;
        }
    }

    /// <summary>
    /// Sets the receptor_type and reported receptor-port columns whole (each null, or one value per synapse), as a
    /// checkpoint holds them.
    /// </summary>
    public void SetReceptorColumns(byte[]? receptors, int[]? ports)
    {
        if (receptors is not null && receptors.Length != Count || ports is not null && ports.Length != Count)
            throw new ArgumentException($"receptor columns of {receptors?.Length} and {ports?.Length} values for a block of {Count} synapses");
        Receptors = receptors;
        Ports = ports;
    }

    /// <summary>Sets the receptor_type of synapse <paramref name="index"/>, reported as it is given.</summary>
    public void SetReceptor(int index, int receptor) => SetReceptor(index, receptor, receptor);

    public int ReceptorAt(int index) => Receptors is null ? 0 : Receptors[index];

    /// <summary>The receptor port NEST reports for synapse <paramref name="index"/>.</summary>
    public int PortAt(int index) => Ports is null ? 0 : Ports[index];

    /// <summary>The synapse range of a source (empty if out of range).</summary>
    public (int Start, int End) RangeOf(int source)
    {
        int s = source - SourceMin;
        if ((uint)s >= (uint)SourceCount) return (0, 0);
        return (Offsets[s], Offsets[s + 1]);
    }

    /// <summary>The source of synapse <paramref name="index"/> (a binary search of the offsets).</summary>
    public int SourceOf(int index)
    {
        int lo = 0, hi = SourceCount - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (Offsets[mid] <= index) lo = mid;
            else hi = mid - 1;
        }
        // Sources without synapses share their offset with the next: step over them.
        while (lo < SourceCount - 1 && Offsets[lo + 1] <= index) lo++;
        return SourceMin + lo;
    }

    /// <summary>This block without synapse <paramref name="index"/> (for deleting single synapses; O(synapses)).</summary>
    public SynapseBlock Without(int index) => Without([index]);

    /// <summary>This block without the synapses at <paramref name="indices"/> (distinct, any order; O(synapses)).</summary>
    public SynapseBlock Without(IReadOnlyCollection<int> indices)
    {
        var removed = new bool[Count];
        foreach (int i in indices) removed[i] = true;
        var offsets = new int[Offsets.Length];
        for (int s = 0; s < SourceCount; s++)
        {
            int kept = 0;
            for (int i = Offsets[s]; i < Offsets[s + 1]; i++) if (!removed[i]) kept++;
            offsets[s + 1] = offsets[s] + kept;
        }
        var smaller = new SynapseBlock(SynapseModelId, Layout, SourceMin, offsets, WideDelays is not null);
        for (int i = 0, j = 0; i < Count; i++)
        {
            if (removed[i]) continue;
            smaller.CopyFrom(this, i, j++);
        }
        if (Runs is { } runs)
        {
            var kept = new SourceRuns.Builder(runs.Values.Length, SourceCount);
            Span<double> values = stackalloc double[runs.Values.Length];
            for (int s = 0; s < SourceCount; s++)
            {
                for (int r = runs.OfSource[s]; r < runs.OfSource[s + 1]; r++)
                {
                    int n = 0;
                    for (int i = runs.First[r]; i < runs.First[r + 1]; i++) if (!removed[i]) n++;
                    for (int c = 0; c < values.Length; c++) values[c] = runs.Values[c][r];
                    kept.Append(s, n, values);
                }
            }
            smaller.Runs = kept.Finish();
        }
        return smaller;
    }

    /// <summary>Copies every column of synapse <paramref name="from"/> of <paramref name="source"/> to synapse <paramref name="to"/> of this block.</summary>
    private void CopyFrom(SynapseBlock source, int from, int to)
    {
        Channels[to] = source.Channels[from];
        Weights[to] = source.Weights[from];
        SetDelay(to, source.DelayAt(from));
        for (int c = 0; c < State.Length; c++) State[c][to] = source.State[c][from];
        for (int c = 0; c < Indices.Length; c++) Indices[c][to] = source.Indices[c][from];
        SetReceptor(to, source.ReceptorAt(from), source.PortAt(from));
    }

    /// <summary>
    /// Concatenates blocks of one model per source, keeping each source's synapses in creation order. The blocks are
    /// consumed: the merged block is built one column at a time and each column of the inputs is released as soon as
    /// it is copied, so that merging needs the final size plus one column rather than twice the final size (a large
    /// network's build peak). The inputs must not be used afterwards.
    /// </summary>
    public static SynapseBlock Merge(IReadOnlyList<SynapseBlock> blocks)
    {
        int min = int.MaxValue, max = int.MinValue;
        bool wide = false, receptors = false;
        foreach (var b in blocks)
        {
            min = Math.Min(min, b.SourceMin);
            max = Math.Max(max, b.SourceMin + b.SourceCount - 1);
            wide |= b.WideDelays is not null;
            receptors |= b.Receptors is not null || b.Ports is not null;
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
        merged.Weights = MergeColumn(blocks, merged, b => b.Weights, b => b.Weights = []);
        merged.Channels = MergeColumn(blocks, merged, b => b.Channels, b => b.Channels = []);
        if (wide)
        {
            foreach (var b in blocks) b.Widen();
            merged.WideDelays = MergeColumn(blocks, merged, b => b.WideDelays!, b => b.WideDelays = null);
        }
        else
        {
            merged.NarrowDelays = MergeColumn(blocks, merged, b => b.NarrowDelays!, b => b.NarrowDelays = null);
        }
        for (int c = 0; c < merged.State.Length; c++)
            merged.State[c] = MergeColumn(blocks, merged, b => b.State[c], b => b.State[c] = []);
        for (int c = 0; c < merged.Indices.Length; c++)
            merged.Indices[c] = MergeColumn(blocks, merged, b => b.Indices[c], b => b.Indices[c] = []);
        if (merged.Layout.SourceNames.Length > 0) merged.Runs = MergeRuns(blocks, merged);
        if (receptors)
        {
            for (int s = min; s <= max; s++)
            {
                int at = offsets[s - min];
                foreach (var b in blocks)
                {
                    var (a, e) = b.RangeOf(s);
                    for (int i = a; i < e; i++) merged.SetReceptor(at++, b.ReceptorAt(i), b.PortAt(i));
                }
            }
        }
        return merged;
    }

    /// <summary>The runs of the shared columns of <see cref="Merge"/>: each source's runs of each block in turn, equal neighbours joined.</summary>
    private static SourceRuns MergeRuns(IReadOnlyList<SynapseBlock> blocks, SynapseBlock merged)
    {
        int columns = merged.Layout.SourceNames.Length;
        var builder = new SourceRuns.Builder(columns, merged.SourceCount);
        Span<double> values = stackalloc double[columns];
        for (int s = 0; s < merged.SourceCount; s++)
        {
            int source = merged.SourceMin + s;
            foreach (var b in blocks)
            {
                int local = source - b.SourceMin;
                if ((uint)local >= (uint)b.SourceCount) continue;
                var runs = b.Runs!;
                for (int r = runs.OfSource[local]; r < runs.OfSource[local + 1]; r++)
                {
                    for (int c = 0; c < columns; c++) values[c] = runs.Values[c][r];
                    builder.Append(s, runs.First[r + 1] - runs.First[r], values);
                }
            }
        }
        return builder.Finish();
    }

    /// <summary>Bytes of released columns above which a merge asks the garbage collector to return them before the next column.</summary>
    private const long ReleaseCollectBytes = 256L << 20;

    /// <summary>One column of <see cref="Merge"/>: copies every source's range from each block, then releases the blocks' column.</summary>
    private static T[] MergeColumn<T>(IReadOnlyList<SynapseBlock> blocks, SynapseBlock merged, Func<SynapseBlock, T[]> column, Action<SynapseBlock> release)
    {
        var result = new T[merged.Offsets[^1]];
        int min = merged.SourceMin, max = merged.SourceMin + merged.SourceCount - 1;
        for (int s = min; s <= max; s++)
        {
            int at = merged.Offsets[s - min];
            foreach (var b in blocks)
            {
                var (a, e) = b.RangeOf(s);
                Array.Copy(column(b), a, result, at, e - a);
                at += e - a;
            }
        }
        foreach (var b in blocks) release(b);
        // Return the released columns to the system before the next one is allocated (a plain collection keeps the
        // freed regions committed, and the peak would stay near twice the final size).
        if ((long)result.Length * Unsafe.SizeOf<T>() > ReleaseCollectBytes)
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return result;
    }
}

/// <summary>
/// The names of the columns a synapse model stores beyond channel, weight and delay: per synapse (doubles and ints),
/// and per run of synapses of one source that share them (<see cref="SynapseBlock.Runs"/>).
/// </summary>
internal sealed record SynapseLayout(string[] StateNames, string[] IndexNames, string[] SourceNames)
{
    /// <summary>A layout with per-synapse columns only.</summary>
    public SynapseLayout(string[] stateNames, string[] indexNames) : this(stateNames, indexNames, []) { }

    public static readonly SynapseLayout Static = new([], []);
}

/// <summary>
/// A synapse model's delivery loop, generic over the width of a block's delays: <see cref="SynapseBlock.Deliver"/> runs
/// it with the block's <see cref="NarrowDelays"/> or <see cref="WideDelays"/>, so the loop is compiled once per width
/// (and per implementing struct, which carries what the model adds: its rule, its arrival step).
/// </summary>
internal interface IDeliveryLoop
{
    /// <summary>Delivers <paramref name="spikes"/> through the synapses of <paramref name="block"/>, whose delays are <paramref name="delays"/>.</summary>
    void Run<TDelays>(TDelays delays, SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
        where TDelays : struct, IDelays;
}

/// <summary>
/// Read access to a block's delays for the delivery loops: one implementation per storage width, so a loop generic
/// over it is compiled once per width, with the read inlined (no virtual call or branch per synapse).
/// </summary>
internal interface IDelays
{
    /// <summary>The delay of synapse <paramref name="index"/> in steps.</summary>
    int this[int index] { get; }
}

/// <summary>The 16-bit delays of a block.</summary>
internal readonly struct NarrowDelays(ushort[] delays) : IDelays
{
    public int this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => delays[index];
    }
}

/// <summary>The 32-bit delays of a block.</summary>
internal readonly struct WideDelays(int[] delays) : IDelays
{
    public int this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => delays[index];
    }
}
