using NestSharp.Models.Synapses;

namespace NestSharp.Connections;

/// <summary>What delivery needs: the input ring, the time grid, the spike archive and where weight events go.</summary>
internal readonly struct DeliveryContext(InputRing ring, TimeGrid time, SpikeArchive archive, long sliceStart,
    WeightEventBuffer weightEvents, Func<int, int, double, int> reroute, int[] nodeOfChannel)
{
    public InputRing Ring { get; } = ring;
    public TimeGrid Time { get; } = time;
    public SpikeArchive Archive { get; } = archive;
    public long SliceStart { get; } = sliceStart;
    public WeightEventBuffer WeightEvents { get; } = weightEvents;

    /// <summary>The channel an event of a given weight goes to, for the neuron behind a channel (sign-routed models).</summary>
    public Func<int, int, double, int> Reroute { get; } = reroute;

    /// <summary>
    /// The node id of the neuron behind each input channel (index: the channel without its counting bit), for the models
    /// that read their target's history and for weight events: synapses keep their target's channel, not its id.
    /// </summary>
    public int[] NodeOfChannel { get; } = nodeOfChannel;

    /// <summary>
    /// Where synapses whose transmitted weight is made in delivery log each spike they transmit to a counting input
    /// (parrots, precise receivers), in delivery order, for the precise receivers; null when the network has none.
    /// </summary>
    public PreciseWeightLog? PreciseWeights { get; init; }
}

/// <summary>
/// The spikes synapses of the <see cref="PreciseWeight.Logged"/> kind transmitted into counting inputs during one
/// virtual process's delivery of a slice, in delivery order (spike, then synapse): which spike (its position in the
/// slice's spikes), through which synapse, with which weight. <see cref="Kernel.PreciseSpikeRoutes"/> reads them so
/// that precise receivers get each spike's own weight, and nothing for a spike a synapse did not transmit
/// (bernoulli_synapse, quantal_stp_synapse).
/// </summary>
internal sealed class PreciseWeightLog
{
    private int[] _spikes = new int[16];
    private int[] _synapses = new int[16];
    private double[] _weights = new double[16];

    /// <summary>The storage of the slice's spikes, whose elements <see cref="Add"/> receives (their positions are logged).</summary>
    private Spike[] _slice = [];

    public int Count { get; private set; }

    /// <summary>Empties the log for the delivery of the spikes stored at the start of <paramref name="slice"/>.</summary>
    public void Begin(Spike[] slice)
    {
        _slice = slice;
        Count = 0;
    }

    /// <summary>
    /// Logs that <paramref name="synapse"/> transmitted <paramref name="spike"/> (an element of the slice's spikes given
    /// to <see cref="Begin"/>, passed by reference) with <paramref name="weight"/>.
    /// </summary>
    public void Add(in Spike spike, int synapse, double weight)
    {
        if (Count == _synapses.Length)
        {
            Array.Resize(ref _spikes, Count * 2);
            Array.Resize(ref _synapses, Count * 2);
            Array.Resize(ref _weights, Count * 2);
        }
        long position = Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(_slice), ref Unsafe.AsRef(in spike)) / Unsafe.SizeOf<Spike>();
        if ((ulong)position >= (ulong)_slice.Length) throw new InvalidOperationException("a logged spike must be an element of the slice's spikes, passed by reference");
        _spikes[Count] = (int)position;
        _synapses[Count] = synapse;
        _weights[Count] = weight;
        Count++;
    }

    /// <summary>The position of the logged spike among the slice's spikes.</summary>
    public int SpikeAt(int entry) => _spikes[entry];

    public int SynapseAt(int entry) => _synapses[entry];

    public double WeightAt(int entry) => _weights[entry];
}

/// <summary>
/// What the delivery pass to precise receivers (<see cref="Kernel.PreciseSpikeRoutes"/>) reads of the weight a
/// synapse transmitted: its stored weight (static synapses, which transmit every spike with it), or what delivery
/// logged for each spike it transmitted (every model that makes the transmitted weight or the decision to transmit in
/// delivery: spike-timing dependent plasticity, short-term plasticity, stochastic release, a common weight;
/// <see cref="PreciseWeightLog"/>).
/// </summary>
internal enum PreciseWeight { Stored, Logged }

/// <summary>
/// A dictionary-valued property common to a synapse model's connections (the e-prop synapses' <c>optimizer</c>):
/// immutable, so a model and its copies may share one until a change makes a new one.
/// </summary>
internal interface ICommonDictionaryProperty
{
    /// <summary>The key of the model's status.</summary>
    string Key { get; }

