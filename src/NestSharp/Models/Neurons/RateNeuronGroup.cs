namespace NestSharp.Models.Neurons;

/// <summary>
/// The values a gain function of the rate models reads for one node (NEST's TNonlinearities' parameters): g and up to
/// four more, whose meaning each gain function gives (lin_rate: g_ex, g_in, theta_ex, theta_in; tanh_rate: theta; ...).
/// </summary>
internal readonly record struct RateGainParameters(double G, double A, double B, double C, double D);

/// <summary>
/// A gain function of the rate models (NEST's nonlinearities_* classes): <c>input</c> (φ applied to the summed input,
/// or ψ to each input with linear_summation false) and the factors of multiplicative coupling. Static members of a
/// struct, so that the update loops are compiled for each gain without a call; <see cref="Input"/> is also reached
/// through a function pointer when a target applies it to each incoming rate (<see cref="RateInputGains"/>).
/// </summary>
internal interface IRateGain
{
    /// <summary>The gain applied to input <paramref name="h"/>.</summary>
    static abstract double Input(in RateGainParameters p, double h);

    /// <summary>The factor of multiplicative coupling of the excitatory input at rate <paramref name="rate"/>.</summary>
    static abstract double MultCouplingEx(in RateGainParameters p, double rate);

    /// <summary>The factor of multiplicative coupling of the inhibitory input at rate <paramref name="rate"/>.</summary>
    static abstract double MultCouplingIn(in RateGainParameters p, double rate);
}

/// <summary>NEST's input term of the ipn and opn rate neurons, in its order of operations.</summary>
internal static class RateInput
{
    /// <summary>
    /// <paramref name="x"/> plus P2 times the step's input: with linear_summation the gain of the summed input (of each
    /// sum, times its multiplicative coupling at <paramref name="couplingRate"/>, with mult_coupling), otherwise the
    /// inputs (already through the gain) times their coupling.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Add<TGain>(double x, in RateGainParameters p, double p2, bool mult, bool linear, double couplingRate,
        double delayedEx, double instantEx, double delayedIn, double instantIn)
        where TGain : IRateGain
    {
        double hEx = 1.0, hIn = 1.0;
        if (mult)
        {
            hEx = TGain.MultCouplingEx(p, couplingRate);
            hIn = TGain.MultCouplingIn(p, couplingRate);
        }
        if (linear)
        {
            if (mult)
            {
                x += p2 * hEx * TGain.Input(p, delayedEx + instantEx);
                x += p2 * hIn * TGain.Input(p, delayedIn + instantIn);
            }
            else
            {
                x += p2 * TGain.Input(p, delayedEx + instantEx + delayedIn + instantIn);
            }
        }
        else
        {
            x += p2 * hEx * (delayedEx + instantEx);
            x += p2 * hIn * (delayedIn + instantIn);
        }
        return x;
    }
}

/// <summary>The columns of a model's gain parameters, in the order of <see cref="RateGainParameters"/> (null: unused).</summary>
internal sealed record RateGainColumns(Column G, Column? A = null, Column? B = null, Column? C = null, Column? D = null);

/// <summary>
/// The gain functions of the targets that apply theirs to each incoming rate (linear_summation false), by ring channel
/// of their rate inputs: a function pointer and the node's parameters (null pointer: the rate is taken as it is).
/// Built at Prepare, and after a Set between runs, from every rate group; null when no target needs it, so the rate
/// connections' delivery then takes a loop without it.
/// </summary>
internal sealed unsafe class RateInputGains
{
    private readonly delegate*<in RateGainParameters, double, double>[] _functions;
    private readonly RateGainParameters[] _parameters;

    private RateInputGains(int channels)
    {
        _functions = new delegate*<in RateGainParameters, double, double>[channels];
        _parameters = new RateGainParameters[channels];
    }

    /// <summary>The table for the nodes of <paramref name="context"/>, or null when every rate target sums linearly.</summary>
    public static RateInputGains? Of(SimulationContext context)
    {
        RateInputGains? table = null;
        foreach (var group in context.Nodes.Groups)
        {
            if (group is RateNeuronGroup rate && rate.AppliesGainToEachInput)
                rate.FillInputGains(table ??= new RateInputGains(context.Ring.Channels));
        }
        return table;
    }

    /// <summary>Sets the gain of ring channel <paramref name="channel"/>.</summary>
    public void Set(int channel, delegate*<in RateGainParameters, double, double> function, in RateGainParameters parameters)
    {
        _functions[channel] = function;
        _parameters[channel] = parameters;
    }

