using NestSharp.Connections;

namespace NestSharp;

/// <summary>
/// Connections found by <c>GetConnections</c>, as NEST's SynapseCollection: read <c>source</c>, <c>target</c>,
/// <c>weight</c>, <c>delay</c>, <c>synapse_model</c>, <c>receptor</c> as arrays (one entry per connection, ordered by
/// source, then target, then creation: the same order for any number of threads), and set <c>weight</c>. It describes
/// the connections as they were when it was made: after a later Connect it must be fetched again.
/// </summary>
public sealed class SynapseCollection
{
    private readonly Simulator _kernel;
    private readonly long _version;
    private readonly ConnectionTable _table;
    private readonly Func<int, string> _modelName;
    private readonly Func<int, double> _stepsToMs;

    internal SynapseCollection(Simulator kernel, long version, ConnectionTable table, Func<int, string> modelName, Func<int, double> stepsToMs)
    {
        _kernel = kernel;
        _version = version;
        _table = table;
        _modelName = modelName;
        _stepsToMs = stepsToMs;
    }

    public int Count => _table.Count;

    public long[] Source => Array.ConvertAll(_table.Source, x => (long)x);
    public long[] Target => Array.ConvertAll(_table.Target, x => (long)x);
    public double[] Weight => (double[])_table.Weight.Clone();
    public double[] Delay => Array.ConvertAll(_table.DelaySteps, x => _stepsToMs(x));
    public string[] SynapseModel => Array.ConvertAll(_table.Model, x => _modelName(x));
    public long[] Receptor => Array.ConvertAll(_table.Receptor, x => (long)x);

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
    /// <see cref="Parameter"/> drawn per connection. Only synapses between spiking nodes can be changed.
    /// </summary>
    public void Set(string key, object value)
    {
        if (key != "weight")
            throw new BadParameterException(key, value, "only 'weight' can be set on existing connections");
        _kernel.SetConnectionWeights(_table, _version, value);
    }
}

/// <summary>
/// Connections as parallel arrays (about 30 bytes each), with where each is stored (block and index; block -1 for
/// device connections, which cannot be changed). Filled once, in order, at its final size.
/// </summary>
internal sealed class ConnectionTable(int count)
{
    public int Count { get; private set; }
    public int[] Source { get; } = new int[count];
    public int[] Target { get; } = new int[count];
    public double[] Weight { get; } = new double[count];
    public ushort[] DelaySteps { get; } = new ushort[count];
    public ushort[] Model { get; } = new ushort[count];
    public byte[] Receptor { get; } = new byte[count];
    public int[] Block { get; } = new int[count];
    public int[] Index { get; } = new int[count];
    public List<SynapseBlock> Blocks { get; } = [];

    public void Add(int source, int target, double weight, int delaySteps, int model, int receptor, int block, int index)
    {
        int i = Count++;
        Source[i] = source;
        Target[i] = target;
        Weight[i] = weight;
        DelaySteps[i] = checked((ushort)delaySteps);
        Model[i] = checked((ushort)model);
        Receptor[i] = checked((byte)receptor);
        Block[i] = block;
        Index[i] = index;
    }
}