    /// <summary>What the model's status shows under <see cref="Key"/>.</summary>
    Dictionary<string, object> Status();

    /// <summary>
    /// The property after a SetDefaults or CopyModel gave <paramref name="value"/> for it, checked (throws and changes
    /// nothing on bad input); <paramref name="numConnections"/> is the model's connection count over all processes.
    /// </summary>
    ICommonDictionaryProperty Staged(object value, long numConnections);

    /// <summary>
    /// Writes to a checkpoint what the property keeps beyond its status (a checkpoint restores the status through
    /// <see cref="Staged"/>, then hands the property made so to <see cref="RestoreCheckpoint"/>).
    /// </summary>
    void SaveCheckpoint(CheckpointWriter writer);

    /// <summary>This property (made from the saved status) with what <see cref="SaveCheckpoint"/> wrote.</summary>
    ICommonDictionaryProperty RestoreCheckpoint(CheckpointReader reader);
}

/// <summary>
/// A kind of synapse: its declaration (<see cref="Schema"/>: parameters common to a model or per connection, per-synapse
/// state) and how it transmits a spike. A synapse model (including copies made with CopyModel) is a type plus
/// parameter values. A synapse class is found by its <see cref="SynapseModelNameAttribute"/> and made through its
/// constructor <c>(string name)</c>; <see cref="Deliver"/> runs a loop specialised for the class, with no virtual call
/// per spike or synapse.
/// </summary>
internal abstract class SynapseType(string name)
{
    /// <summary>The built-in model name.</summary>
    public string Name { get; } = name;

    /// <summary>The declaration of the model's class (one per class, shared by its names).</summary>
    protected abstract SynapseSchema DeclaredSchema { get; }

    /// <summary>
    /// Whether this is a labelled variant (NEST's <c>*_lbl</c> models, its ConnectionLabel): each connection also has
    /// an integer <c>synapse_label</c>, -1 (unlabelled) unless given, that GetConnections can select by.
    /// </summary>
    public bool Labelled => Name.EndsWith(LabelSuffix, StringComparison.Ordinal);

    /// <summary>The suffix of the labelled variants' names.</summary>
    public const string LabelSuffix = "_lbl";

    /// <summary>
    /// Whether recording devices may connect through this model: spike recorders through any of its names, multimeters
    /// through all but the _hpc ones, whose connections have receptor 0 only (NEST: the static synapses and
    /// cont_delay_synapse handle the events of recording devices; plastic synapses do not).
    /// </summary>
    public virtual bool CarriesRecordingDeviceEvents => false;

    /// <summary>Whether this is an _hpc variant (NEST's compact target identifier: receptor 0 only).</summary>
    public bool Hpc => Name.EndsWith("_hpc", StringComparison.Ordinal);

    private SynapseSchema? _schema;

    /// <summary>The model's declaration: the class's, with the per-connection synapse_label of a labelled variant.</summary>
    public SynapseSchema Schema => _schema ??= Labelled ? DeclaredSchema.WithLabel() : DeclaredSchema;

    /// <summary>
    /// NEST's supports_flush_event: whether <see cref="Deliver"/> also gets the slice's flush events (the e-prop
    /// synapses), mixed into the spikes in canonical order and marked by multiplicity 0 (<see cref="Spike.IsFlushEvent"/>).
    /// </summary>
    public virtual bool SupportsFlushEvents => false;

    /// <summary>A dictionary-valued common property of the model with its defaults (the e-prop synapses' optimizer), or null.</summary>
    public virtual ICommonDictionaryProperty? DefaultCommonDictionary => null;

    /// <summary>A per-connection status entry whose value is a dictionary of state columns (the e-prop synapses' optimizer), or null.</summary>
    public virtual NestedConnectionStatus? NestedStatus => null;

    /// <summary>Whether <see cref="PrepareRun"/> is called before each run.</summary>
    public virtual bool NeedsBlocksAtPrepare => false;

    /// <summary>
    /// Before a run, after the nodes were prepared, for a type that <see cref="NeedsBlocksAtPrepare"/> (once per type,
    /// whatever the number of its models): the type's delivery <paramref name="blocks"/> of every local virtual process
    /// (the e-prop synapses tell their targets how many e-prop synapses they have).
    /// </summary>
    public virtual void PrepareRun(SimulationContext context, IReadOnlyList<SynapseBlock> blocks) { }

