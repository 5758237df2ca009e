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
internal sealed class RuleContext(int[] sources, int[] targets, int[] targetOwner, ulong callKey)
{
    public int[] Sources { get; } = sources;
    public int[] Targets { get; } = targets;
    public int[] TargetOwner { get; } = targetOwner;
    public ulong CallKey { get; } = callKey;

    /// <summary>Where the sources and targets are, for a spatial Connect (null otherwise).</summary>
    public SpatialPositions? Positions { get; init; }

    /// <summary>Where the connection from source <paramref name="s"/> to target <paramref name="t"/> draws its parameters.</summary>
    public ParameterSite SiteOf(int s, int t) => Positions is null ? ParameterSite.None : Positions.Site(s, t);

    /// <summary>The random stream of one drawing unit (a target for in-degree rules, a source for out-degree rules).</summary>
    public RandomStream StreamOf(int unitId) => new(RandomStream.Derive(CallKey, (ulong)unitId));

    /// <summary>
    /// A second stream of target <paramref name="target"/>, keyed by <paramref name="tag"/>: what is drawn per pair
    /// besides the connection itself (a parameter p or mean, a spatial kernel) comes from it, so the target's own
    /// stream draws the same with or without it.
    /// </summary>
    public RandomStream SecondStreamOf(int target, ulong tag) => new(RandomStream.Derive(CallKey, tag, (ulong)target));

    /// <summary>The positions in <see cref="Targets"/> of the targets <paramref name="thread"/> owns, in order.</summary>
    public OwnedTargets TargetsOwnedBy(int thread) => new(TargetOwner, thread);

    /// <summary>The target positions one thread owns (a struct enumerator: <c>foreach</c> over it allocates nothing).</summary>
    public struct OwnedTargets(int[] owner, int thread)
    {
        private int _position = -1;

        public readonly OwnedTargets GetEnumerator() => this;

        public readonly int Current => _position;

        public bool MoveNext()
        {
            while (++_position < owner.Length)
            {
                if (owner[_position] == thread) return true;
            }
            return false;
        }
    }
}

/// <summary>
/// A connection rule whose connections NEST's Disconnect can remove by naming the rule (NEST's ConnBuilder::disconnect:
/// one_to_one and all_to_all); the catalog finds it by this interface. Disconnect by any other rule is NotImplemented.
/// </summary>
internal interface IDisconnectingRule
{
    /// <summary>The (source, target) pairs whose connections a Disconnect by the rule removes, in order; an error if there are none by it.</summary>
    static abstract List<(int Source, int Target)> DisconnectedPairs(int[] sources, int[] targets);
}

/// <summary>
/// A connection rule (NEST's ConnBuilder), made for one conn_spec by its constructor, which checks the rule's own
/// parameters. <see cref="Generate"/> emits, for one thread, exactly the connections whose target that thread owns, in
/// a fixed order; every random draw comes from a stream keyed by the Connect call and the drawing node, so the
/// connections do not depend on the number of threads, and a second call emits the same sequence. A rule class is
/// found by its <see cref="Kernel.ConnectionRuleNameAttribute"/>.
/// </summary>
internal abstract class ConnectionRule
{
    /// <param name="spec">The conn_spec.</param>
    /// <param name="parameterKeys">The rule's own parameters; any other key of the spec is an error.</param>
    protected ConnectionRule(ConnSpec spec, params string[] parameterKeys)
    {
        Spec = spec;
        spec.CheckParameterKeys("connection rule", parameterKeys);
    }

    public ConnSpec Spec { get; }

    public abstract void Generate(RuleContext context, int thread, ConnectionSink sink);

    /// <summary>How many connections a (source, target) pair of a pairwise rule gets.</summary>
    protected interface IPairConnections
    {
        /// <summary>
        /// The number for the pair of source position <paramref name="s"/> and target position <paramref name="t"/>,
        /// drawing from the target's <paramref name="stream"/> and its <paramref name="second"/> stream;
        /// <paramref name="forbiddenAutapse"/> when the pair is a node with itself and autapses are not allowed.
        /// </summary>
        ulong Of(int s, int t, bool forbiddenAutapse, ref RandomStream stream, ref RandomStream second);
    }

