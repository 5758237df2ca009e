namespace NestSharp.Nodes;

/// <summary>
/// The user-visible numeric status entries of a neuron model (parameters and state variables), with their
/// defaults, stored per node as one array per entry (struct of arrays).
/// </summary>
internal sealed class ColumnSchema
{
    private readonly Dictionary<string, int> _index;

    public ColumnSchema(params (string Name, double Default)[] columns)
    {
        Names = columns.Select(c => c.Name).ToArray();
        Defaults = columns.Select(c => c.Default).ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Names.Length; i++) _index.Add(Names[i], i);
    }

    public string[] Names { get; }
    public double[] Defaults { get; }
    public int Count => Names.Length;

    public int IndexOf(string name) => _index[name];
    public bool TryIndexOf(string name, out int index) => _index.TryGetValue(name, out index);
}
