using NestSharp.Models.Synapses;

namespace NestSharp.Models.Neurons;

/// <summary>
/// The ODE system of a model integrated by <see cref="GapRkf45NeuronGroup{TConstants, TSystem, TLanes}"/>: besides the current
/// input of the step, the gap current of the step, which the group sets for each node.
/// </summary>
internal interface IGapDrivenOdeSystem : ICurrentDrivenOdeSystem
{
    /// <summary>The gap input of the step being integrated.</summary>
    GapCurrent Gap { set; }
}

/// <summary>
/// The right-hand side of a gap model for four nodes, one per SIMD lane (<see cref="ILaneOdeSystem{TSystem}"/>), with
/// each lane's gap current of the step, which the group sets; it depends on the time within the step.
/// </summary>
internal interface IGapDrivenLaneOdeSystem<TSystem> : ILaneOdeSystem<TSystem> where TSystem : struct, IGapDrivenOdeSystem
{
    /// <summary>The gap input of the step being integrated, lane l that of node l.</summary>
    LaneGapCurrent Gap { set; }
}

/// <summary>
/// Base of NEST's Hodgkin-Huxley models with gap junctions (hh_psc_alpha_gap, hh_cond_beta_gap_traub), whose update_
/// NEST writes the same way: each step h of node i integrated by adaptive Runge-Kutta-Fehlberg 4(5) steps with the gap
/// current of <see cref="GapJunctionInput"/> in the right-hand side (V_m is component 0 of the state), then, in this
/// order: the spikes arriving in the step added to the synapses (the model's
/// <see cref="IHhLaneRow{TSelf, TSystem}.AddSpikes(in TSelf, Span{double}, double, double)"/>; positive weights excitatory, the others inhibitory); a
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
/// <para>The nodes of a thread are integrated four at a time in the SIMD lanes of <typeparamref name="TLanes"/> (the
/// nodes after the last group of four alone), each lane with its own inner steps and bit for bit the state its node
/// gets alone (<see cref="Rkf45NeuronGroup{TConstants, TSystem}.CoverStepInLanes"/>); what follows the integration
/// (spikes in, the relaxation's bookkeeping, spike detection) is done node by node in the order of the nodes.</para>
/// </summary>
/// <typeparam name="TConstants">What the model computes once per run from a parameter row.</typeparam>
/// <typeparam name="TSystem">The model's ODE system (its right-hand side for one node's constants, current and gap input).</typeparam>
/// <typeparam name="TLanes">The same right-hand side for four nodes, one per SIMD lane.</typeparam>
internal abstract class GapRkf45NeuronGroup<TConstants, TSystem, TLanes> : Rkf45NeuronGroup<TConstants, TSystem>, IGapJunctionNode
    where TConstants : struct, IHhLaneRow<TConstants, TSystem>
    where TSystem : struct, IGapDrivenOdeSystem
    where TLanes : struct, IGapDrivenLaneOdeSystem<TSystem>
{
    /// <summary>The position of V_m in the integrated state vector.</summary>
    private const int YV = 0;

    private readonly SignedSpikeAndCurrentInputs _inputs;
    private readonly GapJunctionInput _gap;
    private readonly Column _refractorySteps;

    private SecondaryEventBuffer? _gapOut;
    private int[] _gapRow = [];
    private int _order;

    /// <summary>The steps of a slice (min_delay in steps) in this run.</summary>
    private int _minDelay;

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
        _minDelay = minDelay;
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
        int n = end - start, channels = ChannelsPerNode, minDelay = context.MinDelaySteps, perStep = _order + 1;
        var instant = context.Secondary.Instant;
        double[] sent = _gapOut?.Sent ?? [];
        int stride = _gapOut?.ValuesPerSlice ?? 0;
        double[][] state = IntegratedState;
        double[] vm = state[YV];
        bool converged = true;
        bool inLanes = Vector256.IsHardwareAccelerated;
        var laneIntegrator = LaneIntegratorOf(thread);
        Span<double> y = stackalloc double[TSystem.Dimension];
        Span<double> f = stackalloc double[TSystem.Dimension];
        Span<Vector256<double>> laneY = stackalloc Vector256<double>[TSystem.Dimension];
        Span<Vector256<double>> laneF = stackalloc Vector256<double>[TSystem.Dimension];

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
            var gridStep = new GapStep(lag, instant.Data, lag * instant.Channels, input, iteration, tolerance, context.SpikesOfVp[thread]);
            int i = start;
            if (inLanes)
            {
                for (; i + Lanes.Count <= end; i += Lanes.Count)
                    converged &= StepLanes(laneIntegrator, i, gridStep, laneY, laneF, y);
            }
            for (; i < end; i++) converged &= StepNode(thread, i, gridStep, y, f);
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
        GapJunctionInput.Clear(instant, ChannelOf(_gap.First), Count, start, end);
        return converged;
    }

    /// <summary>The grid step being updated or iterated, as the node steps read it.</summary>
    /// <param name="Lag">The step's position in the slice.</param>
    /// <param name="Instant">The kernel's input of events without delay (the gap input), empty without gap junctions.</param>
    /// <param name="GapRow">The start of the step's row in it.</param>
    /// <param name="Input">The group's input row of the step in the ring.</param>
    /// <param name="Iteration">Whether this is an iteration of the waveform relaxation (else the update).</param>
    /// <param name="Tolerance">The relaxation's tolerance on V_m (mV).</param>
    /// <param name="Spikes">The spikes of the thread.</param>
    private readonly ref struct GapStep(int Lag, double[] Instant, int GapRow, Span<double> Input, bool Iteration, double Tolerance, SpikeBuffer Spikes)
    {
        public int Lag { get; } = Lag;

        public double[] Instant { get; } = Instant;

        public int GapRow { get; } = GapRow;

        public Span<double> Input { get; } = Input;

        public bool Iteration { get; } = Iteration;

        public double Tolerance { get; } = Tolerance;

        public SpikeBuffer Spikes { get; } = Spikes;
    }

    /// <summary>
    /// NEST's update_ of node <paramref name="i"/> over one grid step, alone: the integration with the node's current
    /// and gap input, then <see cref="AfterIntegration"/>. Returns whether the node's V_m converged (iterations).
    /// </summary>
    private bool StepNode(int thread, int i, in GapStep step, Span<double> y, Span<double> f)
    {
        double[][] state = IntegratedState;
        ref readonly TConstants c = ref ParameterSets.Sets[ParameterSets.SetOfNode[i]];
        for (int j = 0; j < y.Length; j++) y[j] = state[j][i];
        var system = SystemOf(c, CurrentInput(i), out var control);
        system.Gap = GapJunctionInput.Read(step.Instant, step.GapRow, 0, ChannelOf(_gap.First), Count, _order, i);
        double y0 = y[YV], f0 = 0.0, f1 = 0.0, h = Resolution;
        bool cubic = step.Iteration && _order == 3;
        if (cubic)
        {
            system.Derivatives(0.0, y, f);
            f0 = h * f[YV];
        }
        EvolveOverStep(thread, i, ref system, control, y);
        TConstants.AddSpikes(c, y, step.Input[_inputs.SpikesEx.Index * Count + i], step.Input[_inputs.SpikesIn.Index * Count + i]);
        if (cubic && _gapRow[i] >= 0)
        {
            system.Derivatives(h, y, f);
            f1 = h * f[YV];
        }
        bool converged = AfterIntegration(i, c, step, y0, y[YV], f0, f1);
        for (int j = 0; j < y.Length; j++) state[j][i] = y[j];
        return converged;
    }

    /// <summary>
    /// NEST's update_ of nodes <paramref name="first"/> .. + 3 over one grid step, one per SIMD lane: what
    /// <see cref="StepNode"/> does for each, the right-hand sides (integration and the cubic interpolation's
    /// derivatives) in the lanes, the rest node by node.
    /// </summary>
    private bool StepLanes(Rkf45LaneIntegrator integrator, int first, in GapStep step, Span<Vector256<double>> y, Span<Vector256<double>> f,
        Span<double> node)
    {
        const int AllLanes = (1 << Lanes.Count) - 1;
        double[][] state = IntegratedState;
        var sets = ParameterSets.Sets;
        var setOfNode = ParameterSets.SetOfNode;
        int set = setOfNode[first];
        bool shared = Vector128.EqualsAll(Vector128.LoadUnsafe(ref setOfNode[first]), Vector128.Create(set));
        var lanes = new TLanes();
        LaneErrorControl control;
        if (shared)
        {
            ref readonly TConstants row = ref sets[set];
            lanes.LoadShared(TConstants.SystemOf(row), Vector256.LoadUnsafe(ref CurrentInput(first)));
            control = new LaneErrorControl(TConstants.ControlOf(row));
        }
        else
        {
            var system0 = SystemOf(sets[set], CurrentInput(first), out var control0);
            var system1 = SystemOf(sets[setOfNode[first + 1]], CurrentInput(first + 1), out var control1);
            var system2 = SystemOf(sets[setOfNode[first + 2]], CurrentInput(first + 2), out var control2);
            var system3 = SystemOf(sets[setOfNode[first + 3]], CurrentInput(first + 3), out var control3);
            lanes.Load(system0, system1, system2, system3);
            control = new LaneErrorControl(control0, control1, control2, control3);
        }
        lanes.Gap = GapJunctionInput.ReadLanes(step.Instant, step.GapRow, 0, ChannelOf(_gap.First), Count, _order, first);
        for (int j = 0; j < y.Length; j++) y[j] = Vector256.LoadUnsafe(ref state[j][first]);

        var h = Vector256.Create(Resolution);
        Vector256<double> y0 = y[YV], f0 = default, f1 = default;
        bool cubic = step.Iteration && _order == 3;
        if (cubic)
        {
            lanes.Derivatives(Vector256<double>.Zero, y, f, AllLanes);
            f0 = h * f[YV];
        }
        CoverStepInLanes(integrator, ref lanes, control, first, y);
        var spikesEx = Vector256.Create(step.Input.Slice(_inputs.SpikesEx.Index * Count + first, Lanes.Count));
        var spikesIn = Vector256.Create(step.Input.Slice(_inputs.SpikesIn.Index * Count + first, Lanes.Count));
        if (shared)
        {
            TConstants.AddSpikes(sets[set], y, spikesEx, spikesIn);
        }
        else
        {
            for (int lane = 0; lane < Lanes.Count; lane++)
            {
                for (int j = 0; j < y.Length; j++) node[j] = y[j].GetElement(lane);
                TConstants.AddSpikes(sets[setOfNode[first + lane]], node, spikesEx.GetElement(lane), spikesIn.GetElement(lane));
                for (int j = 0; j < y.Length; j++) Lanes.Element(ref y[j], lane) = node[j];
            }
        }
        if (cubic)
        {
            lanes.Derivatives(h, y, f, AllLanes);
            f1 = h * f[YV];
        }
        bool converged = true;
        for (int lane = 0; lane < Lanes.Count; lane++)
        {
            int i = first + lane;
            converged &= AfterIntegration(i, sets[setOfNode[i]], step, y0.GetElement(lane), y[YV].GetElement(lane), f0.GetElement(lane), f1.GetElement(lane));
        }
        for (int j = 0; j < y.Length; j++) y[j].StoreUnsafe(ref state[j][first]);
        return converged;
    }

    /// <summary>
    /// What follows node <paramref name="i"/>'s integration over the step (the spikes of the step already added), from
    /// its V_m at the start <paramref name="v0"/> and end <paramref name="v1"/> and the scaled derivatives of V_m there
    /// (<paramref name="f0"/>, <paramref name="f1"/>, cubic interpolation only). In an iteration: the convergence
    /// check against the last iteration and the coefficients sent to the node's gap junctions; returns whether V_m
    /// moved by at most the tolerance. In the update: refractoriness and spike detection, and the current input of
    /// the next step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AfterIntegration(int i, in TConstants c, in GapStep step, double v0, double v1, double f0, double f1)
    {
        if (step.Iteration)
        {
            ref double last = ref _lastValues[i * _minDelay + step.Lag];
            bool converged = !(Math.Abs(v1 - last) > step.Tolerance);
            last = v1;
            if (_gapRow[i] >= 0)
            {
                int perStep = _order + 1;
                GapJunctionInput.Interpolate(_gapOut!.Sent.AsSpan(_gapRow[i] * _gapOut.ValuesPerSlice + step.Lag * perStep, perStep), _order, v0, v1, f0, f1);
            }
            return converged;
        }
        if (HhGates.PeakPassed(ref this[_refractorySteps][i], TConstants.RefractoryStepsOf(c), v1, v0, TConstants.ThresholdOf(c)))
            step.Spikes.Add(step.Lag, IdOf(i));
        CurrentInput(i) = step.Input[_inputs.Currents.Index * Count + i];
        return true;
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
