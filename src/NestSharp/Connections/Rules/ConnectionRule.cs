using NestSharp.Random;

namespace NestSharp.Connections.Rules;

/// <summary>Receives the connections a rule draws; positions refer to the source and target collections.</summary>
internal abstract class ConnectionSink
{
    /// <summary>
    /// One connection. <paramref name="unitId"/> and <paramref name="ordinal"/> identify it for per-connection random
    /// parameters (the unit is the node whose stream drew it); <paramref name="arrayIndex"/> picks its entry of an
    /// array-valued parameter.
    /// </summary>
    public abstract void Add(int sourceIndex, int targetIndex, int unitId, int ordinal, long arrayIndex);
}

/// <summary>What a rule needs: the node ids, which thread owns each target, and the key of this Connect call.</summary>
internal sealed class RuleContext(int[] sources, int[] targets, int[] targetOwner, ulong callKey, ConnSpec spec)
{
    public int[] Sources { get; } = sources;
    public int[] Targets { get; } = targets;
    public int[] TargetOwner { get; } = targetOwner;
    public ulong CallKey { get; } = callKey;
    public ConnSpec Spec { get; } = spec;

    /// <summary>The random stream of one drawing unit (a target for in-degree rules, a source for out-degree rules).</summary>
    public RandomStream StreamOf(int unitId) => new(RandomStream.Derive(CallKey, (ulong)unitId));
}

/// <summary>
/// A connection rule. <see cref="Generate"/> emits, for one thread, exactly the connections whose target that thread
/// owns, in a fixed order; every random draw comes from a stream keyed by the Connect call and the drawing node, so the
/// connections do not depend on the number of threads, and a second call emits the same sequence.
/// </summary>
internal abstract class ConnectionRule
{
    public abstract void Generate(RuleContext context, int thread, ConnectionSink sink);

    /// <summary>How many entries an array-valued parameter must have, or null when arrays are not allowed.</summary>
    public abstract long? ArrayLength(RuleContext context);

    /// <summary>Checks the rule against the collections before anything is created.</summary>
    public virtual void Check(RuleContext context) { }

    public static ConnectionRule For(ConnSpec spec) => spec.Rule switch
    {
        "all_to_all" => new AllToAllRule(),
        "one_to_one" => new OneToOneRule(),
        "fixed_indegree" => new FixedIndegreeRule(),
        "fixed_outdegree" => new FixedOutdegreeRule(),
        "fixed_total_number" => new FixedTotalNumberRule(),
        "pairwise_bernoulli" => new PairwiseBernoulliRule(),
        _ => throw new BadParameterException("rule", spec.Rule, $"known rules are {string.Join(", ", ConnSpec.RuleNames)}"),
    };
}
