using System.Text.Json;

namespace NestSharp.Python;

/// <summary>
/// The kernel of the Python process and the requests Python sends it. A request is one JSON object,
/// <c>{"op": name, ...arguments}</c>; the reply is one JSON value (see <see cref="Message"/> for the forms of values).
/// Each operation is a thin call into NestSharp's public API (<see cref="Simulator"/>, <see cref="NodeCollection"/>,
/// <see cref="SynapseCollection"/>), which checks the arguments and raises NEST's errors.
/// </summary>
internal sealed partial class Session
{
    /// <summary>The kernel (PyNEST has one per process).</summary>
    public Simulator Kernel { get; } = new();

    /// <summary>Node and synapse collections that Python holds.</summary>
    public Handles Handles { get; } = new();

    /// <summary>Numeric arrays on their way in or out.</summary>
    public BulkArrays Arrays { get; } = new();

    /// <summary>Runs the request in <paramref name="request"/> and returns its reply as JSON text.</summary>
    public byte[] Handle(ReadOnlySpan<byte> request)
    {
        using var document = JsonDocument.Parse(request.ToArray());
        var arguments = new Arguments(document.RootElement, this);
        object? reply = Run(arguments.String("op"), arguments);
        return Message.Serialize(reply, this);
    }

    private object? Run(string op, Arguments a) => op switch
    {
        // kernel
        "ResetKernel" => Do(Kernel.ResetKernel),
        "SetKernelStatus" => Do(() => Kernel.SetKernelStatus(a.Dictionary("params"))),
        "GetKernelStatus" => Kernel.GetKernelStatus(),
        "SettableKernelKeys" => Kernel.SettableKernelKeys,
        "Simulate" => Do(() => Kernel.Simulate(a.Double("t"))),
        "Prepare" => Do(Kernel.Prepare),
        "Run" => Do(() => Kernel.Run(a.Double("t"))),
        "Cleanup" => Do(Kernel.Cleanup),
        "EnableStructuralPlasticity" => Do(Kernel.EnableStructuralPlasticity),
        "DisableStructuralPlasticity" => Do(Kernel.DisableStructuralPlasticity),
        "GetValue" => Kernel.GetValue(a.Parameter("param")),

        // models
        "Models" => Kernel.Models(),
        "NodeModels" => Kernel.NodeModels(),
        "SynapseModels" => Kernel.SynapseModels(),
        "CopyModel" => Do(() => Kernel.CopyModel(a.String("old"), a.String("new"), a.OptionalDictionary("params"))),
        "SetDefaults" => Do(() => Kernel.SetDefaults(a.String("model"), a.Dictionary("params"))),
        "GetDefaults" => Kernel.GetDefaults(a.String("model")),
        "ModelHelp" => Kernel.ModelHelp(a.String("model")),

        // nodes
        "Create" => Create(a),
        "NodeCollection" => Kernel.Nodes(Array.ConvertAll(a.Longs("ids"), checked(id => (int)id))),
        "nc_ids" => a.Nodes("nc").ToArray(),
        "nc_slice" => a.Nodes("nc").Slice((int)a.Long("start"), (int)a.Long("stop"), (int)a.Long("step")),
        "nc_take" => a.Nodes("nc")[Array.ConvertAll(a.Longs("positions"), checked(p => (int)p))],
        "nc_mask" => a.Nodes("nc")[a.Bools("mask")],
        "nc_join" => a.Nodes("a") + a.Nodes("b"),
        "nc_equal" => a.Nodes("a") == a.Nodes("b"),
        "nc_str" => a.Nodes("nc").ToString(),
        "nc_get" => GetNodeStatus(a),
        "nc_set" => SetNodeStatus(a),
        "PrintNodes" => Kernel.NodesToString(),

        // connections
        "Connect" => Connect(a),
        "TripartiteConnect" => TripartiteConnect(a),
        "Disconnect" => Disconnect(a),
        "GetConnections" => Kernel.GetConnections(a.OptionalNodes("source"), a.OptionalNodes("target"), a.OptionalString("synapse_model"),
            a.Has("synapse_label") ? a.Long("synapse_label") : null),
        "sc_index" => a.Synapses("sc")[(int)a.Long("index")],
        "sc_slice" => a.Synapses("sc").Slice(a.OptionalInt("start"), a.OptionalInt("stop"), (int)a.Long("step")),
        "sc_equal" => a.Synapses("a") == a.Synapses("b"),
        "sc_str" => ScString(a),
        "sc_get" => GetSynapseStatus(a),
        "sc_set" => SetSynapseStatus(a),

