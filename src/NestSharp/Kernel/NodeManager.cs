using NestSharp.Models.Devices;
using NestSharp.Models.Neurons;
using NestSharp.Nodes;

namespace NestSharp.Kernel;

/// <summary>The node models and the nodes created so far, found by id in O(log groups).</summary>
internal sealed class NodeManager
{
    private readonly Dictionary<string, NodeModel> _models = new(StringComparer.Ordinal);
    private readonly List<NodeGroup> _groups = [];
    private readonly List<int> _groupFirstIds = [];

    public NodeManager(Func<TimeGrid> time, Func<long> now)
    {
        Register(new NodeModel(IafPscAlpha.ModelName, IafPscAlpha.ModelName, m => new IafPscAlpha(m, 0, 1)));
        Register(new NodeModel(IafPscExp.ModelName, IafPscExp.ModelName, m => new IafPscExp(m, 0, 1)));
        Register(new NodeModel(ParrotNeuron.ModelName, ParrotNeuron.ModelName, m => new ParrotNeuron(m, 0, 1)));
        Register(new NodeModel(IgnoreAndFire.ModelName, IgnoreAndFire.ModelName, m => new IgnoreAndFire(m, 0, 1)));
        Register(new NodeModel(AeifPscDeltaClopath.ModelName, AeifPscDeltaClopath.ModelName, m => new AeifPscDeltaClopath(m, 0, 1)));
        Register(new NodeModel(PpCondExpMcUrbanczik.ModelName, PpCondExpMcUrbanczik.ModelName, m => new PpCondExpMcUrbanczik(m, 0, 1)));
        Register(new NodeModel(PoissonGenerator.ModelName, PoissonGenerator.ModelName, m => new PoissonGenerator(m, 0, 1)));
        Register(new NodeModel(DcGenerator.ModelName, DcGenerator.ModelName, m => new DcGenerator(m, 0, 1)));
        Register(new NodeModel(SpikeGenerator.ModelName, SpikeGenerator.ModelName, m => new SpikeGenerator(m, 0, 1, time, now)));
        Register(new NodeModel(SpikeRecorder.ModelName, SpikeRecorder.ModelName, m => new SpikeRecorder(m, 0, 1)));
        Register(new NodeModel(Multimeter.ModelName, Multimeter.ModelName, m => new Multimeter(m, 0, 1)));
        Register(new NodeModel(WeightRecorder.ModelName, WeightRecorder.ModelName, m => new WeightRecorder(m, 0, 1)));
    }

    public IReadOnlyList<NodeGroup> Groups => _groups;
    public int NodeCount { get; private set; }
    public IEnumerable<string> ModelNames => _models.Keys;

    public void Register(NodeModel model) => _models.Add(model.Name, model);

    public bool HasModel(string name) => _models.ContainsKey(name);

    public NodeModel Model(string name) =>
        _models.TryGetValue(name, out var model) ? model : throw new UnknownModelException(name, _models.Keys);

    public bool TryGetModel(string name, out NodeModel model) => _models.TryGetValue(name, out model!);

    /// <summary>Input channels allocated to neuron groups so far (the width of the kernel's input ring).</summary>
    public int ChannelCount { get; private set; }

    /// <summary>A new group of <paramref name="count"/> nodes with the next ids, not yet part of the network.</summary>
    public NodeGroup Instantiate(NodeModel model, int count, int threads) => model.Prototype.Instantiate(model, NodeCount + 1, count, threads);

    /// <summary>Adds a group made by <see cref="Instantiate"/> (after its parameters were applied).</summary>
    public void Add(NodeGroup group)
    {
        if (group.FirstId != NodeCount + 1) throw new InvalidOperationException("groups must be added in id order");
        int count = group.Count;
        if (group is NeuronGroup neurons)
        {
            neurons.ChannelBase = ChannelCount;
            ChannelCount = checked(ChannelCount + neurons.ChannelsPerNode * count);
            _neuronGroups.Add(neurons);
            _neuronChannelBases.Add(neurons.ChannelBase);
        }
        _groups.Add(group);
        _groupFirstIds.Add(group.FirstId);
        NodeCount += count;
    }

    /// <summary>The group holding node <paramref name="id"/> and the node's index in it.</summary>
    public (NodeGroup Group, int Local) Locate(int id)
    {
        if (id < 1 || id > NodeCount) throw new KernelException($"Node id {id} does not exist (the network has {NodeCount} nodes).");
        int i = _groupFirstIds.BinarySearch(id);
        if (i < 0) i = ~i - 1;
        var group = _groups[i];
        return (group, id - group.FirstId);
    }

    /// <summary>The neuron behind an encoded input channel (for reporting connections).</summary>
    public (NeuronGroup Group, int Local) LocateChannel(int encodedChannel)
    {
        int channel = encodedChannel & int.MaxValue;
        int i = _neuronChannelBases.BinarySearch(channel);
        if (i < 0) i = ~i - 1;
        if (i < 0) throw new InvalidOperationException($"channel {channel} belongs to no neuron");
        var group = _neuronGroups[i];
        return (group, (channel - group.ChannelBase) % group.Count);
    }

    private readonly List<NeuronGroup> _neuronGroups = [];
    private readonly List<int> _neuronChannelBases = [];

    /// <summary>The channel an event of <paramref name="weight"/> goes to, for the neuron behind <paramref name="channel"/>.</summary>
    public int RerouteChannel(int channel, int receptor, double weight)
    {
        var (group, local) = LocateChannel(channel);
        return group.RingChannel(group.SpikeChannel(local, receptor, weight));
    }
}
