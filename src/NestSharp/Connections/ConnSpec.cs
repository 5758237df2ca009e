namespace NestSharp;

/// <summary>
/// A connection rule and its parameters, as NEST's conn_spec: <c>rule</c> with <c>indegree</c>, <c>outdegree</c>,
/// <c>N</c> or <c>p</c>, and <c>allow_autapses</c>, <c>allow_multapses</c> (both true by default).
/// Build one with <see cref="Rule"/> or from a dictionary (<c>{"rule": "fixed_indegree", "indegree": 100}</c>).
/// </summary>
public sealed record ConnSpec
{
    internal static readonly string[] RuleNames =
        ["all_to_all", "one_to_one", "fixed_indegree", "fixed_outdegree", "fixed_total_number", "pairwise_bernoulli"];

    public string Rule { get; init; } = "all_to_all";
    public long? Indegree { get; init; }
    public long? Outdegree { get; init; }
    public long? N { get; init; }
    public double? P { get; init; }
    public bool AllowAutapses { get; init; } = true;
    public bool AllowMultapses { get; init; } = true;

    /// <summary>Reads a conn_spec dictionary; unknown keys and rules are errors that list what is allowed.</summary>
    public static ConnSpec FromDictionary(IReadOnlyDictionary<string, object> spec)
    {
        if (!spec.TryGetValue("rule", out var ruleValue))
            throw new BadParameterException("rule", null, "a conn_spec dictionary needs a 'rule'");
        string rule = StatusValue.ToStringValue("rule", ruleValue);
        if (!RuleNames.Contains(rule))
            throw new BadParameterException("rule", rule, $"known rules are {string.Join(", ", RuleNames)}");
        string[] allowed = rule switch
        {
            "fixed_indegree" => ["indegree"],
            "fixed_outdegree" => ["outdegree"],
            "fixed_total_number" => ["N"],
            "pairwise_bernoulli" => ["p"],
            _ => [],
        };
        var result = new ConnSpec { Rule = rule };
        foreach (var (key, value) in spec)
        {
            switch (key)
            {
                case "rule": break;
                case "allow_autapses": result = result with { AllowAutapses = StatusValue.ToBool(key, value) }; break;
                case "allow_multapses": result = result with { AllowMultapses = StatusValue.ToBool(key, value) }; break;
                case "indegree" when allowed.Contains(key): result = result with { Indegree = StatusValue.ToLong(key, value) }; break;
                case "outdegree" when allowed.Contains(key): result = result with { Outdegree = StatusValue.ToLong(key, value) }; break;
                case "N" when allowed.Contains(key): result = result with { N = StatusValue.ToLong(key, value) }; break;
                case "p" when allowed.Contains(key): result = result with { P = StatusValue.ToDouble(key, value) }; break;
                default:
                    throw new UnknownParameterException($"connection rule '{rule}'", key, ["rule", "allow_autapses", "allow_multapses", .. allowed]);
            }
        }
        result.Validate();
        return result;
    }

    internal void Validate()
    {
        switch (Rule)
        {
            case "fixed_indegree":
                if (Indegree is not { } k || k < 0) throw new BadParameterException("indegree", Indegree, "fixed_indegree needs a non-negative indegree");
                break;
            case "fixed_outdegree":
                if (Outdegree is not { } m || m < 0) throw new BadParameterException("outdegree", Outdegree, "fixed_outdegree needs a non-negative outdegree");
                break;
            case "fixed_total_number":
                if (N is not { } n || n < 0) throw new BadParameterException("N", N, "fixed_total_number needs a non-negative N");
                break;
            case "pairwise_bernoulli":
                if (P is not { } p || !(p >= 0 && p <= 1)) throw new BadParameterException("p", P, "pairwise_bernoulli needs a probability 0 <= p <= 1");
                break;
            case "all_to_all" or "one_to_one":
                break;
            default:
                throw new BadParameterException("rule", Rule, $"known rules are {string.Join(", ", RuleNames)}");
        }
    }
}

/// <summary>Factory for the connection rules, e.g. <c>Rule.FixedIndegree(1000)</c>.</summary>
public static class Rule
{
    public static ConnSpec AllToAll(bool allowAutapses = true, bool allowMultapses = true) =>
        new() { Rule = "all_to_all", AllowAutapses = allowAutapses, AllowMultapses = allowMultapses };

    public static ConnSpec OneToOne() => new() { Rule = "one_to_one" };

    public static ConnSpec FixedIndegree(long indegree, bool allowAutapses = true, bool allowMultapses = true) =>
        Checked(new() { Rule = "fixed_indegree", Indegree = indegree, AllowAutapses = allowAutapses, AllowMultapses = allowMultapses });

    public static ConnSpec FixedOutdegree(long outdegree, bool allowAutapses = true, bool allowMultapses = true) =>
        Checked(new() { Rule = "fixed_outdegree", Outdegree = outdegree, AllowAutapses = allowAutapses, AllowMultapses = allowMultapses });

    public static ConnSpec FixedTotalNumber(long n, bool allowAutapses = true, bool allowMultapses = true) =>
        Checked(new() { Rule = "fixed_total_number", N = n, AllowAutapses = allowAutapses, AllowMultapses = allowMultapses });

    public static ConnSpec PairwiseBernoulli(double p, bool allowAutapses = true, bool allowMultapses = true) =>
        Checked(new() { Rule = "pairwise_bernoulli", P = p, AllowAutapses = allowAutapses, AllowMultapses = allowMultapses });

    private static ConnSpec Checked(ConnSpec spec)
    {
        spec.Validate();
        return spec;
    }
}