    /// <summary>What rate <paramref name="rate"/> becomes on ring channel <paramref name="channel"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Apply(int channel, double rate)
    {
        var function = _functions[channel];
        return function == null ? rate : function(in _parameters[channel], rate);
    }
}

/// <summary>
/// What NEST's rate models (the templates rate_neuron_ipn, rate_neuron_opn and rate_transformer_node) share. A node
/// has a rate and exchanges it with other rate nodes through secondary events (<see cref="RateEvents"/>): in every
/// slice it sends its rate at the start of each step to its delayed connections and, to its instantaneous ones, the
/// values of each iteration of the waveform relaxation and after the update its final rate (what the targets use in
/// the next slice without waveform relaxation). It takes rates on receptor 0: delayed ones into its delayed inputs
/// (the kernel's input ring), instantaneous ones into the kernel's input of events without delay
/// (<see cref="SliceInput"/>), excitatory or inhibitory by the weight's sign (the transformer: one input). It sends
/// and takes no spikes and no currents (Connect refuses them with NEST's messages).
/// <para>The update loop is written once here, over a struct for the model's step (<see cref="IRateStep"/>): for each
/// step of the slice and node the step reads the node's delayed input (from the ring) and instantaneous input, and
/// returns the rate it sends for that step; after the slice the rows sent are completed (NEST's coefficient arrays:
/// zero outside [from, to)), the inputs of the slice cleared. An iteration of the waveform relaxation runs the same
/// loop on a copy of the state (NEST's wfr_update: the state is restored), reading the delayed input without clearing
/// it, and compares each new rate with the last iteration's (wfr_tol).</para>
/// <para>Noise (ipn, opn): a standard normal number per node and step from the node's keyed stream (the same in every
/// iteration of a slice and for any number of threads and processes; NEST's own numbers are not reproduced).</para>
/// </summary>
internal abstract class RateNeuronGroup : NeuronGroup
{
    private readonly RateGainColumns? _gain;
    private readonly InputChannel _excitatory;
    private readonly InputChannel? _inhibitory;
    private readonly Column? _linearSummation;
    private readonly Column[] _stateColumns;
    private readonly SecondaryEventType _instantKind;
    private readonly SecondaryEventType? _delayedKind;

    private SecondaryEventBuffer? _instantOut, _delayedOut;
    private int[] _instantRow = [], _delayedRow = [];
    private double[] _lastValues = [];
    private double[][] _saved = [];
    private ulong[] _noiseKeys = [];

    /// <param name="model">The model.</param>
    /// <param name="firstId">The first node id.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's schema.</param>
    /// <param name="gain">The columns of the gain's parameters.</param>
    /// <param name="excitatory">The delayed input of non-negative weights (the transformer's only input).</param>
    /// <param name="inhibitory">The delayed input of negative weights (none for the transformer).</param>
    /// <param name="linearSummation">The linear_summation flag.</param>
    /// <param name="stateColumns">The state an iteration of the waveform relaxation changes and restores.</param>
    protected RateNeuronGroup(NodeModel model, int firstId, int count, NeuronSchema schema, RateGainColumns gain,
        InputChannel excitatory, InputChannel? inhibitory, Column linearSummation, Column[] stateColumns)
        : this(model, firstId, count, schema, excitatory, inhibitory, stateColumns, RateEvents.Instantaneous, RateEvents.Delayed)
    {
        _gain = gain;
        _linearSummation = linearSummation;
    }

    /// <summary>
    /// A node of the same update loop that exchanges another kind of event without delay (siegert_neuron: NEST's
    /// DiffusionConnectionEvent) and has no gain function of its own in the delivery: <paramref name="first"/> and
    /// <paramref name="second"/> are the two inputs the events fill (the step reads them as the excitatory and
    /// inhibitory inputs), <paramref name="instantKind"/> the kind it sends and takes, <paramref name="delayedKind"/> a
    /// kind with delay it also sends and takes, or none.
    /// </summary>
    protected RateNeuronGroup(NodeModel model, int firstId, int count, NeuronSchema schema, InputChannel first, InputChannel? second,
        Column[] stateColumns, SecondaryEventType instantKind, SecondaryEventType? delayedKind)
        : base(model, firstId, count, schema)
    {
        _excitatory = first;
        _inhibitory = second;
        _stateColumns = stateColumns;
        _instantKind = instantKind;
        _delayedKind = delayedKind;
    }

    public override bool EmitsSpikes => false;

    public override bool TakesSpikes => false;

    public override bool SendsSecondaryEvents => true;

    public override bool SendsSecondary(SecondaryEventType type) => type == _instantKind || (_delayedKind is not null && type == _delayedKind);

