using System.Numerics;

namespace NestSharp.Nodes;

/// <summary>
/// Base of neuron models. A model declares itself in a <see cref="NeuronSchema"/> (columns, recordables, inputs,
/// receptors); this base stores one array per column (struct of arrays), shows and sets the status entries, checks them
/// (each entry's requirement, then the model's <see cref="Validate"/>), routes connections to the inputs its receptors
/// name, and assigns the nodes to virtual processes as NEST does (node n to VP n mod the number of VPs), storing each
/// virtual process's nodes contiguously: storage position (<i>slot</i> of the group) i holds node <see cref="IdOf"/>(i),
/// and <see cref="Chunk"/> gives the positions a thread updates. Everything a model keeps per node is indexed by that
/// position; what the kernel passes in (status, connections) is by <c>local</c> = id - FirstId, converted with
/// <see cref="PositionOf"/>. Inputs live in the kernel's <see cref="InputRing"/>: input c of the node at position i at
/// <c>ChannelBase + c · Count + i</c>. A subclass states its equations in <see cref="NodeGroup.Update"/>.
/// <para>Compartments: entries named <c>compartment.key</c> appear in sub-dictionaries of the status, as NEST shows
/// them (<c>{"soma": {"g_L": 30.0}}</c>); Stage takes nested dictionaries and names the compartment and key of an
/// unknown entry.</para>
/// </summary>
internal abstract partial class NeuronGroup : NodeGroup, ISampledGroup
{
    /// <summary>Set on a ring channel whose input counts spikes (weight ignored, as parrot neurons do).</summary>
    public const int CountingChannelFlag = unchecked((int)0x80000000);

    /// <summary>Where each slot's nodes start in storage (one more entry than slots).</summary>
    private int[] _chunkStart = [0, 1];

    /// <summary>The storage position of each node (by local index).</summary>
    private int[] _positionOfLocal = [0];

    /// <summary>The node id at each storage position.</summary>
    private int[] _idOfPosition = [0];

    /// <summary>The top-level status keys: flat entries, compartment names, then the keys of the state outside the columns.</summary>
    private string[] _settableKeys;

    /// <summary>What the model keeps per node outside its columns (<see cref="KeepOutsideColumns{TState}"/>), or null.</summary>
    private IStateOutsideColumns? _outside;

    /// <summary>The keys of each compartment's sub-dictionary, in schema order.</summary>
    private readonly Dictionary<string, string[]> _compartmentKeys = new(StringComparer.Ordinal);

    /// <summary>Per column, the column it is stored relative to, or -1 (the schema's RelativeTo, read without a look-up).</summary>
    private readonly int[] _relativeTo;

    /// <summary>The columns shown in the status (not internal), in schema order.</summary>
    private readonly int[] _statusColumns;

    /// <summary>The columns that carry a requirement, in schema order, with it.</summary>
    private readonly (int Column, Requirement Requirement)[] _requirements;

