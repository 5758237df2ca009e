namespace NestSharp.Models.Neurons;

/// <summary>
/// eprop_readout_bsshslm_2020: the leaky integrator readout neuron of e-prop plasticity (Bellec et al. 2020). With the
/// update interval T (eprop_update_interval, steps), the learning window W (eprop_learning_window) and the shift s = 3
/// (NEST's offset_gen + delay_in_rec + delay_rec_out), each step t does:
/// <code>
/// (t - s) mod T == 0:  drop unused history; with eprop_reset_neurons_on_update: v = 0
/// v ← P_i·i_in + P_z·z_in + α·v,   v ← max(v, V_min)        (α = exp(-h/τ_m), P_i = τ_m/C_m·(1 - α), P_z = 1 or 1 - α)
/// mean_squared_error:  y ← y_unnorm,                          y_unnorm ← v + E_L
/// cross_entropy:       y ← y_unnorm / (N + y_unnorm),         y_unnorm ← exp(v + E_L)
/// error ← y - target;   (t - s - 1) mod T &lt; T - W:  target, y, error ← 0
/// history entry (t - 1, error);  i_in ← I_e + the current input of the step
/// </code>
/// where N is the sum of the other readouts' y_unnorm of the previous step (receptor readout_signal = 1, through
/// rate_connection_delayed) and target the signal of receptor target_signal = 2. After the slice the neuron sends the
/// errors of its steps as learning signals (eprop_learning_signal_connection_bsshslm_2020) and, with the
/// cross-entropy loss, its y_unnorm to the other readouts (rate_connection_delayed). It sends no spikes. Its incoming
/// eprop_synapse_bsshslm_2020 synapses read the errors: gradient = Σ error_t·z̄_t (z̄ the pre-synaptic spikes filtered
/// with α and P_z), averaged over W with average_gradient.
/// <para>Parameters (units): C_m (pF), E_L (mV), I_e (pA), loss ("mean_squared_error" or "cross_entropy"),
/// regular_spike_arrival (bool), tau_m (ms), V_min (mV). State: V_m (mV), error_signal, readout_signal,
/// readout_signal_unnorm, target_signal. Recordables: eprop_history_duration (ms), error_signal, readout_signal,
/// readout_signal_unnorm, target_signal, V_m. Receptors: 0 spikes and currents, 1 readout_signal, 2 target_signal
/// (rates).</para>
/// <para>References: Bellec G et al. (2020). Nature Communications 11:3625. NEST model documentation,
/// eprop_readout_bsshslm_2020 (NEST 3.10).</para>
/// </summary>
[NodeModelName("eprop_readout_bsshslm_2020")]
internal sealed class EpropReadoutBsshslm2020 : EpropBsshslm2020ArchivingGroup<EpropReadoutHistory<EpropBsshslm2020Family>, EpropReadoutEntry>, IRateSignalStateTarget
{
    /// <summary>NEST's get_shift of the readout: offset_gen + delay_in_rec + delay_rec_out.</summary>
    public const long Shift = 3;

    /// <summary>NEST's delay_out_norm: the error of step t is kept for step t - 1.</summary>
    private const long DelayOutNorm = 1;

    private static readonly string[] Losses = ["mean_squared_error", "cross_entropy"];

    private static readonly NeuronSchema Declared = EpropNeuronSchema.Declare();

    private static readonly Column Cm = Declared.Parameter("C_m", 250.0, "pF", Requirement.Positive("C_m > 0 required"));
    private static readonly Column EL = Declared.Parameter("E_L", 0.0, "mV");
    private static readonly Column Ie = Declared.Parameter("I_e", 0.0, "pA");
    private static readonly Column RegularSpikeArrival = Declared.Flag("regular_spike_arrival", true);
    private static readonly Column TauM = Declared.Parameter("tau_m", 10.0, "ms", Requirement.Positive("tau_m > 0 required"));
    private static readonly Column VMin = Declared.ParameterRelativeTo(EL, "V_min", -double.MaxValue, "mV");
    private static readonly Column Vm = Declared.StateRelativeTo(EL, "V_m", 0.0, "mV");
    private static readonly Column ErrorSignal = Declared.State("error_signal", 0.0, "mV");
    private static readonly Column ReadoutSignal = Declared.State("readout_signal", 0.0, "mV");
    private static readonly Column ReadoutSignalUnnorm = Declared.State("readout_signal_unnorm", 0.0, "mV");
    private static readonly Column TargetSignal = Declared.State("target_signal", 0.0, "mV");
    private static readonly Column IIn = Declared.Internal("i_in");
    private static readonly Column Loss = Declared.Internal("loss_number");

