using System.Collections;

namespace NestSharp;

/// <summary>
/// A sorted set of node ids of one kernel, as NEST's NodeCollection: returned by <c>Create</c> or
/// <see cref="Simulator.Nodes(int[])"/>, indexed and sliced with C# indices and ranges (<c>nodes[^1]</c>,
/// <c>nodes[..50]</c>), <see cref="Slice(int, int, int)"/> with a step, arrays of positions or a mask, joined with
/// <c>+</c> (the result is sorted, as in NEST), and used to read and write status with <see cref="Get(string)"/> and
/// <see cref="Set(string, object)"/>. Two collections are equal when they hold the same nodes of the same models.
/// </summary>
public sealed class NodeCollection : IEnumerable<NodeCollection>, IEquatable<NodeCollection>
{
    private readonly int[] _ids;

    /// <summary>The model of each node, as runs: the model of position p is that of the last run starting at or before p.</summary>
    private readonly (int Start, string Model)[] _models;

    // The step of the slice that made this collection, when above 1 (PyNEST prints such a collection with it).
    private readonly int _step = 1;

    // Whether this is what NEST calls a sliced composite: a slice with a step above 1, a slice reaching over more than
    // one part (a run of consecutive ids of one model) of a collection, or a part of a spatial layer. NEST joins no
    // such collection with another and slices it only into single nodes.
    private readonly bool _slicedComposite;

    internal NodeCollection(Simulator kernel, long generation, int[] ids, (int Start, string Model)[] models)
    {
        Kernel = kernel;
        Generation = generation;
        _ids = ids;
        _models = models;
    }

    private NodeCollection(Simulator kernel, long generation, int[] ids, (int Start, string Model)[] models, int step, bool slicedComposite)
        : this(kernel, generation, ids, models)
    {
        _step = step;
        _slicedComposite = slicedComposite;
    }

    /// <summary>The empty collection (PyNEST's <c>NodeCollection()</c>); joined with another it gives the other.</summary>
    public static NodeCollection Empty { get; } = new(null!, -1, [], []);

    internal Simulator Kernel { get; }
    internal long Generation { get; }

    /// <summary>The node ids, in order.</summary>
    public IReadOnlyList<int> Ids => _ids;

    internal int[] IdArray => _ids;

    /// <summary>The node ids as a new array (PyNEST's <c>tolist()</c>).</summary>
    public int[] ToArray() => (int[])_ids.Clone();

    /// <summary>The number of nodes (Python's <c>len(nodes)</c>).</summary>
    public int Count => _ids.Length;

    /// <summary>The model of the node at <paramref name="position"/>.</summary>
    internal string ModelAt(int position)
    {
        int run = _models.Length - 1;
        while (_models[run].Start > position) run--;
        return _models[run].Model;
    }

    /// <summary>The node at position <paramref name="index"/> (negative counts from the end, as in Python).</summary>
    public NodeCollection this[int index]
    {
        get
        {
            int i = index < 0 ? _ids.Length + index : index;
            if ((uint)i >= (uint)_ids.Length) throw new ArgumentOutOfRangeException(nameof(index), index, $"index {index} is outside the NodeCollection of {_ids.Length} nodes");
            return Take([i]);
        }
    }

    /// <summary>
    /// The nodes at <paramref name="positions"/>, which must be ascending, distinct and inside the collection
    /// (PyNEST's <c>nodes[[0, 2, 5]]</c>).
    /// </summary>
    public NodeCollection this[int[] positions]
    {
        get
        {
            for (int k = 0; k < positions.Length; k++)
            {
                if ((uint)positions[k] >= (uint)_ids.Length)
                    throw new ArgumentOutOfRangeException(nameof(positions), positions[k], $"position {positions[k]} is outside the NodeCollection of {_ids.Length} nodes");
                if (k > 0 && positions[k] == positions[k - 1])
                    throw new ArgumentException($"All node IDs in a NodeCollection have to be unique: position {positions[k]} is given twice.", nameof(positions));
                if (k > 0 && positions[k] < positions[k - 1])
                    throw new BadPropertyException("positions", $"[{string.Join(", ", positions)}]", "indices must be sorted in ascending order");
            }
            return Take(positions);
        }
    }

