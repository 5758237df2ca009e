namespace NestSharp.Connections.Rules;

/// <summary>
/// Spatial fixed_indegree (NEST's ConnectionCreator::fixed_indegree_): every target draws <c>indegree</c> sources from
/// those inside the mask around it, uniformly, or with the probability <c>p</c> of each pair as weight (a discrete
/// distribution over the pool) when <c>p</c> is given; forbidden autapses and, without multapses, sources drawn before
/// are drawn again. A pool that cannot give the indegree is NEST's KernelException ("Not enough sources found inside
/// mask"). The indegree is a whole number or a parameter drawn per target. Draws come from the target's keyed stream.
/// </summary>
internal sealed class SpatialFixedIndegreeRule(ConnSpec spec, Mask? mask, Parameter? kernel, bool allowOversized, NodeCount indegree)
    : SpatialRule(spec, mask, kernel, allowOversized, "p", "mask", "indegree", "allow_oversized_mask")
{
    public override bool MaskAroundSource => false;

    public override void Check(RuleContext context) => indegree.Draw(context, context.Targets, _ => -1);

    public override double PlannedConnections(RuleContext context) => indegree.Total(context.Targets.Length);

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        var sources = context.Sources;
        var pool = new List<int>();
        var cumulative = new List<double>();
        var chosen = new HashSet<int>();
        foreach (int t in context.TargetsOwnedBy(thread))
        {
            int target = context.Targets[t];
            var stream = context.StreamOf(target);
            var kernelStream = context.SecondStreamOf(target, 0x5BA7_1A1);
            long k = indegree.Of(t);
            pool.Clear();
            cumulative.Clear();
            bool targetInPool = false;
            double total = 0;
            for (int s = 0; s < sources.Length; s++)
            {
                if (!InMask(s, t)) continue;
                pool.Add(s);
                targetInPool |= sources[s] == target;
                if (Kernel is not null) cumulative.Add(total += Math.Max(0.0, Probability(ref kernelStream, s, t)));
            }
            int usable = pool.Count - (!Spec.AllowAutapses && targetInPool ? 1 : 0);
            if (pool.Count == 0 || usable == 0 || (!Spec.AllowMultapses && usable < k) || (Kernel is not null && k > 0 && !(total > 0)))
                throw new KernelException($"Global target ID {target}: Not enough sources found inside mask");
            chosen.Clear();
            for (int j = 0; j < k;)
            {
                int pick = Kernel is null ? (int)stream.NextBelow((ulong)pool.Count) : Pick(cumulative, total * stream.NextDouble());
                int s = pool[pick];
                if (!Spec.AllowMultapses && chosen.Contains(pick)) continue;
                if (!Spec.AllowAutapses && sources[s] == target) continue;
                chosen.Add(pick);
                sink.Add(s, t, target, j, -1);
                j++;
            }
        }
    }

    /// <summary>The entry of a discrete distribution whose cumulative weight first exceeds <paramref name="u"/>.</summary>
    internal static int Pick(List<double> cumulative, double u)
    {
        int lo = 0, hi = cumulative.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        while (lo > 0 && cumulative[lo] == cumulative[lo - 1]) lo--; // never an entry of weight 0
        return lo;
    }
}
