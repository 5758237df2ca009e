namespace NestSharp.Connections.Rules;

/// <summary>
/// How many connections a degree rule makes per drawing node (fixed_indegree's indegree per target, fixed_outdegree's
/// outdegree per source): a whole number for every node, or a <see cref="Parameter"/> drawn once per node from the
/// node's keyed stream and rounded to the nearest whole number, as NEST rounds it.
/// </summary>
internal sealed class NodeCount
{
    private readonly string _key, _rule;
    private readonly long _constant;
    private readonly Parameter? _parameter;
    private long[] _perNode = [];

    /// <summary>The count <paramref name="key"/> of <paramref name="rule"/> from the conn_spec: required, not negative.</summary>
    public NodeCount(ConnSpec spec, string key, string rule)
    {
        _key = key;
        _rule = rule;
        if (spec.Parameters.TryGetValue(key, out var value) && value is Parameter parameter)
            _parameter = parameter;
        else
            _constant = ConnectionRule.RequiredCount(spec, key, rule);
    }

    /// <summary>Whether every node has the same count (<see cref="Constant"/>).</summary>
    public bool IsConstant => _parameter is null;

    public long Constant => _constant;

    /// <summary>The conn_spec's value: the number or the parameter.</summary>
    public object Value => (object?)_parameter ?? _constant;

    /// <summary>
    /// Draws the count of every node of <paramref name="units"/> (a no-op for a constant count) and checks each
    /// against <paramref name="available"/> (the most a node can have, or -1 for no limit).
    /// </summary>
    public void Draw(RuleContext context, int[] units, Func<int, long> available)
    {
        if (_parameter is null) return;
        _perNode = new long[units.Length];
        for (int u = 0; u < units.Length; u++)
        {
            var stream = new RandomStream(RandomStream.Derive(context.CallKey, 0xDE_6EEE, (ulong)units[u]));
            double drawn = Math.Round(_parameter.Draw(ref stream), MidpointRounding.AwayFromZero);
            if (!(drawn >= 0))
                throw new BadPropertyException(_key, drawn, $"{_rule} needs a non-negative {_key}; the parameter gave it for node {units[u]}");
            long limit = available(units[u]);
            if (limit >= 0 && drawn > limit)
            {
                throw new BadPropertyException(_key, drawn,
                    $"the {_key} of node {units[u]} cannot exceed the number of partners it may connect to with the allow_multapses and allow_autapses given ({limit})");
            }
            _perNode[u] = (long)drawn;
        }
    }

    /// <summary>The count of the node at position <paramref name="unit"/> (after <see cref="Draw"/>).</summary>
    public long Of(int unit) => _parameter is null ? _constant : _perNode[unit];

    /// <summary>The sum of the counts of <paramref name="units"/> nodes.</summary>
    public double Total(int units)
    {
        if (_parameter is null) return (double)_constant * units;
        double total = 0;
        foreach (long k in _perNode) total += k;
        return total;
    }
}
