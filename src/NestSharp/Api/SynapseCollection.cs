using System.Collections;
using System.Globalization;
using System.Text;

namespace NestSharp;

/// <summary>
/// Connections, as PyNEST's SynapseCollection: made by <c>GetConnections</c> (ordered by source, then target, then
/// creation: the same order for any number of threads), indexed (<c>conns[i]</c>, <c>conns[2..5]</c>,
/// <see cref="Slice"/>), enumerated one connection at a time, compared (<c>==</c>). It is a live view: every read
/// gives the connections' current values (a weight read after <c>Simulate</c> is the weight then), with NEST's keys:
/// <c>source</c>, <c>target</c>, <c>weight</c>, <c>delay</c>, <c>synapse_model</c>, <c>synapse_id</c>, <c>port</c>,
/// <c>receptor</c>, <c>target_thread</c>, <c>sizeof</c> and each model's parameters and state (<c>Kplus</c>,
/// <c>Wmax</c>, <c>x_bar</c>, ...). <see cref="Set(string, object)"/> changes <c>weight</c>, <c>delay</c> and the
/// model's per-connection parameters, as NEST checks them; <see cref="Disconnect"/> removes the connections. After
/// <c>ResetKernel</c> a collection is empty (as in PyNEST: Get gives nothing, Set does nothing). With several MPI
/// processes the collection holds every process's connections; those stored by another process show the values they
/// had when the collection was made.
/// </summary>
public sealed class SynapseCollection : IEnumerable<SynapseCollection>, IEquatable<SynapseCollection>
{
    private readonly Simulator _kernel;
    private readonly ConnectionTable _table;
    private readonly int[]? _rows;

    internal SynapseCollection(Simulator kernel, ConnectionTable table, int[]? rows)
    {
        _kernel = kernel;
        _table = table;
        _rows = rows;
    }

    /// <summary>The number of connections (Python's <c>len(conns)</c>).</summary>
    public int Count => _rows?.Length ?? _table.Count;

    /// <summary>Whether all connections are printed by <see cref="ToString"/> (PyNEST's <c>print_full</c>); otherwise the first and last 15 of 35 or more.</summary>
    public bool PrintFull { get; set; }

    private int RowAt(int i) => _rows is null ? i : _rows[i];

    private int[] Rows => _rows ?? Enumerable.Range(0, _table.Count).ToArray();

    /// <summary>The reader of the current kernel, or null after ResetKernel (the collection then behaves as empty).</summary>
    private ConnectionQuery.Reader? Reader() => Count == 0 ? null : _kernel.ConnectionReader(_table);

    // ---------------------------------------------------------------- indexing

    /// <summary>The connection at position <paramref name="index"/> (negative counts from the end, as in Python).</summary>
    public SynapseCollection this[int index]
    {
        get
        {
            int i = index < 0 ? Count + index : index;
            if ((uint)i >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"index {index} is outside a SynapseCollection of {Count} connections");
            return new SynapseCollection(_kernel, _table, [RowAt(i)]);
        }
    }

    /// <summary>The connections in <paramref name="range"/> (<c>conns[..5]</c>, <c>conns[^3..]</c>).</summary>
    public SynapseCollection this[Range range]
    {
        get
        {
            var (offset, length) = range.GetOffsetAndLength(Count);
            var rows = new int[length];
            for (int k = 0; k < length; k++) rows[k] = RowAt(offset + k);
            return new SynapseCollection(_kernel, _table, rows);
        }
    }

