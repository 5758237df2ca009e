namespace NestSharp.Kernel;

/// <summary>
/// The spikes of a slice (NEST's EventDeliveryManager). After the update, <see cref="Gather"/> (serial) merges every
/// thread's spikes into canonical order (step, then sender; the order does not depend on the split), unrolls the
/// multiplicity of the spikes of nodes with proxies (as NEST's send_remote; each becomes k spikes), exchanges them
/// with the other processes, and hands each to what follows spikes: the sender's spike history and calcium, and the
/// spike recorders; models whose synapses change their common values in delivery prepare the slice (serially). Then
/// every thread <see cref="Deliver"/>s all spikes through the synapses of the targets it owns.
/// Weight events of plastic synapses are collected per thread and recorded in canonical order. Keys
/// local_spike_counter, spike_buffer_resize_log (always empty) and off_grid_spiking (read-only, as PyNEST has it).
/// </summary>
internal sealed class EventDeliveryManager : IKernelManager
{
    private readonly SpikeBuffer _merged = new();
    private readonly SpikeBuffer _flushEvents = new();

    /// <summary>The slice's spikes with its flush events, for the synapse types that take them (see <see cref="SynapseType.SupportsFlushEvents"/>).</summary>
    private readonly SpikeBuffer _withFlushEvents = new();

    /// <summary>Whether some synapse model that takes flush events has connections (then flush events are gathered).</summary>
    private bool _flushEventsUsed;
    private readonly List<WeightEvent> _weightEventMerge = [];
    private readonly List<SynapseBlock> _blocksOfModel = [];
    private Models.Synapses.SynapseModel[] _modelsChangingCommonValues = [];
    private WeightEvent[] _weightEventExchange = [];
    private WeightEventBuffer[] _weightEvents = [];
    private Func<int, int, double, int> _reroute = null!;
    private int[] _nodeOfChannel = [];
    private PreciseSpikeRoutes? _precise;
    private KernelManager _kernel = null!;
    private SimulationContext _context = null!;

    /// <summary>Spikes emitted by the nodes with proxies of this process so far, counted with their multiplicity (NEST's local_spike_counter).</summary>
    public long LocalSpikeCounter { get; internal set; }

    /// <summary>
    /// NEST's off_grid_spiking: whether spikes with offsets (precise spike times) travel between nodes. As in NEST it
    /// becomes true when nodes of a model whose defaults send such spikes are created (<see cref="NodeGroup.SendsOffGridSpikes"/>
    /// of the prototype) and when a run starts with such a node (a spike_train_injector set to precise_times), and
    /// stays true until ResetKernel. NestSharp's spike record carries the offset whatever this says (it is 0 for
    /// grid-based senders), so it changes no result: it reports what NEST would report.
    /// </summary>
    public bool OffGridSpiking { get; internal set; }

    public IReadOnlyCollection<string> SettableKeys => [];

    public void Initialize(KernelManager kernel)
    {
        _kernel = kernel;
        _reroute = kernel.Nodes.RerouteChannel;
    }

    public void GetStatus(Dictionary<string, object> status)
    {
        status["local_spike_counter"] = LocalSpikeCounter;
        status["off_grid_spiking"] = OffGridSpiking;
        // NEST logs each resize of its fixed-size MPI spike buffers here. NestSharp's exchange gathers exactly the
        // spikes there are (see ICommunicator), so it never resizes such a buffer and the log stays empty.
        status["spike_buffer_resize_log"] = new Dictionary<string, object>
        {
            ["times"] = Array.Empty<long>(),
            ["global_max_spikes_sent"] = Array.Empty<long>(),
            ["new_buffer_size"] = Array.Empty<long>(),
        };
    }

    public Action? StageStatus(KernelStatusChange change) => null;

    public void Prepare(SimulationContext context)
    {
        _context = context;
        _nodeOfChannel = _kernel.Nodes.NodeOfEachChannel();
        foreach (var group in _kernel.Nodes.Groups) OffGridSpiking |= group.SendsOffGridSpikes;
        _precise = _kernel.Nodes.Groups.Any(g => g is IPreciseSpikeReceiver) ? new PreciseSpikeRoutes(_kernel.Nodes, _kernel.Models.SynapseModels, context.VirtualProcesses, context.Time.Resolution) : null;
        if (!_kernel.Connections.KeepSourceTable && _kernel.Nodes.Groups.Any(g => g is IPreciseSpikeReceiver { DecodesSenders: true })) CheckSendersKnown(context);
        if (_weightEvents.Length != context.VirtualProcesses)
            _weightEvents = Enumerable.Range(0, context.VirtualProcesses).Select(_ => new WeightEventBuffer()).ToArray();
        // Only models with connections (counts are global: every process agrees); a model copied later has none during
        // this run, since Connect is refused until Cleanup.
        _modelsChangingCommonValues = _kernel.Models.SynapseModels
            .Where(m => m.Type.ChangesCommonValuesInDelivery && _kernel.Connections.NumConnections(m.Id) > 0).ToArray();
        // Connection counts are global already; every process reaches the same answer.
        _flushEventsUsed = _kernel.Models.SynapseModels.Any(m => m.Type.SupportsFlushEvents && _kernel.Connections.NumConnections(m.Id) > 0);
        PrepareSecondary(context);
    }

