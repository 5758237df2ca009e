using NestSharp.Models.Synapses;

namespace NestSharp.Kernel;

/// <summary>
/// The node and synapse models of a kernel (NEST's ModelManager): the built-in ones from the <see cref="Catalog"/>,
/// and copies made with CopyModel; defaults read and changed with GetDefaults and SetDefaults. Keys node_models and
/// synapse_models.
/// </summary>
internal sealed partial class ModelManager : IKernelManager
{
    private readonly Dictionary<string, NodeModel> _nodeModels = new(StringComparer.Ordinal);
    private readonly List<SynapseModel> _synapseModels = [];
    private readonly Dictionary<string, SynapseModel> _synapseModelsByName = new(StringComparer.Ordinal);
    private KernelManager _kernel = null!;

    /// <summary>The resolution changes since the kernel started, which a prototype made later goes through too.</summary>
    private readonly List<(TimeGrid Previous, TimeGrid Next)> _gridChanges = [];

    public IReadOnlyCollection<string> SettableKeys => [];

    public void Initialize(KernelManager kernel)
    {
        _kernel = kernel;
        foreach (var (name, make) in Catalog.NodeModels.OrderBy(m => m.Key, StringComparer.Ordinal))
            _nodeModels.Add(name, new NodeModel(name, make, PreparePrototype) { Id = _nodeModels.Count });
        foreach (var (name, make) in Catalog.SynapseModels.OrderBy(m => m.Key, StringComparer.Ordinal))
            AddSynapseModel(new SynapseModel(name, make(), _synapseModels.Count));
    }

    /// <summary>
    /// As NEST's model_manager.calibrate: the defaults of models whose times depend on the grid follow a change of the
    /// resolution; prototypes not made yet follow it when they are made.
    /// </summary>
    public void CalibrateTime(TimeGrid previous, TimeGrid next)
    {
        _gridChanges.Add((previous, next));
        foreach (var model in _nodeModels.Values)
            if (model.HasPrototype) model.Prototype.CalibrateTime(previous, next);
    }

    /// <summary>Gives a prototype made now what the earlier ones received: the resolution changes, the recording site.</summary>
    private void PreparePrototype(NodeGroup prototype)
    {
        foreach (var (previous, next) in _gridChanges) prototype.CalibrateTime(previous, next);
        _kernel.Recording.Adopt(prototype);
    }

    public void GetStatus(Dictionary<string, object> status)
    {
        status["node_models"] = NodeModelNames.Order(StringComparer.Ordinal).ToArray();
        status["synapse_models"] = SynapseModelNames.Order(StringComparer.Ordinal).ToArray();
        status["max_num_syn_models"] = (long)MaxSynapseModels;
    }

    /// <summary>How many synapse models (built-in and copies) a kernel can hold, as NEST's max_num_syn_models.</summary>
    public const int MaxSynapseModels = 511;

    public Action? StageStatus(KernelStatusChange change) => null;

    public IEnumerable<string> NodeModelNames => _nodeModels.Keys;
    public IEnumerable<string> SynapseModelNames => _synapseModelsByName.Keys;

    /// <summary>All model names (node and synapse models), sorted, as NEST's Models().</summary>
    public IReadOnlyList<string> AllNames => NodeModelNames.Concat(SynapseModelNames).Order(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<SynapseModel> SynapseModels => _synapseModels;

    public bool TryGetNodeModel(string name, out NodeModel model) => _nodeModels.TryGetValue(name, out model!);

    public NodeModel NodeModel(string name) =>
        _nodeModels.TryGetValue(name, out var model) ? model : throw new UnknownModelNameException(name, _nodeModels.Keys);

    public bool IsSynapseModel(string name) => _synapseModelsByName.ContainsKey(name);

    public SynapseModel SynapseModel(string name) =>
        _synapseModelsByName.TryGetValue(name, out var m) ? m : throw new UnknownModelNameException(name, _synapseModelsByName.Keys);

    private SynapseModel AddSynapseModel(SynapseModel model)
    {
        _synapseModels.Add(model);
        _synapseModelsByName.Add(model.Name, model);
        return model;
    }

    /// <summary>Makes <paramref name="newName"/> a copy of <paramref name="existing"/> with changed defaults.</summary>
    public void CopyModel(string existing, string newName, IReadOnlyDictionary<string, object>? defaults)
    {
        if (_nodeModels.ContainsKey(newName) || _synapseModelsByName.ContainsKey(newName))
            throw new NewModelNameExistsException(newName);
        if (_nodeModels.TryGetValue(existing, out var nodeModel))
        {
            var copy = nodeModel.Copy(newName);
            if (defaults is not null) _kernel.Nodes.StageNode(copy.Prototype, 0, defaults, $"model '{existing}'")();
            copy.Id = _nodeModels.Count;
            _nodeModels.Add(newName, copy);
            _changedNodeModels.Add(newName);
            ModelsChanged = true;
        }
        else if (_synapseModelsByName.TryGetValue(existing, out var synapseModel))
        {
            if (_synapseModels.Count >= MaxSynapseModels)
                throw new KernelException($"Synapse model count exceeded: CopyModel('{existing}', '{newName}') would make more than {MaxSynapseModels} synapse models (max_num_syn_models).");
            var copy = synapseModel.Copy(newName, _synapseModels.Count);
            if (defaults is not null) copy.SetDefaults(defaults, _kernel.Simulation.Time.Resolution, _kernel.Nodes.RecordsWeights, _kernel.Nodes.VolumeTransmitterSpikes, static () => 0);
            AddSynapseModel(copy);
            ModelsChanged = true;
        }
        else
        {
            throw new UnknownModelNameException(existing, AllNames);
        }
    }

    /// <summary>Whether CopyModel or SetDefaults changed the models (NEST then keeps the tic base as it is).</summary>
    public bool ModelsChanged { get; private set; }

    public void SetDefaults(string model, IReadOnlyDictionary<string, object> defaults)
    {
        SetDefaultsOf(model, defaults);
        ModelsChanged = true;
        if (_nodeModels.ContainsKey(model)) _changedNodeModels.Add(model);
    }

    private void SetDefaultsOf(string model, IReadOnlyDictionary<string, object> defaults)
    {
        if (_nodeModels.TryGetValue(model, out var nodeModel))
        {
            _kernel.Nodes.StageNode(nodeModel.Prototype, 0, defaults, $"model '{model}'")();
        }
        else if (_synapseModelsByName.TryGetValue(model, out var synapseModel))
        {
            synapseModel.SetDefaults(defaults, _kernel.Simulation.Time.Resolution, _kernel.Nodes.RecordsWeights, _kernel.Nodes.VolumeTransmitterSpikes,
                () => _kernel.Connections.NumConnections(synapseModel.Id));
        }
        else
        {
            throw new UnknownModelNameException(model, AllNames);
        }
    }

    public Dictionary<string, object> GetDefaults(string model)
    {
        if (_nodeModels.TryGetValue(model, out var nodeModel)) return _kernel.Nodes.DefaultsOf(nodeModel);
        if (_synapseModelsByName.TryGetValue(model, out var synapse)) return synapse.GetDefaults(_kernel.Connections.LocalConnections(synapse.Id));
        throw new UnknownModelNameException(model, AllNames);
    }
}
