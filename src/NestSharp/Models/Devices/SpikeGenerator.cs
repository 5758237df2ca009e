using NestSharp.Kernel;
using NestSharp.Nodes;

namespace NestSharp.Models.Devices;

/// <summary>
/// spike_generator: emits spikes at the times in <c>spike_times</c> (ms, relative to <c>origin</c>, sorted, on the
/// time grid). A spike at t leaves at the end of the step (t - h, t] and is recorded with time t; it is emitted if
/// origin + start &lt; t &lt;= origin + stop and t lies after the current time.
/// <para><c>spike_weights</c> (same length as the times, or empty) multiply the connection weight;
/// <c>spike_multiplicities</c> (likewise, not negative) send several spikes at once. A time within half a tic of a
/// grid point is that grid point; with <c>allow_offgrid_times</c> a time between grid points moves to the end of its
/// step, otherwise it is an error; with <c>shift_now_spikes</c> a time equal to the current time moves one step later
/// (otherwise time 0 is an error). Times must be finite and not negative; they are checked when set, and the status
/// shows them as the grid holds them. The options can change only together with the times, or while there are none.</para>
/// <para><c>precise_times</c> (spikes with offsets within their step) needs NEST's precise-timing models, which
/// NestSharp does not have: setting it true is NotImplemented (after NEST's own check that it excludes the other two
/// options).</para>
/// <para>Reference: NEST model documentation, spike_generator.</para>
/// </summary>
[NodeModelName("spike_generator")]
internal sealed class SpikeGenerator(NodeModel model, int firstId, int count)
    : DeviceGroup<SpikeGenerator.Node>(model, firstId, count, () => new Node())
{
    public override bool SupportsCheckpoint => true;

    public override ElementType ElementType => ElementType.Stimulator;

    public override bool EmitsSpikes => true;

    internal sealed class Node : DeviceNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .GridTime("origin", n => n.Origin, (n, v) => { n.Origin = v; n.Position = 0; }, infiniteAllowed: false)
            .Custom("spike_times", n => n.SpikeTimesOnGrid.ToArray(), (n, key, value) =>
            {
                n.SpikeTimes = StatusValue.ToDoubleArray(key, value);
                n._timesGiven = true;
                n.Position = 0;
            }, isArray: true)
            .Reals("spike_weights", n => n.SpikeWeights, (n, v) => { n.SpikeWeights = v; n.Position = 0; })
            .Integers("spike_multiplicities", n => n.SpikeMultiplicities, (n, v) => { n.SpikeMultiplicities = v; n.Position = 0; })
            .Boolean("allow_offgrid_times", n => n.AllowOffgridTimes, (n, v) => { n.AllowOffgridTimes = v; n._flagsChanged = true; })
            .Boolean("shift_now_spikes", n => n.ShiftNowSpikes, (n, v) => { n.ShiftNowSpikes = v; n._flagsChanged = true; })
            .Boolean("precise_times", n => n.PreciseTimes, (n, v) => { n.PreciseTimes = v; n._flagsChanged = true; });

        /// <summary>The spike times as given (ms, relative to origin).</summary>
        public double[] SpikeTimes = [];

        /// <summary>The spike times as the grid holds them (ms, relative to origin): the end of each spike's step.</summary>
        public double[] SpikeTimesOnGrid = [];

        public double[] SpikeWeights = [];
        public long[] SpikeMultiplicities = [];
        public bool AllowOffgridTimes, ShiftNowSpikes, PreciseTimes;

        /// <summary>Steps at whose end each spike leaves (relative to origin), computed when the times are set.</summary>
        public long[] SpikeStamps = [];
        public int Position;

        private bool _timesGiven, _flagsChanged;

        public override IDeviceKeys Keys => Declared;

        protected override void AfterClone()
        {
            _timesGiven = false;
            _flagsChanged = false;
        }

        protected override void ResetRuntimeState() => Position = 0;

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (PreciseTimes && (AllowOffgridTimes || ShiftNowSpikes))
            {
                throw new BadPropertyException("precise_times", true,
                    "Option precise_times cannot be set to true when either allow_offgrid_times or shift_now_spikes is set to true");
            }
            if (PreciseTimes)
            {
                throw new NestNotImplementedException(
                    "'precise_times' = true is not supported: NestSharp has no precise-timing models (NEST's *_ps models, spikes with offsets " +
                    "within their step); spikes are on the grid of the resolution. Leave precise_times false, and set allow_offgrid_times to " +
                    "move an off-grid time to the end of its step.");
            }
            if (_flagsChanged && !_timesGiven && SpikeStamps.Length > 0)
            {
                throw new BadPropertyException(AllowOffgridTimes ? "allow_offgrid_times" : "shift_now_spikes", "changed",
                    "Options can only be set together with spike times or if no spike times have been set");
            }
            if (_timesGiven)
            {
                SpikeStamps = SpikeTimeStamps.Of(SpikeTimes, Origin, AllowOffgridTimes, ShiftNowSpikes, context, "",
                    "spike time cannot be set to 0 (set shift_now_spikes to send it in the next step)");
                SpikeTimesOnGrid = Array.ConvertAll(SpikeStamps, context.Time.StepToMs);
            }
            if (SpikeWeights.Length != 0 && SpikeWeights.Length != SpikeStamps.Length)
            {
                throw new BadPropertyException("spike_weights", SpikeWeights,
                    $"spike_weights must have the same number of elements as spike_times ({SpikeStamps.Length}), or 0 elements to clear the property");
            }
            if (SpikeMultiplicities.Length != 0 && SpikeMultiplicities.Length != SpikeStamps.Length)
            {
                throw new BadPropertyException("spike_multiplicities", SpikeMultiplicities,
                    $"spike_multiplicities must have the same number of elements as spike_times ({SpikeStamps.Length}) or 0 elements to clear the property");
            }
            foreach (long m in SpikeMultiplicities)
            {
                if (m is < 0 or > int.MaxValue)
                    throw new BadPropertyException("spike_multiplicities", m, "a multiplicity is a number of spikes: 0 or more");
            }
        }
    }

    /// <summary>Emits the spikes due in [from, to) of the slice into thread 0's spike buffer (devices run on thread 0).</summary>
    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        if (thread != 0) return;
        var spikes = context.SpikesOfVp[0];
        var grid = context.Time;
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            long originStep = grid.MsToTics(node.Origin) / grid.TicsPerStep;
            long first = sliceStart + from, last = sliceStart + to;
            while (node.Position < node.SpikeStamps.Length)
            {
                long stamp = originStep + node.SpikeStamps[node.Position];
                if (stamp <= first) { node.Position++; continue; }
                if (stamp > last) break;
                if (node.IsActive(grid, stamp))
                {
                    int multiplicity = node.SpikeMultiplicities.Length > 0 ? (int)node.SpikeMultiplicities[node.Position] : 1;
                    double factor = node.SpikeWeights.Length > 0 ? node.SpikeWeights[node.Position] : 1.0;
                    spikes.Add((int)(stamp - sliceStart - 1), FirstId + local, multiplicity, factor);
                }
                node.Position++;
            }
        }
    }
}
