namespace NestSharp.Connections.Rules;

/// <summary>
/// fixed_indegree: each target draws <c>indegree</c> sources uniformly from the source collection (with replacement
/// unless multapses are forbidden; redrawing itself if autapses are forbidden). Arrays are [target][k]. The indegree
/// may be a <see cref="Parameter"/>, drawn per target (then arrays are not allowed).
/// </summary>
[ConnectionRuleName("fixed_indegree")]
internal sealed class FixedIndegreeRule : ConnectionRule
{
    private readonly NodeCount _indegree;

    public FixedIndegreeRule(ConnSpec spec) : base(spec, "indegree") => _indegree = new NodeCount(spec, "indegree", "fixed_indegree");

    public override ArrayShape? ArrayShape(RuleContext context) => _indegree.IsConstant
        ? Connections.ArrayShape.TwoDimensional(context.Targets.Length, _indegree.Constant, "n_targets x indegree")
        : null;

    public override void Check(RuleContext context)
    {
        int n = context.Sources.Length;
        if (!_indegree.IsConstant)
        {
            if (n == 0) throw new BadPropertyException("indegree", _indegree.Value, "the source collection is empty");
            var sources = context.Sources.ToHashSet();
            _indegree.Draw(context, context.Targets, target =>
                Spec.AllowMultapses
                    ? (!Spec.AllowAutapses && n == 1 && sources.Contains(target) ? 0 : -1) // the only partner is itself
                    : n - (!Spec.AllowAutapses && sources.Contains(target) ? 1 : 0));
            return;
        }
        long k = _indegree.Constant;
        if (k > 0 && n == 0) throw new BadPropertyException("indegree", k, "the source collection is empty");
        if (!Spec.AllowMultapses)
        {
            bool overlap = !Spec.AllowAutapses && context.Sources.Intersect(context.Targets).Any();
            long available = overlap ? n - 1 : n;
            if (k > available)
                throw new BadPropertyException("indegree", k, $"Indegree cannot be larger than population size (with allow_multapses false there are {available} possible sources)");
        }
        else if (!Spec.AllowAutapses && k > 0 && n == 1 && context.Targets.Contains(context.Sources[0]))
        {
            throw new BadPropertyException("indegree", k, "the only source is the target itself and autapses are forbidden");
        }
    }

    public override double PlannedConnections(RuleContext context) => _indegree.Total(context.Targets.Length);

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        var sources = context.Sources;
        bool autapses = Spec.AllowAutapses, multapses = Spec.AllowMultapses;
        var chosen = multapses ? null : new HashSet<int>();
        foreach (int t in context.TargetsOwnedBy(thread))
        {
            int target = context.Targets[t];
            var stream = context.StreamOf(target);
            int k = (int)_indegree.Of(t);
            chosen?.Clear();
            for (int j = 0; j < k; j++)
            {
                int s;
                do s = (int)stream.NextBelow((ulong)sources.Length);
                while ((!autapses && sources[s] == target) || (chosen is not null && !chosen.Add(s)));
                sink.Add(s, t, target, j, (long)t * k + j);
            }
        }
    }
}
