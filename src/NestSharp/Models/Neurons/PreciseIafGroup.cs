namespace NestSharp.Models.Neurons;

/// <summary>
/// What the node groups of NEST's precise integrate-and-fire models (iaf_psc_exp_ps, iaf_psc_alpha_ps,
/// iaf_psc_delta_ps, iaf_psc_exp_ps_lossless) share around their integration: the spikes on their way to each node with
/// their times and weights (<see cref="IPreciseSpikeReceiver"/>, checkpointed with the node) and the ones due in a step,
/// sorted by time; NEST's checks (<see cref="PreciseIafMembrane"/>, t_ref at least one step when a status is set); the
/// read-only is_refractory; the spike at the start of an update of a node set at or above threshold; and what firing
/// does (last spike step and offset, refractory, the spike sent with its offset).
/// </summary>
internal abstract class PreciseIafGroup : NeuronGroup, IPreciseSpikeReceiver
{
    private readonly PreciseIafMembrane _membrane;

    /// <summary>The spikes on their way to each node (by storage position; null until the first), in arrival order.</summary>
    private readonly PreciseArrivals?[] _arrivals;

    /// <summary>Per thread: the arrivals of one node's current step, sorted by time.</summary>
    private PreciseArrival[][] _due = [];

    /// <param name="model">The model.</param>
    /// <param name="firstId">The first node id.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's schema.</param>
    /// <param name="membrane">The membrane declared into <paramref name="schema"/>.</param>
    protected PreciseIafGroup(NodeModel model, int firstId, int count, NeuronSchema schema, PreciseIafMembrane membrane)
        : base(model, firstId, count, schema)
    {
        _membrane = membrane;
        _arrivals = new PreciseArrivals?[count];
    }

    /// <summary>The resolution (ms) of the current run.</summary>
    protected double StepMs { get; private set; }

    public override bool SupportsCheckpoint => true;

    public override bool SendsOffGridSpikes => true;

    public bool UsesWeights => true;

    public bool TakesPreciseSpikesOn(int channel)
    {
        int first = ChannelOf(_membrane.Spikes);
        return channel >= first && channel < first + Count;
    }

    public void ReceivePrecise(int channel, long step, double offset, int multiplicity, double weight, long stamp, int receptor) =>
        (_arrivals[channel - ChannelOf(_membrane.Spikes)] ??= new PreciseArrivals()).Add(new PreciseArrival(step, offset, multiplicity, weight));

    protected override void Validate(in StatusRow row) => _membrane.Validate(row);

