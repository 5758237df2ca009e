namespace NestSharp.Nodes;

/// <summary>A column of a neuron model: one value per node, addressed by the handle its declaration returned.</summary>
internal readonly record struct Column(int Index);

/// <summary>An input of a neuron model: one channel of the kernel's input ring per node.</summary>
internal readonly record struct InputChannel(int Index);

/// <summary>An array entry of a neuron model: one array of any length per node (NEST's vector parameters, e.g. tau_syn).</summary>
internal readonly record struct ArrayColumn(int Index);

/// <summary>A variable per receptor port: one column over the nodes for each port (receptor 1, 2, ...) of the group.</summary>
internal readonly record struct PortColumn(int Index);

/// <summary>A declared array entry: a parameter shown and set as an array, each element checked.</summary>
internal sealed record ArrayEntry(string Name, double[] Default, string Unit, Requirement? Element);

/// <summary>A declared per-port variable; <paramref name="ShownAs"/> names the read-only status key showing it as an array.</summary>
internal sealed record PortEntry(string Name, string? ShownAs);

/// <summary>
/// Receptor ports whose number varies per node (NEST's multisynapse models): node i has spike receptors 1 .. n_i with
/// n_i the length of its array <paramref name="SizedBy"/>; the status shows n_i as <paramref name="CountKey"/> (unless
/// null: NEST's GLIF models show no count) and whether a spike connection reached the node as has_connections (both
/// read-only).
/// </summary>
internal sealed record ReceptorPorts(ArrayColumn SizedBy, string? CountKey);

/// <summary>What a value must satisfy, with what NEST says when it does not ("must be strictly positive").</summary>
internal readonly record struct Requirement(Func<double, bool> Holds, string Allowed)
{
    public static Requirement Positive(string allowed) => new(static v => v > 0, allowed);

    public static Requirement NonNegative(string allowed) => new(static v => v >= 0, allowed);
}

/// <summary>Whether an entry is part of the status (settable parameter or state) or kept by the model alone.</summary>
internal enum EntryRole { Parameter, State, Internal }

/// <summary>How a status entry is shown: a real number, a boolean (stored as 1 or 0) or an integer.</summary>
internal enum EntryType { Real, Boolean, Integer }

/// <summary>Where a spike on a receptor goes: one input, or by the weight's sign, or counted (weight ignored).</summary>
internal enum SpikeRouting { Weighted, BySignZeroExcitatory, BySignZeroInhibitory, Counted }

/// <summary>One declared column of a neuron model.</summary>
internal sealed record SchemaEntry(string Name, double Default, string Unit, EntryRole Role, EntryType Type, Requirement? Requirement, int RelativeTo)
{
    public bool InStatus => Role != EntryRole.Internal;
}

/// <summary>A spike receptor: the input (or the excitatory and inhibitory inputs) its spikes add into.</summary>
internal sealed record SpikeReceptor(int Number, InputChannel Input, InputChannel Inhibitory, SpikeRouting Routing);

/// <summary>
/// Everything a neuron model declares about itself, in one place (NEST's Parameters_, State_ and Buffers_ with their
/// names, Brian2's single declaration of a model's variables): its columns (name, default, unit, check, and whether
/// each is a parameter, a state variable or internal), its recordables in NEST's order, its inputs and how the receptor
/// types of spike and current connections map onto them. A model keeps the handles the declarations return and
/// addresses its storage by them; every index derives from the order of declaration.
/// <para>Every neuron's schema starts with the columns of NEST's archiving and structural-plasticity nodes
/// (<see cref="Archiving"/>): tau_minus, tau_minus_triplet, tau_Ca, beta_Ca, Ca and the ignore_and_spike keys.</para>
/// <para>Compartments: an entry named <c>compartment.key</c> (<c>soma.g_L</c>) appears as key g_L of the sub-dictionary
/// "soma" of the status.</para>
/// </summary>
internal sealed class NeuronSchema
{
    /// <summary>Separates the compartment from the key in an entry's name.</summary>
    public const char CompartmentSeparator = '.';

    private readonly List<SchemaEntry> _entries = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<Column> _recordables = [];
    private readonly List<string> _recordableNames = [];
    private readonly HashSet<string> _readOnlyKeys = [];
    private readonly List<string> _inputNames = [];
    private readonly SortedDictionary<int, SpikeReceptor> _spikeReceptors = [];
    private readonly SortedDictionary<int, InputChannel> _currentReceptors = [];
    private SpikeReceptor?[] _spikeReceptorByNumber = [];
    private readonly Dictionary<string, int> _receptorNames = new(StringComparer.Ordinal);
    private Column[]? _parameterColumns;
    private readonly List<ArrayEntry> _arrays = [];
    private readonly List<PortEntry> _ports = [];
    private readonly List<(PortColumn Column, string Prefix)> _portRecordables = [];

