namespace NestSharp.Models.Devices;

/// <summary>
/// What correlation_detector and correlomatrix_detector share (NEST's detectors built on PseudoRecordingDevice): a node
/// with proxies (one per network, on the virtual process its id falls to, like a neuron) that receives the spikes of the
/// nodes connected to it through ordinary synapses, each with its weight and receptor_type, and correlates them by
/// their stamps (the end of the sender's step; connection delays and precise offsets are ignored, as in NEST). Its
/// element_type is recorder; probabilistic rules may connect to it, as to any node with proxies.
/// <para>Its receptors are counting inputs of the input ring that nobody reads (the ring rows are cleared each step):
/// the spikes themselves come through <see cref="IPreciseSpikeReceiver"/> with their stamp, receptor, multiplicity and
/// the weight their synapse transmitted, from the thread that owns the detector, in an order that does not depend on the
/// number of threads (per synapse model, then the slice's canonical order: step, then sender; spikes of generators that
/// serve their targets directly come as the generator sends them, during the update). The results are therefore the
/// same for any number of threads.</para>
/// <para>Times (delta_tau, tau_max, Tstart, Tstop) are kept in tics as NEST's Time objects and shown in ms; the default
/// delta_tau is 5 times the resolution, tau_max 10 times that, Tstart 0, Tstop +infinity (shown as 1.8e308). A change
/// of the resolution recalibrates the model's defaults as NEST's calibrate_time does. Every detector also has the
/// device keys start, stop and origin (spikes with origin + start &lt; stamp &lt;= origin + stop are taken).</para>
/// <para>As NEST's init_buffers_, a detector sizes and clears its histograms at its first run; before that its arrays
/// are empty (as NEST shows them). NEST keeps the sizes of the first run and would write outside them when a later Set
/// changes tau_max or delta_tau; NestSharp sizes them again at the next run instead. Likewise a spike whose bin lies
/// outside the histogram (possible in NEST only when delays differ by more than tau_max, an assertion there) or whose
/// receptor a later change of N_channels removed is not counted.</para>
/// </summary>
internal abstract class SpikeCorrelationGroup<TNode> : NeuronGroup, IPreciseSpikeReceiver where TNode : SpikeCorrelationNode, new()
{
    private readonly InputChannel _spikes;

    /// <summary>The detectors, by local index (id - FirstId).</summary>
    protected TNode[] Nodes { get; }

    protected SpikeCorrelationGroup(NodeModel model, int firstId, int count, NeuronSchema schema, InputChannel spikes)
        : base(model, firstId, count, schema)
    {
        _spikes = spikes;
        Nodes = new TNode[count];
        for (int i = 0; i < count; i++) Nodes[i] = new TNode();
    }

    public override ElementType ElementType => ElementType.Recorder;

    /// <summary>NEST's detectors have proxies: one node on one virtual process receives the spikes of every thread.</summary>
    public override bool HasProxies => true;

    public override bool EmitsSpikes => false;

    public override bool CanFreeze => false;

    public override bool SupportsCheckpoint => true;

    /// <summary>The detectors weight their histograms by the connections' weights.</summary>
    public bool UsesWeights => true;

    public override IReadOnlyCollection<string> SettableKeys => Nodes.Length > 0 ? Nodes[0].Keys.Settable : [];

    public override bool TakesArray(string key) => Nodes.Length > 0 && Nodes[0].Keys.TakesArray(key);

    public override void WriteStatus(int local, Dictionary<string, object> status) => Nodes[local].Keys.Write(Nodes[local], status);