    /// <summary>Python-style slice [start:stop:step] (negative start and stop count from the end; the step may be negative).</summary>
    public SynapseCollection Slice(int? start = null, int? stop = null, int step = 1)
    {
        if (step == 0) throw new ArgumentOutOfRangeException(nameof(step), step, "slice step cannot be zero");
        int n = Count;
        int Clamp(int? value, int missing, int low, int high)
        {
            if (value is not { } v) return missing;
            if (v < 0) v += n;
            return Math.Clamp(v, low, high);
        }
        var rows = new List<int>();
        if (step > 0)
        {
            for (int i = Clamp(start, 0, 0, n), end = Clamp(stop, n, 0, n); i < end; i += step) rows.Add(RowAt(i));
        }
        else
        {
            for (int i = Clamp(start, n - 1, -1, n - 1), end = Clamp(stop, -1, -1, n - 1); i > end; i += step) rows.Add(RowAt(i));
        }
        return new SynapseCollection(_kernel, _table, [.. rows]);
    }

    /// <summary>The connections whose synapse_label is <paramref name="label"/> (connections of unlabelled models have none).</summary>
    internal SynapseCollection WithLabel(long label)
    {
        if (Reader() is not { } reader) return this;
        var rows = new List<int>();
        for (int i = 0; i < Count; i++)
        {
            int row = RowAt(i);
            if (reader.Value(row, SynapseSchema.LabelKey) is long value && value == label) rows.Add(row);
        }
        return new SynapseCollection(_kernel, _table, [.. rows]);
    }

    /// <summary>The connections at <paramref name="positions"/> of this collection, in that order.</summary>
    internal SynapseCollection AtPositions(IEnumerable<int> positions) => new(_kernel, _table, [.. positions.Select(RowAt)]);

