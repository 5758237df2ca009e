namespace NestSharp.Models.Devices;

/// <summary>
/// spike_train_injector: emits spikes at the times in <c>spike_times</c> (ms, relative to <c>origin</c>, sorted), as a
/// spike_generator does, but is a node of element type neuron: its spikes travel through ordinary synapses (any
/// synapse model, including plastic ones) to targets on every thread. A spike at t leaves at the end of the step
/// (t - h, t] and is emitted if origin + start &lt; t &lt;= origin + stop and t lies after the current time.
/// <para><c>spike_multiplicities</c> (same length as the times, or empty) send several spikes at once. A time between
/// grid points is an error unless <c>allow_offgrid_times</c>, which moves it to the end of its step; with
/// <c>shift_now_spikes</c> a time equal to the current time moves one step later (otherwise time 0 is an error). The
/// options can change only together with the times, or while there are none. With <c>precise_times</c> (which excludes
/// the other two options) a time t need not lie on the grid: the spike leaves at the end of the step holding t with
/// offset s - t before that end (s the first grid point &gt;= t), which reaches its targets with it; the status shows
/// s - offset. As in NEST, a run with such an injector sets the kernel's off_grid_spiking to true. Negative and
/// infinite times are accepted with allow_offgrid_times or precise_times and never sent (<see cref="SpikeTimeStamps"/>).</para>
/// <para>Parameters: spike_times, spike_multiplicities, allow_offgrid_times, shift_now_spikes, precise_times, start,
/// stop, origin (ms).</para>
/// <para>Reference: NEST model documentation, spike_train_injector.</para>
/// </summary>
[NodeModelName("spike_train_injector")]
internal sealed class SpikeTrainInjector(NodeModel model, int firstId, int count)
    : SpikeTrainGroup<SpikeTrainInjector.Node>(model, firstId, count, () => new Node())
{
    public override bool SupportsCheckpoint => true;

    public override ElementType ElementType => ElementType.Neuron;

    public override bool SendsOffGridSpikes
    {
        get
        {
            foreach (var node in Nodes) if (node.PreciseTimes) return true;
            return false;
        }
    }

    internal sealed class Node : SpikeTrainNode
    {
        private static readonly DeviceKeys<Node> Declared = OptionKeys(SpikeTimesKey(new DeviceKeys<Node>()
            .GridTime("start", n => n.Start, (n, v) => n.Start = v, infiniteAllowed: true)
            .GridTime("stop", n => n.Stop, (n, v) => n.Stop = v, infiniteAllowed: true)
            .GridTime("origin", n => n.Origin, (n, v) => { n.Origin = v; n.Position = 0; }, infiniteAllowed: false)));

        public override IDeviceKeys Keys => Declared;

        public override void Validate(StatusContext context)
        {
            ValidateTimes(context, "spike_train_injector: ", "Spike time cannot be set to 0 (set shift_now_spikes to send it in the next step)");
            ValidateMultiplicities();
        }
    }
}
