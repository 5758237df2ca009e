namespace NestSharp.Models.Devices;

/// <summary>
/// noise_generator: a Gaussian white-noise current, piecewise constant over intervals of <c>dt</c>, drawn independently
/// for every target: I_k(t) = mean + sqrt(std² + y_1(t)·std_mod²) · ξ_k,n for t in the n-th interval, ξ standard
/// normal, y_1(t) = sin(ω t + φ), ω = 2π·frequency/1000, φ = phase·2π/360 (a modulation of the variance; without
/// std_mod the noise is stationary). Each target receives its current scaled by the connection weight, after the
/// connection delay.
/// <para>A new value is drawn in the first active step and then in the first active step at least dt after the last
/// draw; values persist while the generator is inactive and from one run to the next (they are drawn again when the
/// number of targets has changed). The oscillator (y_0, y_1) is set from the time when a run is prepared and rotated
/// by ω·h in every active step. Activity (start, stop, origin) as every current generator
/// (<see cref="CurrentGeneratorGroup{TNode}"/>). The recordable I is the mean of the currents sent to all targets in the
/// step (0 while inactive). The variance of the current a neuron integrates depends on dt: see NEST's documentation.</para>
/// <para>Each connection draws from its own keyed stream (seed, generator, target, connection) indexed by the step of
/// the draw, so the currents do not depend on the number of threads.</para>
/// <para>Parameters: <c>mean</c>, <c>std</c>, <c>std_mod</c> (pA; std ≥ 0, 0 ≤ std_mod ≤ std), <c>dt</c> (ms, a
/// multiple of the resolution), <c>frequency</c> (Hz), <c>phase</c> (degrees), start, stop, origin (ms). State: y_0,
/// y_1 (read-only). Recordable: I.</para>
/// <para>Reference: NEST model documentation, noise_generator.</para>
/// </summary>
[NodeModelName("noise_generator")]
internal sealed class NoiseGenerator(NodeModel model, int firstId, int count)
    : CurrentGeneratorGroup<NoiseGenerator.Node>(model, firstId, count, () => new Node())
{
    /// <summary>As NEST: its events may reach binary neurons as well as spiking ones.</summary>
    public override SignalType SendsSignal => SignalType.All;

    private const ulong StreamSalt = 0x0015_E6E7;

    public override bool SupportsCheckpoint => true;

    /// <summary>Each process keeps the amplitudes of its targets' connections (see <see cref="PerTargetCheckpoint"/>).</summary>
    public override bool SavesPerProcess => true;

    internal sealed class Node : CurrentGeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Real("mean", n => n.Mean, (n, v) => n.Mean = v)
            .Real("std", n => n.Std, (n, v) => n.Std = v)
            .Real("std_mod", n => n.StdMod, (n, v) => n.StdMod = v)
            .Custom("dt", n => n.Dt, (n, key, value, context) =>
            {
                double dt = StatusValue.ToDouble(key, value);
                if (double.IsNaN(dt) || IsInfiniteTime(dt, context.Time) || context.Time.MsToTics(dt) % context.Time.TicsPerStep != 0)
                    throw new StepMultipleRequiredException(key, dt, context.Time.Resolution);
                n.Dt = dt;
            })
            .Real("frequency", n => n.Frequency, (n, v) => n.Frequency = v)
            .Real("phase", n => n.Phase, (n, v) => n.Phase = v)
            .Oscillating(static n => ref n.Oscillation)
            .ReadOnly("recordables", _ => RecordableNames.ToArray());

        public double Mean, Std, StdMod, Dt = 1.0, Frequency, Phase;

        public long DtSteps;

        /// <summary>The oscillator (y_0, y_1) = (cos, sin)(ω t + φ) that modulates the variance.</summary>
        public Oscillation Oscillation = new();

        /// <summary>Per thread: the step of the next draw, the current of each of the thread's targets.</summary>
        public long[] NextDraw = [];
        public double[][] Amplitudes = [];

        /// <summary>The stream keys of all connections in canonical order (target, then ordinal): the sum of the mean.</summary>
        public ulong[] AllStreamKeys = [];

        /// <summary>The mean of the currents of the last draw over all targets (computed when sampled).</summary>
        public double MeanOfDraw;

        /// <summary>The number of targets the current values were drawn for.</summary>
        public int DrawnFor = -1;

        /// <summary>What a checkpoint restored (the step of the next draw, each connection's amplitude), until the next Prepare places it.</summary>
        public (long NextDraw, Dictionary<(int Target, int Ordinal), double> Amplitudes)? Restored;

        public override IDeviceKeys Keys => Declared;

        /// <summary>
        /// Writes the step of the next draw (the same on every thread: each advances it in every step), the mean the
        /// multimeter last saw and each connection's amplitude in force.
        /// </summary>
        public override void SaveRuntime(CheckpointWriter writer)
        {
            writer.Write(NextDraw.Length > 0 ? NextDraw.Max() : 0L);
            writer.Write(MeanOfDraw);
            PerTargetCheckpoint.Save(writer, Targets, t => t < Amplitudes.Length ? Amplitudes[t].Length : 0, (t, j) => writer.Write(Amplitudes[t][j]));
        }

        /// <summary>
        /// Reads what <see cref="SaveRuntime"/> wrote; read again from another MPI process's part, it adds that
        /// process's amplitudes (the step of the next draw is the same on every process, the mean the checkpoint's).
        /// </summary>
        public override void RestoreRuntime(CheckpointReader reader)
        {
            long nextDraw = reader.ReadLong();
            double meanOfDraw = reader.ReadDouble();
            var amplitudes = PerTargetCheckpoint.Read(reader, reader.ReadDouble, Restored?.Amplitudes);
            if (Restored is not null) return;
            MeanOfDraw = meanOfDraw;
            Restored = (nextDraw, amplitudes);
        }

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Oscillation.Reset();
            NextDraw = [];
            Amplitudes = [];
            DrawnFor = -1;
        }

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (Std < 0) throw new BadPropertyException("std", Std, "The standard deviation cannot be negative.");
            if (StdMod < 0) throw new BadPropertyException("std_mod", StdMod, "The standard deviation cannot be negative.");
            if (StdMod > Std)
                throw new BadPropertyException("std_mod", StdMod, $"The modulation amplitude must be smaller or equal to the baseline amplitude (std = {StatusValue.Format(Std)}).");
        }
    }

    public override void Prepare(SimulationContext context)
    {
        int vps = context.VirtualProcesses;
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            GeneratorDelivery.AssignStreamKeys(node.Targets, context, StreamSalt, FirstId + local);
            if (node.DrawnFor != node.Targets.Count || node.NextDraw.Length != vps)
            {
                node.DrawnFor = node.Targets.Count;
                node.NextDraw = new long[vps];
                node.Amplitudes = new double[vps][];
                for (int v = 0; v < vps; v++) node.Amplitudes[v] = new double[node.Targets.OfThread(v).Length];
            }
            if (node.Restored is { } restored)
            {
                Array.Fill(node.NextDraw, restored.NextDraw);
                PerTargetCheckpoint.Apply(restored.Amplitudes, node.Targets, (t, j, amplitude) => node.Amplitudes[t][j] = amplitude);
                node.Restored = null;
            }
            node.AllStreamKeys = [.. node.Targets.All().OrderBy(t => t.TargetId).ThenBy(t => t.Ordinal).Select(t => t.StreamKey)];
            node.DtSteps = context.Time.MsToTics(node.Dt) / context.Time.TicsPerStep;
            double omega = 2.0 * Math.PI * node.Frequency / 1000.0;
            double phi = node.Phase * 2.0 * Math.PI / 360.0;
            node.Oscillation.Start(context, 1.0, omega, phi);
        }
    }

    protected override double Step(Node node, int local, SimulationContext context, int thread, long step, bool active)
    {
        if (!active) return 0.0;
        if (node.StdMod != 0.0) node.Oscillation.Rotate(thread);
        var targets = node.Targets.OfThread(thread);
        double[] amplitudes = node.Amplitudes[thread];
        double sd = StandardDeviation(node, thread);
        if (step >= node.NextDraw[thread])
        {
            for (int j = 0; j < targets.Length; j++) amplitudes[j] = Draw(node.Mean, sd, targets[j].StreamKey, step);
            node.NextDraw[thread] = step + node.DtSteps;
            if (thread == 0 && Samplers.Length > 0) node.MeanOfDraw = MeanOverAllTargets(node, sd, step);
        }
        var ring = context.Ring;
        for (int j = 0; j < targets.Length; j++) GeneratorDelivery.AddCurrent(ring, in targets[j], step, amplitudes[j]);
        return node.MeanOfDraw;
    }

    private static double StandardDeviation(Node node, int thread) =>
        Math.Sqrt(node.Std * node.Std + node.Oscillation.Y1[thread] * node.StdMod * node.StdMod);

    private static double Draw(double mean, double sd, ulong streamKey, long step) =>
        mean + sd * new RandomStream(RandomStream.Derive(streamKey, (ulong)step)).NextNormal();

    /// <summary>
    /// NEST's recordable I: the mean of the currents drawn in <paramref name="step"/> for all targets (on every thread;
    /// the draws are keyed, so the owner thread can repeat them), summed in the order of the targets' ids.
    /// </summary>
    private static double MeanOverAllTargets(Node node, double sd, long step)
    {
        double sum = 0.0;
        foreach (ulong key in node.AllStreamKeys) sum += Draw(node.Mean, sd, key, step);
        return sum / Math.Max(1, node.AllStreamKeys.Length);
    }
}