    /// <summary>
    /// NEST's secondary_connections_exist, over all processes: whether some connection of a synapse model carrying
    /// secondary events exists (then their values are exchanged and delivered in every slice).
    /// </summary>
    public bool SecondaryConnectionsExist { get; private set; }

    /// <summary>The buffers of the kinds of secondary events the synapse models carry, for the nodes at this Prepare.</summary>
    private void PrepareSecondary(SimulationContext context)
    {
        var types = new List<SecondaryEventType>();
        bool exist = false;
        foreach (var model in _kernel.Models.SynapseModels)
        {
            if (model.Type is not SecondarySynapseType secondary) continue;
            if (!types.Contains(secondary.Carries)) types.Add(secondary.Carries);
            exist |= _kernel.Connections.NumConnections(model.Id) > 0;
        }
        // NumConnections counts over every process already; the maximum keeps every process's answer the same.
        SecondaryConnectionsExist = (context.Communicator.Size > 1 ? context.Communicator.Max(exist ? 1 : 0) : exist ? 1 : 0) > 0;
        var settings = new SimulationSettings(context.MinDelaySteps, _kernel.Simulation.WaveformRelaxation.InterpolationOrder);
        context.Secondary.Prepare(types, _kernel.Nodes, context.Layout, settings);
        if (SecondaryConnectionsExist || context.Secondary.Instant.Data.Length > 0)
            context.Secondary.ShapeInstantInput(context.Ring.Channels, context.MinDelaySteps);
    }

    /// <summary>
    /// Serially: exchanges the values the senders wrote (in an iteration of the waveform relaxation with
    /// <paramref name="iteration"/>: only the kinds delivered in iterations).
    /// </summary>
    public void ExchangeSecondary(bool iteration)
    {
        if (SecondaryConnectionsExist) _context.Secondary.Exchange(_context.Communicator, iteration);
    }

    /// <summary>
    /// Delivers the exchanged secondary events through the synapses of virtual process <paramref name="vp"/>
    /// (NEST's deliver_secondary_events): in an iteration of the waveform relaxation only the kinds that support it,
    /// into the slice starting at <paramref name="sliceStart"/>; at the end of that slice every kind.
    /// </summary>
    public void DeliverSecondary(int vp, long sliceStart, bool iteration)
    {
        if (!SecondaryConnectionsExist) return;
        var models = _kernel.Models.SynapseModels;
        var tables = _context.Secondary;
        var blocks = _kernel.Connections.BlocksToDeliver(vp);
        var context = new SecondaryDelivery(_context.Ring, tables.Instant, sliceStart, _context.MinDelaySteps, iteration) { WeightEvents = _weightEvents[vp], NodeOfChannel = _nodeOfChannel };
        for (int b = 0; b < blocks.Length; b++)
        {
            var block = blocks[b];
            if (models[block.SynapseModelId].Type is not SecondarySynapseType type) continue;
            if (iteration && !type.Carries.SupportsWaveformRelaxation) continue;
            if (tables.Of(type.Carries) is { } values) type.DeliverSecondary(block, values, context with { Model = models[block.SynapseModelId] });
        }
    }

    /// <summary>
    /// With keep_source_table false, NEST cannot tell a binary neuron who sent a spike that came through the spike
    /// exchange (a sender with proxies): its handle fails reading the source table. Refused here, before the run.
    /// </summary>
    private void CheckSendersKnown(SimulationContext context)
    {
        var nodes = _kernel.Nodes;
        for (int vp = 0; vp < context.VirtualProcesses; vp++)
        {
            foreach (var block in _kernel.Connections.BlocksToDeliver(vp))
            {
                for (int s = 0; s < block.SourceCount; s++)
                {
                    if (block.Offsets[s] == block.Offsets[s + 1] || !nodes.Locate(block.SourceMin + s).Group.HasProxies) continue;
                    for (int i = block.Offsets[s]; i < block.Offsets[s + 1]; i++)
                    {
                        int encoded = block.Channels[i];
                        if (encoded >= 0) continue;
                        if (nodes.LocateChannel(encoded & int.MaxValue).Group is IPreciseSpikeReceiver { DecodesSenders: true })
                            throw new KernelException("Cannot use SourceTable::get_node_id when get_keep_source_table is false");
                    }
                }
            }
        }
    }

