using System.Globalization;
using System.Text.Json.Nodes;
using NestSharp.Sonata;
using PureHDF;
using PureHDF.VOL.Native;

namespace NestSharp;

/// <summary>
/// A network in the SONATA format, built and simulated as PyNEST's <c>nest.SonataNetwork</c> (NEST 3.10):
/// <code>
/// var net = nest.SonataNetwork("circuit_config.json", "simulation_config.json");
/// var populations = net.BuildNetwork(hdf5HyperslabSize: 1 &lt;&lt; 20);
/// nest.Connect(populations["internal"], recorder);
/// net.Simulate();
/// </code>
/// </summary>
/// <remarks>
/// <para>The configuration (circuit_config.json, optionally a separate simulation_config.json whose top-level entries
/// replace the circuit's) names the files: <c>networks.nodes</c> lists node files (HDF5, <c>/nodes/&lt;population&gt;/node_type_id</c>)
/// with their node-types CSV (whitespace-separated: <c>node_type_id</c>, <c>model_type</c>, <c>model_template</c>
/// <c>nest:&lt;model&gt;</c>, <c>dynamics_params</c>, a JSON file of parameters under
/// <c>components.point_neuron_models_dir</c>); <c>networks.edges</c> lists edge files (HDF5,
/// <c>/edges/&lt;population&gt;/{source_node_id, target_node_id, edge_type_id}</c> with their <c>node_population</c>
/// attributes, and one edge group <c>0/</c> with optional <c>syn_weight</c> and <c>delay</c>) with their edge-types CSV
/// (<c>edge_type_id</c>, <c>model_template</c> a synapse model, optional <c>syn_weight</c>, <c>delay</c>, further synapse
/// parameters, and <c>dynamics_params</c>, a JSON file of synapse parameters under <c>components.synaptic_models_dir</c>).
/// <c>run.dt</c> sets the resolution when the network is made, <c>run.tstop</c> (or <c>duration</c>) the simulated time.</para>
/// <para>Nodes: a node-types table of <c>point_neuron</c>/<c>point_process</c> types creates each population of its
/// node file with its model (one Create for the population when the table names one model, with each node type's
/// parameters set on its nodes; otherwise one Create per run of consecutive nodes of one type). A table of
/// <c>virtual</c> types creates one <c>spike_train_injector</c> per node, its <c>spike_times</c> (with
/// <c>allow_offgrid_times</c>) read from the input file of the simulation configuration's <c>inputs</c> entry whose
/// <c>node_set</c> is the population (an HDF5 file with <c>/spikes/{gids or node_ids, timestamps}</c>, or one such group
/// per population under <c>/spikes</c>).</para>
/// <para>Edges: each edge becomes one connection of its edge type's synapse model, its weight and delay read from the
/// edge group's datasets where they exist, else from the edge type (else the model's defaults); synapse parameters of
/// the edge type (CSV columns and dynamics_params) that the model has are set on each connection. Edge files are read in
/// hyperslabs of <c>hdf5HyperslabSize</c> rows. The connections are the same for any hyperslab size and any number of
/// threads. Before any connection is made, every edge file is opened and checked (datasets, sizes, populations, edge
/// types, node ids), so a bad file adds nothing.</para>
/// <para>Errors are NEST's: PyNEST's own checks raise Python's exceptions, which are .NET's here
/// (<see cref="ArgumentException"/> for ValueError, <see cref="KeyNotFoundException"/> for KeyError,
/// <see cref="FileNotFoundException"/> for FileNotFoundError, <see cref="InvalidOperationException"/> for
/// RuntimeError); the kernel's edge reader raises <see cref="KernelException"/> with NEST's messages, naming the file.</para>
/// </remarks>
public sealed class SonataNetwork
{
    /// <summary>The hyperslab size used when none is given: 2^20 rows.</summary>
    public const long DefaultHyperslabSize = 1L << 20;

    private readonly Simulator _nest;
    private readonly JsonObject _conf;
    private readonly Dictionary<string, NodeCollection> _nodeCollections = new(StringComparer.Ordinal);
    private bool _areNodesCreated;
    private bool _isNetworkBuilt;

