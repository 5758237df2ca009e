namespace NestSharp.Models.Neurons;

/// <summary>
/// The constants of one parameter row of a Hodgkin-Huxley model integrated in lanes (<see cref="HhLaneBookkeeping{TRow, TSystem, TLanes}"/>,
/// and the gap models' <see cref="GapRkf45NeuronGroup{TConstants, TSystem, TLanes}"/>): besides the system and error
/// control, what happens after a grid step (the spikes of the step added to the synapses' state, for one node and
/// for four, the spike threshold and t_ref in steps).
/// </summary>
internal interface IHhLaneRow<TSelf, TSystem> : IRkf45Row<TSelf, TSystem>
    where TSelf : struct, IHhLaneRow<TSelf, TSystem>
    where TSystem : struct, ICurrentDrivenOdeSystem
{
    /// <summary>
    /// Adds the spikes of a step to the state <paramref name="y"/>: the sum of the positive weights
    /// <paramref name="excitatory"/> and of the others <paramref name="inhibitory"/> (not positive).
    /// </summary>
    static abstract void AddSpikes(in TSelf row, Span<double> y, double excitatory, double inhibitory);

    /// <summary>As the scalar AddSpikes, for four nodes, one per lane of <paramref name="y"/>, with the same operations.</summary>
    static abstract void AddSpikes(in TSelf row, Span<Vector256<double>> y, Vector256<double> excitatory, Vector256<double> inhibitory);

    /// <summary>The potential V_m must reach for a spike (mV).</summary>
    static abstract double ThresholdOf(in TSelf row);

    /// <summary>t_ref in steps.</summary>
    static abstract long RefractoryStepsOf(in TSelf row);
}

/// <summary>
/// What NEST's Hodgkin-Huxley models without gap junctions (hh_psc_alpha, hh_cond_exp_traub) do around the integration
/// of a node over a grid step: nothing before it (the dynamics read no discrete state: refractoriness only blocks the
/// spike detection); after it, the spikes arriving in the step added to the synapses (the row's
/// <see cref="IHhLaneRow{TSelf, TSystem}.AddSpikes(in TSelf, Span{double}, double, double)"/>), then
/// <see cref="HhGates.PeakPassed"/> with the row's threshold (V_m's column still holds the potential at the start of
/// the step: y is stored after this), a spike going to <paramref name="spikes"/>. V_m is component 0 of the state.
/// </summary>
/// <param name="group">The model's group (the nodes' ids).</param>
/// <param name="inputs">The model's spike inputs (the current input the group reads itself).</param>
/// <param name="refractory">The nodes' remaining refractory steps.</param>
/// <param name="vm">The nodes' V_m column.</param>
/// <param name="spikes">The spikes of this thread.</param>
internal readonly struct HhLaneBookkeeping<TRow, TSystem, TLanes>(NeuronGroup group, SignedSpikeAndCurrentInputs inputs, double[] refractory,
    double[] vm, SpikeBuffer spikes) : ILaneBookkeeping<TRow, TSystem, TLanes>
    where TRow : struct, IHhLaneRow<TRow, TSystem>
    where TSystem : struct, ICurrentDrivenOdeSystem
    where TLanes : struct, ILaneOdeSystem<TSystem>
{
    /// <summary>Position of V_m in the integrated state.</summary>
    private const int YV = 0;

    /// <summary>Nothing: the dynamics read no discrete state.</summary>
    public readonly void BeginLanes(int first, in TRow constants, ref TLanes lanes) { }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void EndLanes(int first, in TRow constants, Span<Vector256<double>> y, in GridStep step)
    {
        TRow.AddSpikes(constants, y, step.Inputs(inputs.SpikesEx, first), step.Inputs(inputs.SpikesIn, first));
        HhGates.PeakPassedLanes(refractory, first, TRow.RefractoryStepsOf(constants), y[YV], vm, TRow.ThresholdOf(constants), group, spikes, step.Lag);
    }

    /// <summary>Nothing: the dynamics read no discrete state.</summary>
    public readonly void Begin(int node, in TRow constants, ref TSystem system) { }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void End(int node, in TRow constants, Span<double> y, in GridStep step)
    {
        TRow.AddSpikes(constants, y, step.Input(inputs.SpikesEx, node), step.Input(inputs.SpikesIn, node));
        if (HhGates.PeakPassed(ref refractory[node], TRow.RefractoryStepsOf(constants), y[YV], vm[node], TRow.ThresholdOf(constants)))
            spikes.Add(step.Lag, group.IdOf(node));
    }
}
