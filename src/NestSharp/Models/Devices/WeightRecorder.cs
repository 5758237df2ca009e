using NestSharp.Nodes;
using NestSharp.Plasticity;

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
internal sealed class WeightRecorder : DeviceGroup<WeightRecorder.Node>
{
    public const string ModelName = "weight_recorder";

    public WeightRecorder(NodeModel model, int firstId, int count) : base(model, firstId, count, () => new Node()) { }

    public override ElementType ElementType => ElementType.Recorder;

    public override NodeGroup Instantiate(NodeModel model, int firstId, int n, int threads)
    {
        var group = new WeightRecorder(model, firstId, n);
        group.CopyDefaultsFrom(this);
        return group;
    }

    internal sealed class Node : RecorderNode
    {
        private static readonly string[] WeightRecorderKeys = [.. RecorderKeys, "senders", "targets"];
        private static readonly string[] Values = ["weights", "targets", "receptors", "ports"];

        public long[] SenderFilter = [];
        public long[] TargetFilter = [];
        public List<long> Targets = [];
        public List<double> Weights = [];
        public List<long> Receptors = [];
        public List<long> Ports = [];

        public override IReadOnlyCollection<string> Keys => WeightRecorderKeys;

        public override IReadOnlyList<string> ValueNames => Values;

        public override int DoubleValueCount => 1;

        public override void Apply(string key, object value)
        {
            switch (key)
            {
                case "senders": SenderFilter = IdsOf(key, value); break;
                case "targets": TargetFilter = IdsOf(key, value); break;
                default: base.Apply(key, value); break;
            }
        }

        private static long[] IdsOf(string key, object value) =>
            value is NodeCollection nodes ? nodes.Ids.Select(i => (long)i).ToArray() : StatusValue.ToLongArray(key, value);

        protected override void ClearEvents()
        {
            base.ClearEvents();
            Targets = [];
            Weights = [];
            Receptors = [];
            Ports = [];
        }

        protected override void StoreValues(ReadOnlySpan<double> values)
        {
            Weights.Add(values[0]);
            Targets.Add((long)values[1]);
            Receptors.Add((long)values[2]);
            Ports.Add((long)values[3]);
        }

        /// <summary>Records a weight event; <paramref name="vp"/> owns the synapse's target.</summary>
        public void RecordWeight(Kernel.TimeGrid time, in WeightEvent e, int vp)
        {
            if (!IsActive(time, e.Stamp)) return;
            if (SenderFilter.Length > 0 && Array.IndexOf(SenderFilter, (long)e.Sender) < 0) return;
            if (TargetFilter.Length > 0 && Array.IndexOf(TargetFilter, (long)e.Target) < 0) return;
            Record(e.Sender, time.StepToMs(e.Stamp), [e.Weight, e.Target, e.Receptor, e.Port], vp);
        }

        public override void Write(Dictionary<string, object> status)
        {
            base.Write(status);
            status["senders"] = SenderFilter.ToArray();
            status["targets"] = TargetFilter.ToArray();
            status["events"] = new Dictionary<string, object>
            {
                ["senders"] = Senders.ToArray(), ["times"] = Times.ToArray(), ["targets"] = Targets.ToArray(),
                ["weights"] = Weights.ToArray(), ["receptors"] = Receptors.ToArray(), ["ports"] = Ports.ToArray(),
            };
        }
    }
}
