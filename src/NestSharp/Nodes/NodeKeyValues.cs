namespace NestSharp.Nodes;

/// <summary>
/// One key of a status Set on several nodes with its value for each node of the call, by the node's index in the call:
/// one value for every node, an array with one entry per node, or a <see cref="Parameter"/> drawn per node (from the
/// node's keyed stream, by the function the kernel gives).
/// </summary>
internal sealed class NodeKeyValues
{
    private readonly object? _value;
    private readonly Array? _perNode;
    private readonly Func<int, object>? _draw;

    private NodeKeyValues(string key, object? value, Array? perNode, Func<int, object>? draw)
    {
        Key = key;
        _value = value;
        _perNode = perNode;
        _draw = draw;
        Doubles = perNode as double[];
    }

    /// <summary>The same <paramref name="value"/> for every node.</summary>
    public static NodeKeyValues Same(string key, object value) => new(key, value, null, null);

    /// <summary>Entry i of <paramref name="values"/> for the node at index i of the call.</summary>
    public static NodeKeyValues PerNode(string key, Array values) => new(key, null, values, null);

    /// <summary>The value <paramref name="draw"/> gives for the node at index i of the call.</summary>
    public static NodeKeyValues Drawn(string key, Func<int, object> draw) => new(key, null, null, draw);

    /// <summary>The status key.</summary>
    public string Key { get; }

    /// <summary>Whether every node gets the same value.</summary>
    public bool IsSame => _perNode is null && _draw is null;

    /// <summary>The per-node values when they are an array of doubles (read without boxing), else null.</summary>
    public double[]? Doubles { get; }

    /// <summary>The value of the node at index <paramref name="index"/> of the call.</summary>
    public object At(int index)
    {
        if (_perNode is not null) return _perNode.GetValue(index)!;
        if (_draw is not null) return _draw(index);
        return _value!;
    }
}
