namespace NestSharp.Connections.Rules;

/// <summary>
/// fixed_total_number: <c>N</c> connections between pairs drawn uniformly from sources × targets (without autapses or
/// repeated pairs when forbidden). One stream per Connect call draws all pairs; every thread replays it and keeps the
/// connections to targets it owns. Arrays have N entries.
/// </summary>
[ConnectionRuleName("fixed_total_number")]
internal sealed class FixedTotalNumberRule : ConnectionRule
{
    private readonly long _n;

    public FixedTotalNumberRule(ConnSpec spec) : base(spec, "N") => _n = RequiredCount(spec, "N", "fixed_total_number");

    public override ArrayShape? ArrayShape(RuleContext context) => Connections.ArrayShape.OneDimensional(_n);

    public override void Check(RuleContext context)
    {
        long n = _n;
        long pairs = (long)context.Sources.Length * context.Targets.Length;
        if (n > 0 && pairs == 0) throw new BadPropertyException("N", n, "the source or target collection is empty");
        if (!Spec.AllowMultapses)
        {
            long self = Spec.AllowAutapses ? 0 : context.Sources.Intersect(context.Targets).LongCount();
            if (n > pairs - self)
                throw new BadPropertyException("N", n, $"with allow_multapses false N cannot exceed the number of possible pairs ({pairs - self})");
        }
    }

    public override double PlannedConnections(RuleContext context) => _n;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        long n = _n;
        var sources = context.Sources;
        var targets = context.Targets;
        bool autapses = Spec.AllowAutapses, multapses = Spec.AllowMultapses;
        var stream = context.StreamOf(0);
        var pairs = multapses ? null : new HashSet<long>();
        for (long c = 0; c < n; c++)
        {
            int s, t;
            do
            {
                s = (int)stream.NextBelow((ulong)sources.Length);
                t = (int)stream.NextBelow((ulong)targets.Length);
            }
            while ((!autapses && sources[s] == targets[t]) || (pairs is not null && !pairs.Add(((long)s << 32) | (uint)t)));
            if (context.TargetOwner[t] == thread) sink.Add(s, t, 0, (int)c, c);
        }
    }
}
