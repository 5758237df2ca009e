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
            .ReadOnly("y_0", n => n.Y0.Length > 0 ? n.Y0[0] : 0.0)
            .ReadOnly("y_1", n => n.Y1.Length > 0 ? n.Y1[0] : 0.0)
            .ReadOnly("recordables", _ => RecordableNames.ToArray());

        public double Amplitude, Offset, Frequency, Phase;

        /// <summary>The rotation of one step.</summary>
        public double A00, A01, A10, A11;

        /// <summary>Per thread: the oscillator (y_0, y_1); every thread's copy evolves identically.</summary>
        public double[] Y0 = [], Y1 = [];

        public override IDeviceKeys Keys => Declared;

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Y0 = [];
            Y1 = [];
        }
    }

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        double t = context.Time.StepToMs(context.PreparedAtStep);
        foreach (var node in Nodes)
        {
            double omega = 2.0 * Math.PI * node.Frequency / 1000.0;
            double phi = node.Phase * 2.0 * Math.PI / 360.0;
            node.Y0 = new double[context.VirtualProcesses];
            node.Y1 = new double[context.VirtualProcesses];
            Array.Fill(node.Y0, node.Amplitude * Math.Cos(omega * t + phi));
            Array.Fill(node.Y1, node.Amplitude * Math.Sin(omega * t + phi));
            node.A00 = Math.Cos(omega * h);
            node.A01 = -Math.Sin(omega * h);
            node.A10 = Math.Sin(omega * h);
            node.A11 = Math.Cos(omega * h);
        }
    }

    protected override double Step(Node node, int local, SimulationContext context, int thread, long step, bool active)
    {
        ref double y0 = ref node.Y0[thread];
        ref double y1 = ref node.Y1[thread];
        double previous = y0;
        y0 = node.A00 * previous + node.A01 * y1;
        y1 = node.A10 * previous + node.A11 * y1;
        if (!active) return 0.0;
        double current = y1 + node.Offset;
        var ring = context.Ring;
        foreach (ref readonly var target in node.Targets.OfThread(thread))
            GeneratorDelivery.AddCurrent(ring, in target, step, current);
        return current;
    }
}
