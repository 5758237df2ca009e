using NestSharp.Kernel;

namespace NestSharp.Connections.Rules;

/// <summary>
/// fixed_indegree: each target draws <c>indegree</c> sources uniformly from the source collection (with replacement
/// unless multapses are forbidden; redrawing itself if autapses are forbidden). Arrays are [target][k].
/// </summary>
[ConnectionRuleName("fixed_indegree")]
internal sealed class FixedIndegreeRule : ConnectionRule
{
    private readonly long _indegree;

    public FixedIndegreeRule(ConnSpec spec) : base(spec, "indegree") => _indegree = RequiredCount("indegree", "fixed_indegree");

    public override ArrayShape? ArrayShape(RuleContext context) =>
        Connections.ArrayShape.TwoDimensional(context.Targets.Length, _indegree, "n_targets x indegree");

    public override void Check(RuleContext context)
    {
        long k = _indegree;
        int n = context.Sources.Length;
        if (k > 0 && n == 0) throw new BadPropertyException("indegree", k, "the source collection is empty");
        if (!Spec.AllowMultapses)
        {
            bool overlap = !Spec.AllowAutapses && context.Sources.Intersect(context.Targets).Any();
            long available = overlap ? n - 1 : n;
            if (k > available)
                throw new BadPropertyException("indegree", k, $"with allow_multapses false the indegree cannot exceed the number of possible sources ({available})");
        }
        else if (!Spec.AllowAutapses && k > 0 && n == 1 && context.Targets.Contains(context.Sources[0]))
        {
            throw new BadPropertyException("indegree", k, "the only source is the target itself and autapses are forbidden");
        }
    }

    public override double PlannedConnections(RuleContext context) => (double)_indegree * context.Targets.Length;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        int k = (int)_indegree;
        var sources = context.Sources;
        bool autapses = Spec.AllowAutapses, multapses = Spec.AllowMultapses;
        var chosen = multapses ? null : new HashSet<int>();
        for (int t = 0; t < context.Targets.Length; t++)
        {
            if (context.TargetOwner[t] != thread) continue;
            int target = context.Targets[t];
            var stream = context.StreamOf(target);
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
