using NestSharp.Models.Synapses;

namespace NestSharp.Models.Neurons;

/// <summary>
/// The ODE system of a model integrated by <see cref="GapRkf45NeuronGroup{TConstants, TSystem}"/>: besides the current
/// input of the step, the gap current of the step, which the group sets for each node.
/// </summary>
internal interface IGapDrivenOdeSystem : ICurrentDrivenOdeSystem
{
    /// <summary>The gap input of the step being integrated.</summary>
    GapCurrent Gap { set; }
}

/// <summary>
/// The constants of one parameter row of a model integrated by <see cref="GapRkf45NeuronGroup{TConstants, TSystem}"/>:
/// besides the system and error control, what happens after a grid step (the spikes of the step added to the
/// synapses' state, the spike threshold and t_ref in steps).
/// </summary>
internal interface IGapRkf45Row<TSelf, TSystem> : IRkf45Row<TSelf, TSystem>
    where TSelf : struct, IGapRkf45Row<TSelf, TSystem>
    where TSystem : struct, IGapDrivenOdeSystem
{
    /// <summary>
    /// Adds the spikes of a step to the state <paramref name="y"/>: the sum of the positive weights
    /// <paramref name="excitatory"/> and of the others <paramref name="inhibitory"/> (not positive).
    /// </summary>
    static abstract void AddSpikes(in TSelf row, Span<double> y, double excitatory, double inhibitory);

    /// <summary>The potential V_m must reach for a spike (mV).</summary>
    static abstract double ThresholdOf(in TSelf row);

    /// <summary>t_ref in steps.</summary>
    static abstract long RefractoryStepsOf(in TSelf row);
}

