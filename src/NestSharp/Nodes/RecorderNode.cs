using NestSharp.Recording;

namespace NestSharp.Nodes;

/// <summary>
/// What recording devices share (NEST's RecordingDevice): <c>record_to</c> names the recording backend that receives
/// the events (see <see cref="IRecordingBackend"/>; the backend adds its own device parameters and status, such as
/// <c>events</c>, <c>filenames</c> or <c>time_in_steps</c>, and choosing another backend starts from that backend's
/// defaults, as in NEST), and <c>n_events</c> counts them (setting it to 0 clears them).
/// </summary>
internal abstract class RecorderNode : DeviceNode
{
    public string RecordTo = Catalog.DefaultRecordingBackend;

    /// <summary>Number of events recorded (to any backend).</summary>
    public long EventCount;

    /// <summary>This recorder's data in its backend.</summary>
    public IDeviceRecording Recording = Catalog.CreateRecording(Catalog.DefaultRecordingBackend);

    /// <summary>The keys every recorder has, with those of <see cref="DeviceNode.CommonKeys{TNode}"/>.</summary>
    protected static DeviceKeys<TNode> RecorderKeys<TNode>() where TNode : RecorderNode => CommonKeys<TNode>()
        .Custom("record_to", n => n.RecordTo, (n, key, value) => n.SelectBackend(StatusValue.ToStringValue(key, value)))
        .Custom("n_events", n => n.EventCount, (n, key, value) =>
        {
            if (StatusValue.ToLong(key, value) != 0)
                throw new BadPropertyException(key, value, "Property n_events can only be set to 0 (which clears all stored events)");
            n.ClearEvents();
        });

    /// <summary>Names of the real values stored with each event besides sender and time.</summary>
    public abstract IReadOnlyList<string> DoubleValueNames { get; }

    /// <summary>Names of the integer values stored with each event after the real ones.</summary>
    public virtual IReadOnlyList<string> LongValueNames => [];

    /// <summary>The recording's own keys come after the device's: record_to first, so that its backend's keys apply.</summary>
    public IEnumerable<string> SettableKeys => Keys.Settable.Concat(Recording.Keys);

    private void SelectBackend(string name)
    {
        if (name == RecordTo) return;
        Recording = Catalog.CreateRecording(name);
        RecordTo = name;
    }

    protected override void AfterClone() => Recording = Recording.Clone();

    protected override void ResetRuntimeState()
    {
        EventCount = 0;
        Recording = Recording.CloneEmpty();
    }

    public override void SaveRuntime(Checkpoint.CheckpointWriter writer)
    {
        writer.Write(EventCount);
        Recording.SaveCheckpoint(writer);
    }

    public override void RestoreRuntime(Checkpoint.CheckpointReader reader)
    {
        EventCount = reader.ReadLong();
        Recording.RestoreCheckpoint(reader);
    }

    protected virtual void ClearEvents()
    {
        EventCount = 0;
        Recording.Clear();
    }

    /// <summary>
    /// Stores one event; <paramref name="vp"/> is the virtual process that owns the node the event is about,
    /// <paramref name="offset"/> how long before the end of step <paramref name="stamp"/> it happened (ms: 0 but for
    /// precise spike times; <paramref name="timeMs"/> is the stamp's time less the offset).
    /// </summary>
    protected void Record(int vp, long sender, long stamp, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs, double offset = 0.0)
    {
        EventCount++;
        Recording.Write(vp, sender, stamp, offset, timeMs, doubles, longs);
    }
}
