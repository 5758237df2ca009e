namespace NestSharp.Connections;

/// <summary>A per-synapse column of a synapse model (one double per synapse of a block), addressed by its handle.</summary>
internal readonly record struct SynapseColumn(int Index);

/// <summary>
/// A column whose value the synapses of one source share while they are in step, kept once per run of such synapses
/// (<see cref="SynapseBlock.Runs"/>), addressed by its handle.
/// </summary>
internal readonly record struct SourceColumn(int Index);

/// <summary>Where a value of a synapse is kept: a per-synapse column, or a column shared by a source's synapses (<paramref name="BySource"/>).</summary>
internal readonly record struct StoredColumn(int Index, bool BySource)
{
    public static implicit operator StoredColumn(SynapseColumn column) => new(column.Index, BySource: false);

    public static implicit operator StoredColumn(SourceColumn column) => new(column.Index, BySource: true);

    /// <summary>The value of this column for synapse <paramref name="index"/> of <paramref name="block"/>.</summary>
    public double ValueAt(SynapseBlock block, int index) => BySource ? block.SourceValueAt(Index, index) : block.State[Index][index];
}

/// <summary>A parameter common to all connections of a synapse model (the _hom models'), addressed by its handle.</summary>
internal readonly record struct CommonParameter(int Index);

/// <summary>An integer-array parameter common to all connections of a synapse model, addressed by its handle.</summary>
internal readonly record struct CommonArray(int Index);

/// <summary>
/// A key of a synapse model with its default and what a value must satisfy; <paramref name="Integer"/> keys (such as
/// quantal_stp_synapse's n) hold whole numbers and are reported as integers (an integer key without a requirement
/// refuses other numbers with TypeMismatch, as NEST's long values do); <paramref name="Boolean"/> keys hold 0 or 1, are
/// given and reported as booleans.
/// </summary>
internal sealed record SynapseKey(string Key, double Default, Requirement? Requirement, bool Integer = false, bool Boolean = false);

/// <summary>
/// An integer-array key common to all connections of a synapse model (such as stdp_facetshw_synapse_hom's look-up
/// tables) with its default and its check of a new value (which throws naming the key).
/// </summary>
internal sealed record SynapseArrayKey(string Key, long[] Default, Action<long[]>? Check);

/// <summary>
/// Everything a synapse model declares about itself beyond weight, delay and receptor_type, in one place: parameters
/// common to the model (set with SetDefaults or CopyModel; numbers or integer arrays), per-connection parameters (given in the syn_spec or taken
/// from the model's defaults, kept per synapse), per-synapse state (with its initial value), and whether each synapse
/// keeps the key of its own random stream; whether the weight is common to the model (the _hom_w
/// models) and whether a connection reports its size (sizeof). The block layout, the syn_spec keys, their checks and the initialisation of a new synapse
/// derive from it; the model addresses its storage by the handles the declarations return.
/// </summary>
internal sealed class SynapseSchema
{
    private readonly List<SynapseKey> _common = [];
    private readonly List<SynapseArrayKey> _commonArrays = [];
    private readonly List<SynapseKey> _perConnection = [];
    private readonly List<StoredColumn> _perConnectionColumns = [];
    private readonly List<(string Name, double Initial)> _columns = [];
    private readonly List<(string Name, double Initial)> _sourceColumns = [];
    private SynapseLayout? _layout;

    /// <summary>Parameters common to all connections of a model, in declaration order.</summary>
    public IReadOnlyList<SynapseKey> Common => _common;

    /// <summary>Integer-array parameters common to all connections of a model, in declaration order.</summary>
    public IReadOnlyList<SynapseArrayKey> CommonArrays => _commonArrays;

    /// <summary>Per-connection parameters, in declaration order.</summary>
    public IReadOnlyList<SynapseKey> PerConnection => _perConnection;

    /// <summary>
    /// Whether every synapse keeps the key of its own random stream (models that draw random numbers per spike), in
    /// the index columns <see cref="StreamKeyColumn"/> (low 32 bits) and the next (high 32 bits).
    /// </summary>
    public bool KeepsStreamKeys { get; private set; }

    /// <summary>The index column with the low half of a synapse's stream key, when <see cref="KeepsStreamKeys"/>.</summary>
    public const int StreamKeyColumn = 0;

    /// <summary>
    /// Whether the weight is common to all connections of a model (set with SetDefaults or CopyModel, not in a syn_spec
    /// or on a connection; a connection's status has no weight).
    /// </summary>
    public bool HasCommonWeight { get; private set; }

    /// <summary>Whether a connection's status and the model's defaults report <c>sizeof</c> (NEST leaves it out for some models).</summary>
    public bool ReportsSize { get; private set; } = true;

