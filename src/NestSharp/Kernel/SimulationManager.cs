using System.Runtime.ExceptionServices;
using NestSharp.Kernel.Communication;

namespace NestSharp.Kernel;

/// <summary>
/// The time grid and the scheduler (NEST's SimulationManager). Prepare readies every manager and node group; Run
/// advances in slices of min_delay steps: in each slice every thread updates its share of every node group (neurons
/// read their input row per step; generators add into their targets' future input), then one thread runs the serial
/// phase (<see cref="EventDeliveryManager.Gather"/>: spikes merged in canonical order and handed to those that follow
/// them; samples handed over), then every thread delivers all spikes to the synapses of the targets it owns. As in
/// NEST, which delivers a slice's spikes at the start of the next slice, the spikes of a run's last slice are held
/// until the next Prepare or Run (or a change of the synapse blocks, or a checkpoint): between Simulate calls, plastic
/// synapses and post_trace have not yet seen them, as in NEST (<see cref="DeliverHeldSpikes"/>). A thread
/// only ever writes the input of its own targets, so no locks are needed, and each input sum is formed in the same
/// order whatever the number of threads. Keys: resolution, tics_per_ms (settable before any node exists),
/// ms_per_tic, tics_per_step, T_min, T_max, biological_time, to_do, prepared, print_time, time_simulate and
/// time_communicate_prepare (with _cpu),
/// update_time_limit (with min/max_update_time), and NEST's waveform-relaxation settings (use_wfr, wfr_comm_interval,
/// wfr_tol, wfr_max_iterations, wfr_interpolation_order), kept and checked as NEST does; no NestSharp model uses
/// waveform relaxation yet. Likewise NEST's e-prop settings (eprop_update_interval, eprop_learning_window,
/// eprop_reset_neurons_on_update), kept and checked for scripts that set them; no NestSharp model reads them yet.
/// </summary>
internal sealed partial class SimulationManager : IKernelManager
{
    private KernelManager _kernel = null!;
    private SimulationContext? _context;
    private ProgressLine? _progress;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Whether a run failed part-way (a model's error during update): the network is then not simulated further (NEST's inconsistent_state_).</summary>
    private bool _inconsistent;

    /// <summary>The time grid: tics per ms and the resolution.</summary>
    public TimeGrid Time { get; private set; } = new(1000.0, 0.1);

    /// <summary>Steps simulated so far (biological time = CurrentStep · h).</summary>
    public long CurrentStep { get; private set; }

    public bool IsPrepared { get; private set; }
    public bool HasSimulated { get; private set; }
    public bool PrintTime { get; private set; }

    /// <summary>Time spent in Run calls since the last Prepare (time_simulate and its _cpu, as NEST's sw_simulate_).</summary>
    private readonly KernelStopwatch _simulateClock = new();

    /// <summary>
    /// Time spent readying the connection infrastructure (the synapse tables and the spike routes) since ResetKernel:
    /// NEST's time_communicate_prepare, one entry per thread. The calling thread does this work while the others wait,
    /// so every thread's entry shows its wall-clock time, and the processor time is the first thread's.
    /// </summary>
    private readonly KernelStopwatch _prepareClock = new();

    public IReadOnlyCollection<string> SettableKeys =>
        ["biological_time", "print_time", "resolution", "tics_per_ms", "use_wfr", "wfr_comm_interval", "wfr_tol", "wfr_max_iterations", "wfr_interpolation_order", "update_time_limit",
         "eprop_update_interval", "eprop_learning_window", "eprop_reset_neurons_on_update"];

    /// <summary>NEST's waveform-relaxation settings (for gap junctions and other connections without delay).</summary>
    private WaveformRelaxationSettings _wfr = new(true, 1.0, 1e-4, 15, 3);

    /// <summary>NEST's waveform-relaxation settings: use_wfr, wfr_comm_interval (ms), wfr_tol, wfr_max_iterations, wfr_interpolation_order.</summary>
    public WaveformRelaxationSettings WaveformRelaxation => _wfr;

