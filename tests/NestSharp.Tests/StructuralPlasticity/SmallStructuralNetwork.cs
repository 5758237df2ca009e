namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// The structural plasticity example's network at a tenth of its size (80 excitatory, 20 inhibitory iaf_psc_alpha
/// neurons, no connections at the start, the same growth curves, synapse models and Poisson drive), with growth rates
/// ten times the example's and a structural update every second, so that synapses are created and deleted within
/// seconds of model time.
/// </summary>
internal sealed class SmallStructuralNetwork
{
    public const int NumberExcitatory = 80;
    public const int NumberInhibitory = 20;
    public const double EpsE = 0.05;
    public const double EpsI = 0.2;
    public const double UpdateIntervalMs = 1000.0;
    public static readonly (string Model, string Pre, string Post)[] SynapseTypes =
        [("synapse_ex", "Axon_ex", "Den_ex"), ("synapse_in", "Axon_in", "Den_in")];

    public SmallStructuralNetwork(int threads = 2, long seed = 143202461, double growthScale = 10.0)
    {
        Nest = new Simulator();
        Nest.SetKernelStatus(new()
        {
            ["resolution"] = 0.1, ["local_num_threads"] = threads, ["rng_seed"] = seed,
            ["structural_plasticity_update_interval"] = UpdateIntervalMs,
        });
        Nest.CopyModel("static_synapse", "synapse_ex");
        Nest.SetDefaults("synapse_ex", new() { ["weight"] = 585.0, ["delay"] = 1.0 });
        Nest.CopyModel("static_synapse", "synapse_in");
        Nest.SetDefaults("synapse_in", new() { ["weight"] = -585.0, ["delay"] = 1.0 });
        var builders = new Dictionary<string, object>();
        foreach (var (model, pre, post) in SynapseTypes)
            builders[model] = new Dictionary<string, object> { ["synapse_model"] = model, ["pre_synaptic_element"] = pre, ["post_synaptic_element"] = post };
        Nest.SetKernelStatus(new() { ["structural_plasticity_synapses"] = builders });

        Dictionary<string, object> Gaussian(double rate, double eps) => new()
        {
            ["growth_curve"] = "gaussian", ["growth_rate"] = rate * growthScale, ["continuous"] = false, ["eta"] = 0.0, ["eps"] = eps,
        };
        var ee = Gaussian(0.0001, EpsE);
        var ei = Gaussian(0.0001, EpsE);
        var ie = Gaussian(0.0004, EpsI);
        var ii = Gaussian(0.0001, EpsI);
        Excitatory = Nest.Create("iaf_psc_alpha", NumberExcitatory, new()
        {
            ["synaptic_elements"] = new Dictionary<string, object> { ["Den_ex"] = ee, ["Den_in"] = ei, ["Axon_ex"] = ee },
        });
        Inhibitory = Nest.Create("iaf_psc_alpha", NumberInhibitory, new()
        {
            ["synaptic_elements"] = new Dictionary<string, object> { ["Den_ex"] = ie, ["Den_in"] = ii, ["Axon_in"] = ii },
        });
        var noise = Nest.Create("poisson_generator", 1, new() { ["rate"] = 10000.0 });
        Nest.Connect(noise, Excitatory + Inhibitory, "all_to_all", new Dictionary<string, object> { ["weight"] = 6.2, ["delay"] = 1.0 });
        Nest.EnableStructuralPlasticity();
    }

    public Simulator Nest { get; }
    public NodeCollection Excitatory { get; }
    public NodeCollection Inhibitory { get; }
    public NodeCollection Neurons => Excitatory + Inhibitory;

    /// <summary>z_connected of <paramref name="element"/> for every neuron (by node id), 0 for neurons without it.</summary>
    public Dictionary<long, long> ConnectedElements(string element)
    {
        var result = new Dictionary<long, long>();
        var neurons = Neurons;
        var all = neurons.GetValues<Dictionary<string, object>>("synaptic_elements");
        for (int i = 0; i < neurons.Count; i++)
            result[neurons.Ids[i]] = all[i].TryGetValue(element, out var e) ? (long)((Dictionary<string, object>)e)["z_connected"] : 0;
        return result;
    }

    /// <summary>The neurons that have an element called <paramref name="element"/>.</summary>
    public HashSet<long> Owners(string element)
    {
        var neurons = Neurons;
        var all = neurons.GetValues<Dictionary<string, object>>("synaptic_elements");
        return [.. Enumerable.Range(0, neurons.Count).Where(i => all[i].ContainsKey(element)).Select(i => (long)neurons.Ids[i])];
    }

    /// <summary>The connections of <paramref name="model"/> as (source, target) pairs, in GetConnections order.</summary>
    public (long Source, long Target)[] Connections(string model)
    {
        var c = Nest.GetConnections(synapseModel: model);
        return [.. c.Source.Zip(c.Target)];
    }
}

/// <summary>State of a <see cref="SmallStructuralNetwork"/> after one second of model time (one structural update).</summary>
internal sealed record StructuralSnapshot(
    double TimeMs,
    double MeanCaE,
    double MeanCaI,
    IReadOnlyDictionary<string, (long Source, long Target)[]> Connections,
    IReadOnlyDictionary<string, Dictionary<long, long>> Connected,
    IReadOnlyDictionary<string, long> NumConnections);
