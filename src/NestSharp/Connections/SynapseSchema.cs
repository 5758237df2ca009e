using NestSharp.Nodes;

namespace NestSharp.Connections;

/// <summary>A per-synapse column of a synapse model (one double per synapse of a block), addressed by its handle.</summary>
internal readonly record struct SynapseColumn(int Index);

/// <summary>A parameter common to all connections of a synapse model (the _hom models'), addressed by its handle.</summary>
internal readonly record struct CommonParameter(int Index);

/// <summary>A key of a synapse model with its default and what a value must satisfy.</summary>
internal sealed record SynapseKey(string Key, double Default, Requirement? Requirement);

/// <summary>
/// Everything a synapse model declares about itself beyond weight, delay and receptor_type, in one place: parameters
/// common to the model (set with SetDefaults or CopyModel), per-connection parameters (given in the syn_spec or taken
/// from the model's defaults, kept per synapse), per-synapse state (with its initial value), and whether each synapse
/// keeps its target's id. The block layout, the syn_spec keys, their checks and the initialisation of a new synapse
/// derive from it; the model addresses its storage by the handles the declarations return.
/// </summary>
internal sealed class SynapseSchema
{
    private readonly List<SynapseKey> _common = [];
    private readonly List<SynapseKey> _perConnection = [];
    private readonly List<int> _perConnectionColumns = [];
    private readonly List<(string Name, double Initial)> _columns = [];
    private SynapseLayout? _layout;

    /// <summary>Parameters common to all connections of a model, in declaration order.</summary>
    public IReadOnlyList<SynapseKey> Common => _common;

    /// <summary>Per-connection parameters, in declaration order.</summary>
    public IReadOnlyList<SynapseKey> PerConnection => _perConnection;

    /// <summary>Whether every synapse keeps its target's node id (in index column <see cref="TargetColumn"/>).</summary>
    public bool KeepsTargets { get; private set; }

    /// <summary>The index column with the target's id, when <see cref="KeepsTargets"/>.</summary>
    public const int TargetColumn = 0;

    /// <summary>The per-synapse columns a block stores beyond channel, weight and delay.</summary>
    public SynapseLayout Layout => _layout ??= _columns.Count == 0 && !KeepsTargets
        ? SynapseLayout.Static
        : new SynapseLayout([.. _columns.Select(c => c.Name)], KeepsTargets ? ["target"] : []);

    /// <summary>A parameter common to all connections of the model.</summary>
    public CommonParameter CommonParameter(string key, double defaultValue, Requirement? requirement = null)
    {
        _common.Add(new SynapseKey(key, defaultValue, requirement));
        return new CommonParameter(_common.Count - 1);
    }

    /// <summary>A parameter each connection has (settable in the syn_spec), kept in a per-synapse column.</summary>
    public SynapseColumn Parameter(string key, double defaultValue, Requirement? requirement = null)
    {
        var column = State(key, defaultValue);
        _perConnection.Add(new SynapseKey(key, defaultValue, requirement));
        _perConnectionColumns.Add(column.Index);
        return column;
    }

    /// <summary>Per-synapse state the model keeps (not settable in the syn_spec), starting at <paramref name="initial"/>.</summary>
    public SynapseColumn State(string name, double initial = 0.0)
    {
        _columns.Add((name, initial));
        _layout = null;
        return new SynapseColumn(_columns.Count - 1);
    }

    /// <summary>Every synapse keeps its target's node id (models that read the target's history need it).</summary>
    public void KeepTargets()
    {
        KeepsTargets = true;
        _layout = null;
    }

    /// <summary>The position of per-connection parameter <paramref name="key"/> in <see cref="PerConnection"/>, or -1.</summary>
    public int IndexOfPerConnection(string key) => _perConnection.FindIndex(k => k.Key == key);

    /// <summary>The per-synapse column that holds per-connection parameter <paramref name="k"/> (its position in <see cref="PerConnection"/>).</summary>
    public int ColumnOfPerConnection(int k) => _perConnectionColumns[k];

    /// <summary>Whether <paramref name="key"/> is common to all connections of a model of this schema.</summary>
    public bool IsCommon(string key) => _common.Exists(k => k.Key == key);

    /// <summary>The declaration of <paramref name="key"/> (common or per connection), or null.</summary>
    public SynapseKey? Find(string key) =>
        _common.Find(k => k.Key == key) ?? _perConnection.Find(k => k.Key == key);

    /// <summary>Checks one value of <paramref name="key"/>; throws naming the key.</summary>
    public void Check(string key, double value)
    {
        if (Find(key)?.Requirement is { } requirement && !requirement.Holds(value))
            throw new BadPropertyException(key, value, requirement.Allowed);
    }

    /// <summary>Writes the initial state and the per-connection values of a new synapse at <paramref name="index"/>.</summary>
    public void Initialise(SynapseBlock block, int index, ReadOnlySpan<double> perConnectionValues, int targetId)
    {
        for (int c = 0; c < _columns.Count; c++) block.State[c][index] = _columns[c].Initial;
        for (int k = 0; k < perConnectionValues.Length; k++) block.State[_perConnectionColumns[k]][index] = perConnectionValues[k];
        if (KeepsTargets) block.Indices[TargetColumn][index] = targetId;
    }
}