    private static readonly InputChannel Spikes = Declared.Input("spikes");
    private static readonly InputChannel Currents = Declared.CurrentInput("currents", 0);
    private static readonly InputChannel ReadoutRates = Declared.Input("readout_signal");
    private static readonly InputChannel TargetRates = Declared.Input("target_signal");
    private static readonly InputChannel TargetMark = Declared.Input("target_signal_mark");

    /// <summary>NEST's receptor numbers of the rate inputs.</summary>
    private const int ReadoutReceptor = 1, TargetReceptor = 2;

    static EpropReadoutBsshslm2020()
    {
        Declared.SpikeReceptor(0, Spikes);
        Declared.SpikeReceptor(ReadoutReceptor, ReadoutRates, "readout_signal");
        Declared.SpikeReceptor(TargetReceptor, TargetRates, "target_signal");
        Declared.Recordable(ErrorSignal, ReadoutSignal, ReadoutSignalUnnorm, TargetSignal, Vm);
        Declared.ReadOnly(ErrorSignal, ReadoutSignal, ReadoutSignalUnnorm, TargetSignal);
    }

    private readonly PropagatorSets<Propagators> _propagators = new();
    private SecondaryEventBuffer? _errorsOut, _ratesOut;
    private int[] _errorRow = [], _rateRow = [];

    public EpropReadoutBsshslm2020(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, static () => new EpropReadoutHistory<EpropBsshslm2020Family>(Shift),
            EpropHistoryCheckpoint.Save, r => EpropHistoryCheckpoint.RestoreReadout<EpropBsshslm2020Family>(r, Shift))
    {
        KeepOutsideColumns(new EpropNamedChoice(Loss, c => this[c], "loss", Losses, "loss from [\"mean_squared_error\", \"cross_entropy\"] required"));
    }

    /// <summary>NEST's readout sends no spikes (only learning signals and its unnormalised readout signal).</summary>
    public override bool EmitsSpikes => false;

    public override bool SendsSecondaryEvents => true;

    public override bool SendsSecondary(SecondaryEventType type) => type == EpropEvents.LearningSignal || type == RateEvents.Delayed;

    public override bool ReceivesSecondary(SecondaryEventType type) => type == RateEvents.Delayed;

