namespace NestSharp;

/// <summary>
/// A connection rule and its parameters, as NEST's conn_spec: <c>rule</c> with the rule's own parameters
/// (<c>indegree</c>, <c>outdegree</c>, <c>N</c>, <c>p</c>, ...), and <c>allow_autapses</c>, <c>allow_multapses</c>
/// (both true by default) and <c>make_symmetric</c> (false by default; only one_to_one supports it, and symmetric_pairwise_bernoulli requires it, as in NEST). Build one with <see cref="NestSharp.Rule"/> or from a dictionary
/// (<c>{"rule": "fixed_indegree", "indegree": 100}</c>); the rule checks its parameters when the spec is made.
/// </summary>
public sealed record ConnSpec
{
    private static readonly Dictionary<string, object> NoParameters = [];

    /// <summary>The rule's name (NEST's <c>rule</c>); all_to_all by default.</summary>
    public string Rule { get; init; } = "all_to_all";

    /// <summary>The rule's own parameters by NEST's names (such as <c>indegree</c> or <c>p</c>).</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; init; } = NoParameters;

    /// <summary>Whether a node may connect to itself (NEST's <c>allow_autapses</c>).</summary>
    public bool AllowAutapses { get; init; } = true;

    /// <summary>Whether a pair of nodes may be connected more than once (NEST's <c>allow_multapses</c>).</summary>
    public bool AllowMultapses { get; init; } = true;

    /// <summary>
    /// Whether every connection is made in both directions, with the same parameters (NEST's <c>make_symmetric</c>;
    /// one_to_one only, with parameters that are numbers or arrays, not random).
    /// </summary>
    public bool MakeSymmetric { get; init; }

    /// <summary>
    /// Refuses a parameter that is not among <paramref name="parameterKeys"/>, the rule's own (UnaccessedDictionaryEntry
    /// naming <paramref name="ruleKind"/>, the key and what is allowed).
    /// </summary>
    internal void CheckParameterKeys(string ruleKind, string[] parameterKeys)
    {
        foreach (var key in Parameters.Keys)
        {
            if (!parameterKeys.Contains(key))
                throw new UnaccessedDictionaryEntryException($"{ruleKind} '{Rule}'", key, ["rule", "allow_autapses", "allow_multapses", .. parameterKeys]);
        }
    }

    /// <summary>Reads a conn_spec dictionary; unknown keys and rules are errors that list what is allowed.</summary>
    public static ConnSpec FromDictionary(IReadOnlyDictionary<string, object> spec) => Parse(spec).Checked();

    /// <summary>
    /// Reads a conn_spec dictionary without looking up its rule (TripartiteConnect reads its two specifications so,
    /// and looks the rules up among the primary and the third-factor rules).
    /// </summary>
    internal static ConnSpec Parse(IReadOnlyDictionary<string, object> spec)
    {
        if (!spec.TryGetValue("rule", out var ruleValue))
            throw new BadPropertyException("rule", null, "a conn_spec dictionary needs a 'rule'");
        var result = new ConnSpec { Rule = StatusValue.ToStringValue("rule", ruleValue) };
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in spec)
        {
            switch (key)
            {
                case "rule": break;
                case "allow_autapses": result = result with { AllowAutapses = StatusValue.ToBool(key, value) }; break;
                case "allow_multapses": result = result with { AllowMultapses = StatusValue.ToBool(key, value) }; break;
                case "make_symmetric": result = result with { MakeSymmetric = StatusValue.ToBool(key, value) }; break;
                default: parameters[key] = value; break;
            }
        }
        return result with { Parameters = parameters };
    }

    /// <summary>This spec after its rule has checked it (unknown rule or parameter, missing or bad value).</summary>
    internal ConnSpec Checked()
    {
        Catalog.CreateRule(this);
        return this;
    }
}

/// <summary>Conn_specs of NEST's connection rules, e.g. <c>Rule.FixedIndegree(1000)</c>.</summary>
public static class Rule
{
    /// <summary>all_to_all: every source to every target.</summary>
    public static ConnSpec AllToAll(bool allowAutapses = true, bool allowMultapses = true) =>
        new ConnSpec { Rule = "all_to_all", AllowAutapses = allowAutapses, AllowMultapses = allowMultapses }.Checked();

