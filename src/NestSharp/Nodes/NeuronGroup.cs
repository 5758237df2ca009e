using NestSharp.Kernel;

namespace NestSharp.Nodes;

/// <summary>
/// Base of neuron models: numeric status entries stored as columns (one array per entry), input channels in the
/// kernel's <see cref="InputRing"/> (channel c of node i at <c>ChannelBase + c * Count + i</c>), and a split of the
/// nodes into contiguous per-thread chunks (multiples of 8 nodes, so threads never share a cache line of state).
/// A subclass states its equations in <see cref="Update"/>, its channels and recordables, and checks a row of values.
/// <para>Multi-compartment models keep per-compartment entries in sub-dictionaries of the status, as NEST does
/// (<c>{"soma": {"g_L": 30.0}}</c>). Their columns are named <c>compartment.key</c> (<c>soma.g_L</c>): the status shows
/// them nested, and <see cref="Stage"/> takes nested dictionaries, failing on an unknown key with an error that names
/// the compartment and the key and lists the compartment's keys.</para>
/// </summary>
internal abstract class NeuronGroup : NodeGroup
{
    private int[] _chunkStart = [0, 0];

    private readonly int _calcium, _tauCalcium, _betaCalcium, _tauMinus, _tauMinusTriplet;

    /// <summary>Separates the compartment from the key in a column name: <c>soma.g_L</c> is g_L of sub-dictionary "soma".</summary>
    public const char CompartmentSeparator = '.';

    /// <summary>The top-level status keys: flat columns and compartment names.</summary>
    private readonly string[] _settableKeys;

    /// <summary>The keys of each compartment's sub-dictionary, in schema order (empty for single-compartment models).</summary>
    private readonly Dictionary<string, string[]> _compartmentKeys = new(StringComparer.Ordinal);

