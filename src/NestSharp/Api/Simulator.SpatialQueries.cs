namespace NestSharp;

// PyNEST's queries over the connections of spatial networks (GetTargetNodes, GetSourceNodes, GetTargetPositions,
// GetSourcePositions) and its choice of the spatial Connect (hl_api_connection_helpers._connect_layers_needed).
public sealed partial class Simulator
{
    /// <summary>
    /// For each node of <paramref name="sources"/>, the nodes of <paramref name="targetLayer"/> it connects to (by
    /// <paramref name="synapseModel"/> only, when given), each target once, in id order (PyNEST's <c>GetTargetNodes</c>).
    /// </summary>
    public NodeCollection[] GetTargetNodes(NodeCollection sources, NodeCollection targetLayer, string? synapseModel = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targetLayer);
        var connections = GetConnections(sources, targetLayer, synapseModel);
        return PartnersOf(sources, connections.Source, connections.Target);
    }

    /// <summary>
    /// For each node of <paramref name="targets"/>, the nodes of <paramref name="sourceLayer"/> that connect to it (by
    /// <paramref name="synapseModel"/> only, when given), each source once, in id order (PyNEST's <c>GetSourceNodes</c>).
    /// </summary>
    public NodeCollection[] GetSourceNodes(NodeCollection sourceLayer, NodeCollection targets, string? synapseModel = null)
    {
        ArgumentNullException.ThrowIfNull(sourceLayer);
        ArgumentNullException.ThrowIfNull(targets);
        var connections = GetConnections(sourceLayer, targets, synapseModel);
        return PartnersOf(targets, connections.Target, connections.Source);
    }

    /// <summary>
    /// For each node of <paramref name="sources"/>, the position of the target of each of its connections into
    /// <paramref name="targetLayer"/> (by <paramref name="synapseModel"/> only, when given), in the order of
    /// GetConnections (PyNEST's <c>GetTargetPositions</c>).
    /// </summary>
    public double[][][] GetTargetPositions(NodeCollection sources, NodeCollection targetLayer, string? synapseModel = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var layer = RequireLayer(targetLayer, "tgt_layer");
        var connections = GetConnections(sources, targetLayer, synapseModel);
        return PartnerPositions(sources, connections.Source, connections.Target, layer);
    }

    /// <summary>
    /// For each node of <paramref name="targets"/>, the position of the source of each of its connections from
    /// <paramref name="sourceLayer"/> (by <paramref name="synapseModel"/> only, when given), in the order of
    /// GetConnections (PyNEST's <c>GetSourcePositions</c>).
    /// </summary>
    public double[][][] GetSourcePositions(NodeCollection sourceLayer, NodeCollection targets, string? synapseModel = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var layer = RequireLayer(sourceLayer, "src_layer");
        var connections = GetConnections(sourceLayer, targets, synapseModel);
        return PartnerPositions(targets, connections.Target, connections.Source, layer);
    }

    // For each node of `nodes`, the distinct partners of the connections whose own end (`ends`) is that node.
    private NodeCollection[] PartnersOf(NodeCollection nodes, long[] ends, long[] partners)
    {
        var byNode = new SortedSet<int>[nodes.Count];
        for (int i = 0; i < byNode.Length; i++) byNode[i] = [];
        for (int c = 0; c < ends.Length; c++) byNode[nodes.IndexOf((int)ends[c])].Add((int)partners[c]);
        var result = new NodeCollection[nodes.Count];
        for (int i = 0; i < result.Length; i++) result[i] = byNode[i].Count == 0 ? NodeCollection.Empty : Nodes([.. byNode[i]]);
        return result;
    }

    // For each node of `nodes`, the positions (in `layer`) of the partners of its connections, in connection order.
    private static double[][][] PartnerPositions(NodeCollection nodes, long[] ends, long[] partners, SpatialLayer layer)
    {
        var byNode = new List<double[]>[nodes.Count];
        for (int i = 0; i < byNode.Length; i++) byNode[i] = [];
        for (int c = 0; c < ends.Length; c++) byNode[nodes.IndexOf((int)ends[c])].Add(layer.PositionOf((int)partners[c]));
        var result = new double[nodes.Count][][];
        for (int i = 0; i < result.Length; i++) result[i] = [.. byNode[i]];
        return result;
    }

    /// <summary>Whether either collection has positions (a spatial Connect needs both; ConnectLayers says which lacks them).</summary>
    private bool HasPositions(NodeCollection pre, NodeCollection post) =>
        (pre.Count > 0 && _kernel.Layers.Find(pre.Ids[0]) is not null) || (post.Count > 0 && _kernel.Layers.Find(post.Ids[0]) is not null);

    /// <summary>
    /// Whether a Connect with this conn_spec and syn_spec is a spatial one (NEST's connect_layers), as PyNEST decides:
    /// a spatial parameter anywhere, a mask, <c>use_on_source</c>, <c>p</c> with a rule other than pairwise_bernoulli
    /// or <c>pairwise_avg_num_conns</c> with one other than pairwise_poisson.
    /// </summary>
    private static bool ConnectLayersNeeded(IReadOnlyDictionary<string, object> conn, object? syn)
    {
        foreach (var value in conn.Values)
            if (value is Parameter { IsSpatial: true }) return true;
        string rule = conn.TryGetValue("rule", out var r) && r is string name ? name : "all_to_all";
        if (conn.ContainsKey("mask") || conn.ContainsKey("use_on_source")) return true;
        if (conn.ContainsKey("p") && !rule.Contains("pairwise_bernoulli", StringComparison.Ordinal)) return true;
        if (conn.ContainsKey("pairwise_avg_num_conns") && !rule.Contains("pairwise_poisson", StringComparison.Ordinal)) return true;
        return syn switch
        {
            IReadOnlyDictionary<string, object> d => d.Values.Any(v => v is Parameter { IsSpatial: true }),
            SynSpec s => IsSpatial(s),
            _ => false,
        };
    }

    private static bool IsSpatial(SynSpec spec) =>
        spec.Weight is Parameter { IsSpatial: true } || spec.Delay is Parameter { IsSpatial: true }
        || spec.ReceptorType is Parameter { IsSpatial: true } || spec.Other.Values.Any(v => v is Parameter { IsSpatial: true });
}
