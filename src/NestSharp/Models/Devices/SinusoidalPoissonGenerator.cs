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
    : SampledGeneratorGroup<SinusoidalPoissonGenerator.Node>(model, firstId, count, () => new Node(), RecordableNames)
{
    public override bool SupportsCheckpoint => true;

    private const ulong StreamSalt = 0x5195_9015;
    private static readonly string[] RecordableNames = ["rate"];

    /// <summary>Without individual trains the generator sends one train through ordinary spike delivery.</summary>
    public override bool EmitsSpikes => Count > 0 && !Nodes[0].IndividualSpikeTrains;

    // one train for all targets: the generator exists once, as a neuron does (NEST's has_proxies)
    public override bool HasProxies => EmitsSpikes;

    internal sealed class Node : GeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Real("rate", n => n.Rate, (n, v) => n.Rate = v)
            .Real("amplitude", n => n.Amplitude, (n, v) => n.Amplitude = v)
            .Real("frequency", n => n.Frequency, (n, v) => n.Frequency = v)
            .Real("phase", n => n.Phase, (n, v) => n.Phase = v)
            .Boolean("individual_spike_trains", n => n.IndividualSpikeTrains, (n, v) => n.IndividualSpikeTrains = v)
            .Oscillating(static n => ref n.Oscillation)
            .ReadOnly("recordables", _ => RecordableNames.ToArray());

        public double Rate, Amplitude, Frequency, Phase;
        public bool IndividualSpikeTrains = true;

        /// <summary>The oscillator (y_0, y_1) = amplitude · (cos, sin)(ω t + φ), in spikes/ms as NEST's.</summary>
        public Oscillation Oscillation = new();

        /// <summary>The rate of the last step (spikes/s): the recordable.</summary>
        public double CurrentRate;

        public override IDeviceKeys Keys => Declared;

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Oscillation.Reset();
            CurrentRate = 0;
        }
    }

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        RefuseIndividualSpikeTrainsOnInstance(values);
        return base.Stage(local, values, context);
    }

    public override double ReadRecordable(int index, int position) => Nodes[position].CurrentRate;

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        double t = context.Time.StepToMs(context.PreparedAtStep);
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            GeneratorDelivery.AssignStreamKeys(node.Targets, context, StreamSalt, FirstId + local);
            double omega = node.Frequency * (2.0 * Math.PI / 1000.0);
            double phi = node.Phase * (Math.PI / 180.0);
            node.Oscillation.Start(context.VirtualProcesses, node.Amplitude / 1000.0, omega, phi, t, h);
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        double h = context.Time.Resolution;
        var links = thread < Samplers.Length ? Samplers[thread] : [];
        bool sendsShared = EmitsSpikes;
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            var targets = node.Targets.OfThread(thread);
            var (firstActive, lastActive) = node.ActiveSteps(context.Time);
            ulong generatorKey = sendsShared ? GeneratorDelivery.GeneratorKey(context, StreamSalt, FirstId + local) : 0;
            ref var oscillation = ref node.Oscillation;
            ref double y0 = ref oscillation.Y0[thread];
            ref double y1 = ref oscillation.Y1[thread];
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                double rate = Math.Max(0.0, node.Rate / 1000.0 + oscillation.Rotate(ref y0, ref y1));
                if (rate > 0 && step > firstActive && step <= lastActive)
                {
                    double mean = rate * h;
                    if (sendsShared)
                    {
                        if (thread == 0)
                        {
                            var stream = new RandomStream(RandomStream.Derive(generatorKey, (ulong)step));
                            ulong k = PoissonSampler.Sample(ref stream, mean);
                            if (k != 0) context.SpikesOfVp[0].Add(lag, FirstId + local, (int)k);
                        }
                    }
                    else
                    {
                        foreach (ref readonly var target in targets)
                        {
                            var stream = new RandomStream(RandomStream.Derive(target.StreamKey, (ulong)step));
                            ulong k = PoissonSampler.Sample(ref stream, mean);
                            if (k != 0) GeneratorDelivery.AddSpikes(ring, in target, step, (long)k);
                        }
                    }
                }
                if (links.Length == 0) continue;
                node.CurrentRate = 1000.0 * rate;
                TakeSamples(links, thread, step, local);
            }
        }
    }
}
