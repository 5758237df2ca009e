using System.Diagnostics;
using NestSharp.Connections;
using NestSharp.Models.Devices;
using NestSharp.Nodes;
using NestSharp.Plasticity;
using NestSharp.Plasticity.Structural;

namespace NestSharp.Kernel;

/// <summary>
/// Prepares and advances the simulation in slices of min_delay steps. In each slice every thread updates its share
/// of every node group (neurons read their input row per step; generators add into their targets' future input);
/// then one thread merges the spikes of all threads into canonical order (step, then sender id), hands them to the
/// spike recorders and the multimeters' samples over; then every thread delivers all spikes to the synapses of the
/// targets it owns. A thread only ever writes the input of its own targets, so no locks are needed, and each input
/// sum is formed in the same order whatever the number of threads.
/// </summary>
internal sealed class SimulationManager(NodeManager nodes, ConnectionManager connections, SimulationContext context, KernelSettings settings,
    SpikeArchive archive, StructuralPlasticityManager structural)
{
    private readonly SpikeBuffer _merged = new();

    // Delegates made once, not per slice (the serial phase and delivery must not allocate).
    private readonly Func<int, int, double, int> _reroute = nodes.RerouteChannel;
    private Func<int, int>? _virtualProcessOf;
    private SynapseBlock[][] _blocksByThread = [];
    private WeightEventBuffer[] _weightEvents = [];
    private WeightRecorder.Node?[] _weightRecorders = [];
    private readonly List<WeightEvent> _weightEventMerge = [];
    private WeightEvent[] _weightEventExchange = [];
    private SpikeRecorder.Node[]?[] _recordersBySource = [];
    private Multimeter.Node[] _multimeters = [];
    private RecorderNode[] _recorders = [];
    private Exception? _workerFailure;
    private ProgressLine? _progress;

    /// <summary>Steps simulated so far (biological time = CurrentStep · h).</summary>
    public long CurrentStep { get; private set; }

    public bool IsPrepared { get; private set; }
    public bool HasSimulated { get; private set; }
    public long LocalSpikeCounter { get; private set; }

    /// <summary>The smallest delay of any connection, or of any synapse structural plasticity may create.</summary>
    public int MinDelaySteps => DelayExtrema().Min;

    /// <summary>The largest delay of any connection, or of any synapse structural plasticity may create.</summary>
    public int MaxDelaySteps => DelayExtrema().Max;

    private (int Min, int Max) DelayExtrema()
    {
        int min = connections.HasConnections ? connections.MinDelaySteps : int.MaxValue;
        int max = connections.HasConnections ? connections.MaxDelaySteps : 0;
        if (structural.Enabled)
            foreach (var builder in structural.Builders)
            {
                int d = (int)context.Time.DelayToSteps(connections.Model(builder.SynapseModel).Delay);
                min = Math.Min(min, d);
                max = Math.Max(max, d);
            }
        return min == int.MaxValue ? (1, 1) : (min, max);
    }

    public void Prepare()
    {
        if (IsPrepared) throw new KernelException("Prepare called twice without Cleanup.");
        var time = context.Time;
        context.MinDelaySteps = MinDelaySteps;
        context.MaxDelaySteps = MaxDelaySteps;

        int slots = context.MinDelaySteps + context.MaxDelaySteps;
        if (context.Ring.Channels != nodes.ChannelCount || context.Ring.Slots != slots)
            context.Ring = context.Ring.Resized(nodes.ChannelCount, slots, CurrentStep);

        BuildSynapseTables();
        _virtualProcessOf ??= VirtualProcessOf;
        structural.EnsureCapacity(nodes.NodeCount);
        if (_weightEvents.Length != context.VirtualProcesses)
            _weightEvents = Enumerable.Range(0, context.VirtualProcesses).Select(_ => new WeightEventBuffer()).ToArray();
        PrepareArchive();

        BuildRecorderRouting();
        BuildSamplers(time);

        foreach (var group in nodes.Groups) group.Prepare(context);
        try
        {
            foreach (var recorder in _recorders)
                recorder.OpenFiles(FileNamesOf(recorder), context.Layout.Local, settings.OverwriteFiles);
        }
        catch
        {
            foreach (var recorder in _recorders) recorder.CloseFiles();
            throw;
        }
        IsPrepared = true;
    }

    /// <summary>The file of each virtual process, named as NEST names them (label-id-vp.dat).</summary>
    private string[] FileNamesOf(RecorderNode recorder)
    {
        int id = RecorderIds[recorder];
        string label = recorder.Label.Length > 0 ? recorder.Label : nodes.Locate(id).Group.Model.Name;
        return Enumerable.Range(0, context.VirtualProcesses)
            .Select(vp => Recording.AsciiRecordingFile.FileName(settings.DataPath, settings.DataPrefix, label, id, nodes.NodeCount, vp, context.VirtualProcesses))
            .ToArray();
    }

    /// <summary>The virtual process that owns node <paramref name="id"/>.</summary>
    private int VirtualProcessOf(int id)
    {
        var (group, local) = nodes.Locate(id);
        return group.OwnerThread(local);
    }

    private Dictionary<RecorderNode, int> RecorderIds { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Gives every archived neuron its current tau_minus, tau_minus_triplet.</summary>
    private void PrepareArchive()
    {
        archive.EnsureCapacity(nodes.NodeCount);
        foreach (var group in nodes.Groups.OfType<NeuronGroup>())
            for (int local = 0; local < group.Count; local++)
                if (archive.Of(group.FirstId + local) is { } history)
                {
                    history.TauMinusInverse = 1.0 / group.ColumnValue("tau_minus", local);
                    history.TauMinusTripletInverse = 1.0 / group.ColumnValue("tau_minus_triplet", local);
                }
    }

    private void BuildRecorderRouting()
    {
        RecorderIds.Clear();
        var recorders = new List<RecorderNode>();
        var weightRecorders = new WeightRecorder.Node?[nodes.NodeCount + 1];
        foreach (var group in nodes.Groups)
        {
            if (group is SpikeRecorder sr)
                for (int i = 0; i < sr.Count; i++) { recorders.Add(sr.Nodes[i]); RecorderIds[sr.Nodes[i]] = sr.FirstId + i; }
            else if (group is Multimeter mm)
                for (int i = 0; i < mm.Count; i++) { recorders.Add(mm.Nodes[i]); RecorderIds[mm.Nodes[i]] = mm.FirstId + i; }
            else if (group is WeightRecorder wr)
                for (int i = 0; i < wr.Count; i++)
                {
                    recorders.Add(wr.Nodes[i]);
                    RecorderIds[wr.Nodes[i]] = wr.FirstId + i;
                    weightRecorders[wr.FirstId + i] = wr.Nodes[i];
                }
        }
        _recorders = recorders.ToArray();
        _weightRecorders = weightRecorders;

        var bySource = new List<SpikeRecorder.Node>?[nodes.NodeCount + 1];
        foreach (var link in connections.RecorderLinks)
        {
            var (g, local) = nodes.Locate(link.Recorder);
            (bySource[link.Source] ??= []).Add(((SpikeRecorder)g).Nodes[local]);
        }
        _recordersBySource = bySource.Select(l => l?.ToArray()).ToArray();
    }

    private void BuildSamplers(TimeGrid time)
    {
        var perGroup = new Dictionary<NeuronGroup, List<NeuronGroup.Sampler>[]>();
        var meters = new HashSet<Multimeter.Node>(ReferenceEqualityComparer.Instance);
        foreach (var link in connections.MultimeterLinks)
        {
            var (mg, ml) = nodes.Locate(link.Meter);
            var meter = ((Multimeter)mg).Nodes[ml];
            var (tg, local) = nodes.Locate(link.Target);
            var neuron = (NeuronGroup)tg;
            var indices = meter.RecordFrom.Select(name => neuron.RecordableIndex(name)).ToArray();
            int missing = Array.IndexOf(indices, -1);
            if (missing >= 0)
                throw new IllegalConnectionException($"{neuron.Model.Name} has no recordable '{meter.RecordFrom[missing]}'. Its recordables: {string.Join(", ", neuron.Recordables)}.");
            if (!perGroup.TryGetValue(neuron, out var lists))
                perGroup[neuron] = lists = Enumerable.Range(0, context.VirtualProcesses).Select(_ => new List<NeuronGroup.Sampler>()).ToArray();
            lists[neuron.OwnerThread(local)].Add(new NeuronGroup.Sampler(meter, local, indices));
            meters.Add(meter);
        }
        foreach (var group in nodes.Groups.OfType<NeuronGroup>())
            group.Samplers = perGroup.TryGetValue(group, out var lists) ? lists.Select(l => l.ToArray()).ToArray() : [];
        foreach (var group in nodes.Groups.OfType<Multimeter>())
            foreach (var meter in group.Nodes)
            {
                meter.Prepare(time, context.VirtualProcesses);
                meters.Add(meter);
            }
        _multimeters = meters.ToArray();
    }

    public void Run(double ms)
    {
        if (!IsPrepared) throw new KernelException("Run called without Prepare.");
        var time = context.Time;
        if (!(ms >= 0)) throw new BadParameterException("t", ms, "simulation time must not be negative");
        if (!time.IsOnGrid(ms)) throw new BadParameterException("t", ms, $"simulation time must be a multiple of the resolution ({time.Resolution} ms)");
        long steps = time.MsToTics(ms) / time.TicsPerStep;
        if (steps == 0) return;
        long end = CurrentStep + steps;
        _progress = settings.PrintTime && context.Communicator.Rank == 0 ? new ProgressLine(time, CurrentStep, end) : null;
        _workerFailure = null;
        int threads = context.Layout.ThreadsPerRank;
        if (threads == 1)
        {
            RunSlices(0, end, null);
        }
        else
        {
            using var barrier = new Barrier(threads, _ => RunSerialAction());
            var workers = new Thread[threads - 1];
            for (int t = 1; t < threads; t++)
            {
                int thread = t;
                workers[t - 1] = new Thread(() => RunSlices(thread, end, barrier)) { IsBackground = true, Name = $"nestsharp-vp{thread}" };
                workers[t - 1].Start();
            }
            RunSlices(0, end, barrier);
            foreach (var w in workers) w.Join();
        }
        RecordWeightEvents();
        if (context.Communicator.Size > 1)
            foreach (var group in nodes.Groups.OfType<NeuronGroup>()) group.SynchronizeColumns(context.Communicator, context.Layout);
        _progress?.Finish(CurrentStep);
        HasSimulated = true;
        if (_workerFailure is not null) throw new KernelException($"Simulation failed: {_workerFailure.Message}");
        foreach (var recorder in _recorders) recorder.FlushFiles();
        // Every process has written its files before any goes on (rank 0 may read them all).
        if (context.Communicator.Size > 1) context.Communicator.Sum(0);
    }

    private long _sliceStart;
    private int _sliceFrom, _sliceTo;

    /// <summary>What the last thread to reach the barrier runs; set by thread 0 before it arrives.</summary>
    private Action? _serialAction;

    private void RunSerialAction()
    {
        var action = _serialAction;
        _serialAction = null;
        action?.Invoke();
    }

    /// <summary>
    /// The loop every thread runs, for its virtual process (VP = rank · threads + thread); with one thread it calls
    /// the serial phase itself.
    /// </summary>
    private void RunSlices(int thread, long end, Barrier? barrier)
    {
        int vp = context.Layout.FirstLocal + thread;
        int minDelay = context.MinDelaySteps;
        long step = CurrentStep;
        while (step < end)
        {
            long sliceStart = step / minDelay * minDelay;
            int from = (int)(step - sliceStart);
            int to = (int)Math.Min(minDelay, end - sliceStart);
            if (thread == 0) { _sliceStart = sliceStart; _sliceFrom = from; _sliceTo = to; }
            if (structural.IsDue(context.Time, sliceStart + from))
            {
                // Connections change: every thread must have finished delivering before, and wait for the update.
                if (thread == 0) _serialAction = StructuralUpdate;
                if (barrier is null) RunSerialAction();
                else barrier.SignalAndWait();
            }
            if (_workerFailure is null)
            {
                try
                {
                    foreach (var group in nodes.Groups) group.Update(context, vp, sliceStart, from, to);
                }
                catch (Exception e)
                {
                    _workerFailure ??= e;
                }
            }
            if (thread == 0) _serialAction = SerialPhase;
            if (barrier is null) RunSerialAction();
            else barrier.SignalAndWait();
            if (_workerFailure is null)
            {
                try
                {
                    Deliver(vp, sliceStart);
                }
                catch (Exception e)
                {
                    _workerFailure ??= e;
                }
            }
            step = sliceStart + to;
        }
    }

    /// <summary>Runs on one thread between update and delivery: merges spikes, records, hands multimeter samples over.</summary>
    private void SerialPhase()
    {
        if (_workerFailure is not null) return;
        try
        {
            RecordWeightEvents();
            _merged.MergeCanonical(context.SpikesOfVp);
            foreach (var buffer in context.SpikesOfVp) buffer.Clear();
            LocalSpikeCounter += _merged.Count;
            if (context.Communicator.Size > 1) _merged.ExchangeCanonical(context.Communicator);
            double minDelayMs = context.Time.StepToMs(context.MinDelaySteps);
            double h = context.Time.Resolution;
            foreach (ref readonly var spike in _merged.Items)
            {
                long stamp = _sliceStart + spike.Lag + 1;
                double t = context.Time.StepToMs(stamp);
                var (group, local) = nodes.Locate(spike.Source);
                if (group is NeuronGroup neuron) structural.OnSpike(neuron, local, t, h);
                archive.OnSpike(spike.Source, t, minDelayMs);
                var recorders = (uint)spike.Source < (uint)_recordersBySource.Length ? _recordersBySource[spike.Source] : null;
                if (recorders is null) continue;
                int vp = group.OwnerThread(local);
                foreach (var r in recorders) r.RecordSpike(context.Time, spike.Source, vp, stamp, spike.Multiplicity);
            }
            foreach (var meter in _multimeters) meter.HandOver(_sliceStart, context.Communicator, _virtualProcessOf!);
            CurrentStep = _sliceStart + _sliceTo;
            _progress?.Update(CurrentStep);
        }
        catch (Exception e)
        {
            _workerFailure ??= e;
        }
    }

    /// <summary>Serially, at the start of a slice: the structural plasticity update, then the new synapse tables.</summary>
    private void StructuralUpdate()
    {
        try
        {
            structural.Update(context.Time.StepToMs(_sliceStart + _sliceFrom), context.Time.Resolution, nodes, connections, context.SeedKey);
            BuildSynapseTables();
        }
        catch (Exception e)
        {
            _workerFailure ??= e;
        }
    }

    private void BuildSynapseTables()
    {
        connections.Consolidate();
        _blocksByThread = new SynapseBlock[context.VirtualProcesses][];
        for (int vp = 0; vp < context.VirtualProcesses; vp++)
            _blocksByThread[vp] = context.Layout.IsLocal(vp) ? connections.BlocksOf(vp).Where(l => l.Count > 0).Select(l => l[0]).ToArray() : [];
    }

    /// <summary>Transmits every spike of the slice through this thread's synapses, in canonical order.</summary>
    private void Deliver(int thread, long sliceStart)
    {
        var spikes = _merged.Items;
        if (spikes.Length == 0) return;
        var delivery = new DeliveryContext(context.Ring, context.Time, archive, sliceStart, _weightEvents[thread], _reroute);
        var models = connections.Models;
        foreach (var block in _blocksByThread[thread])
        {
            var model = models[block.SynapseModelId];
            model.Type.Deliver(block, spikes, in delivery, model);
        }
    }

    /// <summary>
    /// Hands the weight events of all threads to their recorders in canonical order (time, sender, target, port), so
    /// the record does not depend on the number of threads.
    /// </summary>
    private void RecordWeightEvents()
    {
        _weightEventMerge.Clear();
        foreach (var buffer in _weightEvents)
        {
            _weightEventMerge.AddRange(buffer.Events);
            buffer.Events.Clear();
        }
        if (context.Communicator.Size > 1)
        {
            int n = context.Communicator.AllGather(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_weightEventMerge), ref _weightEventExchange);
            _weightEventMerge.Clear();
            _weightEventMerge.AddRange(_weightEventExchange.AsSpan(0, n));
        }
        if (_weightEventMerge.Count == 0) return;
        _weightEventMerge.Sort(static (a, b) =>
            a.Stamp != b.Stamp ? a.Stamp.CompareTo(b.Stamp) :
            a.Sender != b.Sender ? a.Sender.CompareTo(b.Sender) :
            a.Target != b.Target ? a.Target.CompareTo(b.Target) : a.Port.CompareTo(b.Port));
        foreach (var e in _weightEventMerge)
            if ((uint)e.Recorder < (uint)_weightRecorders.Length && _weightRecorders[e.Recorder] is { } recorder)
                recorder.RecordWeight(context.Time, e, VirtualProcessOf(e.Target));
    }

    /// <summary>Closes recorder files of a kernel that is being discarded while prepared.</summary>
    public void CloseFilesIfPrepared()
    {
        if (IsPrepared) Cleanup();
    }

    public void Cleanup()
    {
        if (!IsPrepared) throw new KernelException("Cleanup called without Prepare.");
        foreach (var recorder in _recorders) recorder.CloseFiles();
        IsPrepared = false;
    }
}
