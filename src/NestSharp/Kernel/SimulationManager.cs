using System.Runtime.ExceptionServices;
using NestSharp.Nodes;

namespace NestSharp.Kernel;

/// <summary>
/// The time grid and the scheduler (NEST's SimulationManager). Prepare readies every manager and node group; Run
/// advances in slices of min_delay steps: in each slice every thread updates its share of every node group (neurons
/// read their input row per step; generators add into their targets' future input), then one thread runs the serial
/// phase (<see cref="EventDeliveryManager.Gather"/>: spikes merged in canonical order and handed to those that follow
/// them; samples handed over), then every thread delivers all spikes to the synapses of the targets it owns. A thread
/// only ever writes the input of its own targets, so no locks are needed, and each input sum is formed in the same
/// order whatever the number of threads. Keys: resolution, tics_per_ms (settable before any node exists),
/// ms_per_tic, tics_per_step, biological_time, prepared, print_time, time_simulate.
/// </summary>
internal sealed class SimulationManager : IKernelManager
{
    private KernelManager _kernel = null!;
    private SimulationContext? _context;
    private ProgressLine? _progress;
    private ExceptionDispatchInfo? _failure;

    /// <summary>The time grid: tics per ms and the resolution.</summary>
    public TimeGrid Time { get; private set; } = new(1000.0, 0.1);

    /// <summary>Steps simulated so far (biological time = CurrentStep · h).</summary>
    public long CurrentStep { get; private set; }

    public bool IsPrepared { get; private set; }
    public bool HasSimulated { get; private set; }
    public bool PrintTime { get; private set; }

    /// <summary>Wall-clock time spent in Run calls.</summary>
    public TimeSpan SimulateTime { get; private set; }

    public IReadOnlyCollection<string> SettableKeys => ["print_time", "resolution", "tics_per_ms"];

    public void Initialize(KernelManager kernel) => _kernel = kernel;

    public void GetStatus(Dictionary<string, object> status)
    {
        status["resolution"] = Time.Resolution;
        status["tics_per_ms"] = Time.TicsPerMs;
        status["ms_per_tic"] = 1.0 / Time.TicsPerMs;
        status["tics_per_step"] = Time.TicsPerStep;
        status["biological_time"] = Time.StepToMs(CurrentStep);
        status["prepared"] = IsPrepared;
        status["print_time"] = PrintTime;
        status["time_simulate"] = SimulateTime.TotalSeconds;
    }

    public Action? StageStatus(KernelStatusChange change)
    {
        var commits = new List<Action>();
        if (change.TryClaim("print_time", out var value))
        {
            bool print = StatusValue.ToBool("print_time", value);
            commits.Add(() => PrintTime = print);
        }
        double resolution = Time.Resolution, ticsPerMs = Time.TicsPerMs;
        bool gridChanged = false;
        if (change.TryClaim("resolution", out value))
        {
            resolution = StatusValue.ToDouble("resolution", value);
            gridChanged = true;
        }
        if (change.TryClaim("tics_per_ms", out value))
        {
            ticsPerMs = StatusValue.ToDouble("tics_per_ms", value);
            gridChanged = true;
        }
        if (gridChanged)
        {
            if (_kernel.Nodes.NodeCount > 0 || HasSimulated || _kernel.Models.ModelsChanged)
            {
                throw new KernelException(
                    "The resolution and tics_per_ms cannot be changed after nodes have been created, models were copied or their defaults changed, or the network has been simulated. Call ResetKernel first.");
            }
            var grid = new TimeGrid(ticsPerMs, resolution);
            commits.Add(() => Time = grid);
        }
        return commits.Count == 0 ? null : () => commits.ForEach(c => c());
    }

    /// <summary>Readies the network for one or more <see cref="Run"/> calls.</summary>
    public void Prepare()
    {
        if (IsPrepared) throw new KernelException("Prepare called twice without Cleanup.");
        var layout = _kernel.VirtualProcesses.Layout;
        if (_context is null || _context.Layout != layout || _context.Time != Time)
            _context = new SimulationContext(Time, layout, _kernel.VirtualProcesses.Communicator, _kernel.Random.SeedKey) { Archive = _kernel.Archive };
        var context = _context;
        context.SeedKey = _kernel.Random.SeedKey;
        (context.MinDelaySteps, context.MaxDelaySteps) = _kernel.Connections.DelayExtrema();

        var nodes = _kernel.Nodes;
        int slots = context.MinDelaySteps + context.MaxDelaySteps;
        if (context.Ring.Channels != nodes.ChannelCount || context.Ring.Slots != slots)
            context.Ring = context.Ring.Resized(nodes.ChannelCount, slots, CurrentStep);

        _kernel.Connections.PrepareDelivery(context.VirtualProcesses, layout);
        _kernel.Structural.EnsureCapacity(nodes.NodeCount);
        _kernel.EventDelivery.Prepare(context);
        PrepareArchive();
        foreach (var group in nodes.Groups) group.Prepare(context);
        _kernel.Recording.Prepare(context);
        IsPrepared = true;
    }

    /// <summary>Gives every archived neuron its current tau_minus and tau_minus_triplet.</summary>
    private void PrepareArchive()
    {
        var archive = _kernel.Archive;
        archive.EnsureCapacity(_kernel.Nodes.NodeCount);
        foreach (var group in _kernel.Nodes.Groups)
        {
            if (group is not NeuronGroup neurons) continue;
            for (int local = 0; local < neurons.Count; local++)
            {
                if (archive.Of(neurons.FirstId + local) is { } history)
                {
                    history.TauMinusInverse = 1.0 / neurons.ValueOf(NeuronSchema.Archiving.TauMinus, local);
                    history.TauMinusTripletInverse = 1.0 / neurons.ValueOf(NeuronSchema.Archiving.TauMinusTriplet, local);
                }
            }
        }
    }