    /// <summary>A schema that starts with the archiving columns every neuron has.</summary>
    public static NeuronSchema ForNeuron()
    {
        var schema = new NeuronSchema();
        foreach (var entry in Archiving.Declared._entries) schema.Add(entry);
        return schema;
    }

    /// <summary>
    /// A schema for a neuron model built on NEST's plain Node rather than its ArchivingNode (gif_pop_psc_exp, astrocyte_lr_1994): the
    /// archiving columns keep their positions, so the kernel reads them as for any neuron, but they are internal (not in
    /// the status, not settable, unchecked), and the node keeps no spike history, calcium or synaptic elements
    /// (<see cref="Archives"/> is false).
    /// </summary>
    /// <param name="ignoreAndSpike">Whether the ignore_and_spike keys stay in the status, settable and checked (NEST's
    /// e-prop neurons are plain Nodes with the ignore-and-spike mechanism).</param>
    public static NeuronSchema ForPlainNode(bool ignoreAndSpike = false)
    {
        var schema = new NeuronSchema { Archives = false };
        foreach (var entry in Archiving.Declared._entries)
        {
            bool keep = ignoreAndSpike && entry.Name.StartsWith("ignore_and_spike", StringComparison.Ordinal);
            schema.Add(keep ? entry : entry with { Role = EntryRole.Internal, Requirement = null });
        }
        return schema;
    }

    /// <summary>
    /// Whether the model is one of NEST's archiving (and structural-plasticity) nodes: its status shows the archiving
    /// entries, t_spike, archiver_length, post_trace and synaptic_elements, and it can be the target of STDP synapses.
    /// </summary>
    public bool Archives { get; private init; } = true;

    public IReadOnlyList<SchemaEntry> Entries => _entries;
    public int Count => _entries.Count;
    public SchemaEntry this[Column column] => _entries[column.Index];
    public string NameOf(Column column) => _entries[column.Index].Name;
    public bool TryFind(string name, out Column column)
    {
        bool found = _index.TryGetValue(name, out int i);
        column = new Column(i);
        return found;
    }

    /// <summary>The fixed recordables' columns, in NEST's order (a computed recordable has column index -1).</summary>
    public IReadOnlyList<Column> Recordables => _recordables;

    /// <summary>The declared array entries (see <see cref="ArrayParameter"/>).</summary>
    public IReadOnlyList<ArrayEntry> Arrays => _arrays;

    /// <summary>The array entry named <paramref name="name"/>, if any.</summary>
    public bool TryFindArray(string name, out ArrayColumn column)
    {
        column = new ArrayColumn(_arrays.FindIndex(a => a.Name == name));
        return column.Index >= 0;
    }

    /// <summary>The receptor ports whose number varies per node, or null (see <see cref="PortsSizedBy"/>).</summary>
    public ReceptorPorts? Ports { get; private set; }

    /// <summary>The declared per-port variables.</summary>
    public IReadOnlyList<PortEntry> PortEntries => _ports;

    /// <summary>The per-port recordables: recordable prefix + r of port r, for each port a node has, after the fixed ones.</summary>
    public IReadOnlyList<(PortColumn Column, string Prefix)> PortRecordables => _portRecordables;

    /// <summary>
    /// Whether a receptor a connection cannot use is UnknownReceptorType even where the model takes the other kind of
    /// event on it (ht_neuron's handles_test_event), rather than IncompatibleReceptorType.
    /// </summary>
    public bool RefusedReceptorsUnknown { get; set; }

    /// <summary>Whether the status has a recordables key (as in NEST, every neuron but the parrot shows it, maybe empty).</summary>
    public bool ShowsRecordables { get; set; } = true;
    public IReadOnlyList<string> RecordableNames => _recordableNames;
    public int InputCount => _inputNames.Count;
    public IReadOnlyDictionary<int, SpikeReceptor> SpikeReceptors => _spikeReceptors;
    public IReadOnlyDictionary<int, InputChannel> CurrentReceptors => _currentReceptors;

    /// <summary>The spike receptor numbered <paramref name="receptor"/>, or null (an array look-up: Connect asks once per synapse).</summary>
    public SpikeReceptor? SpikeReceptorOf(int receptor) =>
        (uint)receptor < (uint)_spikeReceptorByNumber.Length ? _spikeReceptorByNumber[receptor] : null;

