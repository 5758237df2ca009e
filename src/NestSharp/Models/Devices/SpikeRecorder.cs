namespace NestSharp.Models.Devices;

/// <summary>
/// spike_recorder: records the spikes of the nodes connected to it as (sender, time) events; time is the end of the
/// step in which the sender fired, less the spike's offset when the sender has precise spike times (NEST's
/// stamp - offset; with time_in_steps the step and, in <c>offsets</c>, the offset). Records spikes with
/// origin + start &lt; stamp &lt;= origin + stop.
/// <para>Status: <c>events</c> {<c>senders</c>, <c>times</c>} (record_to "memory"), <c>n_events</c>, <c>record_to</c>,
/// <c>label</c>, <c>start</c>, <c>stop</c>, <c>origin</c>, <c>time_in_steps</c>.</para>
/// <para>A spike of multiplicity k is recorded k times, as NEST does.</para>
/// </summary>
[NodeModelName("spike_recorder")]
internal sealed class SpikeRecorder(NodeModel model, int firstId, int count)
    : RecorderGroup<SpikeRecorder.Node>(model, firstId, count, () => new Node())
{
    /// <summary>As NEST: it records the events of binary neurons as well as spiking ones.</summary>
    public override SignalType ReceivesSignal => SignalType.All;

    public override bool SupportsCheckpoint => RecordingsSupportCheckpoint;

    internal sealed class Node : RecorderNode, ISpikeSink
    {
        private static readonly DeviceKeys<Node> Declared = RecorderKeys<Node>();

        public override IDeviceKeys Keys => Declared;

        public override IReadOnlyList<string> DoubleValueNames => [];

        public void RecordSpike(TimeGrid time, int sender, int vp, long stamp, int multiplicity, double offset)
        {
            if (!IsActive(time, stamp)) return;
            double t = time.StepToMs(stamp) - offset;
            for (int k = 0; k < multiplicity; k++) Record(vp, sender, stamp, t, [], [], offset);
        }
    }
}
