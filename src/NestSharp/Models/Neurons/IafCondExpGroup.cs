namespace NestSharp.Models.Neurons;

/// <summary>
/// The system of one node (and the constants of a parameter row, the row being its own system, with the membrane's
/// error control) of a model that <see cref="IafCondExpGroup{TRow, TLanes}"/> steps: iaf_cond_exp and
/// iaf_cond_exp_sfa_rr, whose state vector begins with V_m, g_ex, g_in.
/// </summary>
/// <typeparam name="TSelf">The system.</typeparam>
internal interface IIafCondExpRow<TSelf> : IRkf45Row<TSelf, TSelf>, ICurrentDrivenOdeSystem
    where TSelf : struct, IIafCondExpRow<TSelf>
{
    static ref readonly TSelf IRkf45Row<TSelf, TSelf>.SystemOf(in TSelf row) => ref row;

    static ErrorControl IRkf45Row<TSelf, TSelf>.ControlOf(in TSelf row) => IafCondMembrane.Control;

    /// <summary>The membrane's constants of <paramref name="row"/>.</summary>
    static abstract ref readonly IafCondMembrane.Constants MembraneOf(in TSelf row);

    /// <summary>Whether the node is refractory in this step.</summary>
    bool Refractory { set; }

    /// <summary>What a spike does to the node's state <paramref name="y"/> besides the membrane's reset (nothing unless the model says).</summary>
    static virtual void AfterSpike(in TSelf row, Span<double> y) { }

    /// <summary><see cref="AfterSpike(in TSelf, Span{double})"/> in the lanes that fired (bit l for lane l), in lane order.</summary>
    static virtual void AfterSpike(in TSelf row, Span<Vector256<double>> y, int fired) { }
}

/// <summary>The system of four nodes of a model that <see cref="IafCondExpGroup{TRow, TLanes}"/> steps.</summary>
/// <typeparam name="TSystem">The model's system of one node.</typeparam>
internal interface IIafCondExpLanes<TSystem> : ILaneOdeSystem<TSystem> where TSystem : struct, IFixedDimensionOdeSystem
{
    /// <summary>Which lanes are refractory in this step (all bits set in those lanes).</summary>
    Vector256<double> Refractory { set; }
}

/// <summary>
/// What the node groups of iaf_cond_exp and iaf_cond_exp_sfa_rr share around their dynamics: NEST's checks of the
/// membrane, checkpoints, the rows of constants (the membrane's and the model's own, <see cref="RowOf"/>) and the
/// update, four nodes at a time in SIMD lanes where they can. Around the integration of a step: refractoriness into
/// the system before; after, the step's spikes into g_ex (+w) and g_in (-w, inhibitory weights being negative), then
/// <see cref="IafCondMembrane.RefractoryOrThreshold"/>, and on a spike the model's
/// <see cref="IIafCondExpRow{TSelf}.AfterSpike(in TSelf, Span{double})"/> before the spike is sent.
/// </summary>
/// <typeparam name="TRow">The model's parameter row and system of one node.</typeparam>
/// <typeparam name="TLanes">The model's system of four nodes.</typeparam>
internal abstract class IafCondExpGroup<TRow, TLanes> : Rkf45NeuronGroup<TRow, TRow>
    where TRow : struct, IIafCondExpRow<TRow>
    where TLanes : struct, IIafCondExpLanes<TRow>
{
    /// <summary>Positions of V_m, g_ex and g_in in the integrated state vector (NEST's order).</summary>
    protected const int YV = 0, YGEx = 1, YGIn = 2;

    private readonly IafCondMembrane _membrane;
    private readonly ConductanceInputs _inputs;

    /// <param name="model">The model.</param>
    /// <param name="firstId">The first node id.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's schema.</param>
    /// <param name="membrane">The membrane declared into <paramref name="schema"/>.</param>
    /// <param name="inputs">The conductances and inputs declared into <paramref name="schema"/>.</param>
    protected IafCondExpGroup(NodeModel model, int firstId, int count, NeuronSchema schema, IafCondMembrane membrane, ConductanceInputs inputs)
        : base(model, firstId, count, schema, inputs.Currents)
    {
        _membrane = membrane;
        _inputs = inputs;
        IntegratedState = [this[membrane.Vm], this[inputs.GEx], this[inputs.GIn]];
    }

    public sealed override bool SupportsCheckpoint => true;

    protected sealed override void Validate(in StatusRow row) => _membrane.Validate(row);

    public sealed override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => RowOf(i, _membrane.ConstantsOf(Columns, i, time)));
    }

    /// <summary>The row of the node at storage position <paramref name="i"/>, whose membrane has the constants <paramref name="membrane"/>.</summary>
    protected abstract TRow RowOf(int i, in IafCondMembrane.Constants membrane);

    public sealed override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegrateInLanes<Bookkeeping, TLanes>(new Bookkeeping(this, this[_membrane.RefractorySteps], _inputs.SpikesEx, _inputs.SpikesIn,
            context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>Around the integration of a node over a step: the input and refractoriness, then spikes in and out.</summary>
    private readonly struct Bookkeeping(NeuronGroup group, double[] refractorySteps, InputChannel spikesEx, InputChannel spikesIn,
        SpikeBuffer spikes) : ILaneBookkeeping<TRow, TRow, TLanes>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void BeginLanes(int first, in TRow constants, ref TLanes lanes) =>
            lanes.Refractory = IafCondMembrane.LaneConstants.RefractoryOf(refractorySteps, first);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Begin(int node, in TRow constants, ref TRow system) => system.Refractory = refractorySteps[node] > 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void EndLanes(int first, in TRow constants, Span<Vector256<double>> y, in GridStep step)
        {
            y[YGEx] += step.Inputs(spikesEx, first);
            y[YGIn] -= step.Inputs(spikesIn, first);
            int fired = IafCondMembrane.RefractoryOrThresholdLanes(TRow.MembraneOf(constants), refractorySteps, first, ref y[YV], group, spikes, step.Lag);
            TRow.AfterSpike(constants, y, fired);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in TRow constants, Span<double> y, in GridStep step)
        {
            y[YGEx] += step.Input(spikesEx, node);
            y[YGIn] -= step.Input(spikesIn, node);
            if (IafCondMembrane.RefractoryOrThreshold(TRow.MembraneOf(constants), ref refractorySteps[node], ref y[YV]))
            {
                TRow.AfterSpike(constants, y);
                spikes.Add(step.Lag, group.IdOf(node));
            }
        }
    }
}