    /// <summary>Receptor names and numbers for <c>receptor_types</c> (empty unless the model names its receptors).</summary>
    public IReadOnlyDictionary<string, int> ReceptorNames => _receptorNames;

    /// <summary>The parameter columns (they determine what a model computes once per run from a node's row).</summary>
    public Column[] ParameterColumns => _parameterColumns ??= Enumerable.Range(0, Count)
        .Where(i => _entries[i].Role == EntryRole.Parameter).Select(i => new Column(i)).ToArray();

    /// <summary>A parameter: in the status, settable, constant while the model runs.</summary>
    public Column Parameter(string name, double defaultValue, string unit, Requirement? requirement = null) =>
        Add(new SchemaEntry(name, defaultValue, unit, EntryRole.Parameter, EntryType.Real, requirement, -1));

    /// <summary>A boolean parameter, stored as 1 or 0 and shown as true or false.</summary>
    public Column Flag(string name, bool defaultValue) =>
        Add(new SchemaEntry(name, defaultValue ? 1.0 : 0.0, "", EntryRole.Parameter, EntryType.Boolean, null, -1));

    /// <summary>An integer parameter, stored as a double and shown as an integer.</summary>
    public Column IntegerParameter(string name, long defaultValue, string unit, Requirement? requirement = null) =>
        Add(new SchemaEntry(name, defaultValue, unit, EntryRole.Parameter, EntryType.Integer, requirement, -1));

    /// <summary>A state variable: in the status and settable; the model changes it while it runs.</summary>
    public Column State(string name, double defaultValue, string unit, Requirement? requirement = null) =>
        Add(new SchemaEntry(name, defaultValue, unit, EntryRole.State, EntryType.Real, requirement, -1));

    /// <summary>
    /// A state variable stored relative to <paramref name="reference"/> (as NEST stores V_m relative to E_L, so that a
    /// change of E_L keeps the absolute potential): the status shows stored value + reference.
    /// </summary>
    public Column StateRelativeTo(Column reference, string name, double defaultValue, string unit) =>
        Add(new SchemaEntry(name, defaultValue, unit, EntryRole.State, EntryType.Real, null, reference.Index));

    /// <summary>
    /// A parameter stored relative to <paramref name="reference"/> (as NEST's MAT models store the resting threshold
    /// omega relative to E_L): the status shows stored value + reference; a change of the reference keeps the shown value.
    /// </summary>
    public Column ParameterRelativeTo(Column reference, string name, double defaultValue, string unit) =>
        Add(new SchemaEntry(name, defaultValue, unit, EntryRole.Parameter, EntryType.Real, null, reference.Index));

    /// <summary>A value per node the model keeps but the status does not show (NEST's hidden state and buffers).</summary>
    public Column Internal(string name, double initial = 0.0) =>
        Add(new SchemaEntry(name, initial, "", EntryRole.Internal, EntryType.Real, null, -1));

    /// <summary>
    /// An array parameter: one array per node, of any length, shown and set as an array of numbers; each element must
    /// satisfy <paramref name="element"/>. A model reads it per node (NeuronGroup.ArrayOf); relations between entries
    /// (equal lengths, ...) are checked in the model's Validate through <see cref="StatusRow.Array"/>.
    /// </summary>
    public ArrayColumn ArrayParameter(string name, double[] defaultValue, string unit, Requirement? element = null)
    {
        if (_index.ContainsKey(name) || _arrays.Exists(a => a.Name == name)) throw new ArgumentException($"duplicate entry {name}");
        _arrays.Add(new ArrayEntry(name, defaultValue, unit, element));
        return new ArrayColumn(_arrays.Count - 1);
    }

    /// <summary>
    /// Spike receptors 1 .. n_i per node, n_i the length of node i's array <paramref name="sizedBy"/>; each port has its
    /// own input (a block of the kernel's input ring per port, NeuronGroup.PortChannel). The status shows n_i as
    /// <paramref name="countKey"/> (n_synapses, n_receptors; null: not shown) and has_connections.
    /// </summary>
    public void PortsSizedBy(ArrayColumn sizedBy, string? countKey) => Ports = new ReceptorPorts(sizedBy, countKey);

    /// <summary>
    /// A variable per receptor port (a column over the nodes per port: NeuronGroup.PortState), zero for a port a node does
    /// not have; with <paramref name="shownAs"/> the status shows ports 1 .. n_i as a read-only array under that key.
    /// </summary>
    public PortColumn PortVariable(string name, string? shownAs = null)
    {
        _ports.Add(new PortEntry(name, shownAs));
        return new PortColumn(_ports.Count - 1);
    }

