namespace NestSharp.Nodes;

/// <summary>A group of devices of one model, each an object of type <typeparamref name="TNode"/>.</summary>
internal abstract class DeviceGroup<TNode> : NodeGroup where TNode : DeviceNode
{
    protected DeviceGroup(NodeModel model, int firstId, int count, Func<TNode> make) : base(model, firstId, count)
    {
        Nodes = new TNode[count];
        for (int i = 0; i < count; i++) Nodes[i] = make();
    }

    public TNode[] Nodes { get; }

    /// <summary>Devices are updated by thread 0; generators split their work over the threads owning their targets.</summary>
    public override int OwnerThread(int local) => 0;

    public override IReadOnlyCollection<string> SettableKeys => Nodes.Length > 0 ? Nodes[0].Keys : [];

    public override void WriteStatus(int local, Dictionary<string, object> status) => Nodes[local].Write(status);

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values)
    {
        var staged = (TNode)Nodes[local].Clone();
        foreach (var (key, value) in values) staged.Apply(key, value);
        staged.Validate();
        return () => Nodes[local] = staged;
    }

    /// <summary>Copies the prototype's node into every node of this group.</summary>
    protected void CopyDefaultsFrom(DeviceGroup<TNode> prototype)
    {
        for (int i = 0; i < Count; i++) Nodes[i] = (TNode)prototype.Nodes[0].CloneAsNew();
    }
}