    /// <summary>The longest a slice's update may take in wall-clock seconds before the run stops (NEST's update_time_limit).</summary>
    private double _updateTimeLimit = double.PositiveInfinity;

    /// <summary>NEST's e-prop settings in ms (update interval, learning window) and whether neurons are reset at each update.</summary>
    private (double UpdateInterval, double LearningWindow, bool ResetNeuronsOnUpdate) _eprop = (1000.0, 1000.0, true);

    /// <summary>NEST's e-prop settings (eprop_update_interval and eprop_learning_window in ms, eprop_reset_neurons_on_update).</summary>
    public EpropSettings Eprop => new(_eprop.UpdateInterval, _eprop.LearningWindow, _eprop.ResetNeuronsOnUpdate);

    public void Initialize(KernelManager kernel) => _kernel = kernel;

    public void GetStatus(Dictionary<string, object> status)
    {
        status["resolution"] = Time.Resolution;
        status["tics_per_ms"] = Time.TicsPerMs;
        status["ms_per_tic"] = 1.0 / Time.TicsPerMs;
        status["tics_per_step"] = Time.TicsPerStep;
        status["T_max"] = Time.LimitMs;
        status["T_min"] = -Time.LimitMs;
        status["biological_time"] = Time.StepToMs(CurrentStep);
        status["to_do"] = 0L;
        status["use_wfr"] = _wfr.Use;
        status["wfr_comm_interval"] = _wfr.CommInterval;
        status["wfr_tol"] = _wfr.Tolerance;
        status["wfr_max_iterations"] = _wfr.MaxIterations;
        status["wfr_interpolation_order"] = _wfr.InterpolationOrder;
        status["update_time_limit"] = _updateTimeLimit;
        status["eprop_update_interval"] = _eprop.UpdateInterval;
        status["eprop_learning_window"] = _eprop.LearningWindow;
        status["eprop_reset_neurons_on_update"] = _eprop.ResetNeuronsOnUpdate;
        status["min_update_time"] = double.PositiveInfinity;
        status["max_update_time"] = double.NegativeInfinity;
        status["prepared"] = IsPrepared;
        status["print_time"] = PrintTime;
        _simulateClock.WriteStatus(status, "time_simulate");
        int threads = _kernel.VirtualProcesses.Layout.ThreadsPerRank;
        var prepareWall = new double[threads];
        var prepareCpu = new double[threads];
        Array.Fill(prepareWall, _prepareClock.WallSeconds);
        prepareCpu[0] = _prepareClock.CpuSeconds;
        status["time_communicate_prepare"] = prepareWall;
        status["time_communicate_prepare_cpu"] = prepareCpu;
    }

