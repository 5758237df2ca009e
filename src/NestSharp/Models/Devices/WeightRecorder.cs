namespace NestSharp.Models.Devices;

/// <summary>
/// weight_recorder: records the weight of plastic synapses each time they transmit a spike. Attach it to a synapse
/// model: <c>CopyModel("stdp_synapse", "plastic", {"weight_recorder": wr})</c>. Each event holds the pre-synaptic spike
/// time, the sender (source), the target, the weight after the update, the receptor and the port (the synapse's rank
/// among its source's synapses of that model on the target's thread).
/// <para>Events from all threads are recorded in canonical order (time, sender, target), so they do not depend on the
/// number of threads. Optional <c>senders</c> and <c>targets</c> (node-id arrays) restrict what is recorded.</para>
/// <para>Status: <c>events</c> {<c>times</c>, <c>senders</c>, <c>targets</c>, <c>weights</c>, <c>receptors</c>,
/// <c>ports</c>}, <c>n_events</c>, <c>record_to</c>, <c>label</c>, <c>start</c>, <c>stop</c>, <c>origin</c>.</para>
/// </summary>
[NodeModelName("weight_recorder")]
internal sealed class WeightRecorder(NodeModel model, int firstId, int count)
    : RecorderGroup<WeightRecorder.Node>(model, firstId, count, () => new Node())
{
    /// <summary>As NEST: it records the events of binary neurons as well as spiking ones.</summary>
    public override SignalType ReceivesSignal => SignalType.All;

    public override bool SupportsCheckpoint => RecordingsSupportCheckpoint;

    /// <summary>The sender and target filters belong to each recorder: as in NEST, a model's defaults do not show them.</summary>
    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        if (FirstId != 0) return;
        status.Remove("senders");
        status.Remove("targets");
    }

    internal sealed class Node : RecorderNode, IWeightSink
    {
        private static readonly DeviceKeys<Node> Declared = RecorderKeys<Node>()
            .Custom("senders", n => n.SenderFilter.ToArray(), (n, key, value) => n.SenderFilter = IdsOf(key, value), isArray: true)
            .Custom("targets", n => n.TargetFilter.ToArray(), (n, key, value) => n.TargetFilter = IdsOf(key, value), isArray: true);

        private static readonly string[] Weights = ["weights"];
        private static readonly string[] Integers = ["targets", "receptors", "ports"];

        public long[] SenderFilter = [];
        public long[] TargetFilter = [];

        public override IDeviceKeys Keys => Declared;

        public override IReadOnlyList<string> DoubleValueNames => Weights;

        public override IReadOnlyList<string> LongValueNames => Integers;

        private static long[] IdsOf(string key, object value) =>
            value is NodeCollection nodes ? nodes.Ids.Select(i => (long)i).ToArray() : StatusValue.ToLongArray(key, value);

        public void RecordWeight(TimeGrid time, in WeightEvent e, int vp)
        {
            if (!IsActive(time, e.Stamp)) return;
            if (SenderFilter.Length > 0 && Array.IndexOf(SenderFilter, (long)e.Sender) < 0) return;
            if (TargetFilter.Length > 0 && Array.IndexOf(TargetFilter, (long)e.Target) < 0) return;
            Record(vp, e.Sender, e.Stamp, time.StepToMs(e.Stamp), [e.Weight], [e.Target, e.Receptor, e.Port]);
        }
    }
}
