namespace NestSharp;

/// <summary>
/// A synapse specification, as NEST's syn_spec: the synapse model and, overriding its defaults, <c>weight</c>,
/// <c>delay</c> (ms) and <c>receptor_type</c>. Each value may be a number, an array (one value per connection, in the
/// layout NEST uses for the rule) or a <see cref="Parameter"/> drawn per connection.
/// </summary>
public sealed record SynSpec
{
    /// <summary>The synapse model (<c>synapse_model</c>), a built-in or one made with <c>CopyModel</c>; static_synapse by default.</summary>
    public string SynapseModel { get; init; } = "static_synapse";

    /// <summary>The weight (<c>weight</c>: pA for current-based, nS for conductance-based targets); null keeps the model's default.</summary>
    public object? Weight { get; init; }

    /// <summary>The delay in ms (<c>delay</c>), rounded to the nearest simulation step; null keeps the model's default.</summary>
    public object? Delay { get; init; }

    /// <summary>The target's receptor port (<c>receptor_type</c>, e.g. a compartment of pp_cond_exp_mc_urbanczik); null keeps the model's default.</summary>
    public object? ReceptorType { get; init; }

    /// <summary>Further per-connection parameters of plastic synapse models, by name.</summary>
    public IReadOnlyDictionary<string, object> Other { get; init; } = new Dictionary<string, object>();

    /// <summary>A model name alone is a syn_spec with that model and its defaults: <c>Connect(a, b, syn: "stdp_synapse")</c>.</summary>
    public static implicit operator SynSpec(string synapseModel) => new() { SynapseModel = synapseModel };

    /// <summary>Reads a syn_spec dictionary (keys checked against the synapse model when connecting).</summary>
    public static SynSpec FromDictionary(IReadOnlyDictionary<string, object> spec)
    {
        var result = new SynSpec();
        var other = new Dictionary<string, object>();
        foreach (var (key, value) in spec)
        {
            switch (key)
            {
                case "synapse_model": result = result with { SynapseModel = StatusValue.ToStringValue(key, value) }; break;
                case "weight": result = result with { Weight = value }; break;
                case "delay": result = result with { Delay = value }; break;
                case "receptor_type": result = result with { ReceptorType = value }; break;
                default: other[key] = value; break;
            }
        }
        return result with { Other = other };
    }
}

/// <summary>
/// Several synapse specifications for one Connect call, as PyNEST's <c>nest.CollocatedSynapses</c>: every connection
/// the rule makes gets one synapse of each, in the order given (same source and target, each with its own model and
/// values): <c>Connect(a, b, "one_to_one", new CollocatedSynapses(new() { ["weight"] = -2.0 }, new() { ["weight"] = 3.0 }))</c>.
/// </summary>
public sealed class CollocatedSynapses
{
    /// <summary>The specifications as syn_spec dictionaries (each read as <see cref="SynSpec.FromDictionary"/> reads one).</summary>
    /// <param name="specs">At least one syn_spec dictionary.</param>
    public CollocatedSynapses(params Dictionary<string, object>[] specs)
        : this(specs.Select(SynSpec.FromDictionary).ToArray())
    {
    }

    /// <summary>The specifications as <see cref="SynSpec"/>s.</summary>
    /// <param name="specs">At least one synapse specification.</param>
    public CollocatedSynapses(params SynSpec[] specs)
    {
        if (specs.Length == 0) throw new BadParameterException("syn_specs", specs, "CollocatedSynapses needs at least one synapse specification");
        Specs = specs;
    }

    /// <summary>The synapse specifications, in order.</summary>
    public IReadOnlyList<SynSpec> Specs { get; }

    /// <summary>The number of synapse specifications (Python's <c>len(syn_spec)</c>).</summary>
    public int Count => Specs.Count;
}
