namespace NestSharp.Models.Devices;

/// <summary>
/// sinusoidal_poisson_generator: Poisson spike trains with the rate λ(t) = max(0, rate + amplitude · sin(ω t + φ))
/// (spikes/s), ω = 2π·frequency/1000 (t in ms), φ = phase·π/180.
/// <para>The oscillation is advanced exactly by a rotation: (y_0, y_1) = amplitude · (cos, sin)(ω t + φ) is set from
/// the time when a run is prepared and rotated by ω·h in every step; the rate of step (t, t + h] is that of its end.
/// In each step whose start t lies in (origin + start, origin + stop] and whose rate is positive, a target receives
/// k ~ Poisson(λ·h) spikes as one event. With <c>individual_spike_trains</c> (the default) every target draws its own
/// train, from its own keyed stream (seed, generator, target, connection) indexed by the step; without, one train is
/// drawn (from the generator's keyed stream) and sent to all targets like a neuron's spikes, so a spike recorder can
/// record it. <c>individual_spike_trains</c> can only be set on the model (SetDefaults, CopyModel).</para>
/// <para>Parameters: <c>rate</c>, <c>amplitude</c> (spikes/s), <c>frequency</c> (Hz), <c>phase</c> (degrees),
/// <c>individual_spike_trains</c>, start, stop, origin (ms). State: y_0, y_1 (read-only). Recordable: rate (spikes/s,
/// every step, active or not).</para>
/// <para>Reference: NEST model documentation, sinusoidal_poisson_generator.</para>
/// </summary>
[NodeModelName("sinusoidal_poisson_generator")]
internal sealed class SinusoidalPoissonGenerator(NodeModel model, int firstId, int count)
    : SinusoidalGeneratorGroup<SinusoidalPoissonGenerator.Node>(model, firstId, count, () => new Node(), StreamSalt)
{
    public override bool SupportsCheckpoint => true;

    private const ulong StreamSalt = 0x5195_9015;

    internal sealed class Node : SinusoidalGeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = SinusoidKeys<Node>()
            .Boolean("individual_spike_trains", n => n.IndividualSpikeTrains, (n, v) => n.IndividualSpikeTrains = v)
            .Oscillating(static n => ref n.Oscillation)
            .ReadOnly("recordables", _ => RecordableNames.ToArray());

        /// <summary>The oscillator (y_0, y_1) = amplitude · (cos, sin)(ω t + φ), in spikes/ms as NEST's.</summary>
        public Oscillation Oscillation = new();

        public override IDeviceKeys Keys => Declared;

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Oscillation.Reset();
        }
    }

    protected override void Prepare(Node node, SimulationContext context)
    {
        double omega = node.Frequency * (2.0 * Math.PI / 1000.0);
        double phi = node.Phase * (Math.PI / 180.0);
        node.Oscillation.Start(context, node.Amplitude / 1000.0, omega, phi);
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        double h = context.Time.Resolution;
        for (int local = 0; local < Count; local++) UpdateTrains(context, thread, sliceStart, from, to, local, new Trains(Nodes[local], thread, h));
    }

    /// <summary>The rate of each step by the rotation of the oscillator; k ~ Poisson(λ·h) spikes per train.</summary>
    private struct Trains(Node node, int thread, double h) : ISinusoidalTrains
    {
        private double _mean;

        public double RateIn(long step)
        {
            double rate = Math.Max(0.0, node.Rate / 1000.0 + node.Oscillation.Rotate(thread));
            _mean = rate * h;
            return rate;
        }

        public readonly ulong SharedSpikes(ref RandomStream stream, double rate) => PoissonSampler.Sample(ref stream, _mean);

        public readonly ulong TargetSpikes(int target, ref RandomStream stream, double rate) => PoissonSampler.Sample(ref stream, _mean);
    }
}
