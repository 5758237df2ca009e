using NestSharp.Connections;
using NestSharp.Kernel;
using NestSharp.Kernel.Communication;
using NestSharp.Nodes;
using NestSharp.Plasticity;
using NestSharp.Plasticity.Structural;
using NestSharp.Random;

namespace NestSharp;

/// <summary>
/// One simulation kernel, the counterpart of PyNEST's <c>nest</c> module: kernel status, models, <c>Create</c>,
/// <c>Connect</c>, <c>Simulate</c>. Instances are independent; nothing is shared between them.
/// </summary>
public sealed partial class Simulator
{
    private static readonly string[] SettableKernelKeys =
    [
        "data_path", "data_prefix", "dict_miss_is_error", "local_num_threads", "overwrite_files", "print_time",
        "resolution", "rng_seed", "structural_plasticity_synapses", "structural_plasticity_update_interval", "tics_per_ms",
        "total_num_virtual_procs",
    ];

    private static readonly string[] ReadOnlyKernelKeys =
    [
        "T_max", "T_min", "biological_time", "connection_rules", "local_spike_counter", "max_delay", "min_delay",
        "ms_per_tic", "mpi_rank", "prepared", "tics_per_step", "network_size", "node_models", "num_connections", "num_processes", "rng_type",
        "synapse_models", "time_construction_connect", "time_simulate", "to_do", "build_info",
    ];

    /// <summary>Status keys whose value is itself an array (so an array is not a per-node list).</summary>
    private static readonly HashSet<string> ArrayValuedKeys = ["spike_times", "spike_weights", "spike_multiplicities", "record_from"];

    private static readonly string[] ReadOnlyNodeKeys =
        ["global_id", "model", "element_type", "recordables", "receptor_types", "events", "thread", "vp", "local", "filenames", "thread_local_id", "model_id", "t_spike", "archiver_length"];

    private KernelState _state = null!;
    private long _generation;

    public Simulator()
    {
        ResetKernel();
    }

    /// <summary>Random parameters for per-node and per-connection values, as PyNEST's <c>nest.random</c>.</summary>
    public RandomParameters Random { get; } = new();

    /// <summary>Everything ResetKernel discards.</summary>
    private sealed class KernelState
    {
        public KernelState(ICommunicator communicator)
        {
            Communicator = communicator;
            Time = new TimeGrid(1000.0, 0.1);
            Context = new SimulationContext(Time, Layout, communicator, SeedKeyOf(RngSeed)) { Archive = Archive };
            Nodes = new NodeManager(() => Time, () => Simulation?.CurrentStep ?? 0);
            Connections = new ConnectionManager(Nodes, () => Layout, () => Time, Archive, communicator);
            Simulation = new SimulationManager(Nodes, Connections, Context, Settings, Archive, Structural);
        }

        public SpikeArchive Archive { get; } = new();
        public StructuralPlasticityManager Structural { get; } = new();

        public TimeGrid Time;
        public SimulationContext Context;
        public NodeManager Nodes;
        public ConnectionManager Connections;
        public SimulationManager Simulation;
        public KernelSettings Settings { get; } = new();
        public long RngSeed = 143202461;
        public int Threads = 1;
        public ICommunicator Communicator { get; }

        /// <summary>This process's place among the virtual processes (ranks × threads).</summary>
        public VirtualProcessLayout Layout => new(Communicator.Size, Communicator.Rank, Threads);
        public long RandomOperations;
        public TimeSpan SimulateTime, ConnectTime;

        public void Rebuild()
        {
            Context = new SimulationContext(Time, Layout, Communicator, SeedKeyOf(RngSeed)) { Archive = Archive };
            Simulation = new SimulationManager(Nodes, Connections, Context, Settings, Archive, Structural);
        }
    }

    private static ulong SeedKeyOf(long seed) => RandomStream.Mix((ulong)seed ^ 0x4E45_5354_5348_5250UL);

    /// <summary>Discards all nodes, connections, copied models and settings (NEST's ResetKernel).</summary>
    public void ResetKernel()
    {
        _state?.Simulation.CloseFilesIfPrepared();
        _state = new KernelState(MpiCommunicator.LaunchedByMpirun ? MpiCommunicator.World : LocalCommunicator.Instance);
        _generation++;
    }

    // ---------------------------------------------------------------- kernel status