    public Action? StageStatus(KernelStatusChange change)
    {
        var commits = new List<Action>();
        if (change.TryClaim("print_time", out var value))
        {
            bool print = StatusValue.ToBool("print_time", value);
            commits.Add(() => PrintTime = print);
        }
        if (change.TryClaim("biological_time", out value))
        {
            // NEST lets the clock be set to 0 only; resetting a clock that has run is not supported here (NEST warns
            // that it loses spikes): ResetKernel does that.
            double time = StatusValue.ToDouble("biological_time", value);
            if (time != 0.0) throw new BadPropertyException("biological_time", value, "the simulation time can only be set to 0.0");
            if (CurrentStep != 0)
                throw new NestNotImplementedException($"'biological_time' = 0 after {Time.StepToMs(CurrentStep)} ms of simulation: resetting the clock is not supported; call ResetKernel.");
        }
        var grid = Time;
        bool hasResolution = change.TryClaim("resolution", out var resolutionValue);
        bool hasTics = change.TryClaim("tics_per_ms", out var ticsValue);
        if (hasTics && !hasResolution)
            throw new KernelException($"'tics_per_ms' = {ticsValue} cannot be set alone: a change of tics_per_ms requires the resolution in the same call.");
        if (hasResolution)
        {
            double resolution = StatusValue.ToDouble("resolution", resolutionValue);
            double ticsPerMs = hasTics ? StatusValue.ToDouble("tics_per_ms", ticsValue) : Time.TicsPerMs;
            if (_kernel.Nodes.NodeCount > 0 || HasSimulated || _kernel.Models.ModelsChanged)
            {
                throw new KernelException(
                    $"'resolution' = {resolution} cannot be set now: the resolution and tics_per_ms cannot change after nodes have been created, models were copied or their defaults changed, or the network has been simulated. Call ResetKernel first.");
            }
            grid = new TimeGrid(ticsPerMs, resolution);
            var newGrid = grid;
            commits.Add(() =>
            {
                var previous = Time;
                Time = newGrid;
                _kernel.Models.CalibrateTime(previous, newGrid);
            });
        }
        var wfr = StageWaveformRelaxation(change, grid);
        commits.Add(() => _wfr = wfr);
        if (change.TryClaim("update_time_limit", out value))
        {
            double limit = StatusValue.ToDouble("update_time_limit", value);
            if (!(limit > 0)) throw new KernelException($"'update_time_limit' = {limit} is invalid: update_time_limit > 0 required.");
            commits.Add(() => _updateTimeLimit = limit);
        }
        var eprop = StageEprop(change);
        commits.Add(() => _eprop = eprop);
        return () => commits.ForEach(c => c());
    }

    /// <summary>The e-prop settings after <paramref name="change"/>, checked as NEST checks them (the learning window against the update interval of the same call).</summary>
    private (double, double, bool) StageEprop(KernelStatusChange change)
    {
        var (interval, window, reset) = _eprop;
        if (change.TryClaim("eprop_update_interval", out var value))
        {
            interval = StatusValue.ToDouble("eprop_update_interval", value);
            if (!(interval > 0)) throw new KernelException($"'eprop_update_interval' = {interval} is invalid: eprop_update_interval > 0 required.");
        }
        if (change.TryClaim("eprop_learning_window", out value))
        {
            window = StatusValue.ToDouble("eprop_learning_window", value);
            if (!(window > 0)) throw new KernelException($"'eprop_learning_window' = {window} is invalid: eprop_learning_window > 0 required.");
            if (window > interval)
                throw new KernelException($"'eprop_learning_window' = {window} is invalid: eprop_learning_window <= eprop_update_interval ({interval} ms) required.");
        }
        if (change.TryClaim("eprop_reset_neurons_on_update", out value)) reset = StatusValue.ToBool("eprop_reset_neurons_on_update", value);
        return (interval, window, reset);
    }

    /// <summary>The waveform-relaxation settings after <paramref name="change"/>, checked as NEST checks them (on the grid in force after the change).</summary>
    private WaveformRelaxationSettings StageWaveformRelaxation(KernelStatusChange change, TimeGrid grid)
    {
        var (use, interval, tolerance, maxIterations, order) = _wfr;
        if (change.TryClaim("use_wfr", out var value))
        {
            bool wanted = StatusValue.ToBool("use_wfr", value);
            if (_kernel.Nodes.NodeCount > 0)
                throw new KernelException($"'use_wfr' = {wanted} cannot be set after nodes have been created. Call ResetKernel first.");
            use = wanted;
        }
        if (!use || interval < grid.Resolution) interval = grid.Resolution;
        if (change.TryClaim("wfr_comm_interval", out value))
        {
            double wanted = StatusValue.ToDouble("wfr_comm_interval", value);
            if (!use)
                throw new KernelException($"'wfr_comm_interval' = {wanted} cannot be set while waveform relaxation is disabled: set use_wfr to true first.");
            if (_kernel.Connections.TotalConnections > 0)
                throw new KernelException($"'wfr_comm_interval' = {wanted} cannot be set after connections have been created. Call ResetKernel first.");
            if (!(wanted >= grid.Resolution))
                throw new KernelException($"'wfr_comm_interval' = {wanted} is invalid: it must be at least the resolution ({grid.Resolution} ms).");
            interval = wanted;
        }
        if (change.TryClaim("wfr_tol", out value))
        {
            tolerance = StatusValue.ToDouble("wfr_tol", value);
            if (!(tolerance >= 0)) throw new KernelException($"'wfr_tol' = {tolerance} is invalid: the tolerance must be zero or positive.");
        }
        if (change.TryClaim("wfr_max_iterations", out value))
        {
            maxIterations = StatusValue.ToLong("wfr_max_iterations", value);
            if (maxIterations <= 0)
                throw new KernelException($"'wfr_max_iterations' = {maxIterations} is invalid: it must be positive (to disable waveform relaxation, set use_wfr).");
        }
        if (change.TryClaim("wfr_interpolation_order", out value))
        {
            order = StatusValue.ToLong("wfr_interpolation_order", value);
            if (order is not (0 or 1 or 3)) throw new KernelException($"'wfr_interpolation_order' = {order} is invalid: it must be 0, 1 or 3.");
        }
        return new(use, interval, tolerance, maxIterations, order);
    }