    /// <summary>Serially, after the update of the slice starting at <paramref name="sliceStart"/> (see the class summary).</summary>
    public void Gather(long sliceStart)
    {
        var context = _context;
        RecordWeightEvents();
        _merged.MergeCanonical(context.SpikesOfVp);
        foreach (var buffer in context.SpikesOfVp) buffer.Clear();
        // As NEST's send_remote: a node with proxies (neurons, spike_train_injector, a sinusoidal_poisson_generator
        // with one train) sends a spike of multiplicity k as k single spikes, so its targets and its own history see
        // k spikes (parrot_neuron and pp_psc_delta set their spike time k times); devices keep the multiplicity.
        // NEST counts the spikes of nodes with proxies only (devices send theirs locally), each with its multiplicity.
        LocalSpikeCounter += _merged.UnrollMultiplicity(_kernel.Nodes, static (nodes, source) => nodes.Locate(source).Group.HasProxies);
        if (context.Communicator.Size > 1) _merged.ExchangeCanonical(context.Communicator);
        GatherFlushEvents(context);
        var time = context.Time;
        double minDelayMs = time.StepToMs(context.MinDelaySteps);
        double h = time.Resolution;
        var nodes = _kernel.Nodes;
        var items = _merged.Items;
        for (int k = 0; k < items.Length;)
        {
            ref readonly var spike = ref items[k];
            long stamp = sliceStart + spike.Lag + 1;
            // The sender's spike time: its step's end less the offset (0 for grid-based senders), as NEST's set_spiketime;
            // models that archive their spikes on the grid whatever their offset says take the step's end.
            var (group, local) = nodes.Locate(spike.Source);
            // The spikes one event of a node with proxies became (consecutive): recorders get the event as it was sent
            // (NEST hands it to local devices before unrolling it), with its multiplicity. Models that archive their
            // spikes on the grid whatever their offset says take the step's end.
            double t = time.StepToMs(stamp) - (group.ArchivesStampsOnly ? 0.0 : spike.Offset);
            int copies = 1;
            if (group.HasProxies)
            {
                while (k + copies < items.Length && items[k + copies].Source == spike.Source && items[k + copies].Lag == spike.Lag
                    && items[k + copies].Offset == spike.Offset)
                {
                    copies++;
                }
            }
            int times = group.SetsSpikeTimeOncePerEvent ? 1 : copies;
            for (int c = 0; c < times; c++)
            {
                if (group is NeuronGroup { IsArchivingNode: true } neuron) _kernel.Structural.OnSpike(neuron, local, t, h);
                _kernel.Archive.OnSpike(spike.Source, t, minDelayMs);
            }
            _kernel.Recording.RecordSpike(spike.Source, stamp, copies == 1 ? spike.Multiplicity : copies, spike.Offset, group.HasProxies);
            k += copies;
        }
        _kernel.Recording.EndOfSlice();
        foreach (var model in _modelsChangingCommonValues)
        {
            _blocksOfModel.Clear();
            for (int vp = 0; vp < context.VirtualProcesses; vp++)
            {
                foreach (var block in _kernel.Connections.BlocksToDeliver(vp))
                    if (block.SynapseModelId == model.Id) _blocksOfModel.Add(block);
            }
            model.Type.PrepareSlice(model, _blocksOfModel, _merged.Items, sliceStart, time, _nodeOfChannel);
        }
    }

    /// <summary>
    /// The slice's flush events, in canonical order over all processes, merged into a copy of the slice's spikes for
    /// the synapse types that take them (only when such synapses exist; the buffers are emptied anyway).
    /// </summary>
    private void GatherFlushEvents(SimulationContext context)
    {
        if (!_flushEventsUsed)
        {
            foreach (var buffer in context.FlushEventsOfVp) buffer.Clear();
            _withFlushEvents.Clear();
            return;
        }
        _flushEvents.MergeCanonical(context.FlushEventsOfVp);
        foreach (var buffer in context.FlushEventsOfVp) buffer.Clear();
        if (context.Communicator.Size > 1) _flushEvents.ExchangeCanonical(context.Communicator);
        _withFlushEvents.MergeWithFlushEvents(_merged.Items, _flushEvents.Items);
    }

