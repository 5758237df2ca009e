namespace NestSharp.Nodes;

/// <summary>What a node is, as NEST's <c>element_type</c> (Other: the volume transmitter).</summary>
internal enum ElementType { Neuron, Stimulator, Recorder, Other }

/// <summary>
/// NEST's SignalType: what the spikes a node sends mean (spiking neurons' spikes, or the state changes binary neurons
/// encode in the multiplicity of their events), and what a node takes its incoming spikes to mean. A connection needs
/// a flag in common (NEST's check_connection: "Source and target neuron are not compatible").
/// </summary>
[Flags]
internal enum SignalType
{
    /// <summary>Nothing in common with anything.</summary>
    None = 0,

    /// <summary>Spikes of spiking neurons (every node but the few that say otherwise).</summary>
    Spike = 1,

    /// <summary>State changes of binary neurons: multiplicity 2 for a change to 1, 1 for a change to 0.</summary>
    Binary = 2,

    /// <summary>Either: spike_generator, parrot_neuron, noise_generator, multimeter (send); spike_recorder, weight_recorder, parrot_neuron (receive).</summary>
    All = Spike | Binary,
}

/// <summary>
/// The event a node sends when NEST checks a new connection against the synapse model (its send_test_event to the
/// synapse's dummy target): synapse models with dynamics of their own accept only <see cref="Spike"/>.
/// </summary>
internal enum SynapseTestEvent
{
    /// <summary>A SpikeEvent: neurons, parrots, spike_train_injector, pulsepacket_generator, spike_dilutor.</summary>
    Spike,

    /// <summary>A DSSpikeEvent: the spike generators that serve each target on its own thread (spike_generator, the Poisson family).</summary>
    DeviceSpike,

    /// <summary>A CurrentEvent: the current generators.</summary>
    Current,

    /// <summary>A DataLoggingRequest: the samplers (multimeter, voltmeter).</summary>
    DataLoggingRequest,

    /// <summary>No event: a node that sends nothing through synapses (recorders, the volume transmitter).</summary>
    None,
}

/// <summary>
/// What a change of status may need to know of the kernel: the time grid, the current step, whether a run is prepared,
/// and the kernel's eprop_update_interval (ms; the e-prop neurons check their flush_event_send_interval against it).
/// </summary>
internal readonly record struct StatusContext(TimeGrid Time, long CurrentStep, bool Prepared = false, double EpropUpdateInterval = 1000.0);

/// <summary>
/// A block of nodes of one model created by one <c>Create</c> call (ids FirstId .. FirstId + Count - 1), with its
/// state stored per model. Subclasses are the models; the kernel dispatches to a group once per slice, never per node.
/// A group built with count 1 and id 0 serves as a model's prototype: its single node holds the model defaults.
/// A model class is found by its <see cref="NodeModelNameAttribute"/> and made through its constructor
/// <c>(NodeModel model, int firstId, int count)</c>.
/// </summary>
internal abstract class NodeGroup(NodeModel model, int firstId, int count)
{
    public NodeModel Model { get; } = model;
    public int FirstId { get; } = firstId;
    public int Count { get; } = count;
    public int LastId => FirstId + Count - 1;

    public abstract ElementType ElementType { get; }

    /// <summary>
    /// About how many bytes each node of this group takes (its status values, inputs and id), so that a request too
    /// large for memory fails before anything is allocated. Devices keep little per node.
    /// </summary>
    public virtual long BytesPerNode => 256;

    /// <summary>Whether the nodes send spikes through the kernel's spike exchange (neurons, spike generators).</summary>
    public virtual bool EmitsSpikes => false;

    /// <summary>
    /// NEST's is_off_grid: whether some node of the group sends spikes with offsets within their step (precise spike
    /// times) to other nodes; it makes the kernel's off_grid_spiking true (see <see cref="Kernel.EventDeliveryManager.OffGridSpiking"/>).
    /// </summary>
    public virtual bool SendsOffGridSpikes => false;

    /// <summary>
    /// NEST's send_test_event, where a sender refuses a target: throws IllegalConnection when a node of this group
    /// cannot send spikes through a synapse to a node of <paramref name="target"/> (iaf_tum_2000 refuses precise
    /// receivers of other models). Nothing is refused by default.
    /// </summary>
    public virtual void CheckSpikeTarget(NodeGroup target) { }

    /// <summary>
    /// Whether the spike history and calcium of a node of this group take the step's end as spike time, whatever the
    /// offset its spikes carry (NEST's set_spiketime without an offset): iaf_tum_2000, whose offset is the released
    /// fraction, and iaf_chxk_2008. A plain field, read for each spike when spikes are gathered.
    /// </summary>
    public bool ArchivesStampsOnly { get; protected init; }