    /// <summary>Readies the network for one or more <see cref="Run"/> calls.</summary>
    public void Prepare()
    {
        if (IsPrepared) throw new KernelException("Prepare called twice without Cleanup.");
        ThrowIfInconsistent();
        _simulateClock.Reset();
        foreach (var group in _kernel.Nodes.Groups) group.CheckBeforeRun();
        DeliverHeldSpikes();
        var layout = _kernel.VirtualProcesses.Layout;
        if (_context is null || _context.Layout != layout || _context.Time != Time)
            _context = new SimulationContext(Time, layout, _kernel.VirtualProcesses.Communicator, _kernel.Random.SeedKey) { Archive = _kernel.Archive, Nodes = _kernel.Nodes };
        var context = _context;
        context.SeedKey = _kernel.Random.SeedKey;
        context.PreparedAtStep = CurrentStep;
        context.Eprop = Eprop;
        (context.MinDelaySteps, context.MaxDelaySteps) = _kernel.Connections.DelayExtrema();

        var nodes = _kernel.Nodes;
        int slots = context.MinDelaySteps + context.MaxDelaySteps;
        if (context.Ring.Channels != nodes.ChannelCount || context.Ring.Slots != slots)
            context.Ring = context.Ring.Resized(nodes.ChannelCount, slots, CurrentStep);

        using (_prepareClock.Measure())
        {
            _kernel.Connections.PrepareDelivery(context.VirtualProcesses, layout);
            _kernel.Structural.EnsureCapacity(nodes.NodeCount);
            _kernel.EventDelivery.Prepare(context);
        }
        PrepareArchive();
        nodes.AssignThreadLocalIds();
        nodes.NoteGeneratorTargets();
        foreach (var group in nodes.Groups) group.Prepare(context);
        PrepareSecondaryDelivery(context);
        _endOfSliceGroups = nodes.Groups.OfType<IEndOfSliceGroup>().ToArray();
        _wfrGroups = nodes.Groups.Where(g => g.UsesWaveformRelaxation).ToArray();
        // NEST's wfr_is_used (over all processes): every process iterates when any has a node that uses it.
        bool wfrUsed = _wfrGroups.Length > 0;
        if (context.Communicator.Size > 1) wfrUsed = context.Communicator.Max(wfrUsed ? 1 : 0) > 0;
        _iterates = wfrUsed && _kernel.EventDelivery.SecondaryConnectionsExist;
        _wfrThreadDone = new bool[layout.ThreadsPerRank];
        // As in NEST, the kernel is prepared before the recording backends open their files: when opening fails, the
        // kernel stays prepared and Cleanup closes what was opened. Opening can fail on one process alone: every
        // process learns of it, so none waits in Run for one that gave up.
        IsPrepared = true;
        _kernel.VirtualProcesses.Communicator.OnEveryProcess(() => _kernel.Recording.Prepare(context),
            () => new IOErrorException("Another MPI process failed to open its recording files; the kernel is prepared, Cleanup closes what was opened."));
    }

