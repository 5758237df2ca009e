namespace NestSharp.Models.Neurons;

/// <summary>
/// The grid step a <see cref="Rkf45NeuronGroup{TConstants, TSystem}"/> is integrating, as the model's bookkeeping sees
/// it: its lag in the slice, its index, the time at its end, and the input that arrived for it.
/// </summary>
/// <param name="lag">The step's position in the current slice.</param>
/// <param name="index">The step's index since the start of the simulation.</param>
/// <param name="end">The time at the end of the step (ms).</param>
/// <param name="input">The group's input row of the step, channel c of node i at c · <paramref name="nodes"/> + i.</param>
/// <param name="nodes">The number of nodes of the group.</param>
internal readonly ref struct GridStep(int lag, long index, double end, ReadOnlySpan<double> input, int nodes)
{
    private readonly ReadOnlySpan<double> _input = input;
    private readonly int _nodes = nodes;

    public int Lag { get; } = lag;

    public long Index { get; } = index;

    /// <summary>The time at the end of the step (ms), as NEST's Time::get_ms of step + 1.</summary>
    public double End { get; } = end;

    /// <summary>What arrived on input <paramref name="channel"/> of node <paramref name="node"/> for this step.</summary>
    public double Input(InputChannel channel, int node) => _input[channel.Index * _nodes + node];

    /// <summary>What arrived on input <paramref name="channel"/> of nodes <paramref name="first"/> .. + 3, one per lane.</summary>
    public Vector256<double> Inputs(InputChannel channel, int first) => Vector256.Create(_input.Slice(channel.Index * _nodes + first, Lanes.Count));
}

/// <summary>
/// The ODE system of a model integrated by <see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>: a right-hand side that
/// takes the current input of the grid step as a parameter (NEST's I_stim_), which the group sets for each node.
/// </summary>
internal interface ICurrentDrivenOdeSystem : IFixedDimensionOdeSystem
{
    /// <summary>The current input of this step (pA).</summary>
    double IStim { set; }
}

/// <summary>
/// The constants of one parameter row of a model integrated by <see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>,
/// as the group begins a grid step of a node from them: the row's system, which the group copies and gives the node's
/// current input, and the row's error control.
/// </summary>
internal interface IRkf45Row<TSelf, TSystem>
    where TSelf : struct, IRkf45Row<TSelf, TSystem>
    where TSystem : struct, ICurrentDrivenOdeSystem
{
    /// <summary>The system of the row <paramref name="row"/>.</summary>
    static abstract ref readonly TSystem SystemOf(in TSelf row);

    /// <summary>The error control of the row <paramref name="row"/>.</summary>
    static abstract ErrorControl ControlOf(in TSelf row);
}

/// <summary>
/// What a model integrated by <see cref="Rkf45NeuronGroup{TConstants, TSystem}"/> does around the integration of one
/// node over one grid step. Implemented by a struct, so that its calls are resolved at compile time like those of the
/// ODE system; implementations mark their methods for inlining into the update loop. A model that also acts between
/// the inner steps implements <see cref="IInnerStepBookkeeping{TConstants, TSystem}"/>.
/// </summary>
internal interface IGridStepBookkeeping<TConstants, TSystem>
    where TConstants : struct, IRkf45Row<TConstants, TSystem>
    where TSystem : struct, ICurrentDrivenOdeSystem
{
    /// <summary>
    /// Before the step, on the system that integrates <paramref name="node"/> over it (its row's system with the
    /// node's current input of the step): sets what the system reads of the node's discrete state, if anything.
    /// </summary>
    void Begin(int node, in TConstants constants, ref TSystem system);

    /// <summary>After the grid step is covered, before <paramref name="y"/> is stored as the node's state.</summary>
    void End(int node, in TConstants constants, Span<double> y, in GridStep step);
}