        // handles
        "release" => Do(() => Array.ForEach(a.Longs("handles"), Handles.Release)),
        "handle_count" => (long)Handles.Count,
        _ when IsSpatialOperation(op) => RunSpatial(op, a),
        _ when IsSonataOperation(op) => RunSonata(op, a),
        _ => throw new BadParameterException("op", op, "not an operation of NestSharp.Python"),
    };

    private static object? Do(Action action)
    {
        action();
        return null;
    }

    private NodeCollection Create(Arguments a)
    {
        string model = a.String("model");
        long n = a.Long("n");
        return a.Value("params") switch
        {
            null => Kernel.Create(model, n),
            Dictionary<string, object> all => Kernel.Create(model, n, all),
            Dictionary<string, object>[] perNode when perNode.Length == n => Kernel.Create(model, perNode),
            Dictionary<string, object>[] perNode => throw new BadParameterException("params", perNode.Length,
                $"a list of parameter dictionaries needs one per node ({n})"),
            var other => throw new TypeMismatchException("params", other, "a dictionary or a list of dictionaries"),
        };
    }

    private static object GetNodeStatus(Arguments a)
    {
        var nodes = a.Nodes("nc");
        object? keys = a.Value("keys");
        object? subKeys = a.Value("subkeys");
        return (keys, subKeys) switch
        {
            (null, _) => nodes.Get(),
            (string key, null) => nodes.Get(key),
            (string key, string subKey) => nodes.Get(key, subKey),
            (string key, string[] many) => nodes.Get(key, many),
            (string[] many, null) => nodes.Get(many),
            _ => throw new TypeMismatchException("keys", keys, "a key, a list of keys, or a key with sub-keys"),
        };
    }

    private static object? SetNodeStatus(Arguments a)
    {
        var nodes = a.Nodes("nc");
        switch (a.Value("params"))
        {
            case Dictionary<string, object> all: nodes.Set(all); break;
            case Dictionary<string, object>[] perNode: nodes.Set(perNode); break;
            case double[] { Length: 0 }: nodes.Set(Array.Empty<Dictionary<string, object>>()); break;
            case var other: throw new TypeMismatchException("params", other, "a dictionary or a list of dictionaries");
        }
        return null;
    }

    private object? Connect(Arguments a)
    {
        object pre = a.Endpoint("pre"), post = a.Endpoint("post");
        object? conn = a.Value("conn_spec");
        object? syn = a.Value("syn_spec") switch
        {
            Dictionary<string, object>[] collocated => new CollocatedSynapses(collocated),
            var other => other,
        };
        switch (pre, post)
        {
            case (NodeCollection p, NodeCollection q) when syn is CollocatedSynapses c: Kernel.Connect(p, q, conn, c); break;
            case (NodeCollection p, NodeCollection q): Kernel.Connect(p, q, conn, syn); break;
            case (NodeCollection p, long[] q): Kernel.Connect(p, q, conn, syn); break;
            case (long[] p, NodeCollection q): Kernel.Connect(p, q, conn, syn); break;
            default: Kernel.Connect((long[])pre, (long[])post, conn, syn); break;
        }
        return null;
    }

    /// <summary>TripartiteConnect: syn_specs maps "primary", "third_in" and "third_out" to lists of syn_spec dictionaries (collocated synapses).</summary>
    private object? TripartiteConnect(Arguments a)
    {
        var syns = a.OptionalDictionary("syn_specs")?.ToDictionary(e => e.Key, e => e.Value switch
        {
            Dictionary<string, object>[] collocated => (object)new CollocatedSynapses(collocated),
            var other => other,
        });
        Kernel.TripartiteConnect(a.Nodes("pre"), a.Nodes("post"), a.Nodes("third"), a.Dictionary("conn_spec"), a.Dictionary("third_factor_conn_spec"), syns);
        return null;
    }

