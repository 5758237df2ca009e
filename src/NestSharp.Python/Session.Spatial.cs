namespace NestSharp.Python;

/// <summary>
/// The requests of PyNEST's spatial functions (nest.Create with positions, nest.spatial, masks, ConnectLayers,
/// positions and distances, layer dumps), each a thin call into <see cref="Simulator"/>'s spatial API.
/// </summary>
/// <remarks>
/// A mask crosses as its description: <c>{"mask": {type: specs}, "anchor": [...]}</c> (NEST's mask dictionary) or a
/// combination <c>{"op": "and" | "or" | "sub", "left": mask, "right": mask}</c>.
/// </remarks>
internal sealed partial class Session
{
    private static readonly HashSet<string> SpatialOperations =
    [
        "CreateSpatial", "nc_spatial", "GetPosition", "Displacement", "Distance", "sc_distance", "mask_check", "mask_inside",
        "SelectNodesByMask", "ConnectLayers", "DumpLayerNodes", "DumpLayerConnections", "param_is_spatial", "param_apply",
    ];

    private static bool IsSpatialOperation(string op) => SpatialOperations.Contains(op);

    private object? RunSpatial(string op, Arguments a) => op switch
    {
        "CreateSpatial" => CreateSpatial(a),
        "nc_spatial" => Kernel.GetSpatial(a.Nodes("nc")),
        "GetPosition" => Kernel.GetPosition(a.Nodes("nc")),
        "Displacement" => a.Value("from") is NodeCollection from ? Kernel.Displacement(from, a.Nodes("to")) : Kernel.Displacement(Points(a.Value("from"), "from"), a.Nodes("to")),
        "Distance" => a.Value("from") is NodeCollection from ? Kernel.Distance(from, a.Nodes("to")) : Kernel.Distance(Points(a.Value("from"), "from"), a.Nodes("to")),
        "sc_distance" => Kernel.Distance(a.Synapses("sc")),
        "mask_check" => MaskOf(a.Value("mask")).Dimensions,
        "mask_inside" => MaskOf(a.Value("mask")).Inside(Point(a.Value("point"), "point")),
        "SelectNodesByMask" => Kernel.SelectNodesByMask(a.Nodes("layer"), Point(a.Value("anchor"), "anchor"), MaskOf(a.Value("mask"))),
        "ConnectLayers" => ConnectLayers(a),
        "DumpLayerNodes" => Do(() => Kernel.DumpLayerNodes(a.Nodes("layer"), a.String("filename"))),
        "DumpLayerConnections" => Do(() => Kernel.DumpLayerConnections(a.Nodes("source"), a.Nodes("target"), a.String("synapse_model"), a.String("filename"))),
        "param_is_spatial" => a.Parameter("param").IsSpatial,
        "param_apply" => a.Has("targets")
            ? Kernel.Apply(a.Parameter("param"), a.Nodes("nc"), Points(a.Value("targets"), "targets"))
            : Kernel.Apply(a.Parameter("param"), a.Nodes("nc")),
        _ => throw new BadParameterException("op", op, "not a spatial operation"),
    };

    private NodeCollection CreateSpatial(Arguments a)
    {
        string model = a.String("model");
        var spec = a.Dictionary("positions");
        bool edgeWrap = spec.TryGetValue("edge_wrap", out var wrap) && (wrap as bool? ?? throw new TypeMismatchException("edge_wrap", wrap, "a boolean"));
        double[]? extent = spec.TryGetValue("extent", out var e) && e is not null ? Numbers(e, "extent") : null;
        Positions positions;
        if (spec.TryGetValue("shape", out var shape))
        {
            double[]? center = spec.TryGetValue("center", out var c) && c is not null ? Numbers(c, "center") : null;
            positions = Positions.Grid(Array.ConvertAll(Numbers(shape, "shape"), x => x == Math.Floor(x) ? (long)x : throw new TypeMismatchException("shape", shape, "whole numbers")), extent, center, edgeWrap);
        }
        else
        {
            positions = spec["pos"] switch
            {
                object[] parameters when parameters.All(p => p is Parameter) => Positions.Free([.. parameters.Cast<Parameter>()], extent, edgeWrap),
                var points => Positions.Free(Points(points, "positions"), extent, edgeWrap),
            };
        }
        var nodes = Kernel.Create(model, positions, null, positions.IsGrid ? null : a.Has("n") ? a.Long("n") : null);
        switch (a.Value("params"))
        {
            case null: break;
            case Dictionary<string, object> all: nodes.Set(all); break;
            case Dictionary<string, object>[] perNode: nodes.Set(perNode); break;
            case var other: throw new TypeMismatchException("params", other, "a dictionary or a list of dictionaries");
        }
        return nodes;
    }

    private object? ConnectLayers(Arguments a)
    {
        var conn = new Dictionary<string, object>(a.Dictionary("conn_spec"));
        if (conn.TryGetValue("mask", out var mask)) conn["mask"] = MaskOf(mask);
        var syns = a.Value("syn_spec") switch
        {
            null => Array.Empty<SynSpec>(),
            Dictionary<string, object> one => [SynSpec.FromDictionary(one)],
            Dictionary<string, object>[] collocated => collocated.Select(SynSpec.FromDictionary).ToArray(),
            string model => [SynSpec.FromDictionary(new Dictionary<string, object> { ["synapse_model"] = model })],
            var other => throw new TypeMismatchException("syn_spec", other, "a dictionary or a list of dictionaries"),
        };
        Kernel.ConnectLayers(a.Nodes("pre"), a.Nodes("post"), conn, syns);
        return null;
    }

    /// <summary>The mask a description gives: NEST's mask dictionary, or a combination of two descriptions.</summary>
    private static Mask MaskOf(object? description)
    {
        if (description is not Dictionary<string, object> d) throw new TypeMismatchException("mask", description, "a mask dictionary");
        if (d.TryGetValue("op", out var op) && op is string name && d.TryGetValue("left", out var left) && d.TryGetValue("right", out var right))
        {
            return name switch
            {
                "and" => MaskOf(left) & MaskOf(right),
                "or" => MaskOf(left) | MaskOf(right),
                "sub" => MaskOf(left) - MaskOf(right),
                _ => throw new BadParameterException("op", name, "and, or or sub"),
            };
        }
        return Mask.FromDictionary(d);
    }

    private static double[] Point(object? value, string name) => Numbers(value, name);

    private static double[] Numbers(object? value, string name) => value switch
    {
        double[] d => d,
        long[] l => Array.ConvertAll(l, x => (double)x),
        object[] items => Array.ConvertAll(items, x => x switch
        {
            double d => d,
            long l => l,
            _ => throw new TypeMismatchException(name, value, "numbers"),
        }),
        _ => throw new TypeMismatchException(name, value, "a list of numbers"),
    };

    private static double[][] Points(object? value, string name) => value switch
    {
        double[][] points => points,
        System.Collections.IEnumerable items and not string => items.Cast<object?>().Select(p => Point(p, name)).ToArray(),
        _ => throw new TypeMismatchException(name, value, "a list of positions"),
    };
}