/// <summary>
/// The bookkeeping of a model integrated four nodes at a time in the SIMD lanes of <typeparamref name="TLanes"/>
/// (<see cref="Rkf45NeuronGroup{TConstants, TSystem}.IntegrateInLanes"/>): besides the node by node
/// <see cref="IGridStepBookkeeping{TConstants, TSystem}.Begin"/>, a begin for four neighbours that share their constants.
/// </summary>
internal interface ILaneBookkeeping<TConstants, TSystem, TLanes> : IGridStepBookkeeping<TConstants, TSystem>
    where TConstants : struct, IRkf45Row<TConstants, TSystem>
    where TSystem : struct, ICurrentDrivenOdeSystem
    where TLanes : struct, ILaneOdeSystem<TSystem>
{
    /// <summary>
    /// Before the step, on the lane systems of nodes <paramref name="first"/> .. + 3, which share
    /// <paramref name="constants"/> (the row's system in every lane with the lane's current input): sets what
    /// <see cref="IGridStepBookkeeping{TConstants, TSystem}.Begin"/> of node first + l sets in lane l, if anything.
    /// </summary>
    void BeginLanes(int first, in TConstants constants, ref TLanes lanes);

    /// <summary>
    /// <see cref="IGridStepBookkeeping{TConstants, TSystem}.End"/> of nodes <paramref name="first"/> .. + 3, which
    /// share <paramref name="constants"/>, on their lanes of <paramref name="y"/>: lane l ends exactly as node first + l
    /// does alone, and the nodes' events happen in the order of the nodes.
    /// </summary>
    void EndLanes(int first, in TConstants constants, Span<Vector256<double>> y, in GridStep step);
}

/// <summary>
/// The bookkeeping of a model that also acts around each inner step of the integration (the aeif models: spike, reset
/// and refractoriness within the step).
/// </summary>
internal interface IInnerStepBookkeeping<TConstants, TSystem> : IGridStepBookkeeping<TConstants, TSystem>
    where TConstants : struct, IRkf45Row<TConstants, TSystem>
    where TSystem : struct, ICurrentDrivenOdeSystem
{
    /// <summary>Before each inner step: sets what the system reads of the node's discrete state.</summary>
    void BeforeInnerStep(int node, ref TSystem system);

    /// <summary>After each accepted inner step (<paramref name="first"/> for the first of the grid step).</summary>
    void AfterInnerStep(int node, in TConstants constants, Span<double> y, bool first, in GridStep step);
}