    /// <summary>The nodes where <paramref name="mask"/> is true; the mask has one entry per node (PyNEST's boolean indexing).</summary>
    public NodeCollection this[bool[] mask]
    {
        get
        {
            if (mask.Length != _ids.Length)
                throw new ArgumentOutOfRangeException(nameof(mask), mask.Length, $"a mask needs one entry per node ({_ids.Length}), not {mask.Length}");
            var positions = new List<int>();
            for (int i = 0; i < mask.Length; i++) if (mask[i]) positions.Add(i);
            return Take(positions.ToArray());
        }
    }

    /// <summary>
    /// The nodes in <paramref name="range"/> (<c>nodes[..50]</c>, <c>nodes[^10..]</c>), as a Python slice without a step;
    /// a range reaching outside the collection fails, as in NEST.
    /// </summary>
    public NodeCollection this[Range range] => Slice(range.Start.GetOffset(_ids.Length), range.End.GetOffset(_ids.Length));

    /// <summary>
    /// Python-style slice [start:stop:step] with a positive step; negative start or stop count from the end. As in NEST
    /// (unlike a Python list), a start or stop outside the collection fails rather than being clipped, and a slice
    /// must not be empty. As in NEST, a slice with a step above 1, across more than one run of consecutive ids of one
    /// model, or of part of a spatial layer is a sliced composite: it cannot be joined with <c>+</c>, and slices of it
    /// may hold one node only (BadProperty).
    /// </summary>
    public NodeCollection Slice(int start, int stop, int step = 1)
    {
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, "the slicing step of a NodeCollection must be strictly positive");
        int first = start < 0 ? _ids.Length + start : start;
        int end = stop < 0 ? _ids.Length + stop : stop;
        if (first < 0 || first >= _ids.Length)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"slice start {start} is outside the NodeCollection of {_ids.Length} nodes");
        if (end < 0 || end > _ids.Length)
            throw new ArgumentOutOfRangeException(nameof(stop), stop, $"slice stop {stop} is outside the NodeCollection of {_ids.Length} nodes");
        if (end <= first) throw new BadParameterException("stop", stop, $"a slice must not be empty: start ({start}) < stop required");
        var positions = new int[(end - first + step - 1) / step];
        if (_slicedComposite && positions.Length > 1)
            throw new BadPropertyException("slice", $"[{start}:{stop}:{step}]", "Cannot slice a sliced composite NodeCollection (into more than one node)");
        for (int k = 0; k < positions.Length; k++) positions[k] = first + k * step;
        bool slicedComposite = step > 1 || SpansParts(first, end) || (Kernel is not null && (first > 0 || end < _ids.Length) && Kernel.InLayer(this));
        return Take(positions, step, slicedComposite);
    }

    /// <summary>Whether positions [first, end) reach over more than one run of consecutive ids of one model.</summary>
    private bool SpansParts(int first, int end)
    {
        for (int k = first + 1; k < end; k++)
            if (_ids[k] != _ids[k - 1] + 1) return true;
        foreach (var (start, _) in _models)
            if (start > first && start < end) return true;
        return false;
    }

    /// <summary>The nodes at ascending <paramref name="positions"/>, with their models (and the step of a slice, and whether it is a sliced composite).</summary>
    private NodeCollection Take(int[] positions, int step = 1, bool slicedComposite = false)
    {
        if (ReferenceEquals(this, Empty)) return Empty;
        Kernel.CheckCollection(this);
        var ids = new int[positions.Length];
        var models = new List<(int, string)>();
        for (int k = 0; k < positions.Length; k++)
        {
            ids[k] = _ids[positions[k]];
            string model = ModelAt(positions[k]);
            if (models.Count == 0 || models[^1].Item2 != model) models.Add((k, model));
        }
        return new NodeCollection(Kernel, Generation, ids, [.. models], step, slicedComposite);
    }

    /// <summary>
    /// The union of two collections, sorted by id as in NEST; they must belong to the same kernel and must not overlap.
    /// Joining with <see cref="Empty"/> gives the other collection. As in NEST, a sliced composite (see
    /// <see cref="Slice(int, int, int)"/>) joins with nothing but the empty collection (BadProperty).
    /// </summary>
    public static NodeCollection operator +(NodeCollection a, NodeCollection b)
    {
        if (a._ids.Length == 0 && a.Kernel is null) return b;
        if (b._ids.Length == 0 && b.Kernel is null) return a;
        a.Kernel.CheckCollection(a);
        if (!ReferenceEquals(a.Kernel, b.Kernel) || a.Generation != b.Generation)
            throw new KernelException("InvalidNodeCollection: cannot join NodeCollections of different kernels.");
        if (a._slicedComposite || b._slicedComposite)
            throw new BadPropertyException("nodes", (a._slicedComposite ? a : b).Count, "Cannot add NodeCollection to a sliced composite");
        if (!a.Kernel.SameLayer(a, b)) throw new BadPropertyException("nodes", b.Count, "can only join NodeCollections with the same metadata (positions)");
        var ids = new int[a._ids.Length + b._ids.Length];
        var models = new List<(int, string)>();
        int i = 0, j = 0;
        for (int k = 0; k < ids.Length; k++)
        {
            bool fromA = j == b._ids.Length || (i < a._ids.Length && a._ids[i] < b._ids[j]);
            if (i < a._ids.Length && j < b._ids.Length && a._ids[i] == b._ids[j])
                throw new BadPropertyException("nodes", a._ids[i], "cannot join overlapping NodeCollections: the node is in both");
            string model = fromA ? a.ModelAt(i) : b.ModelAt(j);
            ids[k] = fromA ? a._ids[i++] : b._ids[j++];
            if (models.Count == 0 || models[^1].Item2 != model) models.Add((k, model));
        }
        return new NodeCollection(a.Kernel, a.Generation, ids, [.. models]);
    }

    /// <summary>Whether node <paramref name="id"/> is in this collection (Python's <c>id in nodes</c>).</summary>
    public bool Contains(int id) => Array.BinarySearch(_ids, id) >= 0;

    /// <summary>The position of node <paramref name="id"/>, or -1 when it is not in the collection.</summary>
    public int IndexOf(int id) => Math.Max(Array.BinarySearch(_ids, id), -1);

    /// <summary>Same nodes, of the same models (as NEST compares collections, also across ResetKernel).</summary>
    public bool Equals(NodeCollection? other)
    {
        if (other is null || other._ids.Length != _ids.Length || !_ids.AsSpan().SequenceEqual(other._ids)) return false;
        for (int k = 0; k < _ids.Length; k++)
            if (ModelAt(k) != other.ModelAt(k)) return false;
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NodeCollection);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_ids.Length, _ids.Length > 0 ? _ids[0] : 0, _ids.Length > 0 ? _ids[^1] : 0);

    /// <summary>Whether the collections hold the same nodes of the same models.</summary>
    public static bool operator ==(NodeCollection? a, NodeCollection? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Whether the collections differ in nodes or models.</summary>
    public static bool operator !=(NodeCollection? a, NodeCollection? b) => !(a == b);

    /// <summary>The nodes one by one, each as a single-node collection (as iterating over a PyNEST NodeCollection).</summary>
    public IEnumerator<NodeCollection> GetEnumerator()
    {
        for (int k = 0; k < _ids.Length; k++) yield return new NodeCollection(Kernel, Generation, [_ids[k]], [(0, ModelAt(k))]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// PyNEST's <c>get(key)</c>: the value itself for one node; for several nodes an <c>object?[]</c> with one value
    /// per node, <c>null</c> where a node's model has no such key. Fails (UnaccessedDictionaryEntry) when no node has it.
    /// Reads the key alone (a neuron model's column directly), not each node's whole status.
    /// </summary>
    public object Get(string key)
    {
        var values = Kernel.GetNodeStatusValues(this, key);
        if (values.Length == 0) return values;
        if (_ids.Length == 1) return values[0] ?? throw NoSuchKey(key, 0);
        foreach (var value in values)
            if (value is not null) return values;
        throw NoSuchKey(key, 0, $"the nodes {this}");
    }

    /// <summary>The error for a key the node at <paramref name="position"/> lacks, listing the keys it has.</summary>
    private UnaccessedDictionaryEntryException NoSuchKey(string key, int position, string? owner = null) =>
        new(owner ?? $"node {_ids[position]} ({ModelAt(position)})", key, Kernel.GetNodeStatus(this, _ids[position]).Keys);

    /// <summary>PyNEST's <c>get([k1, k2, ...])</c>: each key with its value as <see cref="Get(string)"/> gives it.</summary>
    public Dictionary<string, object> Get(IReadOnlyList<string> keys)
    {
        var result = new Dictionary<string, object>(keys.Count);
        foreach (string key in keys) result[key] = Get(key);
        return result;
    }

    /// <summary>
    /// PyNEST's <c>get()</c>: every key any node has, with its value as <see cref="Get(string)"/> gives it (for several
    /// nodes <c>null</c> where a node's model has no such key).
    /// </summary>
    public Dictionary<string, object> Get()
    {
        var statuses = GetStatus();
        var result = new Dictionary<string, object>();
        foreach (var status in statuses)
        {
            foreach (string key in status.Keys)
                if (!result.ContainsKey(key)) result[key] = Collect(statuses, key);
        }
        return result;
    }

    /// <summary>
    /// PyNEST's <c>get(key, subKey)</c> for a dictionary-valued key such as <c>events</c>: the entry for one node, one
    /// entry per node otherwise.
    /// </summary>
    public object Get(string key, string subKey)
    {
        var inner = InnerStatuses(key);
        return Collect(inner, subKey);
    }

    /// <summary>PyNEST's <c>get(key, [s1, s2, ...])</c>: each sub-key of a dictionary-valued key with its entries.</summary>
    public Dictionary<string, object> Get(string key, IReadOnlyList<string> subKeys)
    {
        var inner = InnerStatuses(key);
        var result = new Dictionary<string, object>(subKeys.Count);
        foreach (string subKey in subKeys) result[subKey] = Collect(inner, subKey);
        return result;
    }

    private Dictionary<string, object>[] InnerStatuses(string key)
    {
        var values = Kernel.GetNodeStatusValues(this, key);
        var inner = new Dictionary<string, object>[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            if (values[k] is not { } value)
            {
                throw new UnaccessedDictionaryEntryException($"node {_ids[k]} ({ModelAt(k)})", key,
                    Kernel.GetNodeStatus(this, _ids[k]).Keys);
            }
            inner[k] = value as Dictionary<string, object>
                ?? throw new TypeMismatchException(key, value, "a dictionary-valued key (such as events) for a hierarchical get");
        }
        return inner;
    }

    private object Collect(IReadOnlyList<Dictionary<string, object>> statuses, string key)
    {
        if (statuses.Count == 1)
        {
            return statuses[0].TryGetValue(key, out var only)
                ? only
                : throw new UnaccessedDictionaryEntryException($"node {_ids[0]} ({ModelAt(0)})", key, statuses[0].Keys);
        }
        var values = new object?[statuses.Count];
        bool found = false;
        for (int k = 0; k < statuses.Count; k++)
            if (statuses[k].TryGetValue(key, out var value)) { values[k] = value; found = true; }
        if (!found && statuses.Count > 0)
            throw new UnaccessedDictionaryEntryException($"the nodes {this}", key, statuses[0].Keys);
        return values;
    }

    /// <summary>A status value of a single-node collection, converted to <typeparamref name="T"/>.</summary>
    public T Get<T>(string key)
    {
        if (_ids.Length != 1) throw new KernelException($"Get<{typeof(T).Name}>(\"{key}\") needs a single node; this collection has {_ids.Length}. Use GetValues.");
        return Convert<T>(key, Kernel.GetNodeStatusValue(this, _ids[0], key));
    }

    /// <summary>One status value per node, converted to <typeparamref name="T"/>.</summary>
    public T[] GetValues<T>(string key)
    {
        var values = Kernel.GetNodeStatusValues(this, key);
        var converted = new T[values.Length];
        for (int k = 0; k < values.Length; k++)
            converted[k] = Convert<T>(key, values[k] ?? throw NoSuchKey(key, k));
        return converted;
    }

    /// <summary>The full status of each node.</summary>
    public IReadOnlyList<Dictionary<string, object>> GetStatus() => _ids.Select(id => Kernel.GetNodeStatus(this, id)).ToArray();

    /// <summary>Sets one key on every node: a value for all, an array with one value per node, or a <see cref="Parameter"/> drawn per node.</summary>
    public void Set(string key, object value) => Set(new Dictionary<string, object> { [key] = value });

    /// <summary>
    /// Sets several keys on every node (each value as in <see cref="Set(string, object)"/>); on an empty collection
    /// nothing happens.
    /// </summary>
    public void Set(Dictionary<string, object> values)
    {
        if (_ids.Length > 0) Kernel.SetNodeStatus(this, values);
    }

    /// <summary>Sets one dictionary per node.</summary>
    public void Set(IReadOnlyList<Dictionary<string, object>> perNode)
    {
        if (_ids.Length > 0 || perNode.Count > 0) Kernel.SetNodeStatusPerNode(this, perNode);
    }

    private static T Convert<T>(string key, object value)
    {
        if (value is T t) return t;
        try
        {
            return (T)System.Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new TypeMismatchException(key, value, $"a value convertible to {typeof(T).Name}");
        }
    }

    /// <summary>
    /// As PyNEST prints it (NEST's NodeCollection::print_me): <c>NodeCollection(metadata=None, model=iaf_psc_alpha,
    /// size=10, first=1, last=10)</c> for one block of consecutive ids of one model; a collection of several blocks
    /// (joined with +, or made from a list of ids) gives one indented line per block, separated by ';'; a collection
    /// sliced with a step above 1 gives one line per block, with that step.
    /// </summary>
    public override string ToString()
    {
        if (_ids.Length == 0) return "NodeCollection(<empty>)";
        const string Opening = "NodeCollection(";
        string indent = "\n" + new string(' ', Opening.Length);
        var blocks = Blocks();
        var text = new System.Text.StringBuilder(Opening).Append("metadata=None");
        if (_step > 1)
        {
            text.Append(',');
            for (int b = 0; b < blocks.Count; b++)
            {
                var (start, size) = blocks[b];
                text.Append(indent).Append($"model={ModelAt(start)}, size={size}, first={_ids[start]}, last={_ids[start + size - 1]}");
                if (size > 1) text.Append($", step={_step}");
                if (b < blocks.Count - 1) text.Append(';');
            }
        }
        else if (blocks.Count == 1)
        {
            text.Append(", ").Append(Block(blocks[0]));
        }
        else
        {
            text.Append(',');
            for (int b = 0; b < blocks.Count; b++) text.Append(indent).Append(Block(blocks[b])).Append(b < blocks.Count - 1 ? ";" : "");
        }
        return text.Append(')').ToString();
    }

    private string Block((int Start, int Size) block) =>
        $"model={ModelAt(block.Start)}, size={block.Size}, first={_ids[block.Start]}" + (block.Size > 1 ? $", last={_ids[block.Start + block.Size - 1]}" : "");

    /// <summary>The runs of nodes of one model whose ids follow each other at the collection's step: NEST's primitives.</summary>
    private List<(int Start, int Size)> Blocks()
    {
        var blocks = new List<(int Start, int Size)>();
        int start = 0;
        for (int k = 1; k <= _ids.Length; k++)
        {
            if (k < _ids.Length && _ids[k] == _ids[k - 1] + _step && ModelAt(k) == ModelAt(k - 1)) continue;
            blocks.Add((start, k - start));
            start = k;
        }
        return blocks;
    }
}
