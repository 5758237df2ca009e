using NestSharp.Recording;

namespace NestSharp.Nodes;

/// <summary>
/// A group of recording devices: their status adds the recording backend's (see <see cref="RecorderNode"/>), and Set
/// takes the device's keys and those of the backends (a backend's key is accepted only while the device records to it).
/// </summary>
internal abstract class RecorderGroup<TNode>(NodeModel model, int firstId, int count, Func<TNode> make)
    : DeviceGroup<TNode>(model, firstId, count, make), IRecorderGroup where TNode : RecorderNode
{
    private string[]? _settable;

    public override ElementType ElementType => ElementType.Recorder;

    public override SynapseTestEvent SynapseTestEvent =>
        Nodes.Length > 0 && Nodes[0] is ISampler ? SynapseTestEvent.DataLoggingRequest : SynapseTestEvent.None;

    /// <summary>
    /// The kernel's recording manager (where files go), given to every model's prototype when the kernel starts and
    /// passed on to the groups made from it, so that a recorder's status can name its files before any run, as NEST's does.
    /// </summary>
    public IRecordingSite? Site { get; set; }

    public RecorderNode RecorderOf(int local) => Nodes[local];

    public override IReadOnlyCollection<string> SettableKeys =>
        _settable ??= [.. (Nodes.Length > 0 ? Nodes[0].Keys.Settable : []), .. Catalog.RecordingKeys];

    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        var node = Nodes[local];
        node.Keys.Write(node, status);
        node.Recording.WriteStatus(status, node, IdentityOf(local));
    }

    /// <summary>Who recorder <paramref name="local"/> is, for its file names (null for a model's defaults or without a site).</summary>
    public RecorderIdentity? IdentityOf(int local)
    {
        if (FirstId == 0 || Site is null) return null;
        var node = Nodes[local];
        return new RecorderIdentity(FirstId + local, node.Label.Length > 0 ? node.Label : Model.Name, Site.DataPath, Site.DataPrefix, Site.VirtualProcesses,
            Site.VirtualProcessOf(FirstId + local));
    }

    /// <summary>Whether every recorder's backend keeps its data in a checkpoint (a model's checks come on top).</summary>
    protected bool RecordingsSupportCheckpoint => Nodes.All(n => n.Recording.SupportsCheckpoint);

    /// <summary>n_events: restored with the events, by the recorder's runtime state.</summary>
    protected override IReadOnlySet<string> KeysNotRestored => EventCountKey;

    private static readonly HashSet<string> EventCountKey = ["n_events"];

    public override void CopyDefaultsFrom(NodeGroup prototype)
    {
        base.CopyDefaultsFrom(prototype);
        Site = ((RecorderGroup<TNode>)prototype).Site;
    }

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        var staged = (TNode)Nodes[local].Clone();
        if (values.TryGetValue("record_to", out var recordTo)) staged.Keys.Apply(staged, "record_to", recordTo, context);
        foreach (var (key, value) in values)
        {
            if (key == "record_to") continue;
            if (staged.Keys.Settable.Contains(key)) staged.Keys.Apply(staged, key, value, context);
            else if (staged.Recording.Keys.Contains(key)) staged.Recording.Apply(key, value, context);
            else throw new BadPropertyException(key, value, $"'{key}' is a parameter of other recording backends; this recorder records to \"{staged.RecordTo}\"");
        }
        staged.Validate(context);
        return () => Nodes[local] = staged;
    }
}