    /// <summary>Declares recordables <paramref name="prefix"/>1 .. <paramref name="prefix"/>n_i, the values of <paramref name="column"/> per port.</summary>
    public void PortRecordable(PortColumn column, string prefix) => _portRecordables.Add((column, prefix));

    /// <summary>Declares the next recordable as one the model computes (NeuronGroup.ReadComputedRecordable), not a column.</summary>
    public void ComputedRecordable(string name)
    {
        _recordables.Add(new Column(-1));
        _recordableNames.Add(name);
    }

    /// <summary>Declares the next recordable (declare them in NEST's order); its name is the column's unless given.</summary>
    public void Recordable(Column column, string? name = null)
    {
        _recordables.Add(column);
        _recordableNames.Add(name ?? NameOf(column));
    }

    /// <summary>
    /// Status keys the model shows but its set_status does not read (NEST's state it computes, such as e-prop's
    /// surrogate_gradient): a Set that gives one is an unaccessed dictionary entry.
    /// </summary>
    public IReadOnlySet<string> ReadOnlyKeys => _readOnlyKeys;

    /// <summary>Declares the columns' status keys read only (see <see cref="ReadOnlyKeys"/>).</summary>
    public void ReadOnly(params ReadOnlySpan<Column> columns)
    {
        foreach (var column in columns) _readOnlyKeys.Add(NameOf(column));
    }

    /// <summary>Declares the next recordables, under the columns' names, in the order given (declare them in NEST's order).</summary>
    public void Recordable(params ReadOnlySpan<Column> columns)
    {
        foreach (var column in columns) Recordable(column);
    }

    /// <summary>An input: one channel of the kernel's input ring per node, cleared after the step reads it.</summary>
    public InputChannel Input(string name)
    {
        _inputNames.Add(name);
        return new InputChannel(_inputNames.Count - 1);
    }

    /// <summary>An input (<see cref="Input"/>) that the currents on <paramref name="receptor"/> go to (<see cref="CurrentReceptor"/>).</summary>
    public InputChannel CurrentInput(string name, int receptor)
    {
        var input = Input(name);
        CurrentReceptor(receptor, input);
        return input;
    }

    /// <summary>Spikes on <paramref name="receptor"/> add weight · multiplicity into <paramref name="input"/>.</summary>
    public void SpikeReceptor(int receptor, InputChannel input, string? name = null) =>
        AddSpikeReceptor(new SpikeReceptor(receptor, input, input, SpikeRouting.Weighted), name);

    /// <summary>
    /// Spikes on <paramref name="receptor"/> go to <paramref name="excitatory"/> when their weight is positive and to
    /// <paramref name="inhibitory"/> when negative; a weight of zero goes where <paramref name="routing"/> says.
    /// </summary>
    public void SignedSpikeReceptor(int receptor, InputChannel excitatory, InputChannel inhibitory, SpikeRouting routing) =>
        AddSpikeReceptor(new SpikeReceptor(receptor, excitatory, inhibitory, routing), null);

    /// <summary>Spikes on <paramref name="receptor"/> are counted in <paramref name="input"/> (multiplicity; weight ignored).</summary>
    public void CountingSpikeReceptor(int receptor, InputChannel input, string? name = null) =>
        AddSpikeReceptor(new SpikeReceptor(receptor, input, input, SpikeRouting.Counted), name);

    /// <summary>Currents (from current generators) on <paramref name="receptor"/> add weight · amplitude into <paramref name="input"/>.</summary>
    public void CurrentReceptor(int receptor, InputChannel input, string? name = null)
    {
        _currentReceptors.Add(receptor, input);
        if (name is not null) _receptorNames.Add(name, receptor);
    }

    private void AddSpikeReceptor(SpikeReceptor receptor, string? name)
    {
        _spikeReceptors.Add(receptor.Number, receptor);
        if (receptor.Number >= _spikeReceptorByNumber.Length) Array.Resize(ref _spikeReceptorByNumber, receptor.Number + 1);
        _spikeReceptorByNumber[receptor.Number] = receptor;
        if (name is not null) _receptorNames.Add(name, receptor.Number);
    }

    private Column Add(SchemaEntry entry)
    {
        _index.Add(entry.Name, _entries.Count);
        _entries.Add(entry);
        _parameterColumns = null;
        return new Column(_entries.Count - 1);
    }

