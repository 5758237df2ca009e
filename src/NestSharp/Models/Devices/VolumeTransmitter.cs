namespace NestSharp.Models.Devices;

/// <summary>
/// volume_transmitter: collects the spikes of a pool of neuromodulatory (dopaminergic) neurons and hands them to the
/// neuromodulated synapses whose model names it (<c>volume_transmitter</c> of stdp_dopamine_synapse).
/// <para>A spike of multiplicity m sent at t through a connection with delay d arrives at t + d and is kept as
/// (t + d, m); connection weights are ignored. The list of a volume transmitter starts with a pseudo spike (0, 0).
/// At the end of every slice whose end step is a multiple of deliver_interval · min_delay (at time t_trig), every
/// synapse that reads the volume transmitter brings its state up to t_trig with the list (a trigger), and the list
/// restarts with the pseudo spike (t_trig, 0); synapses that transmit a spike in between read the current list.</para>
/// <para>Parameters: deliver_interval (integer, in units of min_delay, default 1). As in NEST, any integer is accepted;
/// with 0 (which NEST cannot run) the synapses are never triggered.</para>
/// <para>Only neurons may send to a volume transmitter (NEST: no device to a global receiver), on receptor 0, with
/// one_to_one or all_to_all; it sends nothing. NEST keeps one copy per thread, each receiving every spike; NestSharp
/// keeps one per process, read by all its threads (so GetConnections lists a connection to it once, not once per
/// thread). Its connections are stored, as a neuron's, with the virtual process its id falls to, so the spikes arrive
/// at that process only: with several MPI processes it sends each slice's arrivals to the others (one gather per slice),
/// and every process holds the same list, as the synapses on every process need it.</para>
/// <para>Reference: Potjans W, Morrison A, Diesmann M (2010) Enabling functional neural circuit simulations with
/// distributed computing of neuromodulated plasticity. Front Comput Neurosci 4:141.</para>
/// </summary>
[NodeModelName("volume_transmitter")]
internal sealed class VolumeTransmitter : NeuronGroup, IEndOfSliceGroup, INeuromodulatorSource
{
    // Not a neuron: no archiving or structural plasticity columns.
    private static readonly NeuronSchema Declared = new();

    private static readonly Column DeliverInterval = Declared.IntegerParameter("deliver_interval", 1, "");
    private static readonly InputChannel Arrivals = Declared.Input("neuromodulatory_spikes");

    private readonly NeuromodulatorySpikes[] _spikes;

    // With several MPI processes: the arrivals of a slice, by position and step, of the nodes this process holds (0 for
    // the others), and those of every process.
    private double[] _arrivals = [], _allArrivals = [];

    static VolumeTransmitter()
    {
        Declared.CountingSpikeReceptor(0, Arrivals);
        Declared.ShowsRecordables = false;
    }

    public VolumeTransmitter(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _spikes = new NeuromodulatorySpikes[count];
        for (int i = 0; i < count; i++) _spikes[i] = new NeuromodulatorySpikes();
    }

    public override ElementType ElementType => ElementType.Other;

    public override bool EmitsSpikes => false;

    public override bool CanFreeze => false;

    /// <summary>The spikes node <paramref name="local"/> hands to its synapses.</summary>
    public NeuromodulatorySpikes SpikesOf(int local) => _spikes[local];

    /// <summary>
    /// Serially, after the update of a slice and before its spikes are delivered: moves the arrivals of steps
    /// [from, to) into each node's list and triggers the synapses at the end of a delivery interval. With several MPI
    /// processes the arrivals are first gathered from the process holding each node (a collective call: every process
    /// makes it at the same slice).
    /// </summary>
    public void EndSlice(SimulationContext context, long sliceStart, int from, int to)
    {
        var time = context.Time;
        int steps = to - from;
        var arrivals = TakeArrivals(context, sliceStart, from, to);
        double[] intervals = this[DeliverInterval];
        for (int position = 0; position < Count; position++)
        {
            var spikes = _spikes[PositionToLocal(position)];
            spikes.Triggered = false;
            for (int lag = from; lag < to; lag++)
            {
                double arrived = arrivals[position * steps + lag - from];
                if (arrived > 0) spikes.Add(time.StepToMs(sliceStart + lag + 1), arrived);
            }
            long period = (long)intervals[position] * context.MinDelaySteps;
            long end = sliceStart + to;
            if (period != 0 && end % period == 0) spikes.Trigger(time.StepToMs(end));
        }
    }

    private int PositionToLocal(int position) => IdOf(position) - FirstId;

    /// <summary>
    /// The arrivals of steps [from, to) (multiplicities, by position and then step), taken out of the input ring. Only
    /// the process holding a node (its virtual process) receives its spikes; another process's ring may still hold
    /// values for it (those a checkpoint restored onto every process), which are cleared and not counted. With several
    /// processes the arrivals are summed over all of them (each node's come from one, so the sums are exact).
    /// </summary>
    private ReadOnlySpan<double> TakeArrivals(SimulationContext context, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        var layout = context.Layout;
        int steps = to - from, length = Count * steps;
        if (_arrivals.Length < length) _arrivals = new double[length];
        for (int position = 0; position < Count; position++)
        {
            bool held = layout.IsLocal(layout.SlotOfNode(IdOf(position)));
            int channel = ChannelOf(Arrivals) + position;
            for (int lag = from; lag < to; lag++)
            {
                ref double arrived = ref ring.Row(sliceStart + lag, channel, 1)[0];
                _arrivals[position * steps + lag - from] = held ? arrived : 0.0;
                arrived = 0.0;
            }
        }
        var communicator = context.Communicator;
        if (communicator.Size == 1) return _arrivals.AsSpan(0, length);
        communicator.AllGather<double>(_arrivals.AsSpan(0, length), ref _allArrivals);
        for (int i = 0; i < length; i++)
        {
            double sum = 0.0;
            for (int rank = 0; rank < communicator.Size; rank++) sum += _allArrivals[rank * length + i];
            _arrivals[i] = sum;
        }
        return _arrivals.AsSpan(0, length);
    }

    public override bool SupportsCheckpoint => true;

    // The list since the last trigger; the trigger list is read only in the slice that made it. Every process holds
    // the same list: of a checkpoint of several processes, the checkpoint's own (rank 0's) is taken and the parts' are
    // passed over.
    protected override void SaveModelState(Checkpoint.CheckpointWriter writer)
    {
        foreach (var spikes in _spikes)
        {
            writer.Write(spikes.Times.AsSpan(0, spikes.Count));
            writer.Write(spikes.Multiplicities.AsSpan(0, spikes.Count));
        }
    }

    protected override void RestoreModelState(Checkpoint.CheckpointReader reader, Checkpoint.RestoreContext context)
    {
        foreach (var spikes in _spikes)
        {
            double[] times = reader.ReadDoubles(), multiplicities = reader.ReadDoubles();
            if (times.Length != multiplicities.Length || times.Length == 0) throw reader.Bad("a volume transmitter's spike list is malformed");
            if (context.Owned is null) spikes.Restore(times, multiplicities);
        }
    }
}
