namespace NestSharp.Models.Neurons;

/// <summary>
/// A parameter row (its own system) of a model that <see cref="IafCondExpBookkeeping{TRow, TLanes}"/> steps:
/// iaf_cond_exp and iaf_cond_exp_sfa_rr, whose state vector begins with V_m, g_ex, g_in.
/// </summary>
/// <typeparam name="TSelf">The row.</typeparam>
/// <typeparam name="TLanes">The model's system of four nodes.</typeparam>
internal interface IIafCondExpRow<TSelf, TLanes> : IRkf45Row<TSelf, TSelf>, ICurrentDrivenOdeSystem
    where TSelf : struct, IIafCondExpRow<TSelf, TLanes>
    where TLanes : struct, ILaneOdeSystem<TSelf>
{
    /// <summary>The membrane's constants of <paramref name="row"/>.</summary>
    static abstract ref readonly IafCondMembrane.Constants MembraneOf(in TSelf row);

    /// <summary>Tells one node's system whether the node is refractory in this step.</summary>
    static abstract void SetRefractory(ref TSelf system, bool refractory);

    /// <summary>Tells the lanes which of them are refractory in this step (all bits set in those lanes).</summary>
    static abstract void SetRefractory(ref TLanes lanes, Vector256<double> refractory);

    /// <summary>What a spike does to the node's state <paramref name="y"/> besides the membrane's reset.</summary>
    static abstract void AfterSpike(in TSelf row, Span<double> y);

    /// <summary><see cref="AfterSpike(in TSelf, Span{double})"/> in the lanes that fired (bit l for lane l), in lane order.</summary>
    static abstract void AfterSpike(in TSelf row, Span<Vector256<double>> y, int fired);
}

/// <summary>
/// Around the integration of a node (or four) of iaf_cond_exp or iaf_cond_exp_sfa_rr over a grid step: refractoriness
/// into the system before; after, the step's spikes into g_ex (+w) and g_in (-w, inhibitory weights being negative),
/// then <see cref="IafCondMembrane.RefractoryOrThreshold"/>, and on a spike the model's
/// <see cref="IIafCondExpRow{TSelf, TLanes}.AfterSpike(in TSelf, Span{double})"/> before the spike is sent.
/// </summary>
/// <typeparam name="TRow">The model's parameter row and system of one node.</typeparam>
/// <typeparam name="TLanes">The model's system of four nodes.</typeparam>
/// <param name="group">The group the nodes belong to.</param>
/// <param name="refractorySteps">The group's remaining refractory steps per node (<see cref="IafCondMembrane.RefractorySteps"/>).</param>
/// <param name="inputs">The group's spike inputs.</param>
/// <param name="spikes">Where the thread's spikes go.</param>
internal readonly struct IafCondExpBookkeeping<TRow, TLanes>(NeuronGroup group, double[] refractorySteps, ConductanceInputs inputs, SpikeBuffer spikes)
    : ILaneBookkeeping<TRow, TRow, TLanes>
    where TRow : struct, IIafCondExpRow<TRow, TLanes>
    where TLanes : struct, ILaneOdeSystem<TRow>
{
    /// <summary>Positions of V_m, g_ex and g_in in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YGEx = 1, YGIn = 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BeginLanes(int first, in TRow constants, ref TLanes lanes) =>
        TRow.SetRefractory(ref lanes, IafCondMembrane.LaneConstants.RefractoryOf(refractorySteps, first));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Begin(int node, in TRow constants, ref TRow system) => TRow.SetRefractory(ref system, refractorySteps[node] > 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndLanes(int first, in TRow constants, Span<Vector256<double>> y, in GridStep step)
    {
        y[YGEx] += step.Inputs(inputs.SpikesEx, first);
        y[YGIn] -= step.Inputs(inputs.SpikesIn, first);
        int fired = IafCondMembrane.RefractoryOrThresholdLanes(TRow.MembraneOf(constants), refractorySteps, first, ref y[YV], group, spikes, step.Lag);
        TRow.AfterSpike(constants, y, fired);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void End(int node, in TRow constants, Span<double> y, in GridStep step)
    {
        y[YGEx] += step.Input(inputs.SpikesEx, node);
        y[YGIn] -= step.Input(inputs.SpikesIn, node);
        if (IafCondMembrane.RefractoryOrThreshold(TRow.MembraneOf(constants), ref refractorySteps[node], ref y[YV]))
        {
            TRow.AfterSpike(constants, y);
            spikes.Add(step.Lag, group.IdOf(node));
        }
    }
}

/// <summary>
/// What the node groups of iaf_cond_exp and iaf_cond_exp_sfa_rr share around their dynamics: NEST's checks of the
/// membrane, checkpoints, the rows of constants (the membrane's and the model's own, <see cref="RowOf"/>) and the update,
/// four nodes at a time in SIMD lanes with <see cref="IafCondExpBookkeeping{TRow, TLanes}"/>.
/// </summary>
/// <typeparam name="TRow">The model's parameter row and system of one node.</typeparam>
/// <typeparam name="TLanes">The model's system of four nodes.</typeparam>
internal abstract class IafCondExpGroup<TRow, TLanes> : Rkf45NeuronGroup<TRow, TRow>
    where TRow : struct, IIafCondExpRow<TRow, TLanes>
    where TLanes : struct, ILaneOdeSystem<TRow>
{
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
        IntegrateInLanes<IafCondExpBookkeeping<TRow, TLanes>, TLanes>(
            new(this, this[_membrane.RefractorySteps], _inputs, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);
}