    /// <summary>The weight of a new synapse model's defaults (NEST's default weight of the model).</summary>
    public virtual double DefaultWeight => 1.0;

    /// <summary>Whether the targets must keep their spike history (spike-timing dependent plasticity).</summary>
    public virtual bool ReadsPostSynapticHistory => false;

    /// <summary>
    /// Whether a checkpoint keeps everything of this model's synapses: the per-synapse columns (weight, delay, state)
    /// always; a type that keeps state elsewhere says so once its split runs are checked against unsplit ones.
    /// </summary>
    public virtual bool SupportsCheckpoint => false;


    /// <summary>Bytes one synapse takes here (NEST's <c>sizeof</c>): channel, weight and a 16-bit delay, and the model's columns.</summary>
    public int BytesPerSynapse => 4 + 8 + 2 + 8 * Schema.Layout.StateNames.Length + 4 * Schema.Layout.IndexNames.Length;

    /// <summary>Checks that nodes of <paramref name="source"/>'s model can send through this synapse type.</summary>
    public virtual void CheckSource(NodeGroup source) { }

    /// <summary>
    /// NEST's check for synapse models with dynamics of their own (plastic and short-term plastic ones), whose test
    /// target accepts only spike events: a source must send SpikeEvents (neurons, parrots, spike_train_injector,
    /// pulsepacket_generator). Generators that serve each target on its own (spike_generator, the Poisson family),
    /// current generators and samplers are refused with NEST's reason. NestSharp also refuses the spike_dilutor, which
    /// NEST accepts: it serves its targets as a generator does, so a synapse model's dynamics would not run.
    /// </summary>
    protected static void RequireSpikeEventSource(NodeGroup source, string model)
    {
        string? reason = source.SynapseTestEvent switch
        {
            SynapseTestEvent.Spike when source.EmitsSpikes => null,
            SynapseTestEvent.Spike =>
                $"NestSharp passes the spikes of {source.Model.Name} on as a generator does, without the dynamics of '{model}' (NEST accepts this connection); connect it through a parrot_neuron.",
            SynapseTestEvent.DeviceSpike =>
                $"The target node or synapse model does not support spike input: '{model}' takes spikes of neurons, parrots, spike_train_injector or pulsepacket_generator, not of {source.Model.Name} (connect it through a parrot_neuron).",
            SynapseTestEvent.Current =>
                $"The target node or synapse model does not support current input: '{model}' does not take the current of {source.Model.Name}.",
            SynapseTestEvent.DataLoggingRequest =>
                $"The target node or synapse model does not support data logging requests: '{model}' does not take the requests of {source.Model.Name}.",
            _ => $"Source node does not send output: {source.Model.Name} cannot send through '{model}'.",
        };
        if (reason is not null) throw new IllegalConnectionException(reason);
    }

    /// <summary>Checks that neurons of <paramref name="target"/>'s model can receive this synapse type.</summary>
    public virtual void CheckTarget(NeuronGroup target) { }

    /// <summary>
    /// How the delivery pass to precise receivers (<see cref="IPreciseSpikeReceiver"/>) learns whether a synapse of this
    /// type transmitted a spike and with which weight: from the stored weight, or from what delivery logged.
    /// </summary>
    public abstract PreciseWeight WeightForPreciseTargets { get; }

    /// <summary>
    /// NEST's checks of a connection's status that involve several values (its set_status): run on a connection's
    /// <paramref name="weight"/> and per-connection parameters (in the order of <see cref="SynapseSchema.PerConnection"/>)
    /// when the connection's status is set: when it is made with a syn_spec that gives more than weight and delay, when
    /// Set changes it, and on the model's defaults. Throws <see cref="BadPropertyException"/> naming the key and value.
    /// </summary>
    public virtual void CheckStatus(double weight, ReadOnlySpan<double> perConnection) { }

    /// <summary>
    /// After <see cref="SynapseSchema.Initialise"/>: what a new synapse at <paramref name="index"/> needs beyond its
    /// declared initial values. <paramref name="statusSet"/> says whether NEST sets the new connection's status (its
    /// syn_spec gives more than weight and delay); <paramref name="model"/> is the synapse model it is made with.
    /// </summary>
    public virtual void OnCreated(SynapseBlock block, int index, bool statusSet, SynapseModel model) { }

    /// <summary>After Set changed the status of the synapse at <paramref name="index"/> (weight, delay or parameters).</summary>
    public virtual void OnStatusSet(SynapseBlock block, int index) { }