    /// <summary>Fails unless <paramref name="ms"/> is a time the clock can advance by from now.</summary>
    public void CheckRunTime(double ms)
    {
        if (double.IsNaN(ms)) throw new BadParameterException("t", ms, "the simulation time must be a number");
        if (double.IsInfinity(ms)) throw new BadParameterException("t", ms, "the simulation time must be finite");
        if (ms < 0) throw new BadParameterException("t", ms, "the simulation time must not be negative");
        double room = (long.MaxValue / 2 - CurrentStep * Time.TicsPerStep) / Time.TicsPerMs;
        if (ms > room) throw new BadParameterException("t", ms, $"the clock can advance at most {room:G6} ms from now ({Time.StepToMs(CurrentStep)} ms)");
        if (!Time.IsOnGrid(ms)) throw new BadParameterException("t", ms, $"the simulation time must be a multiple of the resolution ({Time.Resolution} ms)");
    }

    /// <summary>Advances the prepared network by <paramref name="ms"/> milliseconds.</summary>
    public void Run(double ms)
    {
        if (!IsPrepared) throw new KernelException("Run called without Prepare.");
        CheckRunTime(ms);
        long steps = Time.MsToTics(ms) / Time.TicsPerStep;
        if (steps == 0) return;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var context = _context!;
        long end = CurrentStep + steps;
        _progress = PrintTime && context.Communicator.Rank == 0 ? new ProgressLine(Time, CurrentStep, end) : null;
        _failure = null;
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
        _kernel.EventDelivery.RecordWeightEvents();
        if (_failure is null) _kernel.Structural.UpdateAllTo(Time.StepToMs(CurrentStep), Time.Resolution);
        if (context.Communicator.Size > 1)
        {
            foreach (var group in _kernel.Nodes.Groups)
                if (group is NeuronGroup neurons) neurons.SynchronizeColumns(context.Communicator, context.Layout);
        }

        _progress?.Finish(CurrentStep);
        HasSimulated = true;
        SimulateTime += clock.Elapsed;
        _failure?.Throw();
        _kernel.Recording.Flush();
        // Every process has written its files before any goes on (rank 0 may read them all).
        if (context.Communicator.Size > 1) context.Communicator.Sum(0);
    }

    /// <summary>Remembers the first failure of any thread, with its type and stack, to rethrow after the run.</summary>
    private void Fail(Exception e) => Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);

    private bool Failed => Volatile.Read(ref _failure) is not null;

    private long _sliceStart;
    private int _sliceFrom, _sliceTo;

    /// <summary>What the last thread to reach the barrier runs; set by thread 0 before it arrives.</summary>
    private Action? _serialAction;

    private void RunSerialAction()
    {
        var action = _serialAction;
        _serialAction = null;
        if (action is null || Failed) return;
        try
        {
            action();
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    /// <summary>
    /// The loop every thread runs, for its virtual process (VP = rank · threads + thread); with one thread it calls
    /// the serial phase itself.
    /// </summary>
    private void RunSlices(int thread, long end, Barrier? barrier)
    {
        var context = _context!;
        int vp = context.Layout.FirstLocal + thread;
        int minDelay = context.MinDelaySteps;
        long step = CurrentStep;
        var groups = _kernel.Nodes.Groups;
        var delivery = _kernel.EventDelivery;
        while (step < end)
        {
            long sliceStart = step / minDelay * minDelay;
            int from = (int)(step - sliceStart);
            int to = (int)Math.Min(minDelay, end - sliceStart);
            if (thread == 0) { _sliceStart = sliceStart; _sliceFrom = from; _sliceTo = to; }
            if (_kernel.Structural.IsDue(Time, sliceStart + from))
            {
                // Connections change: every thread must have finished delivering before, and wait for the update.
                if (thread == 0) _serialAction = StructuralUpdate;
                if (barrier is null) RunSerialAction();
                else barrier.SignalAndWait();
            }
            if (!Failed)
            {
                try
                {
                    foreach (var group in groups) group.Advance(context, vp, sliceStart, from, to);
                }
                catch (Exception e)
                {
                    Fail(e);
                }
            }
            if (thread == 0) _serialAction = SerialPhase;
            if (barrier is null) RunSerialAction();
            else barrier.SignalAndWait();
            if (!Failed)
            {
                try
                {
                    delivery.Deliver(vp, sliceStart);
                }
                catch (Exception e)
                {
                    Fail(e);
                }
            }
            step = sliceStart + to;
        }
    }

    /// <summary>Runs on one thread between update and delivery: gathers the spikes, hands samples over, advances time.</summary>
    private void SerialPhase()
    {
        _kernel.EventDelivery.Gather(_sliceStart);
        _kernel.Recording.HandOverSamples(_sliceStart);
        CurrentStep = _sliceStart + _sliceTo;
        _progress?.Update(CurrentStep);
    }

    /// <summary>Serially, at the start of a slice: the structural plasticity update, then the new synapse tables.</summary>
    private void StructuralUpdate()
    {
        var context = _context!;
        _kernel.Structural.Update(Time.StepToMs(_sliceStart + _sliceFrom), Time.Resolution, context.SeedKey);
        _kernel.Connections.PrepareDelivery(context.VirtualProcesses, context.Layout);
    }

    /// <summary>Ends a sequence of <see cref="Run"/> calls (closes recorder files).</summary>
    public void Cleanup()
    {
        if (!IsPrepared) throw new KernelException("Cleanup called without Prepare.");
        _kernel.Recording.Cleanup();
        IsPrepared = false;
    }
}
