using NestSharp.Connections;
using NestSharp.Random;

namespace NestSharp;

/// <summary>
/// Connections found by <c>GetConnections</c>, as NEST's SynapseCollection: read <c>source</c>, <c>target</c>,
/// <c>weight</c>, <c>delay</c>, <c>synapse_model</c>, <c>receptor</c> as arrays (one entry per connection, ordered by
/// source, then creation), and set <c>weight</c>. It describes the connections as they were when it was made: after
/// a later Connect it must be fetched again.
/// </summary>
public sealed class SynapseCollection
{
    private readonly Simulator _kernel;
    private readonly long _version;
    private readonly List<ConnectionEntry> _entries;

    /// <summary>One connection: where it is stored and what it is.</summary>
    internal readonly record struct ConnectionEntry(
        int Source, int Target, double Weight, double Delay, int SynapseModelId, int Receptor, SynapseBlock? Block, int Index, int Thread);

    internal SynapseCollection(Simulator kernel, long version, List<ConnectionEntry> entries, Func<int, string> modelName)
    {
        _kernel = kernel;
        _version = version;
        _entries = entries;
        ModelName = modelName;
    }

    private Func<int, string> ModelName { get; }

    public int Count => _entries.Count;

    public long[] Source => _entries.Select(e => (long)e.Source).ToArray();
    public long[] Target => _entries.Select(e => (long)e.Target).ToArray();
    public double[] Weight => _entries.Select(e => e.Weight).ToArray();
    public double[] Delay => _entries.Select(e => e.Delay).ToArray();
    public string[] SynapseModel => _entries.Select(e => ModelName(e.SynapseModelId)).ToArray();
    public long[] Receptor => _entries.Select(e => (long)e.Receptor).ToArray();

    /// <summary>One array per key, as NEST's <c>conns.get(key)</c>.</summary>
    public object Get(string key) => key switch
    {
        "source" => Source,
        "target" => Target,
        "weight" => Weight,
        "delay" => Delay,
        "synapse_model" => SynapseModel,
        "receptor" => Receptor,
        _ => throw new UnknownParameterException("a connection", key, ["delay", "receptor", "source", "synapse_model", "target", "weight"]),
    };

    /// <summary>
    /// Sets the weight of every connection: one value for all, an array with one value per connection, or a
    /// <see cref="Parameter"/> drawn per connection. Only static synapses between neurons can be changed.
    /// </summary>
    public void Set(string key, object value)
    {
        if (key != "weight")
            throw new BadParameterException(key, value, "only 'weight' can be set on existing connections");
        _kernel.SetConnectionWeights(this, _version, value);
    }

    internal IReadOnlyList<ConnectionEntry> Entries => _entries;
}