/// <summary>
/// Base of neuron models whose state is integrated over each grid step h by adaptive embedded Runge-Kutta-Fehlberg
/// 4(5) steps, as NEST's models on GSL's rkf45 stepper do (gsl_odeiv_evolve_apply until the step is covered; see
/// <see cref="Rkf45Integrator"/>). It keeps one integrator per virtual process, the constants of each distinct
/// parameter row (<typeparamref name="TConstants"/>), and per node the buffers of NEST's models: the inner step size,
/// which starts at h on the node's first run and carries over from step to step (IntegrationStep_), and the current
/// input of the step, which is what arrived on the current channel in the step before (I_stim_, 0 in the first step).
/// For every step of the slice and every node of the thread's chunk, <see cref="Integrate"/> does, with the model's
/// bookkeeping B:
/// <code>
/// y ← the node's state (component j from IntegratedState[j])
/// system ← the row's system with the node's current input;   B.Begin(system);   t ← 0
/// while t &lt; h:  B.BeforeInnerStep;  one accepted inner step from t towards h;  B.AfterInnerStep
/// B.End;   the node's state ← y;   current input ← what arrived on the current channel in this step
/// </code>
/// and then clears the chunk's input of the step on all channels and lets the multimeters sample.
/// </summary>
/// <typeparam name="TConstants">What the model computes once per run from a parameter row.</typeparam>
/// <typeparam name="TSystem">The model's ODE system (its right-hand side for one node's constants and input).</typeparam>
internal abstract class Rkf45NeuronGroup<TConstants, TSystem> : NeuronGroup
    where TConstants : struct, IRkf45Row<TConstants, TSystem>
    where TSystem : struct, ICurrentDrivenOdeSystem
{
    private readonly InputChannel _currentInput;

    /// <summary>Per node: the inner step size to try next (ms), 0 until the node's first run.</summary>
    private readonly double[] _innerStep;

    /// <summary>Per node: the current input of the step (pA), what arrived on the current channel in the step before.</summary>
    private readonly double[] _current;

    private Rkf45Integrator[] _integrators = [];

    private Rkf45LaneIntegrator[] _laneIntegrators = [];

    /// <param name="model">The node model the group is an instance of.</param>
    /// <param name="firstId">The node id of the group's first node.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's declared parameters, state, inputs and recordables.</param>
    /// <param name="currentInput">The input whose current takes effect in the next step.</param>
    protected Rkf45NeuronGroup(NodeModel model, int firstId, int count, NeuronSchema schema, InputChannel currentInput)
        : base(model, firstId, count, schema)
    {
        _currentInput = currentInput;
        _innerStep = new double[count];
        _current = new double[count];
    }

    /// <summary>Writes each node's next inner step size and its current input of the coming step.</summary>
    protected override void SaveModelState(CheckpointWriter writer)
    {
        WriteInIdOrder(writer, _innerStep);
        WriteInIdOrder(writer, _current);
    }

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        ReadInIdOrder(reader, _innerStep);
        ReadInIdOrder(reader, _current);
    }

    /// <summary>The arrays the integrated state is kept in, in the order of the state vector (set by the constructor).</summary>
    protected double[][] IntegratedState { get; init; } = [];

    /// <summary>The constants of each distinct parameter row, built by the model before a run.</summary>
    protected PropagatorSets<TConstants> ParameterSets { get; } = new();

    /// <summary>The grid step h (ms) of the run.</summary>
    protected double Resolution { get; private set; }

    /// <summary>
    /// Before a run: sets h, makes the integrators of the virtual processes and starts the inner step size of nodes on
    /// their first run at h (NEST's init_buffers_).
    /// </summary>
    protected void PrepareIntegration(SimulationContext context, double resolution)
    {
        if (IntegratedState.Length != TSystem.Dimension)
            throw new InvalidOperationException($"{Model.Name} keeps {IntegratedState.Length} state arrays for {TSystem.Dimension} equations.");
        Resolution = resolution;
        if (_integrators.Length != context.VirtualProcesses)
        {
            _integrators = Enumerable.Range(0, context.VirtualProcesses).Select(_ => new Rkf45Integrator(TSystem.Dimension)).ToArray();
            _laneIntegrators = Enumerable.Range(0, context.VirtualProcesses).Select(_ => new Rkf45LaneIntegrator(TSystem.Dimension)).ToArray();
        }
        for (int i = 0; i < Count; i++)
            if (_innerStep[i] == 0.0) _innerStep[i] = resolution;
    }

    /// <summary>
    /// Integrates this thread's nodes over steps [from, to) of the slice (see the class summary) with a bookkeeping that
    /// does nothing between the inner steps.
    /// </summary>
    protected void Integrate<TBookkeeping>(TBookkeeping bookkeeping, SimulationContext context, int thread, long sliceStart, int from, int to)
        where TBookkeeping : struct, IGridStepBookkeeping<TConstants, TSystem> =>
        IntegrateWithInnerSteps(new WithoutInnerSteps<TBookkeeping>(bookkeeping), context, thread, sliceStart, from, to);

    /// <summary>Integrates this thread's nodes over steps [from, to) of the slice (see the class summary).</summary>
    protected void IntegrateWithInnerSteps<TBookkeeping>(TBookkeeping bookkeeping, SimulationContext context, int thread, long sliceStart, int from, int to)
        where TBookkeeping : struct, IInnerStepBookkeeping<TConstants, TSystem>
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        int n = end - start, channels = ChannelsPerNode;
        var integrator = _integrators[thread];
        var time = context.Time;
        Span<double> y = stackalloc double[TSystem.Dimension];

        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            Span<double> input = context.Ring.Row(step, ChannelBase, channels * Count);
            var gridStep = new GridStep(lag, step, time.StepToMs(step + 1), input, Count);
            for (int i = start; i < end; i++) StepNode(ref bookkeeping, integrator, i, y, gridStep);
            for (int channel = 0; channel < channels; channel++) input.Slice(channel * Count + start, n).Clear();
            RecordSamples(thread, step);
        }
    }

    /// <summary>Integrates node <paramref name="i"/> over one grid step (see the class summary), alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StepNode<TBookkeeping>(ref TBookkeeping bookkeeping, Rkf45Integrator integrator, int i, Span<double> y, in GridStep gridStep)
        where TBookkeeping : struct, IInnerStepBookkeeping<TConstants, TSystem>
    {
        double h = Resolution;
        double[][] state = IntegratedState;
        ref readonly TConstants c = ref ParameterSets.Sets[ParameterSets.SetOfNode[i]];
        for (int j = 0; j < y.Length; j++) y[j] = state[j][i];

        var system = SystemOf(c, _current[i], out var control);
        bookkeeping.Begin(i, c, ref system);
        double t = 0.0, innerStep = _innerStep[i];
        bool first = true;
        while (t < h)
        {
            bookkeeping.BeforeInnerStep(i, ref system);
            integrator.Evolve(ref system, control, ref t, h, ref innerStep, y);
            bookkeeping.AfterInnerStep(i, c, y, first, gridStep);
            first = false;
        }
        _innerStep[i] = innerStep;

        bookkeeping.End(i, c, y, gridStep);
        for (int j = 0; j < y.Length; j++) state[j][i] = y[j];
        _current[i] = gridStep.Input(_currentInput, i);
    }

    /// <summary>
    /// For models that write their own step loop (the gap models: the gap current and waveform relaxation): covers
    /// one grid step of node <paramref name="i"/> with <paramref name="system"/> from state <paramref name="y"/>, by
    /// accepted inner steps from the node's inner step size, which carries over (NEST's IntegrationStep_).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void EvolveOverStep(int thread, int i, ref TSystem system, in ErrorControl control, Span<double> y)
    {
        var integrator = _integrators[thread];
        double h = Resolution, t = 0.0, innerStep = _innerStep[i];
        while (t < h) integrator.Evolve(ref system, control, ref t, h, ref innerStep, y);
        _innerStep[i] = innerStep;
    }

    /// <summary>The lane integrator of virtual process <paramref name="thread"/>, for models with their own step loop.</summary>
    protected Rkf45LaneIntegrator LaneIntegratorOf(int thread) => _laneIntegrators[thread];

    /// <summary>The current input of node <paramref name="i"/> in the coming step (NEST's I_stim_), for models with their own step loop.</summary>
    protected ref double CurrentInput(int i) => ref _current[i];

    /// <summary>The system of parameter row <paramref name="row"/> with the current input <paramref name="current"/> (pA), and the row's error control.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static TSystem SystemOf(in TConstants row, double current, out ErrorControl control)
    {
        control = TConstants.ControlOf(row);
        var system = TConstants.SystemOf(row);
        system.IStim = current;
        return system;
    }

    /// <summary>
    /// As <see cref="Integrate"/>, with the nodes of the thread's chunk taken four at a time, one per SIMD lane of
    /// <typeparamref name="TLanes"/> (the nodes after the last full group alone). Each lane keeps its own time, step
    /// size and accept/reject decisions, and its node gets bit for bit the state it gets when integrated alone; per
    /// lane parameters, so neighbours need not share them. A trial step is computed for the four lanes together
    /// while any lane has not covered the grid step; lanes that have are left unchanged:
    /// <code>
    /// lanes whose previous step was accepted (and not yet at h): f at the start of their step
    /// every lane short of h: a trial step of min(its step size, h - its t)   (the lanes together)
    /// per lane: rejected → retry with the smaller size; accepted → its t and y advance
    /// </code>
    /// Time, step sizes and the step-size control stay in vectors, lane masks selecting what each lane keeps. Four
    /// neighbours that share their parameter row begin and end together (<see cref="ILaneBookkeeping{TConstants, TSystem, TLanes}"/>),
    /// others node by node. For models that do nothing between the inner steps.
    /// </summary>
    protected void IntegrateInLanes<TBookkeeping, TLanes>(TBookkeeping bookkeeping, SimulationContext context, int thread, long sliceStart, int from, int to)
        where TBookkeeping : struct, ILaneBookkeeping<TConstants, TSystem, TLanes>
        where TLanes : struct, ILaneOdeSystem<TSystem>
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            Integrate(bookkeeping, context, thread, sliceStart, from, to);
            return;
        }
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        int n = end - start, channels = ChannelsPerNode;
        var integrator = _integrators[thread];
        var laneIntegrator = _laneIntegrators[thread];
        var alone = new WithoutInnerSteps<TBookkeeping>(bookkeeping); // the nodes after the last group of four
        var time = context.Time;
        Span<double> y = stackalloc double[TSystem.Dimension];
        Span<Vector256<double>> laneY = stackalloc Vector256<double>[TSystem.Dimension];

        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            Span<double> input = context.Ring.Row(step, ChannelBase, channels * Count);
            var gridStep = new GridStep(lag, step, time.StepToMs(step + 1), input, Count);
            int i = start;
            for (; i + Lanes.Count <= end; i += Lanes.Count)
                StepLanes<TBookkeeping, TLanes>(ref bookkeeping, laneIntegrator, i, laneY, y, gridStep);
            for (; i < end; i++) StepNode(ref alone, integrator, i, y, gridStep);
            for (int channel = 0; channel < channels; channel++) input.Slice(channel * Count + start, n).Clear();
            RecordSamples(thread, step);
        }
    }

    /// <summary>Integrates nodes <paramref name="first"/> .. + 3 over one grid step, one per lane (see <see cref="IntegrateInLanes"/>).</summary>
    private void StepLanes<TBookkeeping, TLanes>(ref TBookkeeping bookkeeping, Rkf45LaneIntegrator integrator, int first,
        Span<Vector256<double>> y, Span<double> laneState, in GridStep gridStep)
        where TBookkeeping : struct, ILaneBookkeeping<TConstants, TSystem, TLanes>
        where TLanes : struct, ILaneOdeSystem<TSystem>
    {
        double[][] state = IntegratedState;
        var sets = ParameterSets.Sets;
        var setOfNode = ParameterSets.SetOfNode;

        TLanes lanes;
        LaneErrorControl control;
        int set = setOfNode[first];
        bool shared = Vector128.EqualsAll(Vector128.LoadUnsafe(ref setOfNode[first]), Vector128.Create(set));
        lanes = new TLanes();
        if (shared)
        {
            ref readonly TConstants row = ref sets[set];
            lanes.LoadShared(TConstants.SystemOf(row), Vector256.LoadUnsafe(ref _current[first]));
            control = new LaneErrorControl(TConstants.ControlOf(row));
            bookkeeping.BeginLanes(first, row, ref lanes);
        }
        else
        {
            var system0 = BeginNode(ref bookkeeping, first, sets[set], out var control0);
            var system1 = BeginNode(ref bookkeeping, first + 1, sets[setOfNode[first + 1]], out var control1);
            var system2 = BeginNode(ref bookkeeping, first + 2, sets[setOfNode[first + 2]], out var control2);
            var system3 = BeginNode(ref bookkeeping, first + 3, sets[setOfNode[first + 3]], out var control3);
            lanes.Load(system0, system1, system2, system3);
            control = new LaneErrorControl(control0, control1, control2, control3);
        }
        for (int j = 0; j < y.Length; j++) y[j] = Vector256.LoadUnsafe(ref state[j][first]);
        CoverStepInLanes(integrator, ref lanes, control, first, y);
        if (shared)
        {
            bookkeeping.EndLanes(first, sets[set], y, gridStep);
            for (int j = 0; j < y.Length; j++) y[j].StoreUnsafe(ref state[j][first]);
            gridStep.Inputs(_currentInput, first).StoreUnsafe(ref _current[first]);
            return;
        }
        for (int lane = 0; lane < Lanes.Count; lane++)
        {
            int node = first + lane;
            for (int j = 0; j < y.Length; j++) laneState[j] = y[j].GetElement(lane);
            bookkeeping.End(node, sets[setOfNode[node]], laneState, gridStep);
            for (int j = 0; j < y.Length; j++) state[j][node] = laneState[j];
            _current[node] = gridStep.Input(_currentInput, node);
        }
    }

    /// <summary>
    /// Covers one grid step of nodes <paramref name="first"/> .. + 3 with <paramref name="lanes"/> from their states
    /// <paramref name="y"/> (one per lane), by accepted inner steps from each node's inner step size, which carries
    /// over (NEST's IntegrationStep_): each lane keeps its own time, step size and accept/reject decisions (see
    /// <see cref="IntegrateInLanes"/>), and ends with the state the node gets when stepped alone.
    /// </summary>
    protected void CoverStepInLanes<TLanes>(Rkf45LaneIntegrator integrator, ref TLanes lanes, in LaneErrorControl control, int first,
        Span<Vector256<double>> y)
        where TLanes : struct, ILaneOdeSystem<TSystem>
    {
        const int AllLanes = (1 << Lanes.Count) - 1;

        // Per lane: the time reached in the grid step and the step size to try next. The lanes that have not covered h
        // (a mask and its bits), and those at the start of an adaptive step.
        var end = Vector256.Create(Resolution);
        Vector256<double> t = Vector256<double>.Zero, stepSize = Vector256.LoadUnsafe(ref _innerStep[first]);
        var active = Vector256<double>.AllBitsSet;
        int activeLanes = AllLanes, starting = AllLanes;
        while (true)
        {
            if (starting != 0)
            {
                var forward = Vector256.GreaterThan(end - t, Vector256<double>.Zero) & Vector256.GreaterThan(stepSize, Vector256<double>.Zero);
                if ((starting & ~Lanes.BitsOf(forward)) != 0) RequireForward(end - t, stepSize, starting);
                integrator.Start<TSystem, TLanes>(ref lanes, t, y, starting);
            }

            // Each lane tries min(its step size, h - its t); the clipped trial is the final one and ends at h exactly.
            var remaining = end - t;
            var final = Vector256.GreaterThan(stepSize, remaining);
            var trial = Vector256.ConditionalSelect(final, remaining, stepSize);
            var worst = integrator.Try<TSystem, TLanes>(ref lanes, control, t, trial, y, activeLanes);
            var tEnd = Vector256.ConditionalSelect(final, end, t + trial);
            var next = Rkf45LaneIntegrator.RejectOrRescale(worst, tEnd, trial, active, out var rejected);
            stepSize = Vector256.ConditionalSelect(active, next, stepSize);

            var accepted = Vector256.AndNot(active, rejected);
            int acceptedLanes = Lanes.BitsOf(accepted);
            if (acceptedLanes == 0)
            {
                starting = 0;
                continue;
            }
            t = Vector256.ConditionalSelect(accepted, tEnd, t);
            var solution = integrator.Solution;
            for (int j = 0; j < y.Length; j++) y[j] = Vector256.ConditionalSelect(accepted, solution[j], y[j]);

            int shortOfH = Lanes.BitsOf(Vector256.LessThan(t, end));
            starting = acceptedLanes & shortOfH;
            activeLanes &= ~(acceptedLanes & ~shortOfH);
            if (activeLanes == 0) break;
            active = Lanes.MaskOf(activeLanes);
        }
        stepSize.StoreUnsafe(ref _innerStep[first]);
    }

    /// <summary>The system of node <paramref name="node"/> for the step, begun by <paramref name="bookkeeping"/>, and its error control.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TSystem BeginNode<TBookkeeping>(ref TBookkeeping bookkeeping, int node, in TConstants row, out ErrorControl control)
        where TBookkeeping : struct, IGridStepBookkeeping<TConstants, TSystem>
    {
        var system = SystemOf(row, _current[node], out control);
        bookkeeping.Begin(node, row, ref system);
        return system;
    }

    /// <summary>Fails as <see cref="Rkf45Integrator.RequireForward"/> for the first of the lanes in <paramref name="starting"/> that does not integrate forward.</summary>
    private static void RequireForward(Vector256<double> remaining, Vector256<double> stepSize, int starting)
    {
        for (int lane = 0; lane < Lanes.Count; lane++)
            if ((starting & (1 << lane)) != 0) Rkf45Integrator.RequireForward(remaining.GetElement(lane), stepSize.GetElement(lane));
    }

    /// <summary>A grid-step bookkeeping with nothing to do between the inner steps (a struct, compiled per model).</summary>
    private struct WithoutInnerSteps<TBookkeeping>(TBookkeeping bookkeeping) : IInnerStepBookkeeping<TConstants, TSystem>
        where TBookkeeping : struct, IGridStepBookkeeping<TConstants, TSystem>
    {
        private TBookkeeping _bookkeeping = bookkeeping;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Begin(int node, in TConstants constants, ref TSystem system) => _bookkeeping.Begin(node, constants, ref system);

        public readonly void BeforeInnerStep(int node, ref TSystem system) { }

        public readonly void AfterInnerStep(int node, in TConstants constants, Span<double> y, bool first, in GridStep step) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in TConstants constants, Span<double> y, in GridStep step) => _bookkeeping.End(node, constants, y, step);
    }
}
