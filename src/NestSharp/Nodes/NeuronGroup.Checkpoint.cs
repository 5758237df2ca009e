namespace NestSharp.Nodes;

// Checkpoints of neuron groups: every column, array parameter, port variable and flag, by node id, then the model's own
// state, its counters and what it keeps outside the columns.
internal abstract partial class NeuronGroup
{
    public sealed override void SaveState(CheckpointWriter writer)
    {
        var buffer = new double[Count];
        writer.Write(Columns.Length);
        foreach (var column in Columns) writer.Write(InIdOrder(column, buffer));
        writer.Write(_arrays.Length);
        foreach (var array in _arrays)
        {
            for (int local = 0; local < Count; local++) writer.Write(array[PositionOf(local)]);
        }
        WritePortState(writer, buffer);
        for (int local = 0; local < Count; local++)
        {
            int position = PositionOf(local);
            writer.Write(HasPorts && _hasConnections[position]);
            writer.Write(_frozenCount > 0 && _frozen[position]);
        }
        SaveModelState(writer);
        foreach (var counters in _counters) WriteInIdOrder(writer, counters);
        _outside?.SaveCheckpoint(writer, this);
    }

    public sealed override void RestoreState(CheckpointReader reader, RestoreContext context)
    {
        RestoringOnly(context.Owned, () => RestoreOwnedState(reader, context));
    }

    /// <summary>The nodes a restore in progress takes the state of (null: all; see <see cref="RestoreContext.Owned"/>).</summary>
    private Func<int, bool>? _restoredNodes;

    /// <summary>Runs <paramref name="restore"/> taking from what it reads only the state of the nodes <paramref name="owned"/> names (null: all).</summary>
    private void RestoringOnly(Func<int, bool>? owned, Action restore)
    {
        _restoredNodes = owned;
        try
        {
            restore();
        }
        finally
        {
            _restoredNodes = null;
        }
    }

    /// <summary>Whether the restore in progress takes the state of node <paramref name="local"/> from what it reads.</summary>
    internal bool Restores(int local) => _restoredNodes is null || _restoredNodes(FirstId + local);

    private void RestoreOwnedState(CheckpointReader reader, RestoreContext context)
    {
        var buffer = new double[Count];
        Expect(reader, reader.ReadInt(), Columns.Length, "columns");
        foreach (var column in Columns)
        {
            reader.ReadDoubles(buffer);
            FromIdOrder(buffer, column);
        }
        Expect(reader, reader.ReadInt(), _arrays.Length, "array parameters");
        foreach (var array in _arrays)
        {
            for (int local = 0; local < Count; local++)
            {
                double[] values = reader.ReadDoubles();
                if (Restores(local)) array[PositionOf(local)] = values;
            }
        }
        ReadPortState(reader, buffer);
        for (int local = 0; local < Count; local++)
        {
            int position = PositionOf(local);
            bool connected = reader.ReadBool(), frozen = reader.ReadBool();
            if (!Restores(local)) continue;
            if (HasPorts) _hasConnections[position] = connected;
            if (frozen) SetFrozen(local, true);
        }
        RestoreModelState(reader, context);
        foreach (var counters in _counters) ReadInIdOrder(reader, counters);
        _outside?.RestoreCheckpoint(reader, this);
        EnsurePortBlocks();
    }

    /// <summary>Writes every port variable of every port, in node-id order (<paramref name="buffer"/>: one value per node).</summary>
    private void WritePortState(CheckpointWriter writer, double[] buffer)
    {
        writer.Write(_portState.Length);
        foreach (var variable in _portState)
        {
            writer.Write(variable.Length);
            foreach (var port in variable) writer.Write(InIdOrder(port, buffer));
        }
    }

    /// <summary>Reads what <see cref="WritePortState"/> wrote, for the nodes being restored.</summary>
    private void ReadPortState(CheckpointReader reader, double[] buffer)
    {
        EnsurePortBlocks();
        Expect(reader, reader.ReadInt(), _portState.Length, "port variables");
        for (int v = 0; v < _portState.Length; v++)
        {
            var ports = new double[reader.ReadInt()][];
            var earlier = _portState[v];
            for (int r = 0; r < ports.Length; r++)
            {
                reader.ReadDoubles(buffer);
                // A restore of some nodes only keeps the others' values (read from an earlier part).
                ports[r] = _restoredNodes is not null && earlier is not null && r < earlier.Length ? earlier[r] : new double[Count];
                FromIdOrder(buffer, ports[r]);
            }
            _portState[v] = ports;
        }
    }

    /// <summary>The arrays <see cref="CountersOutsideColumns"/> made, in the order of the calls.</summary>
    private readonly List<int[]> _counters = [];

    /// <summary>
    /// A whole number per node (a refractory count-down) that the model keeps by storage position in an int[] rather
    /// than in a column, for its update loop; not in the status. The group checkpoints it by node id after
    /// <see cref="SaveModelState"/>, counters in the order of the calls. Called from the model's constructor.
    /// </summary>
    protected int[] CountersOutsideColumns()
    {
        var counters = new int[Count];
        _counters.Add(counters);
        return counters;
    }

    /// <summary>Writes what the model keeps outside its columns (hidden per-node state of its own), by node id.</summary>
    protected virtual void SaveModelState(CheckpointWriter writer) { }

    /// <summary>Reads what <see cref="SaveModelState"/> wrote.</summary>
    protected virtual void RestoreModelState(CheckpointReader reader, RestoreContext context) { }

