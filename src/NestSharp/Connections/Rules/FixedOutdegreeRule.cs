using NestSharp.Kernel;

namespace NestSharp.Connections.Rules;

/// <summary>
/// fixed_outdegree: each source draws <c>outdegree</c> targets uniformly from the target collection (with replacement
/// unless multapses are forbidden; redrawing itself if autapses are forbidden). Every thread replays every source's
/// draws and keeps the targets it owns. Arrays are [source][k].
/// </summary>
[ConnectionRuleName("fixed_outdegree")]
internal sealed class FixedOutdegreeRule : ConnectionRule
{
    private readonly long _outdegree;

    public FixedOutdegreeRule(ConnSpec spec) : base(spec, "outdegree") => _outdegree = RequiredCount("outdegree", "fixed_outdegree");

    public override ArrayShape? ArrayShape(RuleContext context) =>
        Connections.ArrayShape.TwoDimensional(context.Sources.Length, _outdegree, "n_sources x outdegree");

    public override void Check(RuleContext context)
    {
        long k = _outdegree;
        int n = context.Targets.Length;
        if (k > 0 && n == 0) throw new BadPropertyException("outdegree", k, "the target collection is empty");
        if (!Spec.AllowMultapses)
        {
            bool overlap = !Spec.AllowAutapses && context.Sources.Intersect(context.Targets).Any();
            long available = overlap ? n - 1 : n;
            if (k > available)
                throw new BadPropertyException("outdegree", k, $"with allow_multapses false the outdegree cannot exceed the number of possible targets ({available})");
        }
        else if (!Spec.AllowAutapses && k > 0 && n == 1 && context.Sources.Contains(context.Targets[0]))
        {
            throw new BadPropertyException("outdegree", k, "the only target is the source itself and autapses are forbidden");
        }
    }

    public override double PlannedConnections(RuleContext context) => (double)_outdegree * context.Sources.Length;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        int k = (int)_outdegree;
        var targets = context.Targets;
        bool autapses = Spec.AllowAutapses, multapses = Spec.AllowMultapses;
        var chosen = multapses ? null : new HashSet<int>();
        for (int s = 0; s < context.Sources.Length; s++)
        {
            int source = context.Sources[s];
            var stream = context.StreamOf(source);
            chosen?.Clear();
            for (int j = 0; j < k; j++)
            {
                int t;
                do t = (int)stream.NextBelow((ulong)targets.Length);
                while ((!autapses && targets[t] == source) || (chosen is not null && !chosen.Add(t)));
                if (context.TargetOwner[t] == thread) sink.Add(s, t, source, j, (long)s * k + j);
            }
        }
    }
}