    /// <summary>
    /// Transmits every spike of the slice through the synapses of virtual process <paramref name="vp"/>, in canonical
    /// order; first, with <paramref name="triggers"/>, synapse types that read a volume transmitter apply its pending
    /// trigger (NEST's volume_transmitter does so in its update, before the slice's spikes are delivered); without
    /// <paramref name="spikes"/> only that (the spikes of a run's last slice wait for the next run, as NEST's do).
    /// </summary>
    public void Deliver(int vp, long sliceStart, bool triggers = true, bool spikes = true)
    {
        ReadOnlySpan<Spike> sliceSpikes = spikes ? _merged.Items : default;
        ReadOnlySpan<Spike> withFlushEvents = spikes && _flushEventsUsed ? _withFlushEvents.Items : default;
        var models = _kernel.Models.SynapseModels;
        if (sliceSpikes.Length == 0 && withFlushEvents.Length == 0 && !(triggers && AnyReadsVolumeTransmitter(models))) return;
        var blocks = _kernel.Connections.BlocksToDeliver(vp);
        var precise = _precise;
        var log = precise?.LogOf(vp, blocks.Length, _merged.Storage);
        var delivery = new DeliveryContext(_context.Ring, _context.Time, _kernel.Archive, sliceStart, _weightEvents[vp], _reroute, _nodeOfChannel)
        {
            PreciseWeights = log?.Weights,
        };
        for (int b = 0; b < blocks.Length; b++)
        {
            var block = blocks[b];
            var model = models[block.SynapseModelId];
            if (log is not null) log.Starts[b] = log.Weights.Count;
            if (triggers && model.Type.ReadsVolumeTransmitter) model.Type.BeginDelivery(block, in delivery, model);
            if (model.Type.SupportsFlushEvents)
            {
                if (withFlushEvents.Length > 0) model.Type.Deliver(block, withFlushEvents, in delivery, model);
            }
            else if (sliceSpikes.Length > 0)
            {
                model.Type.Deliver(block, sliceSpikes, in delivery, model);
            }
        }
        // Precise receivers also get each spike's offset (once per virtual process and slice; null without them).
        if (precise is not null && sliceSpikes.Length > 0) precise.Deliver(vp, blocks, sliceSpikes, sliceStart, _context.Ring);
    }

    private static bool AnyReadsVolumeTransmitter(IReadOnlyList<Models.Synapses.SynapseModel> models)
    {
        foreach (var model in models) if (model.VolumeTransmitterSpikes is not null) return true;
        return false;
    }

    /// <summary>
    /// Hands the weight events of all threads to their recorders in canonical order (time, sender, target, port), so
    /// the record does not depend on the number of threads.
    /// </summary>
    public void RecordWeightEvents()
    {
        if (_context is null) return; // never prepared: nothing was delivered
        _weightEventMerge.Clear();
        foreach (var buffer in _weightEvents)
        {
            _weightEventMerge.AddRange(buffer.Events);
            buffer.Events.Clear();
        }
        var communicator = _context.Communicator;
        if (communicator.Size > 1)
        {
            int n = communicator.AllGather(CollectionsMarshal.AsSpan(_weightEventMerge), ref _weightEventExchange);
            _weightEventMerge.Clear();
            _weightEventMerge.AddRange(_weightEventExchange.AsSpan(0, n));
        }
        if (_weightEventMerge.Count == 0) return;
        // Events already in strictly increasing order (one thread, usually) are the order any sort would give.
        if (!StrictlyIncreasing(CollectionsMarshal.AsSpan(_weightEventMerge))) _weightEventMerge.Sort(static (a, b) => Compare(a, b));
        foreach (var e in _weightEventMerge) _kernel.Recording.RecordWeight(e);
    }

    /// <summary>The order weight events are recorded in: by stamp, sender, target and port.</summary>
    private static int Compare(in WeightEvent a, in WeightEvent b) =>
        a.Stamp != b.Stamp ? a.Stamp.CompareTo(b.Stamp) :
        a.Sender != b.Sender ? a.Sender.CompareTo(b.Sender) :
        a.Target != b.Target ? a.Target.CompareTo(b.Target) : a.Port.CompareTo(b.Port);

    private static bool StrictlyIncreasing(ReadOnlySpan<WeightEvent> events)
    {
        for (int i = 1; i < events.Length; i++)
            if (Compare(events[i - 1], events[i]) >= 0) return false;
        return true;
    }
}