/// <summary>
/// Base of NEST's Hodgkin-Huxley models with gap junctions (hh_psc_alpha_gap, hh_cond_beta_gap_traub), whose update_
/// NEST writes the same way: each step h of node i integrated by adaptive Runge-Kutta-Fehlberg 4(5) steps with the gap
/// current of <see cref="GapJunctionInput"/> in the right-hand side (V_m is component 0 of the state), then, in this
/// order: the spikes arriving in the step added to the synapses (the model's
/// <see cref="IGapRkf45Row{TSelf, TSystem}.AddSpikes"/>; positive weights excitatory, the others inhibitory); a
/// refractory neuron counts down, else the neuron spikes when V_m is at least the model's threshold and lower than at
/// the start of the step (<see cref="HhGates.PeakPassed"/>), and is then refractory for t_ref (V_m is not reset); a
/// current input takes effect from the next step. After its update the neuron sends its final V_m to its gap junctions
/// as constant for every step of the slice. With use_wfr (node_uses_wfr) each slice is first iterated (NEST's
/// wfr_update): the neurons integrate the slice from their state without spiking, with the current input of the
/// slice's start and the spikes of each step, send the coefficients of their potential per step
/// (wfr_interpolation_order 0, 1 or 3: constant, linear or cubic Hermite), and restore their state; the iterations stop
/// when no neuron's V_m at any step moved by more than wfr_tol since the last one (the first iteration of a slice
/// compares with 0). The inner step size is not restored, as in NEST. A checkpoint also keeps the gap input delivered
/// for the next slice.
/// </summary>
/// <typeparam name="TConstants">What the model computes once per run from a parameter row.</typeparam>
/// <typeparam name="TSystem">The model's ODE system (its right-hand side for one node's constants, current and gap input).</typeparam>
internal abstract class GapRkf45NeuronGroup<TConstants, TSystem> : Rkf45NeuronGroup<TConstants, TSystem>, IGapJunctionNode
    where TConstants : struct, IGapRkf45Row<TConstants, TSystem>
    where TSystem : struct, IGapDrivenOdeSystem
{
    /// <summary>The position of V_m in the integrated state vector.</summary>
    private const int YV = 0;

    private readonly SignedSpikeAndCurrentInputs _inputs;
    private readonly GapJunctionInput _gap;
    private readonly Column _refractorySteps;

    private SecondaryEventBuffer? _gapOut;
    private int[] _gapRow = [];
    private int _order;

    /// <summary>Per node and step of the slice: V_m of the last iteration of the waveform relaxation (NEST's last_y_values), 0 after an update.</summary>
    private double[] _lastValues = [];

    /// <summary>The integrated state before an iteration, restored after it (NEST's wfr_update).</summary>
    private double[][] _saved = [];

    /// <param name="model">The node model the group is an instance of.</param>
    /// <param name="firstId">The node id of the group's first node.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's declared parameters, state, inputs and recordables.</param>
    /// <param name="inputs">The model's spike and current inputs (receptor 0).</param>
    /// <param name="gap">The model's gap input.</param>
    /// <param name="refractorySteps">The column of the remaining refractory steps (NEST's r_).</param>
    protected GapRkf45NeuronGroup(NodeModel model, int firstId, int count, NeuronSchema schema, SignedSpikeAndCurrentInputs inputs,
        GapJunctionInput gap, Column refractorySteps)
        : base(model, firstId, count, schema, inputs.Currents)
    {
        _inputs = inputs;
        _gap = gap;
        _refractorySteps = refractorySteps;
    }

    public override bool SupportsCheckpoint => true;

    public override bool SendsSecondaryEvents => true;

    public override bool SendsSecondary(SecondaryEventType type) => type == GapJunctionEvents.Type;

    public override bool ReceivesSecondary(SecondaryEventType type) => type == GapJunctionEvents.Type;

    public override bool SupportsWaveformRelaxation => true;

    public void MapGapChannels(int[] gapChannel, int[] gapStride)
    {
        int first = ChannelOf(_gap.First);
        for (int c = 0; c < ChannelsPerNode; c++)
        {
            for (int p = 0; p < Count; p++)
            {
                gapChannel[ChannelBase + c * Count + p] = first + p;
                gapStride[ChannelBase + c * Count + p] = Count;
            }
        }
    }

    /// <summary>Before a run: the integration, the constants of the parameter rows (<paramref name="constantsOf"/> of a node) and the gap buffers.</summary>
    protected void PrepareGapIntegration(SimulationContext context, Func<int, double, TimeGrid, TConstants> constantsOf)
    {
        var time = context.Time;
        double h = time.StepToMs(1);
        PrepareIntegration(context, h);
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => constantsOf(i, h, time));
        int minDelay = context.MinDelaySteps;
        _gapOut = context.Secondary.Of(GapJunctionEvents.Type);
        _order = _gapOut is null ? 0 : _gapOut.ValuesPerSlice / minDelay - 1;
        _gapRow = new int[Count];
        for (int i = 0; i < Count; i++) _gapRow[i] = _gapOut is null ? -1 : _gapOut.RowOfNode[IdOf(i)];
        if (_lastValues.Length != Count * minDelay) _lastValues = new double[Count * minDelay];
        if (_saved.Length != TSystem.Dimension || _saved[0].Length != Count)
        {
            _saved = new double[TSystem.Dimension][];
            for (int j = 0; j < _saved.Length; j++) _saved[j] = new double[Count];
        }
        PlaceRestoredGapInput(context.Secondary.Instant);
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Run(context, thread, sliceStart, from, to, iteration: false, 0.0);

    public override bool WaveformRelaxationUpdate(SimulationContext context, int thread, long sliceStart, int from, int to, double tolerance) =>
        Run(context, thread, sliceStart, from, to, iteration: true, tolerance);

    /// <summary>
    /// NEST's update_ over steps [<paramref name="from"/>, <paramref name="to"/>) of the slice for this thread's nodes:
    /// the update (<paramref name="iteration"/> false: spikes in, spikes out, samples, the inputs cleared) or an
    /// iteration of the waveform relaxation (on the state, restored afterwards; returns whether every node's V_m moved by
    /// at most <paramref name="tolerance"/> at every step).
    /// </summary>
    private bool Run(SimulationContext context, int thread, long sliceStart, int from, int to, bool iteration, double tolerance)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return true;
        int n = end - start, channels = ChannelsPerNode, minDelay = context.MinDelaySteps, order = _order, perStep = order + 1;
        var instant = context.Secondary.Instant;
        double[] instantData = instant.Data;
        int gapFirst = ChannelOf(_gap.First);
        int spikesEx = _inputs.SpikesEx.Index * Count, spikesIn = _inputs.SpikesIn.Index * Count, currents = _inputs.Currents.Index * Count;
        double[] sent = _gapOut?.Sent ?? [];
        int stride = _gapOut?.ValuesPerSlice ?? 0;
        double[][] state = IntegratedState;
        double[] refractory = this[_refractorySteps], vm = state[YV];
        var sets = ParameterSets.Sets;
        var setOfNode = ParameterSets.SetOfNode;
        var spikes = context.SpikesOfVp[thread];
        double h = Resolution;
        bool converged = true;
        Span<double> y = stackalloc double[TSystem.Dimension];
        Span<double> f = stackalloc double[TSystem.Dimension];

        if (iteration)
        {
            for (int j = 0; j < state.Length; j++) state[j].AsSpan(start, n).CopyTo(_saved[j].AsSpan(start));
            for (int i = start; i < end; i++)
                if (_gapRow[i] >= 0) sent.AsSpan(_gapRow[i] * stride, stride).Clear();
        }
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            Span<double> input = context.Ring.Row(step, ChannelBase, channels * Count);
            int rowStart = lag * instant.Channels;
            for (int i = start; i < end; i++)
            {
                ref readonly TConstants c = ref sets[setOfNode[i]];
                for (int j = 0; j < y.Length; j++) y[j] = state[j][i];
                var system = TConstants.SystemOf(c);
                system.IStim = CurrentInput(i);
                system.Gap = GapJunctionInput.Read(instantData, rowStart, 0, gapFirst, Count, order, i);
                double y0 = y[YV], f0 = 0.0;
                if (iteration && order == 3)
                {
                    system.Derivatives(0.0, y, f);
                    f0 = h * f[YV];
                }
                double vBefore = y[YV];
                EvolveOverStep(thread, i, ref system, TConstants.ControlOf(c), y);
                TConstants.AddSpikes(c, y, input[spikesEx + i], input[spikesIn + i]);
                if (iteration)
                {
                    ref double last = ref _lastValues[i * minDelay + lag];
                    if (Math.Abs(y[YV] - last) > tolerance) converged = false;
                    last = y[YV];
                    if (_gapRow[i] >= 0)
                    {
                        double f1 = 0.0;
                        if (order == 3)
                        {
                            system.Derivatives(h, y, f);
                            f1 = h * f[YV];
                        }
                        GapJunctionInput.Interpolate(sent.AsSpan(_gapRow[i] * stride + lag * perStep, perStep), order, y0, y[YV], f0, f1);
                    }
                }
                else
                {
                    if (HhGates.PeakPassed(ref refractory[i], TConstants.RefractoryStepsOf(c), y[YV], vBefore, TConstants.ThresholdOf(c)))
                        spikes.Add(lag, IdOf(i));
                    CurrentInput(i) = input[currents + i];
                }
                for (int j = 0; j < y.Length; j++) state[j][i] = y[j];
            }
            if (!iteration)
            {
                for (int channel = 0; channel < channels; channel++) input.Slice(channel * Count + start, n).Clear();
                RecordSamples(thread, step);
            }
        }
        if (iteration)
        {
            for (int j = 0; j < state.Length; j++) _saved[j].AsSpan(start, n).CopyTo(state[j].AsSpan(start));
        }
        else
        {
            // NEST's constant extrapolation for the next slice: the final V_m for every step updated, zero elsewhere.
            for (int i = start; i < end; i++)
            {
                if (_gapRow[i] >= 0)
                {
                    var row = sent.AsSpan(_gapRow[i] * stride, stride);
                    row.Clear();
                    for (int lag = from; lag < to; lag++) row[lag * perStep] = vm[i];
                }
                _lastValues.AsSpan(i * minDelay, minDelay).Clear();
            }
        }
        GapJunctionInput.Clear(instant, gapFirst, Count, start, end);
        return converged;
    }

    // ---------------------------------------------------------------- checkpoint

    /// <summary>A restored checkpoint's gap input for the next slice (per node by id: steps, then inputs), until the next Prepare.</summary>
    private (double[] Values, bool[] Restored, int Steps)? _restoredGap;

    private SliceInput? _instant;

    /// <summary>Besides the inner step sizes and current inputs: the gap input delivered for the next slice (it lies outside the input ring).</summary>
    protected override void SaveModelState(CheckpointWriter writer)
    {
        base.SaveModelState(writer);
        var instant = _instant;
        int steps = instant is null || instant.Data.Length == 0 ? 0 : instant.Steps;
        writer.Write(steps);
        if (steps == 0) return;
        const int Inputs = GapJunctionInput.WeightsOffset + 1;
        int first = ChannelOf(_gap.First);
        var values = new double[Count * steps * Inputs];
        for (int local = 0, k = 0; local < Count; local++)
        {
            int position = PositionOf(local);
            for (int lag = 0; lag < steps; lag++)
                for (int input = 0; input < Inputs; input++) values[k++] = instant!.Data[(long)lag * instant.Channels + first + input * Count + position];
        }
        writer.Write(values);
    }

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        base.RestoreModelState(reader, context);
        int steps = reader.ReadInt();
        if (steps == 0) return;
        var values = reader.ReadDoubles();
        var restored = new bool[Count];
        for (int local = 0; local < Count; local++) restored[local] = Restores(local);
        _restoredGap = (values, restored, steps);
    }

    /// <summary>At Prepare: remembers the kernel's input of events without delay and, after a restore, puts the gap input back into it.</summary>
    private void PlaceRestoredGapInput(SliceInput instant)
    {
        _instant = instant;
        if (_restoredGap is not { } restored) return;
        _restoredGap = null;
        if (instant.Data.Length == 0 || instant.Steps != restored.Steps) return;
        const int Inputs = GapJunctionInput.WeightsOffset + 1;
        int first = ChannelOf(_gap.First);
        for (int local = 0, k = 0; local < Count; local++)
        {
            int position = PositionOf(local);
            for (int lag = 0; lag < restored.Steps; lag++)
            {
                for (int input = 0; input < Inputs; input++, k++)
                    if (restored.Restored[local]) instant.Data[(long)lag * instant.Channels + first + input * Count + position] = restored.Values[k];
            }
        }
    }
}
