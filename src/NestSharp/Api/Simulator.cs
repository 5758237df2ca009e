using System.Globalization;
using NestSharp.Kernel.Communication;

namespace NestSharp;

/// <summary>
/// One simulation kernel, the counterpart of PyNEST's <c>nest</c> module: kernel status, models, <c>Create</c>,
/// <c>Connect</c>, <c>Simulate</c>. Instances are independent; nothing is shared between them. Each call checks its
/// input and hands the work to the kernel manager that owns it (see docs/architecture.md).
/// </summary>
public sealed partial class Simulator
{
    private readonly ICommunicator? _communicator;
    private KernelManager _kernel = null!;
    private long _generation;

    /// <summary>A kernel in this process (all MPI ranks together when the process was started by mpirun).</summary>
    public Simulator() : this(null) { }

    /// <summary>A kernel that is one rank of <paramref name="communicator"/> (the in-process communicator of the tests).</summary>
    internal Simulator(ICommunicator? communicator)
    {
        _communicator = communicator;
        ResetKernel();
    }

    /// <summary>Random parameters for per-node and per-connection values, as PyNEST's <c>nest.random</c>.</summary>
    public RandomParameters Random { get; } = new();

    /// <summary>Discards all nodes, connections, copied models and settings (NEST's ResetKernel).</summary>
    public void ResetKernel()
    {
        if (_kernel?.Simulation.IsPrepared == true) _kernel.Simulation.Cleanup();
        _kernel = new KernelManager(_communicator ?? (MpiCommunicator.LaunchedByMpirun ? MpiCommunicator.World : LocalCommunicator.Instance));
        _generation++;
    }

    // ---------------------------------------------------------------- kernel status

    /// <summary>The simulation step h (ms), kernel key <c>resolution</c>.</summary>
    public double Resolution => _kernel.Simulation.Time.Resolution;

    /// <summary>The model time simulated so far (ms), kernel key <c>biological_time</c>.</summary>
    public double BiologicalTime => _kernel.Simulation.Time.StepToMs(_kernel.Simulation.CurrentStep);

    /// <summary>Threads of this process, kernel key <c>local_num_threads</c>.</summary>
    public int LocalNumThreads => _kernel.VirtualProcesses.Threads;

    /// <summary>This process's rank among the MPI processes (0 without MPI), as NEST's Rank().</summary>
    public int Rank => _kernel.VirtualProcesses.Communicator.Rank;

    /// <summary>The number of MPI processes (1 without MPI), as NEST's NumProcesses().</summary>
    public int NumProcesses => _kernel.VirtualProcesses.Communicator.Size;

    /// <summary>The communicator of this kernel's processes (the tests gather through it as NEST's tests use mpi4py).</summary>
    internal ICommunicator Communicator => _kernel.VirtualProcesses.Communicator;

    /// <summary>The seed of every random stream, kernel key <c>rng_seed</c>.</summary>
    public long RngSeed => _kernel.Random.Seed;

    /// <summary>The number of nodes, kernel key <c>network_size</c>.</summary>
    public int NetworkSize => _kernel.Nodes.NodeCount;

    /// <summary>The number of connections this process holds, kernel key <c>num_connections</c> (with several processes, NEST's too counts only the process's own).</summary>
    public long NumConnections => _kernel.Connections.LocalConnections();

    /// <summary>Sets kernel status keys (NEST's SetKernelStatus); all are checked before any changes.</summary>
    public void SetKernelStatus(Dictionary<string, object> values) => _kernel.SetStatus(values);

    /// <summary>Sets one kernel status key.</summary>
    public void SetKernelStatus(string key, object value) => SetKernelStatus(new Dictionary<string, object> { [key] = value });

    /// <summary>The kernel status keys SetKernelStatus accepts; the other keys of the kernel status are read-only.</summary>
    public IReadOnlyCollection<string> SettableKernelKeys => [.. _kernel.Managers.SelectMany(manager => manager.SettableKeys)];

    /// <summary>The kernel status (NEST's GetKernelStatus): every key of every manager.</summary>
    public Dictionary<string, object> GetKernelStatus() => _kernel.GetStatus();

    /// <summary>One kernel status value.</summary>
    public object GetKernelStatus(string key)
    {
        var status = GetKernelStatus();
        return status.TryGetValue(key, out var value) ? value : throw new UnaccessedDictionaryEntryException("the kernel", key, status.Keys);
    }

    // ---------------------------------------------------------------- models

    /// <summary>All model names (neuron, device and synapse models), as NEST's Models().</summary>
    public IReadOnlyList<string> Models() => _kernel.Models.AllNames;

