using System.Collections;

namespace NestSharp;

/// <summary>
/// An ordered set of node ids of one kernel, as NEST's NodeCollection: returned by <c>Create</c>, sliced with C# ranges
/// (<c>nodes[..50]</c>) or <see cref="Slice(int, int, int)"/> with a step, joined with <c>+</c>, and used to read and
/// write status with <see cref="Get(string)"/> and <see cref="Set(string, object)"/>.
/// </summary>
public sealed class NodeCollection : IEnumerable<NodeCollection>
{
    private readonly int[] _ids;

    internal NodeCollection(Simulator kernel, long generation, int[] ids)
    {
        Kernel = kernel;
        Generation = generation;
        _ids = ids;
    }

    internal Simulator Kernel { get; }
    internal long Generation { get; }

    /// <summary>The node ids, in order.</summary>
    public IReadOnlyList<int> Ids => _ids;

    internal int[] IdArray => _ids;

    /// <summary>The number of nodes (Python's <c>len(nodes)</c>).</summary>
    public int Count => _ids.Length;

    /// <summary>The node at position <paramref name="index"/> (negative counts from the end, as in Python).</summary>
    public NodeCollection this[int index]
    {
        get
        {
            int i = index < 0 ? _ids.Length + index : index;
            if ((uint)i >= (uint)_ids.Length) throw new ArgumentOutOfRangeException(nameof(index), index, $"index {index} is outside a NodeCollection of {_ids.Length} nodes");
            return new NodeCollection(Kernel, Generation, [_ids[i]]);
        }
    }

    /// <summary>
    /// The nodes in <paramref name="range"/> (<c>nodes[..50]</c>, <c>nodes[^10..]</c>), as a Python slice without a step;
    /// a range reaching outside the collection fails, as in NEST.
    /// </summary>
    public NodeCollection this[Range range] => Slice(range.Start.GetOffset(_ids.Length), range.End.GetOffset(_ids.Length));

    /// <summary>
    /// Python-style slice [start:stop:step] with a positive step; negative start or stop count from the end. As in NEST
    /// (unlike a Python list), a start or stop outside the collection fails rather than being clipped.
    /// </summary>
    public NodeCollection Slice(int start, int stop, int step = 1)
    {
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, "the slicing step of a NodeCollection must be strictly positive");
        int first = start < 0 ? _ids.Length + start : start;
        int end = stop < 0 ? _ids.Length + stop : stop;
        if (first < 0 || first >= _ids.Length && _ids.Length > 0)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"slice start {start} is outside the NodeCollection of {_ids.Length} nodes");
        if (end < 0 || end > _ids.Length)
            throw new ArgumentOutOfRangeException(nameof(stop), stop, $"slice stop {stop} is outside the NodeCollection of {_ids.Length} nodes");
        var ids = new List<int>();
        for (int i = first; i < end; i += step) ids.Add(_ids[i]);
        return new NodeCollection(Kernel, Generation, ids.ToArray());
    }

    /// <summary>Concatenation; the collections must belong to the same kernel and must not overlap.</summary>
    public static NodeCollection operator +(NodeCollection a, NodeCollection b)
    {
        if (!ReferenceEquals(a.Kernel, b.Kernel) || a.Generation != b.Generation)
            throw new KernelException("Cannot join NodeCollections of different kernels (or from before ResetKernel).");
        var set = new HashSet<int>(a._ids);
        foreach (int id in b._ids)
            if (set.Contains(id)) throw new KernelException($"Cannot join overlapping NodeCollections (node {id} is in both).");
        return new NodeCollection(a.Kernel, a.Generation, [.. a._ids, .. b._ids]);
    }

    /// <summary>Whether node <paramref name="id"/> is in this collection (Python's <c>id in nodes</c>).</summary>
    public bool Contains(int id) => Array.IndexOf(_ids, id) >= 0;

    /// <summary>The position of node <paramref name="id"/>, or -1.</summary>
    public int IndexOf(int id) => Array.IndexOf(_ids, id);

    /// <summary>The nodes one by one, each as a single-node collection (as iterating over a PyNEST NodeCollection).</summary>
    public IEnumerator<NodeCollection> GetEnumerator()
    {
        foreach (int id in _ids) yield return new NodeCollection(Kernel, Generation, [id]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A status value: the value itself for one node, an <c>object[]</c> with one value per node otherwise.</summary>
    public object Get(string key)
    {
        var values = _ids.Select(id => Kernel.GetNodeStatusValue(this, id, key)).ToArray();
        return values.Length == 1 ? values[0] : values;
    }

    /// <summary>A status value of a single-node collection, converted to <typeparamref name="T"/>.</summary>
    public T Get<T>(string key)
    {
        if (_ids.Length != 1) throw new KernelException($"Get<{typeof(T).Name}>(\"{key}\") needs a single node; this collection has {_ids.Length}. Use GetValues.");
        return Convert<T>(key, Kernel.GetNodeStatusValue(this, _ids[0], key));
    }

    /// <summary>One status value per node, converted to <typeparamref name="T"/>.</summary>
    public T[] GetValues<T>(string key) => _ids.Select(id => Convert<T>(key, Kernel.GetNodeStatusValue(this, id, key))).ToArray();

    /// <summary>The full status of each node.</summary>
    public IReadOnlyList<Dictionary<string, object>> GetStatus() => _ids.Select(id => Kernel.GetNodeStatus(this, id)).ToArray();

    /// <summary>Sets one key on every node: a value for all, an array with one value per node, or a <see cref="Parameter"/> drawn per node.</summary>
    public void Set(string key, object value) => Kernel.SetNodeStatus(this, new Dictionary<string, object> { [key] = value });

    /// <summary>Sets several keys on every node (each value as in <see cref="Set(string, object)"/>).</summary>
    public void Set(Dictionary<string, object> values) => Kernel.SetNodeStatus(this, values);

    /// <summary>Sets one dictionary per node.</summary>
    public void Set(IReadOnlyList<Dictionary<string, object>> perNode) => Kernel.SetNodeStatusPerNode(this, perNode);

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
    /// <c>NodeCollection(first=1, last=10)</c> for consecutive ids, as PyNEST prints it; otherwise the first ten ids.
    /// </summary>
    public override string ToString() =>
        _ids.Length == 0 ? "NodeCollection(<empty>)" :
        IsContiguous() ? $"NodeCollection(first={_ids[0]}, last={_ids[^1]})" : $"NodeCollection({string.Join(", ", _ids.Take(10))}{(_ids.Length > 10 ? ", ..." : "")})";

    private bool IsContiguous()
    {
        for (int i = 1; i < _ids.Length; i++) if (_ids[i] != _ids[i - 1] + 1) return false;
        return true;
    }
}