    /// <summary>The per-position <paramref name="values"/> in node-id order, in <paramref name="buffer"/>.</summary>
    protected T[] InIdOrder<T>(T[] values, T[] buffer)
    {
        for (int local = 0; local < Count; local++) buffer[local] = values[PositionOf(local)];
        return buffer;
    }

    /// <summary>Stores node-id-ordered <paramref name="values"/> into the per-position array <paramref name="into"/>.</summary>
    protected void FromIdOrder<T>(T[] values, T[] into)
    {
        for (int local = 0; local < Count; local++)
            if (Restores(local)) into[PositionOf(local)] = values[local];
    }

    /// <summary>Writes per-position integers (such as refractory counters) in node-id order.</summary>
    protected void WriteInIdOrder(CheckpointWriter writer, int[] values) => writer.Write(InIdOrder(values, new int[Count]));

    /// <summary>Reads what <see cref="WriteInIdOrder(CheckpointWriter, int[])"/> wrote into the per-position <paramref name="into"/>.</summary>
    protected void ReadInIdOrder(CheckpointReader reader, int[] into) => FromIdOrder(Counted(reader, reader.ReadInts()), into);

    /// <summary>Writes per-position counters in node-id order.</summary>
    protected void WriteInIdOrder(CheckpointWriter writer, long[] values) => writer.Write(InIdOrder(values, new long[Count]));

    /// <summary>Reads what <see cref="WriteInIdOrder(CheckpointWriter, long[])"/> wrote into the per-position <paramref name="into"/>.</summary>
    protected void ReadInIdOrder(CheckpointReader reader, long[] into) => FromIdOrder(Counted(reader, reader.ReadLongs()), into);

    /// <summary>Writes per-position flags in node-id order (one byte each).</summary>
    protected void WriteInIdOrder(CheckpointWriter writer, bool[] values) =>
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(InIdOrder(values, new bool[Count]).AsSpan()));

    /// <summary>Reads what <see cref="WriteInIdOrder(CheckpointWriter, bool[])"/> wrote into the per-position <paramref name="into"/>.</summary>
    protected void ReadInIdOrder(CheckpointReader reader, bool[] into) =>
        FromIdOrder([.. Counted(reader, reader.ReadBytes()).Select(b => b != 0)], into);

    /// <summary>Writes per-position real numbers kept outside the columns (such as an ODE solver's next inner step) in node-id order.</summary>
    protected void WriteInIdOrder(CheckpointWriter writer, double[] values) => writer.Write(InIdOrder(values, new double[Count]));

    /// <summary>Reads what <see cref="WriteInIdOrder(CheckpointWriter, double[])"/> wrote into the per-position <paramref name="into"/>.</summary>
    protected void ReadInIdOrder(CheckpointReader reader, double[] into)
    {
        var buffer = new double[Count];
        reader.ReadDoubles(buffer);
        FromIdOrder(buffer, into);
    }

    /// <summary>Writes per-position histories (null before a node's first run) in node-id order.</summary>
    protected void WriteInIdOrder<THistory>(CheckpointWriter writer, THistory?[] histories, Action<THistory> save) where THistory : class
    {
        for (int local = 0; local < Count; local++)
        {
            var history = histories[PositionOf(local)];
            writer.Write(history is not null);
            if (history is not null) save(history);
        }
    }

    /// <summary>Reads what <see cref="WriteInIdOrder{THistory}(CheckpointWriter, THistory[], Action{THistory})"/> wrote into the per-position <paramref name="into"/>.</summary>
    protected void ReadInIdOrder<THistory>(CheckpointReader reader, THistory?[] into, Func<CheckpointReader, THistory> restore) where THistory : class
    {
        for (int local = 0; local < Count; local++)
        {
            var history = reader.ReadBool() ? restore(reader) : null;
            if (Restores(local)) into[PositionOf(local)] = history;
        }
    }

    /// <summary><paramref name="values"/>, checked to hold one value per node.</summary>
    private T[] Counted<T>(CheckpointReader reader, T[] values)
    {
        Expect(reader, values.Length, Count, "values of a per-node counter or flag");
        return values;
    }

    private void Expect(CheckpointReader reader, int found, int expected, string what)
    {
        if (found != expected) throw reader.Bad($"{Model.Name} nodes {FirstId}-{LastId} have {found} {what} in the file, {expected} here");
    }

    // ---------------------------------------------------------------- input channels, independent of the layout

    /// <summary>
    /// The input blocks of the group: its inputs (in schema order) and then its receptor ports, each one channel per
    /// node; <see cref="ChannelAddress"/> and <see cref="RingChannelAt"/> translate between ring channels and
    /// (block, storage position).
    /// </summary>
    public int InputBlocks => ChannelsPerNode + PortCount;

    /// <summary>The block and storage position of a ring channel of this group (without the counting flag).</summary>
    public (int Block, int Position) ChannelAddress(int ringChannel)
    {
        int offset = ringChannel - ChannelBase;
        if (offset >= 0 && offset < ChannelsPerNode * Count) return (offset / Count, offset % Count);
        for (int r = 0; r < _portChannelBase.Count; r++)
        {
            int inPort = ringChannel - _portChannelBase[r];
            if (inPort >= 0 && inPort < Count) return (ChannelsPerNode + r, inPort);
        }
        throw new InvalidOperationException($"ring channel {ringChannel} is not one of {Model.Name} nodes {FirstId}-{LastId}");
    }

    /// <summary>The ring channel of input block <paramref name="block"/> of the node at storage position <paramref name="position"/>.</summary>
    public int RingChannelAt(int block, int position) =>
        block < ChannelsPerNode ? ChannelBase + block * Count + position : _portChannelBase[block - ChannelsPerNode] + position;
}
