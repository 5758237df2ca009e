namespace NestSharp.Models.Devices;

/// <summary>
/// sinusoidal_gamma_generator: inhomogeneous gamma spike trains of order <c>order</c> (≥ 1) with the rate
/// <code>
/// λ(t) = rate + amplitude · sin(ω t + φ)   (spikes/s; ω = 2π·frequency/1000 with t in ms, φ = phase·π/180)
/// Λ(t) = order · ∫_{t_last}^{t} λ(s) ds     (time since the train's last spike, in units of its gamma process)
/// hazard per step = h · order · λ(t) · Λ^(order-1) · e^(-Λ) / Γ(order, Λ)
/// </code>
/// (Γ the upper incomplete gamma function), so that a constant rate gives renewal intervals Gamma(order,
/// 1/(order·rate)): mean 1/rate, coefficient of variation 1/√order; order 1 is a Poisson train. Each train keeps the
/// time t0 of its last spike or of the last change of parameters and the integral Λ up to t0; at each Prepare the
/// integral is carried to the present with the parameters in force before it (NEST's P_prev), so that parameters set
/// between runs act from then on. In each step (t, t + h] whose start lies in (origin + start, origin + stop] and whose
/// rate λ(t + h) is positive, a train spikes when a uniform draw falls below the hazard; then t0 = t + h and Λ = 0.
/// <para>With <c>individual_spike_trains</c> (the default) every connection has its own train, drawn from its keyed
/// stream (seed, generator, target, connection) indexed by the step, so the trains do not depend on the number of
/// threads or processes; targets connected between runs start their train then. Without, one train (from the
/// generator's keyed stream) goes to all targets as a neuron's spikes, so a spike recorder can record it.
/// <c>individual_spike_trains</c> can only be set on the model (SetDefaults, CopyModel).</para>
/// <para>Parameters: <c>rate</c>, <c>amplitude</c> (spikes/s, 0 ≤ amplitude ≤ rate), <c>frequency</c> (Hz),
/// <c>phase</c> (degrees), <c>order</c> (≥ 1), <c>individual_spike_trains</c>, start, stop, origin (ms). Recordable:
/// rate (spikes/s, λ at the end of every step, active or not).</para>
/// <para>References: Barbieri R et al. (2001) Construction and analysis of non-Poisson stimulus-response models of
/// neural spiking activity. J Neurosci Methods 105:25-37. NEST model documentation, sinusoidal_gamma_generator.</para>
/// </summary>
[NodeModelName("sinusoidal_gamma_generator")]
internal sealed class SinusoidalGammaGenerator(NodeModel model, int firstId, int count)
    : SinusoidalGeneratorGroup<SinusoidalGammaGenerator.Node>(model, firstId, count, () => new Node(), StreamSalt)
{
    private const ulong StreamSalt = 0x6A33_5195;

    public override bool SupportsCheckpoint => true;

    /// <summary>Each process keeps the trains of its targets' connections (see <see cref="PerTargetCheckpoint"/>).</summary>
    public override bool SavesPerProcess => true;

    /// <summary>The rate in NEST's internal units: ω (rad/ms), φ (rad), order, rate and amplitude (spikes/ms).</summary>
    internal readonly record struct RateParameters(double Omega, double Phi, double Order, double Rate, double Amplitude)
    {
        /// <summary>Λ gained from <paramref name="from"/> to <paramref name="to"/> (ms).</summary>
        public double IntegralBetween(double from, double to)
        {
            if (from == to) return 0.0;
            double integral = Order * Rate * (to - from);
            if (Math.Abs(Amplitude) > 0 && Math.Abs(Omega) > 0)
                integral += -Order * Amplitude / Omega * (Math.Cos(Omega * to + Phi) - Math.Cos(Omega * from + Phi));
            return integral;
        }

        /// <summary>λ at <paramref name="t"/> (spikes/ms).</summary>
        public double RateAt(double t) => Rate + Amplitude * Math.Sin(Omega * t + Phi);
    }

    /// <summary>One train: the time of its last spike or parameter change (ms), and Λ up to then.</summary>
    internal sealed class Train(double since, double integral)
    {
        public double Since = since, Integral = integral;
    }

    internal sealed class Node : SinusoidalGeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = SinusoidKeys<Node>()
            .Real("order", n => n.Order, (n, v) => n.Order = v)
            .Boolean("individual_spike_trains", n => n.IndividualSpikeTrains, (n, v) => n.IndividualSpikeTrains = v)
            .ReadOnly("recordables", _ => RecordableNames.ToArray());

        public double Order = 1.0;

        public RateParameters Current => new(Frequency * (2.0 * Math.PI / 1000.0), Phase * (Math.PI / 180.0), Order, Rate / 1000.0, Amplitude / 1000.0);

        /// <summary>The parameters in force before the last Prepare (NEST's P_prev); null before the first.</summary>
        public RateParameters? Previous;

        /// <summary>Per thread, per target (in the thread's connection order): the individual trains.</summary>
        public List<Train>[] Trains = [];

        /// <summary>The one train of all targets without individual trains (kept by the process with virtual process 0).</summary>
        public Train? Shared;

        /// <summary>What a checkpoint restored, until the next Prepare places it.</summary>
        public Dictionary<(int Target, int Ordinal), Train>? RestoredTrains;

        public override IDeviceKeys Keys => Declared;

        public override void SaveRuntime(CheckpointWriter writer)
        {
            writer.Write(Previous.HasValue);
            if (Previous is { } p)
            {
                writer.Write(p.Omega);
                writer.Write(p.Phi);
                writer.Write(p.Order);
                writer.Write(p.Rate);
                writer.Write(p.Amplitude);
            }
            writer.Write(Shared is not null);
            if (Shared is { } shared) WriteTrain(writer, shared);
            PerTargetCheckpoint.Save(writer, Targets, t => t < Trains.Length ? Trains[t].Count : 0, (t, j) => WriteTrain(writer, Trains[t][j]));
        }

        public override void RestoreRuntime(CheckpointReader reader)
        {
            if (reader.ReadBool()) Previous = new(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
            if (reader.ReadBool()) Shared = ReadTrain(reader);
            RestoredTrains = PerTargetCheckpoint.Read(reader, () => ReadTrain(reader), RestoredTrains);
        }

        private static void WriteTrain(CheckpointWriter writer, Train train)
        {
            writer.Write(train.Since);
            writer.Write(train.Integral);
        }

        private static Train ReadTrain(CheckpointReader reader) => new(reader.ReadDouble(), reader.ReadDouble());

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Previous = null;
            Trains = [];
            Shared = null;
            RestoredTrains = null;
        }

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (!(Order >= 1.0)) throw new BadPropertyException("order", Order, "The gamma order must be at least 1.");
            if (!(0.0 <= Amplitude && Amplitude <= Rate))
                throw new BadPropertyException("amplitude", Amplitude, $"Rate parameters must fulfill 0 <= amplitude <= rate (rate {Rate}).");
        }
    }

    protected override void Prepare(Node node, SimulationContext context)
    {
        double now = context.Time.StepToMs(context.PreparedAtStep);
        if (node.Trains.Length != context.VirtualProcesses)
            node.Trains = Enumerable.Range(0, context.VirtualProcesses).Select(_ => new List<Train>()).ToArray();
        for (int t = 0; t < context.VirtualProcesses; t++)
        {
            var trains = node.Trains[t];
            while (trains.Count < node.Targets.OfThread(t).Length) trains.Add(new Train(now, 0.0));
        }
        if (node.RestoredTrains is { } restored)
        {
            PerTargetCheckpoint.Apply(restored, node.Targets, (t, j, train) => node.Trains[t][j] = train);
            node.RestoredTrains = null;
        }
        if (context.Layout.IsLocal(0)) node.Shared ??= new Train(now, 0.0);

        // Λ up to now under the parameters in force until now; from here the current ones apply
        var previous = node.Previous ?? node.Current;
        foreach (var trains in node.Trains)
            foreach (var train in trains) CarryTo(train, previous, now);
        if (node.Shared is { } shared) CarryTo(shared, previous, now);
        node.Previous = node.Current;
    }

    private static void CarryTo(Train train, RateParameters parameters, double now)
    {
        train.Integral += parameters.IntegralBetween(train.Since, now);
        train.Since = now;
    }

    /// <summary>The probability that <paramref name="train"/> spikes in the step ending at <paramref name="t"/> (ms), rate λ = <paramref name="rate"/>.</summary>
    private static double Hazard(Train train, in RateParameters p, double t, double rate, double h)
    {
        double integral = train.Integral + p.IntegralBetween(train.Since, t);
        return h * p.Order * rate * Math.Pow(integral, p.Order - 1) * Math.Exp(-integral) / GammaFunctions.UpperIncomplete(p.Order, integral);
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var time = context.Time;
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            UpdateTrains(context, thread, sliceStart, from, to, local, new Trains(node, node.Current, node.Trains[thread], time));
        }
    }

    /// <summary>
    /// The rate at the end of each step; a train spikes (once) with the probability <see cref="Hazard"/>, and then starts
    /// again from that time with Λ = 0.
    /// </summary>
    private struct Trains(Node node, RateParameters p, List<Train> trains, TimeGrid time) : ISinusoidalTrains
    {
        private double _t;

        public double RateIn(long step)
        {
            _t = time.StepToMs(step + 1);
            return p.RateAt(_t);
        }

        public readonly ulong SharedSpikes(ref RandomStream stream, double rate) => Draw(node.Shared!, ref stream, rate);

        public readonly ulong TargetSpikes(int target, ref RandomStream stream, double rate) => Draw(trains[target], ref stream, rate);

        private readonly ulong Draw(Train train, ref RandomStream stream, double rate)
        {
            if (!(stream.NextDouble() < Hazard(train, p, _t, rate, time.Resolution))) return 0;
            train.Since = _t;
            train.Integral = 0.0;
            return 1;
        }
    }
}