    /// <summary>
    /// Reads the configuration in <paramref name="config"/> (and <paramref name="simConfig"/>, whose top-level entries
    /// replace those of the first) and sets the kernel's resolution to its <c>run.dt</c>.
    /// </summary>
    /// <param name="nest">The kernel the network is built in.</param>
    /// <param name="config">The circuit configuration (JSON).</param>
    /// <param name="simConfig">A separate simulation configuration (JSON), or null.</param>
    /// <exception cref="FileNotFoundException">A configuration file does not exist.</exception>
    /// <exception cref="ArgumentException"><c>target_simulator</c> is not NEST, or <c>run.dt</c> is missing.</exception>
    /// <exception cref="KeyNotFoundException">The configuration lacks <c>manifest</c>, <c>target_simulator</c> or <c>run</c>.</exception>
    public SonataNetwork(Simulator nest, string config, string? simConfig = null)
    {
        ArgumentNullException.ThrowIfNull(nest);
        ArgumentNullException.ThrowIfNull(config);
        _nest = nest;
        _conf = SonataConfig.Read(config);
        if (simConfig is not null)
        {
            foreach (var (key, value) in SonataConfig.Read(simConfig)) _conf[key] = value?.DeepClone();
        }
        if (StringOf(Required(_conf, "target_simulator", "the configuration"), "target_simulator") != "NEST")
            throw new ArgumentException("'target_simulator' in configuration file must be 'NEST'.");
        var run = ObjectOf(Required(_conf, "run", "the configuration"), "run");
        if (!run.ContainsKey("dt")) throw new ArgumentException("Time resolution 'dt' must be specified in configuration file.");
        _nest.SetKernelStatus("resolution", NumberOf(run["dt"], "run.dt"));
    }

    /// <summary>The node collections created, by population name (PyNEST's <c>node_collections</c>).</summary>
    public IReadOnlyDictionary<string, NodeCollection> NodeCollections => _nodeCollections;

    /// <summary>The configuration with its paths resolved, the simulation configuration merged in (PyNEST's <c>config</c>).</summary>
    public JsonObject Config => (JsonObject)_conf.DeepClone();

    /// <summary>
    /// Creates the nodes of every node file (see the class remarks) and returns the node collections by population name
    /// (PyNEST's <c>SonataNetwork.Create</c>).
    /// </summary>
    /// <exception cref="ArgumentException">A node-types table mixes model types or names one NEST does not support, lacks
    /// <c>model_template</c> or <c>dynamics_params</c>; a virtual population has no input file or an unusable one.</exception>
    /// <exception cref="FileNotFoundException">A file named by the configuration does not exist.</exception>
    /// <exception cref="UnknownModelNameException">A model_template names no node model.</exception>
    public IReadOnlyDictionary<string, NodeCollection> Create()
    {
        var networks = ObjectOf(Required(_conf, "networks", "the configuration"), "networks");
        foreach (var nodesConf in ArrayOf(Required(networks, "nodes", "networks"), "networks.nodes"))
        {
            var conf = ObjectOf(nodesConf, "networks.nodes[]");
            string csv = StringOf(Required(conf, "node_types_file", "networks.nodes[]"), "node_types_file");
            var table = SonataTable.Read(csv);
            int modelTypeColumn = table.Column("model_type");
            if (table.Rows.Length == 0) throw new ArgumentException($"The node types file {csv} lists no node types.");
            object? modelType = table.Rows[0][modelTypeColumn];
            if (table.Rows.Any(r => !Equals(r[modelTypeColumn], modelType)))
                throw new ArgumentException($"Only one model type per node types CSV file is supported. {csv} contains more than one.");
            switch (modelType)
            {
                case "point_neuron" or "point_process": CreateNeurons(conf, table); break;
                case "virtual": CreateSpikeTrainInjectors(conf); break;
                default: throw new ArgumentException($"Model type '{modelType}' in {csv} is not supported by NEST.");
            }
        }
        _areNodesCreated = true;
        return _nodeCollections;
    }