    /// <summary>NEST's checks, then (all but the lossless model) that t_ref lasts at least one step of the resolution.</summary>
    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        var commit = base.Stage(local, values, context);
        if (_membrane.RefractoryAtLeastOneStepRequired)
            PreciseIafMembrane.CheckRefractoryTime(_membrane.NewRefractoryTime(this, local, values), context.Time);
        return commit;
    }

    /// <summary>The status, with NEST's read-only is_refractory.</summary>
    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        status["is_refractory"] = this[_membrane.IsRefractory][PositionOf(local)] != 0.0;
    }

    /// <summary>The resolution and the per-thread buffers; checks t_ref against the resolution.</summary>
    public override void Prepare(SimulationContext context)
    {
        base.Prepare(context);
        StepMs = context.Time.Resolution;
        if (_due.Length != context.SpikesOfVp.Length)
            _due = Enumerable.Range(0, context.SpikesOfVp.Length).Select(_ => new PreciseArrival[4]).ToArray();
        if (!_membrane.RefractoryAtLeastOneStepRequired) return;
        double[] tRef = this[_membrane.TRef];
        for (int i = 0; i < Count; i++) PreciseIafMembrane.CheckRefractoryTime(tRef[i], context.Time);
    }

    /// <summary>
    /// The events of node <paramref name="i"/> in <paramref name="step"/>: the spikes arriving then, sorted by time
    /// (largest offset first, ties in delivery order), and, when the node is <paramref name="refractory"/> and its
    /// refractoriness (<paramref name="refractorySteps"/> steps from its last spike) ends within the step, that end as
    /// a pseudo-event at the last spike's offset. <paramref name="arrived"/> is the node's counting input of the step
    /// (0: nothing arrived).
    /// </summary>
    protected StepEvents TakeDue(int i, long step, int thread, double arrived, bool refractory, int refractorySteps)
    {
        bool endsRefractory = refractory && step + 1 - (long)this[_membrane.LastSpikeStep][i] == refractorySteps;
        int due = arrived != 0.0 && _arrivals[i] is { } queue ? queue.TakeDue(step, ref _due[thread]) : 0;
        return new StepEvents(_due[thread].AsSpan(0, due), endsRefractory, this[_membrane.LastSpikeOffset][i]);
    }

    /// <summary>
    /// The events of one node's step in the order NEST handles them: by time (offsets count down from h at the step's
    /// start to 0 at its end), the end of refractoriness before spikes at the same offset.
    /// </summary>
    protected ref struct StepEvents(ReadOnlySpan<PreciseArrival> spikes, bool endsRefractory, double refractoryOffset)
    {
        private readonly ReadOnlySpan<PreciseArrival> _spikes = spikes;
        private bool _endsRefractory = endsRefractory;
        private int _next;

        /// <summary>Whether the step has no event at all.</summary>
        public readonly bool None => _spikes.Length == 0 && !_endsRefractory;

        /// <summary>
        /// The next event, if any: the end of refractoriness (weight 0) or a spike with its weight·multiplicity; with
        /// <paramref name="sumSimultaneous"/> the spikes at one offset come as one, their weights summed (NEST's
        /// iaf_psc_delta_ps), otherwise one at a time.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Next(bool sumSimultaneous, out bool endOfRefractoriness, out double offset, out double weight)
        {
            weight = 0.0;
            if (_endsRefractory && (_next == _spikes.Length || refractoryOffset >= _spikes[_next].Offset))
            {
                endOfRefractoriness = true;
                offset = refractoryOffset;
                _endsRefractory = false;
                return true;
            }
            endOfRefractoriness = false;
            if (_next == _spikes.Length)
            {
                offset = 0.0;
                return false;
            }
            offset = _spikes[_next].Offset;
            weight = _spikes[_next].Weight * _spikes[_next].Multiplicity;
            for (_next++; sumSimultaneous && _next < _spikes.Length && _spikes[_next].Offset == offset; _next++)
                weight += _spikes[_next].Weight * _spikes[_next].Multiplicity;
            return true;
        }
    }

    /// <summary>
    /// Each update: the nodes set over threshold fire at once (<see cref="FireIfAboveThreshold"/>), then each step of
    /// the thread's chunk is integrated by the model (<see cref="Advance"/>).
    /// </summary>
    public sealed override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var spikes = context.SpikesOfVp[thread];
        FireIfAboveThreshold(thread, sliceStart, from, spikes);
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, spikes, thread));
    }

    /// <summary>The nodes of a chunk over one step, each from event to event (see the model's summary).</summary>
    protected abstract void Advance(in ChunkStep s, SpikeBuffer spikes, int thread);

    private readonly struct Stepper(PreciseIafGroup group, SpikeBuffer spikes, int thread) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes, thread);
    }

    /// <summary>
    /// NEST's check at the start of each update: a node set to a potential at or above threshold fires at once, its
    /// spike placed just after the start of step <paramref name="lag"/> (<see cref="PreciseIafMembrane.InstantSpikeOffset"/>).
    /// </summary>
    protected void FireIfAboveThreshold(int thread, long sliceStart, int lag, SpikeBuffer spikes)
    {
        var (start, end) = Chunk(thread);
        double[] v = this[_membrane.Vm], vTh = this[_membrane.VTh], eL = this[_membrane.EL], vReset = this[_membrane.VReset];
        for (int i = start; i < end; i++)
        {
            if (v[i] < vTh[i] - eL[i]) continue;
            v[i] = vReset[i] - eL[i];
            MarkSpike(i, sliceStart + lag, lag, PreciseIafMembrane.InstantSpikeOffset(StepMs), spikes);
        }
    }

    /// <summary>
    /// Node <paramref name="i"/> fired in step <paramref name="step"/> (sent at <paramref name="lag"/>),
    /// <paramref name="offset"/> ms before the step's end: it is refractory from then on, and the spike leaves with its offset.
    /// </summary>
    protected void MarkSpike(int i, long step, int lag, double offset, SpikeBuffer spikes)
    {
        this[_membrane.LastSpikeStep][i] = step + 1;
        this[_membrane.LastSpikeOffset][i] = offset;
        this[_membrane.IsRefractory][i] = 1.0;
        spikes.Add(lag, IdOf(i), 1, 1.0, offset);
    }

    /// <summary>The spikes on their way to each node, by node id.</summary>
    protected override void SaveModelState(CheckpointWriter writer) =>
        WriteInIdOrder(writer, _arrivals, arrivals => arrivals.Save(writer));

    /// <summary>Reads what <see cref="SaveModelState"/> wrote.</summary>
    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context) =>
        ReadInIdOrder(reader, _arrivals, PreciseArrivals.Restore);
}
