namespace NestSharp.Connections.Rules;

/// <summary>all_to_all: every source to every target (without autapses if forbidden). Arrays are [target][source].</summary>
[ConnectionRuleName("all_to_all")]
internal sealed class AllToAllRule(ConnSpec spec) : ConnectionRule(spec), IDisconnectingRule
{
    public override ArrayShape? ArrayShape(RuleContext context) =>
        Connections.ArrayShape.TwoDimensional(context.Targets.Length, context.Sources.Length, "n_targets x n_sources");

    public override bool RequiresProxies => false;

    public override bool SymmetricOntoItself => true;

    public static List<(int Source, int Target)> DisconnectedPairs(int[] sources, int[] targets) =>
        [.. sources.SelectMany(source => targets.Select(target => (source, target)))];

    public override double PlannedConnections(RuleContext context) => (double)context.Sources.Length * context.Targets.Length;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        var sources = context.Sources;
        bool autapses = Spec.AllowAutapses;
        foreach (int t in context.TargetsOwnedBy(thread))
        {
            int target = context.Targets[t];
            for (int s = 0; s < sources.Length; s++)
            {
                if (!autapses && sources[s] == target) continue;
                sink.Add(s, t, target, s, (long)t * sources.Length + s);
            }
        }
    }
}