    /// <summary>The per-synapse columns a block stores beyond channel, weight and delay.</summary>
    public SynapseLayout Layout => _layout ??= _columns.Count == 0 && _sourceColumns.Count == 0 && !KeepsStreamKeys
        ? SynapseLayout.Static
        : new SynapseLayout([.. _columns.Select(c => c.Name)], [.. IndexColumnNames()], [.. _sourceColumns.Select(c => c.Name)]);

    private IEnumerable<string> IndexColumnNames()
    {
        if (KeepsStreamKeys)
        {
            yield return "stream_key_low";
            yield return "stream_key_high";
        }
    }

    /// <summary>A parameter common to all connections of the model (an <paramref name="integer"/> one holds whole numbers).</summary>
    public CommonParameter CommonParameter(string key, double defaultValue, Requirement? requirement = null, bool integer = false)
    {
        _common.Add(new SynapseKey(key, defaultValue, requirement, integer));
        return new CommonParameter(_common.Count - 1);
    }

    /// <summary>A boolean parameter common to all connections of the model (kept as 0 or 1), see <see cref="SynapseKey.Boolean"/>.</summary>
    public CommonParameter CommonFlag(string key, bool defaultValue)
    {
        _common.Add(new SynapseKey(key, defaultValue ? 1.0 : 0.0, null, Boolean: true));
        return new CommonParameter(_common.Count - 1);
    }

    /// <summary>An integer-array parameter common to all connections of the model, with the check of a new value.</summary>
    public CommonArray CommonIntegerArray(string key, long[] defaultValue, Action<long[]>? check = null)
    {
        _commonArrays.Add(new SynapseArrayKey(key, defaultValue, check));
        return new CommonArray(_commonArrays.Count - 1);
    }

    /// <summary>
    /// A parameter each connection has (settable in the syn_spec), kept in a per-synapse column; an
    /// <paramref name="integer"/> parameter holds whole numbers and is reported as an integer.
    /// </summary>
    public SynapseColumn Parameter(string key, double defaultValue, Requirement? requirement = null, bool integer = false)
    {
        var column = State(key, defaultValue);
        _perConnection.Add(new SynapseKey(key, defaultValue, requirement, integer));
        _perConnectionColumns.Add(new StoredColumn(column.Index, BySource: false));
        return column;
    }

    /// <summary>
    /// A parameter each connection has (settable in the syn_spec and on a connection) whose value the synapses of a
    /// source share while they are in step: kept once per run of such synapses (see <see cref="SourceColumn"/>).
    /// </summary>
    public SourceColumn SourceParameter(string key, double defaultValue, Requirement? requirement = null)
    {
        var column = SourceState(key, defaultValue);
        _perConnection.Add(new SynapseKey(key, defaultValue, requirement));
        _perConnectionColumns.Add(new StoredColumn(column.Index, BySource: true));
        return column;
    }

    /// <summary>State the synapses of a source share while they are in step (see <see cref="SourceColumn"/>), starting at <paramref name="initial"/>.</summary>
    public SourceColumn SourceState(string name, double initial = 0.0)
    {
        _sourceColumns.Add((name, initial));
        _layout = null;
        return new SourceColumn(_sourceColumns.Count - 1);
    }

    /// <summary>A boolean parameter each connection has (kept as 0 or 1 in a per-synapse column), see <see cref="SynapseKey.Boolean"/>.</summary>
    public SynapseColumn FlagParameter(string key, bool defaultValue)
    {
        double value = defaultValue ? 1.0 : 0.0;
        var column = State(key, value);
        _perConnection.Add(new SynapseKey(key, value, null, Boolean: true));
        _perConnectionColumns.Add(new StoredColumn(column.Index, BySource: false));
        return column;
    }

    /// <summary>Per-synapse state the model keeps (not settable in the syn_spec), starting at <paramref name="initial"/>.</summary>
    public SynapseColumn State(string name, double initial = 0.0)
    {
        _columns.Add((name, initial));
        _layout = null;
        return new SynapseColumn(_columns.Count - 1);
    }

    /// <summary>Every synapse keeps the key of its own random stream (see <see cref="KeepsStreamKeys"/>).</summary>
    public void KeepStreamKeys()
    {
        KeepsStreamKeys = true;
        _layout = null;
    }

    /// <summary>The weight is common to all connections of the model (see <see cref="HasCommonWeight"/>).</summary>
    public void CommonWeight() => HasCommonWeight = true;

    /// <summary>Connections and defaults of the model do not report <c>sizeof</c>.</summary>
    public void WithoutSize() => ReportsSize = false;

    /// <summary>The stream key kept by synapse <paramref name="index"/> (see <see cref="KeepsStreamKeys"/>).</summary>
    public static ulong StreamKeyOf(SynapseBlock block, int index) =>
        (uint)block.Indices[StreamKeyColumn][index] | ((ulong)(uint)block.Indices[StreamKeyColumn + 1][index] << 32);

