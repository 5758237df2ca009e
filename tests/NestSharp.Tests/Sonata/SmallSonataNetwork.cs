using System.Globalization;
using System.Text.Json;
using PureHDF;

namespace NestSharp.Tests.Sonata;

/// <summary>
/// A small SONATA network written with PureHDF into a temporary folder, and the same network built by hand with
/// Create/Connect. Populations: "exc" (iaf_psc_alpha, node types 10 and 11 interleaved, each with its dynamics_params),
/// "inh" (node types 20 iaf_psc_alpha and 21 iaf_psc_exp: a table of two models, so one Create per run of a type),
/// "input" (virtual: spike_train_injectors fed from inputs/spikes.h5, times off the grid). Edges:
/// input→exc (static, per-edge syn_weight dataset, edge-type delay), exc→exc and exc→inh in one file (edge types 2:
/// static_synapse with weight from its dynamics_params, 3: stdp_synapse with tau_plus/lambda/Wmax from dynamics_params
/// and weight and delay from the CSV; exc→inh has a per-edge delay dataset), inh→exc (static, negative CSV weight).
/// </summary>
internal sealed class SmallSonataNetwork : IDisposable
{
    public const double Resolution = 0.1;
    public const double TStop = 300.0;

    public SmallSonataNetwork()
    {
        Folder = Path.Combine(Path.GetTempPath(), "nestsharp-sonata-" + Guid.NewGuid().ToString("N"));
        foreach (string sub in new[] { "network", "components/cell_models", "components/synaptic_models", "inputs" })
            Directory.CreateDirectory(Path.Combine(Folder, sub));
        WriteAll();
    }

    public string Folder { get; }

    public string CircuitConfig => Path.Combine(Folder, "circuit_config.json");

    public string SimulationConfig => Path.Combine(Folder, "simulation_config.json");

    public string NetworkFile(string name) => Path.Combine(Folder, "network", name);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    // ---------------------------------------------------------------- the network's data

    public static readonly long[] ExcTypes = [10, 11, 10, 11, 11, 10];
    public static readonly long[] InhTypes = [20, 20, 21, 21, 20];
    public const int InputCount = 4;

    public static readonly Dictionary<long, Dictionary<string, object>> CellParameters = new()
    {
        [10] = new() { ["I_e"] = 376.0, ["tau_m"] = 12.0, ["C_m"] = 250.0, ["V_th"] = -52.0, ["E_L"] = -70.0 },
        [11] = new() { ["I_e"] = 200.0, ["tau_m"] = 20.0, ["C_m"] = 200.0, ["t_ref"] = 3.0 },
        [20] = new() { ["I_e"] = 100.0, ["tau_syn_ex"] = 1.5 },
        [21] = new() { ["I_e"] = 150.0, ["tau_syn_ex"] = 3.0, ["tau_syn_in"] = 4.0 },
    };

    public static string ModelOfInhType(long type) => type == 20 ? "iaf_psc_alpha" : "iaf_psc_exp";

    // input spikes: node id, time (ms, off the grid)
    public static readonly (long Node, double Time)[] InputSpikes =
    [
        (0, 5.03), (0, 40.27), (0, 120.5), (1, 12.01), (1, 13.99), (2, 50.55), (2, 51.0), (2, 210.44),
        (3, 7.77), (3, 99.91), (3, 250.05), (7, 30.0), // node 7 does not exist: ignored
    ];

    // input -> exc (file input_exc_edges.h5, population "input_to_exc")
    public static readonly long[] InExcSource = [0, 0, 1, 2, 3, 3, 1, 2];
    public static readonly long[] InExcTarget = [0, 1, 2, 3, 4, 5, 5, 0];
    public static readonly double[] InExcWeight = [300.0, 280.5, 310.0, 290.0, 305.25, 299.0, 320.0, 275.0];
    public const double InExcDelay = 1.5;

    // exc -> exc (file exc_edges.h5, population "exc_to_exc"): edge types 2 and 3
    public static readonly long[] ExcExcSource = [0, 1, 2, 3, 4, 5, 0, 2, 4];
    public static readonly long[] ExcExcTarget = [1, 2, 3, 4, 5, 0, 3, 5, 1];
    public static readonly long[] ExcExcType = [2, 3, 2, 3, 2, 3, 3, 2, 3];

    // exc -> inh (file exc_edges.h5, population "exc_to_inh"): edge types 2 and 3, per-edge delays
    public static readonly long[] ExcInhSource = [0, 1, 2, 3, 4, 5];
    public static readonly long[] ExcInhTarget = [0, 1, 2, 3, 4, 0];
    public static readonly long[] ExcInhType = [2, 2, 3, 3, 2, 3];
    public static readonly double[] ExcInhDelay = [1.2, 2.5, 0.8, 3.0, 1.0, 4.4];

