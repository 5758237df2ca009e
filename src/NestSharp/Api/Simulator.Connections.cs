namespace NestSharp;

/// <summary>The connection API beyond Connect and GetConnections: collocated synapses, node-id arrays, Disconnect of synapse collections.</summary>
public sealed partial class Simulator
{
    /// <summary>
    /// Connects <paramref name="pre"/> to <paramref name="post"/> with one synapse of each specification of
    /// <paramref name="syn"/> per connection the rule makes (PyNEST's <c>nest.CollocatedSynapses</c>).
    /// <paramref name="conn"/> is as for <see cref="Connect(NodeCollection, NodeCollection, object?, object?)"/>.
    /// </summary>
    public void Connect(NodeCollection pre, NodeCollection post, object? conn, CollocatedSynapses syn)
    {
        CheckCollection(pre);
        CheckCollection(post);
        EnsureNotPrepared("Connect");
        if (SpatialConnSpec(conn) is { } spatial && NeedsConnectLayers(spatial, syn.Specs))
        {
            ConnectSpatially(pre, post, spatial, [.. syn.Specs]);
            return;
        }
        _kernel.Connections.Connect(pre.IdArray, post.IdArray, ConnSpecOf(conn), syn.Specs);
    }

    /// <summary>Connects <paramref name="pre"/> to <paramref name="post"/> all to all with collocated synapses (see the overload with a rule).</summary>
    public void Connect(NodeCollection pre, NodeCollection post, CollocatedSynapses syn) => Connect(pre, post, null, syn);

    /// <summary>
    /// Connects node ids given as arrays (or lists), as PyNEST connects arrays: with one_to_one the arrays may repeat
    /// ids (each position is one connection, <c>pre[i]</c> to <c>post[i]</c>; syn_spec arrays have one value per
    /// position); with other rules every id must appear once (the arrays are then node collections). Unknown ids are an
    /// error (UnknownNode); repeated ids without one_to_one, or arrays of different lengths with repeated ids, are an
    /// error. <paramref name="conn"/> and <paramref name="syn"/> are as for
    /// <see cref="Connect(NodeCollection, NodeCollection, object?, object?)"/> (or <see cref="CollocatedSynapses"/>).
    /// </summary>
    public void Connect(IReadOnlyList<long> pre, IReadOnlyList<long> post, object? conn = null, object? syn = null)
    {
        var spec = ConnSpecOf(conn);
        bool oneToOne = spec.Rule == "one_to_one";
        int[] sources = NodeIds(pre, "pre"), targets = NodeIds(post, "post");
        bool unique = sources.Distinct().Count() == sources.Length && targets.Distinct().Count() == targets.Length;
        if (!oneToOne && !unique)
        {
            if (sources.Length != targets.Length)
                throw new BadParameterException("pre", pre.Count, "if 'pre' or 'post' contain repeated node ids, they must have the same length");
            throw new BadParameterException("conn_spec", conn ?? "all_to_all", "when connecting two arrays with repeated node ids, the rule must be 'one_to_one'");
        }
        EnsureNotPrepared("Connect");
        switch (syn)
        {
            case CollocatedSynapses collocated: _kernel.Connections.Connect(sources, targets, spec, collocated.Specs); break;
            default: _kernel.Connections.Connect(sources, targets, spec, SynSpecOf(syn)); break;
        }
    }

    /// <summary>Connects node ids given as arrays of int (see <see cref="Connect(IReadOnlyList{long}, IReadOnlyList{long}, object?, object?)"/>).</summary>
    public void Connect(IReadOnlyList<int> pre, IReadOnlyList<int> post, object? conn = null, object? syn = null) =>
        Connect(pre.Select(x => (long)x).ToArray(), post.Select(x => (long)x).ToArray(), conn, syn);

    /// <summary>Connects a node collection to node ids given as an array (see <see cref="Connect(IReadOnlyList{long}, IReadOnlyList{long}, object?, object?)"/>).</summary>
    public void Connect(NodeCollection pre, IReadOnlyList<long> post, object? conn = null, object? syn = null)
    {
        CheckCollection(pre);
        Connect(pre.Ids.Select(x => (long)x).ToArray(), post, conn, syn);
    }

    /// <summary>Connects node ids given as an array to a node collection (see <see cref="Connect(IReadOnlyList{long}, IReadOnlyList{long}, object?, object?)"/>).</summary>
    public void Connect(IReadOnlyList<long> pre, NodeCollection post, object? conn = null, object? syn = null)
    {
        CheckCollection(post);
        Connect(pre, post.Ids.Select(x => (long)x).ToArray(), conn, syn);
    }

    /// <summary>
    /// Removes the connections of <paramref name="connections"/> (NEST's Disconnect of a SynapseCollection, PyNEST's
    /// <c>nest.Disconnect(conns)</c>): each must still exist and be a synapse between spiking nodes.
    /// </summary>
    public void Disconnect(SynapseCollection connections)
    {
        EnsureNotPrepared("Disconnect");
        connections.DisconnectFrom(this);
    }

    private int[] NodeIds(IReadOnlyList<long> ids, string name)
    {
        var result = new int[ids.Count];
        for (int i = 0; i < ids.Count; i++)
        {
            if (ids[i] < 1 || ids[i] > _kernel.Nodes.NodeCount)
                throw new UnknownNodeException($"Node id {ids[i]} in '{name}' does not exist (the network has {_kernel.Nodes.NodeCount} nodes).");
            result[i] = (int)ids[i];
        }
        return result;
    }

    private static ConnSpec ConnSpecOf(object? conn) => conn switch
    {
        null => new ConnSpec(),
        string rule => ConnSpec.FromDictionary(new Dictionary<string, object> { ["rule"] = rule }),
        ConnSpec c => c,
        IReadOnlyDictionary<string, object> d => ConnSpec.FromDictionary(d),
        _ => throw new TypeMismatchException("conn_spec", conn, "a rule name, a ConnSpec or a dictionary"),
    };

    private static SynSpec SynSpecOf(object? syn) => syn switch
    {
        null => new SynSpec(),
        string model => new SynSpec { SynapseModel = model },
        SynSpec s => s,
        IReadOnlyDictionary<string, object> d => SynSpec.FromDictionary(d),
        _ => throw new TypeMismatchException("syn_spec", syn, "a synapse model name, a SynSpec, a dictionary or CollocatedSynapses"),
    };

    // ---------------------------------------------------------------- what synapse collections use

    /// <summary>Whether <paramref name="table"/> holds connections of this kernel as it is (not from before ResetKernel).</summary>
    internal bool Owns(ConnectionTable table) => ReferenceEquals(table.Owner, _kernel.Connections);

    /// <summary>A reader of <paramref name="table"/>'s current values, or null when the table is from before ResetKernel.</summary>
    internal ConnectionQuery.Reader? ConnectionReader(ConnectionTable table)
    {
        if (!Owns(table)) return null;
        _kernel.Connections.Edits.CatchUp(table);
        return new ConnectionQuery.Reader(_kernel, table);
    }

    internal ConnectionQuery.Column ConnectionColumn(string key, object value, int count) => ConnectionQuery.ColumnOf(_kernel, key, value, count);

    internal void WriteConnections(ConnectionTable table, IReadOnlyList<int> rows, IReadOnlyList<ConnectionQuery.Column> columns) =>
        ConnectionQuery.Write(_kernel, table, rows, columns);

    internal void RemoveConnections(ConnectionTable table, IReadOnlyList<int> rows) => _kernel.Connections.Disconnect(table, rows);
}
