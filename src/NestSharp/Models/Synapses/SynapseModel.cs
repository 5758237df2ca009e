namespace NestSharp.Models.Synapses;

/// <summary>
/// A registered synapse model and its defaults: <c>weight</c>, <c>delay</c> (ms), <c>receptor_type</c>.
/// <c>CopyModel</c> makes a new model with its own defaults and its own connection count (<c>num_connections</c>).
/// <para>static_synapse: a fixed weight and delay. static_synapse_hpc: the same behaviour; NEST stores it more
/// compactly, and so does NestSharp for both (a static synapse costs 14 bytes: target channel, weight, delay).</para>
/// </summary>
internal sealed class SynapseModel
{
    private static readonly string[] StaticKeys = ["delay", "receptor_type", "weight"];
    private static readonly string[] ReadOnlyKeys =
        ["element_type", "has_delay", "num_connections", "requires_symmetric", "sizeof", "synapse_model", "synapse_modelid"];

    public SynapseModel(string name, string typeName, int id)
    {
        Name = name;
        TypeName = typeName;
        Id = id;
    }

    public string Name { get; }
    public string TypeName { get; }
    public int Id { get; }
    public double Weight { get; private set; } = 1.0;
    public double Delay { get; private set; } = 1.0;
    public int ReceptorType { get; private set; }

    public IReadOnlyCollection<string> Keys => StaticKeys;

    public SynapseModel Copy(string newName, int newId) =>
        new(newName, TypeName, newId) { Weight = Weight, Delay = Delay, ReceptorType = ReceptorType };

    /// <summary>Applies new defaults after checking all of them; changes nothing on error.</summary>
    public void SetDefaults(IReadOnlyDictionary<string, object> values, double resolution)
    {
        double weight = Weight, delay = Delay;
        int receptor = ReceptorType;
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "weight": weight = StatusValue.ToDouble(key, value); break;
                case "delay": delay = StatusValue.ToDouble(key, value); break;
                case "receptor_type": receptor = StatusValue.ToInt(key, value); break;
                default:
                    if (ReadOnlyKeys.Contains(key)) throw new BadParameterException(key, value, $"'{key}' of a synapse model is read-only");
                    throw new UnknownParameterException($"synapse model '{Name}'", key, StaticKeys);
            }
        }
        if (!(delay >= resolution - 1e-12 * resolution))
            throw new BadParameterException("delay", delay, $"delay must be at least the resolution ({resolution} ms)");
        if (receptor < 0) throw new BadParameterException("receptor_type", receptor, "must not be negative");
        Weight = weight;
        Delay = delay;
        ReceptorType = receptor;
    }

    public Dictionary<string, object> GetDefaults(long numConnections) => new()
    {
        ["weight"] = Weight,
        ["delay"] = Delay,
        ["receptor_type"] = (long)ReceptorType,
        ["synapse_model"] = Name,
        ["synapse_modelid"] = (long)Id,
        ["num_connections"] = numConnections,
        ["element_type"] = "synapse",
        ["has_delay"] = true,
        ["requires_symmetric"] = false,
        ["sizeof"] = 14L,
    };
}
