namespace NestSharp.Connections.Rules;

/// <summary>
/// fixed_indegree: each target draws <c>indegree</c> sources uniformly from the source collection (with replacement
/// unless multapses are forbidden; redrawing itself if autapses are forbidden). Arrays are [target][k].
/// </summary>
internal sealed class FixedIndegreeRule : ConnectionRule
{
    public override long? ArrayLength(RuleContext context) => context.Targets.Length * context.Spec.Indegree!.Value;

    public override void Check(RuleContext context)
    {
        long k = context.Spec.Indegree!.Value;
        int n = context.Sources.Length;
        if (k > 0 && n == 0) throw new BadParameterException("indegree", k, "the source collection is empty");
        if (!context.Spec.AllowMultapses)
        {
            bool overlap = !context.Spec.AllowAutapses && context.Sources.Intersect(context.Targets).Any();
            long available = overlap ? n - 1 : n;
            if (k > available)
                throw new BadParameterException("indegree", k, $"with allow_multapses false the indegree cannot exceed the number of possible sources ({available})");
        }
        else if (!context.Spec.AllowAutapses && k > 0 && n == 1 && context.Targets.Contains(context.Sources[0]))
            throw new BadParameterException("indegree", k, "the only source is the target itself and autapses are forbidden");
    }

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        int k = (int)context.Spec.Indegree!.Value;
        var sources = context.Sources;
        bool autapses = context.Spec.AllowAutapses, multapses = context.Spec.AllowMultapses;
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