    /// <summary>
    /// Connects the nodes as the edge files say (see the class remarks), reading them in hyperslabs of
    /// <paramref name="hdf5HyperslabSize"/> rows (<see cref="DefaultHyperslabSize"/> when null) (PyNEST's
    /// <c>SonataNetwork.Connect</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The nodes have not been created.</exception>
    /// <exception cref="ArgumentException">The hyperslab size is not positive, or an edge-types table lacks <c>model_template</c>.</exception>
    /// <exception cref="FileNotFoundException">An edge file or edge-types table does not exist.</exception>
    /// <exception cref="KernelException">An edge file cannot be read or does not fit the network (NEST's messages).</exception>
    /// <exception cref="UnknownModelNameException">An edge type's model_template names no model.</exception>
    public void Connect(long? hdf5HyperslabSize = null)
    {
        if (!_areNodesCreated) throw new InvalidOperationException("The SONATA network nodes must be created before any connections can be made.");
        long size = hdf5HyperslabSize ?? DefaultHyperslabSize;
        VerifyHyperslabSize(size);
        var edgeFiles = CreateEdgesMaps();
        foreach (var file in edgeFiles)
        {
            if (!File.Exists(file.EdgesFile))
                throw new FileNotFoundException($"[Errno 2] Unable to open file (unable to open file: name = '{file.EdgesFile}', errno = 2, error message = 'No such file or directory')", file.EdgesFile);
        }
        new SonataConnector(_nest, _nodeCollections, edgeFiles, size).Connect();
        _isNetworkBuilt = true;
    }

    /// <summary>
    /// <see cref="Create"/> and then <see cref="Connect"/>; returns the node collections by population name (PyNEST's
    /// <c>SonataNetwork.BuildNetwork</c>).
    /// </summary>
    /// <param name="hdf5HyperslabSize">The number of rows read from an edge file at a time; null: <see cref="DefaultHyperslabSize"/>.</param>
    public IReadOnlyDictionary<string, NodeCollection> BuildNetwork(long? hdf5HyperslabSize = null)
    {
        if (hdf5HyperslabSize is long size) VerifyHyperslabSize(size);
        var nodes = Create();
        Connect(hdf5HyperslabSize);
        return nodes;
    }

    /// <summary>Simulates for the configuration's <c>run.tstop</c> (or <c>run.duration</c>) (PyNEST's <c>SonataNetwork.Simulate</c>).</summary>
    /// <exception cref="InvalidOperationException">The network has not been built.</exception>
    /// <exception cref="ArgumentException">The configuration gives neither tstop nor duration.</exception>
    public void Simulate()
    {
        if (!_isNetworkBuilt) throw new InvalidOperationException("The SONATA network must be built before a simulation can be done.");
        var run = ObjectOf(Required(_conf, "run", "the configuration"), "run");
        double time = run.ContainsKey("tstop") ? NumberOf(run["tstop"], "run.tstop")
            : run.ContainsKey("duration") ? NumberOf(run["duration"], "run.duration")
            : throw new ArgumentException("Simulation time 'tstop' or 'duration' must be specified in configuration file.");
        _nest.Simulate(time);
    }

    private static void VerifyHyperslabSize(long size)
    {
        if (size <= 0) throw new ArgumentException("hdf5_hyperslab_size must be strictly positive");
    }

    // ---------------------------------------------------------------- nodes

    private void CreateNeurons(JsonObject nodesConf, SonataTable table)
    {
        var nodeTypes = NodeTypeParameterMap(table);
        var models = table.Rows.Select(r => ModelName(r[table.Column("model_template")])).Distinct().ToArray();
        string? oneModel = models.Length == 1 ? models[0] : null;
        string nodesFile = StringOf(Required(nodesConf, "nodes_file", "networks.nodes[]"), "nodes_file");
        using var file = OpenHdf5(nodesFile);
        foreach (var (population, group) in Populations(file, "nodes", nodesFile))
        {
            long[] typeIds = ReadNodeTypeIds(group, population, nodesFile);
            NodeCollection nodes;
            if (oneModel is not null)
            {
                nodes = _nest.Create(oneModel, typeIds.Length);
                foreach (long typeId in typeIds.Distinct().Order())
                {
                    var parameters = NodeTypeParameters(nodeTypes, typeId, population, nodesFile, table.Path);
                    var positions = new List<int>();
                    for (int i = 0; i < typeIds.Length; i++) if (typeIds[i] == typeId) positions.Add(i);
                    nodes[positions.ToArray()].Set(parameters);
                }
            }
            else
            {
                NodeCollection? joined = null;
                for (int start = 0; start < typeIds.Length;)
                {
                    int end = start;
                    while (end < typeIds.Length && typeIds[end] == typeIds[start]) end++;
                    var parameters = NodeTypeParameters(nodeTypes, typeIds[start], population, nodesFile, table.Path);
                    var created = _nest.Create(nodeTypes[typeIds[start]].Model, end - start, parameters);
                    joined = joined is null ? created : joined + created;
                    start = end;
                }
                nodes = joined ?? throw new ArgumentException($"Population {population} in {nodesFile} has no nodes.");
            }
            _nodeCollections[population] = nodes;
        }
    }

