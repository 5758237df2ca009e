using NestSharp.Models.Synapses;

namespace NestSharp.Connections;

/// <summary>
/// A per-connection status entry whose value is a dictionary of some of the synapse's state columns (NEST's e-prop
/// synapses' <c>optimizer</c>: Adam's moments m and v, nothing for gradient descent). A connection's Get shows the
/// dictionary; a Set takes a dictionary of some of its entries (as columns named key.entry, see
/// <see cref="ConnectionQuery"/>). Which entries there are may depend on the model's common properties.
/// </summary>
internal sealed class NestedConnectionStatus(string key, Func<SynapseModel, IReadOnlyList<(string Name, SynapseColumn Column)>> entries)
{
    /// <summary>The status key (<c>optimizer</c>).</summary>
    public string Key { get; } = key;

    /// <summary>The entries the connections of <paramref name="model"/> have: names and the state columns they show.</summary>
    public IReadOnlyList<(string Name, SynapseColumn Column)> Entries(SynapseModel model) => entries(model);

    /// <summary>The column of a flattened Set key (key.entry) of <paramref name="model"/>, or null when it is not one.</summary>
    public SynapseColumn? ColumnOf(SynapseModel model, string flatKey, out bool nested)
    {
        nested = flatKey.Length > Key.Length + 1 && flatKey.StartsWith(Key, StringComparison.Ordinal) && flatKey[Key.Length] == '.';
        if (!nested) return null;
        string name = flatKey[(Key.Length + 1)..];
        foreach (var (entry, column) in Entries(model))
            if (entry == name) return column;
        return null;
    }
}
