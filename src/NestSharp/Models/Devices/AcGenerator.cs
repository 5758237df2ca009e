namespace NestSharp.Models.Devices;

/// <summary>
/// ac_generator: a sinusoidal current I(t) = offset + amplitude · sin(ω t + φ), ω = 2π·frequency/1000 (t in ms),
/// φ = phase·2π/360, sent to every target (scaled by the connection weight, after the connection delay).
/// <para>The oscillation is advanced exactly by a rotation: (y_0, y_1) = amplitude · (cos, sin)(ω t + φ) is set from
/// the time when a run is prepared and rotated by ω·h in every step (active or not); while active the generator sends
/// offset + y_1 of the step's end. Activity (start, stop, origin) as every current generator
/// (<see cref="CurrentGeneratorGroup{TNode}"/>).</para>
/// <para>Parameters: <c>amplitude</c> (pA), <c>offset</c> (pA), <c>frequency</c> (Hz), <c>phase</c> (degrees),
/// start, stop, origin (ms). State: y_0, y_1 (pA, read-only). Recordable: I.</para>
/// <para>Reference: Rotter S, Diesmann M (1999). Exact digital simulation of time-invariant linear systems with
/// applications to neuronal modeling. Biol Cybern 81:381-402. NEST model documentation, ac_generator.</para>
/// </summary>
[NodeModelName("ac_generator")]
internal sealed class AcGenerator(NodeModel model, int firstId, int count)
    : CurrentGeneratorGroup<AcGenerator.Node>(model, firstId, count, () => new Node())
{
    public override bool SupportsCheckpoint => true;

    internal sealed class Node : CurrentGeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Real("amplitude", n => n.Amplitude, (n, v) => n.Amplitude = v)
            .Real("offset", n => n.Offset, (n, v) => n.Offset = v)
            .Real("frequency", n => n.Frequency, (n, v) => n.Frequency = v)
            .Real("phase", n => n.Phase, (n, v) => n.Phase = v)
            .Oscillating(static n => ref n.Oscillation)
            .ReadOnly("recordables", _ => RecordableNames.ToArray());

        public double Amplitude, Offset, Frequency, Phase;

        /// <summary>The oscillator (y_0, y_1) = amplitude · (cos, sin)(ω t + φ), in pA.</summary>
        public Oscillation Oscillation = new();

        public override IDeviceKeys Keys => Declared;

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Oscillation.Reset();
        }
    }

    public override void Prepare(SimulationContext context)
    {
        foreach (var node in Nodes)
        {
            double omega = 2.0 * Math.PI * node.Frequency / 1000.0;
            double phi = node.Phase * 2.0 * Math.PI / 360.0;
            node.Oscillation.Start(context, node.Amplitude, omega, phi);
        }
    }

    protected override double Step(Node node, int local, SimulationContext context, int thread, long step, bool active)
    {
        double y1 = node.Oscillation.Rotate(thread);
        if (!active) return 0.0;
        double current = y1 + node.Offset;
        var ring = context.Ring;
        foreach (ref readonly var target in node.Targets.OfThread(thread))
            GeneratorDelivery.AddCurrent(ring, in target, step, current);
        return current;
    }
}