    public override bool TryReadStatusValues(string key, ReadOnlySpan<int> locals, Span<object?> values) => false;

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context) =>
        DeviceGroup<TNode>.Stage(Nodes, local, values, context);

    /// <summary>A new detector has the model's parameters and the state NEST gives a new node (nothing recorded, arrays not yet sized).</summary>
    public override void CopyDefaultsFrom(NodeGroup prototype)
    {
        var source = ((SpikeCorrelationGroup<TNode>)prototype).Nodes[0];
        for (int i = 0; i < Count; i++) Nodes[i] = (TNode)source.CloneAsNew();
    }

    public override void CalibrateTime(TimeGrid previous, TimeGrid next)
    {
        foreach (var node in Nodes) node.CalibrateTime(previous, next);
    }

    public bool TakesPreciseSpikesOn(int channel)
    {
        int first = ChannelOf(_spikes);
        return channel >= first && channel < first + Count;
    }

    public void ReceivePrecise(int channel, long step, double offset, int multiplicity, double weight, long stamp, int receptor) =>
        Nodes[IdOf(channel - ChannelOf(_spikes)) - FirstId].Handle(stamp, receptor, multiplicity, weight);

    /// <summary>Before a run: the activity window, the kernel's min_delay, and (first run) the histograms (NEST's init_buffers_).</summary>
    public override void Prepare(SimulationContext context)
    {
        foreach (var node in Nodes) node.PrepareRun(context.Time, context.MinDelaySteps);
    }

    /// <summary>The counts synapses add into the detectors' inputs are not needed (the spikes come one by one): cleared.</summary>
    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (end == start) return;
        int channel = ChannelOf(_spikes) + start;
        for (int lag = from; lag < to; lag++) context.Ring.Row(sliceStart + lag, channel, end - start).Clear();
    }

    protected override void SaveModelState(CheckpointWriter writer)
    {
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            var status = new Dictionary<string, object>(StringComparer.Ordinal);
            node.Keys.Write(node, status);
            var settable = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var key in node.Keys.Settable)
                if (key != "n_events" && status.TryGetValue(key, out var value)) settable[key] = value;
            StatusCodec.Write(writer, settable);
            node.SaveRuntime(writer);
        }
    }

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        var origin = context.Status with { CurrentStep = 0 };
        for (int local = 0; local < Count; local++)
        {
            var staged = (TNode)Nodes[local].CloneAsNew();
            foreach (var (key, value) in StatusCodec.Read(reader, context.Nodes)) staged.Keys.Apply(staged, key, value, origin);
            staged.Validate(origin);
            staged.RestoreRuntime(reader);
            if (Restores(local)) Nodes[local] = staged;
        }
    }
}

/// <summary>
/// One correlation detector: the device window (start, stop, origin), the correlation times in tics and what it has
/// counted. A Set is made on a clone (<see cref="DeviceNode.Clone"/>), checked in <see cref="Validate"/> and swapped
/// in; state a Set clears is replaced by new arrays, never cleared in place, so a refused Set changes nothing.
/// </summary>
internal abstract class SpikeCorrelationNode : DeviceNode
{
    /// <summary>The tics of an infinite time (NEST's LIM_POS_INF and LIM_NEG_INF).</summary>
    public const long PositiveInfinity = long.MaxValue, NegativeInfinity = long.MinValue;

    /// <summary>The grid the kernel starts with (0.1 ms, 1000 tics per ms): that of the models' built-in defaults.</summary>
    private static readonly TimeGrid StartGrid = new(1000.0, 0.1);

    /// <summary>The grid the times below are counted on.</summary>
    public TimeGrid Grid = StartGrid;

    /// <summary>Bin width, one-sided width of the histograms, and the window of counted stamps, in tics.</summary>
    public long DeltaTau = 5 * StartGrid.TicsPerStep, TauMax = 50 * StartGrid.TicsPerStep, TStart, TStop = PositiveInfinity;

    /// <summary>On a staged clone: a key was set that clears what was counted (NEST's reset_required).</summary>
    protected bool ResetRequested;

    /// <summary>Whether the first run sized the state (NEST's init_buffers_).</summary>
    protected bool Initialized;

    /// <summary>The activity window of the run (stamps First &lt; s &lt;= Last) and the kernel's min_delay in steps.</summary>
    protected long FirstActive, LastActive, MinDelaySteps = 1;

    /// <summary>The keys the two detectors share: the device window and the correlation times.</summary>
    protected static DeviceKeys<TNode> CorrelationKeys<TNode>() where TNode : SpikeCorrelationNode => new DeviceKeys<TNode>()
        .GridTime("origin", n => n.Origin, (n, v) => n.Origin = v, infiniteAllowed: false)
        .GridTime("start", n => n.Start, (n, v) => n.Start = v, infiniteAllowed: true)
        .GridTime("stop", n => n.Stop, (n, v) => n.Stop = v, infiniteAllowed: true)
        .Custom("delta_tau", n => n.ToMs(n.DeltaTau), (n, key, value, context) => n.DeltaTau = n.SetTime(key, value, context))
        .Custom("tau_max", n => n.ToMs(n.TauMax), (n, key, value, context) => n.TauMax = n.SetTime(key, value, context))
        .Custom("Tstart", n => n.ToMs(n.TStart), (n, key, value, context) => n.TStart = n.SetTime(key, value, context))
        .Custom("Tstop", n => n.ToMs(n.TStop), (n, key, value, context) => n.TStop = n.SetTime(key, value, context));

