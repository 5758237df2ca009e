namespace NestSharp;

/// <summary>TripartiteConnect: connections with a third factor (PyNEST's <c>nest.TripartiteConnect</c>).</summary>
public sealed partial class Simulator
{
    /// <summary>The keys of TripartiteConnect's syn_specs: the projections pre → post, pre → third and third → post.</summary>
    private static readonly string[] TripartiteParts = ["primary", "third_in", "third_out"];

    /// <summary>
    /// Connects <paramref name="pre"/> to <paramref name="post"/> by the primary rule <paramref name="conn"/> (a
    /// <see cref="ConnSpec"/> or a conn_spec dictionary with a bipartite rule: one_to_one, all_to_all, fixed_indegree,
    /// fixed_outdegree, fixed_total_number, pairwise_bernoulli, pairwise_poisson; make_symmetric is not allowed) and
    /// gives primary connections a third-factor node of <paramref name="third"/> by the third-factor rule
    /// <paramref name="thirdFactorConn"/> (a ConnSpec such as <see cref="Rule.ThirdFactorBernoulliWithPool"/> or a
    /// dictionary, e.g. <c>{"rule": "third_factor_bernoulli_with_pool", "p": 1.0, "pool_type": "block", "pool_size": 1}</c>).
    /// Each such primary connection source → target brings the connections source → third node ("third_in") and
    /// third node → target ("third_out"). <paramref name="synSpecs"/> may give, under "primary", "third_in" and
    /// "third_out", a synapse model name, a <see cref="SynSpec"/>, a syn_spec dictionary or
    /// <see cref="CollocatedSynapses"/> (static_synapse for a part not given); their values are numbers or random
    /// parameters, not arrays. All three projections are checked and built before any is stored.
    /// </summary>
    public void TripartiteConnect(NodeCollection pre, NodeCollection post, NodeCollection third, object conn, object thirdFactorConn,
        IReadOnlyDictionary<string, object>? synSpecs = null)
    {
        CheckCollection(pre);
        CheckCollection(post);
        CheckCollection(third);
        EnsureNotPrepared("TripartiteConnect");
        var spec = TripartiteConnSpec(conn, "conn_spec", "the connection specification must contain a connection rule");
        var thirdSpec = TripartiteConnSpec(thirdFactorConn, "third_factor_conn_spec", "the third-factor connection specification must contain a connection rule");
        foreach (var key in synSpecs?.Keys ?? [])
        {
            if (!TripartiteParts.Contains(key))
                throw new UnaccessedDictionaryEntryException("syn_specs of TripartiteConnect", key, TripartiteParts);
        }
        var parts = Array.ConvertAll(TripartiteParts, part => TripartiteSynSpecs(synSpecs?.GetValueOrDefault(part), part));
        _kernel.Connections.ConnectTripartite(pre.IdArray, post.IdArray, third.IdArray, spec, thirdSpec, parts[0], parts[1], parts[2]);
    }

    /// <summary>A conn_spec of TripartiteConnect, its rule not yet looked up (the manager looks it up among its kind of rules).</summary>
    private static ConnSpec TripartiteConnSpec(object? value, string name, string needsRule) => value switch
    {
        ConnSpec c => c,
        IReadOnlyDictionary<string, object> d when !d.ContainsKey("rule") => throw new BadPropertyException("rule", null, needsRule),
        IReadOnlyDictionary<string, object> d => ConnSpec.Parse(d),
        _ => throw new TypeMismatchException(name, value, "a ConnSpec or a dictionary with a 'rule'"),
    };

    /// <summary>The synapse specifications of one part of a tripartite connection; arrays of values are refused, as in PyNEST.</summary>
    private static SynSpec[] TripartiteSynSpecs(object? value, string part)
    {
        SynSpec[] specs = value switch
        {
            null => [new SynSpec()],
            CollocatedSynapses collocated => [.. collocated.Specs],
            _ => [SynSpecOf(value)],
        };
        foreach (var spec in specs)
        {
            IEnumerable<KeyValuePair<string, object?>> entries =
            [
                new("weight", spec.Weight), new("delay", spec.Delay), new("receptor_type", spec.ReceptorType),
                .. spec.Other.Select(e => new KeyValuePair<string, object?>(e.Key, e.Value)),
            ];
            foreach (var (key, entry) in entries)
            {
                if (entry is System.Collections.IEnumerable and not string)
                    throw new BadParameterException($"syn_specs[{part}][{key}]", entry, "a number or a random parameter: tripartite connections do not accept parameter lists");
            }
        }
        return specs;
    }
}
