namespace NestSharp.Connections.Rules;

/// <summary>
/// Spatial fixed_outdegree (NEST's ConnectionCreator::fixed_outdegree_): every source draws <c>outdegree</c> targets
/// from those inside the mask around it (measured in the target layer), uniformly or with the probability <c>p</c> of
/// each pair as weight (p measured in the source layer, weights and delays in the target layer, as NEST's); forbidden
/// autapses and, without multapses, targets drawn before are drawn again. A pool that cannot give the outdegree is
/// NEST's KernelException ("Not enough targets found"). Every thread replays each source's draws from the source's
/// keyed stream and keeps the connections of its own targets.
/// </summary>
internal sealed class SpatialFixedOutdegreeRule(ConnSpec spec, Mask? mask, Parameter? kernel, bool allowOversized, NodeCount outdegree)
    : SpatialRule(spec, mask, kernel, allowOversized, "p", "mask", "outdegree", "allow_oversized_mask")
{
    public override bool MaskAroundSource => true;

    /// <summary>NEST's fixed_outdegree_ measures p in the source layer (weights and delays in the target layer).</summary>
    protected override SpatialLayer KernelMetric => Positions.SourceLayer;

    public override void Check(RuleContext context) => outdegree.Draw(context, context.Sources, _ => -1);

    public override double PlannedConnections(RuleContext context) => outdegree.Total(context.Sources.Length);

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        var targets = context.Targets;
        var pool = new List<int>();
        var cumulative = new List<double>();
        var chosen = new HashSet<int>();
        for (int s = 0; s < context.Sources.Length; s++)
        {
            int source = context.Sources[s];
            var stream = context.StreamOf(source);
            var kernelStream = new RandomStream(RandomStream.Derive(context.CallKey, 0x5BA7_1A1, (ulong)source));
            long k = outdegree.Of(s);
            pool.Clear();
            cumulative.Clear();
            bool sourceInPool = false;
            double total = 0;
            for (int t = 0; t < targets.Length; t++)
            {
                if (!InMask(s, t)) continue;
                pool.Add(t);
                sourceInPool |= targets[t] == source;
                if (Kernel is not null) cumulative.Add(total += Math.Max(0.0, Probability(ref kernelStream, s, t)));
            }
            int usable = pool.Count - (!Spec.AllowAutapses && sourceInPool ? 1 : 0);
            if (pool.Count == 0 || usable == 0 || (!Spec.AllowMultapses && usable < k) || (Kernel is not null && k > 0 && !(total > 0)))
                throw new KernelException($"Global source ID {source}: Not enough targets found");
            chosen.Clear();
            for (int j = 0; j < k;)
            {
                int pick = Kernel is null ? (int)stream.NextBelow((ulong)pool.Count) : SpatialFixedIndegreeRule.Pick(cumulative, total * stream.NextDouble());
                int t = pool[pick];
                if (!Spec.AllowMultapses && chosen.Contains(pick)) continue;
                if (!Spec.AllowAutapses && targets[t] == source) continue;
                chosen.Add(pick);
                if (context.TargetOwner[t] == thread) sink.Add(s, t, source, j, -1);
                j++;
            }
        }
    }
}