    /// <summary>A time key's value in tics on the current grid (NEST's Time::ms); setting any of them clears the state.</summary>
    private long SetTime(string key, object value, StatusContext context)
    {
        double ms = StatusValue.ToDouble(key, value);
        if (double.IsNaN(ms)) throw new BadPropertyException(key, ms, $"{key} must be a number (a time in ms)");
        Grid = context.Time;
        ResetRequested = true;
        return ToTics(ms, Grid);
    }

    /// <summary>NEST's Time::ms: rounded to the nearest tic (halves up), beyond the range of tics infinite.</summary>
    private static long ToTics(double ms, TimeGrid grid) =>
        IsInfiniteTime(ms, grid) ? (ms > 0 ? PositiveInfinity : NegativeInfinity) : (long)(ms * grid.TicsPerMs + 0.5);

    /// <summary>NEST's Time::get_ms: tics · ms per tic, ±1.8e308 for the infinite times.</summary>
    protected double ToMs(long tics) => tics switch
    {
        PositiveInfinity => double.MaxValue,
        NegativeInfinity => -double.MaxValue,
        _ => tics * (1.0 / Grid.TicsPerMs),
    };

    /// <summary>NEST's Time::get_steps: tics rounded up to whole steps.</summary>
    protected long Steps(long tics) => (long)((tics + Grid.TicsPerStep - 1) * (1.0 / Grid.TicsPerStep));

    /// <summary>NEST's checks of the correlation times, then the device's (stop &gt;= start).</summary>
    public override void Validate(StatusContext context)
    {
        double resolution = Grid.Resolution;
        if (!(DeltaTau > 0 && DeltaTau != PositiveInfinity && DeltaTau % Grid.TicsPerStep == 0))
            throw new StepMultipleRequiredException("delta_tau", ToMs(DeltaTau), resolution);
        if (TauMax is PositiveInfinity or NegativeInfinity || TauMax % DeltaTau != 0)
            throw new TimeMultipleRequiredException(ModelName, "tau_max", ToMs(TauMax), "delta_tau", ToMs(DeltaTau));
        if (TauMax < 0) throw new BadPropertyException("tau_max", ToMs(TauMax), "tau_max must not be negative");
        ValidateModel();
        base.Validate(context);
        if (ResetRequested)
        {
            ResetRequested = false;
            ResetAfterSet();
        }
    }

    /// <summary>The model's own checks of a staged change (after the checks of the times).</summary>
    protected virtual void ValidateModel() { }

    /// <summary>The model's name, for the errors that name it.</summary>
    protected abstract string ModelName { get; }

    /// <summary>Clears what was counted after a Set asked for it (with the parameters NEST uses there).</summary>
    protected abstract void ResetAfterSet();

    /// <summary>Clears what was counted and sizes the state for the current parameters.</summary>
    protected abstract void Reset();

    /// <summary>Whether the state has the sizes the current parameters give.</summary>
    protected abstract bool SizedForParameters { get; }

    /// <summary>
    /// The correlation bins: 1 + tau_max / delta_tau in steps, each side (integer division, as NEST; the checks make it
    /// exact).
    /// </summary>
    protected long BinsPerSide => Steps(TauMax) / Steps(DeltaTau);

    /// <summary>NEST's tau_edge: tau_max + delta_tau / 2 in steps.</summary>
    protected double TauEdge => Steps(TauMax) + 0.5 * Steps(DeltaTau);

    /// <summary>Whether a spike stamped at step <paramref name="stamp"/> lies within [Tstart, Tstop] (compared in tics, as NEST).</summary>
    protected bool InCountingWindow(long stamp)
    {
        long tics = stamp * Grid.TicsPerStep;
        return TStart <= tics && tics <= TStop;
    }

    /// <summary>Whether a spike stamped at step <paramref name="stamp"/> is taken at all (the device window).</summary>
    protected bool Active(long stamp) => stamp > FirstActive && stamp <= LastActive;

