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

    public override IReadOnlyCollection<string> SettableKeys => Nodes.Length > 0 ? Nodes[0].Keys.Settable : [];

    public override bool TakesArray(string key) => Nodes.Length > 0 && Nodes[0].Keys.TakesArray(key);

    public override void WriteStatus(int local, Dictionary<string, object> status) => WriteStatus(Nodes[local], status);

    /// <summary>Writes the status of one device: its declared keys, and what a subclass adds.</summary>
    protected virtual void WriteStatus(TNode node, Dictionary<string, object> status) => node.Keys.Write(node, status);

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        var staged = (TNode)Nodes[local].Clone();
        foreach (var (key, value) in values) staged.Keys.Apply(staged, key, value, context);
        staged.Validate(context);
        return () => Nodes[local] = staged;
    }

    public override void CopyDefaultsFrom(NodeGroup prototype)
    {
        var source = (DeviceGroup<TNode>)prototype;
        for (int i = 0; i < Count; i++) Nodes[i] = (TNode)source.Nodes[0].CloneAsNew();
    }
}
