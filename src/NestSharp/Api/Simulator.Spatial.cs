using System.Globalization;
using NestSharp.Connections.Rules;

namespace NestSharp;

// Spatial networks: PyNEST's nest.Create(..., positions=...), nest.spatial and the functions of hl_api_spatial.
public sealed partial class Simulator
{
    /// <summary>
    /// Creates nodes at <paramref name="positions"/> (a grid or free positions, PyNEST's <c>nest.Create(model,
    /// positions=...)</c>): a grid makes as many nodes as its shape has cells, free positions one node per point or,
    /// when drawn from parameters, <paramref name="n"/> nodes, each drawing its position from its own keyed stream.
    /// <paramref name="parameters"/> are set as <c>Set</c> sets them (they may use <see cref="Spatial.Position"/>), checked
    /// for every node before any is made: refused values create nothing.
    /// </summary>
    public NodeCollection Create(string model, Positions positions, Dictionary<string, object>? parameters = null, long? n = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var nodeModel = _kernel.Models.NodeModel(model);
        EnsureNotPrepared("Create");
        int firstId = _kernel.Nodes.NodeCount + 1;
        SpatialLayer layer;
        if (positions.IsGrid)
        {
            // as PyNEST: n = 1 (its default) is allowed with a grid
            if (n is > 1) throw new BadParameterException("n", n, "Cannot specify number of nodes with grid positions");
            layer = SpatialLayer.Grid(firstId, positions.Shape!, positions.Extent, positions.Center, positions.EdgeWrap);
        }
        else if (positions.Points is { } points)
        {
            if (points.Length == 0) throw new BadPropertyException("positions", Array.Empty<double>(), "Empty positions array.");
            int dims = points[0].Length;
            var coordinates = new double[points.Length * dims];
            for (int i = 0; i < points.Length; i++) points[i].CopyTo(coordinates, i * dims);
            layer = SpatialLayer.Free(firstId, points.Length, dims, coordinates, positions.Extent, positions.EdgeWrap);
        }
        else
        {
            long count = n ?? 1;
            if (count < 1) throw new BadParameterException("n", count, "the number of nodes must be at least 1");
            var drawn = positions.Drawn!;
            int dims = drawn.Coordinates.Count;
            var coordinates = new double[checked((int)count * dims)];
            ulong key = _kernel.Random.NextOperationKey(0x905_171);
            for (int i = 0; i < count; i++)
            {
                var stream = new RandomStream(RandomStream.Derive(key, (ulong)(firstId + i)));
                drawn.Draw(ref stream, coordinates.AsSpan(i * dims, dims));
            }
            layer = SpatialLayer.Free(firstId, (int)count, dims, coordinates, positions.Extent, positions.EdgeWrap);
        }
        _kernel.Nodes.CheckRoomFor(nodeModel, layer.Count);
        // the layer first, so that parameters can read the positions (Spatial.Position); every value is checked before
        // any node is made, and a refused one leaves neither nodes nor layer behind
        _kernel.Layers.Add(layer);
        NodeGroup group;
        try
        {
            group = _kernel.Nodes.Create(nodeModel, layer.Count, parameters);
        }
        catch
        {
            _kernel.Layers.RemoveLast(layer);
            throw;
        }
        return new NodeCollection(this, _generation, Enumerable.Range(group.FirstId, layer.Count).ToArray(), [(0, model)]);
    }

    /// <summary>The layer all of <paramref name="nodes"/> belong to, or null when they have no positions.</summary>
    public SpatialLayer? LayerOf(NodeCollection nodes)
    {
        CheckCollection(nodes);
        return _kernel.Layers.Of(nodes.Ids);
    }

    /// <summary>
    /// The spatial status of <paramref name="nodes"/> (PyNEST's <c>NodeCollection.spatial</c>): center, edge_wrap,
    /// extent, network_size and shape (grid) or positions (free, the positions of these nodes); null without positions.
    /// </summary>
    public Dictionary<string, object>? GetSpatial(NodeCollection nodes) => LayerOf(nodes)?.Status(nodes.Ids);