    /// <summary>Node by node (so that a Set of the keys shown but not read is refused as NEST refuses it).</summary>
    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context) => base.Stage(local, values, context);

    /// <summary>
    /// NEST's handles_test_event: spikes (and currents) on receptor 0 only, rates on receptors 1 (readout_signal) and 2
    /// (target_signal) only.
    /// </summary>
    public override void CheckSpikeSource(NodeGroup source, int receptor)
    {
        bool rates = !source.EmitsSpikes && source.SendsSecondary(RateEvents.Delayed);
        if (rates ? receptor is < ReadoutReceptor or > TargetReceptor : receptor != 0)
            throw new UnknownReceptorTypeException($"Receptor type {receptor} is not available in {Model.Name}.");
    }

    private struct Propagators
    {
        public double PVm, PIn, PZIn, VMin, Ie, EL;
        public bool CrossEntropy;
    }

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        PrepareArchives(context);
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauM = this[TauM][i];
            double pVm = Math.Exp(-h / tauM);
            return new Propagators
            {
                PVm = pVm,
                PIn = tauM / this[Cm][i] * (1.0 - pVm),
                PZIn = this[RegularSpikeArrival][i] != 0.0 ? 1.0 : 1.0 - pVm,
                VMin = this[VMin][i],
                Ie = this[Ie][i],
                EL = this[EL][i],
            };
        });
        _errorsOut = context.Secondary.Of(EpropEvents.LearningSignal);
        _ratesOut = context.Secondary.Of(RateEvents.Delayed);
        _errorRow = RowsIn(_errorsOut);
        _rateRow = RowsIn(_ratesOut);
    }

    private int[] RowsIn(SecondaryEventBuffer? buffer)
    {
        var rows = new int[Count];
        for (int i = 0; i < Count; i++) rows[i] = buffer is null ? -1 : buffer.RowOfNode[IdOf(i)];
        return rows;
    }

    /// <summary>The target signal is set (and kept until the next event); the other readouts' signals add.</summary>
    public int SignalMarkChannel(int channel) =>
        (channel - ChannelBase) / Count == TargetRates.Index ? ChannelOf(TargetMark) + (channel - ChannelBase) % Count : -1;

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        int n = end - start;
        var ring = context.Ring;
        double[] v = this[Vm], iIn = this[IIn], error = this[ErrorSignal], readout = this[ReadoutSignal];
        double[] unnorm = this[ReadoutSignalUnnorm], target = this[TargetSignal], loss = this[Loss];
        var propagators = _propagators.Select();
        long interval = UpdateIntervalSteps, window = LearningWindowSteps;
        int spikeChannel = ChannelOf(Spikes), currentChannel = ChannelOf(Currents);
        int readoutChannel = ChannelOf(ReadoutRates), targetChannel = ChannelOf(TargetRates), targetMarkChannel = ChannelOf(TargetMark);
        double[]? errorsSent = _errorsOut?.Sent, ratesSent = _ratesOut?.Sent;
        int errorStride = _errorsOut?.ValuesPerSlice ?? 0, rateStride = _ratesOut?.ValuesPerSlice ?? 0;
        for (int lag = from; lag < to; lag++)
        {
            long t = sliceStart + lag;
            long intervalStep = (t - Shift) % interval;
            long intervalStepSignals = (t - Shift - DelayOutNorm) % interval;
            var spikeIn = ring.Row(t, spikeChannel + start, n);
            var currentIn = ring.Row(t, currentChannel + start, n);
            var readoutIn = ring.Row(t, readoutChannel + start, n);
            var targetIn = ring.Row(t, targetChannel + start, n);
            var targetSet = ring.Row(t, targetMarkChannel + start, n);
            for (int i = start; i < end; i++)
            {
                int k = i - start;
                if (IsFrozenAt(i)) continue;
                ref readonly Propagators p = ref propagators.Of(i);
                var archive = ArchiveAt(i);
                if (intervalStep == 0)
                {
                    archive.EraseUsedHistory(interval);
                    if (ResetOnUpdate) v[i] = 0.0;
                }
                // NEST's handle of the rates delivered before the step: the target signal is replaced (kept where no
                // event came), the other readouts' signals summed into the normalisation (reset after each step).
                if (targetSet[k] != 0.0) target[i] = targetIn[k];
                double normalization = readoutIn[k];
                double vm = p.PIn * iIn[i] + p.PZIn * spikeIn[k] + p.PVm * v[i];
                vm = Math.Max(vm, p.VMin);
                v[i] = vm;
                bool crossEntropy = loss[i] != 0.0;
                if (crossEntropy)
                {
                    double norm = normalization + unnorm[i];
                    readout[i] = unnorm[i] / norm;
                    unnorm[i] = Math.Exp(vm + p.EL);
                }
                else
                {
                    readout[i] = unnorm[i];
                    unnorm[i] = vm + p.EL;
                }
                error[i] = readout[i] - target[i];
                if (intervalStepSignals < interval - window)
                {
                    target[i] = 0.0;
                    readout[i] = 0.0;
                    error[i] = 0.0;
                }
                if (ratesSent is not null && _rateRow[i] >= 0) ratesSent[_rateRow[i] * rateStride + lag] = crossEntropy ? unnorm[i] : 0.0;
                if (errorsSent is not null && _errorRow[i] >= 0) errorsSent[_errorRow[i] * errorStride + lag] = error[i];
                archive.Append(t);
                archive.WriteErrorSignal(t, error[i]);
                iIn[i] = currentIn[k] + p.Ie;
            }
            spikeIn.Clear();
            currentIn.Clear();
            readoutIn.Clear();
            targetIn.Clear();
            targetSet.Clear();
            RecordSamples(thread, t);
        }
        // NEST's coefficient arrays hold the steps of [from, to) and zero elsewhere.
        for (int i = start; i < end; i++)
        {
            if (errorsSent is not null && _errorRow[i] >= 0) ClearOutside(errorsSent.AsSpan(_errorRow[i] * errorStride, errorStride), from, to);
            if (ratesSent is not null && _rateRow[i] >= 0) ClearOutside(ratesSent.AsSpan(_rateRow[i] * rateStride, rateStride), from, to);
        }
    }

    private static void ClearOutside(Span<double> row, int from, int to)
    {
        row[..from].Clear();
        row[to..].Clear();
    }

    /// <summary>
    /// NEST's compute_gradient of the readout: Σ error_t·z̄_t over the steps from <paramref name="tTrigger"/> through the
    /// pre-synaptic inter-spike intervals <paramref name="isis"/>, divided by the learning window with
    /// <paramref name="averageGradient"/>.
    /// </summary>
    public double ComputeGradient(int position, ReadOnlySpan<long> isis, long tTrigger, bool averageGradient)
    {
        ref readonly Propagators p = ref _propagators.Select().Of(position);
        var step = new GradientStep();
        EpropBsshslm2020Gradient.Walk(ArchiveAt(position), isis, tTrigger, IdOf(position), p.PVm, p.PZIn, ref step);
        double gradient = step.Gradient;
        if (averageGradient) gradient /= LearningWindowSteps;
        return gradient;
    }

    /// <summary>A step of the readout's walk: gradient += error z̄.</summary>
    private struct GradientStep : IEpropIntervalStep<EpropReadoutEntry>
    {
        public double Gradient;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(in EpropReadoutEntry entry, double zBar) => Gradient += entry.ErrorSignal * zBar;
    }
}
