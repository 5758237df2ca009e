namespace NestSharp.Models.Neurons;

/// <summary>
/// What the recurrent e-prop neurons of the current family share (eprop_iaf, eprop_iaf_adapt, eprop_iaf_psc_delta,
/// eprop_iaf_psc_delta_adapt; NEST's EpropArchivingNodeRecurrent&lt;false&gt; with the FlushEventMechanism and the
/// IgnoreAndSpikeMechanism): the columns every such model declares (<see cref="FamilyColumns"/>), each node's e-prop history,
/// the learning signals from the readouts, the surrogate gradient function, the flush events sent after a silence
/// of flush_event_send_interval, forced spikes of ignore_and_spike, and the spike-triggered gradient computation of the
/// eprop_synapse (<see cref="ComputeGradient"/>).
/// <para>f_target is set in spikes/s and kept (and shown, as NEST does) in spikes/ms.</para>
/// </summary>
internal abstract partial class EpropRecurrentGroup : EpropArchivingGroup<EpropRecurrentHistory<EpropCurrentFamily>, EpropRecurrentEntry>, ILearningSignalReceiver
{
    /// <summary>The columns of the family, declared into a model's schema: the recurrent e-prop neurons' and kappa,
    /// kappa_reg, eprop_isi_trace_cutoff and the refractory count-down.</summary>
    internal sealed class FamilyColumns : EpropRecurrentNeuronColumns
    {
        public readonly Column Kappa, KappaReg, EpropIsiTraceCutoff, Refractory;

        public FamilyColumns(NeuronSchema schema) : base(schema)
        {
            Kappa = schema.Parameter("kappa", 0.97, "", new Requirement(static v => v >= 0.0 && v <= 1.0, "0 ≤ kappa ≤ 1 required"));
            KappaReg = schema.Parameter("kappa_reg", 0.97, "", new Requirement(static v => v >= 0.0 && v <= 1.0, "0 ≤ kappa_reg ≤ 1 required"));
            EpropIsiTraceCutoff = schema.Parameter("eprop_isi_trace_cutoff", double.PositiveInfinity, "ms",
                Requirement.NonNegative("eprop_isi_trace_cutoff ≥ 0 required"));
            Refractory = schema.Internal("refractory");
        }
    }

    private readonly FamilyColumns _c;

    /// <summary>The surrogate gradient function of each node (from its surrogate_gradient_function at Prepare).</summary>
    protected EpropSurrogateGradient[] SurrogateKinds = [];

    /// <summary>Per node, from Prepare (besides the membrane's <see cref="EpropArchivingGroup{THistory, TEntry}.PvM"/>,
    /// PiIn and CutoffSteps): refractory steps, flush interval in steps, ignore-and-spike interval in steps.</summary>
    protected long[] RefractorySteps = [], FlushSteps = [], ForcedIntervalSteps = [];

    /// <summary>Per node, from Prepare of the adaptive models (empty in the others): P_a = exp(-h / adapt_tau) and
    /// adapt_beta, read by the gradient.</summary>
    protected double[] PAdapt = [], Beta = [];

    /// <summary>The hard-reset models' columns (eprop_iaf_psc_delta and its _adapt twin); null for the others.</summary>
    private readonly EpropPscDeltaColumns? _hardReset;

    protected EpropRecurrentGroup(NodeModel model, int firstId, int count, NeuronSchema schema, FamilyColumns columns, EpropPscDeltaColumns? hardReset)
        : base(model, firstId, count, schema, static () => new EpropRecurrentHistory<EpropCurrentFamily>(EpropRecurrentHistory<EpropCurrentFamily>.CurrentFamilyShift),
            EpropHistoryCheckpoint.Save, r => EpropHistoryCheckpoint.RestoreRecurrent<EpropCurrentFamily>(r, EpropRecurrentHistory<EpropCurrentFamily>.CurrentFamilyShift))
    {
        _c = columns;
        _hardReset = hardReset;
        KeepOutsideColumns(EpropNamedChoice.SurrogateGradientFunction(columns.SurrogateGradientFunctionNumber, c => this[c]));
    }

    public override bool ReceivesSecondary(SecondaryEventType type) => type == EpropEvents.LearningSignal;

    /// <summary>
    /// The columns (with the refractory and forced-spike count-downs and the time of the last event), the surrogate
    /// gradient functions and each node's e-prop history; the propagators are made again by the next Prepare. A derived
    /// model keeping state of its own outside the columns saves it after the family's (calling the base).
    /// </summary>
    public override bool SupportsCheckpoint => true;

