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
}
