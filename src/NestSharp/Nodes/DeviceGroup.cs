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

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context) =>
        Stage(Nodes, local, values, context);

    /// <summary>
    /// A status change of <paramref name="nodes"/>[<paramref name="local"/>] made on a clone and checked; the action
    /// returned swaps the clone in (nothing changes when a value is refused).
    /// </summary>
    public static Action Stage(TNode[] nodes, int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        var staged = (TNode)nodes[local].Clone();
        foreach (var (key, value) in values) staged.Keys.Apply(staged, key, value, context);
        staged.Validate(context);
        return () => nodes[local] = staged;
    }

    public override void CopyDefaultsFrom(NodeGroup prototype)
    {
        var source = (DeviceGroup<TNode>)prototype;
        for (int i = 0; i < Count; i++) Nodes[i] = (TNode)source.Nodes[0].CloneAsNew();
    }

    /// <summary>
    /// Writes each device's settable status (what Set would take to make it again) and its runtime state
    /// (<see cref="DeviceNode.SaveRuntime"/>); the connections of generators are the kernel's to write.
    /// </summary>
    public override void SaveState(CheckpointWriter writer) => SaveNodes(writer, Nodes, KeysNotRestored);

    public override void RestoreState(CheckpointReader reader, RestoreContext context) => RestoreNodes(reader, Nodes, context, KeysNotRestored);

    /// <summary>
    /// Writes each of <paramref name="nodes"/>' settable status but <paramref name="keysNotRestored"/> and its runtime
    /// state (also for devices a group other than a <see cref="DeviceGroup{TNode}"/> keeps).
    /// </summary>
    public static void SaveNodes(CheckpointWriter writer, TNode[] nodes, IReadOnlySet<string> keysNotRestored)
    {
        foreach (var node in nodes)
        {
            var status = new Dictionary<string, object>(StringComparer.Ordinal);
            node.Keys.Write(node, status);
            var settable = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var key in node.Keys.Settable)
                if (!keysNotRestored.Contains(key) && status.TryGetValue(key, out var value)) settable[key] = value;
            StatusCodec.Write(writer, settable);
            node.SaveRuntime(writer);
        }
    }

    /// <summary>Reads what <see cref="SaveNodes"/> wrote into <paramref name="nodes"/>.</summary>
    public static void RestoreNodes(CheckpointReader reader, TNode[] nodes, RestoreContext context, IReadOnlySet<string> keysNotRestored)
    {
        // The settable status was valid when it was set; checks against the current time (times must lie in the
        // future) are made as at the start, and the runtime state says what has passed.
        var origin = context.Status with { CurrentStep = 0 };
        for (int i = 0; i < nodes.Length; i++)
        {
            var staged = (TNode)nodes[i].Clone();
            var fresh = new Dictionary<string, object>(StringComparer.Ordinal);
            staged.Keys.Write(staged, fresh);
            foreach (var (key, value) in StatusCodec.Read(reader, context.Nodes))
            {
                // keys the new device has with this value already are not set (some refuse even their own value)
                if (!fresh.TryGetValue(key, out var now) || !StatusCodec.SameValue(now, value)) staged.Keys.Apply(staged, key, value, origin);
            }
            staged.Validate(origin);
            staged.RestoreRuntime(reader);
            nodes[i] = staged;
        }
    }

    /// <summary>
    /// For a model saying <see cref="NodeGroup.SavesPerProcess"/>: each device's runtime state as this process has it
    /// (<see cref="DeviceNode.SaveRuntime"/>, whose per-connection state covers this process's targets).
    /// </summary>
    public override void SavePerProcess(CheckpointWriter writer)
    {
        foreach (var node in Nodes) node.SaveRuntime(writer);
    }

    /// <summary>
    /// Reads another process's <see cref="SavePerProcess"/> into the devices restored from the checkpoint (their
    /// <see cref="DeviceNode.RestoreRuntime"/> adds per-connection state to what they hold).
    /// </summary>
    public override void RestorePerProcess(CheckpointReader reader)
    {
        foreach (var node in Nodes) node.RestoreRuntime(reader);
    }

    /// <summary>Settable keys a checkpoint does not set again (the model restores what they stand for itself).</summary>
    protected virtual IReadOnlySet<string> KeysNotRestored => NoKeys;

    /// <summary>No keys: every settable key is restored.</summary>
    public static readonly IReadOnlySet<string> NoKeys = new HashSet<string>();
}
