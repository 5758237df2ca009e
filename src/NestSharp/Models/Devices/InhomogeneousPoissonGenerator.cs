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
        private static readonly DeviceKeys<Node> Declared =
            TimedValues<PoissonSampler?>.Declare(StimulatorKeys<Node>(), "rate_times", "rate_values", static n => ref n.Rates);

        /// <summary>
        /// The rates, their times, and per thread the next rate to take and the sampler of the rate in force (null:
        /// none yet, rate 0).
        /// </summary>
        public TimedValues<PoissonSampler?> Rates = new();

        /// <summary>A Poisson sampler for each rate value (mean rate·h).</summary>
        public PoissonSampler[] Samplers = [];

        public override IDeviceKeys Keys => Declared;

        protected override void AfterClone() => Rates.ForgetGiven();

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Rates.ClearPlaces();
        }

        // The place in the table with the rate in force as its sampler's mean (NaN for none); Prepare gives it to every thread.
        public override void SaveRuntime(CheckpointWriter writer) =>
            Rates.SavePlace(writer, null, static sampler => sampler is { } s ? s.Mean : double.NaN);

        public override void RestoreRuntime(CheckpointReader reader) =>
            Rates.RestorePlace(reader, static mean => double.IsNaN(mean) ? null : new PoissonSampler(mean));

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (Rates.OffgridChanged && !Rates.TimesGiven && Rates.Steps.Length > 0)
                throw new BadPropertyException("allow_offgrid_times", Rates.AllowOffgridTimes, "Option can only be set together with rate times or if no rate times have been set.");
            if (Rates.TimesGiven != Rates.ValuesGiven)
                throw new BadPropertyException(Rates.TimesGiven ? "rate_times" : "rate_values", "given alone", "Rate times and values must be reset together.");
            if (!Rates.TimesGiven) return;
            if (Rates.GivenTimes.Length != Rates.Values.Length)
                throw new BadPropertyException("rate_values", Rates.Values, $"Rate times and values have to be the same size ({Rates.GivenTimes.Length} times, {Rates.Values.Length} values).");
            var grid = context.Time;
            double now = grid.StepToMs(context.CurrentStep);
            var steps = new long[Rates.GivenTimes.Length];
            for (int i = 0; i < Rates.GivenTimes.Length; i++)
            {
                double t = Rates.GivenTimes[i];
                if (!(t > now) || IsInfiniteTime(t, grid))
                    throw new BadPropertyException("rate_times", t, $"Time points must lie strictly in the future. {StatusValue.Format(t)} ms is not after the current time {StatusValue.Format(now)} ms (or not finite).");
                steps[i] = GridTimes.StepEndingAt(t, grid, Rates.AllowOffgridTimes, "rate_times", "inhomogeneous_poisson_generator: ", ".");
                if (i > 0 && steps[i] <= steps[i - 1]) throw new BadPropertyException("rate_times", t, "Rate times must be strictly increasing.");
            }
            Rates.SetSteps(steps, grid);
        }
    }

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            GeneratorDelivery.AssignStreamKeys(node.Targets, context, StreamSalt, FirstId + local);
            node.Samplers = Array.ConvertAll(node.Rates.Values, rate => new PoissonSampler(Math.Max(0.0, rate / 1000.0 * h)));
            node.Rates.SpreadOver(context.VirtualProcesses, null);
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        foreach (var node in Nodes)
        {
            node.Rates.SkipPassed(thread, sliceStart + from);
            var targets = node.Targets.OfThread(thread);
            var (firstActive, lastActive) = node.ActiveSteps(context.Time);
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                if (node.Rates.InForceIn(thread, step, node.Samplers) is not { Mean: > 0 } sampler || step <= firstActive || step > lastActive) continue;
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
