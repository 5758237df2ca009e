namespace NestSharp.Models.Neurons;

/// <summary>
/// The columns the recurrent e-prop neurons of Bellec et al. (2020) declare (eprop_iaf_bsshslm_2020 and
/// eprop_iaf_adapt_bsshslm_2020): the recurrent e-prop neurons' and regular_spike_arrival.
/// </summary>
internal sealed class EpropRecurrentColumns : EpropRecurrentNeuronColumns
{
    public readonly Column RegularSpikeArrival;

    public EpropRecurrentColumns(NeuronSchema schema) : base(schema) => RegularSpikeArrival = schema.Flag("regular_spike_arrival", true);
}

/// <summary>
/// What eprop_iaf_bsshslm_2020 and eprop_iaf_adapt_bsshslm_2020 share (NEST's two models are the same code but for the
/// adaptive threshold): the update loop in NEST's order, the e-prop archive of each node, the learning signals they
/// take, the surrogate gradients, the gradient their incoming eprop_synapse_bsshslm_2020 synapses ask for, flush
/// events, forced spikes (ignore_and_spike) and checkpoints. With the update interval T (eprop_update_interval, in
/// steps) and the shift s = 2 (NEST's offset_gen + delay_in_rec), each step t of a node does:
/// <code>
/// (t - s) mod T == 0:  drop unused history; with eprop_reset_neurons_on_update: v = 0, r = 0, z = 0 (adaptive: a = 0)
/// r &gt; 0: r ← r - 1
/// v ← P_i·i_in + P_z·z_in + α·v - V_th·z,   v ← max(v, V_min)          (α = exp(-h/τ_m), P_i = τ_m/C_m·(1 - α),
/// adaptive: a ← P_a·a + z,  v_th ← V_th + β·a                           P_z = 1 or, regular_spike_arrival false, 1 - α)
/// z ← 0;  ψ ← surrogate(r, v, v_th)
/// v ≥ v_th and r == 0 (or a forced spike): spike, z ← 1, r ← t_ref steps; otherwise a flush event when due
/// history entry (t, ψ);  (t - s) mod T == T - 1: firing-rate regularisation of the interval, spike count reset
/// learning_signal ← the one kept for step t - 3;  i_in ← I_e + the current input of the step
/// </code>
/// Learning signals (eprop_learning_signal_connection_bsshslm_2020) reach the history entry 3 steps before the step
/// after the slice they were sent in, at delivery (NEST's stamp of a secondary event).
/// </summary>
internal abstract class EpropIafBsshslm2020Group : EpropBsshslm2020ArchivingGroup<EpropRecurrentHistory<EpropBsshslm2020Family>, EpropRecurrentEntry>, ILearningSignalReceiver
{
    /// <summary>NEST's get_shift of the recurrent neurons: offset_gen + delay_in_rec.</summary>
    public const long Shift = 2;

    /// <summary>NEST's delay_rec_out + delay_out_rec + delay_out_norm: the learning signal of step t belongs to entry t - 3.</summary>
    public const long LearningSignalShift = 3;

    private readonly EpropRecurrentColumns _c;
    private readonly int[] _refractory;
    private readonly PropagatorSets<Propagators> _propagators = new();
    private EpropSurrogateGradient[] _surrogate = [];

    /// <param name="model">The model.</param>
    /// <param name="firstId">The first node id.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's schema.</param>
    /// <param name="columns">The columns the model declared.</param>
    protected EpropIafBsshslm2020Group(NodeModel model, int firstId, int count, NeuronSchema schema, EpropRecurrentColumns columns)
        : base(model, firstId, count, schema, static () => new EpropRecurrentHistory<EpropBsshslm2020Family>(Shift),
            EpropHistoryCheckpoint.Save, r => EpropHistoryCheckpoint.RestoreRecurrent<EpropBsshslm2020Family>(r, Shift))
    {
        _c = columns;
        _refractory = CountersOutsideColumns();
        KeepOutsideColumns(EpropNamedChoice.SurrogateGradientFunction(columns.SurrogateGradientFunctionNumber, c => this[c]));
    }

