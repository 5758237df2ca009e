using NestSharp.Nodes;

namespace NestSharp.Models.Devices;

/// <summary>
/// spike_recorder: records the spikes of the nodes connected to it as (sender, time) events; time is the end of the
/// step in which the sender fired. Records spikes with origin + start &lt; t &lt;= origin + stop.
/// <para>Status: <c>events</c> {<c>senders</c>, <c>times</c>}, <c>n_events</c>, <c>record_to</c> ("memory", "ascii",
/// "screen"), <c>label</c>, <c>start</c>, <c>stop</c>, <c>origin</c>, <c>time_in_steps</c>, <c>precision</c>.</para>
/// <para>A spike of multiplicity k is recorded k times, as NEST does.</para>
/// </summary>
internal sealed class SpikeRecorder : DeviceGroup<SpikeRecorder.Node>
{
    public const string ModelName = "spike_recorder";

    public SpikeRecorder(NodeModel model, int firstId, int count) : base(model, firstId, count, () => new Node()) { }

    public override ElementType ElementType => ElementType.Recorder;

    public override NodeGroup Instantiate(NodeModel model, int firstId, int n, int threads)
    {
        var group = new SpikeRecorder(model, firstId, n);
        group.CopyDefaultsFrom(this);
        return group;
    }

    internal sealed class Node : RecorderNode
    {
        public override IReadOnlyCollection<string> Keys => RecorderKeys;

        public override IReadOnlyList<string> ValueNames => [];

        /// <summary>
        /// Records a spike of <paramref name="sender"/> (owned by virtual process <paramref name="vp"/>) at the end of
        /// step <paramref name="stampStep"/> if within the window.
        /// </summary>
        public void RecordSpike(Kernel.TimeGrid time, int sender, int vp, long stampStep, int multiplicity)
        {
            if (!IsActive(time, stampStep)) return;
            double t = time.StepToMs(stampStep);
            for (int k = 0; k < multiplicity; k++) Record(sender, t, [], vp);
        }

        public override void Write(Dictionary<string, object> status)
        {
            base.Write(status);
            status["events"] = new Dictionary<string, object> { ["senders"] = Senders.ToArray(), ["times"] = Times.ToArray() };
        }
    }
}