    // inh -> exc (file inh_exc_edges.h5, population "inh_to_exc"): edge type 4
    public static readonly long[] InhExcSource = [0, 1, 2, 3, 4, 4];
    public static readonly long[] InhExcTarget = [0, 2, 4, 1, 3, 5];

    // edge types: model, weight, delay, further parameters
    public static readonly Dictionary<long, (string Model, double Weight, double Delay, Dictionary<string, object> Parameters)> EdgeTypes = new()
    {
        [1] = ("static_synapse", 999.0, InExcDelay, []),            // the CSV weight is overridden by the dataset
        [2] = ("static_synapse", 30.0, 2.0, []),                    // weight from dynamics_params
        [3] = ("stdp_synapse", 45.0, 1.0, new() { ["tau_plus"] = 15.0, ["lambda"] = 0.02, ["Wmax"] = 200.0 }),
        [4] = ("static_synapse", -40.0, 1.0, []),
    };

    // ---------------------------------------------------------------- writing

    private void WriteAll()
    {
        WriteJson("circuit_config.json", new Dictionary<string, object>
        {
            ["manifest"] = new Dictionary<string, string>
            {
                ["$BASE_DIR"] = "${configdir}",
                ["$NETWORK_DIR"] = "$BASE_DIR/network",
                ["$COMPONENTS_DIR"] = "$BASE_DIR/components",
            },
            ["components"] = new Dictionary<string, string>
            {
                ["point_neuron_models_dir"] = "$COMPONENTS_DIR/cell_models",
                ["synaptic_models_dir"] = "$COMPONENTS_DIR/synaptic_models",
            },
            ["networks"] = new Dictionary<string, object>
            {
                ["nodes"] = new[]
                {
                    Files("nodes_file", "$NETWORK_DIR/exc_nodes.h5", "node_types_file", "$NETWORK_DIR/exc_node_types.csv"),
                    Files("nodes_file", "$NETWORK_DIR/inh_nodes.h5", "node_types_file", "$NETWORK_DIR/inh_node_types.csv"),
                    Files("nodes_file", "$NETWORK_DIR/input_nodes.h5", "node_types_file", "$NETWORK_DIR/input_node_types.csv"),
                },
                ["edges"] = new[]
                {
                    Files("edges_file", "$NETWORK_DIR/input_exc_edges.h5", "edge_types_file", "$NETWORK_DIR/input_exc_edge_types.csv"),
                    Files("edges_file", "$NETWORK_DIR/exc_edges.h5", "edge_types_file", "$NETWORK_DIR/exc_edge_types.csv"),
                    Files("edges_file", "$NETWORK_DIR/inh_exc_edges.h5", "edge_types_file", "$NETWORK_DIR/inh_exc_edge_types.csv"),
                },
            },
            ["target_simulator"] = "NEST",
        });
        WriteSimulationConfig("input");

        foreach (var (type, parameters) in CellParameters) WriteJson($"components/cell_models/type{type}.json", parameters);
        WriteJson("components/synaptic_models/exc_static.json", new Dictionary<string, object> { ["weight"] = 30.0 });
        WriteJson("components/synaptic_models/exc_stdp.json", EdgeTypes[3].Parameters);
        WriteJson("components/synaptic_models/empty.json", new Dictionary<string, object>());

        WriteText("network/exc_node_types.csv",
            "node_type_id model_type model_template dynamics_params ei\n" +
            "10 point_process nest:iaf_psc_alpha type10.json e\n" +
            "11 point_process nest:iaf_psc_alpha type11.json e\n");
        WriteText("network/inh_node_types.csv",
            "node_type_id model_type model_template dynamics_params\n" +
            "20 point_neuron nest:iaf_psc_alpha type20.json\n" +
            "21 point_neuron nest:iaf_psc_exp type21.json\n");
        WriteText("network/input_node_types.csv", "node_type_id model_type\n100 virtual\n");
        WriteNodes("exc_nodes.h5", "exc", ExcTypes);
        WriteNodes("inh_nodes.h5", "inh", InhTypes);
        WriteNodes("input_nodes.h5", "input", Enumerable.Repeat(100L, InputCount).ToArray());

        new H5File
        {
            ["spikes"] = new H5Group
            {
                ["node_ids"] = InputSpikes.Select(s => s.Node).ToArray(),
                ["timestamps"] = InputSpikes.Select(s => s.Time).ToArray(),
            },
        }.Write(Path.Combine(Folder, "inputs", "spikes.h5"));

        WriteText("network/input_exc_edge_types.csv",
            "edge_type_id model_template syn_weight delay dynamics_params\n1 static_synapse 999.0 1.5 empty.json\n");
        WriteText("network/exc_edge_types.csv",
            "edge_type_id model_template syn_weight delay dynamics_params\n" +
            "2 static_synapse NaN 2.0 exc_static.json\n" +
            "3 stdp_synapse 45.0 1.0 exc_stdp.json\n");
        WriteText("network/inh_exc_edge_types.csv", "edge_type_id model_template syn_weight delay\n4 static_synapse -40.0 1.0\n");

        WriteEdges("input_exc_edges.h5", "input_to_exc", "input", "exc", InExcSource, InExcTarget,
            Enumerable.Repeat(1L, InExcSource.Length).ToArray(), weights: InExcWeight);
        WriteEdges("exc_edges.h5", [
            ("exc_to_exc", "exc", "exc", ExcExcSource, ExcExcTarget, ExcExcType, null, null),
            ("exc_to_inh", "exc", "inh", ExcInhSource, ExcInhTarget, ExcInhType, null, ExcInhDelay),
        ]);
        WriteEdges("inh_exc_edges.h5", "inh_to_exc", "inh", "exc", InhExcSource, InhExcTarget,
            Enumerable.Repeat(4L, InhExcSource.Length).ToArray());
    }