    /// <summary>The connections one by one, each as a collection of one (as iterating over a PyNEST SynapseCollection).</summary>
    public IEnumerator<SynapseCollection> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return new SynapseCollection(_kernel, _table, [RowAt(i)]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // ---------------------------------------------------------------- typed reads

    /// <summary>The presynaptic node id of each connection (key <c>source</c>).</summary>
    public long[] Source => Longs(r => _table.Source[r]);

    /// <summary>The postsynaptic node id of each connection (key <c>target</c>).</summary>
    public long[] Target => Longs(r => _table.Target[r]);

    /// <summary>The current weight of each connection (key <c>weight</c>).</summary>
    public double[] Weight => Doubles(static (reader, r) => reader.Weight(r));

    /// <summary>The delay of each connection in ms (key <c>delay</c>), a whole number of simulation steps.</summary>
    public double[] Delay => Doubles(static (reader, r) => reader.Delay(r));

    /// <summary>The synapse model name of each connection (key <c>synapse_model</c>), copies made with CopyModel by their own name.</summary>
    public string[] SynapseModel => Reader() is { } reader ? Rows.Select(r => (string)reader.Value(r, "synapse_model")!).ToArray() : [];

    /// <summary>The receptor port of each connection on its target, numbered as the target model numbers them (key <c>receptor</c>).</summary>
    public long[] Receptor => Longs(static (reader, r) => reader.Receptor(r));

    /// <summary>NEST's port of each connection (key <c>port</c>): its position among the synapses of its model on its thread.</summary>
    public long[] Port => Longs(static (reader, r) => reader.Port(r));

    /// <summary>The thread that stores each connection (key <c>target_thread</c>).</summary>
    public long[] TargetThread => Longs(static (reader, r) => reader.Thread(r));

    /// <summary>The id of each connection's synapse model (key <c>synapse_id</c>, the model's <c>synapse_modelid</c>).</summary>
    public long[] SynapseId => Longs(r => _table.Model[r]);

    /// <summary>
    /// The distance between the source and target of each connection (PyNEST's <c>distance</c>), measured in the
    /// target's layer; NaN where either has no position (see <see cref="Simulator.Distance(SynapseCollection)"/>).
    /// </summary>
    public double[] Distance => _kernel.Distance(this);

    /// <summary>The sources one by one (PyNEST's <c>sources()</c>).</summary>
    public IEnumerable<long> Sources() => Source;

    /// <summary>The targets one by one (PyNEST's <c>targets()</c>).</summary>
    public IEnumerable<long> Targets() => Target;

    private long[] Longs(Func<int, long> read)
    {
        if (Reader() is null) return [];
        var values = new long[Count];
        for (int i = 0; i < values.Length; i++) values[i] = read(RowAt(i));
        return values;
    }

    private long[] Longs(Func<ConnectionQuery.Reader, int, int> read)
    {
        if (Reader() is not { } reader) return [];
        var values = new long[Count];
        for (int i = 0; i < values.Length; i++) values[i] = read(reader, RowAt(i));
        return values;
    }

    private double[] Doubles(Func<ConnectionQuery.Reader, int, double> read)
    {
        if (Reader() is not { } reader) return [];
        var values = new double[Count];
        for (int i = 0; i < values.Length; i++) values[i] = read(reader, RowAt(i));
        return values;
    }

    // ---------------------------------------------------------------- Get

    /// <summary>
    /// The values of <paramref name="key"/> (NEST's <c>conns.get(key)</c>): the value itself for a single connection,
    /// otherwise an array with one value per connection (<c>long[]</c>, <c>double[]</c> or <c>string[]</c>; an
    /// <c>object?[]</c> with null for the connections whose model lacks the key, as <c>None</c> in PyNEST). An empty
    /// collection (or one from before ResetKernel) gives an empty array. A key no connection has is an error.
    /// </summary>
    public object Get(string key)
    {
        if (Reader() is not { } reader) return Array.Empty<object>();
        var rows = Rows;
        if (!rows.Any(r => reader.Has(r, key)))
        {
            throw new UnaccessedDictionaryEntryException("the connections of this SynapseCollection", key,
                rows.SelectMany(reader.KeysOf).Distinct());
        }
        if (rows.Length == 1) return reader.Value(rows[0], key)!;
        var values = new object?[rows.Length];
        for (int i = 0; i < rows.Length; i++) values[i] = reader.Has(rows[i], key) ? reader.Value(rows[i], key) : null;
        return Typed(values);
    }

    /// <summary>The values of <paramref name="key"/> converted to <typeparamref name="T"/>, one per connection.</summary>
    public T[] GetValues<T>(string key)
    {
        if (Reader() is not { } reader) return [];
        return Rows.Select(r => reader.Value(r, key) is T t ? t
            : (T)Convert.ChangeType(reader.Value(r, key) ?? throw new UnaccessedDictionaryEntryException("a connection", key, reader.KeysOf(r)),
                typeof(T), CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>
    /// Several keys at once (NEST's <c>conns.get([...])</c>): a dictionary from each key to its values as
    /// <see cref="Get(string)"/> gives them.
    /// </summary>
    public Dictionary<string, object> Get(params string[] keys)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        if (Reader() is null) return result;
        foreach (string key in keys) result[key] = Get(key);
        return result;
    }

    /// <summary>
    /// Every key of the connections (NEST's <c>conns.get()</c>), sorted: the values itself for a single connection,
    /// arrays otherwise (null entries where a model lacks a key). An empty collection gives an empty dictionary.
    /// </summary>
    public Dictionary<string, object> Get()
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        if (Reader() is not { } reader) return result;
        var keys = Rows.SelectMany(reader.KeysOf).Distinct().Order(StringComparer.Ordinal);
        foreach (string key in keys) result[key] = Get(key);
        return result;
    }

    private static object Typed(object?[] values)
    {
        if (values.Any(v => v is null)) return values;
        return values[0] switch
        {
            long => Array.ConvertAll(values, v => (long)v!),
            double => Array.ConvertAll(values, v => (double)v!),
            string => Array.ConvertAll(values, v => (string)v!),
            _ => values,
        };
    }

    // ---------------------------------------------------------------- Set

    /// <summary>
    /// Sets <paramref name="key"/> on every connection: one value for all, an array with one value per connection, or
    /// a <see cref="Parameter"/> drawn per connection. Settable are <c>weight</c>, <c>delay</c> (rounded to steps and
    /// checked as NEST checks delays) and the model's per-connection parameters; parameters common to a model (the
    /// _hom models') and read-only keys are errors (NEST's UnaccessedDictionaryEntry). Everything is checked before
    /// anything changes. Does nothing on an empty collection (or one from before ResetKernel).
    /// </summary>
    public void Set(string key, object value) => Set(new Dictionary<string, object> { [key] = value });

    /// <summary>
    /// Sets several keys on every connection (each value as in <see cref="Set(string, object)"/>). With several MPI
    /// processes an array for a key the connections have is refused (NotImplemented), as PyNEST refuses lists there
    /// (NEST issue #3659: each process would apply the array to its own connections only).
    /// </summary>
    public void Set(IReadOnlyDictionary<string, object> values)
    {
        if (Count == 0 || !_kernel.Owns(_table)) return;
        if (_kernel.NumProcesses > 1 && Reader() is { } reader)
        {
            foreach (var (key, value) in values)
            {
                if (value is System.Collections.IEnumerable and not string && reader.Has(RowAt(0), key))
                {
                    throw new NestNotImplementedException(
                        $"Passing lists of synapse parameter values ('{key}') is not supported in MPI-parallel simulations ({_kernel.NumProcesses} processes).");
                }
            }
        }
        var columns = ConnectionQuery.Flatten(values).Select(p => _kernel.ConnectionColumn(p.Key, p.Value, Count)).ToList();
        _kernel.WriteConnections(_table, Rows, columns);
    }

    /// <summary>Sets one dictionary per connection (PyNEST's <c>conns.set([{...}, {...}])</c>); the list must have one per connection.</summary>
    public void Set(IReadOnlyList<IReadOnlyDictionary<string, object>> perConnection)
    {
        if (Count == 0 || !_kernel.Owns(_table)) return;
        if (perConnection.Count != Count)
            throw new BadParameterException("params", perConnection.Count, $"a list of status dictionaries needs one per connection ({Count})");
        _kernel.WriteConnections(_table, Rows, ConnectionQuery.ColumnsOf(perConnection));
    }

    /// <summary>Sets one dictionary per connection.</summary>
    public void Set(IReadOnlyList<Dictionary<string, object>> perConnection) =>
        Set(perConnection.Select(d => (IReadOnlyDictionary<string, object>)d).ToList());

    // ---------------------------------------------------------------- Disconnect

    /// <summary>
    /// Removes these connections (PyNEST's <c>conns.disconnect()</c>, NEST's Disconnect of a SynapseCollection): each
    /// must still exist and be a synapse between spiking nodes (connections of devices cannot be removed, as in NEST:
    /// InexistentConnection). Checked first, then all are removed; synaptic elements of structural-plasticity synapse
    /// models are freed.
    /// </summary>
    public void Disconnect() => _kernel.Disconnect(this);

    internal void DisconnectFrom(Simulator kernel)
    {
        if (!ReferenceEquals(kernel, _kernel)) throw new KernelException("This SynapseCollection belongs to another kernel.");
        if (Count == 0 || !_kernel.Owns(_table)) return;
        _kernel.RemoveConnections(_table, Rows);
    }

    // ---------------------------------------------------------------- equality and printing

    /// <summary>Whether both hold the same connections in the same order (source, target, target_thread, synapse_id and port, as PyNEST compares).</summary>
    public bool Equals(SynapseCollection? other)
    {
        if (other is null) return false;
        if (Count != other.Count) return false;
        if (Count == 0) return true;
        return Source.AsSpan().SequenceEqual(other.Source) && Target.AsSpan().SequenceEqual(other.Target)
            && TargetThread.AsSpan().SequenceEqual(other.TargetThread) && SynapseId.AsSpan().SequenceEqual(other.SynapseId)
            && Port.AsSpan().SequenceEqual(other.Port);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SynapseCollection other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Count);
        foreach (long s in Source.Take(8)) hash.Add(s);
        return hash.ToHashCode();
    }

    /// <summary>Whether both hold the same connections in the same order.</summary>
    public static bool operator ==(SynapseCollection? a, SynapseCollection? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Whether the collections differ.</summary>
    public static bool operator !=(SynapseCollection? a, SynapseCollection? b) => !(a == b);

    /// <summary>
    /// The connections as PyNEST prints them: a table of source, target, synapse model, weight and delay (4
    /// significant digits); from 35 connections on, the first and last 15 (unless <see cref="PrintFull"/>).
    /// </summary>
    public override string ToString()
    {
        var values = Get();
        if (values.Count == 0) return "The synapse collection does not contain any connections.";
        long[] sources = Source, targets = Target;
        double[] weights = Weight, delays = Delay;
        string[] models = SynapseModel;
        const string sourceHeader = "source", targetHeader = "target", modelHeader = "synapse model", weightHeader = "weight", delayHeader = "delay";
        int sourceWidth = Math.Max(sourceHeader.Length + 2, (int)Math.Floor(Math.Log10(sources.Max())));
        int targetWidth = Math.Max(targetHeader.Length + 2, (int)Math.Floor(Math.Log10(targets.Max())));
        int modelWidth = Math.Max(modelHeader.Length + 2, models.Max(m => m.Length));
        int weightWidth = weightHeader.Length + 2, delayWidth = delayHeader.Length + 2;

        var text = new StringBuilder();
        text.Append(Center(sourceHeader, sourceWidth)).Append(' ').Append(Center(targetHeader, targetWidth)).Append(' ')
            .Append(Center(modelHeader, modelWidth)).Append(' ').Append(Center(weightHeader, weightWidth)).Append(' ')
            .Append(Center(delayHeader, delayWidth)).Append('\n');
        text.Append('-', sourceWidth).Append(' ').Append('-', targetWidth).Append(' ').Append('-', modelWidth).Append(' ')
            .Append('-', weightWidth).Append(' ').Append('-', delayWidth).Append('\n');
        var lines = new List<string>();
        string Row(int i) =>
            $"{sources[i].ToString(CultureInfo.InvariantCulture).PadLeft(sourceWidth - 1)} {targets[i].ToString(CultureInfo.InvariantCulture).PadLeft(targetWidth)} " +
            $"{models[i].PadLeft(modelWidth)} {FormatG4(weights[i]).PadLeft(weightWidth)} {FormatG4(delays[i]).PadLeft(delayWidth)}";
        if (Count >= 35 && !PrintFull)
        {
            for (int i = 0; i < 15; i++) lines.Add(Row(i));
            const string dots = "\u22ee ";
            lines.Add($"{dots.PadLeft(sourceWidth - 1)} {dots.PadLeft(targetWidth)} {dots.PadLeft(modelWidth)} {dots.PadLeft(weightWidth)} {dots.PadLeft(delayWidth)}");
            for (int i = Count - 15; i < Count; i++) lines.Add(Row(i));
        }
        else
        {
            for (int i = 0; i < Count; i++) lines.Add(Row(i));
        }
        text.AppendJoin('\n', lines);
        return text.ToString();
    }

    /// <summary>Python's str.center as f"{s:^{width}}" does it (the odd space on the right).</summary>
    private static string Center(string s, int width)
    {
        int pad = Math.Max(0, width - s.Length);
        return new string(' ', pad / 2) + s + new string(' ', pad - (pad / 2));
    }

    /// <summary>Python's format "#.4g": 4 significant digits, trailing zeros kept.</summary>
    internal static string FormatG4(double value)
    {
        const int precision = 4;
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return (double.IsNegative(value) ? "-" : "") + "0.000";
        string scientific = value.ToString("E" + (precision - 1), CultureInfo.InvariantCulture); // d.dddE+xxx, rounded
        int exponent = int.Parse(scientific[(scientific.IndexOf('E') + 1)..], CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= precision)
        {
            string mantissa = scientific[..scientific.IndexOf('E')];
            return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        return value.ToString("F" + (precision - 1 - exponent), CultureInfo.InvariantCulture);
    }
}
