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

    /// <summary>The number of connections.</summary>
    public int Count => _table.Count;

    /// <summary>The presynaptic node id of each connection (key <c>source</c>); a new array on each read.</summary>
    public long[] Source => Array.ConvertAll(_table.Source, x => (long)x);

    /// <summary>The postsynaptic node id of each connection (key <c>target</c>); a new array on each read.</summary>
    public long[] Target => Array.ConvertAll(_table.Target, x => (long)x);

    /// <summary>The weight of each connection (key <c>weight</c>) when this collection was made; a copy.</summary>
    public double[] Weight => (double[])_table.Weight.Clone();

    /// <summary>The delay of each connection in ms (key <c>delay</c>), a whole number of simulation steps.</summary>
    public double[] Delay => Array.ConvertAll(_table.DelaySteps, x => _stepsToMs(x));

    /// <summary>The synapse model name of each connection (key <c>synapse_model</c>), copies made with CopyModel by their own name.</summary>
    public string[] SynapseModel => Array.ConvertAll(_table.Model, x => _modelName(x));

    /// <summary>The receptor port of each connection on its target (key <c>receptor</c>; 0 unless the syn_spec gave one).</summary>
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
        _ => throw new UnaccessedDictionaryEntryException("a connection", key, ["delay", "receptor", "source", "synapse_model", "target", "weight"]),
    };

    /// <summary>
    /// Sets the weight of every connection: one value for all, an array with one value per connection, or a
    /// <see cref="Parameter"/> drawn per connection. Only synapses between spiking nodes can be changed.
    /// </summary>
    public void Set(string key, object value)
    {
        if (key != "weight")
            throw new BadPropertyException(key, value, "only 'weight' can be set on existing connections");
        _kernel.SetConnectionWeights(_table, _version, value);
    }
}

/// <summary>
/// Connections as parallel arrays (about 30 bytes each), with where each is stored (block and index; block -1 for
/// device connections, which cannot be changed). Filled once, in order, at its final size.
/// </summary>
internal sealed class ConnectionTable(int count)
{
    /// <summary>Block value of a connection stored by another process (its weight is set there).</summary>
    public const int Remote = -2;

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

    /// <summary>
    /// The connections of all processes in one table, ordered by (source, target) as a single process would order
    /// them (equal pairs in rank order); only this process's own rows keep their storage location.
    /// </summary>
    public ConnectionTable Gathered(Kernel.Communication.ICommunicator communicator)
    {
        int[] sources = [], targets = [], blocks = [], indices = [];
        double[] weights = [];
        ushort[] delays = [], models = [];
        byte[] receptors = [];
        int n = communicator.AllGather(Source.AsSpan(0, Count), ref sources);
        communicator.AllGather(Target.AsSpan(0, Count), ref targets);
        communicator.AllGather(Weight.AsSpan(0, Count), ref weights);
        communicator.AllGather(DelaySteps.AsSpan(0, Count), ref delays);
        communicator.AllGather(Model.AsSpan(0, Count), ref models);
        communicator.AllGather(Receptor.AsSpan(0, Count), ref receptors);
        // Which rows are this process's: the counts of all ranks locate its own stretch.
        long before = ExclusivePrefix(communicator, Count);
        var keys = new long[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = ((long)sources[i] << 32) | (uint)targets[i];
            order[i] = i;
        }
        Array.Sort(keys, order);
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start);
            start = end;
        }
        var all = new ConnectionTable(n);
        all.Blocks.AddRange(Blocks);
        foreach (int row in order)
        {
            bool mine = row >= before && row < before + Count;
            all.Add(sources[row], targets[row], weights[row], delays[row], models[row], receptors[row],
                mine ? Block[row - (int)before] : Remote, mine ? Index[row - (int)before] : -1);
        }
        return all;
    }

    /// <summary>How many rows the processes before this one hold.</summary>
    private static long ExclusivePrefix(Kernel.Communication.ICommunicator communicator, int count)
    {
        long[] counts = [];
        int n = communicator.AllGather([(long)count], ref counts);
        long prefix = 0;
        for (int r = 0; r < communicator.Rank && r < n; r++) prefix += counts[r];
        return prefix;
    }
}