    public override bool ReceivesSecondary(SecondaryEventType type) => type == _instantKind || (_delayedKind is not null && type == _delayedKind);

    public override bool SupportsWaveformRelaxation => true;

    public override bool SupportsCheckpoint => true;

    /// <summary>
    /// NEST's old names of keys (mean for mu, std for sigma in the ipn and opn models): shown with the new key's value;
    /// set, they set the new key (after it, as NEST reads them after the new names).
    /// </summary>
    protected virtual (string Old, string New)[] OldNames => [];

    private string[]? _settable;

    public override IReadOnlyCollection<string> SettableKeys => _settable ??= [.. base.SettableKeys, .. OldNames.Select(n => n.Old)];

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        foreach (var (old, _) in OldNames)
        {
            if (!values.ContainsKey(old)) continue;
            var renamed = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                if (!IsOldName(key)) renamed[key] = value;
            }
            foreach (var (oldName, newName) in OldNames)
                if (values.TryGetValue(oldName, out var value)) renamed[newName] = value;
            try
            {
                return base.Stage(local, renamed, context);
            }
            catch (NestException e) when (RenamedKeyError(e, values) is { } named)
            {
                throw named;
            }
        }
        return base.Stage(local, values, context);
    }

    /// <summary>
    /// The error <paramref name="e"/> of a value given under an old name, naming that name (the error names the new key);
    /// null for other errors.
    /// </summary>
    private NestException? RenamedKeyError(NestException e, IReadOnlyDictionary<string, object> values)
    {
        foreach (var (oldName, newName) in OldNames)
        {
            if (!values.TryGetValue(oldName, out var value)) continue;
            string renamed = $"({oldName} is the old name of {newName})";
            if (e is BadPropertyException bad && bad.Key == newName) return new BadPropertyException(oldName, value, $"{bad.Allowed} {renamed}");
            if (e is TypeMismatchException mismatch && mismatch.Key == newName) return new TypeMismatchException(oldName, value, $"{mismatch.Expected} {renamed}");
        }
        return null;
    }

    private bool IsOldName(string key)
    {
        foreach (var (old, _) in OldNames) if (old == key) return true;
        return false;
    }

    /// <summary>Whether some node applies its gain to each incoming rate (linear_summation false).</summary>
    public bool AppliesGainToEachInput
    {
        get
        {
            if (_linearSummation is not { } linearSummation) return false;
            foreach (double flag in this[linearSummation]) if (flag == 0.0) return true;
            return false;
        }
    }

    /// <summary>The gain function as a function pointer, for <see cref="RateInputGains"/>.</summary>
    protected abstract unsafe delegate*<in RateGainParameters, double, double> InputFunction { get; }

    /// <summary>Enters the gain of every node with linear_summation false, on each of its rate inputs.</summary>
    public unsafe void FillInputGains(RateInputGains table)
    {
        var gains = Gains();
        double[] linear = this[_linearSummation!.Value];
        for (int i = 0; i < Count; i++)
        {
            if (linear[i] != 0.0) continue;
            var p = gains.At(i);
            table.Set(ChannelOf(_excitatory) + i, InputFunction, p);
            if (_inhibitory is { } inhibitory) table.Set(ChannelOf(inhibitory) + i, InputFunction, p);
        }
    }

    /// <summary>The gain parameters' columns.</summary>
    protected RateGains Gains()
    {
        var gain = _gain ?? throw new InvalidOperationException($"{Model.Name} has no gain function");
        return new(this[gain.G], gain.A is { } a ? this[a] : null, gain.B is { } b ? this[b] : null,
            gain.C is { } c ? this[c] : null, gain.D is { } d ? this[d] : null);
    }

    /// <summary>The column arrays of the gain parameters, read per node.</summary>
    protected readonly struct RateGains(double[] g, double[]? a, double[]? b, double[]? c, double[]? d)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public RateGainParameters At(int i) => new(g[i], a is null ? 0.0 : a[i], b is null ? 0.0 : b[i], c is null ? 0.0 : c[i], d is null ? 0.0 : d[i]);
    }

    public override void Prepare(SimulationContext context)
    {
        base.Prepare(context);
        int minDelay = context.MinDelaySteps;
        _instantOut = context.Secondary.Of(_instantKind);
        _delayedOut = _delayedKind is null ? null : context.Secondary.Of(_delayedKind);
        _instantRow = RowsIn(_instantOut);
        _delayedRow = RowsIn(_delayedOut);
        if (_lastValues.Length != Count * minDelay) _lastValues = new double[Count * minDelay];
        _saved = new double[_stateColumns.Length][];
        for (int c = 0; c < _saved.Length; c++) _saved[c] = new double[Count];
        ulong modelKey = RandomStream.Derive(context.SeedKey, 0x4A7E_0015E);
        _noiseKeys = new ulong[Count];
        for (int i = 0; i < Count; i++) _noiseKeys[i] = RandomStream.Derive(modelKey, (ulong)IdOf(i));
        _instant = context.Secondary.Instant;
        PlaceRestoredInstantInput(_instant);
        PrepareRate(context);
    }

    /// <summary>The model's constants of the run (propagators), after the base prepared.</summary>
    protected virtual void PrepareRate(SimulationContext context) { }

    private int[] RowsIn(SecondaryEventBuffer? buffer)
    {
        var rows = new int[Count];
        for (int i = 0; i < Count; i++) rows[i] = buffer is null ? -1 : buffer.RowOfNode[IdOf(i)];
        return rows;
    }

    /// <summary>The standard normal number of the node at <paramref name="position"/> for <paramref name="step"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected double NormalOf(int position, long step) => new RandomStream(RandomStream.Derive(_noiseKeys[position], (ulong)step)).NextNormal();

    /// <summary>
    /// The update of a model: for each step of [<paramref name="from"/>, <paramref name="to"/>) and each node of the
    /// thread's chunk, <paramref name="stepper"/> advances the node and returns the rate it sends for the step; then the
    /// rows sent are completed and the inputs of the slice cleared (see the class summary). In an iteration of the
    /// waveform relaxation (<paramref name="iteration"/>) the state is restored afterwards and the result says whether
    /// every node's rates changed by at most <paramref name="tolerance"/>.
    /// </summary>
    protected bool Run<TStep>(SimulationContext context, int thread, long sliceStart, int from, int to, bool iteration, double tolerance, TStep stepper)
        where TStep : struct, IRateStep
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return true;
        if (iteration) SaveState(start, end);
        var ring = context.Ring;
        var instant = context.Secondary.Instant;
        int minDelay = context.MinDelaySteps;
        int ringChannels = ring.Channels;
        double[] ringData = ring.Data, instantData = instant.Data;
        int instantChannels = instant.Channels;
        bool hasInstant = instantData.Length > 0;
        int ex = ChannelOf(_excitatory), inh = _inhibitory is { } inhibitory ? ChannelOf(inhibitory) : -1;
        double[]? instantSent = _instantOut?.Sent, delayedSent = _delayedOut?.Sent;
        int instantStride = _instantOut?.ValuesPerSlice ?? 0, delayedStride = _delayedOut?.ValuesPerSlice ?? 0;
        bool converged = true;
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            long ringRow = (long)ring.SlotOf(step) * ringChannels;
            long instantRow = (long)lag * instantChannels;
            for (int i = start; i < end; i++)
            {
                double delayedEx = ringData[ringRow + ex + i], delayedIn = inh < 0 ? 0.0 : ringData[ringRow + inh + i];
                double instantEx = hasInstant ? instantData[instantRow + ex + i] : 0.0;
                double instantIn = hasInstant && inh >= 0 ? instantData[instantRow + inh + i] : 0.0;
                double sent = stepper.Step(i, step, delayedEx, instantEx, delayedIn, instantIn, out double rate);
                if (iteration)
                {
                    ref double last = ref _lastValues[i * minDelay + lag];
                    if (Math.Abs(rate - last) > tolerance) converged = false;
                    last = rate;
                    if (instantSent is not null && _instantRow[i] >= 0) instantSent[_instantRow[i] * instantStride + lag] = sent;
                }
                else if (delayedSent is not null && _delayedRow[i] >= 0)
                {
                    delayedSent[_delayedRow[i] * delayedStride + lag] = sent;
                }
            }
            if (!iteration)
            {
                ring.Row(step, ex + start, end - start).Clear();
                if (inh >= 0) ring.Row(step, inh + start, end - start).Clear();
                RecordSamples(thread, step);
            }
        }
        for (int i = start; i < end; i++)
        {
            if (iteration)
            {
                if (instantSent is not null && _instantRow[i] >= 0) instantSent.AsSpan(_instantRow[i] * instantStride, from).Clear();
                continue;
            }
            // NEST's coefficient arrays: the values of [from, to), zero elsewhere; the instantaneous connections get the
            // final rate for every step of [from, to) (what the targets use in the next slice without waveform relaxation).
            if (delayedSent is not null && _delayedRow[i] >= 0)
            {
                var row = delayedSent.AsSpan(_delayedRow[i] * delayedStride, delayedStride);
                row[..from].Clear();
                row[to..].Clear();
            }
            if (instantSent is not null && _instantRow[i] >= 0)
            {
                var row = instantSent.AsSpan(_instantRow[i] * instantStride, instantStride);
                row.Clear();
                row[from..to].Fill(stepper.Proxy(i));
            }
            _lastValues.AsSpan(i * minDelay, minDelay).Clear();
        }
        if (hasInstant)
        {
            for (int lag = 0; lag < minDelay; lag++)
            {
                instant.Row(lag, ex + start, end - start).Clear();
                if (inh >= 0) instant.Row(lag, inh + start, end - start).Clear();
            }
        }
        if (iteration) RestoreState(start, end);
        return converged;
    }

    private void SaveState(int start, int end)
    {
        for (int c = 0; c < _stateColumns.Length; c++) this[_stateColumns[c]].AsSpan(start, end - start).CopyTo(_saved[c].AsSpan(start));
    }

    private void RestoreState(int start, int end)
    {
        for (int c = 0; c < _stateColumns.Length; c++) _saved[c].AsSpan(start, end - start).CopyTo(this[_stateColumns[c]].AsSpan(start));
    }

    /// <summary>The kernel's input of events without delay at the last Prepare.</summary>
    private SliceInput? _instant;

    /// <summary>A restored checkpoint's instantaneous input (by local index, inputs, then steps) and its min_delay, until the next Prepare.</summary>
    private (double[] Values, bool[] Restored, int Steps)? _restoredInstant;

    private int InputCount => _inhibitory is null ? 1 : 2;

    /// <summary>
    /// The instantaneous input waiting for the next slice (NEST's instant_rates_, delivered after a run's last slice),
    /// per node by id: it lies outside the input ring. The last iteration's rates are zero between slices.
    /// </summary>
    protected override void SaveModelState(CheckpointWriter writer)
    {
        var instant = _instant;
        int steps = instant is null || instant.Data.Length == 0 ? 0 : instant.Steps;
        writer.Write(steps);
        if (steps == 0) return;
        int inputs = InputCount;
        var values = new double[Count * inputs * steps];
        for (int local = 0, k = 0; local < Count; local++)
        {
            int position = PositionOf(local);
            for (int input = 0; input < inputs; input++)
            {
                int channel = ChannelOf(input == 0 ? _excitatory : _inhibitory!.Value) + position;
                for (int lag = 0; lag < steps; lag++) values[k++] = instant!.Data[(long)lag * instant.Channels + channel];
            }
        }
        writer.Write(values);
    }

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        int steps = reader.ReadInt();
        if (steps == 0) return;
        var values = reader.ReadDoubles();
        var restored = new bool[Count];
        for (int local = 0; local < Count; local++) restored[local] = Restores(local);
        _restoredInstant = (values, restored, steps);
    }

    /// <summary>At the first Prepare after a restore: the instantaneous input goes back into the kernel's.</summary>
    private void PlaceRestoredInstantInput(SliceInput instant)
    {
        if (_restoredInstant is not { } restored) return;
        _restoredInstant = null;
        if (instant.Data.Length == 0 || instant.Steps != restored.Steps) return;
        int inputs = InputCount;
        for (int local = 0, k = 0; local < Count; local++)
        {
            int position = PositionOf(local);
            for (int input = 0; input < inputs; input++)
            {
                int channel = ChannelOf(input == 0 ? _excitatory : _inhibitory!.Value) + position;
                for (int lag = 0; lag < restored.Steps; lag++, k++)
                    if (restored.Restored[local]) instant.Data[(long)lag * instant.Channels + channel] = restored.Values[k];
            }
        }
    }
}

/// <summary>
/// One step of one node of a rate model, as a struct (see <see cref="RateNeuronGroup"/>): advances the node at storage
/// position i over step <c>step</c> with its delayed and instantaneous inputs (excitatory and inhibitory) and returns
/// the rate it sends for the step (its rate at the step's start; opn: the noisy rate), giving the new rate in
/// <c>rate</c> (compared between iterations of the waveform relaxation).
/// </summary>
internal interface IRateStep
{
    /// <summary>Advances node <paramref name="i"/>; returns the value sent for the step.</summary>
    double Step(int i, long step, double delayedEx, double instantEx, double delayedIn, double instantIn, out double rate);

    /// <summary>What node <paramref name="i"/> sends its instantaneous connections after its update (NEST's proxy for the next slice).</summary>
    double Proxy(int i);
}
