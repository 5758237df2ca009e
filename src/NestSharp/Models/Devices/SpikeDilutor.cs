namespace NestSharp.Models.Devices;

/// <summary>
/// spike_dilutor: passes the spikes it receives (the parent train) on to each of its targets independently with
/// probability <c>p_copy</c>, so that the targets receive correlated child trains (the MIP of Kuhn et al. 2003 for an
/// arbitrary parent train).
/// <para>The n spikes (summed multiplicities) arriving in step t leave in the same step t: a target receives
/// k ~ Binomial(n, p_copy) of them as one event of multiplicity k (none if k = 0), after its connection's delay and
/// scaled by its weight. The weights of incoming connections are ignored. A spike from a spike_generator at 1 ms with
/// delay 1 ms into the dilutor and delay 2 ms on to a parrot_neuron makes the parrot fire at 4 ms.</para>
/// <para>The dilutor acts in the serial step at the end of each slice (<see cref="IEndOfSliceGroup"/>), when its
/// arrivals of the slice are complete; k is drawn from the connection's keyed stream (seed, dilutor, target,
/// connection) indexed by the step, so the child trains do not depend on the number of threads. NEST refuses to simulate a network with a spike_dilutor on
/// more than one thread (KernelException); NestSharp runs it with any number of threads and gives the same trains
/// (a deliberate difference). In one process only: with several MPI processes Simulate raises KernelException.</para>
/// <para>Activity is tested once per slice, at the slice's start T: the dilutor passes spikes on in the slices with
/// origin + start &lt; T &lt;= origin + stop. As in NEST, the arrivals of a slice in which it is inactive are not
/// consumed: they stay in its input buffer and are added to the arrivals of the step one buffer length
/// (min_delay + max_delay) later.</para>
/// <para>Sources: neurons, spike generators and other dilutors (receptor 0). Targets: neurons, spike recorders and
/// other dilutors, through static synapses.</para>
/// <para>Parameters: <c>p_copy</c> (in [0, 1], default 1), start, stop, origin (ms), label.</para>
/// <para>Reference: Kuhn A, Aertsen A, Rotter S (2003). Higher-order statistics of input ensembles and the response of
/// simple model neurons. Neural Computation 15:67-101. NEST model documentation, spike_dilutor.</para>
/// </summary>
[NodeModelName("spike_dilutor")]
internal sealed class SpikeDilutor : NeuronGroup, ILocalGenerator, IEndOfSliceGroup, ISpikeRelayGroup
{
    private const ulong StreamSalt = 0x5D11_7700;

    private static readonly NeuronSchema Declared = new();

    private static readonly InputChannel Arrivals = Declared.Input("parent_spikes");

    static SpikeDilutor()
    {
        Declared.CountingSpikeReceptor(0, Arrivals);
        Declared.ShowsRecordables = false;
    }

    private readonly Node[] _nodes;

    public SpikeDilutor(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _nodes = new Node[count];
        for (int i = 0; i < count; i++) _nodes[i] = new Node();
    }

    public override ElementType ElementType => ElementType.Stimulator;

    public override bool EmitsSpikes => false;

    /// <summary>NEST's spike_dilutor sends ordinary spike events (no DSSpikeEvent), so NEST's synapse models all take them.</summary>
    public override SynapseTestEvent SynapseTestEvent => SynapseTestEvent.Spike;

    public override bool CanFreeze => false;

    /// <summary>The devices' settings are saved with them; the parent spikes in flight are in the input ring, the draws keyed by step.</summary>
    public override bool SupportsCheckpoint => true;

    /// <summary>Simulate refuses a spike_dilutor with several processes (see <see cref="Prepare"/>), so checkpoints do too.</summary>
    public override string? NotKeptAcrossProcesses => OneProcessOnly;

    /// <summary>Why a spike_dilutor runs in one process only.</summary>
    private const string OneProcessOnly =
        "NestSharp simulates a spike_dilutor in one process only: its parent spikes reach only the process that holds it, not the processes of its targets";

    protected override void SaveModelState(CheckpointWriter writer) => DeviceGroup<Node>.SaveNodes(writer, _nodes, DeviceGroup<Node>.NoKeys);

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context) =>
        DeviceGroup<Node>.RestoreNodes(reader, _nodes, context, DeviceGroup<Node>.NoKeys);

    public bool SendsCurrent => false;

    public DeviceTargets TargetsOf(int local) => _nodes[local].Targets;

    internal sealed class Node : DeviceNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Real("p_copy", n => n.PCopy, (n, v) => n.PCopy = v);

        public double PCopy = 1.0;
        public DeviceTargets Targets = new();

        public override IDeviceKeys Keys => Declared;

        protected override void ResetRuntimeState() => Targets = new DeviceTargets();

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (!(PCopy >= 0 && PCopy <= 1)) throw new BadPropertyException("p_copy", PCopy, "Copy probability must be in [0, 1].");
        }
    }

    // ---------------------------------------------------------------- status: a device's keys, not a neuron's columns

    public override IReadOnlyCollection<string> SettableKeys => _nodes.Length > 0 ? _nodes[0].Keys.Settable : [];

    public override bool TakesArray(string key) => false;

    public override void WriteStatus(int local, Dictionary<string, object> status) => _nodes[local].Keys.Write(_nodes[local], status);

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context) =>
        DeviceGroup<Node>.Stage(_nodes, local, values, context);

    public override void CopyDefaultsFrom(NodeGroup prototype)
    {
        var source = (SpikeDilutor)prototype;
        for (int i = 0; i < Count; i++) _nodes[i] = (Node)source._nodes[0].CloneAsNew();
    }

    // ---------------------------------------------------------------- simulation

    public override void Prepare(SimulationContext context)
    {
        if (Count > 0 && context.Communicator.Size > 1)
            throw new KernelException($"The network contains a spike_dilutor and runs on {context.Communicator.Size} MPI processes: {OneProcessOnly}.");
        for (int local = 0; local < Count; local++)
            GeneratorDelivery.AssignStreamKeys(_nodes[local].Targets, context, StreamSalt, FirstId + local);
    }

    /// <summary>
    /// Serially after the update of a slice and before its spikes are delivered (when the arrivals of the slice's steps
    /// are complete: spikes are delivered into them while other threads may already update): passes the arrivals of
    /// steps [from, to) of each active dilutor on to its targets on every thread, and consumes them. The targets' inputs
    /// lie at least min_delay ahead, in a later slice.
    /// </summary>
    public void EndSlice(SimulationContext context, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        int channelBase = ChannelOf(Arrivals);
        for (int position = 0; position < Count; position++)
        {
            var node = _nodes[IdOf(position) - FirstId];
            if (!node.IsActive(context.Time, sliceStart)) continue;
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                ref double arrived = ref ring.Row(step, channelBase + position, 1)[0];
                long parentSpikes = (long)arrived;
                arrived = 0.0;
                if (parentSpikes == 0) continue;
                for (int thread = 0; thread < context.VirtualProcesses; thread++)
                {
                    foreach (ref readonly var target in node.Targets.OfThread(thread))
                    {
                        var stream = new RandomStream(RandomStream.Derive(target.StreamKey, (ulong)step));
                        long k = BinomialSampler.Sample(ref stream, parentSpikes, node.PCopy);
                        if (k != 0) GeneratorDelivery.AddSpikes(ring, in target, step, k);
                    }
                }
            }
        }
    }
}