    protected NeuronGroup(NodeModel model, int firstId, int count, NeuronSchema schema) : base(model, firstId, count)
    {
        Schema = schema;
        // decided once (the gather loop asks for every spike): ElementType is the subclass's constant
        IsArchivingNode = schema.Archives && ElementType == ElementType.Neuron;
        _relativeTo = [.. schema.Entries.Select(entry => entry.RelativeTo)];
        _statusColumns = [.. Enumerable.Range(0, schema.Count).Where(c => schema.Entries[c].InStatus)];
        _requirements = [.. schema.Entries.Select((entry, c) => (c, entry.Requirement)).Where(r => r.Requirement is not null).Select(r => (r.c, r.Requirement!.Value))];
        Columns = new double[schema.Count][];
        for (int c = 0; c < schema.Count; c++)
        {
            var entry = schema.Entries[c];
            Columns[c] = new double[count];
            double stored = entry.RelativeTo < 0 ? entry.Default : entry.Default - schema.Entries[entry.RelativeTo].Default;
            Array.Fill(Columns[c], stored);
        }
        var topLevel = new List<string>();
        var inner = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in schema.Entries)
        {
            if (!entry.InStatus || schema.ReadOnlyKeys.Contains(entry.Name)) continue;
            int dot = entry.Name.IndexOf(NeuronSchema.CompartmentSeparator, StringComparison.Ordinal);
            if (dot < 0)
            {
                topLevel.Add(entry.Name);
                continue;
            }
            string compartment = entry.Name[..dot];
            if (!inner.TryGetValue(compartment, out var keys))
            {
                inner[compartment] = keys = [];
                topLevel.Add(compartment);
            }
            keys.Add(entry.Name[(dot + 1)..]);
        }
        foreach (var array in schema.Arrays) topLevel.Add(array.Name);
        _settableKeys = [.. topLevel];
        foreach (var (compartment, keys) in inner) _compartmentKeys[compartment] = [.. keys];
        _arrays = new double[schema.Arrays.Count][][];
        for (int a = 0; a < _arrays.Length; a++)
        {
            _arrays[a] = new double[count][];
            Array.Fill(_arrays[a], schema.Arrays[a].Default);
        }
        _portState = new double[schema.PortEntries.Count][][];
        for (int v = 0; v < _portState.Length; v++) _portState[v] = [];
        _hasConnections = schema.Ports is null ? [] : new bool[count];
    }

    public override ElementType ElementType => ElementType.Neuron;

    /// <summary>
    /// Whether the node is a neuron of NEST's ArchivingNode kind (every neuron model but those declared with
    /// <see cref="NeuronSchema.ForPlainNode"/>: gif_pop_psc_exp, astrocyte_lr_1994): it has the archiving and calcium entries, synaptic elements and a spike
    /// history STDP synapses can read. Devices built on this class (spike_dilutor) are not.
    /// </summary>
    public bool IsArchivingNode { get; }

    public override bool EmitsSpikes => true;

    public override bool TakesArray(string key) => Schema.TryFindArray(key, out _) || _outside?.Owns(key) == true;

    /// <summary>
    /// Called once from a model's constructor: the group shows, sets, copies and checkpoints <paramref name="state"/>
    /// with its columns (see <see cref="IStateOutsideColumns"/>). Returns <paramref name="state"/>.
    /// </summary>
    protected TState KeepOutsideColumns<TState>(TState state) where TState : class, IStateOutsideColumns
    {
        if (_outside is not null) throw new InvalidOperationException($"{Model.Name} keeps its state outside the columns in one object");
        _outside = state;
        _settableKeys = [.. _settableKeys, .. state.Keys];
        return state;
    }

    public NeuronSchema Schema { get; }

    /// <summary>Storage, one array per column, in the model's representation (see <see cref="NeuronSchema.StateRelativeTo"/>).</summary>
    protected double[][] Columns { get; }

    /// <summary>The values of <paramref name="column"/>, one per node, as stored.</summary>
    protected double[] this[Column column] => Columns[column.Index];

    /// <summary>Where this group's inputs start in the kernel's input ring.</summary>
    public int ChannelBase { get; set; }

    /// <summary>Input channels per node.</summary>
    public int ChannelsPerNode => Schema.InputCount;

    /// <summary>A column value per schema entry, and per input a few ring-buffer slots (at least min_delay of them).</summary>
    public override long BytesPerNode => (Schema.Count + 4L * ChannelsPerNode) * sizeof(double) + sizeof(int);

    /// <summary>The ring-relative start of <paramref name="input"/>'s channels (one per node).</summary>
    protected int ChannelOf(InputChannel input) => ChannelBase + input.Index * Count;

    /// <summary>Per input, whether a generator sends into it (see <see cref="NodeManager.NoteGeneratorTargets"/>); empty before.</summary>
    private bool[] _inputsFromGenerators = [];

    /// <summary>
    /// Whether a generator (a current or Poisson generator, anything that adds into inputs directly) may add into
    /// <paramref name="input"/> of some node of this group: false only when, at the last Prepare, no generator had a
    /// connection into it. Inputs no generator reaches hold only what synapses deliver (current inputs: nothing), so a
    /// model may skip reading them.
    /// </summary>
    protected bool GeneratorsSendInto(InputChannel input) => _inputsFromGenerators.Length == 0 || _inputsFromGenerators[input.Index];

    /// <summary>Whether every value of <paramref name="column"/> is +0.0 (all bits zero).</summary>
    protected bool IsAllZero(Column column)
    {
        foreach (double value in this[column])
            if (BitConverter.DoubleToInt64Bits(value) != 0) return false;
        return true;
    }

    /// <summary>Forgets which inputs generators send into (before <see cref="NoteGeneratorInput"/> notes them again).</summary>
    internal void ClearGeneratorInputs() => _inputsFromGenerators = new bool[ChannelsPerNode];

    /// <summary>
    /// Notes that a generator sends into ring channel <paramref name="ringChannel"/> of this group (a channel past the
    /// declared inputs is a receptor port's of a multisynapse model: a spike input, not noted).
    /// </summary>
    internal void NoteGeneratorInput(int ringChannel)
    {
        int input = ((ringChannel & int.MaxValue) - ChannelBase) / Count;
        if (input < _inputsFromGenerators.Length) _inputsFromGenerators[input] = true;
    }

    /// <summary>Names of the recordables, in NEST's order (with receptor ports: those of the ports any node has).</summary>
    public virtual IReadOnlyList<string> Recordables => Schema.PortRecordables.Count == 0 ? Schema.RecordableNames : RecordableNamesFor(PortCount);

    /// <summary>The recordables of node <paramref name="local"/> (with receptor ports: the fixed ones, then those of its ports).</summary>
    public virtual IReadOnlyList<string> RecordablesOf(int local) =>
        Schema.PortRecordables.Count == 0 ? Recordables : RecordableNamesFor(PortsAt(PositionOf(local)));

    private string[] RecordableNamesFor(int ports)
    {
        var names = new List<string>(Schema.RecordableNames);
        for (int r = 1; r <= ports; r++)
        {
            foreach (var (_, prefix) in Schema.PortRecordables)
                names.Add(prefix + r.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return [.. names];
    }

    /// <summary>The value of recordable <paramref name="index"/> of the node at storage position <paramref name="position"/>.</summary>
    public virtual double ReadRecordable(int index, int position)
    {
        int fixedCount = Schema.Recordables.Count;
        if (index < fixedCount)
        {
            int column = Schema.Recordables[index].Index;
            return column < 0 ? ReadComputedRecordable(index, position) : ToUser(column, position);
        }
        int perPort = Schema.PortRecordables.Count;
        int port = (index - fixedCount) / perPort + 1;
        var values = _portState[Schema.PortRecordables[(index - fixedCount) % perPort].Column.Index];
        return port <= values.Length ? values[port - 1][position] : 0.0;
    }

    /// <summary>The value of a recordable declared with <see cref="NeuronSchema.ComputedRecordable"/> (by its recordable index).</summary>
    protected virtual double ReadComputedRecordable(int index, int position) =>
        throw new InvalidOperationException($"{Model.Name} does not compute recordable {Schema.RecordableNames[index]}");

    /// <summary>The index of a recordable by name, or -1.</summary>
    public int RecordableIndex(string name)
    {
        var names = Recordables;
        for (int i = 0; i < names.Count; i++) if (names[i] == name) return i;
        return -1;
    }

    /// <summary>The index of a recordable of node <paramref name="local"/> by name, or -1 (a port it does not have: -1).</summary>
    public int RecordableIndexOf(string name, int local)
    {
        var names = RecordablesOf(local);
        for (int i = 0; i < names.Count; i++) if (names[i] == name) return i;
        return -1;
    }

    // ---------------------------------------------------------------- arrays and receptor ports

    /// <summary>Per array column, per storage position, the node's array (never changed in place: a Set stores a new one).</summary>
    private readonly double[][][] _arrays;

    /// <summary>Per port variable, per port r (index r - 1), one value per storage position.</summary>
    private readonly double[][][] _portState;

    /// <summary>Whether a spike connection has reached the node at each storage position (groups with ports only).</summary>
    private readonly bool[] _hasConnections;

    /// <summary>The ring channel of storage position 0 of each port's input block (index r - 1), allocated as ports appear.</summary>
    private readonly List<int> _portChannelBase = [];

    private Func<NeuronGroup, int>? _allocateBlock;

    /// <summary>Array <paramref name="column"/> of the node at storage position <paramref name="position"/> (do not change it).</summary>
    protected double[] ArrayOf(ArrayColumn column, int position) => _arrays[column.Index][position];

    /// <summary>Whether the nodes have receptor ports whose number varies per node (<see cref="NeuronSchema.PortsSizedBy"/>).</summary>
    public bool HasPorts => Schema.Ports is not null;

    /// <summary>The number of receptor ports of the node at storage position <paramref name="position"/>.</summary>
    public int PortsAt(int position) => Schema.Ports is { } ports ? _arrays[ports.SizedBy.Index][position].Length : 0;

    /// <summary>The largest number of ports any node of the group has had since the group was added (ports with an input block).</summary>
    public int PortCount => _portChannelBase.Count;

    /// <summary>The ring channel of port <paramref name="receptor"/>'s input of storage position 0 (position i's is that + i).</summary>
    protected int PortChannel(int receptor) => _portChannelBase[receptor - 1];

    /// <summary>Port variable <paramref name="column"/> of port <paramref name="receptor"/>, one value per storage position.</summary>
    protected double[] PortState(PortColumn column, int receptor) => _portState[column.Index][receptor - 1];

    /// <summary>
    /// How many ports of the port variables the status shows for the node at storage position <paramref name="position"/>:
    /// its number of ports, unless the model sizes its per-port state only before a run, as NEST's
    /// aeif_cond_beta_multisynapse does (then the size of the node's last run).
    /// </summary>
    protected virtual int PortsInState(int position) => PortsAt(position);

    /// <summary>Whether a spike connection has reached node <paramref name="local"/> (NEST's has_connections).</summary>
    public bool HasConnections(int local) => HasPorts && _hasConnections[PositionOf(local)];

    /// <summary>Records that a spike connection reached the node at storage position <paramref name="position"/>.</summary>
    public void MarkSpikeConnection(int position)
    {
        if (HasPorts) _hasConnections[position] = true;
    }

    /// <summary>
    /// Called when the group joins the network: from then on each new port gets a block of Count input channels from
    /// <paramref name="allocateBlock"/> (its ring channel of position 0), never moved.
    /// </summary>
    public void AttachPortAllocator(Func<NeuronGroup, int> allocateBlock)
    {
        _allocateBlock = allocateBlock;
        EnsurePortBlocks();
    }

    /// <summary>
    /// Gives every port block the nodes need (<see cref="PortBlocksNeeded"/>) its input channels, once the group is in the
    /// network; blocks are never moved or freed.
    /// </summary>
    protected void EnsurePortBlocks()
    {
        if (_allocateBlock is null) return;
        int needed = PortBlocksNeeded();
        while (_portChannelBase.Count < needed) _portChannelBase.Add(_allocateBlock(this));
    }

    /// <summary>
    /// How many port blocks (one input channel per node each, <see cref="PortChannel"/>) the nodes need: with receptor
    /// ports, the most ports a node has; a model that keeps its inputs per node outside the schema (cm_default) says
    /// its own number.
    /// </summary>
    protected virtual int PortBlocksNeeded()
    {
        if (!HasPorts) return 0;
        int needed = 0;
        for (int i = 0; i < Count; i++) needed = Math.Max(needed, PortsAt(i));
        return needed;
    }

    /// <summary>Whether the group's inputs include port blocks (receptor ports, or inputs a model sizes per node itself).</summary>
    public virtual bool UsesPortBlocks => HasPorts;

    /// <summary>
    /// Whether the current receptors a node accepts depend on the node (cm_default: one per compartment): Connect then
    /// checks each target's receptor through <see cref="CurrentChannel"/> as the connections are made.
    /// </summary>
    public virtual bool CurrentReceptorsVaryPerNode => false;

    /// <summary>
    /// Before a run (NEST's resize of the per-receptor state in pre_run_hook): port variables exist for every port with an
    /// input block, and are zero for the ports a node does not have.
    /// </summary>
    protected void PreparePorts()
    {
        for (int v = 0; v < _portState.Length; v++)
        {
            var state = _portState[v];
            if (state.Length < PortCount)
            {
                int had = state.Length;
                System.Array.Resize(ref state, PortCount);
                for (int r = had; r < PortCount; r++) state[r] = new double[Count];
                _portState[v] = state;
            }
            for (int r = 0; r < state.Length; r++)
            {
                for (int i = 0; i < Count; i++) if (r >= PortsAt(i)) state[r][i] = 0.0;
            }
        }
    }

    /// <summary>
    /// Whether the spike receptors a node accepts depend on the node (receptor ports; a correlomatrix_detector's
    /// N_channels): Connect then checks each target's receptor with <see cref="CheckSpikeReceptorAt"/> as the
    /// connections are made, instead of once per group.
    /// </summary>
    public virtual bool ReceptorsVaryPerNode => HasPorts;

    /// <summary>Fails as NEST does when the node at <paramref name="position"/> has no spike receptor <paramref name="receptor"/>.</summary>
    public virtual void CheckSpikeReceptorAt(int position, int receptor) => CheckPortAt(position, receptor);

    /// <summary>Fails as NEST does when node at <paramref name="position"/> has no spike port <paramref name="receptor"/>.</summary>
    public void CheckPortAt(int position, int receptor)
    {
        int ports = PortsAt(position);
        if (receptor < 1 || receptor > ports)
        {
            var sized = Schema.Ports!;
            string count = sized.CountKey is { } key ? $"{key} = {ports}" : $"{Schema.Arrays[sized.SizedBy.Index].Name} has {ports} elements";
            string allowed = ports == 0 ? "it has no receptor ports" : $"its spike receptor_types are 1 to {ports} ({count})";
            throw new IncompatibleReceptorTypeException($"{Model.Name} (node {IdOf(position)}): receptor_type {receptor} is not a port of the node; {allowed}.");
        }
    }

    /// <summary>
    /// The input channel of node <paramref name="local"/> that a spike connection on <paramref name="receptor"/> with
    /// <paramref name="weight"/> adds into, encoded for the delivery loop: a channel number, with
    /// <see cref="CountingChannelFlag"/> set for inputs that count spikes. Receptors route alike for every node of a
    /// group, so node i's channel is node 0's plus i (Connect relies on it).
    /// </summary>
    public int SpikeChannel(int local, int receptor, double weight)
    {
        if (ReceptorsVaryPerNode) CheckSpikeReceptorAt(PositionOf(local), receptor);
        return SpikeChannelAt(PositionOf(local), receptor, weight);
    }

    /// <summary>The encoded input channel of the node at storage position <paramref name="position"/> (see <see cref="SpikeChannel"/>).</summary>
    public virtual int SpikeChannelAt(int position, int receptor, double weight)
    {
        if (HasPorts)
        {
            if (receptor < 1 || receptor > PortCount) CheckPortAt(position, receptor);
            return _portChannelBase[receptor - 1] - ChannelBase + position;
        }
        var r = Schema.SpikeReceptorOf(receptor) ?? throw UnknownReceptor(receptor, spikes: true);
        var input = r.Routing switch
        {
            SpikeRouting.BySignZeroExcitatory => weight >= 0 ? r.Input : r.Inhibitory,
            SpikeRouting.BySignZeroInhibitory => weight > 0 ? r.Input : r.Inhibitory,
            _ => r.Input,
        };
        int channel = input.Index * Count + position;
        return r.Routing == SpikeRouting.Counted ? channel | CountingChannelFlag : channel;
    }

    /// <summary>
    /// The encoded input channel of the node at storage position <paramref name="position"/> that a connection carrying
    /// secondary events of <paramref name="type"/> on <paramref name="receptor"/> with <paramref name="weight"/> adds into
    /// (the group takes them, <see cref="NodeGroup.ReceivesSecondary"/>). The rate models take rates on their spike
    /// receptors, routed as spikes (the default); a model with an input of its own for a kind overrides this.
    /// </summary>
    public virtual int SecondaryChannelAt(SecondaryEventType type, int position, int receptor, double weight) => SpikeChannelAt(position, receptor, weight);

    /// <summary>The input channel of node <paramref name="local"/> that a current connection on <paramref name="receptor"/> adds into.</summary>
    public virtual int CurrentChannel(int local, int receptor) =>
        Schema.CurrentReceptors.TryGetValue(receptor, out var input) ? input.Index * Count + PositionOf(local) : throw UnknownReceptor(receptor, spikes: false);

    /// <summary>
    /// NEST's error for a receptor a connection cannot use: IncompatibleReceptorType when the receptor takes the other
    /// kind of event (spikes or currents) or lies below the model's highest receptor (as receptor 0 of the
    /// multi-compartment models, which takes neither: NEST's models number their receptors 0 .. SUP and call every
    /// number below SUP incompatible), UnknownReceptorType when the model has no such receptor or says that it refuses
    /// the others as unknown (<see cref="NeuronSchema.RefusedReceptorsUnknown"/>); IllegalConnection for a current
    /// connection to a model that takes no currents at all (NEST's Node::handles_test_event).
    /// </summary>
    private NestException UnknownReceptor(int receptor, bool spikes)
    {
        if (!spikes && Schema.CurrentReceptors.Count == 0)
            return new IllegalConnectionException($"The target node or synapse model does not support current input: {Model.Name} takes no currents.");
        string kind = spikes ? "spikes" : "currents";
        var accepted = spikes ? Schema.SpikeReceptors.Keys : Schema.CurrentReceptors.Keys;
        var other = spikes ? Schema.CurrentReceptors.Keys : Schema.SpikeReceptors.Keys;
        string allowed = !accepted.Any() ? $"it accepts no {kind}" : $"{kind} go to receptor_type {string.Join(" or ", accepted.Select(ReceptorLabel))}";
        if (Schema.RefusedReceptorsUnknown)
            return new UnknownReceptorTypeException($"{Model.Name}: it has no receptor_type {receptor} for {kind}; {allowed}.");
        if (other.Contains(receptor))
            return new IncompatibleReceptorTypeException($"{Model.Name}: receptor_type {receptor} receives {(spikes ? "currents" : "spikes")}, not {kind}; {allowed}.");
        int highest = accepted.Concat(other).DefaultIfEmpty(0).Max();
        return receptor >= 0 && receptor < highest
            ? new IncompatibleReceptorTypeException($"{Model.Name}: receptor_type {receptor} receives no {kind}; {allowed}.")
            : new UnknownReceptorTypeException($"{Model.Name}: it has no receptor_type {receptor} for {kind}; {allowed}.");
    }

    private string ReceptorLabel(int receptor)
    {
        foreach (var (name, number) in Schema.ReceptorNames)
            if (number == receptor) return $"{receptor} ({name})";
        return receptor.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A channel of this group (as <see cref="SpikeChannel"/> or <see cref="CurrentChannel"/> give it) as a
    /// channel of the kernel's input ring, keeping the counting flag.</summary>
    public int RingChannel(int groupChannel) =>
        groupChannel < 0 ? ((groupChannel & int.MaxValue) + ChannelBase) | CountingChannelFlag : groupChannel + ChannelBase;

    /// <summary>
    /// NEST's handles_test_event with the sender in view: throws IllegalConnection when a node of this group cannot
    /// take spikes on <paramref name="receptor"/> from a node of <paramref name="source"/> through a synapse
    /// (iaf_tum_2000 takes those of its own model on receptor 1 only). Unknown receptors are refused before, by
    /// <see cref="SpikeChannel"/>. Nothing is refused by default.
    /// </summary>
    public virtual void CheckSpikeSource(NodeGroup source, int receptor) { }

    /// <summary>
    /// Whether the group numbers each spike connection on <paramref name="receptor"/> itself, as NEST's
    /// handles_test_event may return a port of its own per connection (iaf_bw_2001_exact gives each NMDA connection of
    /// a node the next port, 3, 4, ...): Connect then asks <see cref="StageConnectionPort"/> for the port of every such
    /// connection and reports it as the connection's <c>receptor</c>. No receptor is numbered by default.
    /// </summary>
    public virtual bool NumbersConnectionsOn(int receptor) => false;

    /// <summary>Whether <see cref="NumbersConnectionsOn"/> is true for some receptor.</summary>
    public virtual bool NumbersConnections => false;

    /// <summary>
    /// Whether GetConnections reports a connection's receptor_type itself as its port (NEST's models whose
    /// handles_test_event returns the receptor_type), even though the model names its receptors.
    /// </summary>
    public virtual bool ReportsReceptorTypesAsPorts => false;

    /// <summary>Before a Connect call builds connections to this group (serially): a new call begins.</summary>
    public virtual void BeginConnect() { }

    /// <summary>
    /// The port of a new connection on a numbered <paramref name="receptor"/> to the node at storage position
    /// <paramref name="position"/>, in the call that <see cref="BeginConnect"/> began; called by the thread owning the
    /// node, in the order the rule makes the node's connections. The numbers count only once the call succeeds
    /// (<see cref="CommitConnectionPort"/>); a failed call leaves them as they were.
    /// </summary>
    public virtual int StageConnectionPort(int position, int receptor) => receptor;

    /// <summary>A connection with <paramref name="port"/> (from <see cref="StageConnectionPort"/>) to the node at <paramref name="position"/> was made.</summary>
    public virtual void CommitConnectionPort(int position, int port) { }

    /// <summary>Checks what involves several entries of a row (each entry's own requirement is checked before).</summary>
    protected virtual void Validate(in StatusRow row) { }

    /// <summary>
    /// Before a run: gives each node the history voltage-based plastic synapses read (made on the node's first run, as
    /// NEST's init_buffers_, so its buffer sizes are fixed from then on), configured for this run with the number of
    /// plastic synapses registered with the node, and lets the spike archive find it.
    /// </summary>
    protected void AttachHistories<THistory>(SimulationContext context, THistory?[] histories, Func<int, THistory> make,
        Action<int, THistory, int> configure) where THistory : class
    {
        var archive = context.Archive;
        archive.EnsureCapacity(LastId);
        for (int i = 0; i < Count; i++)
        {
            int id = IdOf(i);
            var history = histories[i] ??= make(i);
            configure(i, history, archive.Of(id)?.Incoming ?? 0);
            archive.AttachVoltageHistory(id, history);
        }
    }

    /// <summary>Called after a committed change of the status of the node at storage position <paramref name="position"/>.</summary>
    protected virtual void OnStatusSet(int position) { }

    /// <summary>Column <paramref name="column"/> of the node at storage position <paramref name="position"/> as the status shows it.</summary>
    private double ToUser(int column, int position)
    {
        int reference = _relativeTo[column];
        return reference < 0 ? Columns[column][position] : Columns[column][position] + Columns[reference][position];
    }

    /// <summary>The value of <paramref name="column"/> of node <paramref name="local"/> as the status shows it.</summary>
    public double ValueOf(Column column, int local) => ToUser(column.Index, PositionOf(local));

    /// <summary>The stored calcium concentration of node <paramref name="local"/> (every neuron has the column).</summary>
    public ref double CalciumOf(int local) => ref Columns[NeuronSchema.Archiving.Ca.Index][PositionOf(local)];

    public override IReadOnlyCollection<string> SettableKeys => _settableKeys;

    /// <summary>Multimeter samplers per thread, set by the kernel before a run.</summary>
    public SamplerLink[][] Samplers { get; set; } = [];

    /// <summary>Lets the samplers connected to this thread's nodes sample after the step <paramref name="step"/> (frozen nodes are not sampled).</summary>
    protected void RecordSamples(int thread, long step)
    {
        if (Samplers.Length == 0) return;
        long stamp = step + 1;
        foreach (var s in Samplers[thread])
        {
            if (_frozenCount > 0 && _frozen[s.Position]) continue;
            if (s.Sampler.SamplesAt(stamp)) s.Sampler.Take(thread, stamp, IdOf(s.Position), this, s.Position, s.Recordables);
        }
    }

    /// <summary>Whether the node at storage position <paramref name="position"/> is frozen (a model whose state lies outside the columns skips it).</summary>
    protected bool IsFrozenAt(int position) => _frozenCount > 0 && _frozen[position];

    /// <summary>Frozen nodes by storage position (NEST's <c>frozen</c>), and how many there are.</summary>
    private bool[] _frozen = [];
    private int _frozenCount;

    /// <summary>Per slot, the frozen positions of its chunk and room to keep their columns (each thread fills its own entry).</summary>
    private (int[] Positions, double[] Saved)?[] _frozenOfSlot = [];

    public override bool IsFrozen(int local) => _frozenCount > 0 && _frozen[PositionOf(local)];

    public override bool CanFreeze => true;

    public override void SetFrozen(int local, bool frozen)
    {
        if (_frozen.Length != Count) _frozen = new bool[Count];
        int position = PositionOf(local);
        if (_frozen[position] == frozen) return;
        _frozen[position] = frozen;
        _frozenCount += frozen ? 1 : -1;
        _frozenOfSlot = new (int[], double[])?[_chunkStart.Length - 1];
    }

    /// <summary>
    /// Updates the thread's nodes, keeping frozen nodes as they were (NEST does not update them): their columns are put
    /// back after the update and their spikes dropped; their input of the slice is consumed unused.
    /// </summary>
    public sealed override void Advance(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        if (_frozenCount == 0)
        {
            Update(context, thread, sliceStart, from, to);
            return;
        }
        var (positions, saved) = _frozenOfSlot[thread] ??= FrozenOfSlot(thread);
        if (positions.Length == 0)
        {
            Update(context, thread, sliceStart, from, to);
            return;
        }
        for (int c = 0, k = 0; c < Columns.Length; c++)
        {
            foreach (int i in positions) saved[k++] = Columns[c][i];
        }
        var spikes = context.SpikesOfVp[thread];
        int before = spikes.Count;
        Update(context, thread, sliceStart, from, to);
        for (int c = 0, k = 0; c < Columns.Length; c++)
        {
            foreach (int i in positions) Columns[c][i] = saved[k++];
        }
        spikes.RemoveFrom(before, this, static (group, id) => id >= group.FirstId && id <= group.LastId && group._frozen[group.PositionOf(id - group.FirstId)]);
    }

    private (int[], double[]) FrozenOfSlot(int slot)
    {
        var (start, end) = Chunk(slot);
        var positions = Enumerable.Range(start, end - start).Where(i => _frozen[i]).ToArray();
        return (positions, new double[positions.Length * Columns.Length]);
    }

    /// <summary>Assigns node n to NEST's VP n mod VPs and stores the nodes of each slot contiguously, in slot order.</summary>
    public override void Distribute(Kernel.Communication.VirtualProcessLayout layout)
    {
        var slotOfLocal = new int[Count];
        _chunkStart = new int[layout.Count + 1];
        for (int local = 0; local < Count; local++)
        {
            slotOfLocal[local] = layout.SlotOfNode(FirstId + local);
            _chunkStart[slotOfLocal[local] + 1]++;
        }
        for (int s = 0; s < layout.Count; s++) _chunkStart[s + 1] += _chunkStart[s];
        var cursor = (int[])_chunkStart.Clone();
        _positionOfLocal = new int[Count];
        _idOfPosition = new int[Count];
        for (int local = 0; local < Count; local++)
        {
            int position = cursor[slotOfLocal[local]]++;
            _positionOfLocal[local] = position;
            _idOfPosition[position] = FirstId + local;
        }
        _slotOfLocal = slotOfLocal;
    }

    private int[] _slotOfLocal = [0];

    /// <summary>The storage positions slot <paramref name="slot"/> updates (its nodes, in id order).</summary>
    public (int Start, int End) Chunk(int slot) => (_chunkStart[slot], _chunkStart[slot + 1]);

    /// <summary>The storage position of node <paramref name="local"/> (id - FirstId).</summary>
    public int PositionOf(int local) => _positionOfLocal[local];

    /// <summary>The id of the node at storage position <paramref name="position"/>.</summary>
    public int IdOf(int position) => _idOfPosition[position];

    /// <summary>
    /// Adds a spike at <paramref name="lag"/> for each lane of <paramref name="fired"/> that is set, the lanes standing for
    /// the nodes at positions <paramref name="firstPosition"/> onwards (the vectorised paths' spike emission, in node order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void AddFiredLanes(SpikeBuffer spikes, int lag, int firstPosition, Vector256<double> fired)
    {
        uint mask = fired.ExtractMostSignificantBits();
        while (mask != 0)
        {
            spikes.Add(lag, IdOf(firstPosition + BitOperations.TrailingZeroCount(mask)));
            mask &= mask - 1;
        }
    }

    public override int OwnerThread(int local) => _slotOfLocal[local];

    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        int position = PositionOf(local);
        for (int c = 0; c < Schema.Count; c++)
        {
            var entry = Schema.Entries[c];
            if (!entry.InStatus) continue;
            double value = ToUser(c, position);
            object shown = entry.Type switch
            {
                EntryType.Boolean => value != 0.0,
                EntryType.Integer => (long)value,
                _ => value,
            };
            int dot = entry.Name.IndexOf(NeuronSchema.CompartmentSeparator, StringComparison.Ordinal);
            if (dot < 0)
            {
                status[entry.Name] = shown;
                continue;
            }
            string compartment = entry.Name[..dot];
            if (status.GetValueOrDefault(compartment) is not Dictionary<string, object> sub)
                status[compartment] = sub = new Dictionary<string, object>(StringComparer.Ordinal);
            sub[entry.Name[(dot + 1)..]] = shown;
        }
        for (int a = 0; a < _arrays.Length; a++) status[Schema.Arrays[a].Name] = (double[])_arrays[a][position].Clone();
        if (Schema.Ports is { } ports)
        {
            int n = PortsAt(position);
            if (ports.CountKey is { } countKey) status[countKey] = (long)n;
            status["has_connections"] = _hasConnections[position];
            for (int v = 0; v < _portState.Length; v++)
            {
                if (Schema.PortEntries[v].ShownAs is not { } key) continue;
                int inState = PortsInState(position);
                var shown = new double[inState];
                for (int r = 0; r < inState && r < _portState[v].Length; r++) shown[r] = _portState[v][r][position];
                status[key] = shown;
            }
        }
        if (Schema.ShowsRecordables) status["recordables"] = RecordablesOf(local).Order(StringComparer.Ordinal).ToArray();
        if (Schema.ReceptorNames.Count > 0) status["receptor_types"] = new Dictionary<string, int>(Schema.ReceptorNames);
        _outside?.WriteStatus(position, status);
    }

    /// <summary>A column of the schema shown at the top level of the status is read directly; other keys are not.</summary>
    public override bool TryReadStatusValues(string key, ReadOnlySpan<int> locals, Span<object?> values)
    {
        if (!Schema.TryFind(key, out var column) || !Schema[column].InStatus || key.Contains(NeuronSchema.CompartmentSeparator))
            return false;
        var type = Schema[column].Type;
        for (int k = 0; k < locals.Length; k++)
        {
            double value = ToUser(column.Index, PositionOf(locals[k]));
            values[k] = type switch
            {
                EntryType.Boolean => value != 0.0,
                EntryType.Integer => (long)value,
                _ => value,
            };
        }
        return true;
    }

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        int position = PositionOf(local);
        var outside = _outside?.Stage(position, values);
        var row = new double[Schema.Count];
        FillRow(position, row);
        var arrays = new double[_arrays.Length][];
        for (int a = 0; a < arrays.Length; a++) arrays[a] = _arrays[a][position];
        long setArrays = 0;
        foreach (var (key, value) in values)
        {
            if (_compartmentKeys.TryGetValue(key, out var keys))
            {
                StageCompartment(row, key, keys, value);
            }
            else if (Schema.TryFind(key, out var column) && Schema[column].InStatus)
            {
                row[column.Index] = Convert(key, Schema[column], value);
            }
            else if (Schema.TryFindArray(key, out var array))
            {
                arrays[array.Index] = StatusValue.ToDoubleArray(key, value);
                setArrays |= 1L << array.Index;
            }
            else if (_outside?.Owns(key) == true)
            {
                continue;
            }
            else
            {
                throw new UnaccessedDictionaryEntryException(Model.Name, key, _settableKeys);
            }
        }
        CheckRow(position, row, arrays, setArrays);
        return () =>
        {
            for (int a = 0; a < arrays.Length; a++) _arrays[a][position] = arrays[a];
            StoreRow(position, row, _statusColumns, new bool[_statusColumns.Length]);
            if (setArrays != 0) EnsurePortBlocks();
            outside?.Invoke();
        };
    }

    /// <summary>Every column of the node at storage position <paramref name="position"/> as the status shows it.</summary>
    private void FillRow(int position, Span<double> row)
    {
        for (int c = 0; c < row.Length; c++) row[c] = ToUser(c, position);
    }

    /// <summary>
    /// The checks of a node's new status: each entry's requirement, each array element's, then the model's
    /// <see cref="Validate"/> (cross-checks such as V_reset &lt; V_th).
    /// </summary>
    private void CheckRow(int position, ReadOnlySpan<double> row, double[][] arrays, long setArrays)
    {
        foreach (var (c, requirement) in _requirements)
        {
            if (!requirement.Holds(row[c])) throw new BadPropertyException(Schema.Entries[c].Name, row[c], requirement.Allowed);
        }
        for (int a = 0; a < arrays.Length; a++)
        {
            if (Schema.Arrays[a].Element is not { } element) continue;
            foreach (double x in arrays[a])
            {
                if (!element.Holds(x)) throw new BadPropertyException(Schema.Arrays[a].Name, arrays[a], element.Allowed);
            }
        }
        Validate(new StatusRow(row, Schema)
        {
            Arrays = arrays,
            SetArrays = setArrays,
            PreviousPorts = PortsAt(position),
            HasConnections = HasPorts && _hasConnections[position],
        });
    }

    private static double Convert(string key, SchemaEntry entry, object? value) => entry.Type switch
    {
        EntryType.Boolean => StatusValue.ToBool(key, value) ? 1.0 : 0.0,
        EntryType.Integer => StatusValue.ToLong(key, value),
        _ => StatusValue.ToDouble(key, value) is var number && double.IsNaN(number)
            ? throw new BadPropertyException(key, number, "must be a number, not NaN")
            : number,
    };

    /// <summary>
    /// Stores a validated row of status values (internal columns keep theirs). A column kept relative to another is
    /// rewritten only when it or its reference changed: deriving it again from the shown values would round it, and NEST
    /// leaves a state it is not given as it is (a Set of I_e or frozen does not move V_m by a bit).
    /// Only <paramref name="columns"/> are stored (columns of the status); <paramref name="unchanged"/> is room for one flag
    /// each.
    /// </summary>
    private void StoreRow(int position, ReadOnlySpan<double> row, ReadOnlySpan<int> columns, Span<bool> unchanged)
    {
        for (int k = 0; k < columns.Length; k++)
        {
            int c = columns[k], reference = _relativeTo[c];
            unchanged[k] = reference >= 0 && row[c] == ToUser(c, position) && row[reference] == ToUser(reference, position);
        }
        for (int k = 0; k < columns.Length; k++)
        {
            int c = columns[k], reference = _relativeTo[c];
            if (!unchanged[k]) Columns[c][position] = reference < 0 ? row[c] : row[c] - row[reference];
        }
        OnStatusSet(position);
    }

    /// <summary>Writes the entries of a compartment's sub-dictionary into <paramref name="row"/>.</summary>
    private void StageCompartment(double[] row, string compartment, string[] keys, object value)
    {
        foreach (var (key, entry) in SubDictionary(compartment, keys, value))
        {
            string name = compartment + NeuronSchema.CompartmentSeparator + key;
            if (!Schema.TryFind(name, out var column))
                throw new UnaccessedDictionaryEntryException($"compartment '{compartment}' of {Model.Name}", key, keys);
            row[column.Index] = Convert(name, Schema[column], entry);
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
                    yield return new(e.Key as string ?? throw new TypeMismatchException(compartment, value, "a dictionary with string keys"), e.Value);
                break;
            default:
                throw new TypeMismatchException(compartment, value, $"a dictionary of the compartment's parameters ({string.Join(", ", keys)})");
        }
    }

    public override void CopyDefaultsFrom(NodeGroup prototype)
    {
        var source = (NeuronGroup)prototype;
        for (int c = 0; c < Schema.Count; c++) Array.Fill(Columns[c], source.Columns[c][0]);
        for (int a = 0; a < _arrays.Length; a++) Array.Fill(_arrays[a], source._arrays[a][0]);
        if (_outside is not null) _outside.CopyDefaultsFrom(source._outside!);
        EnsurePortBlocks();
    }
}
