namespace NestSharp.Models.Devices;

/// <summary>
/// mip_generator: correlated spike trains by the multiple interaction process (Kuhn et al. 2003). A parent Poisson
/// process of rate <c>rate</c> (spikes/s) is shared by all targets; each target receives each parent spike
/// independently with probability <c>p_copy</c>. Every child train is a Poisson process of rate p_copy·rate, and two
/// children have correlation coefficient p_copy.
/// <para>In each step (t, t + h] the parent has n ~ Poisson(rate·h) spikes, drawn from the generator's own keyed stream
/// (seed, generator) indexed by the step, so every thread sees the same parent; a target receives k ~ Binomial(n,
/// p_copy) of them as one event, drawn from its connection's keyed stream (seed, generator, target, connection)
/// indexed by the step. Trains do not depend on the number of threads. As in NEST, activity is tested once per
/// slice, at the slice's start: the generator sends in the slices whose start lies in (origin + start, origin + stop].</para>
/// <para>Parameters: <c>rate</c> (spikes/s, ≥ 0), <c>p_copy</c> (in [0, 1]), start, stop, origin (ms).</para>
/// <para>Reference: Kuhn A, Aertsen A, Rotter S (2003). Higher-order statistics of input ensembles and the response of
/// simple model neurons. Neural Computation 15:67-101. NEST model documentation, mip_generator.</para>
/// </summary>
[NodeModelName("mip_generator")]
internal sealed class MipGenerator(NodeModel model, int firstId, int count)
    : GeneratorGroup<MipGenerator.Node>(model, firstId, count, () => new Node())
{
    public override bool SupportsCheckpoint => true;

    private const ulong StreamSalt = 0x0319_9015;

    internal sealed class Node : GeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Real("rate", n => n.Rate, (n, v) => n.Rate = v)
            .Real("p_copy", n => n.PCopy, (n, v) => n.PCopy = v);

        public double Rate;
        public double PCopy = 1.0;
        public PoissonSampler? Parent;
        public ulong ParentKey;

        public override IDeviceKeys Keys => Declared;

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (!(Rate >= 0)) throw new BadPropertyException("rate", Rate, "Rate must be non-negative.");
            if (!(PCopy >= 0 && PCopy <= 1)) throw new BadPropertyException("p_copy", PCopy, "Copy probability must be in [0, 1].");
        }
    }

    public override void Prepare(SimulationContext context)
    {
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            GeneratorDelivery.AssignStreamKeys(node.Targets, context, StreamSalt, FirstId + local);
            node.ParentKey = RandomStream.Derive(GeneratorDelivery.GeneratorKey(context, StreamSalt, FirstId + local), ulong.MaxValue);
            node.Parent = double.IsFinite(node.Rate) ? new PoissonSampler(context.Time.Resolution * node.Rate * 1e-3) : null;
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        foreach (var node in Nodes)
        {
            var targets = node.Targets.OfThread(thread);
            if (targets.Length == 0 || node.Parent is not { Mean: > 0 } parent || !node.IsActive(context.Time, sliceStart)) continue;
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                var parentStream = new RandomStream(RandomStream.Derive(node.ParentKey, (ulong)step));
                long parentSpikes = (long)parent.Sample(ref parentStream);
                if (parentSpikes == 0) continue;
                foreach (ref readonly var target in targets)
                {
                    var stream = new RandomStream(RandomStream.Derive(target.StreamKey, (ulong)step));
                    long k = BinomialSampler.Sample(ref stream, parentSpikes, node.PCopy);
                    if (k != 0) GeneratorDelivery.AddSpikes(ring, in target, step, k);
                }
            }
        }
    }
}