    public double Resolution => _state.Time.Resolution;
    public double BiologicalTime => _state.Time.StepToMs(_state.Simulation.CurrentStep);
    public int LocalNumThreads => _state.Threads;

    /// <summary>This process's rank among the MPI processes (0 without MPI), as NEST's Rank().</summary>
    public int Rank => _state.Communicator.Rank;

    /// <summary>The number of MPI processes (1 without MPI), as NEST's NumProcesses().</summary>
    public int NumProcesses => _state.Communicator.Size;
    public long RngSeed => _state.RngSeed;
    public int NetworkSize => _state.Nodes.NodeCount;
    public long NumConnections => _state.Connections.TotalConnections;

    /// <summary>Sets kernel status keys; all are checked before any changes.</summary>
    public void SetKernelStatus(Dictionary<string, object> values)
    {
        var s = _state;
        double resolution = s.Time.Resolution, ticsPerMs = s.Time.TicsPerMs;
        int threads = s.Threads;
        long seed = s.RngSeed;
        var settings = new KernelSettings
        {
            PrintTime = s.Settings.PrintTime, DataPath = s.Settings.DataPath, DataPrefix = s.Settings.DataPrefix,
            OverwriteFiles = s.Settings.OverwriteFiles, DictMissIsError = s.Settings.DictMissIsError,
        };
        bool gridChanged = false;
        double spInterval = s.Structural.UpdateIntervalMs;
        var spBuilders = s.Structural.Builders;
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "structural_plasticity_update_interval":
                    spInterval = StatusValue.ToDouble(key, value);
                    if (!(spInterval > 0)) throw new BadParameterException(key, value, "must be positive");
                    break;
                case "structural_plasticity_synapses": spBuilders = ParseStructuralPlasticitySynapses(value); break;
                case "resolution": resolution = StatusValue.ToDouble(key, value); gridChanged = true; break;
                case "tics_per_ms": ticsPerMs = StatusValue.ToDouble(key, value); gridChanged = true; break;
                case "local_num_threads":
                    threads = StatusValue.ToInt(key, value);
                    if (threads < 1) throw new BadParameterException(key, value, "the number of threads must be at least 1");
                    if (threads > 1024) throw new BadParameterException(key, value, "at most 1024 threads are supported");
                    break;
                case "total_num_virtual_procs":
                    int vps = StatusValue.ToInt(key, value);
                    int ranks = s.Communicator.Size;
                    if (vps < ranks || vps % ranks != 0)
                        throw new BadParameterException(key, value, $"must be a positive multiple of the number of processes ({ranks})");
                    threads = vps / ranks;
                    break;
                case "rng_seed":
                    seed = StatusValue.ToLong(key, value);
                    if (seed < 1 || seed > uint.MaxValue) throw new BadParameterException(key, value, "the seed must be an integer from 1 to 2^32 - 1");
                    break;
                case "print_time": settings.PrintTime = StatusValue.ToBool(key, value); break;
                case "data_path":
                    settings.DataPath = StatusValue.ToStringValue(key, value);
                    if (settings.DataPath.Length > 0 && !Directory.Exists(settings.DataPath))
                        throw new BadParameterException(key, settings.DataPath, "the directory does not exist");
                    break;
                case "data_prefix":
                    settings.DataPrefix = StatusValue.ToStringValue(key, value);
                    if (settings.DataPrefix.Contains('/')) throw new BadParameterException(key, settings.DataPrefix, "the prefix cannot contain '/'");
                    break;
                case "overwrite_files": settings.OverwriteFiles = StatusValue.ToBool(key, value); break;
                case "dict_miss_is_error": settings.DictMissIsError = StatusValue.ToBool(key, value); break;
                default:
                    if (ReadOnlyKernelKeys.Contains(key)) throw new BadParameterException(key, value, $"kernel property '{key}' is read-only");
                    throw new UnknownParameterException("the kernel", key, SettableKernelKeys);
            }
        }
        bool structural = gridChanged || threads != s.Threads;
        if (structural && (s.Nodes.NodeCount > 0 || s.Simulation.HasSimulated))
            throw new KernelException(gridChanged
                ? "The resolution and tics_per_ms cannot be changed after nodes have been created or the network has been simulated. Call ResetKernel first."
                : "The number of threads cannot be changed after nodes have been created. Call ResetKernel first.");
        var grid = gridChanged ? new TimeGrid(ticsPerMs, resolution) : s.Time;

        s.Time = grid;
        s.Threads = threads;
        s.Structural.UpdateIntervalMs = spInterval;
        s.Structural.Builders = spBuilders;
        s.RngSeed = seed;
        s.Settings.PrintTime = settings.PrintTime;
        s.Settings.DataPath = settings.DataPath;
        s.Settings.DataPrefix = settings.DataPrefix;
        s.Settings.OverwriteFiles = settings.OverwriteFiles;
        s.Settings.DictMissIsError = settings.DictMissIsError;
        if (structural) s.Rebuild();
        s.Context.SeedKey = SeedKeyOf(seed);
    }

    public void SetKernelStatus(string key, object value) => SetKernelStatus(new Dictionary<string, object> { [key] = value });

    public Dictionary<string, object> GetKernelStatus()
    {
        var s = _state;
        var sim = s.Simulation;
        return new Dictionary<string, object>
        {
            ["resolution"] = s.Time.Resolution,
            ["tics_per_ms"] = s.Time.TicsPerMs,
            ["ms_per_tic"] = 1.0 / s.Time.TicsPerMs,
            ["tics_per_step"] = s.Time.TicsPerStep,
            ["prepared"] = sim.IsPrepared,
            ["min_delay"] = s.Time.StepToMs(sim.MinDelaySteps),
            ["max_delay"] = s.Time.StepToMs(sim.MaxDelaySteps),
            ["biological_time"] = BiologicalTime,
            ["rng_seed"] = s.RngSeed,
            ["rng_type"] = "splitmix64_keyed",
            ["local_num_threads"] = (long)s.Threads,
            ["total_num_virtual_procs"] = (long)s.Layout.Count,
            ["num_processes"] = (long)s.Communicator.Size,
            ["mpi_rank"] = (long)s.Communicator.Rank,
            ["print_time"] = s.Settings.PrintTime,
            ["data_path"] = s.Settings.DataPath,
            ["data_prefix"] = s.Settings.DataPrefix,
            ["overwrite_files"] = s.Settings.OverwriteFiles,
            ["dict_miss_is_error"] = s.Settings.DictMissIsError,
            ["network_size"] = (long)s.Nodes.NodeCount,
            ["num_connections"] = s.Connections.TotalConnections,
            ["local_spike_counter"] = sim.LocalSpikeCounter,
            ["connection_rules"] = ConnSpec.RuleNames.Order(StringComparer.Ordinal).ToArray(),
            ["node_models"] = s.Nodes.ModelNames.Order(StringComparer.Ordinal).ToArray(),
            ["synapse_models"] = s.Connections.ModelNames.Order(StringComparer.Ordinal).ToArray(),
            ["time_simulate"] = s.SimulateTime.TotalSeconds,
            ["structural_plasticity_update_interval"] = s.Structural.UpdateIntervalMs,
            ["structural_plasticity_synapses"] = StructuralPlasticitySynapsesStatus(),
            ["time_construction_connect"] = s.ConnectTime.TotalSeconds,
        };
    }

    public object GetKernelStatus(string key)
    {
        var status = GetKernelStatus();
        return status.TryGetValue(key, out var value) ? value : throw new UnknownParameterException("the kernel", key, status.Keys);
    }

    // ---------------------------------------------------------------- models

    /// <summary>All model names (neuron, device and synapse models), as NEST's Models().</summary>
    public IReadOnlyList<string> Models() =>
        _state.Nodes.ModelNames.Concat(_state.Connections.ModelNames).Order(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<string> NodeModels() => _state.Nodes.ModelNames.Order(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<string> SynapseModels() => _state.Connections.ModelNames.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Makes <paramref name="newName"/> a copy of <paramref name="existing"/> with changed defaults.</summary>
    public void CopyModel(string existing, string newName, Dictionary<string, object>? defaults = null)
    {
        var s = _state;
        if (s.Nodes.HasModel(newName) || s.Connections.HasModel(newName))
            throw new KernelException($"A model named '{newName}' exists already.");
        if (s.Nodes.TryGetModel(existing, out var nodeModel))
        {
            var copy = nodeModel.Copy(newName);
            if (defaults is not null) StageOnGroup(copy.Prototype, 0, defaults, $"model '{existing}'")();
            s.Nodes.Register(copy);
        }
        else if (s.Connections.HasModel(existing))
        {
            if (defaults is not null)
            {
                var probe = s.Connections.Model(existing).Copy(newName, -1);
                probe.SetDefaults(defaults, s.Time.Resolution, IsWeightRecorder);
            }
            var copy = s.Connections.AddCopy(existing, newName);
            if (defaults is not null) copy.SetDefaults(defaults, s.Time.Resolution, IsWeightRecorder);
        }
        else throw new UnknownModelException(existing, Models());
    }

    public void SetDefaults(string model, Dictionary<string, object> defaults)
    {
        var s = _state;
        if (s.Nodes.TryGetModel(model, out var nodeModel)) StageOnGroup(nodeModel.Prototype, 0, defaults, $"model '{model}'")();
        else if (s.Connections.HasModel(model)) s.Connections.Model(model).SetDefaults(defaults, s.Time.Resolution, IsWeightRecorder);
        else throw new UnknownModelException(model, Models());
    }

    public Dictionary<string, object> GetDefaults(string model)
    {
        var s = _state;
        if (s.Nodes.TryGetModel(model, out var nodeModel))
        {
            var status = new Dictionary<string, object>();
            nodeModel.Prototype.WriteStatus(0, status);
            status["model"] = model;
            status["element_type"] = ElementTypeName(nodeModel.Prototype.ElementType);
            status["global_id"] = 0L;
            return status;
        }
        if (s.Connections.HasModel(model))
        {
            var synapse = s.Connections.Model(model);
            return synapse.GetDefaults(s.Connections.NumConnections(synapse.Id));
        }
        throw new UnknownModelException(model, Models());
    }

    public T GetDefaults<T>(string model, string key)
    {
        var defaults = GetDefaults(model);
        if (!defaults.TryGetValue(key, out var value)) throw new UnknownParameterException($"model '{model}'", key, defaults.Keys);
        return value is T t ? t : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private bool IsWeightRecorder(NodeCollection nodes)
    {
        CheckCollection(nodes);
        return _state.Nodes.Locate(nodes.Ids[0]).Group is Models.Devices.WeightRecorder;
    }

    private static string ElementTypeName(ElementType type) => type switch
    {
        ElementType.Neuron => "neuron",
        ElementType.Stimulator => "stimulator",
        _ => "recorder",
    };

    // ---------------------------------------------------------------- nodes

    /// <summary>Creates <paramref name="n"/> nodes of <paramref name="model"/>, with <paramref name="parameters"/> for all.</summary>
    public NodeCollection Create(string model, int n = 1, Dictionary<string, object>? parameters = null)
    {
        if (n < 1) throw new BadParameterException("n", n, "the number of nodes must be at least 1");
        var s = _state;
        EnsureNotPrepared("Create");
        var nodeModel = s.Nodes.Model(model);
        var group = s.Nodes.Instantiate(nodeModel, n, s.Layout.Count);
        if (parameters is not null && parameters.Count > 0)
        {
            var ids = Enumerable.Range(group.FirstId, n).ToArray();
            var commits = StageForNodes(ids, _ => group, parameters);
            foreach (var commit in commits) commit();
        }
        s.Nodes.Add(group);
        return new NodeCollection(this, _generation, Enumerable.Range(group.FirstId, n).ToArray());
    }

    /// <summary>Creates nodes with one parameter dictionary per node.</summary>
    public NodeCollection Create(string model, IReadOnlyList<Dictionary<string, object>> perNode)
    {
        var s = _state;
        EnsureNotPrepared("Create");
        var nodeModel = s.Nodes.Model(model);
        var group = s.Nodes.Instantiate(nodeModel, perNode.Count, s.Layout.Count);
        var commits = new List<Action>();
        for (int i = 0; i < perNode.Count; i++)
            commits.Add(StageOnGroup(group, i, perNode[i], $"node {group.FirstId + i} ({model})"));
        foreach (var commit in commits) commit();
        s.Nodes.Add(group);
        return new NodeCollection(this, _generation, Enumerable.Range(group.FirstId, perNode.Count).ToArray());
    }

    internal void CheckCollection(NodeCollection nodes)
    {
        if (!ReferenceEquals(nodes.Kernel, this) || nodes.Generation != _generation)
            throw new KernelException("This NodeCollection belongs to another kernel or was created before ResetKernel.");
    }

    internal Dictionary<string, object> GetNodeStatus(NodeCollection collection, int id)
    {
        CheckCollection(collection);
        var (group, local) = _state.Nodes.Locate(id);
        var status = new Dictionary<string, object>();
        group.WriteStatus(local, status);
        status["global_id"] = (long)id;
        status["model"] = group.Model.Name;
        status["element_type"] = ElementTypeName(group.ElementType);
        status["local"] = true;
        status["frozen"] = false;
        if (group is NeuronGroup)
        {
            status["synaptic_elements"] = SynapticElementsStatus(id);
            status["t_spike"] = _state.Archive.LastSpike(id);
            status["archiver_length"] = (long)(_state.Archive.Of(id)?.Count ?? 0);
        }
        int vp = group.OwnerThread(local);
        status["thread"] = (long)(vp % _state.Threads);
        status["vp"] = (long)vp;
        return status;
    }

    internal object GetNodeStatusValue(NodeCollection collection, int id, string key)
    {
        var status = GetNodeStatus(collection, id);
        return status.TryGetValue(key, out var value)
            ? value
            : throw new UnknownParameterException($"node {id} ({status["model"]})", key, status.Keys);
    }

    internal void SetNodeStatus(NodeCollection collection, IReadOnlyDictionary<string, object> values)
    {
        CheckCollection(collection);
        EnsureNotPrepared("SetStatus");
        var commits = StageForNodes(collection.IdArray, id => _state.Nodes.Locate(id).Group, values);
        foreach (var commit in commits) commit();
    }

    internal void SetNodeStatusPerNode(NodeCollection collection, IReadOnlyList<Dictionary<string, object>> perNode)
    {
        CheckCollection(collection);
        EnsureNotPrepared("SetStatus");
        if (perNode.Count != collection.Count)
            throw new BadParameterException("params", $"{perNode.Count} dictionaries", $"give one dictionary per node ({collection.Count})");
        var commits = new List<Action>();
        for (int i = 0; i < perNode.Count; i++)
        {
            var (group, local) = _state.Nodes.Locate(collection.IdArray[i]);
            commits.Add(StageOnGroup(group, local, perNode[i], $"node {collection.IdArray[i]} ({group.Model.Name})"));
        }
        foreach (var commit in commits) commit();
    }

    /// <summary>
    /// Checks <paramref name="values"/> for every node (a value for all, an array with one entry per node, or a
    /// <see cref="Parameter"/> drawn per node from the node's keyed stream) and returns the commits.
    /// </summary>
    private List<Action> StageForNodes(int[] ids, Func<int, NodeGroup> groupOf, IReadOnlyDictionary<string, object> values)
    {
        ulong operationKey = RandomStream.Derive(_state.Context.SeedKey, 0x5E7_57A7, (ulong)_state.RandomOperations++);
        var perNodeArrays = new Dictionary<string, Array>();
        foreach (var (key, value) in values)
        {
            bool arrayValued = ArrayValuedKeys.Contains(key);
            if (value is Array array && (!arrayValued || IsArrayOfArrays(array)))
            {
                if (array.Length != ids.Length)
                    throw new BadParameterException(key, value, $"an array gives one value per node and needs {ids.Length} entries, got {array.Length}");
                perNodeArrays[key] = array;
            }
        }
        var commits = new List<Action>(ids.Length);
        var nodeValues = new Dictionary<string, object>(values.Count);
        for (int i = 0; i < ids.Length; i++)
        {
            nodeValues.Clear();
            foreach (var (key, value) in values)
            {
                if (perNodeArrays.TryGetValue(key, out var array)) nodeValues[key] = array.GetValue(i)!;
                else if (value is Parameter p)
                {
                    var stream = new RandomStream(RandomStream.Derive(operationKey, (ulong)ids[i], (ulong)key.Length));
                    nodeValues[key] = p.Draw(ref stream);
                }
                else nodeValues[key] = value;
            }
            var group = groupOf(ids[i]);
            int local = ids[i] - group.FirstId;
            commits.Add(StageOnGroup(group, local, nodeValues, $"node {ids[i]} ({group.Model.Name})"));
        }
        return commits;
    }

    private static bool IsArrayOfArrays(Array array) =>
        array.GetType().GetElementType()!.IsArray ||
        (array.GetType().GetElementType() == typeof(object) && array.Length > 0 && array.Cast<object>().All(e => e is Array));

    /// <summary>Checks keys against the model and stages the change of one node.</summary>
    private Action StageOnGroup(NodeGroup group, int local, IReadOnlyDictionary<string, object> values, string owner)
    {
        var accepted = new Dictionary<string, object>(values.Count);
        Action? elements = null;
        foreach (var (key, value) in values)
        {
            if (key is "synaptic_elements" or "synaptic_elements_param" && group is NeuronGroup)
            {
                if (group.FirstId == 0)
                    throw new BadParameterException(key, value, "synaptic elements belong to nodes: give them to Create or Set, not to SetDefaults or CopyModel");
                elements = StageSynapticElements(group.FirstId + local, key, value, owner);
            }
            else if (group.SettableKeys.Contains(key)) accepted[key] = value;
            else if (ReadOnlyNodeKeys.Contains(key)) throw new BadParameterException(key, value, $"'{key}' is read-only");
            else if (_state.Settings.DictMissIsError) throw new UnknownParameterException(owner, key, group.SettableKeys);
            else Console.Error.WriteLine($"NestSharp warning: {owner} has no parameter '{key}'; ignored (dict_miss_is_error is false).");
        }
        var commit = group.Stage(local, accepted);
        return elements is null ? commit : () => { commit(); elements(); };
    }

    private void EnsureNotPrepared(string what)
    {
        if (_state.Simulation.IsPrepared)
            throw new KernelException($"{what} is not allowed between Prepare and Cleanup.");
    }

    // ---------------------------------------------------------------- connections

    /// <summary>
    /// Connects <paramref name="pre"/> to <paramref name="post"/>. <paramref name="conn"/> is a rule name, a
    /// <see cref="ConnSpec"/> (see <see cref="NestSharp.Rule"/>) or a conn_spec dictionary (default all_to_all);
    /// <paramref name="syn"/> a synapse model name, a <see cref="SynSpec"/> or a syn_spec dictionary (default static_synapse).
    /// </summary>
    public void Connect(NodeCollection pre, NodeCollection post, object? conn = null, object? syn = null)
    {
        CheckCollection(pre);
        CheckCollection(post);
        EnsureNotPrepared("Connect");
        var spec = conn switch
        {
            null => new ConnSpec(),
            string rule => ConnSpec.FromDictionary(new Dictionary<string, object> { ["rule"] = rule }),
            ConnSpec c => c,
            IReadOnlyDictionary<string, object> d => ConnSpec.FromDictionary(d),
            _ => throw new BadPropertyTypeException("conn_spec", conn, "a rule name, a ConnSpec or a dictionary"),
        };
        var synSpec = syn switch
        {
            null => new SynSpec(),
            string model => new SynSpec { SynapseModel = model },
            SynSpec s => s,
            IReadOnlyDictionary<string, object> d => SynSpec.FromDictionary(d),
            _ => throw new BadPropertyTypeException("syn_spec", syn, "a synapse model name, a SynSpec or a dictionary"),
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (preElement, postElement, plainSpec) = SynapticElementsOf(synSpec);
        var created = preElement is null ? null : new List<(int Source, int Target)>();
        _state.Connections.Connect(pre.IdArray, post.IdArray, spec, plainSpec, _state.Context.SeedKey, created);
        if (created is not null) BindSynapticElements(created, preElement!, postElement!);
        _state.ConnectTime += clock.Elapsed;
    }

    // ---------------------------------------------------------------- simulation

    /// <summary>Advances the network by <paramref name="ms"/> milliseconds (Prepare, Run, Cleanup).</summary>
    public void Simulate(double ms)
    {
        Prepare();
        try
        {
            Run(ms);
        }
        finally
        {
            Cleanup();
        }
    }

    /// <summary>Readies the network for one or more <see cref="Run"/> calls.</summary>
    public void Prepare() => _state.Simulation.Prepare();

    /// <summary>Advances the prepared network by <paramref name="ms"/> milliseconds.</summary>
    public void Run(double ms)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _state.Simulation.Run(ms);
        _state.SimulateTime += clock.Elapsed;
    }

    /// <summary>Ends a sequence of <see cref="Run"/> calls (flushes and closes recorder files).</summary>
    public void Cleanup() => _state.Simulation.Cleanup();
}
