namespace NestSharp.Models.Neurons;

/// <summary>
/// A parameter row of a model that <see cref="ExpPsGroup{TRow}"/> steps: iaf_psc_exp_ps's propagators, and how the
/// model finds that the threshold is crossed within an interval.
/// </summary>
/// <typeparam name="TSelf">The row.</typeparam>
internal interface IExpPsRow<TSelf> where TSelf : struct, IExpPsRow<TSelf>
{
    /// <summary>iaf_psc_exp_ps's propagators of <paramref name="row"/>.</summary>
    static abstract ref readonly IafPscExpPs.Propagators PropagatorsOf(in TSelf row);

    /// <summary>
    /// After <paramref name="n"/> was propagated over an interval of <paramref name="dt"/> ms (its state at the
    /// interval's start kept as <c>*Before</c>): NaN when the threshold is not crossed within it, else the end t of the
    /// span [0, t] of the interval the crossing lies in.
    /// </summary>
    static abstract double CrossingSpan(in TSelf row, in IafPscExpPs.NodeState n, double dt);
}

/// <summary>
/// The update of iaf_psc_exp_ps and iaf_psc_exp_ps_lossless, which differ only in how a crossing of the threshold
/// within an interval is detected (<see cref="IExpPsRow{TSelf}.CrossingSpan"/>): each node of a chunk over one step,
/// from event to event (see iaf_psc_exp_ps's summary), a crossing located by regula falsi and the node fired then.
/// </summary>
/// <typeparam name="TRow">The model's constants of a parameter row.</typeparam>
internal abstract class ExpPsGroup<TRow> : PreciseIafGroup where TRow : struct, IExpPsRow<TRow>
{
    private readonly PreciseIafMembrane _membrane;
    private readonly Column _iSynEx, _iSynIn;

    /// <param name="model">The model.</param>
    /// <param name="firstId">The first node id.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's schema.</param>
    /// <param name="membrane">The membrane declared into <paramref name="schema"/>.</param>
    /// <param name="iSynEx">The state I_syn_ex (pA).</param>
    /// <param name="iSynIn">The state I_syn_in (pA).</param>
    protected ExpPsGroup(NodeModel model, int firstId, int count, NeuronSchema schema, PreciseIafMembrane membrane, Column iSynEx, Column iSynIn)
        : base(model, firstId, count, schema, membrane)
    {
        _membrane = membrane;
        _iSynEx = iSynEx;
        _iSynIn = iSynIn;
    }

    /// <summary>The constants of each distinct parameter row, built by the model before a run.</summary>
    protected PropagatorSets<TRow> Rows { get; } = new();

    protected sealed override void Advance(in ChunkStep s, SpikeBuffer spikes, int thread)
    {
        Span<double> arrived = s.Input(_membrane.Spikes);
        Span<double> currents = s.Input(_membrane.Currents);
        double[] y0 = this[_membrane.StepCurrent], y1Ex = this[_iSynEx], y1In = this[_iSynIn], y2 = this[_membrane.Vm];
        double[] refractory = this[_membrane.IsRefractory];
        var rows = Rows.Select();
        double h = StepMs;
        long step = s.Step;
        for (int k = 0; k < arrived.Length; k++)
        {
            int i = s.Start + k;
            ref readonly TRow q = ref rows.Of(i);
            ref readonly IafPscExpPs.Propagators p = ref TRow.PropagatorsOf(q);
            var n = new IafPscExpPs.NodeState { Y0 = y0[i], Y1Ex = y1Ex[i], Y1In = y1In[i], Y2 = y2[i], Refractory = refractory[i] != 0.0 };
            n.MarkStart();

            // Refractoriness ending within this step comes as a pseudo-event at the last spike's offset.
            var stepEvents = TakeDue(i, step, thread, arrived[k], n.Refractory, p.RefractorySteps);

            if (stepEvents.None)
            {
                n.PropagateWholeStep(p);
                double span = TRow.CrossingSpan(q, n, h);
                if (!double.IsNaN(span)) Fire(i, ref n, p, step, s.Lag, 0.0, span, spikes);
            }
            else
            {
                double since = h; // offsets count down from h at the step's start to 0 at its end
                while (stepEvents.Next(sumSimultaneous: false, out bool endOfRefractoriness, out double offset, out double weight))
                {
                    double ministep = since - offset;
                    // Spikes at the same time (ministep 0) are added without propagation (NEST #368).
                    if (ministep > 0)
                    {
                        n.Propagate(p, ministep);
                        // Checked before the event's input is added: the crossing is located on a continuous trajectory.
                        double span = TRow.CrossingSpan(q, n, ministep);
                        if (!double.IsNaN(span)) Fire(i, ref n, p, step, s.Lag, h - since, span, spikes);
                    }
                    if (endOfRefractoriness) n.Refractory = false;
                    else if (weight >= 0.0) n.Y1Ex += weight;
                    else n.Y1In += weight;
                    n.MarkStart();
                    since = offset;
                }
                if (since > 0)
                {
                    n.Propagate(p, since);
                    double span = TRow.CrossingSpan(q, n, since);
                    if (!double.IsNaN(span)) Fire(i, ref n, p, step, s.Lag, h - since, span, spikes);
                }
            }

            y1Ex[i] = n.Y1Ex;
            y1In[i] = n.Y1In;
            y2[i] = n.Y2;
            refractory[i] = n.Refractory ? 1.0 : 0.0;
            // The current input changes at the end of the step, after the threshold crossing is located.
            y0[i] = currents[k];
        }
    }

    /// <summary>
    /// NEST's emit_spike_: the potential crosses the threshold within [t0, t0 + dt] of the step (ms from its start);
    /// regula falsi locates the crossing from the state at the interval's start, and the node fires then.
    /// </summary>
    private void Fire(int i, ref IafPscExpPs.NodeState n, in IafPscExpPs.Propagators p, long step, int lag, double t0, double dt, SpikeBuffer spikes)
    {
        double crossing = RegulaFalsi.Root(new IafPscExpPs.Distance(p, n.Y0, n.Y1ExBefore, n.Y1InBefore, n.Y2Before), dt);
        n.Y2 = p.UReset;
        n.Refractory = true;
        MarkSpike(i, step, lag, StepMs - (t0 + crossing), spikes);
    }
}