    private SpatialLayer RequireLayer(NodeCollection nodes, string argument) =>
        LayerOf(nodes) ?? throw new LayerExpectedException(argument);

    /// <summary>The position of every node of <paramref name="nodes"/> (PyNEST's <c>GetPosition</c>).</summary>
    public double[][] GetPosition(NodeCollection nodes)
    {
        var layer = RequireLayer(nodes, "nodes");
        var result = new double[nodes.Count][];
        for (int i = 0; i < nodes.Count; i++) result[i] = layer.PositionOf(nodes.Ids[i]);
        return result;
    }

    /// <summary>
    /// NEST's displacement between nodes (PyNEST's <c>Displacement(from, to)</c>): for each pair, the position of the
    /// <paramref name="from"/> node minus that of the <paramref name="to"/> node, wrapped by the boundaries of
    /// <paramref name="from"/>'s layer; a collection of one node pairs with every node of the other.
    /// </summary>
    public double[][] Displacement(NodeCollection from, NodeCollection to) => PairsOf(from, to, (layer, a, b) =>
    {
        var d = new double[layer.Dimensions];
        layer.Displacement(b, a, d);
        return d;
    });

    /// <summary>
    /// NEST's displacement from points (PyNEST's <c>Displacement(points, to)</c>): for each node of
    /// <paramref name="to"/>, its position minus the point (one point for all, or one per node).
    /// </summary>
    public double[][] Displacement(IReadOnlyList<IReadOnlyList<double>> from, NodeCollection to) => PairsOf(from, to, (layer, p, b) =>
    {
        var d = new double[layer.Dimensions];
        layer.Displacement(p, b, d);
        return d;
    });

    /// <summary>The lengths of <see cref="Displacement(NodeCollection, NodeCollection)"/> (PyNEST's <c>Distance</c>).</summary>
    public double[] Distance(NodeCollection from, NodeCollection to) =>
        PairsOf(from, to, (layer, a, b) => layer.Distance(b, a));

    /// <summary>The lengths of <see cref="Displacement(IReadOnlyList{IReadOnlyList{double}}, NodeCollection)"/>.</summary>
    public double[] Distance(IReadOnlyList<IReadOnlyList<double>> from, NodeCollection to) =>
        PairsOf(from, to, (layer, p, b) => layer.Distance(p, b));

    /// <summary>
    /// The distance between the source and target of every connection (PyNEST's <c>SynapseCollection.distance</c>),
    /// measured in the target's layer; NaN where the source or target has no position.
    /// </summary>
    public double[] Distance(SynapseCollection connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var sources = connections.Source;
        var targets = connections.Target;
        var result = new double[sources.Length];
        for (int i = 0; i < result.Length; i++)
        {
            int source = (int)sources[i], target = (int)targets[i];
            var sourceLayer = _kernel.Layers.Find(source);
            var targetLayer = _kernel.Layers.Find(target);
            result[i] = sourceLayer is null || targetLayer is null || sourceLayer.Dimensions != targetLayer.Dimensions
                ? double.NaN
                : targetLayer.Distance(sourceLayer.PositionOf(source), targetLayer.PositionOf(target));
        }
        return result;
    }

    private delegate T PairValue<T>(SpatialLayer layer, ReadOnlySpan<double> a, ReadOnlySpan<double> b);

    // NEST's pairing: one node of `from` against every node of `to`, or pairwise; the `from` node's layer measures.
    private T[] PairsOf<T>(NodeCollection from, NodeCollection to, PairValue<T> value)
    {
        var fromLayer = RequireLayer(from, "from");
        var toLayer = RequireLayer(to, "to");
        if (from.Count != 1 && to.Count != 1 && from.Count != to.Count)
            throw new BadPropertyException("to", to.Count, "NodeCollections must have equal length or one must have size 1.");
        int n = from.Count == 1 ? to.Count : from.Count;
        var result = new T[n];
        for (int i = 0; i < n; i++)
        {
            int a = from.Ids[from.Count == 1 ? 0 : i];
            int b = to.Ids[to.Count == 1 ? 0 : i];
            result[i] = value(fromLayer, fromLayer.PositionSpan(a - fromLayer.FirstId), toLayer.PositionSpan(b - toLayer.FirstId));
        }
        return result;
    }