    /// <summary>A spike stamped at step <paramref name="stamp"/> on <paramref name="receptor"/> (NEST's handle(SpikeEvent)).</summary>
    public abstract void Handle(long stamp, int receptor, int multiplicity, double weight);

    /// <summary>Before a run: the window, min_delay, and the state sized at the first run (or after a change of sizes).</summary>
    public void PrepareRun(TimeGrid time, int minDelaySteps)
    {
        Grid = time;
        (FirstActive, LastActive) = ActiveSteps(time);
        MinDelaySteps = minDelaySteps;
        if (!Initialized || !SizedForParameters)
        {
            Reset();
            Initialized = true;
        }
    }

    /// <summary>
    /// NEST's calibrate_time after a change of the grid: delta_tau stays (moved onto the new tics) if its old tics are a
    /// multiple of the new step, as NEST tests it, and is otherwise 5 times the new resolution; the other times keep
    /// their values in ms.
    /// </summary>
    public void CalibrateTime(TimeGrid previous, TimeGrid next)
    {
        long Convert(long tics) => tics is PositiveInfinity or NegativeInfinity ? tics : ToTics(tics / previous.TicsPerMs, next);
        DeltaTau = DeltaTau > 0 && DeltaTau % next.TicsPerStep == 0 ? Convert(DeltaTau) : 5 * next.TicsPerStep;
        TauMax = Convert(TauMax);
        TStart = Convert(TStart);
        TStop = Convert(TStop);
        Grid = next;
    }

    public override void SaveRuntime(CheckpointWriter writer)
    {
        writer.Write(Initialized);
        SaveState(writer);
    }

    public override void RestoreRuntime(CheckpointReader reader)
    {
        Initialized = reader.ReadBool();
        RestoreState(reader);
    }

    /// <summary>Writes what the detector has counted and the spikes it keeps.</summary>
    protected abstract void SaveState(CheckpointWriter writer);

    /// <summary>Reads what <see cref="SaveState"/> wrote.</summary>
    protected abstract void RestoreState(CheckpointReader reader);

    /// <summary>A new node: nothing counted, arrays not sized until its first run.</summary>
    protected override void ResetRuntimeState() => Initialized = false;
}

/// <summary>A spike a detector keeps: its stamp (step), its weight (multiplicity · connection weight) and its receptor.</summary>
internal readonly record struct KeptSpike(long Step, double Weight, int Receptor);

/// <summary>
/// The spikes a detector keeps, sorted by stamp (NEST's deque): a spike is inserted after those with the same or an
/// earlier stamp, old ones leave at the front.
/// </summary>
internal sealed class KeptSpikes
{
    private KeptSpike[] _items = new KeptSpike[16];
    private int _head, _count;

    public int Count => _count;

    public ref readonly KeptSpike this[int i] => ref _items[_head + i];

    public void RemoveFirst()
    {
        _head++;
        _count--;
        if (_count == 0) _head = 0;
    }

    public void Insert(in KeptSpike spike)
    {
        if (_head + _count == _items.Length)
        {
            if (_head > 0)
            {
                Array.Copy(_items, _head, _items, 0, _count);
                _head = 0;
            }
            else
            {
                Array.Resize(ref _items, 2 * _items.Length);
            }
        }
        int at = _head + _count;
        while (at > _head && _items[at - 1].Step > spike.Step)
        {
            _items[at] = _items[at - 1];
            at--;
        }
        _items[at] = spike;
        _count++;
    }

    public KeptSpikes Copy()
    {
        var copy = new KeptSpikes { _items = (KeptSpike[])_items.Clone(), _head = _head, _count = _count };
        return copy;
    }

    public void Save(CheckpointWriter writer)
    {
        writer.Write(_count);
        for (int i = 0; i < _count; i++)
        {
            ref readonly var s = ref this[i];
            writer.Write(s.Step);
            writer.Write(s.Weight);
            writer.Write(s.Receptor);
        }
    }

    public static KeptSpikes Read(CheckpointReader reader)
    {
        var spikes = new KeptSpikes();
        int n = reader.ReadInt();
        for (int i = 0; i < n; i++)
        {
            long step = reader.ReadLong();
            double weight = reader.ReadDouble();
            spikes.Insert(new KeptSpike(step, weight, reader.ReadInt()));
        }
        return spikes;
    }
}
