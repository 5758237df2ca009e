namespace NestSharp.Connections.Rules;

/// <summary>one_to_one: the i-th source to the i-th target; both collections must have the same size.</summary>
[ConnectionRuleName("one_to_one")]
internal sealed class OneToOneRule(ConnSpec spec) : ConnectionRule(spec), IDisconnectingRule
{
    public override ArrayShape? ArrayShape(RuleContext context) => Connections.ArrayShape.OneDimensional(context.Targets.Length);

    public override bool SupportsSymmetric => true;

    public override bool RequiresProxies => false;

    public override bool PairsByPosition => true;

    public static List<(int Source, int Target)> DisconnectedPairs(int[] sources, int[] targets) =>
        sources.Length == targets.Length
            ? [.. sources.Zip(targets)]
            : throw new DimensionMismatchException($"Disconnect one_to_one: source and target collections must have the same size ({sources.Length} and {targets.Length}).");

    public override void Check(RuleContext context)
    {
        if (context.Sources.Length != context.Targets.Length)
        {
            throw new BadPropertyException("rule", "one_to_one",
                $"source and target collections must have the same size (got {context.Sources.Length} and {context.Targets.Length})");
        }
    }

    public override double PlannedConnections(RuleContext context) => context.Targets.Length;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        for (int i = 0; i < context.Targets.Length; i++)
        {
            if (context.TargetOwner[i] != thread) continue;
            if (!Spec.AllowAutapses && context.Sources[i] == context.Targets[i]) continue;
            sink.Add(i, i, context.Targets[i], 0, i);
        }
    }
}