    protected NeuronGroup(NodeModel model, int firstId, int count, ColumnSchema schema) : base(model, firstId, count)
    {
        Schema = schema;
        _calcium = schema.IndexOf("Ca");
        _tauCalcium = schema.IndexOf("tau_Ca");
        _betaCalcium = schema.IndexOf("beta_Ca");
        _tauMinus = schema.IndexOf("tau_minus");
        _tauMinusTriplet = schema.IndexOf("tau_minus_triplet");
        Columns = new double[schema.Count][];
        for (int c = 0; c < schema.Count; c++)
        {
            Columns[c] = new double[count];
            Array.Fill(Columns[c], schema.Defaults[c]);
        }
        var topLevel = new List<string>();
        var inner = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string name in schema.Names)
        {
            int dot = name.IndexOf(CompartmentSeparator);
            if (dot < 0) { topLevel.Add(name); continue; }
            string compartment = name[..dot];
            if (!inner.TryGetValue(compartment, out var keys))
            {
                inner[compartment] = keys = [];
                topLevel.Add(compartment);
            }
            keys.Add(name[(dot + 1)..]);
        }
        _settableKeys = [.. topLevel];
        foreach (var (compartment, keys) in inner) _compartmentKeys[compartment] = [.. keys];
    }

    public override ElementType ElementType => ElementType.Neuron;

    public ColumnSchema Schema { get; }

    /// <summary>Column storage in the model's internal representation (see <see cref="ToUser"/>).</summary>
    protected double[][] Columns { get; }

    /// <summary>Where this group's input channels start in the kernel's input ring.</summary>
    public int ChannelBase { get; set; }

    /// <summary>Input channels per node (spike receptors and current inputs).</summary>
    public abstract int ChannelsPerNode { get; }

    /// <summary>Names of the recordables, in NEST's order.</summary>
    public abstract IReadOnlyList<string> Recordables { get; }

    /// <summary>Receptor names and their numbers, for <c>receptor_types</c>; empty for models with one receptor.</summary>
    public virtual IReadOnlyDictionary<string, int> ReceptorTypes => EmptyReceptors;

    private static readonly Dictionary<string, int> EmptyReceptors = [];

    /// <summary>
    /// The input channel a spike connection with this receptor and weight adds into, encoded for the delivery loop:
    /// a channel number for weighted input, or <see cref="CountingChannelFlag"/> set for inputs that count spikes
    /// (weight ignored, as parrot neurons do).
    /// </summary>
    public abstract int SpikeChannel(int local, int receptor, double weight);

    /// <summary>The channel a current input (from a dc_generator) adds into.</summary>
    public abstract int CurrentChannel(int local, int receptor);

    public const int CountingChannelFlag = unchecked((int)0x80000000);

    /// <summary>A channel of this group (as <see cref="SpikeChannel"/> or <see cref="CurrentChannel"/> give it) as a
    /// channel of the kernel's input ring, keeping the counting flag.</summary>
    public int RingChannel(int groupChannel) =>
        groupChannel < 0 ? ((groupChannel & int.MaxValue) + ChannelBase) | CountingChannelFlag : groupChannel + ChannelBase;

    /// <summary>The value of recordable <paramref name="index"/> of node <paramref name="local"/>.</summary>
    public abstract double ReadRecordable(int index, int local);

    /// <summary>Checks a row of user-facing values; throws <see cref="BadParameterException"/> naming the key.</summary>
    protected virtual void Validate(ReadOnlySpan<double> row) { }

    /// <summary>
    /// NEST's checks of what every neuron has for plasticity (its archiving and structural-plasticity parts): the trace
    /// time constants tau_minus, tau_minus_triplet, and calcium's tau_Ca, beta_Ca and Ca.
    /// </summary>
    private void ValidateHistoryAndCalcium(ReadOnlySpan<double> row)
    {
        Require(row[_tauMinus] > 0, "tau_minus", row[_tauMinus], "all time constants must be strictly positive");
        Require(row[_tauMinusTriplet] > 0, "tau_minus_triplet", row[_tauMinusTriplet], "all time constants must be strictly positive");
        Require(row[_tauCalcium] > 0, "tau_Ca", row[_tauCalcium], "all time constants must be strictly positive");
        Require(row[_betaCalcium] > 0, "beta_Ca", row[_betaCalcium], "must be positive for Ca to integrate the activity");
        Require(row[_calcium] >= 0, "Ca", row[_calcium], "the calcium concentration cannot be negative");
    }

    /// <summary>Converts column <paramref name="column"/> of node <paramref name="local"/> to the value users see.</summary>
    protected virtual double ToUser(int column, int local) => Columns[column][local];

    /// <summary>Stores a validated row of user values; <paramref name="previous"/> is the row before the change.</summary>
    protected virtual void StoreRow(int local, ReadOnlySpan<double> row, ReadOnlySpan<double> previous)
    {
        for (int c = 0; c < row.Length; c++) Columns[c][local] = row[c];
    }

    /// <summary>Non-numeric or derived keys a model adds to its status.</summary>
    protected virtual void WriteExtraStatus(int local, Dictionary<string, object> status) { }

    public override IReadOnlyCollection<string> SettableKeys => _settableKeys;

    /// <summary>A multimeter's interest in one node of this group: which recordables to read.</summary>
    internal readonly record struct Sampler(Models.Devices.Multimeter.Node Meter, int Local, int[] Recordables);

    /// <summary>Multimeter samplers per thread, set by the kernel before a run.</summary>
    internal Sampler[][] Samplers { get; set; } = [];

    /// <summary>Lets the multimeters connected to this thread's nodes sample after the step <paramref name="step"/>.</summary>
    protected void RecordSamples(int thread, long step)
    {
        if (Samplers.Length == 0) return;
        long stamp = step + 1;
        foreach (var s in Samplers[thread])
            if (s.Meter.SamplesAt(stamp)) s.Meter.Take(thread, stamp, FirstId + s.Local, this, s.Local, s.Recordables);
    }

    /// <summary>The index of a recordable by name, or -1.</summary>
    public int RecordableIndex(string name)
    {
        for (int i = 0; i < Recordables.Count; i++) if (Recordables[i] == name) return i;
        return -1;
    }

    public void SetChunks(int threads)
    {
        int chunk = (Count + threads - 1) / threads;
        chunk = (chunk + 7) / 8 * 8;
        _chunkStart = new int[threads + 1];
        for (int t = 0; t <= threads; t++) _chunkStart[t] = Math.Min(Count, t * chunk);
    }

    public (int Start, int End) Chunk(int thread) => (_chunkStart[thread], _chunkStart[thread + 1]);

    public override int OwnerThread(int local)
    {
        for (int t = 0; t < _chunkStart.Length - 1; t++)
            if (local < _chunkStart[t + 1]) return t;
        return _chunkStart.Length - 2;
    }

    /// <summary>
    /// After a run on several processes: every process receives the columns (status values) of the nodes the others
    /// updated, so that reading any node's status gives the same value everywhere. The nodes of a process's virtual
    /// processes form one contiguous range per group, so the ranges gathered in rank order are the whole column.
    /// </summary>
    public void SynchronizeColumns(Kernel.Communication.ICommunicator communicator, Kernel.Communication.VirtualProcessLayout layout)
    {
        int start = Chunk(layout.FirstLocal).Start;
        int end = Chunk(layout.FirstLocal + layout.ThreadsPerRank - 1).End;
        double[] gathered = [];
        foreach (double[] column in Columns)
        {
            int n = communicator.AllGather(column.AsSpan(start, end - start), ref gathered);
            if (n != column.Length) throw new InvalidOperationException($"gathered {n} values of a column of {column.Length}");
            Array.Copy(gathered, column, n);
        }
    }

    /// <summary>The calcium concentration of node <paramref name="local"/> (the "Ca" column every neuron model has).</summary>
    public ref double CalciumOf(int local) => ref Columns[_calcium][local];

    /// <summary>tau_Ca (ms) of node <paramref name="local"/>.</summary>
    public double CalciumTimeConstant(int local) => Columns[_tauCalcium][local];

    /// <summary>beta_Ca, the calcium increment per spike, of node <paramref name="local"/>.</summary>
    public double CalciumIncrement(int local) => Columns[_betaCalcium][local];

    /// <summary>The user-facing value of a numeric status entry of node <paramref name="local"/>.</summary>
    public double ColumnValue(string name, int local) => ToUser(Schema.IndexOf(name), local);

    public double[] ReadRow(int local)
    {
        var row = new double[Schema.Count];
        for (int c = 0; c < row.Length; c++) row[c] = ToUser(c, local);
        return row;
    }

    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        for (int c = 0; c < Schema.Count; c++)
        {
            string name = Schema.Names[c];
            int dot = name.IndexOf(CompartmentSeparator);
            if (dot < 0)
            {
                status[name] = ToUser(c, local);
                continue;
            }
            string compartment = name[..dot];
            if (status.GetValueOrDefault(compartment) is not Dictionary<string, object> sub)
                status[compartment] = sub = new Dictionary<string, object>(StringComparer.Ordinal);
            sub[name[(dot + 1)..]] = ToUser(c, local);
        }
        status["recordables"] = Recordables.Order(StringComparer.Ordinal).ToArray();
        if (ReceptorTypes.Count > 0) status["receptor_types"] = new Dictionary<string, int>(ReceptorTypes);
        WriteExtraStatus(local, status);
    }

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values)
    {
        double[] before = ReadRow(local);
        double[] row = (double[])before.Clone();
        foreach (var (key, value) in values)
        {
            if (_compartmentKeys.TryGetValue(key, out var keys)) StageCompartment(row, key, keys, value);
            else row[Schema.IndexOf(key)] = StatusValue.ToDouble(key, value);
        }
        Validate(row);
        ValidateHistoryAndCalcium(row);
        return () => StoreRow(local, row, before);
    }

    /// <summary>Writes the entries of a compartment's sub-dictionary into <paramref name="row"/>.</summary>
    private void StageCompartment(double[] row, string compartment, string[] keys, object value)
    {
        foreach (var (key, entry) in SubDictionary(compartment, keys, value))
        {
            if (!Schema.TryIndexOf(compartment + CompartmentSeparator + key, out int c))
                throw new UnknownParameterException($"compartment '{compartment}' of {Model.Name}", key, keys);
            row[c] = StatusValue.ToDouble(compartment + CompartmentSeparator + key, entry);
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> SubDictionary(string compartment, string[] keys, object value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object> d:
                foreach (var (k, v) in d) yield return new(k, v);
                break;
            case System.Collections.IDictionary d:
                foreach (System.Collections.DictionaryEntry e in d)
                    yield return new(e.Key as string ?? throw new BadPropertyTypeException(compartment, value, "a dictionary with string keys"), e.Value);
                break;
            default:
                throw new BadPropertyTypeException(compartment, value, $"a dictionary of the compartment's parameters ({string.Join(", ", keys)})");
        }
    }

    /// <summary>A group of <paramref name="n"/> nodes of this model with its built-in defaults (the model's constructor).</summary>
    protected abstract NeuronGroup CreateEmpty(NodeModel model, int firstId, int n);

    /// <summary>A group of <paramref name="n"/> nodes with this prototype's values, split over <paramref name="threads"/> VPs.</summary>
    public sealed override NodeGroup Instantiate(NodeModel model, int firstId, int n, int threads)
    {
        var group = CreateEmpty(model, firstId, n);
        group.CopyDefaultsFrom(this);
        group.SetChunks(threads);
        return group;
    }

    /// <summary>Copies node 0 of <paramref name="prototype"/> into every node of this group.</summary>
    private void CopyDefaultsFrom(NeuronGroup prototype)
    {
        for (int c = 0; c < Schema.Count; c++) Array.Fill(Columns[c], prototype.Columns[c][0]);
    }

    /// <summary>Fails with the key's name when <paramref name="ok"/> is false.</summary>
    protected static void Require(bool ok, string key, double value, string allowed)
    {
        if (!ok) throw new BadParameterException(key, value, allowed);
    }
}
