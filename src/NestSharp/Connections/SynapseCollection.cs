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

    internal SynapseCollection(Simulator kernel, long version, ConnectionTable table, Func<int, string> modelName)
    {
        _kernel = kernel;
        _version = version;
        _table = table;
        _modelName = modelName;
    }

    public int Count => _table.Count;

    public long[] Source => Array.ConvertAll(_table.Source, x => (long)x);
    public long[] Target => Array.ConvertAll(_table.Target, x => (long)x);
    public double[] Weight => (double[])_table.Weight.Clone();
    public double[] Delay => (double[])_table.Delay.Clone();
    public string[] SynapseModel => Array.ConvertAll(_table.Model, _modelName.Invoke);
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
/// Connections as parallel arrays, with where each is stored (block and index; block -1 for device connections,
/// which cannot be changed).
/// </summary>
internal sealed class ConnectionTable
{
    public ConnectionTable(int capacity)
    {
        Source = new int[capacity];
        Target = new int[capacity];
        Weight = new double[capacity];
        Delay = new double[capacity];
        Model = new int[capacity];
        Receptor = new int[capacity];
        Block = new int[capacity];
        Index = new int[capacity];
    }

    public int Count { get; private set; }
    public int[] Source { get; private set; }
    public int[] Target { get; private set; }
    public double[] Weight { get; private set; }
    public double[] Delay { get; private set; }
    public int[] Model { get; private set; }
    public int[] Receptor { get; private set; }
    public int[] Block { get; private set; }
    public int[] Index { get; private set; }
    public List<SynapseBlock> Blocks { get; } = [];

    public void Add(int source, int target, double weight, double delay, int model, int receptor, int block, int index)
    {
        int i = Count++;
        Source[i] = source;
        Target[i] = target;
        Weight[i] = weight;
        Delay[i] = delay;
        Model[i] = model;
        Receptor[i] = receptor;
        Block[i] = block;
        Index[i] = index;
    }

    /// <summary>
    /// Trims the arrays to the connections added and orders them by (source, target), keeping the order in which
    /// they were added among equals.
    /// </summary>
    public void Seal()
    {
        if (Source.Length != Count)
        {
            Source = Source[..Count];
            Target = Target[..Count];
            Weight = Weight[..Count];
            Delay = Delay[..Count];
            Model = Model[..Count];
            Receptor = Receptor[..Count];
            Block = Block[..Count];
            Index = Index[..Count];
        }
        var keys = new long[Count];
        var order = new int[Count];
        bool sorted = true;
        for (int i = 0; i < Count; i++)
        {
            keys[i] = ((long)Source[i] << 32) | (uint)Target[i];
            order[i] = i;
            if (i > 0 && keys[i] < keys[i - 1]) sorted = false;
        }
        if (sorted) return;
        Array.Sort(keys, order);
        for (int start = 0; start < Count;)
        {
            int end = start + 1;
            while (end < Count && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start);
            start = end;
        }
        Source = Gather(Source, order);
        Target = Gather(Target, order);
        Weight = Gather(Weight, order);
        Delay = Gather(Delay, order);
        Model = Gather(Model, order);
        Receptor = Gather(Receptor, order);
        Block = Gather(Block, order);
        Index = Gather(Index, order);
    }

    private T[] Gather<T>(T[] values, int[] order)
    {
        var result = new T[Count];
        for (int i = 0; i < Count; i++) result[i] = values[order[i]];
        return result;
    }
}