    /// <summary>The event NEST's connection check sees a node of this group send (see <see cref="SynapseTestEvent"/>).</summary>
    public virtual SynapseTestEvent SynapseTestEvent => ElementType switch
    {
        ElementType.Neuron => SynapseTestEvent.Spike,
        ElementType.Stimulator => this is ILocalGenerator { SendsCurrent: true } ? SynapseTestEvent.Current : SynapseTestEvent.DeviceSpike,
        _ => SynapseTestEvent.None,
    };

    /// <summary>
    /// NEST's has_proxies: whether each node exists once, on its own virtual process (neurons), rather than once per
    /// thread (devices). A connection from a node without proxies to a recorder belongs to the recorder's thread.
    /// </summary>
    public virtual bool HasProxies => ElementType == ElementType.Neuron;

    /// <summary>NEST's sends_signal: what the events the nodes send mean (<see cref="SignalType.Spike"/> unless a model says otherwise).</summary>
    public virtual SignalType SendsSignal => SignalType.Spike;

    /// <summary>NEST's receives_signal: what the nodes take their incoming events to mean (<see cref="SignalType.Spike"/> unless a model says otherwise).</summary>
    public virtual SignalType ReceivesSignal => SignalType.Spike;

    /// <summary>
    /// Whether a node's spike history and calcium see one spike per event it sends, whatever its multiplicity (binary
    /// neurons, whose multiplicity encodes the state change: NEST's binary_neuron sets its spike time once); otherwise
    /// each of the event's spikes counts (the parrot's, pp_psc_delta's).
    /// </summary>
    public virtual bool SetsSpikeTimeOncePerEvent => false;

    /// <summary>
    /// The slot (see <see cref="Kernel.Communication.VirtualProcessLayout"/>) that updates node <paramref name="local"/>
    /// and owns its incoming connections.
    /// </summary>
    public abstract int OwnerThread(int local);

    /// <summary>Splits the nodes over the virtual processes of <paramref name="layout"/>.</summary>
    public virtual void Distribute(Kernel.Communication.VirtualProcessLayout layout) { }

    /// <summary>Writes the model-specific status of node <paramref name="local"/> into <paramref name="status"/>.</summary>
    public abstract void WriteStatus(int local, Dictionary<string, object> status);

    /// <summary>Every key <see cref="Stage"/> accepts.</summary>
    public abstract IReadOnlyCollection<string> SettableKeys { get; }

    /// <summary>Whether <paramref name="key"/> takes an array as one value (so an array is not one value per node).</summary>
    public virtual bool TakesArray(string key) => false;