    private Dictionary<string, object> NodeTypeParameters(Dictionary<long, NodeType> nodeTypes, long typeId, string population, string nodesFile, string csv)
    {
        if (!nodeTypes.TryGetValue(typeId, out var nodeType))
            throw new KeyNotFoundException($"{typeId} (node_type_id of population '{population}' in {nodesFile} is not listed in {csv})");
        string directory = StringOf(Required(ObjectOf(Required(_conf, "components", "the configuration"), "components"),
            "point_neuron_models_dir", "components"), "point_neuron_models_dir");
        return SonataJson.ReadDictionary(SonataConfig.JoinPosix(directory, nodeType.DynamicsParams));
    }

    private readonly record struct NodeType(string Model, string DynamicsParams);

    private static Dictionary<long, NodeType> NodeTypeParameterMap(SonataTable table)
    {
        if (!table.Has("model_template"))
            throw new ArgumentException($"Missing the required 'model_template' header specifying NEST neuron models in {table.Path}.");
        if (!table.Has("dynamics_params"))
            throw new ArgumentException($"Missing the required 'dynamics_params' header specifying .json files with model parameters in {table.Path}.");
        var map = new Dictionary<long, NodeType>();
        for (int r = 0; r < table.Rows.Length; r++)
        {
            object? id = table.Value(r, "node_type_id");
            if (id is not long typeId) continue; // a node_type_id that is no integer matches no node
            map[typeId] = new NodeType(ModelName(table.Value(r, "model_template")),
                Convert.ToString(table.Value(r, "dynamics_params"), CultureInfo.InvariantCulture) ?? "");
        }
        return map;
    }

    private static string ModelName(object? template) =>
        (Convert.ToString(template, CultureInfo.InvariantCulture) ?? "").Replace("nest:", "", StringComparison.Ordinal);

    private void CreateSpikeTrainInjectors(JsonObject nodesConf)
    {
        string nodesFile = StringOf(Required(nodesConf, "nodes_file", "networks.nodes[]"), "nodes_file");
        using var file = OpenHdf5(nodesFile);
        foreach (var (population, group) in Populations(file, "nodes", nodesFile))
        {
            if (!group.LinkExists("node_type_id")) throw new KeyNotFoundException($"'node_type_id' (no such dataset in population '{population}' of {nodesFile})");
            long count = Hdf5Columns.Rows(group.Dataset("node_type_id"));

            string? inputFile = null;
            foreach (var (_, input) in ObjectOf(Required(_conf, "inputs", "the configuration"), "inputs"))
            {
                var entry = ObjectOf(input, "inputs[]");
                if (entry["node_set"] is JsonValue set && set.TryGetValue(out string? name) && name == population)
                {
                    inputFile = StringOf(Required(entry, "input_file", "inputs[]"), "input_file");
                    break;
                }
            }
            if (inputFile is null)
                throw new ArgumentException($"Could not find an input file for population {population} in config file (no entry of 'inputs' has node_set '{population}').");

            var (nodeIds, timestamps) = ReadInputSpikes(inputFile, population);
            var times = new List<double>[count];
            for (int n = 0; n < count; n++) times[n] = [];
            for (int k = 0; k < nodeIds.Length; k++)
            {
                if (nodeIds[k] >= 0 && nodeIds[k] < count) times[nodeIds[k]].Add(timestamps[k]);
            }
            var parameters = new Dictionary<string, object>[count];
            for (int n = 0; n < count; n++)
                parameters[n] = new() { ["spike_times"] = times[n].ToArray(), ["allow_offgrid_times"] = true };
            _nodeCollections[population] = _nest.Create("spike_train_injector", parameters);
        }
    }

