namespace NestSharp.Connections.Rules;

/// <summary>
/// fixed_outdegree: each source draws <c>outdegree</c> targets uniformly from the target collection (with replacement
/// unless multapses are forbidden; redrawing itself if autapses are forbidden). Every thread replays every source's
/// draws and keeps the targets it owns. Arrays are [source][k]. The outdegree may be a <see cref="Parameter"/>, drawn
/// per source (then arrays are not allowed).
/// </summary>
[ConnectionRuleName("fixed_outdegree")]
internal sealed class FixedOutdegreeRule : ConnectionRule
{
    private readonly NodeCount _outdegree;

    public FixedOutdegreeRule(ConnSpec spec) : base(spec, "outdegree") => _outdegree = new NodeCount(spec, "outdegree", "fixed_outdegree");

    public override ArrayShape? ArrayShape(RuleContext context) => _outdegree.IsConstant
        ? Connections.ArrayShape.TwoDimensional(context.Sources.Length, _outdegree.Constant, "n_sources x outdegree")
        : null;

    public override void Check(RuleContext context)
    {
        int n = context.Targets.Length;
        if (!_outdegree.IsConstant)
        {
            if (n == 0) throw new BadPropertyException("outdegree", _outdegree.Value, "the target collection is empty");
            var targets = context.Targets.ToHashSet();
            _outdegree.Draw(context, context.Sources, source =>
                Spec.AllowMultapses
                    ? (!Spec.AllowAutapses && n == 1 && targets.Contains(source) ? 0 : -1) // the only partner is itself
                    : n - (!Spec.AllowAutapses && targets.Contains(source) ? 1 : 0));
            return;
        }
        long k = _outdegree.Constant;
        if (k > 0 && n == 0) throw new BadPropertyException("outdegree", k, "the target collection is empty");
        if (!Spec.AllowMultapses)
        {
            bool overlap = !Spec.AllowAutapses && context.Sources.Intersect(context.Targets).Any();
            long available = overlap ? n - 1 : n;
            if (k > available)
                throw new BadPropertyException("outdegree", k, $"Outdegree cannot be larger than population size (with allow_multapses false there are {available} possible targets)");
        }
        else if (!Spec.AllowAutapses && k > 0 && n == 1 && context.Sources.Contains(context.Targets[0]))
        {
            throw new BadPropertyException("outdegree", k, "the only target is the source itself and autapses are forbidden");
        }
    }

    public override double PlannedConnections(RuleContext context) => _outdegree.Total(context.Sources.Length);

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        var targets = context.Targets;
        bool autapses = Spec.AllowAutapses, multapses = Spec.AllowMultapses;
        var chosen = multapses ? null : new HashSet<int>();
        for (int s = 0; s < context.Sources.Length; s++)
        {
            int source = context.Sources[s];
            var stream = context.StreamOf(source);
            int k = (int)_outdegree.Of(s);
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