    /// <summary>NEST's cross-checks: V_th ≥ V_min, and those of V_reset in the hard-reset models.</summary>
    protected override void Validate(in StatusRow row)
    {
        _c.Validate(row);
        _hardReset?.Validate(row, _c);
    }

    /// <summary>
    /// f_target arrives in spikes/s and is kept in spikes/ms (NEST divides a given value by 1000 before its check);
    /// setting ignore_and_spike_offset restarts the count-down to the next forced spike.
    /// </summary>
    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        if (values.TryGetValue("f_target", out var f))
        {
            var copy = new Dictionary<string, object>(values) { ["f_target"] = StatusValue.ToDouble("f_target", f) / 1000.0 };
            values = copy;
        }
        var commit = base.Stage(local, values, context);
        if (!values.ContainsKey(Schema.NameOf(NeuronSchema.Archiving.IgnoreAndSpikeOffset))) return commit;
        int position = PositionOf(local);
        return () =>
        {
            commit();
            this[_c.StepsToForcedSpike][position] = -1.0;
        };
    }

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareHistories(context);
        PrepareMembrane(time, _c.TauM, _c.Cm, _c.EpropIsiTraceCutoff);
        if (RefractorySteps.Length != Count)
        {
            RefractorySteps = new long[Count];
            FlushSteps = new long[Count];
            ForcedIntervalSteps = new long[Count];
            SurrogateKinds = new EpropSurrogateGradient[Count];
        }
        double[] stepsToForced = this[_c.StepsToForcedSpike];
        for (int i = 0; i < Count; i++)
        {
            SurrogateKinds[i] = EpropSurrogateGradients.OfNumber(this[_c.SurrogateGradientFunctionNumber][i]);
            RefractorySteps[i] = time.MsToStepsCeil(this[_c.TRef][i]);
            FlushSteps[i] = StepsOf(time, this[_c.FlushEventSendInterval][i]);
            ForcedIntervalSteps[i] = time.MsToStepsCeil(this[NeuronSchema.Archiving.IgnoreAndSpikeInterval][i]);
            if (stepsToForced[i] < 0) stepsToForced[i] = time.MsToStepsCeil(this[NeuronSchema.Archiving.IgnoreAndSpikeOffset][i]);
        }
        PrepareModel(context);
    }

    /// <summary>The model's own propagators (after the family's).</summary>
    protected virtual void PrepareModel(SimulationContext context) { }

    public sealed override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread], context.FlushEventsOfVp[thread]));

    private readonly struct Stepper(EpropRecurrentGroup group, SpikeBuffer spikes, SpikeBuffer flushEvents) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes, flushEvents);
    }

    /// <summary>One step of the chunk's nodes in the model's (NEST's) order, sending spikes and flush events through <see cref="Fires"/>.</summary>
    protected abstract void Advance(in ChunkStep s, SpikeBuffer spikes, SpikeBuffer flushEvents);

    /// <summary>
    /// NEST's spike_event_is_due and the flush event: whether the node at <paramref name="i"/> spikes at step
    /// <paramref name="t"/> (forced spikes with ignore_and_spike, else <paramref name="dynamicSpike"/>); sends the
    /// spike or, after a silence of flush_event_send_interval, a flush event, noting the time of either.
    /// </summary>
    protected bool Fires(int i, bool dynamicSpike, long t, int lag, SpikeBuffer spikes, SpikeBuffer flushEvents)
    {
        bool fires;
        if (this[NeuronSchema.Archiving.IgnoreAndSpike][i] != 0.0)
        {
            double[] stepsToForced = this[_c.StepsToForcedSpike];
            fires = --stepsToForced[i] == 0;
            if (fires) stepsToForced[i] = ForcedIntervalSteps[i];
        }
        else
        {
            fires = dynamicSpike;
        }
        double[] lastEvent = this[_c.LastEventTime];
        if (fires)
        {
            spikes.Add(lag, IdOf(i));
            lastEvent[i] = t;
        }
        else if (lastEvent[i] > 0 && t - (long)lastEvent[i] >= FlushSteps[i])
        {
            flushEvents.Add(lag, IdOf(i));
            lastEvent[i] = t;
        }
        return fires;
    }

    /// <summary>The history bookkeeping of a step after the spike decision (NEST's order): entry, surrogate gradient, regularisation, learning signal.</summary>
    protected void Archive(int i, long t, double surrogateGradient, double z)
    {
        var history = ArchiveAt(i);
        history.Append(t);
        history.WriteSurrogateGradient(t, surrogateGradient);
        history.WriteFiringRateReg(t, z, this[_c.FTarget][i], this[_c.KappaReg][i], this[_c.CReg][i], Resolution);
        this[_c.LearningSignal][i] = history.LearningSignalAt(t);
    }

    public void ReceiveLearningSignal(int position, long stamp, double weight, ReadOnlySpan<double> values)
    {
        var history = ArchiveAt(position);
        foreach (double errorSignal in values) history.WriteLearningSignal(stamp, weight * errorSignal);
    }

    public void EraseUsedEpropHistory(int position, long tSpike, long tSpikePrevious) =>
        ArchiveAt(position).EraseUsedHistory(tSpike, tSpikePrevious, CutoffSteps[position]);

    /// <summary>
    /// NEST's compute_gradient of the recurrent models (<see cref="EpropGradient.Compute{TEntry, TStep}"/>): besides z̄,
    /// the eligibility trace e = ψ z̄ (the adaptive models: ψ (z̄ - β ε), ε filtered with P_a) filtered into ē (κ) and
    /// ē_reg (κ_reg); the increment of a step is L ē + f_reg ē_reg.
    /// </summary>
    public void ComputeGradient(int position, long tSpike, long tSpikePrevious, ref EpropSynapseTrace trace, ref double weight,
        WeightOptimizerSettings cp, ref WeightOptimizerState optimizer, bool isFlushEvent, bool previousWasFlushEvent)
    {
        double kappa = this[_c.Kappa][position], kappaReg = this[_c.KappaReg][position];
        var history = ArchiveAt(position);
        int id = IdOf(position);
        if (PAdapt.Length == 0)
        {
            EpropGradient.Compute(history, new GradientStep<NoAdaptation>(kappa, kappaReg, default), id, PvM[position], CutoffSteps[position],
                tSpike, tSpikePrevious, ref trace, ref weight, cp, ref optimizer, isFlushEvent, previousWasFlushEvent);
        }
        else
        {
            var adaptation = new ThresholdAdaptation(Beta[position], PAdapt[position]);
            EpropGradient.Compute(history, new GradientStep<ThresholdAdaptation>(kappa, kappaReg, adaptation), id, PvM[position], CutoffSteps[position],
                tSpike, tSpikePrevious, ref trace, ref weight, cp, ref optimizer, isFlushEvent, previousWasFlushEvent);
        }
    }

    /// <summary>The eligibility trace of a step from the surrogate gradient ψ, and the decay of the traces it keeps.</summary>
    private interface IAdaptation
    {
        double EligibilityTrace(double psi, ref EpropSynapseTrace trace);

        void Decay(ref EpropSynapseTrace trace);
    }

    /// <summary>e = ψ z̄.</summary>
    private readonly struct NoAdaptation : IAdaptation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double EligibilityTrace(double psi, ref EpropSynapseTrace trace) => psi * trace.ZBar;

        public void Decay(ref EpropSynapseTrace trace) { }
    }

    /// <summary>e = ψ (z̄ - β ε), ε ← P_a ε + e; ε decays with P_a over the steps without history.</summary>
    private readonly struct ThresholdAdaptation(double beta, double pAdapt) : IAdaptation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double EligibilityTrace(double psi, ref EpropSynapseTrace trace)
        {
            double e = psi * (trace.ZBar - beta * trace.Epsilon);
            trace.Epsilon = pAdapt * trace.Epsilon + e;
            return e;
        }

        public void Decay(ref EpropSynapseTrace trace) => trace.Epsilon *= Math.Pow(pAdapt, trace.DecaySteps);
    }

    /// <summary>The recurrent models' increment of a step and the decay of ε, ē and ē_reg (in NEST's order).</summary>
    private readonly struct GradientStep<TAdaptation>(double kappa, double kappaReg, TAdaptation adaptation) : IEpropGradientStep<EpropRecurrentEntry>
        where TAdaptation : struct, IAdaptation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Increment(in EpropRecurrentEntry entry, ref EpropSynapseTrace trace)
        {
            double e = adaptation.EligibilityTrace(entry.SurrogateGradient, ref trace);
            trace.EBar = kappa * trace.EBar + e;
            trace.EBarReg = kappaReg * trace.EBarReg + (1.0 - kappaReg) * e;
            return entry.LearningSignal * trace.EBar + entry.FiringRateReg * trace.EBarReg;
        }

        public void Decay(ref EpropSynapseTrace trace)
        {
            adaptation.Decay(ref trace);
            trace.EBar *= Math.Pow(kappa, trace.DecaySteps);
            trace.EBarReg *= Math.Pow(kappaReg, trace.DecaySteps);
        }
    }
}