    /// <summary>The position of per-connection parameter <paramref name="key"/> in <see cref="PerConnection"/>, or -1.</summary>
    public int IndexOfPerConnection(string key) => _perConnection.FindIndex(k => k.Key == key);

    /// <summary>The column that holds per-connection parameter <paramref name="k"/> (its position in <see cref="PerConnection"/>).</summary>
    public StoredColumn ColumnOfPerConnection(int k) => _perConnectionColumns[k];

    /// <summary>The value of per-connection parameter <paramref name="k"/> of synapse <paramref name="index"/> of a block of this schema.</summary>
    public double PerConnectionValue(SynapseBlock block, int k, int index)
    {
        return _perConnectionColumns[k].ValueAt(block, index);
    }

    /// <summary>
    /// The values of the shared columns (<see cref="SourceColumn"/>) of a new synapse, from its per-connection values
    /// (in the order of <see cref="PerConnection"/>) and the initial values of the others.
    /// </summary>
    public void SourceValues(ReadOnlySpan<double> perConnectionValues, Span<double> into)
    {
        for (int c = 0; c < _sourceColumns.Count; c++) into[c] = _sourceColumns[c].Initial;
        for (int k = 0; k < perConnectionValues.Length; k++)
            if (_perConnectionColumns[k] is { BySource: true } column) into[column.Index] = perConnectionValues[k];
    }

    /// <summary>The position of common integer-array parameter <paramref name="key"/> in <see cref="CommonArrays"/>, or -1.</summary>
    public int IndexOfCommonArray(string key) => _commonArrays.FindIndex(k => k.Key == key);

    /// <summary>Whether <paramref name="key"/> is common to all connections of a model of this schema.</summary>
    public bool IsCommon(string key) => _common.Exists(k => k.Key == key) || _commonArrays.Exists(k => k.Key == key);

    /// <summary>The declaration of <paramref name="key"/> (common or per connection), or null.</summary>
    public SynapseKey? Find(string key) =>
        _common.Find(k => k.Key == key) ?? _perConnection.Find(k => k.Key == key);

    /// <summary>The per-connection key of the labelled models (NEST's ConnectionLabel).</summary>
    public const string LabelKey = "synapse_label";

    /// <summary>The label of a connection given none (NEST's UNLABELED_CONNECTION).</summary>
    public const double Unlabelled = -1.0;

    /// <summary>
    /// A copy of this declaration with one more per-connection integer parameter, <see cref="LabelKey"/>:
    /// <see cref="Unlabelled"/> unless given, otherwise not negative (NEST refuses -1 given explicitly; here it is
    /// taken as "unlabelled", since the defaults are checked as given values). Appended after every declared column,
    /// so the model's handles address the same columns.
    /// </summary>
    public SynapseSchema WithLabel()
    {
        var copy = new SynapseSchema { KeepsStreamKeys = KeepsStreamKeys, HasCommonWeight = HasCommonWeight, ReportsSize = ReportsSize };
        copy._common.AddRange(_common);
        copy._commonArrays.AddRange(_commonArrays);
        copy._perConnection.AddRange(_perConnection);
        copy._perConnectionColumns.AddRange(_perConnectionColumns);
        copy._columns.AddRange(_columns);
        copy._sourceColumns.AddRange(_sourceColumns);
        copy.Parameter(LabelKey, Unlabelled, new Requirement(static v => v >= 0 || v == Unlabelled, "Connection label must not be negative"), integer: true);
        return copy;
    }

    /// <summary>Checks one value of <paramref name="key"/>; throws naming the key.</summary>
    public void Check(string key, double value)
    {
        var declared = Find(key);
        if (declared is { Integer: true } && (declared.Requirement is null || key == LabelKey) && value != Math.Floor(value))
            throw new TypeMismatchException(key, value, "an integer");
        if (declared?.Requirement is { } requirement && !requirement.Holds(value))
            throw new BadPropertyException(key, value, requirement.Allowed);
    }

    /// <summary>
    /// Writes the initial state and the per-connection values of a new synapse at <paramref name="index"/> and the
    /// key of its random stream (where the model keeps it). The shared columns are the builder's (see
    /// <see cref="SourceValues"/>).
    /// </summary>
    public void Initialise(SynapseBlock block, int index, ReadOnlySpan<double> perConnectionValues, ulong streamKey)
    {
        for (int c = 0; c < _columns.Count; c++) block.State[c][index] = _columns[c].Initial;
        for (int k = 0; k < perConnectionValues.Length; k++)
            if (_perConnectionColumns[k] is { BySource: false } column) block.State[column.Index][index] = perConnectionValues[k];
        if (KeepsStreamKeys)
        {
            block.Indices[StreamKeyColumn][index] = (int)(uint)streamKey;
            block.Indices[StreamKeyColumn + 1][index] = (int)(uint)(streamKey >> 32);
        }
    }
}