    /// <summary>one_to_one: the i-th source to the i-th target (and back, with <paramref name="makeSymmetric"/>).</summary>
    public static ConnSpec OneToOne(bool makeSymmetric = false) => new ConnSpec { Rule = "one_to_one", MakeSymmetric = makeSymmetric }.Checked();

    /// <summary>fixed_indegree: each target draws <paramref name="indegree"/> sources.</summary>
    public static ConnSpec FixedIndegree(long indegree, bool allowAutapses = true, bool allowMultapses = true) =>
        With("fixed_indegree", "indegree", indegree, allowAutapses, allowMultapses);

    /// <summary>fixed_outdegree: each source draws <paramref name="outdegree"/> targets.</summary>
    public static ConnSpec FixedOutdegree(long outdegree, bool allowAutapses = true, bool allowMultapses = true) =>
        With("fixed_outdegree", "outdegree", outdegree, allowAutapses, allowMultapses);

    /// <summary>fixed_total_number: <paramref name="n"/> connections between randomly drawn pairs.</summary>
    public static ConnSpec FixedTotalNumber(long n, bool allowAutapses = true, bool allowMultapses = true) =>
        With("fixed_total_number", "N", n, allowAutapses, allowMultapses);

    /// <summary>pairwise_bernoulli: each pair connected with probability <paramref name="p"/>.</summary>
    public static ConnSpec PairwiseBernoulli(double p, bool allowAutapses = true, bool allowMultapses = true) =>
        With("pairwise_bernoulli", "p", p, allowAutapses, allowMultapses);

    /// <summary>
    /// pairwise_poisson: each pair connected a Poisson-distributed number of times with mean
    /// <paramref name="pairwiseAvgNumConns"/> (multapses are part of the rule).
    /// </summary>
    public static ConnSpec PairwisePoisson(double pairwiseAvgNumConns, bool allowAutapses = true) =>
        With("pairwise_poisson", "pairwise_avg_num_conns", pairwiseAvgNumConns, allowAutapses, true);

    /// <summary>
    /// third_factor_bernoulli_with_pool, the third-factor rule of TripartiteConnect (its third_factor_conn_spec): each
    /// primary connection gets a third-factor node with probability <paramref name="p"/>, drawn from the target's pool
    /// of <paramref name="poolSize"/> nodes (null: the whole third-factor population), a "random" or "block" pool
    /// (<paramref name="poolType"/>). The sizes are checked against the populations when connecting.
    /// </summary>
    public static ConnSpec ThirdFactorBernoulliWithPool(double p = 1.0, string poolType = "random", long? poolSize = null)
    {
        var parameters = new Dictionary<string, object> { ["p"] = p, ["pool_type"] = poolType };
        if (poolSize is { } size) parameters["pool_size"] = size;
        var spec = new ConnSpec { Rule = "third_factor_bernoulli_with_pool", Parameters = parameters };
        Catalog.CreateThirdFactorRule(spec).CheckParameters();
        return spec;
    }

    /// <summary>
    /// symmetric_pairwise_bernoulli: each target draws a binomial in-degree (probability <paramref name="p"/> per
    /// source) and every drawn pair is connected both ways (no autapses, multapses allowed, make_symmetric).
    /// </summary>
    public static ConnSpec SymmetricPairwiseBernoulli(double p) =>
        new ConnSpec
        {
            Rule = "symmetric_pairwise_bernoulli", Parameters = new Dictionary<string, object> { ["p"] = p },
            AllowAutapses = false, AllowMultapses = true, MakeSymmetric = true,
        }.Checked();

    private static ConnSpec With(string rule, string key, object value, bool allowAutapses, bool allowMultapses) =>
        new ConnSpec
        {
            Rule = rule, Parameters = new Dictionary<string, object> { [key] = value },
            AllowAutapses = allowAutapses, AllowMultapses = allowMultapses,
        }.Checked();
}
