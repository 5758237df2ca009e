using NestSharp.Kernel;

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

    public RecorderNode RecorderOf(int local) => Nodes[local];

    public override IReadOnlyCollection<string> SettableKeys =>
        _settable ??= [.. (Nodes.Length > 0 ? Nodes[0].Keys.Settable : []), .. Catalog.RecordingKeys];

    protected override void WriteStatus(TNode node, Dictionary<string, object> status)
    {
        base.WriteStatus(node, status);
        node.Recording.WriteStatus(status, node);
    }

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        var staged = (TNode)Nodes[local].Clone();
        if (values.TryGetValue("record_to", out var recordTo)) staged.Keys.Apply(staged, "record_to", recordTo);
        foreach (var (key, value) in values)
        {
            if (key == "record_to") continue;
            if (staged.Keys.Settable.Contains(key)) staged.Keys.Apply(staged, key, value);
            else if (staged.Recording.Keys.Contains(key)) staged.Recording.Apply(key, value);
            else throw new BadPropertyException(key, value, $"'{key}' is a parameter of other recording backends; this recorder records to \"{staged.RecordTo}\"");
        }
        staged.Validate(context);
        return () => Nodes[local] = staged;
    }
}
