namespace NestSharp.Nodes;

/// <summary>
/// A generator: a device that sends to its targets from the threads that own them. Its targets are kept per thread;
/// a new device made from its parameters (CopyModel, Create with defaults) starts without them.
/// </summary>
internal abstract class GeneratorNode : DeviceNode
{
    public DeviceTargets Targets = new();

    protected override void ResetRuntimeState() => Targets = new DeviceTargets();
}

/// <summary>
/// A group of generators (<see cref="ILocalGenerator"/>): stimulating devices that send spikes, each target its own
/// train, unless <see cref="SendsCurrent"/>.
/// </summary>
internal abstract class GeneratorGroup<TNode>(NodeModel model, int firstId, int count, Func<TNode> make)
    : DeviceGroup<TNode>(model, firstId, count, make), ILocalGenerator where TNode : GeneratorNode
{
    public override ElementType ElementType => ElementType.Stimulator;

    /// <summary>Whether the generator sends a current (to current receptors) rather than spikes.</summary>
    public virtual bool SendsCurrent => false;

    public DeviceTargets TargetsOf(int local) => Nodes[local].Targets;

    /// <summary>
    /// For the generators that choose between one train per target and one for all: the choice belongs to the model (the
    /// prototype, id 0, takes SetDefaults and CopyModel); a created generator refuses it, as NEST's do.
    /// </summary>
    protected void RefuseIndividualSpikeTrainsOnInstance(IReadOnlyDictionary<string, object> values)
    {
        if (FirstId != 0 && values.TryGetValue("individual_spike_trains", out var value))
        {
            throw new BadPropertyException("individual_spike_trains", value,
                "The individual_spike_trains property can only be set as a model default using SetDefaults or upon CopyModel.");
        }
    }
}

/// <summary>
/// A group of generators whose values a multimeter can sample (<see cref="ISampledGroup"/>): one value per device and
/// recordable, the device's local index being its position.
/// </summary>
internal abstract class SampledGeneratorGroup<TNode>(NodeModel model, int firstId, int count, Func<TNode> make, string[] recordables)
    : GeneratorGroup<TNode>(model, firstId, count, make), ISampledGroup where TNode : GeneratorNode
{
    public IReadOnlyList<string> Recordables => recordables;

    public SamplerLink[][] Samplers { get; set; } = [];

    public int RecordableIndex(string name) => Array.IndexOf(recordables, name);

    public abstract double ReadRecordable(int index, int position);

    public int PositionOf(int local) => local;

    /// <summary>
    /// Hands the values of device <paramref name="local"/> (read through <see cref="ReadRecordable"/>) to the samplers
    /// among <paramref name="links"/> (the links of <paramref name="thread"/>) that sample it at the end of
    /// <paramref name="step"/>.
    /// </summary>
    protected void TakeSamples(SamplerLink[] links, int thread, long step, int local)
    {
        foreach (var s in links)
        {
            if (s.Position == local && s.Sampler.SamplesAt(step + 1))
                s.Sampler.Take(thread, step + 1, FirstId + local, this, local, s.Recordables);
        }
    }
}