    /// <summary>
    /// The columns every neuron has (NEST's ArchivingNode: the post-synaptic traces' time constants; its
    /// StructuralPlasticityNode: calcium), at the same positions in every neuron's schema.
    /// </summary>
    public static class Archiving
    {
        internal static readonly NeuronSchema Declared = new();

        public static readonly Column TauMinus =
            Declared.Parameter("tau_minus", 20.0, "ms", Requirement.Positive("all time constants must be strictly positive"));

        public static readonly Column TauMinusTriplet =
            Declared.Parameter("tau_minus_triplet", 110.0, "ms", Requirement.Positive("all time constants must be strictly positive"));

        public static readonly Column TauCa =
            Declared.Parameter("tau_Ca", 10000.0, "ms", Requirement.Positive("all time constants must be strictly positive"));

        public static readonly Column BetaCa =
            Declared.Parameter("beta_Ca", 0.001, "", Requirement.Positive("must be positive for Ca to integrate the activity"));

        public static readonly Column Ca =
            Declared.State("Ca", 0.0, "", Requirement.NonNegative("the calcium concentration cannot be negative"));

        // NEST's ignore-and-spike mechanism (forced spikes at fixed intervals, for benchmarks): every neuron shows and
        // checks these keys; like NEST's models other than iaf_psc_delta and the e-prop neurons, ours do not use them.
        public static readonly Column IgnoreAndSpike = Declared.Flag("ignore_and_spike", false);

        public static readonly Column IgnoreAndSpikeOffset =
            Declared.Parameter("ignore_and_spike_offset", 1.0, "ms", Requirement.Positive("ignore_and_spike_offset > 0 required"));

        public static readonly Column IgnoreAndSpikeInterval =
            Declared.Parameter("ignore_and_spike_interval", 100.0, "ms", Requirement.Positive("ignore_and_spike_interval > 0 required"));
    }
}

/// <summary>A row of one node's values (user-facing, as the status shows them), read by column handle.</summary>
internal readonly ref struct StatusRow(ReadOnlySpan<double> values, NeuronSchema schema)
{
    private readonly ReadOnlySpan<double> _values = values;

    public double this[Column column] => _values[column.Index];

    /// <summary>The node's arrays (see <see cref="NeuronSchema.ArrayParameter"/>) as they would be stored.</summary>
    public double[][] Arrays { get; init; } = [];

    /// <summary>The new value of array <paramref name="column"/>.</summary>
    public ReadOnlySpan<double> Array(ArrayColumn column) => Arrays[column.Index];

    /// <summary>Whether array <paramref name="column"/> is among the values being set.</summary>
    public bool IsSet(ArrayColumn column) => ((SetArrays >> column.Index) & 1) != 0;

    /// <summary>The arrays being set, one bit per array column.</summary>
    public long SetArrays { get; init; }

    /// <summary>The node's number of receptor ports before this change (see <see cref="NeuronSchema.PortsSizedBy"/>).</summary>
    public int PreviousPorts { get; init; }

    /// <summary>Whether a spike connection has reached the node (NEST's has_connections).</summary>
    public bool HasConnections { get; init; }

    /// <summary>Fails naming array <paramref name="column"/> when <paramref name="ok"/> is false.</summary>
    public void Require(bool ok, ArrayColumn column, string allowed)
    {
        if (!ok) throw new BadPropertyException(schema.Arrays[column.Index].Name, Arrays[column.Index], allowed);
    }

    /// <summary>Fails naming <paramref name="column"/> and its value when <paramref name="ok"/> is false.</summary>
    public void Require(bool ok, Column column, string allowed)
    {
        if (!ok) throw new BadPropertyException(schema.NameOf(column), this[column], allowed);
    }

    /// <summary>As <see cref="Require(bool, Column, string)"/>, formatting the message only when the check failed.</summary>
    public void Require(bool ok, Column column, [InterpolatedStringHandlerArgument("ok")] ref FailureMessage allowed)
    {
        if (!ok) throw new BadPropertyException(schema.NameOf(column), this[column], allowed.ToStringAndClear());
    }

    /// <summary>As <see cref="Require(bool, ArrayColumn, string)"/>, formatting the message only when the check failed.</summary>
    public void Require(bool ok, ArrayColumn column, [InterpolatedStringHandlerArgument("ok")] ref FailureMessage allowed)
    {
        if (!ok) throw new BadPropertyException(schema.Arrays[column.Index].Name, Arrays[column.Index], allowed.ToStringAndClear());
    }
}