    private object? Disconnect(Arguments a)
    {
        if (a.Has("sc"))
        {
            Kernel.Disconnect(a.Synapses("sc"));
            return null;
        }
        var pre = a.Nodes("pre");
        var post = a.Nodes("post");
        string rule = a.Value("conn_spec") switch
        {
            null => "one_to_one",
            string name => name,
            Dictionary<string, object> spec when spec.TryGetValue("rule", out var name) && name is string s => s,
            var other => throw new TypeMismatchException("conn_spec", other, "a rule name or a dictionary with 'rule'"),
        };
        switch (a.Value("syn_spec"))
        {
            case null: Kernel.Disconnect(pre, post, rule); break;
            case string model: Kernel.Disconnect(pre, post, rule, model); break;
            case Dictionary<string, object> spec: Kernel.Disconnect(pre, post, rule, spec); break;
            case var other: throw new TypeMismatchException("syn_spec", other, "a synapse model name or a dictionary");
        }
        return null;
    }

    private static string ScString(Arguments a)
    {
        var synapses = a.Synapses("sc");
        synapses.PrintFull = a.Has("print_full") && a.Value("print_full") is true;
        return synapses.ToString();
    }

    private static object GetSynapseStatus(Arguments a)
    {
        var synapses = a.Synapses("sc");
        return a.Value("keys") switch
        {
            null => synapses.Get(),
            string key => synapses.Get(key),
            string[] keys => synapses.Get(keys),
            var other => throw new TypeMismatchException("keys", other, "a key or a list of keys"),
        };
    }

    private static object? SetSynapseStatus(Arguments a)
    {
        var synapses = a.Synapses("sc");
        switch (a.Value("params"))
        {
            case Dictionary<string, object> all: synapses.Set(all); break;
            case Dictionary<string, object>[] each: synapses.Set(each); break;
            case var other: throw new TypeMismatchException("params", other, "a dictionary or a list of dictionaries");
        }
        return null;
    }

    /// <summary>The arguments of one request, read on demand.</summary>
    private readonly struct Arguments(JsonElement root, Session session)
    {
        public bool Has(string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        public object? Value(string name) =>
            root.TryGetProperty(name, out var value) ? Message.Read(value, session) : null;

        public string String(string name) => Required(name) as string ?? throw new TypeMismatchException(name, Value(name), "a string");

        public string? OptionalString(string name) => Has(name) ? String(name) : null;

        public long Long(string name) => Required(name) switch
        {
            long l => l,
            double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
            var other => throw new TypeMismatchException(name, other, "an integer"),
        };

        public int? OptionalInt(string name) => Has(name) ? checked((int)Long(name)) : null;

        public double Double(string name) => Required(name) switch
        {
            long l => l,
            double d => d,
            var other => throw new TypeMismatchException(name, other, "a number"),
        };

        public long[] Longs(string name) => Required(name) switch
        {
            long[] values => values,
            double[] { Length: 0 } => [],
            var other => throw new TypeMismatchException(name, other, "an array of integers"),
        };

        public bool[] Bools(string name) => Required(name) switch
        {
            bool[] values => values,
            var other => throw new TypeMismatchException(name, other, "an array of booleans"),
        };

        public Dictionary<string, object> Dictionary(string name) =>
            Required(name) as Dictionary<string, object> ?? throw new TypeMismatchException(name, Value(name), "a dictionary");

        public Dictionary<string, object>? OptionalDictionary(string name) => Has(name) ? Dictionary(name) : null;

        public Parameter Parameter(string name) =>
            Required(name) as Parameter ?? throw new TypeMismatchException(name, Value(name), "a Parameter");

        public NodeCollection Nodes(string name) =>
            Required(name) as NodeCollection ?? throw new TypeMismatchException(name, Value(name), "a NodeCollection");

        public NodeCollection? OptionalNodes(string name) => Has(name) ? Nodes(name) : null;

        public SynapseCollection Synapses(string name) =>
            Required(name) as SynapseCollection ?? throw new TypeMismatchException(name, Value(name), "a SynapseCollection");

        /// <summary>A NodeCollection or an array of node ids (Connect's pre and post).</summary>
        public object Endpoint(string name) => Required(name) switch
        {
            NodeCollection nodes => nodes,
            long[] ids => ids,
            double[] { Length: 0 } => Array.Empty<long>(),
            var other => throw new TypeMismatchException(name, other, "a NodeCollection or an array of node ids"),
        };

        private object Required(string name) =>
            Value(name) ?? throw new BadParameterException(name, null, "this argument is required");
    }
}
