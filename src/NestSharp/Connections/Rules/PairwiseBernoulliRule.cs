namespace NestSharp.Connections.Rules;

/// <summary>
/// pairwise_bernoulli: each (source, target) pair is connected with probability <c>p</c>, independently; each target's
/// stream makes one draw per source. Array-valued parameters are not allowed (the number of connections is random).
/// </summary>
internal sealed class PairwiseBernoulliRule : ConnectionRule
{
    public override long? ArrayLength(RuleContext context) => null;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        double p = context.Spec.P!.Value;
        var sources = context.Sources;
        bool autapses = context.Spec.AllowAutapses;
        for (int t = 0; t < context.Targets.Length; t++)
        {
            if (context.TargetOwner[t] != thread) continue;
            int target = context.Targets[t];
            var stream = context.StreamOf(target);
            int made = 0;
            for (int s = 0; s < sources.Length; s++)
            {
                bool draw = stream.NextDouble() < p;
                if (!draw || (!autapses && sources[s] == target)) continue;
                sink.Add(s, t, target, made++, -1);
            }
        }
    }
}
