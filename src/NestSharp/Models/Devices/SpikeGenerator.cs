using NestSharp.Kernel;
using NestSharp.Nodes;

namespace NestSharp.Models.Devices;

/// <summary>
/// spike_generator: emits spikes at the times in <c>spike_times</c> (ms, relative to <c>origin</c>, sorted, on the
/// time grid). A spike at t leaves at the end of the step (t - h, t] and is recorded with time t; it is emitted if
/// origin + start &lt; t &lt;= origin + stop and t lies after the current time.
/// <para><c>spike_weights</c> (same length as the times, or empty) multiply the connection weight;
/// <c>spike_multiplicities</c> (likewise) send several spikes at once. With <c>allow_offgrid_times</c> a time between
/// grid points moves to the end of its step; with <c>shift_now_spikes</c> a time equal to the current time moves one
/// step later (otherwise time 0 is an error). Times are checked when set.</para>
/// <para>Reference: NEST model documentation, spike_generator.</para>
/// </summary>
internal sealed class SpikeGenerator : DeviceGroup<SpikeGenerator.Node>
{
    public const string ModelName = "spike_generator";

    public SpikeGenerator(NodeModel model, int firstId, int count, Func<TimeGrid> time, Func<long> now)
        : base(model, firstId, count, () => new Node(time, now))
    {
        TimeSource = time;
        NowSource = now;
    }

    private Func<TimeGrid> TimeSource { get; }
    private Func<long> NowSource { get; }

    public override ElementType ElementType => ElementType.Stimulator;

    public override NodeGroup Instantiate(NodeModel model, int firstId, int n, int threads)
    {
        var group = new SpikeGenerator(model, firstId, n, TimeSource, NowSource);
        group.CopyDefaultsFrom(this);
        return group;
    }

    internal sealed class Node(Func<TimeGrid> time, Func<long> now) : DeviceNode
    {
        private static readonly string[] GeneratorKeys =
            [.. CommonKeys, "allow_offgrid_times", "precise_times", "shift_now_spikes", "spike_multiplicities", "spike_times", "spike_weights"];

        public double[] SpikeTimes = [];
        public double[] SpikeWeights = [];
        public long[] SpikeMultiplicities = [];
        public bool AllowOffgridTimes, ShiftNowSpikes, PreciseTimes;

        /// <summary>Steps at whose end each spike leaves (relative to origin), computed when the times are set.</summary>
        public long[] SpikeStamps = [];
        public int Position;

        public override IReadOnlyCollection<string> Keys => GeneratorKeys;

        private bool _timesGiven, _flagsChanged;

        protected override void AfterClone()
        {
            _timesGiven = false;
            _flagsChanged = false;
        }

        protected override void ResetRuntimeState() => Position = 0;

        public override void Apply(string key, object value)
        {
            switch (key)
            {
                case "spike_times": SpikeTimes = StatusValue.ToDoubleArray(key, value); _timesGiven = true; break;
                case "spike_weights": SpikeWeights = StatusValue.ToDoubleArray(key, value); break;
                case "spike_multiplicities": SpikeMultiplicities = StatusValue.ToLongArray(key, value); break;
                case "allow_offgrid_times": AllowOffgridTimes = StatusValue.ToBool(key, value); _flagsChanged = true; break;
                case "shift_now_spikes": ShiftNowSpikes = StatusValue.ToBool(key, value); _flagsChanged = true; break;
                case "precise_times": PreciseTimes = StatusValue.ToBool(key, value); _flagsChanged = true; break;
                default: base.Apply(key, value); break;
            }
            if (key is "spike_times" or "spike_weights" or "spike_multiplicities" or "origin") Position = 0;
        }

        public override void Validate()
        {
            base.Validate();
            if (PreciseTimes)
                throw new BadParameterException("precise_times", true, "precise (off-grid) spike times need precise neuron models, which NestSharp does not have; use allow_offgrid_times to round times to the grid");
            if (_flagsChanged && !_timesGiven && SpikeStamps.Length > 0)
                throw new BadParameterException("allow_offgrid_times/shift_now_spikes", "changed", "options can only be set together with spike times or if no spike times have been set");
            if (_timesGiven) SpikeStamps = ComputeStamps();
            if (SpikeWeights.Length != 0 && SpikeWeights.Length != SpikeStamps.Length)
                throw new BadParameterException("spike_weights", SpikeWeights, $"must have as many elements as spike_times ({SpikeStamps.Length}) or none");
            if (SpikeMultiplicities.Length != 0 && SpikeMultiplicities.Length != SpikeStamps.Length)
                throw new BadParameterException("spike_multiplicities", SpikeMultiplicities, $"must have as many elements as spike_times ({SpikeStamps.Length}) or none");
            foreach (long m in SpikeMultiplicities)
                if (m < 0) throw new BadParameterException("spike_multiplicities", m, "multiplicities cannot be negative");
        }

        private long[] ComputeStamps()
        {
            var grid = time();
            long nowStep = now();
            long originStep = grid.MsToTics(Origin) / grid.TicsPerStep;
            var stamps = new long[SpikeTimes.Length];
            for (int i = 0; i < SpikeTimes.Length; i++)
            {
                double t = SpikeTimes[i];
                if (i > 0 && SpikeTimes[i - 1] > t)
                    throw new BadParameterException("spike_times", SpikeTimes, "spike times must be sorted in non-descending order");
                if (t == 0.0 && !ShiftNowSpikes)
                    throw new BadParameterException("spike_times", t, "spike time cannot be set to 0");
                long tics = grid.MsToTics(t);
                long stamp;
                if (tics % grid.TicsPerStep == 0) stamp = tics / grid.TicsPerStep;
                else if (AllowOffgridTimes) stamp = tics / grid.TicsPerStep + 1;
                else throw new BadParameterException("spike_times", t, $"time point is not representable in the current resolution ({grid.Resolution} ms); set allow_offgrid_times to round it to the grid");
                if (ShiftNowSpikes && originStep + stamp == nowStep) stamp++;
                stamps[i] = stamp;
            }
            return stamps;
        }

        public override void Write(Dictionary<string, object> status)
        {
            base.Write(status);
            var grid = time();
            status["spike_times"] = SpikeStamps.Select(s => grid.StepToMs(s)).ToArray();
            status["spike_weights"] = SpikeWeights.ToArray();
            status["spike_multiplicities"] = SpikeMultiplicities.ToArray();
            status["allow_offgrid_times"] = AllowOffgridTimes;
            status["shift_now_spikes"] = ShiftNowSpikes;
            status["precise_times"] = PreciseTimes;
            status["element_type"] = "stimulator";
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