    private T[] PairsOf<T>(IReadOnlyList<IReadOnlyList<double>> from, NodeCollection to, PairValue<T> value)
    {
        ArgumentNullException.ThrowIfNull(from);
        var layer = RequireLayer(to, "to");
        if (from.Count != 1 && from.Count != to.Count)
            throw new BadPropertyException("from", from.Count, "the points must be one, or one per node");
        var result = new T[to.Count];
        for (int i = 0; i < to.Count; i++)
        {
            var point = from[from.Count == 1 ? 0 : i].ToArray();
            if (point.Length != layer.Dimensions)
                throw new BadPropertyException("from", point, $"the layer has {layer.Dimensions} dimensions");
            result[i] = value(layer, point, layer.PositionSpan(to.Ids[i] - layer.FirstId));
        }
        return result;
    }

    /// <summary>
    /// For each of <paramref name="locations"/>, the node of <paramref name="layer"/> nearest to it (PyNEST's
    /// <c>FindNearestElement</c>), or with <paramref name="findAll"/> every node at that smallest distance (within 1e-14
    /// relative).
    /// </summary>
    public NodeCollection[] FindNearestElement(NodeCollection layer, IReadOnlyList<IReadOnlyList<double>> locations, bool findAll = false)
    {
        ArgumentNullException.ThrowIfNull(locations);
        if (layer is null || layer.Count == 0) throw new BadParameterException("layer", null, "layer cannot be empty");
        var result = new NodeCollection[locations.Count];
        for (int l = 0; l < locations.Count; l++)
        {
            var d = Distance([locations[l]], layer);
            var nearest = new List<int> { 0 };
            for (int i = 1; i < d.Length; i++)
            {
                if (d[i] < d[nearest[0]])
                {
                    nearest.Clear();
                    nearest.Add(i);
                }
                else if (findAll && Math.Abs(d[i] - d[nearest[0]]) <= 1e-14 * d[nearest[0]])
                {
                    nearest.Add(i);
                }
            }
            result[l] = layer[findAll ? [.. nearest] : [nearest[0]]];
        }
        return result;
    }

    /// <summary>The node of <paramref name="layer"/> nearest to its center (PyNEST's <c>FindCenterElement</c>).</summary>
    public NodeCollection FindCenterElement(NodeCollection layer) =>
        FindNearestElement(layer, [RequireLayer(layer, "layer").Center])[0];