    /// <summary>After a SetStatus between Prepare and Cleanup: <paramref name="groups"/> derive their constants again.</summary>
    public void Reprepare(IReadOnlyList<NodeGroup> groups)
    {
        var context = _context!;
        context.PreparedAtStep = CurrentStep;
        PrepareArchive();
        foreach (var group in groups) group.Prepare(context);
        PrepareSecondaryDelivery(context);
    }

    /// <summary>
    /// Lets the synapse types take what they need of the prepared targets (<see cref="SynapseType.PrepareRun"/>; those
    /// carrying secondary events also <see cref="Connections.SecondarySynapseType.PrepareSecondary"/>), once per type,
    /// and the generators sending secondary events theirs.
    /// </summary>
    private void PrepareSecondaryDelivery(SimulationContext context)
    {
        var done = new HashSet<SynapseType>();
        var models = _kernel.Models.SynapseModels;
        foreach (var model in models)
        {
            if (!done.Add(model.Type)) continue;
            if (model.Type.NeedsBlocksAtPrepare)
            {
                // The type's blocks of every local virtual process, in virtual-process order.
                var blocks = new List<SynapseBlock>();
                for (int vp = 0; vp < context.VirtualProcesses; vp++)
                {
                    foreach (var block in _kernel.Connections.BlocksToDeliver(vp))
                        if (models[block.SynapseModelId].Type == model.Type) blocks.Add(block);
                }
                model.Type.PrepareRun(context, blocks);
            }
            if (model.Type is Connections.SecondarySynapseType type) type.PrepareSecondary(context);
        }
        foreach (var group in _kernel.Nodes.Groups)
            if (group is ISecondaryEventGenerator generator) generator.PrepareSecondary(context);
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
        // As NEST, the clock after the run must stay finite (below T_max).
        double room = (Time.LimitTics - 1 - CurrentStep * Time.TicsPerStep) / Time.TicsPerMs;
        if (ms > room) throw new BadParameterException("t", ms, $"the clock can advance at most {room:G6} ms from now ({Time.StepToMs(CurrentStep)} ms)");
        if (!Time.IsOnGrid(ms)) throw new BadParameterException("t", ms, $"the simulation time must be a multiple of the resolution ({Time.Resolution} ms)");
    }

    /// <summary>Advances the prepared network by <paramref name="ms"/> milliseconds.</summary>
    public void Run(double ms)
    {
        if (!IsPrepared) throw new KernelException("Run called without Prepare.");
        ThrowIfInconsistent();
        CheckRunTime(ms);
        long steps = Time.MsToTics(ms) / Time.TicsPerStep;
        if (steps == 0) return;
        foreach (var group in _kernel.Nodes.Groups) group.CheckRun(steps);
        using var measured = _simulateClock.Measure();
        var context = _context!;
        DeliverHeldSpikes();
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
            var barrier = new SliceBarrier(threads, RunSerialAction);
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
        if (_failure is null)
        {
            _heldSliceStart = (end - 1) / context.MinDelaySteps * context.MinDelaySteps;
            // The secondary events of the run's last slice, gathered when the slice was complete, wait as its spikes do.
            _secondaryHeld = end % context.MinDelaySteps == 0 && _kernel.EventDelivery.SecondaryConnectionsExist;
            _kernel.Connections.Store.BeforeBlocksChange = DeliverHeldSpikes;
        }
        _kernel.EventDelivery.RecordWeightEvents();
        if (_failure is null) _kernel.Structural.UpdateAllTo(Time.StepToMs(CurrentStep), Time.Resolution);
        if (context.Communicator.Size > 1)
        {
            foreach (var group in _kernel.Nodes.Groups)
                if (group is NeuronGroup neurons) neurons.SynchronizeState(context.Communicator, context.Layout);
        }

        _progress?.Finish(CurrentStep);
        HasSimulated = true;
        _kernel.Connections.Delays.Freeze(context.MinDelaySteps, context.MaxDelaySteps);
        if (_failure is not null) _inconsistent = true;
        _failure?.Throw();
        _kernel.Recording.Flush();
        // Every process has written its files before any goes on (rank 0 may read them all).
        if (context.Communicator.Size > 1) context.Communicator.Sum(0);
    }