    private static (long[] NodeIds, double[] Timestamps) ReadInputSpikes(string inputFile, string population)
    {
        using var file = OpenHdf5(inputFile);
        if (!file.LinkExists("spikes")) throw new KeyNotFoundException($"\"Unable to open object (object 'spikes' doesn't exist)\" in {inputFile}");
        var spikes = file.Group("spikes");
        var children = spikes.Children().ToArray();
        bool allGroups = children.All(c => c is IH5Group), anyGroups = children.Any(c => c is IH5Group);
        if ((allGroups || anyGroups) && !(allGroups && anyGroups))
        {
            throw new ArgumentException(
                $"Unsupported HDF5 structure; groups and datasets cannot be on the same hierarchical level in input spikes file {inputFile}.");
        }
        IH5Group spikesGroup = spikes;
        if (allGroups)
        {
            spikesGroup = spikes.LinkExists(population) && spikes.Get(population) is IH5Group match
                ? match
                : throw new ArgumentException($"Did not find a matching HDF5 group name for population {population} in {inputFile}.");
        }
        string idsName = spikesGroup.LinkExists("gids") ? "gids"
            : spikesGroup.LinkExists("node_ids") ? "node_ids"
            : throw new ArgumentException($"No dataset called 'gids' or 'node_ids' in {inputFile}.");
        var idsSet = spikesGroup.Dataset(idsName);
        long[] ids = Hdf5Columns.ReadLongs(idsSet, 0, Hdf5Columns.Rows(idsSet));
        if (!spikesGroup.LinkExists("timestamps")) throw new KeyNotFoundException($"\"Unable to open object (object 'timestamps' doesn't exist)\" in {inputFile}");
        var timesSet = spikesGroup.Dataset("timestamps");
        double[] times = Hdf5Columns.ReadDoubles(timesSet, 0, Hdf5Columns.Rows(timesSet));
        if (ids.Length != times.Length)
            throw new ArgumentException($"The datasets '{idsName}' ({ids.Length} rows) and 'timestamps' ({times.Length} rows) in {inputFile} must be of the same size.");
        return (ids, times);
    }

    private static long[] ReadNodeTypeIds(IH5Group population, string name, string nodesFile)
    {
        if (!population.LinkExists("node_type_id")) throw new KeyNotFoundException($"'node_type_id' (no such dataset in population '{name}' of {nodesFile})");
        var dataset = population.Dataset("node_type_id");
        return Hdf5Columns.ReadLongs(dataset, 0, Hdf5Columns.Rows(dataset));
    }

    /// <summary>The groups under <paramref name="top"/> in name order (as h5py iterates them).</summary>
    internal static IEnumerable<(string Name, IH5Group Group)> Populations(NativeFile file, string top, string path)
    {
        if (!file.LinkExists(top)) throw new KeyNotFoundException($"\"Unable to open object (object '{top}' doesn't exist)\" in {path}");
        var group = file.Group(top);
        foreach (var child in group.Children().OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            if (child is IH5Group population) yield return (child.Name, population);
        }
    }

