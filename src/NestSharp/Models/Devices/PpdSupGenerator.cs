namespace NestSharp.Models.Devices;

/// <summary>
/// ppd_sup_generator: every target receives its own superposition of <c>n_proc</c> independent Poisson processes with
/// dead time <c>dead_time</c> (ms) and rate <c>rate</c> (spikes/s per component), simulated by age distribution as in
/// Deger et al. (2011). A component is either active (it may spike) or refractory for dead_time after a spike; an
/// active one spikes in a step with probability (hazard) h / (1000/rate - dead_time), optionally modulated as
/// hazard · (1 + relative_amplitude · sin(2π·frequency/1000 · t)). Each step a target draws the number of spikes of its
/// active components, Binomial(active, hazard) (or, for active ≥ 100 with hazard ≤ 0.01 or active ≥ 500 with
/// hazard·active ≤ 0.1, a Poisson(hazard·active) capped at active, as NEST); these become refractory for
/// floor(dead_time / h) steps, and those whose dead time ends become active again. Initially floor(rate·n_proc·h/1000)
/// components are in each refractory age bin and the rest active.
/// <para>It sends in the steps (t, t + h] with t in (origin + start, origin + stop]. The age distributions persist
/// from one run to the next; targets connected later start from the initial distribution of the parameters at that
/// time. Each target draws from its connection's keyed stream (seed, generator, target, connection) indexed by the
/// step, so trains do not depend on the number of threads.</para>
/// <para>Parameters: <c>rate</c> (spikes/s; 1000/rate &gt; dead_time), <c>dead_time</c> (ms, ≥ 0), <c>n_proc</c>
/// (≥ 1), <c>frequency</c> (Hz), <c>relative_amplitude</c> (in [0, 1]), start, stop, origin (ms).</para>
/// <para>Reference: Deger M, Helias M, Boucsein C, Rotter S (2011). Statistical properties of superimposed stationary
/// spike trains. Journal of Computational Neuroscience 32(3):443-463. NEST model documentation, ppd_sup_generator.</para>
/// </summary>
[NodeModelName("ppd_sup_generator")]
internal sealed class PpdSupGenerator(NodeModel model, int firstId, int count)
    : GeneratorGroup<PpdSupGenerator.Node>(model, firstId, count, () => new Node())
{
    private const ulong StreamSalt = 0x00DD_9015;

    public override bool SupportsCheckpoint => true;

    /// <summary>Each process keeps the age distributions of its targets' connections (see <see cref="PerTargetCheckpoint"/>).</summary>
    public override bool SavesPerProcess => true;

    /// <summary>One target's components: how many are active, and the refractory ones by age (a ring).</summary>
    internal sealed class AgeDistribution(long active, long[] refractory)
    {
        public long Active = active;
        public readonly long[] Refractory = refractory;
        public int Next;
    }

    internal sealed class Node : GeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Real("rate", n => n.Rate, (n, v) => n.Rate = v)
            .Real("dead_time", n => n.DeadTime, (n, v) => n.DeadTime = v)
            .Integer("n_proc", n => n.NProc, (n, v) => n.NProc = v)
            .Real("frequency", n => n.Frequency, (n, v) => n.Frequency = v)
            .Real("relative_amplitude", n => n.RelativeAmplitude, (n, v) => n.RelativeAmplitude = v);

        public double Rate, DeadTime, Frequency, RelativeAmplitude;
        public long NProc = 1;
        public double Hazard, Omega;

        /// <summary>Per thread, per target (in the thread's connection order).</summary>
        public List<AgeDistribution>[] Ages = [];

        /// <summary>The age distributions a checkpoint restored, by target id and ordinal, until the next Prepare places them.</summary>
        public Dictionary<(int Target, int Ordinal), AgeDistribution>? RestoredAges;

        public override IDeviceKeys Keys => Declared;

        public override void SaveRuntime(CheckpointWriter writer) => PerTargetCheckpoint.Save(writer, Targets,
            t => t < Ages.Length ? Ages[t].Count : 0, (t, j) =>
            {
                var ages = Ages[t][j];
                writer.Write(ages.Active);
                writer.Write(ages.Refractory);
                writer.Write(ages.Next);
            });

        public override void RestoreRuntime(CheckpointReader reader) => RestoredAges = PerTargetCheckpoint.Read(reader, () =>
        {
            long active = reader.ReadLong();
            var ages = new AgeDistribution(active, reader.ReadLongs()) { Next = reader.ReadInt() };
            if (ages.Next < 0 || (ages.Next > 0 && ages.Next >= ages.Refractory.Length)) throw reader.Bad("a ppd_sup_generator's age distribution points past its bins");
            return ages;
        }, RestoredAges);

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Ages = [];
        }

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (DeadTime < 0) throw new BadPropertyException("dead_time", DeadTime, "The dead time cannot be negative.");
            if (1000.0 / Rate <= DeadTime)
                throw new BadPropertyException("rate", Rate, $"The inverse rate has to be larger than the dead time ({StatusValue.Format(DeadTime)} ms).");
            if (NProc < 1) throw new BadPropertyException("n_proc", NProc, "The number of component processes cannot be smaller than one");
            if (RelativeAmplitude > 1.0 || RelativeAmplitude < 0.0)
                throw new BadPropertyException("relative_amplitude", RelativeAmplitude, "The relative amplitude of the rate modulation must be in [0,1].");
        }
    }

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            GeneratorDelivery.AssignStreamKeys(node.Targets, context, StreamSalt, FirstId + local);
            node.Omega = 2.0 * Math.PI * node.Frequency / 1000.0;
            node.Hazard = 1.0 / (1000.0 / node.Rate - node.DeadTime) * h;
            if (node.Ages.Length != context.VirtualProcesses)
                node.Ages = Enumerable.Range(0, context.VirtualProcesses).Select(_ => new List<AgeDistribution>()).ToArray();
            long bins = (long)(node.DeadTime / h);
            long perBin = (long)(node.Rate / 1000.0 * node.NProc * h);
            for (int t = 0; t < context.VirtualProcesses; t++)
            {
                var ages = node.Ages[t];
                while (ages.Count < node.Targets.OfThread(t).Length)
                {
                    var refractory = new long[bins];
                    Array.Fill(refractory, perBin);
                    ages.Add(new AgeDistribution(node.NProc - perBin * bins, refractory));
                }
            }
            if (node.RestoredAges is { } restored)
            {
                PerTargetCheckpoint.Apply(restored, node.Targets, (t, j, ages) => node.Ages[t][j] = ages);
                node.RestoredAges = null;
            }
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        foreach (var node in Nodes)
        {
            var targets = node.Targets.OfThread(thread);
            if (node.Rate <= 0 || targets.Length == 0) continue;
            var ages = node.Ages[thread];
            var (firstActive, lastActive) = node.ActiveSteps(context.Time);
            bool modulated = node.RelativeAmplitude > 0.0 && node.Frequency != 0.0;
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                if (step <= firstActive || step > lastActive) continue;
                double hazard = modulated
                    ? node.Hazard * (1.0 + node.RelativeAmplitude * Math.Sin(node.Omega * context.Time.StepToMs(step)))
                    : node.Hazard;
                for (int j = 0; j < targets.Length; j++)
                {
                    var stream = new RandomStream(RandomStream.Derive(targets[j].StreamKey, (ulong)step));
                    long spikes = Advance(ages[j], hazard, ref stream);
                    if (spikes > 0) GeneratorDelivery.AddSpikes(ring, in targets[j], step, spikes);
                }
            }
        }
    }

    /// <summary>One step of a target's superposition: draws the spikes of the active components and ages the rest.</summary>
    private static long Advance(AgeDistribution ages, double hazard, ref RandomStream stream)
    {
        long spikes = 0;
        long active = ages.Active;
        if (active > 0)
        {
            spikes = (active >= 100 && hazard <= 0.01) || (active >= 500 && hazard * active <= 0.1)
                ? Math.Min(active, (long)PoissonSampler.Sample(ref stream, hazard * active))
                : BinomialSampler.Sample(ref stream, active, hazard);
        }
        var refractory = ages.Refractory;
        if (refractory.Length > 0)
        {
            ages.Active += refractory[ages.Next] - spikes;
            refractory[ages.Next] = spikes;
            ages.Next = (ages.Next + 1) % refractory.Length;
        }
        return spikes;
    }
}