    private void ThrowIfInconsistent()
    {
        if (_inconsistent)
            throw new KernelException("The kernel is in an inconsistent state after an error during an earlier simulation: call ResetKernel before simulating again.");
    }

    /// <summary>Remembers the first failure of any thread, with its type and stack, to rethrow after the run.</summary>
    private void Fail(Exception e) => Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);

    private bool Failed => Volatile.Read(ref _failure) is not null;

    private long _sliceStart;

    /// <summary>The start step of the slice whose gathered spikes wait for delivery (the last slice of the last run), or -1.</summary>
    private long _heldSliceStart = -1;

    /// <summary>
    /// Delivers the spikes held from the last slice of the last run (nothing when none are held), serially for every
    /// local virtual process, through the synapse blocks they were gathered for.
    /// </summary>
    public void DeliverHeldSpikes()
    {
        long sliceStart = _heldSliceStart;
        if (sliceStart < 0) return;
        _heldSliceStart = -1;
        // As NEST delivers them, at the start of the next run: with the tau_minus set since (synapse parameters are
        // read at delivery anyway).
        PrepareArchive();
        var context = _context!;
        // Secondary events first, as NEST delivers them (a learning signal reaches its neuron before the spikes that
        // trigger the e-prop updates reading it).
        if (_secondaryHeld)
        {
            _secondaryHeld = false;
            for (int thread = 0; thread < context.Layout.ThreadsPerRank; thread++)
                _kernel.EventDelivery.DeliverSecondary(context.Layout.FirstLocal + thread, sliceStart, iteration: false);
        }
        for (int thread = 0; thread < context.Layout.ThreadsPerRank; thread++)
            _kernel.EventDelivery.Deliver(context.Layout.FirstLocal + thread, sliceStart, triggers: false);
    }

    /// <summary>Whether the held slice's secondary events wait for delivery too (see <see cref="DeliverHeldSpikes"/>).</summary>
    private bool _secondaryHeld;

    /// <summary>The groups whose nodes use waveform relaxation (NEST's wfr_nodes_vec_), and whether the slices iterate.</summary>
    private NodeGroup[] _wfrGroups = [];
    private bool _iterates;

    /// <summary>Per thread, whether its nodes converged in the current iteration; and the verdict over all (set serially).</summary>
    private bool[] _wfrThreadDone = [];
    private bool _wfrAllDone;

    /// <summary>
    /// NEST's waveform relaxation before the update of a slice: up to wfr_max_iterations times, the nodes that use it
    /// compute the slice from [<paramref name="from"/>, min_delay) without changing their state and send their
    /// instantaneous events; these are exchanged (serially) and delivered into the slice; it stops when every node of
    /// every process changed by at most wfr_tol since the last iteration. The update then uses the last delivery.
    /// </summary>
    private void IterateWaveforms(int thread, int vp, long sliceStart, int from, SliceBarrier? barrier)
    {
        var context = _context!;
        var delivery = _kernel.EventDelivery;
        double tolerance = _wfr.Tolerance;
        for (long n = 0; n < _wfr.MaxIterations; n++)
        {
            bool done = true;
            if (!Failed)
            {
                try
                {
                    foreach (var group in _wfrGroups) done &= group.WaveformRelaxationUpdate(context, vp, sliceStart, from, context.MinDelaySteps, tolerance);
                }
                catch (Exception e)
                {
                    Fail(e);
                }
            }
            _wfrThreadDone[thread] = done;
            if (thread == 0) _serialAction = WaveformIterationSerial;
            if (barrier is null) RunSerialAction();
            else barrier.SignalAndWait();
            if (!Failed)
            {
                try
                {
                    delivery.DeliverSecondary(vp, sliceStart, iteration: true);
                }
                catch (Exception e)
                {
                    Fail(e);
                }
            }
            if (_wfrAllDone) break;
        }
    }

    /// <summary>Serially, in each iteration: whether all threads (and processes) converged; the iteration's events exchanged.</summary>
    private void WaveformIterationSerial()
    {
        bool all = true;
        foreach (bool done in _wfrThreadDone) all &= done;
        var communicator = _context!.Communicator;
        _kernel.EventDelivery.ExchangeSecondary(iteration: true);
        if (communicator.Size > 1) all = communicator.Min(all ? 1 : 0) > 0;
        _wfrAllDone = all;
    }

    /// <summary>
    /// Before a checkpoint is saved (on every process): delivers the held spikes and records the weight events of
    /// every delivery so far, which a next run would otherwise record with its first slice.
    /// </summary>
    public void DeliverHeldSpikesAndRecordWeights()
    {
        DeliverHeldSpikes();
        _kernel.EventDelivery.RecordWeightEvents();
    }

    /// <summary>The groups that act serially at the end of each slice (see <see cref="IEndOfSliceGroup"/>).</summary>
    private IEndOfSliceGroup[] _endOfSliceGroups = [];
    private int _sliceFrom, _sliceTo;

    /// <summary>What the last thread to reach the barrier runs; set by thread 0 before it arrives.</summary>
    private Action? _serialAction;

    private void RunSerialAction()
    {
        var action = _serialAction;
        _serialAction = null;
        if (action is null) return;
        if (Failed)
        {
            _wfrAllDone = true; // the iterations stop alike on every thread
            return;
        }
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
    private void RunSlices(int thread, long end, SliceBarrier? barrier)
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
            if (_iterates) IterateWaveforms(thread, vp, sliceStart, from, barrier);
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
                    // Secondary events of a complete slice: NEST delivers them at the start of the next slice, before
                    // the spikes (a learning signal reaches its neuron before the spikes whose e-prop updates read it).
                    if (to == minDelay && sliceStart + to < end) delivery.DeliverSecondary(vp, sliceStart, iteration: false);
                    // The spikes of the run's last slice are held (see DeliverHeldSpikes); triggers apply now.
                    delivery.Deliver(vp, sliceStart, spikes: sliceStart + to < end);
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
        foreach (var group in _endOfSliceGroups) group.EndSlice(_context!, _sliceStart, _sliceFrom, _sliceTo);
        _kernel.EventDelivery.Gather(_sliceStart);
        if (_sliceTo == _context!.MinDelaySteps) _kernel.EventDelivery.ExchangeSecondary(iteration: false);
        _kernel.Recording.HandOverSamples(_sliceStart);
        CurrentStep = _sliceStart + _sliceTo;
        _progress?.Update(CurrentStep);
    }

    /// <summary>Serially, at the start of a slice: the structural plasticity update, then the new synapse tables.</summary>
    private void StructuralUpdate()
    {
        var context = _context!;
        _kernel.Structural.Update(Time.StepToMs(_sliceStart + _sliceFrom), Time.Resolution, context.SeedKey);
        using var measured = _prepareClock.Measure();
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

/// <summary>NEST's e-prop settings: eprop_update_interval and eprop_learning_window (ms), eprop_reset_neurons_on_update.</summary>
internal readonly record struct EpropSettings(double UpdateInterval, double LearningWindow, bool ResetNeuronsOnUpdate);

/// <summary>NEST's waveform-relaxation settings (use_wfr, wfr_comm_interval in ms, wfr_tol, wfr_max_iterations, wfr_interpolation_order).</summary>
internal readonly record struct WaveformRelaxationSettings(bool Use, double CommInterval, double Tolerance, long MaxIterations, long InterpolationOrder);