    /// <summary>
    /// The target-driven loop of the pairwise rules: for every target this thread owns, every source in order,
    /// connected as many times as <paramref name="pairs"/> says. The target's stream and its second stream keyed by
    /// <paramref name="secondTag"/> serve the draws, so the connections do not depend on the number of threads.
    /// </summary>
    protected void ConnectPairs<TPairs>(RuleContext context, int thread, ConnectionSink sink, ulong secondTag, TPairs pairs)
        where TPairs : struct, IPairConnections
    {
        var sources = context.Sources;
        bool autapses = Spec.AllowAutapses;
        foreach (int t in context.TargetsOwnedBy(thread))
        {
            int target = context.Targets[t];
            var stream = context.StreamOf(target);
            var second = context.SecondStreamOf(target, secondTag);
            int made = 0;
            for (int s = 0; s < sources.Length; s++)
            {
                ulong n = pairs.Of(s, t, !autapses && sources[s] == target, ref stream, ref second);
                for (; n > 0; n--) sink.Add(s, t, target, made++, -1);
            }
        }
    }

    /// <summary>The shape an array-valued synapse parameter must have (as PyNEST checks it), or null when arrays are not allowed.</summary>
    public abstract ArrayShape? ArrayShape(RuleContext context);

    /// <summary>Whether the rule can make every connection in both directions (conn_spec <c>make_symmetric</c>).</summary>
    public virtual bool SupportsSymmetric => false;

    /// <summary>Whether the rule connects only the i-th source to the i-th target (one_to_one), never other pairs.</summary>
    public virtual bool PairsByPosition => false;

    /// <summary>
    /// Whether the rule's connections are symmetric by themselves when the sources are the targets and every synapse
    /// parameter is a single value (NEST's is_symmetric, true for all_to_all), so that a synapse model that requires
    /// symmetric connections may be used without make_symmetric.
    /// </summary>
    public virtual bool SymmetricOntoItself => false;

    /// <summary>
    /// The rule that makes the reverse of every connection of this one when called with the sources and targets
    /// swapped (the second pass of make_symmetric): the rule itself where that swap alone does it, as for one_to_one.
    /// </summary>
    public virtual ConnectionRule Reversed => this;

    /// <summary>
    /// Whether the rule can only connect to nodes that have proxies, that is not to devices (NEST: every rule but
    /// one_to_one and all_to_all).
    /// </summary>
    public virtual bool RequiresProxies => true;

    /// <summary>Checks the rule against the collections before anything is created.</summary>
    public virtual void Check(RuleContext context) { }

    /// <summary>
    /// How many connections the rule makes between the collections, known before drawing any: exact for the
    /// fixed-number rules, an upper bound for all_to_all (autapses not subtracted), the expected number for
    /// pairwise_bernoulli. A double, so that the product of two large sizes cannot overflow.
    /// </summary>
    public abstract double PlannedConnections(RuleContext context);

    /// <summary>A whole-number parameter <paramref name="key"/> of <paramref name="spec"/> that <paramref name="rule"/> needs, at least 0.</summary>
    internal static long RequiredCount(ConnSpec spec, string key, string rule)
    {
        if (!spec.Parameters.TryGetValue(key, out var value))
            throw new BadPropertyException(key, null, $"{rule} needs a non-negative {key}");
        long count = StatusValue.ToLong(key, value);
        return count >= 0 ? count : throw new BadPropertyException(key, count, $"{rule} needs a non-negative {key}");
    }
}

/// <summary>
/// A rule whose connections are those of another rule from some of the sources only (a Connect call whose sources
/// need different kinds of connection, such as a poisson_generator and a spike_generator together): the inner rule is
/// replayed in full, so every connection, and every random draw, is the one the whole call makes.
/// </summary>
internal sealed class SourceFilteredRule(ConnectionRule inner, bool[] includeSource)
    : ConnectionRule(inner.Spec, [.. inner.Spec.Parameters.Keys])
{
    public override ArrayShape? ArrayShape(RuleContext context) => inner.ArrayShape(context);

    public override bool SupportsSymmetric => inner.SupportsSymmetric;

    public override bool RequiresProxies => inner.RequiresProxies;

    public override void Check(RuleContext context) => inner.Check(context);

    public override double PlannedConnections(RuleContext context) => inner.PlannedConnections(context);

    public override void Generate(RuleContext context, int thread, ConnectionSink sink) =>
        inner.Generate(context, thread, new FilteringSink(sink, includeSource));

    private sealed class FilteringSink(ConnectionSink sink, bool[] includeSource) : ConnectionSink
    {
        public override void Add(int sourceIndex, int targetIndex, int unitId, int ordinal, long arrayIndex)
        {
            if (includeSource[sourceIndex]) sink.Add(sourceIndex, targetIndex, unitId, ordinal, arrayIndex);
        }
    }
}
