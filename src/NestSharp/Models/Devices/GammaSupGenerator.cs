namespace NestSharp.Models.Devices;

/// <summary>
/// gamma_sup_generator: every target receives its own superposition of <c>n_proc</c> independent gamma processes of
/// integer shape <c>gamma_shape</c> and rate <c>rate</c> (spikes/s per component), simulated as in Deger et al. (2011):
/// each component process runs through gamma_shape phases, leaving a phase with probability
/// p = rate·gamma_shape·h per step, and spikes when it leaves the last. A target keeps the occupation of the phases
/// (the number of component processes in each) and in each step draws the number of transitions out of every phase,
/// Binomial(occupation, p) (or, for occupation ≥ 100 with p ≤ 0.01 or occupation ≥ 500 with p·occupation ≤ 0.1, a
/// Poisson(p·occupation) capped at the occupation, as NEST); the transitions out of the last phase are its spikes.
/// Initially the processes are spread evenly over the phases (the remainder in the last).
/// <para>It sends in the steps (t, t + h] with t in (origin + start, origin + stop]. The occupations persist from one
/// run to the next; targets connected later start from the initial occupation of the parameters at that time. Each
/// target draws from its connection's keyed stream (seed, generator, target, connection) indexed by the step, so
/// trains do not depend on the number of threads.</para>
/// <para>Parameters: <c>rate</c> (spikes/s, ≥ 0), <c>gamma_shape</c> (≥ 1), <c>n_proc</c> (≥ 1), start, stop,
/// origin (ms).</para>
/// <para>Reference: Deger M, Helias M, Boucsein C, Rotter S (2011). Statistical properties of superimposed stationary
/// spike trains. Journal of Computational Neuroscience 32(3):443-463. NEST model documentation, gamma_sup_generator.</para>
/// </summary>
[NodeModelName("gamma_sup_generator")]
internal sealed class GammaSupGenerator(NodeModel model, int firstId, int count)
    : GeneratorGroup<GammaSupGenerator.Node>(model, firstId, count, () => new Node())
{
    private const ulong StreamSalt = 0x6A33_9015;

    public override bool SupportsCheckpoint => true;

    /// <summary>Each process keeps the phase state of its targets' connections (see <see cref="PerTargetCheckpoint"/>).</summary>
    public override bool SavesPerProcess => true;

    internal sealed class Node : GeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Real("rate", n => n.Rate, (n, v) => n.Rate = v)
            .Integer("gamma_shape", n => n.GammaShape, (n, v) => n.GammaShape = v)
            .Integer("n_proc", n => n.NProc, (n, v) => n.NProc = v);

        public double Rate;
        public long GammaShape = 1, NProc = 1;
        public double TransitionProbability;

        /// <summary>Per thread, per target (in the thread's connection order): the occupation of each phase.</summary>
        public List<long[]>[] Occupations = [];

        /// <summary>The occupations a checkpoint restored, by target id and ordinal, until the next Prepare places them.</summary>
        public Dictionary<(int Target, int Ordinal), long[]>? RestoredOccupations;

        public override IDeviceKeys Keys => Declared;

        public override void SaveRuntime(CheckpointWriter writer) => PerTargetCheckpoint.Save(writer, Targets,
            t => t < Occupations.Length ? Occupations[t].Count : 0, (t, j) => writer.Write(Occupations[t][j]));

        public override void RestoreRuntime(CheckpointReader reader) => RestoredOccupations = PerTargetCheckpoint.Read(reader, reader.ReadLongs, RestoredOccupations);

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Occupations = [];
        }

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (GammaShape < 1) throw new BadPropertyException("gamma_shape", GammaShape, "The shape must be larger or equal 1");
            if (Rate < 0.0) throw new BadPropertyException("rate", Rate, "The rate must be larger than 0.");
            if (NProc < 1) throw new BadPropertyException("n_proc", NProc, "The number of component processes cannot be smaller than one");
        }
    }

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            GeneratorDelivery.AssignStreamKeys(node.Targets, context, StreamSalt, FirstId + local);
            node.TransitionProbability = node.Rate * node.GammaShape * h / 1000.0;
            if (node.Occupations.Length != context.VirtualProcesses)
                node.Occupations = Enumerable.Range(0, context.VirtualProcesses).Select(_ => new List<long[]>()).ToArray();
            long evenShare = node.NProc / node.GammaShape;
            for (int t = 0; t < context.VirtualProcesses; t++)
            {
                var states = node.Occupations[t];
                while (states.Count < node.Targets.OfThread(t).Length)
                {
                    var occupation = new long[node.GammaShape];
                    Array.Fill(occupation, evenShare);
                    occupation[^1] += node.NProc - evenShare * node.GammaShape;
                    states.Add(occupation);
                }
            }
            if (node.RestoredOccupations is { } restored)
            {
                PerTargetCheckpoint.Apply(restored, node.Targets, (t, j, occupation) => node.Occupations[t][j] = occupation);
                node.RestoredOccupations = null;
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
            var states = node.Occupations[thread];
            var (firstActive, lastActive) = node.ActiveSteps(context.Time);
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                if (step <= firstActive || step > lastActive) continue;
                for (int j = 0; j < targets.Length; j++)
                {
                    var stream = new RandomStream(RandomStream.Derive(targets[j].StreamKey, (ulong)step));
                    long spikes = Advance(states[j], node.TransitionProbability, ref stream);
                    if (spikes > 0) GeneratorDelivery.AddSpikes(ring, in targets[j], step, spikes);
                }
            }
        }
    }

    /// <summary>One step of a target's superposition: moves processes to the next phase; returns the spikes.</summary>
    private static long Advance(long[] occupation, double p, ref RandomStream stream)
    {
        int last = occupation.Length - 1;
        // All transitions are drawn from the occupations before the step, then applied (last phase back to the first).
        long leavingLast = Transitions(occupation[last], p, ref stream);
        long carried = leavingLast;
        for (int i = 0; i < last; i++)
        {
            long leaving = Transitions(occupation[i], p, ref stream);
            occupation[i] += carried - leaving;
            carried = leaving;
        }
        occupation[last] += carried - leavingLast;
        return leavingLast;
    }

    private static long Transitions(long occupied, double p, ref RandomStream stream)
    {
        if (occupied <= 0) return 0;
        if ((occupied >= 100 && p <= 0.01) || (occupied >= 500 && p * occupied <= 0.1))
            return Math.Min(occupied, (long)PoissonSampler.Sample(ref stream, p * occupied));
        return BinomialSampler.Sample(ref stream, occupied, p);
    }
}
