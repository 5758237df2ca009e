using NestSharp.Checkpoint;
using NestSharp.Kernel;
using NestSharp.Nodes;
using NestSharp.Random;

namespace NestSharp.Models.Devices;

/// <summary>
/// inhomogeneous_poisson_generator: sends every target its own Poisson spike train whose rate is piecewise constant:
/// <c>rate_values[i]</c> (spikes/s) from time <c>rate_times[i]</c> (ms, absolute) on, and 0 before the first time.
/// The rate changes in the step (t - h, t] whose end is the time t. In each step (t, t + h] with t in
/// (origin + start, origin + stop] and a positive rate, a target receives k ~ Poisson(rate·h) spikes as one event.
/// <para>Times must lie strictly in the future when set, be on the grid (or, with <c>allow_offgrid_times</c>, move to
/// the end of their step) and strictly increase; times and values are set together and have the same length;
/// <c>allow_offgrid_times</c> changes only together with the times or while there are none. A time that has passed
/// before the slice in which it would take effect is skipped.</para>
/// <para>Each connection draws from its own keyed stream (seed, generator, target, connection) indexed by the step, so
/// trains do not depend on the number of threads.</para>
/// <para>Parameters: <c>rate_times</c> (ms), <c>rate_values</c> (spikes/s), <c>allow_offgrid_times</c>, start, stop,
/// origin (ms).</para>
/// <para>Reference: NEST model documentation, inhomogeneous_poisson_generator.</para>
/// </summary>
[NodeModelName("inhomogeneous_poisson_generator")]
internal sealed class InhomogeneousPoissonGenerator(NodeModel model, int firstId, int count)
    : GeneratorGroup<InhomogeneousPoissonGenerator.Node>(model, firstId, count, () => new Node())
{
    private const ulong StreamSalt = 0x1440_9015;

    public override bool SupportsCheckpoint => true;

    internal sealed class Node : GeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Custom("rate_times", n => n.RateTimesOnGrid.ToArray(), (n, key, value) =>
            {
                n._times = StatusValue.ToDoubleArray(key, value);
                n._timesGiven = true;
            }, isArray: true)
            .Reals("rate_values", n => n.RateValues, (n, v) => { n.RateValues = v; n._valuesGiven = true; })
            .Boolean("allow_offgrid_times", n => n.AllowOffgridTimes, (n, v) => { n._offgridChanged = v != n.AllowOffgridTimes; n.AllowOffgridTimes = v; });

        public double[] RateValues = [];
        public bool AllowOffgridTimes;

        /// <summary>The steps at whose end each rate starts (absolute step numbers), and those times in ms.</summary>
        public long[] RateSteps = [];
        public double[] RateTimesOnGrid = [];

        /// <summary>Per thread: the next rate to take and the sampler of the rate in force (null: none yet, rate 0).</summary>
        public int[] NextIndex = [];
        public PoissonSampler?[] InForce = [];

        /// <summary>A Poisson sampler for each rate value (mean rate·h).</summary>
        public PoissonSampler[] Samplers = [];

        private double[] _times = [];
        private bool _timesGiven, _valuesGiven, _offgridChanged;

        public override IDeviceKeys Keys => Declared;

        protected override void AfterClone() => _timesGiven = _valuesGiven = _offgridChanged = false;

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            NextIndex = [];
            InForce = [];
        }

        // Every thread's copy is at the same place: one is saved (the rate in force as its sampler's mean, NaN for
        // none), and Prepare gives it to every thread.
        public override void SaveRuntime(CheckpointWriter writer)
        {
            writer.Write(NextIndex.Length > 0 ? NextIndex[0] : 0);
            writer.Write(InForce.Length > 0 && InForce[0] is { } sampler ? sampler.Mean : double.NaN);
        }

        public override void RestoreRuntime(CheckpointReader reader)
        {
            NextIndex = [reader.ReadInt()];
            double mean = reader.ReadDouble();
            InForce = [double.IsNaN(mean) ? null : new PoissonSampler(mean)];
        }

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (_offgridChanged && !_timesGiven && RateSteps.Length > 0)
                throw new BadPropertyException("allow_offgrid_times", AllowOffgridTimes, "Option can only be set together with rate times or if no rate times have been set.");
            if (_timesGiven != _valuesGiven)
                throw new BadPropertyException(_timesGiven ? "rate_times" : "rate_values", "given alone", "Rate times and values must be reset together.");
            if (!_timesGiven) return;
            if (_times.Length != RateValues.Length)
                throw new BadPropertyException("rate_values", RateValues, $"Rate times and values have to be the same size ({_times.Length} times, {RateValues.Length} values).");
            var grid = context.Time;
            double now = grid.StepToMs(context.CurrentStep);
            var steps = new long[_times.Length];
            for (int i = 0; i < _times.Length; i++)
            {
                double t = _times[i];
                if (!(t > now) || IsInfiniteTime(t, grid))
                    throw new BadPropertyException("rate_times", t, $"Time points must lie strictly in the future. {StatusValue.Format(t)} ms is not after the current time {StatusValue.Format(now)} ms (or not finite).");
                steps[i] = GridTimes.StepEndingAt(t, grid, AllowOffgridTimes, "rate_times", "inhomogeneous_poisson_generator: ", ".");
                if (i > 0 && steps[i] <= steps[i - 1]) throw new BadPropertyException("rate_times", t, "Rate times must be strictly increasing.");
            }
            RateSteps = steps;
            RateTimesOnGrid = Array.ConvertAll(steps, grid.StepToMs);
            NextIndex = new int[NextIndex.Length];
        }
    }

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            GeneratorDelivery.AssignStreamKeys(node.Targets, context, StreamSalt, FirstId + local);
            node.Samplers = Array.ConvertAll(node.RateValues, rate => new PoissonSampler(Math.Max(0.0, rate / 1000.0 * h)));
            if (node.NextIndex.Length != context.VirtualProcesses)
            {
                // a restored node carries one thread's place (all threads' are the same)
                int next = node.NextIndex.Length > 0 ? node.NextIndex[0] : 0;
                var inForce = node.InForce.Length > 0 ? node.InForce[0] : null;
                node.NextIndex = new int[context.VirtualProcesses];
                node.InForce = new PoissonSampler?[context.VirtualProcesses];
                Array.Fill(node.NextIndex, next);
                Array.Fill(node.InForce, inForce);
            }
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        foreach (var node in Nodes)
        {
            ref int next = ref node.NextIndex[thread];
            ref var inForce = ref node.InForce[thread];
            while (next < node.RateSteps.Length && node.RateSteps[next] <= sliceStart + from) next++;
            var targets = node.Targets.OfThread(thread);
            var (firstActive, lastActive) = node.ActiveSteps(context.Time);
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                if (next < node.RateSteps.Length && step + 1 == node.RateSteps[next]) inForce = node.Samplers[next++];
                if (inForce is not { Mean: > 0 } sampler || step <= firstActive || step > lastActive) continue;
                foreach (ref readonly var target in targets)
                {
                    var stream = new RandomStream(RandomStream.Derive(target.StreamKey, (ulong)step));
                    ulong k = sampler.Sample(ref stream);
                    if (k != 0) GeneratorDelivery.AddSpikes(ring, in target, step, (long)k);
                }
            }
        }
    }
}