    /// <summary>Opens an HDF5 file for reading (h5py's errors: FileNotFoundError, OSError).</summary>
    internal static NativeFile OpenHdf5(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"[Errno 2] Unable to open file (unable to open file: name = '{path}', errno = 2, error message = 'No such file or directory')", path);
        try
        {
            return H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new IOException($"Unable to open file {path} (not an HDF5 file: {e.Message})", e);
        }
    }

    // ---------------------------------------------------------------- edges

    private List<SonataEdgeFile> CreateEdgesMaps()
    {
        var result = new List<SonataEdgeFile>();
        var networks = ObjectOf(Required(_conf, "networks", "the configuration"), "networks");
        foreach (var edgesConfNode in ArrayOf(Required(networks, "edges", "networks"), "networks.edges"))
        {
            var edgesConf = ObjectOf(edgesConfNode, "networks.edges[]");
            string csv = StringOf(Required(edgesConf, "edge_types_file", "networks.edges[]"), "edge_types_file");
            var table = SonataTable.Read(csv);
            if (!table.Has("model_template"))
                throw new ArgumentException($"Missing the required 'model_template' header specifying NEST synapse models in {csv}.");
            string[] columns = Array.ConvertAll(table.Columns, c => c switch { "model_template" => "synapse_model", "syn_weight" => "weight", _ => c });
            int modelColumn = Array.IndexOf(columns, "synapse_model");
            int typeColumn = table.Column("edge_type_id");
            int dynamicsColumn = Array.IndexOf(columns, "dynamics_params");
            var models = table.Rows.Select(r => Convert.ToString(r[modelColumn], CultureInfo.InvariantCulture) ?? "").ToArray();
            bool oneModel = models.Distinct().Count() == 1;
            var synSpecs = new Dictionary<string, Dictionary<string, object>>(StringComparer.Ordinal);
            for (int r = 0; r < table.Rows.Length; r++)
            {
                var settable = _nest.GetDefaults(models[r]);
                var spec = new Dictionary<string, object>(StringComparer.Ordinal);
                for (int c = 0; c < columns.Length; c++)
                {
                    if (settable.ContainsKey(columns[c]) && table.Rows[r][c] is { } value) spec[columns[c]] = value;
                }
                spec["synapse_model"] = models[r];
                if (dynamicsColumn >= 0 && table.Rows[r][dynamicsColumn] is { } dynamics)
                {
                    string directory = StringOf(Required(ObjectOf(Required(_conf, "components", "the configuration"), "components"),
                        "synaptic_models_dir", "components"), "synaptic_models_dir");
                    string path = SonataConfig.JoinPosix(directory, Convert.ToString(dynamics, CultureInfo.InvariantCulture)!);
                    foreach (var (key, value) in SonataJson.ReadDictionary(path)) spec[key] = value;
                }
                string typeId = Convert.ToString(table.Rows[r][typeColumn], CultureInfo.InvariantCulture) ?? "";
                if (oneModel && synSpecs.ContainsKey(typeId))
                    throw new ArgumentException($"DataFrame index must be unique for orient='index': edge_type_id {typeId} is listed twice in {csv}.");
                synSpecs[typeId] = spec;
            }
            result.Add(new SonataEdgeFile(StringOf(Required(edgesConf, "edges_file", "networks.edges[]"), "edges_file"), synSpecs));
        }
        return result;
    }

    // ---------------------------------------------------------------- configuration values

    private static JsonNode Required(JsonObject obj, string key, string where) =>
        obj.TryGetPropertyValue(key, out var value) && value is not null ? value : throw new KeyNotFoundException($"'{key}' (missing in {where})");

    private static JsonObject ObjectOf(JsonNode? node, string key) =>
        node as JsonObject ?? throw new ArgumentException($"'{key}' in the SONATA configuration must be an object, not {node?.ToJsonString() ?? "null"}.");

    private static JsonArray ArrayOf(JsonNode? node, string key) =>
        node as JsonArray ?? throw new ArgumentException($"'{key}' in the SONATA configuration must be a list, not {node?.ToJsonString() ?? "null"}.");

    private static string StringOf(JsonNode? node, string key) =>
        node is JsonValue value && value.TryGetValue(out string? text)
            ? text
            : throw new ArgumentException($"'{key}' in the SONATA configuration must be a string, not {node?.ToJsonString() ?? "null"}.");

    private static double NumberOf(JsonNode? node, string key) =>
        node is JsonValue value && value.TryGetValue(out double number)
            ? number
            : throw new ArgumentException($"'{key}' in the SONATA configuration must be a number, not {node?.ToJsonString() ?? "null"}.");
}

/// <summary>One edge file and the synapse specification of each of its edge types (by edge_type_id as text).</summary>
internal sealed record SonataEdgeFile(string EdgesFile, IReadOnlyDictionary<string, Dictionary<string, object>> SynSpecs);