    /// <summary>
    /// Checks the new values for node <paramref name="local"/> and returns what commits them; throws and changes
    /// nothing when any value is invalid. Keys the model does not know are checked by the caller.
    /// </summary>
    public abstract Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context);

    /// <summary>Gives every node of this group the status of node 0 of <paramref name="prototype"/> (a group of the same model class).</summary>
    public abstract void CopyDefaultsFrom(NodeGroup prototype);

    /// <summary>
    /// After the kernel's time grid changed from <paramref name="previous"/> to <paramref name="next"/> (NEST's
    /// calibrate_time, called on the models' prototypes: the grid can change only before any node exists and while every
    /// model has its built-in defaults): the defaults that are times follow the new grid.
    /// </summary>
    public virtual void CalibrateTime(TimeGrid previous, TimeGrid next) { }

    /// <summary>Called before a run: propagators and buffers. Safe to call repeatedly.</summary>
    public virtual void Prepare(SimulationContext context) { }

    /// <summary>
    /// Checks NEST makes at the start of a run (in a node's pre_run_hook) that can fail; called by Prepare before anything
    /// changes (held spikes delivered, groups prepared), so a run refused here leaves the kernel as it was.
    /// </summary>
    public virtual void CheckBeforeRun() { }

    /// <summary>
    /// Checks that a run of <paramref name="steps"/> steps can be made (an input signal given in advance must last it); called
    /// by each Run before anything changes.
    /// </summary>
    public virtual void CheckRun(long steps) { }

    /// <summary>Advances this thread's share of the group over steps [from, to) of the slice starting at <paramref name="sliceStart"/>.</summary>
    public virtual void Update(SimulationContext context, int thread, long sliceStart, int from, int to) { }

    /// <summary>
    /// What the kernel calls for each slice: <see cref="Update"/>, and what the group does around it (a neuron group
    /// keeps its frozen nodes as they were).
    /// </summary>
    public virtual void Advance(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Update(context, thread, sliceStart, from, to);

    /// <summary>
    /// Whether <see cref="SaveState"/> and <see cref="RestoreState"/> keep everything of this model's nodes (a model says
    /// so once its split runs are checked bitwise against unsplit ones); a checkpoint of a network with a model that
    /// does not is refused before anything is written.
    /// </summary>
    public virtual bool SupportsCheckpoint => false;

    /// <summary>
    /// Why a checkpoint does not keep this model's nodes with several MPI processes (saved by several, or restored onto
    /// several), in words for the refusal; null when it does.
    /// </summary>
    public virtual string? NotKeptAcrossProcesses => null;

    /// <summary>
    /// Whether each MPI process keeps state of its own for this group's nodes (a generator's state per connection, for
    /// the targets on that process): with several processes every process writes it in its part of a checkpoint
    /// (<see cref="SavePerProcess"/>) and a restore reads it from every part (<see cref="RestorePerProcess"/>).
    /// </summary>
    public virtual bool SavesPerProcess => false;

    /// <summary>Writes the state only this process has of the group's nodes (see <see cref="SavesPerProcess"/>).</summary>
    public virtual void SavePerProcess(Checkpoint.CheckpointWriter writer) => throw NotCheckpointable();

    /// <summary>Adds what another process's <see cref="SavePerProcess"/> wrote to the state restored so far.</summary>
    public virtual void RestorePerProcess(Checkpoint.CheckpointReader reader) => throw NotCheckpointable();

    /// <summary>
    /// Writes the parameters and state of every node, by node id (so a restore onto another number of virtual
    /// processes reads the same); the kernel writes the connections, the input ring and the archives.
    /// </summary>
    public virtual void SaveState(Checkpoint.CheckpointWriter writer) => throw NotCheckpointable();

    /// <summary>Reads what <see cref="SaveState"/> wrote into this group, newly created with the same model and size.</summary>
    public virtual void RestoreState(Checkpoint.CheckpointReader reader, Checkpoint.RestoreContext context) => throw NotCheckpointable();

    private NestNotImplementedException NotCheckpointable() => new($"Checkpoints of networks with {Model.Name} nodes are not implemented yet.");

    /// <summary>
    /// Reads status key <paramref name="key"/> of the nodes at <paramref name="locals"/> into <paramref name="values"/>,
    /// as <see cref="WriteStatus"/> shows it, without building their whole status. False when the group shows the key
    /// only in the whole status; the caller reads that instead.
    /// </summary>
    public virtual bool TryReadStatusValues(string key, ReadOnlySpan<int> locals, Span<object?> values) => false;

    // ---------------------------------------------------------------- secondary events and waveform relaxation

    /// <summary>
    /// NEST's sends_secondary_event: whether the nodes send secondary events of <paramref name="type"/> (a row of values
    /// per slice, see <see cref="SecondaryEventBuffer"/>), so that a synapse model carrying that kind may leave them.
    /// </summary>
    public virtual bool SendsSecondary(SecondaryEventType type) => false;

    /// <summary>
    /// Whether the nodes send any kind of secondary event through synapses, as spiking nodes send spikes (false for
    /// generators that send one, <see cref="ISecondaryEventGenerator"/>: their connections are generator links).
    /// </summary>
    public virtual bool SendsSecondaryEvents => false;

    /// <summary>NEST's handles_test_event for a secondary event: whether the nodes take events of <paramref name="type"/>.</summary>
    public virtual bool ReceivesSecondary(SecondaryEventType type) => false;

    /// <summary>
    /// Whether the nodes take spikes (and currents) through ordinary synapses and from generators; false for nodes that
    /// only exchange secondary events (rate neurons), which Connect then refuses with NEST's message.
    /// </summary>
    public virtual bool TakesSpikes => true;

    /// <summary>
    /// Whether the model can take part in NEST's waveform relaxation (its wfr_update): its nodes then use it when the
    /// kernel's use_wfr was true at their creation (NEST's node_uses_wfr).
    /// </summary>
    public virtual bool SupportsWaveformRelaxation => false;

    /// <summary>NEST's node_uses_wfr of the group's nodes (set at Create from use_wfr for models that support it).</summary>
    public bool UsesWaveformRelaxation { get; set; }

    /// <summary>
    /// One iteration of the waveform relaxation over steps [<paramref name="from"/>, <paramref name="to"/>) of the
    /// slice (NEST's wfr_update): the nodes of this thread compute the slice from their state without changing it and
    /// send what the iteration's events carry; returns whether every node's values changed by at most
    /// <paramref name="tolerance"/> since the last iteration.
    /// </summary>
    public virtual bool WaveformRelaxationUpdate(SimulationContext context, int thread, long sliceStart, int from, int to, double tolerance) =>
        throw new KernelException($"{Model.Name}: waveform relaxation not supported.");

    /// <summary>Whether node <paramref name="local"/> is frozen (NEST's <c>frozen</c>: not updated).</summary>
    public virtual bool IsFrozen(int local) => false;

    /// <summary>Whether this group's nodes can be frozen (NEST refuses for multimeters; NestSharp freezes neurons only).</summary>
    public virtual bool CanFreeze => false;

    /// <summary>Freezes or thaws node <paramref name="local"/> (only called with true when <see cref="CanFreeze"/>).</summary>
    public virtual void SetFrozen(int local, bool frozen) { }
}
