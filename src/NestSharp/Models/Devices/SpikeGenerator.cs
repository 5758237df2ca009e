namespace NestSharp.Models.Devices;

/// <summary>
/// spike_generator: emits spikes at the times in <c>spike_times</c> (ms, relative to <c>origin</c>, sorted, on the
/// time grid). A spike at t leaves at the end of the step (t - h, t] and is recorded with time t; it is emitted if
/// origin + start &lt; t &lt;= origin + stop and t lies after the current time.
/// <para><c>spike_weights</c> (same length as the times, or empty) multiply the connection weight;
/// <c>spike_multiplicities</c> (likewise, not negative) send several spikes at once. A time within half a tic of a
/// grid point is that grid point; with <c>allow_offgrid_times</c> a time between grid points moves to the end of its
/// step, otherwise it is an error; with <c>shift_now_spikes</c> a time equal to the current time moves one step later
/// (otherwise time 0 is an error). Times are checked when set, and the status shows them as the grid holds them. As in
/// NEST, negative times (and infinite ones) are accepted with allow_offgrid_times or precise_times and never sent
/// (<see cref="SpikeTimeStamps"/>). The options can change only together with the times, or while there are none.</para>
/// <para>With <c>precise_times</c> (which excludes the other two options) a time t need not lie on the grid: the spike
/// leaves at the end of the step holding t (the first grid point s &gt;= t) with offset s - t, which spike recorders
/// record (time s - offset, or the step and the offset with time_in_steps) and grid-based neurons ignore, as in NEST;
/// the status shows s - offset. spike_generator does not set the kernel's off_grid_spiking (NEST delivers its spikes
/// locally, offsets included).</para>
/// <para>Reference: NEST model documentation, spike_generator.</para>
/// </summary>
[NodeModelName("spike_generator")]
internal sealed class SpikeGenerator(NodeModel model, int firstId, int count)
    : SpikeTrainGroup<SpikeGenerator.Node>(model, firstId, count, () => new Node())
{
    /// <summary>As NEST: its events may reach binary neurons as well as spiking ones.</summary>
    public override SignalType SendsSignal => SignalType.All;

    public override bool SupportsCheckpoint => true;

    public override ElementType ElementType => ElementType.Stimulator;

    internal sealed class Node : SpikeTrainNode
    {
        private static readonly DeviceKeys<Node> Declared = OptionKeys(SpikeTimesKey(StimulatorKeys<Node>()
            .GridTime("origin", n => n.Origin, (n, v) => { n.Origin = v; n.Position = 0; }, infiniteAllowed: false))
            .Reals("spike_weights", n => n.SpikeWeights, (n, v) => { n.SpikeWeights = v; n.Position = 0; }));

        public override IDeviceKeys Keys => Declared;

        public override void Validate(StatusContext context)
        {
            ValidateTimes(context, "", "spike time cannot be set to 0 (set shift_now_spikes to send it in the next step)");
            if (SpikeWeights.Length != 0 && SpikeWeights.Length != SpikeStamps.Length)
            {
                throw new BadPropertyException("spike_weights", SpikeWeights,
                    $"spike_weights must have the same number of elements as spike_times ({SpikeStamps.Length}), or 0 elements to clear the property");
            }
            ValidateMultiplicities();
        }
    }
}
