namespace NestSharp;

// PyNEST's nest.Connect between layers: a conn_spec or syn_spec that needs the spatial path goes to ConnectLayers.
public sealed partial class Simulator
{
    private static readonly string[] SpatialSynKeys = ["weight", "delay", "synapse_model", "synapse_label", "receptor_type"];

    /// <summary>
    /// Whether a Connect call must take the spatial path (PyNEST's <c>_connect_layers_needed</c>): a spatial parameter
    /// anywhere in the conn_spec or a syn_spec, a <c>mask</c>, <c>use_on_source</c>, <c>p</c> with a rule other than
    /// pairwise_bernoulli, or <c>pairwise_avg_num_conns</c> with a rule other than pairwise_poisson.
    /// </summary>
    internal static bool NeedsConnectLayers(IReadOnlyDictionary<string, object> conn, IEnumerable<object?> syns)
    {
        foreach (var value in conn.Values)
        {
            if (value is Parameter { IsSpatial: true }) return true;
        }
        string rule = conn.TryGetValue("rule", out var r) && r is string name ? name : "all_to_all";
        if (conn.ContainsKey("mask") || conn.ContainsKey("use_on_source")) return true;
        if (conn.ContainsKey("p") && !rule.Contains("pairwise_bernoulli", StringComparison.Ordinal)) return true;
        if (conn.ContainsKey("pairwise_avg_num_conns") && !rule.Contains("pairwise_poisson", StringComparison.Ordinal)) return true;
        foreach (var syn in syns)
        {
            switch (syn)
            {
                case IReadOnlyDictionary<string, object> d:
                    foreach (var value in d.Values)
                    {
                        if (value is Parameter { IsSpatial: true }) return true;
                    }
                    break;
                case SynSpec s when IsSpatial(s):
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The conn_spec as PyNEST's <c>_process_conn_spec</c> gives it to <c>_connect_layers_needed</c>: no conn_spec is
    /// all_to_all, a rule name is that rule; a <see cref="ConnSpec"/> never takes the spatial path (null).
    /// </summary>
    private static IReadOnlyDictionary<string, object>? SpatialConnSpec(object? conn) => conn switch
    {
        null => new Dictionary<string, object> { ["rule"] = "all_to_all" },
        string rule => new Dictionary<string, object> { ["rule"] = rule },
        IReadOnlyDictionary<string, object> d => d,
        _ => null,
    };

    private static bool IsSpatial(SynSpec spec) =>
        spec.Weight is Parameter { IsSpatial: true } || spec.Delay is Parameter { IsSpatial: true }
        || spec.ReceptorType is Parameter { IsSpatial: true } || spec.Other.Values.Any(v => v is Parameter { IsSpatial: true });

    /// <summary>
    /// Connect's spatial path: both collections need positions (TypeMismatch otherwise, before anything else is
    /// checked, as PyNEST's TypeError), a syn_spec may hold only weight, delay, synapse_model, synapse_label and
    /// receptor_type; then <see cref="ConnectLayers"/>.
    /// </summary>
    private void ConnectSpatially(NodeCollection pre, NodeCollection post, IReadOnlyDictionary<string, object> conn, IReadOnlyList<object?> syns)
    {
        if (LayerOf(pre) is null) throw new TypeMismatchException("pre", "NodeCollection", "Presynaptic NodeCollection must have spatial information");
        if (LayerOf(post) is null) throw new TypeMismatchException("post", "NodeCollection", "Postsynaptic NodeCollection must have spatial information");
        var specs = new List<SynSpec>();
        foreach (var syn in syns)
        {
            switch (syn)
            {
                case null: break;
                case string model: specs.Add(new SynSpec { SynapseModel = model }); break;
                case SynSpec s:
                    CheckSpatialSynKeys(s.Other.Keys);
                    specs.Add(s);
                    break;
                case IReadOnlyDictionary<string, object> d:
                    CheckSpatialSynKeys(d.Keys);
                    specs.Add(SynSpec.FromDictionary(d));
                    break;
                default: throw new TypeMismatchException("syn_spec", syn, "a synapse model name, a SynSpec or a dictionary");
            }
        }
        ConnectLayers(pre, post, conn, specs);
    }

    private static void CheckSpatialSynKeys(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (!SpatialSynKeys.Contains(key))
                throw new UnaccessedDictionaryEntryException("syn_spec", key, SpatialSynKeys, "not allowed in syn_spec when connecting with mask or kernel");
        }
    }
}