    /// <summary>simulation_config.json with its input's node_set.</summary>
    public void WriteSimulationConfig(string nodeSet) => WriteJson("simulation_config.json", new Dictionary<string, object>
    {
        ["manifest"] = new Dictionary<string, string> { ["$BASE_DIR"] = ".", ["$INPUT_DIR"] = "$BASE_DIR/inputs" },
        ["run"] = new Dictionary<string, object> { ["tstop"] = TStop, ["dt"] = Resolution },
        ["target_simulator"] = "NEST",
        ["network"] = "$BASE_DIR/circuit_config.json",
        ["inputs"] = new Dictionary<string, object>
        {
            ["spike_trains"] = new Dictionary<string, string>
            {
                ["input_type"] = "spikes",
                ["module"] = "h5",
                ["input_file"] = "$INPUT_DIR/spikes.h5",
                ["node_set"] = nodeSet,
            },
        },
    });

    public void WriteText(string relative, string text) => File.WriteAllText(Path.Combine(Folder, relative), text);

    private void WriteJson(string relative, object value) => WriteText(relative, JsonSerializer.Serialize(value));

    private static Dictionary<string, string> Files(string k1, string v1, string k2, string v2) => new() { [k1] = v1, [k2] = v2 };

    private void WriteNodes(string file, string population, long[] types) => new H5File
    {
        ["nodes"] = new H5Group
        {
            [population] = new H5Group
            {
                ["node_type_id"] = types,
                ["node_id"] = Enumerable.Range(0, types.Length).Select(i => (long)i).ToArray(),
                ["node_group_id"] = new int[types.Length],
                ["node_group_index"] = Enumerable.Range(0, types.Length).Select(i => (long)i).ToArray(),
                ["0"] = new H5Group(),
            },
        },
    }.Write(NetworkFile(file));

    private void WriteEdges(string file, string population, string sourcePopulation, string targetPopulation,
        long[] sources, long[] targets, long[] types, double[]? weights = null, double[]? delays = null) =>
        WriteEdges(file, [(population, sourcePopulation, targetPopulation, sources, targets, types, weights, delays)]);

    /// <summary>An edge file with the given populations (edge_type_id stored as 4-byte unsigned integers, as NEST's example has them).</summary>
    public void WriteEdges(string file,
        (string Name, string Source, string Target, long[] Sources, long[] Targets, long[] Types, double[]? Weights, double[]? Delays)[] populations,
        string? leaveOut = null)
    {
        var edges = new H5Group();
        foreach (var p in populations)
        {
            var group = new H5Group();
            var edgeGroup = new H5Group();
            if (p.Weights is not null) edgeGroup["syn_weight"] = p.Weights;
            if (p.Delays is not null) edgeGroup["delay"] = p.Delays;
            group["0"] = edgeGroup;
            group["source_node_id"] = new H5Dataset(p.Sources.Select(x => (ulong)x).ToArray()) { Attributes = new() { ["node_population"] = p.Source } };
            group["target_node_id"] = new H5Dataset(p.Targets.Select(x => (ulong)x).ToArray()) { Attributes = new() { ["node_population"] = p.Target } };
            group["edge_type_id"] = p.Types.Select(x => (uint)x).ToArray();
            group["edge_group_id"] = new ushort[p.Sources.Length];
            group["edge_group_index"] = Enumerable.Range(0, p.Sources.Length).Select(i => (uint)i).ToArray();
            if (leaveOut is not null) group.Remove(leaveOut);
            edges[p.Name] = group;
        }
        new H5File { ["edges"] = edges }.Write(NetworkFile(file));
    }