    /// <summary>The adaptive model's parameters (β, τ_a) and state (a, v_th); null for the model without adaptation.</summary>
    protected abstract AdaptiveThreshold? Adaptation { get; }

    /// <summary>NEST's recurrent e-prop neurons take learning signals (eprop_learning_signal_connection_bsshslm_2020).</summary>
    public override bool ReceivesSecondary(SecondaryEventType type) => type == EpropEvents.LearningSignal;

    /// <summary>
    /// NEST's set_status: f_target given in spikes/s is kept in spikes/ms; flush_event_send_interval must not be shorter
    /// than eprop_update_interval; setting ignore_and_spike_offset restarts the count-down to the next forced spike.
    /// </summary>
    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        IReadOnlyDictionary<string, object> given = values;
        if (values.TryGetValue("f_target", out var fTarget))
        {
            var copy = new Dictionary<string, object>(values, StringComparer.Ordinal) { ["f_target"] = StatusValue.ToDouble("f_target", fTarget) / 1000.0 };
            given = copy;
        }
        if (values.TryGetValue("flush_event_send_interval", out var flush))
        {
            double interval = StatusValue.ToDouble("flush_event_send_interval", flush);
            if (interval > 0 && interval < context.EpropUpdateInterval)
                throw new BadPropertyException("flush_event_send_interval", interval, "flush_event_send_interval ≥ eprop_update_interval required");
        }
        var commit = base.Stage(local, given, context);
        int position = PositionOf(local);
        bool restartForced = values.ContainsKey(Schema.NameOf(NeuronSchema.Archiving.IgnoreAndSpikeOffset));
        var adaptation = Adaptation;
        bool adaptationSet = adaptation is not null && values.ContainsKey("adaptation");
        if (!restartForced && !adaptationSet) return commit;
        return () =>
        {
            commit();
            if (restartForced) this[_c.StepsToForcedSpike][position] = -1.0;
            // NEST: the adaptive threshold follows a new adaptation (with the V_th and adapt_beta of the same call).
            if (adaptationSet) this[adaptation!.VThAdapt][position] = this[_c.VTh][position] + this[adaptation.Beta][position] * this[adaptation.A][position];
        };
    }

    protected override void Validate(in StatusRow row) => _c.Validate(row);

    private struct Propagators
    {
        public double PVm, PIn, PZIn, PAdapt, VTh, VMin, Ie, Height, Width, Beta, FTarget, CReg;
        public int RefractorySteps;
        public bool IgnoreAndSpike;
        public long ForcedOffsetSteps, ForcedIntervalSteps, FlushSteps;
    }

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        double h = time.Resolution;
        PrepareArchives(context);
        var adaptation = Adaptation;
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauM = this[_c.TauM][i];
            double pVm = Math.Exp(-h / tauM);
            return new Propagators
            {
                PVm = pVm,
                PIn = tauM / this[_c.Cm][i] * (1.0 - pVm),
                PZIn = this[_c.RegularSpikeArrival][i] != 0.0 ? 1.0 : 1.0 - pVm,
                PAdapt = adaptation is null ? 0.0 : Math.Exp(-h / this[adaptation.Tau][i]),
                Beta = adaptation is null ? 0.0 : this[adaptation.Beta][i],
                VTh = this[_c.VTh][i],
                VMin = this[_c.VMin][i],
                Ie = this[_c.Ie][i],
                Height = this[_c.SurrogateGradientHeight][i],
                Width = this[_c.SurrogateGradientWidth][i],
                FTarget = this[_c.FTarget][i],
                CReg = this[_c.CReg][i],
                RefractorySteps = (int)time.MsToStepsCeil(this[_c.TRef][i]),
                IgnoreAndSpike = this[NeuronSchema.Archiving.IgnoreAndSpike][i] != 0.0,
                ForcedOffsetSteps = Steps(time, this[NeuronSchema.Archiving.IgnoreAndSpikeOffset][i]),
                ForcedIntervalSteps = Steps(time, this[NeuronSchema.Archiving.IgnoreAndSpikeInterval][i]),
                FlushSteps = Steps(time, this[_c.FlushEventSendInterval][i]),
            };
        });
        double[] forced = this[_c.StepsToForcedSpike];
        _surrogate = new EpropSurrogateGradient[Count];
        for (int i = 0; i < Count; i++)
        {
            if (forced[i] < 0) forced[i] = _propagators.Sets[_propagators.SetOfNode[i]].ForcedOffsetSteps;
            _surrogate[i] = EpropSurrogateGradients.OfNumber(this[_c.SurrogateGradientFunctionNumber][i]);
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread], context.FlushEventsOfVp[thread]));

    private readonly struct Stepper(EpropIafBsshslm2020Group group, SpikeBuffer spikes, SpikeBuffer flushEvents) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes, flushEvents);
    }

    /// <summary>One step of the chunk's nodes in NEST's order (see the class's summary).</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes, SpikeBuffer flushEvents)
    {
        double[] v = this[_c.Vm], iIn = this[_c.IIn], z = this[_c.Z], psi = this[_c.SurrogateGradient];
        double[] learning = this[_c.LearningSignal], lastEvent = this[_c.LastEventTime], forced = this[_c.StepsToForcedSpike];
        var adaptation = Adaptation;
        double[]? a = adaptation is null ? null : this[adaptation.A], vThAdapt = adaptation is null ? null : this[adaptation.VThAdapt];
        int[] refractory = _refractory;
        var surrogate = _surrogate;
        var propagators = _propagators.Select();
        long interval = UpdateIntervalSteps;
        int start = s.Start, lag = s.Lag;
        long t = s.Step;
        long intervalStep = (t - Shift) % interval;
        Span<double> spikeIn = s.Input(_c.Inputs.Spikes), currentIn = s.Input(_c.Inputs.Currents);
        for (int i = start; i < s.End; i++)
        {
            if (IsFrozenAt(i)) continue;
            ref readonly Propagators p = ref propagators.Of(i);
            var archive = ArchiveAt(i);
            if (intervalStep == 0)
            {
                archive.EraseUsedFiringRateRegHistory();
                archive.EraseUsedHistory(interval);
                if (ResetOnUpdate)
                {
                    v[i] = 0.0;
                    refractory[i] = 0;
                    z[i] = 0.0;
                    if (a is not null) a[i] = 0.0;
                }
            }
            if (refractory[i] > 0) refractory[i]--;
            double zIn = spikeIn[i - start];
            double vm = p.PIn * iIn[i] + p.PZIn * zIn + p.PVm * v[i];
            vm -= p.VTh * z[i];
            vm = Math.Max(vm, p.VMin);
            v[i] = vm;
            double threshold = p.VTh;
            if (a is not null)
            {
                a[i] = p.PAdapt * a[i] + z[i];
                threshold = p.VTh + p.Beta * a[i];
                vThAdapt![i] = threshold;
            }
            z[i] = 0.0;
            psi[i] = EpropSurrogateGradients.Compute(surrogate[i], refractory[i], vm, threshold, p.Height, p.Width);

            bool fires;
            if (p.IgnoreAndSpike)
            {
                fires = --forced[i] == 0;
                if (fires) forced[i] = p.ForcedIntervalSteps;
            }
            else
            {
                fires = vm >= threshold && refractory[i] == 0;
            }
            if (fires)
            {
                archive.CountSpike();
                spikes.Add(lag, IdOf(i));
                z[i] = 1.0;
                refractory[i] = p.RefractorySteps;
                lastEvent[i] = t;
            }
            else if (lastEvent[i] > 0 && t - (long)lastEvent[i] >= p.FlushSteps)
            {
                flushEvents.Add(lag, IdOf(i));
                lastEvent[i] = t;
            }

            archive.Append(t);
            archive.WriteSurrogateGradient(t, psi[i]);
            if (intervalStep == interval - 1)
            {
                archive.WriteFiringRateReg(t, p.FTarget, p.CReg, interval, Resolution, 1);
                archive.ResetSpikeCount();
            }
            learning[i] = archive.LearningSignalAt(t);
            iIn[i] = currentIn[i - start] + p.Ie;
        }
    }

    /// <summary>
    /// NEST's handle of a LearningSignalConnectionEvent: weight times each value of the sender's row, added to the entry
    /// of step <paramref name="stamp"/> - 3 (NEST stamps every value of the event with the step after the slice's first).
    /// </summary>
    public void ReceiveLearningSignal(int position, long stamp, double weight, ReadOnlySpan<double> values)
    {
        var archive = ArchiveAt(position);
        foreach (double errorSignal in values) archive.WriteLearningSignal(stamp, weight * errorSignal);
    }

    /// <summary>
    /// NEST's compute_gradient of the recurrent models: the eligibility traces over the steps from
    /// <paramref name="tTrigger"/> through the pre-synaptic inter-spike intervals <paramref name="isis"/>, times the
    /// learning signals, plus the firing-rate regularisation of the interval after <paramref name="tPreviousUpdate"/>.
    /// </summary>
    public double ComputeGradient(int position, ReadOnlySpan<long> isis, long tPreviousUpdate, long tTrigger, double kappa, bool averageGradient)
    {
        var archive = ArchiveAt(position);
        ref readonly Propagators p = ref _propagators.Select().Of(position);
        var step = new GradientStep(kappa, Adaptation is not null, p.Beta, p.PAdapt);
        EpropBsshslm2020Gradient.Walk(archive, isis, tTrigger, IdOf(position), p.PVm, p.PZIn, ref step);
        double gradient = step.Gradient;
        double reg = archive.FiringRateRegAt(tPreviousUpdate + Shift + UpdateIntervalSteps);
        gradient += reg * step.SumE;
        if (averageGradient) gradient /= LearningWindowSteps;
        return gradient;
    }

    /// <summary>
    /// A step of the recurrent models' walk: e = ψ z̄ (adaptive: ψ (z̄ - β ε), ε ← P_a ε + e), ē = κ ē + (1 - κ) e,
    /// gradient += L ē, and the sum of e for the firing-rate regularisation.
    /// </summary>
    private struct GradientStep(double kappa, bool adaptive, double beta, double pAdapt) : IEpropIntervalStep<EpropRecurrentEntry>
    {
        private double _eBar, _epsilon;

        public double Gradient, SumE;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(in EpropRecurrentEntry entry, double zBar)
        {
            double psiT = entry.SurrogateGradient, l = entry.LearningSignal;
            double el;
            if (adaptive)
            {
                el = psiT * (zBar - beta * _epsilon);
                _epsilon = pAdapt * _epsilon + el;
            }
            else
            {
                el = psiT * zBar;
            }
            _eBar = kappa * _eBar + (1.0 - kappa) * el;
            Gradient += l * _eBar;
            SumE += el;
        }
    }
}

/// <summary>The adaptive threshold's columns of eprop_iaf_adapt_bsshslm_2020.</summary>
internal sealed class AdaptiveThreshold
{
    public readonly Column Beta, Tau, A, VThAdapt;

    public AdaptiveThreshold(NeuronSchema schema, Column el)
    {
        Beta = schema.Parameter("adapt_beta", 1.0, "", Requirement.NonNegative("adapt_beta ≥ 0 required"));
        Tau = schema.Parameter("adapt_tau", 10.0, "ms", Requirement.Positive("adapt_tau > 0 required"));
        A = schema.State("adaptation", 0.0, "");
        VThAdapt = schema.StateRelativeTo(el, "V_th_adapt", -55.0, "mV");
        schema.ReadOnly(VThAdapt);
    }
}