    /// <summary>
    /// The per-synapse column holding the part of a delay below whole steps (ms), for a model whose delays need not be
    /// multiples of the resolution (cont_delay_synapse): a synapse's delay is its steps less this offset. Null for the
    /// others.
    /// </summary>
    public virtual SynapseColumn? DelayOffset => null;

    /// <summary>
    /// NEST's HAS_DELAY: whether the connections have a delay. A model without one (rate_connection_instantaneous)
    /// refuses a delay (in a syn_spec, SetDefaults or Set) with <see cref="NoDelayReason"/>, and its connections count
    /// for min_delay and max_delay with wfr_comm_interval, as NEST's.
    /// </summary>
    public bool HasDelay => NoDelayReason is null;

    /// <summary>Why a delay cannot be given, for a model without one (NEST's BadProperty message); null for the others.</summary>
    public virtual string? NoDelayReason => null;

    /// <summary>
    /// Why a weight cannot be given, for a model whose connections are weighted otherwise (diffusion_connection: NEST's
    /// BadProperty of its set_weight); null for the others. A syn_spec, SetDefaults or Set that gives one is refused.
    /// </summary>
    public virtual string? NoWeightReason => null;

    /// <summary>
    /// NEST's REQUIRES_SYMMETRIC (gap_junction): Connect accepts the model only with make_symmetric, or by all_to_all
    /// with the same sources as targets and no array or random parameters (connections that are symmetric as made).
    /// </summary>
    public virtual bool RequiresSymmetric => false;

    /// <summary>The time of the last spike a synapse transmitted (ms), for models that read the target's history.</summary>
    public virtual double LastSpikeTime(SynapseBlock block, int index) => 0.0;

    /// <summary>
    /// Whether the model has a <c>volume_transmitter</c> common to its synapses (neuromodulated plasticity): the model
    /// then takes it in SetDefaults and CopyModel, and <see cref="BeginDelivery"/> is called for each of its blocks.
    /// </summary>
    public virtual bool ReadsVolumeTransmitter => false;

    /// <summary>
    /// NEST's checks of a Connect call through <paramref name="model"/> before any connection is made
    /// (check_synapse_params and what check_connection asks of the model's common properties):
    /// <paramref name="synSpecKeys"/> are the keys the syn_spec gives beyond weight and delay.
    /// </summary>
    public virtual void CheckConnect(SynapseModel model, IEnumerable<string> synSpecKeys, int threads) { }

    /// <summary>
    /// Once per slice and block of a model that <see cref="ReadsVolumeTransmitter"/>, before the slice's spikes are
    /// delivered (also when there are none): brings the block's synapses up to a trigger of the volume transmitter.
    /// </summary>
    public virtual void BeginDelivery(SynapseBlock block, in DeliveryContext context, SynapseModel model) { }

    /// <summary>
    /// After SetDefaults or CopyModel staged new values of a model's common parameters (<paramref name="given"/>: the
    /// keys of the call): derives the common values that follow from others, as NEST's set_status of the model's common
    /// properties does. It may throw; then nothing changes.
    /// </summary>
    public virtual void DeriveCommon(IEnumerable<string> given, double[] common, long[][] arrays) { }

    /// <summary>
    /// Whether the synapses change values common to their model while they transmit spikes (stdp_facetshw_synapse_hom
    /// counts its synapses at their first spike): then <see cref="PrepareSlice"/> is called for each of its models.
    /// </summary>
    public virtual bool ChangesCommonValuesInDelivery => false;

    /// <summary>
    /// Serially, once per slice and model of a type that <see cref="ChangesCommonValuesInDelivery"/>, after the spikes
    /// of the slice starting at <paramref name="sliceStart"/> were gathered (<paramref name="spikes"/>, in canonical
    /// order) and before any thread delivers them: the model's delivery <paramref name="blocks"/> of every local virtual
    /// process, in virtual-process order, so that the common values change in an order that does not depend on the split;
    /// <paramref name="nodeOfChannel"/> as <see cref="DeliveryContext.NodeOfChannel"/>.
    /// </summary>
    public virtual void PrepareSlice(SynapseModel model, IReadOnlyList<SynapseBlock> blocks, ReadOnlySpan<Spike> spikes, long sliceStart, TimeGrid time,
        int[] nodeOfChannel)
    {
    }

    /// <summary>Transmits the spikes of a slice (in canonical order) through this thread's synapses of one model.</summary>
    public abstract void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model);
}