    /// <summary>The node models (neurons and devices), sorted.</summary>
    public IReadOnlyList<string> NodeModels() => _kernel.Models.NodeModelNames.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The synapse models, sorted.</summary>
    public IReadOnlyList<string> SynapseModels() => _kernel.Models.SynapseModelNames.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Makes <paramref name="newName"/> a copy of <paramref name="existing"/> with changed defaults.</summary>
    public void CopyModel(string existing, string newName, Dictionary<string, object>? defaults = null) =>
        _kernel.Models.CopyModel(existing, newName, defaults);

    /// <summary>Changes the defaults of <paramref name="model"/> (for nodes and connections made afterwards).</summary>
    public void SetDefaults(string model, Dictionary<string, object> defaults) => _kernel.Models.SetDefaults(model, defaults);

    /// <summary>The defaults of <paramref name="model"/>, as NEST's GetDefaults.</summary>
    public Dictionary<string, object> GetDefaults(string model) => _kernel.Models.GetDefaults(model);

    /// <summary>One default of <paramref name="model"/>, converted to <typeparamref name="T"/>.</summary>
    public T GetDefaults<T>(string model, string key)
    {
        var defaults = GetDefaults(model);
        if (!defaults.TryGetValue(key, out var value)) throw new UnaccessedDictionaryEntryException($"model '{model}'", key, defaults.Keys);
        return value is T t ? t : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    // ---------------------------------------------------------------- nodes

    /// <summary>Creates <paramref name="n"/> nodes of <paramref name="model"/>, with <paramref name="parameters"/> for all.</summary>
    public NodeCollection Create(string model, long n = 1, Dictionary<string, object>? parameters = null)
    {
        var nodeModel = _kernel.Models.NodeModel(model);
        _kernel.Nodes.CheckRoomFor(nodeModel, n);
        EnsureNotPrepared("Create");
        var group = _kernel.Nodes.Create(nodeModel, (int)n, parameters);
        return new NodeCollection(this, _generation, Enumerable.Range(group.FirstId, (int)n).ToArray(), [(0, model)]);
    }

    /// <summary>Creates nodes with one parameter dictionary per node.</summary>
    public NodeCollection Create(string model, IReadOnlyList<Dictionary<string, object>> perNode)
    {
        EnsureNotPrepared("Create");
        var group = _kernel.Nodes.Create(_kernel.Models.NodeModel(model), perNode.Count, null, perNode);
        return new NodeCollection(this, _generation, Enumerable.Range(group.FirstId, perNode.Count).ToArray(), [(0, model)]);
    }

    /// <summary>
    /// The node id ranges of the network and their models, one line per run of consecutive nodes of one model, as NEST
    /// writes them (its print_nodes_to_string; PyNEST's PrintNodes prints this), e.g. <c>"1 .. 10 iaf_psc_alpha"</c>.
    /// </summary>
    public string NodesToString()
    {
        var ranges = new List<(int First, int Last, string Model)>();
        foreach (var group in _kernel.Nodes.Groups)
        {
            if (ranges.Count > 0 && ranges[^1].Model == group.Model.Name) ranges[^1] = (ranges[^1].First, group.LastId, group.Model.Name);
            else ranges.Add((group.FirstId, group.LastId, group.Model.Name));
        }
        // NEST's widths: each id right-aligned in floor(log10(network_size)) + 1 places, the range left-aligned in
        // 6 + 2 floor(log10(network_size)) places, then a space and the model.
        int idWidth = NetworkSize > 0 ? (int)Math.Floor(Math.Log10(NetworkSize)) + 1 : 0;
        int rangeWidth = 6 + 2 * (idWidth - 1);
        var text = new System.Text.StringBuilder();
        foreach (var (first, last, model) in ranges)
        {
            if (text.Length > 0) text.Append('\n');
            string range = first.ToString(CultureInfo.InvariantCulture).PadLeft(idWidth);
            if (last != first) range += " .. " + last.ToString(CultureInfo.InvariantCulture).PadLeft(idWidth);
            text.Append(range.PadRight(rangeWidth)).Append(' ').Append(model);
        }
        return text.ToString();
    }

    /// <summary>
    /// The existing nodes <paramref name="ids"/>, ascending and distinct, as a collection (PyNEST's
    /// <c>NodeCollection([1, 5, 9])</c>).
    /// </summary>
    public NodeCollection Nodes(params int[] ids)
    {
        var models = new List<(int, string)>();
        for (int k = 0; k < ids.Length; k++)
        {
            if (k > 0 && ids[k] == ids[k - 1])
                throw new BadPropertyException("ids", ids[k], "all node IDs in a NodeCollection have to be unique");
            if (k > 0 && ids[k] < ids[k - 1])
                throw new BadPropertyException("ids", $"[{string.Join(", ", ids)}]", "node IDs must be sorted in ascending order");
            string model = _kernel.Nodes.Locate(ids[k]).Group.Model.Name;
            if (models.Count == 0 || models[^1].Item2 != model) models.Add((k, model));
        }
        return new NodeCollection(this, _generation, (int[])ids.Clone(), [.. models]);
    }

    internal void CheckCollection(NodeCollection nodes)
    {
        // NodeCollection.Empty (PyNEST's nest.NodeCollection()) belongs to no kernel and is valid with every one.
        if (ReferenceEquals(nodes, NodeCollection.Empty)) return;
        if (!ReferenceEquals(nodes.Kernel, this) || nodes.Generation != _generation)
        {
            throw new KernelException(
                "InvalidNodeCollection: this NodeCollection belongs to another kernel or was made before ResetKernel, which invalidates all NodeCollections.");
        }
    }

    internal Dictionary<string, object> GetNodeStatus(NodeCollection collection, int id)
    {
        CheckCollection(collection);
        return _kernel.Nodes.StatusOf(id);
    }

    internal object GetNodeStatusValue(NodeCollection collection, int id, string key)
    {
        CheckCollection(collection);
        var value = new object?[1];
        _kernel.Nodes.ValuesOf([id], key, value);
        if (value[0] is { } found) return found;
        var status = _kernel.Nodes.StatusOf(id);
        throw new UnaccessedDictionaryEntryException($"node {id} ({status["model"]})", key, status.Keys);
    }

    /// <summary>Status key <paramref name="key"/> of every node of the collection (null where a node has no such key).</summary>
    internal object?[] GetNodeStatusValues(NodeCollection collection, string key)
    {
        CheckCollection(collection);
        var values = new object?[collection.Count];
        _kernel.Nodes.ValuesOf(collection.IdArray, key, values);
        return values;
    }

    internal void SetNodeStatus(NodeCollection collection, IReadOnlyDictionary<string, object> values)
    {
        CheckCollection(collection);
        _kernel.Nodes.SetStatus(collection.IdArray, values);
    }

    internal void SetNodeStatusPerNode(NodeCollection collection, IReadOnlyList<Dictionary<string, object>> perNode)
    {
        CheckCollection(collection);
        _kernel.Nodes.SetStatus(collection.IdArray, perNode);
    }

    /// <summary>
    /// Nodes and connections are fixed between Prepare and Cleanup: Prepare builds the delivery structures from them.
    /// (NEST accepts such calls but uses what they add only after the next Prepare.)
    /// </summary>
    private void EnsureNotPrepared(string what)
    {
        if (_kernel.Simulation.IsPrepared)
            throw new KernelException($"{what} is not possible between Prepare and Cleanup: the network is fixed while prepared; call Cleanup first.");
    }

    // ---------------------------------------------------------------- connections

    /// <summary>
    /// Connects <paramref name="pre"/> to <paramref name="post"/>. <paramref name="conn"/> is a rule name, a
    /// <see cref="ConnSpec"/> (see <see cref="NestSharp.Rule"/>) or a conn_spec dictionary (default all_to_all);
    /// <paramref name="syn"/> a synapse model name, a <see cref="SynSpec"/> or a syn_spec dictionary (default static_synapse).
    /// A conn_spec dictionary that PyNEST would send to NEST's connect_layers (a mask, <c>use_on_source</c>, a spatial
    /// parameter in either spec, ...) connects as <see cref="ConnectLayers"/>; both collections then need positions
    /// (TypeMismatch, PyNEST's TypeError, otherwise).
    /// </summary>
    public void Connect(NodeCollection pre, NodeCollection post, object? conn = null, object? syn = null)
    {
        CheckCollection(pre);
        CheckCollection(post);
        EnsureNotPrepared("Connect");
        if (SpatialConnSpec(conn) is { } spatial && NeedsConnectLayers(spatial, [syn]))
        {
            ConnectSpatially(pre, post, spatial, [syn]);
            return;
        }
        var spec = conn switch
        {
            null => new ConnSpec(),
            string rule => ConnSpec.FromDictionary(new Dictionary<string, object> { ["rule"] = rule }),
            ConnSpec c => c,
            IReadOnlyDictionary<string, object> d => ConnSpec.FromDictionary(d),
            _ => throw new TypeMismatchException("conn_spec", conn, "a rule name, a ConnSpec or a dictionary"),
        };
        _kernel.Connections.Connect(pre.IdArray, post.IdArray, spec, SynSpecOf(syn));
    }

    /// <summary>
    /// The connections from <paramref name="source"/> to <paramref name="target"/> of <paramref name="synapseModel"/>
    /// with label <paramref name="synapseLabel"/> (each filter optional), as NEST's GetConnections. Only connections of
    /// the labelled models (<c>static_synapse_lbl</c>, <c>stdp_synapse_lbl</c>, ...) carry a <c>synapse_label</c>; a
    /// label selects those given it in the syn_spec or by Set.
    /// </summary>
    public SynapseCollection GetConnections(NodeCollection? source = null, NodeCollection? target = null, string? synapseModel = null, long? synapseLabel = null)
    {
        if (source is not null) CheckCollection(source);
        if (target is not null) CheckCollection(target);
        var connections = _kernel.Connections.GetConnections(this, source?.IdArray, target?.IdArray, synapseModel);
        return synapseLabel is { } label ? connections.WithLabel(label) : connections;
    }

    internal void SetConnectionWeights(ConnectionTable table, long version, object value)
    {
        EnsureNotPrepared("Setting connection weights");
        NestSharp.Connections.ConnectionQuery.SetWeights(_kernel, table, version, value);
    }

    /// <summary>
    /// Removes the connections <paramref name="conn"/> ("one_to_one" or "all_to_all", default one_to_one) of
    /// <paramref name="synapseModel"/> from <paramref name="pre"/> to <paramref name="post"/>, one synapse per pair
    /// (NEST's Disconnect); pairs without such a synapse are an error, checked first. Synaptic elements of
    /// structural-plasticity synapse models are freed.
    /// </summary>
    public void Disconnect(NodeCollection pre, NodeCollection post, string conn = "one_to_one", string synapseModel = "static_synapse")
    {
        CheckCollection(pre);
        CheckCollection(post);
        EnsureNotPrepared("Disconnect");
        _kernel.Connections.Disconnect(pre.IdArray, post.IdArray, conn, synapseModel);
    }

    /// <summary>
    /// Disconnect with a syn_spec dictionary (NEST's <c>Disconnect(pre, post, conn_spec, syn_spec)</c>): its
    /// <c>synapse_model</c> (default static_synapse) and, without structural_plasticity_synapses, the
    /// <c>pre_synaptic_element</c> and <c>post_synaptic_element</c> whose bound elements each removed synapse frees.
    /// The model's own keys (weight, delay, its parameters) are accepted and play no part, as NEST's connection builder
    /// reads them for Disconnect too; any other key is an UnaccessedDictionaryEntry.
    /// </summary>
    public void Disconnect(NodeCollection pre, NodeCollection post, string conn, IReadOnlyDictionary<string, object> syn)
    {
        CheckCollection(pre);
        CheckCollection(post);
        EnsureNotPrepared("Disconnect");
        var spec = SynSpec.FromDictionary(syn);
        var (preElement, postElement, _) = Plasticity.Structural.StructuralPlasticityManager.SynapticElementsOf(spec, conn);
        var modelKeys = GetDefaults(spec.SynapseModel);
        foreach (string key in syn.Keys)
        {
            if (key is "synapse_model" or "pre_synaptic_element" or "post_synaptic_element" || modelKeys.ContainsKey(key)) continue;
            throw new UnaccessedDictionaryEntryException("Disconnect's syn_spec", key,
                ["synapse_model", "pre_synaptic_element", "post_synaptic_element", .. modelKeys.Keys.Order(StringComparer.Ordinal)]);
        }
        _kernel.Connections.Disconnect(pre.IdArray, post.IdArray, conn, spec.SynapseModel, preElement, postElement);
    }

    // ---------------------------------------------------------------- structural plasticity

    /// <summary>Starts creating and deleting synapses at every structural_plasticity_update_interval (NEST's EnableStructuralPlasticity).</summary>
    public void EnableStructuralPlasticity() => _kernel.Structural.Enable();

    /// <summary>Stops structural plasticity; existing synapses stay.</summary>
    public void DisableStructuralPlasticity() => _kernel.Structural.Disable();

    /// <summary>Whether structural plasticity is enabled.</summary>
    public bool StructuralPlasticityEnabled => _kernel.Structural.Enabled;

    // ---------------------------------------------------------------- simulation

    /// <summary>Advances the network by <paramref name="ms"/> milliseconds (Prepare, Run, Cleanup).</summary>
    public void Simulate(double ms)
    {
        _kernel.Simulation.CheckRunTime(ms);
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
    public void Prepare() => _kernel.Simulation.Prepare();

    /// <summary>Advances the prepared network by <paramref name="ms"/> milliseconds.</summary>
    public void Run(double ms) => _kernel.Simulation.Run(ms);

    /// <summary>Ends a sequence of <see cref="Run"/> calls (flushes and closes recorder files).</summary>
    public void Cleanup() => _kernel.Simulation.Cleanup();
}