    /// <summary>
    /// The value of <paramref name="parameter"/> for every node of <paramref name="nodes"/> (PyNEST's
    /// <c>Parameter.apply(nodes)</c>): <see cref="Spatial.Position"/> reads each node's position (a KernelException for
    /// a node without one, as NEST's); random parts draw from the kernel's GetValue streams (one per node). As in
    /// NEST, the nodes need positions only for parameters that read them.
    /// </summary>
    public double[] Apply(Parameter parameter, NodeCollection nodes)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        CheckCollection(nodes);
        var result = new double[nodes.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var stream = new RandomStream(RandomStream.Derive(_kernel.Random.ValueDrawKey, (ulong)i));
            result[i] = parameter.Draw(ref stream, _kernel.Layers.SiteOfNode(nodes.Ids[i]));
        }
        _kernel.Random.CountValueDraw();
        return result;
    }

    /// <summary>
    /// The value of <paramref name="parameter"/> for connections from the one node of <paramref name="source"/> to
    /// each of <paramref name="targets"/> (positions; PyNEST's <c>Parameter.apply(source, positions)</c>), measured in
    /// the source's layer.
    /// </summary>
    public double[] Apply(Parameter parameter, NodeCollection source, IReadOnlyList<IReadOnlyList<double>> targets)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(targets);
        var layer = RequireLayer(source, "source");
        if (source.Count != 1) throw new BadParameterException("source", source.Count, "The NodeCollection must contain a single node ID only");
        for (int i = 1; i < targets.Count; i++)
        {
            if (targets[i].Count != targets[0].Count)
                throw new BadParameterException("targets", targets[i].ToArray(), "All positions must have the same number of dimensions");
        }
        var result = new double[targets.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var target = targets[i].ToArray();
            if (target.Length != layer.Dimensions)
            {
                throw new BadPropertyException("targets", target,
                    $"Parameter apply: Target position has {target.Length} dimensions, but source position has {layer.Dimensions} dimensions.");
            }
            var stream = new RandomStream(RandomStream.Derive(_kernel.Random.ValueDrawKey, (ulong)i));
            result[i] = parameter.Draw(ref stream, ParameterSite.ForConnection(layer, layer.PositionSpan(source.Ids[0] - layer.FirstId), target));
        }
        _kernel.Random.CountValueDraw();
        return result;
    }

    /// <summary>Whether a collection carries positions (NEST's metadata): its nodes belong to a spatial layer.</summary>
    internal bool InLayer(NodeCollection nodes) => nodes.Count > 0 && _kernel.Layers.Find(nodes.Ids[0]) is not null;

    /// <summary>Whether two collections carry the same positions (NEST's metadata): both none, or the same layer.</summary>
    internal bool SameLayer(NodeCollection a, NodeCollection b) =>
        ReferenceEquals(a.Count == 0 ? null : _kernel.Layers.Find(a.Ids[0]), b.Count == 0 ? null : _kernel.Layers.Find(b.Ids[0]));

    /// <summary>A mask of NEST's <paramref name="type"/> (PyNEST's <c>nest.CreateMask</c>); see <see cref="Mask.Create"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "Called through the kernel, nest.CreateMask(...), as in PyNEST.")]
    public Mask CreateMask(string type, IReadOnlyDictionary<string, object> specs, IReadOnlyList<double>? anchor = null) =>
        Mask.Create(type, specs, anchor);

    /// <summary>
    /// The nodes of <paramref name="layer"/> inside <paramref name="mask"/> placed at <paramref name="anchor"/> (PyNEST's
    /// <c>SelectNodesByMask</c>), with the layer's periodic boundaries. As in NEST, the mask must suit the layer (a grid
    /// mask only with a grid layer, the layer's dimensions) and be no wider than a periodic layer (BadProperty).
    /// </summary>
    public NodeCollection SelectNodesByMask(NodeCollection layer, IReadOnlyList<double> anchor, Mask mask)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(mask);
        var spatial = RequireLayer(layer, "layer");
        if (anchor.Count is not (2 or 3)) throw new BadPropertyException("anchor", anchor.ToArray(), "Center must be 2- or 3-dimensional.");
        if (anchor.Count != spatial.Dimensions) throw new TypeMismatchException("anchor", anchor.ToArray(), $"a position of the {spatial.Dimensions}D layer");
        var layerMask = LayerMask.For(mask, spatial, allowOversized: false);
        var centre = anchor.ToArray();
        var selected = new List<int>();
        foreach (int id in layer.Ids)
        {
            if (layerMask.Contains(centre, spatial.PositionSpan(id - spatial.FirstId))) selected.Add(id);
        }
        return Nodes([.. selected]);
    }

    /// <summary>
    /// Connects <paramref name="pre"/> to <paramref name="post"/> by NEST's spatial rules (PyNEST's Connect with a mask
    /// or spatial parameter; NEST's connect_layers). <paramref name="conn"/> holds <c>rule</c> (pairwise_bernoulli,
    /// fixed_indegree, fixed_outdegree, pairwise_poisson), <c>mask</c> (a dictionary or a <see cref="Mask"/>), <c>p</c>
    /// (a number or parameter; pairwise_poisson's <c>pairwise_avg_num_conns</c> instead),
    /// <c>indegree</c>/<c>outdegree</c>, <c>use_on_source</c> (pairwise_bernoulli only),
    /// <c>allow_autapses</c>, <c>allow_multapses</c> and <c>allow_oversized_mask</c>; <paramref name="syns"/> the
    /// synapse model, weight, delay and receptor_type of each collocated synapse (weights and delays may be spatial
    /// parameters). Both collections need positions of the same number of dimensions.
    /// </summary>
    public void ConnectLayers(NodeCollection pre, NodeCollection post, IReadOnlyDictionary<string, object> conn, IReadOnlyList<SynSpec>? syns = null)
    {
        ArgumentNullException.ThrowIfNull(conn);
        EnsureNotPrepared("Connect");
        var sourceLayer = LayerOf(pre) ?? throw new TypeMismatchException("pre", "NodeCollection", "Presynaptic NodeCollection must have spatial information");
        var targetLayer = LayerOf(post) ?? throw new TypeMismatchException("post", "NodeCollection", "Postsynaptic NodeCollection must have spatial information");
        var rule = SpatialRuleOf(conn);
        if (sourceLayer.Dimensions != targetLayer.Dimensions)
            throw new BadPropertyException("post", targetLayer.Dimensions, "Target layer must have same number of dimensions as source layer.");
        var sourceIndex = pre.Ids.Select(id => id - sourceLayer.FirstId).ToArray();
        var targetIndex = post.Ids.Select(id => id - targetLayer.FirstId).ToArray();
        var metric = rule.MaskAroundSource ? targetLayer : sourceLayer;
        rule.Bind(new SpatialPositions(sourceLayer, sourceIndex, targetLayer, targetIndex, metric));
        _kernel.Connections.ConnectSpatial(pre.IdArray, post.IdArray, rule, syns is { Count: > 0 } ? syns : [new SynSpec()]);
    }

    private static readonly string[] SpatialConnKeys =
        ["rule", "mask", "p", "pairwise_avg_num_conns", "indegree", "outdegree", "use_on_source", "allow_autapses", "allow_multapses",
            "allow_oversized_mask"];

    private static SpatialRule SpatialRuleOf(IReadOnlyDictionary<string, object> conn)
    {
        foreach (var key in conn.Keys)
        {
            if (!SpatialConnKeys.Contains(key))
                throw new UnaccessedDictionaryEntryException("ConnectLayers", key, SpatialConnKeys, "not allowed in conn_spec when connecting with mask or kernel");
        }
        string rule = conn.TryGetValue("rule", out var r) ? StatusValue.ToStringValue("rule", r) : "pairwise_bernoulli";
        bool Flag(string key, bool fallback) => conn.TryGetValue(key, out var v) ? StatusValue.ToBool(key, v) : fallback;
        bool useOnSource = Flag("use_on_source", false);
        if (conn.ContainsKey("use_on_source") && rule != "pairwise_bernoulli")
            throw new BadPropertyException("use_on_source", useOnSource, "'use_on_source' can only be set when using pairwise_bernoulli");
        Mask? mask = conn.TryGetValue("mask", out var m) ? m switch
        {
            Mask given => given,
            IReadOnlyDictionary<string, object> dictionary => Mask.FromDictionary(dictionary),
            _ => throw new TypeMismatchException("mask", m, "a mask dictionary or a Mask"),
        } : null;
        Parameter? kernel = conn.TryGetValue("p", out var p) ? p switch
        {
            Parameter parameter => parameter,
            _ => Parameter.FromDouble(StatusValue.ToDouble("p", p)),
        } : null;
        var parameters = conn.Where(kv => kv.Key is not ("rule" or "allow_autapses" or "allow_multapses")).ToDictionary(kv => kv.Key, kv => kv.Value);
        var spec = new ConnSpec
        {
            Rule = rule, Parameters = parameters,
            AllowAutapses = Flag("allow_autapses", true), AllowMultapses = Flag("allow_multapses", true),
        };
        bool oversized = Flag("allow_oversized_mask", false);
        return rule switch
        {
            "pairwise_bernoulli" => new SpatialPairwiseBernoulliRule(spec, mask, kernel, oversized, useOnSource),
            "fixed_indegree" => new SpatialFixedIndegreeRule(spec, mask, kernel, oversized, new NodeCount(spec, "indegree", rule)),
            "fixed_outdegree" => new SpatialFixedOutdegreeRule(spec, mask, kernel, oversized, new NodeCount(spec, "outdegree", rule)),
            "pairwise_poisson" => new SpatialPairwisePoissonRule(spec, mask, oversized),
            _ => throw new BadPropertyException("rule", rule,
                "When using kernel or mask, the only possible connection rules are 'pairwise_bernoulli', 'fixed_indegree', or 'fixed_outdegree'"),
        };
    }

    /// <summary>
    /// Writes one line per node of the layer of <paramref name="layer"/> to <paramref name="path"/> (PyNEST's
    /// <c>DumpLayerNodes</c>): the node id and its coordinates, separated by spaces. As in NEST, a slice of a layer
    /// dumps every node of its layer.
    /// </summary>
    public void DumpLayerNodes(NodeCollection layer, string path)
    {
        var spatial = RequireLayer(layer, "layer");
        using var writer = new StreamWriter(path);
        for (int id = spatial.FirstId; id < spatial.FirstId + spatial.Count; id++)
        {
            writer.Write(id.ToString(CultureInfo.InvariantCulture));
            foreach (double x in spatial.PositionOf(id)) writer.Write(" " + FormatLikeCpp(x));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes one line per connection of <paramref name="synapseModel"/> from <paramref name="sourceLayer"/> to
    /// the layer of <paramref name="targetLayer"/> (PyNEST's <c>DumpLayerConnections</c>): source, target, weight, delay
    /// and the displacement from the source to the target in the target layer. As in NEST, the sources are the given
    /// nodes and the targets every node of the target's layer (a slice of it selects no targets).
    /// </summary>
    public void DumpLayerConnections(NodeCollection sourceLayer, NodeCollection targetLayer, string synapseModel, string path)
    {
        var sources = RequireLayer(sourceLayer, "source_layer");
        var targets = RequireLayer(targetLayer, "target_layer");
        var wholeTargetLayer = Nodes([.. Enumerable.Range(targets.FirstId, targets.Count)]);
        var connections = GetConnections(sourceLayer, wholeTargetLayer, synapseModel);
        var weights = connections.Weight;
        var delays = connections.Delay;
        var from = connections.Source;
        var to = connections.Target;
        var displacement = new double[targets.Dimensions];
        using var writer = new StreamWriter(path);
        for (int i = 0; i < from.Length; i++)
        {
            targets.Displacement(sources.PositionOf((int)from[i]), targets.PositionOf((int)to[i]), displacement);
            writer.Write(string.Join(' ', from[i].ToString(CultureInfo.InvariantCulture), to[i].ToString(CultureInfo.InvariantCulture),
                FormatLikeCpp(weights[i]), FormatLikeCpp(delays[i]), string.Join(' ', displacement.Select(FormatLikeCpp))));
            writer.Write('\n');
        }
    }

    /// <summary>A number as C++'s default stream writes it (%g with 6 significant digits).</summary>
    private static string FormatLikeCpp(double x)
    {
        if (x == 0) return "0";
        string s = x.ToString("G6", CultureInfo.InvariantCulture);
        int e = s.IndexOf('E');
        if (e < 0) return s;
        string exponent = s[(e + 1)..];
        char sign = exponent[0] == '-' ? '-' : '+';
        string digits = exponent.TrimStart('+', '-').PadLeft(2, '0');
        return s[..e] + "e" + sign + digits;
    }
}