    // ---------------------------------------------------------------- the same network by hand

    /// <summary>Creates and connects the network with Create/Connect, one edge at a time in file order; returns the populations.</summary>
    public static Dictionary<string, NodeCollection> BuildByHand(Simulator nest)
    {
        nest.SetKernelStatus("resolution", Resolution);
        var exc = nest.Create("iaf_psc_alpha", ExcTypes.Length);
        foreach (long type in new long[] { 10, 11 })
        {
            int[] positions = Enumerable.Range(0, ExcTypes.Length).Where(i => ExcTypes[i] == type).ToArray();
            exc[positions].Set(CellParameters[type]);
        }
        NodeCollection? inh = null;
        for (int start = 0; start < InhTypes.Length;)
        {
            int end = start;
            while (end < InhTypes.Length && InhTypes[end] == InhTypes[start]) end++;
            var created = nest.Create(ModelOfInhType(InhTypes[start]), end - start, CellParameters[InhTypes[start]]);
            inh = inh is null ? created : inh + created;
            start = end;
        }
        var perNode = new Dictionary<string, object>[InputCount];
        for (int n = 0; n < InputCount; n++)
        {
            perNode[n] = new()
            {
                ["spike_times"] = InputSpikes.Where(s => s.Node == n).Select(s => s.Time).ToArray(),
                ["allow_offgrid_times"] = true,
            };
        }
        var input = nest.Create("spike_train_injector", perNode);
        var populations = new Dictionary<string, NodeCollection> { ["exc"] = exc, ["inh"] = inh!, ["input"] = input };

        void Edge(string source, long s, string target, long t, long type, double? weight = null, double? delay = null)
        {
            var edgeType = EdgeTypes[type];
            var syn = new Dictionary<string, object>(edgeType.Parameters)
            {
                ["synapse_model"] = edgeType.Model,
                ["weight"] = weight ?? edgeType.Weight,
                ["delay"] = delay ?? edgeType.Delay,
            };
            nest.Connect(new long[] { populations[source].Ids[(int)s] }, new long[] { populations[target].Ids[(int)t] }, "one_to_one", syn);
        }

        for (int i = 0; i < InExcSource.Length; i++) Edge("input", InExcSource[i], "exc", InExcTarget[i], 1, weight: InExcWeight[i]);
        for (int i = 0; i < ExcExcSource.Length; i++) Edge("exc", ExcExcSource[i], "exc", ExcExcTarget[i], ExcExcType[i]);
        for (int i = 0; i < ExcInhSource.Length; i++) Edge("exc", ExcInhSource[i], "inh", ExcInhTarget[i], ExcInhType[i], delay: ExcInhDelay[i]);
        for (int i = 0; i < InhExcSource.Length; i++) Edge("inh", InhExcSource[i], "exc", InhExcTarget[i], 4);
        return populations;
    }

    /// <summary>Every connection as text (source, target, model, weight, delay, and the stdp parameters), sorted.</summary>
    public static string[] Connections(Simulator nest)
    {
        var rows = new List<string>();
        foreach (string model in new[] { "static_synapse", "stdp_synapse" })
        {
            var conns = nest.GetConnections(synapseModel: model);
            if (conns.Count == 0) continue;
            var status = conns.Get();
            for (int i = 0; i < conns.Count; i++)
            {
                string row = string.Create(CultureInfo.InvariantCulture,
                    $"{Value(status, "source", i)} -> {Value(status, "target", i)} {model} w={Value(status, "weight", i)} d={Value(status, "delay", i)}");
                if (model == "stdp_synapse")
                    row += string.Create(CultureInfo.InvariantCulture, $" tau_plus={Value(status, "tau_plus", i)} lambda={Value(status, "lambda", i)} Wmax={Value(status, "Wmax", i)}");
                rows.Add(row);
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return [.. rows];
    }

    private static object Value(Dictionary<string, object> status, string key, int i) => status[key] switch
    {
        double[] d => d[i].ToString("R", CultureInfo.InvariantCulture),
        long[] l => l[i],
        int[] k => k[i],
        string[] s => s[i],
        object?[] o => o[i] is double x ? x.ToString("R", CultureInfo.InvariantCulture) : o[i]!,
        var single => single,
    };
}
