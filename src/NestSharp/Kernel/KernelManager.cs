using NestSharp.Kernel.Communication;
using NestSharp.Plasticity.Structural;
using NestSharp.Recording;

namespace NestSharp.Kernel;

/// <summary>
/// One simulation kernel: the managers along NEST's boundaries, each owning its part of the kernel status and its
/// part of the work. <c>ResetKernel</c> replaces the whole kernel. Managers reach each other through this object, set
/// in their <see cref="IKernelManager.Initialize"/> step.
/// </summary>
internal sealed class KernelManager
{
    public KernelManager(ICommunicator communicator)
    {
        VirtualProcesses = new VirtualProcessManager(communicator);
        Managers =
        [
            Settings, VirtualProcesses, Random, Simulation, Models, Nodes, Connections, EventDelivery, Recording, Structural,
        ];
        foreach (var manager in Managers) manager.Initialize(this);
    }

    /// <summary>Kernel-wide settings: dict_miss_is_error.</summary>
    public KernelSettings Settings { get; } = new();

    /// <summary>Processes, threads, virtual processes (local_num_threads, total_num_virtual_procs, num_processes, mpi_rank).</summary>
    public VirtualProcessManager VirtualProcesses { get; }

    /// <summary>The seed and the keyed random streams (rng_seed).</summary>
    public RandomManager Random { get; } = new();

    /// <summary>The time grid, Prepare/Run/Cleanup and the slice loop (resolution, biological_time, print_time, ...).</summary>
    public SimulationManager Simulation { get; } = new();

    /// <summary>Node and synapse models, with copies (node_models, synapse_models).</summary>
    public ModelManager Models { get; } = new();

    /// <summary>The nodes (network_size), their groups and their status.</summary>
    public NodeManager Nodes { get; } = new();

    /// <summary>Connect, the synapses and their queries (num_connections, min_delay, max_delay, connection_rules).</summary>
    public ConnectionManager Connections { get; } = new();

    /// <summary>Spikes of a slice: gathered in canonical order, exchanged, delivered (local_spike_counter).</summary>
    public EventDeliveryManager EventDelivery { get; } = new();

    /// <summary>Recorders and their backends (data_path, data_prefix, overwrite_files, recording_backends).</summary>
    public RecordingManager Recording { get; } = new();

    /// <summary>Calcium, synaptic elements, synapse creation and deletion (structural_plasticity_*, growth_curves).</summary>
    public StructuralPlasticityManager Structural { get; } = new();

    /// <summary>The positions of nodes created with positions (NEST's layers), by node id.</summary>
    public LayerRegistry Layers { get; } = new();

    /// <summary>The spike and voltage histories of neurons that plastic synapses read.</summary>
    public SpikeArchive Archive { get; } = new();

    /// <summary>The managers in the order they check and apply kernel status.</summary>
    public IKernelManager[] Managers { get; }

    /// <summary>The kernel status: every manager's keys.</summary>
    public Dictionary<string, object> GetStatus()
    {
        var status = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var manager in Managers) manager.GetStatus(status);
        return status;
    }

    /// <summary>
    /// Sets kernel status: every manager checks the keys it owns, and only when all are valid (and every key is
    /// known and settable) are the changes applied.
    /// </summary>
    public void SetStatus(IReadOnlyDictionary<string, object> values)
    {
        var change = new KernelStatusChange(values);
        var commits = new List<Action>();
        foreach (var manager in Managers)
            if (manager.StageStatus(change) is { } commit) commits.Add(commit);
        foreach (var key in change.Unclaimed)
        {
            if (GetStatus().ContainsKey(key)) throw new BadPropertyException(key, values[key], $"kernel property '{key}' is read-only");
            throw new UnaccessedDictionaryEntryException("the kernel", key, Managers.SelectMany(m => m.SettableKeys));
        }
        foreach (var commit in commits) commit();
    }
}

/// <summary>
/// A manager of the kernel (NEST's ManagerInterface): it is initialised once the kernel holds all managers, reports
/// its keys of the kernel status, and checks and applies the settable ones.
/// </summary>
internal interface IKernelManager
{
    /// <summary>The kernel status keys this manager lets users set.</summary>
    IReadOnlyCollection<string> SettableKeys { get; }

    /// <summary>Takes the references to the other managers it works with.</summary>
    void Initialize(KernelManager kernel);

    /// <summary>Writes this manager's keys (settable and read-only) into <paramref name="status"/>.</summary>
    void GetStatus(Dictionary<string, object> status);

    /// <summary>
    /// Checks the values of the keys this manager owns (claiming them in <paramref name="change"/>) against the current
    /// state; returns what applies them, or null when none was given. Throws, changing nothing, on a bad value.
    /// </summary>
    Action? StageStatus(KernelStatusChange change);
}

/// <summary>The keys of one SetKernelStatus call, each claimed by the manager that owns it.</summary>
internal sealed class KernelStatusChange(IReadOnlyDictionary<string, object> values)
{
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    /// <summary>The value of <paramref name="key"/>, if given; the key is then this manager's.</summary>
    public bool TryClaim(string key, out object value)
    {
        if (!values.TryGetValue(key, out value!)) return false;
        _claimed.Add(key);
        return true;
    }

    /// <summary>Whether <paramref name="key"/> is among the values (without claiming it).</summary>
    public bool Has(string key) => values.ContainsKey(key);

    /// <summary>The keys no manager claimed.</summary>
    public IEnumerable<string> Unclaimed => values.Keys.Where(k => !_claimed.Contains(k));
}

/// <summary>Kernel-wide settings that belong to no other manager (NEST's KernelManager keys).</summary>
internal sealed class KernelSettings : IKernelManager
{
    /// <summary>Whether a key a node model does not know is an error (true) or a warning.</summary>
    public bool DictMissIsError { get; private set; } = true;

    public IReadOnlyCollection<string> SettableKeys => ["dict_miss_is_error"];

    public void Initialize(KernelManager kernel) { }

    public void GetStatus(Dictionary<string, object> status)
    {
        status["dict_miss_is_error"] = DictMissIsError;
        status["build_info"] = new Dictionary<string, object> { ["version"] = AssemblyVersion, ["have_mpi"] = true, ["have_threads"] = true, ["have_hdf5"] = true };
        status["modules"] = Array.Empty<string>();
        status["stimulation_backends"] = Array.Empty<string>();
        status["memory_size"] = Environment.WorkingSet / 1024;
    }

    private static string AssemblyVersion => typeof(KernelManager).Assembly.GetName().Version?.ToString() ?? "";

    public Action? StageStatus(KernelStatusChange change)
    {
        if (!change.TryClaim("dict_miss_is_error", out var value)) return null;
        bool missIsError = StatusValue.ToBool("dict_miss_is_error", value);
        return () => DictMissIsError = missIsError;
    }
}
