namespace NestSharp.Models.Neurons;

/// <summary>
/// eprop_readout: the leaky readout neuron of eligibility propagation (e-prop, Bellec et al. 2020; NEST's event-based
/// implementation, Korcsak-Gorzo et al. 2025). It integrates the spikes of the recurrent neurons without spiking and
/// compares its readout signal with a target signal inside a learning window:
/// <code>
/// v_k(t) = κ v_k(t-1) + Σ_j W_kj z_j(t-1) + (1 - κ) R_m (I_in(t-1) + I_e),   κ = exp(-h / tau_m),  R_m = tau_m / C_m
/// y_k = v_k + E_L,  E_k = y_k - y*_k;   y_k, y*_k and E_k are then multiplied by the learning-window signal
/// </code>
/// The error signal E_k of each step is kept in the e-prop history (for the eprop_synapses that reach the readout) and
/// sent to the recurrent neurons through eprop_learning_signal_connection (<see cref="EpropEvents.LearningSignal"/>).
/// The learning window (receptor 1, eprop_learning_window) and the target signal (receptor 2, target_signal) arrive as
/// delayed rates (rate_connection_delayed) and set the signal, which stays until the next event (NEST's handle sets the
/// state; see <see cref="IRateSignalStateTarget"/>).
/// <para>Parameters (units): C_m (pF), E_L (mV), I_e (pA), tau_m (ms), V_min (mV), eprop_isi_trace_cutoff (ms).
/// State: V_m (mV), error_signal, readout_signal, target_signal. Recordables: eprop_history_duration, error_signal,
/// readout_signal, target_signal, V_m.</para>
/// <para>References: Bellec G et al. (2020). Nature Communications 11:3625. Korcsak-Gorzo A et al. (2025).
/// Event-based implementation of eligibility propagation. NEST model documentation, eprop_readout (NEST 3.10).</para>
/// </summary>
[NodeModelName("eprop_readout")]
internal sealed class EpropReadout : EpropArchivingGroup<EpropReadoutHistory<EpropCurrentFamily>, EpropReadoutEntry>, IRateSignalStateTarget
{
    private static readonly NeuronSchema Declared = EpropNeuronSchema.Declare();

    private static readonly Column Cm = Declared.Parameter("C_m", 250.0, "pF", Requirement.Positive("C_m > 0 required"));
    private static readonly Column EL = Declared.Parameter("E_L", 0.0, "mV");
    private static readonly Column Ie = Declared.Parameter("I_e", 0.0, "pA");
    private static readonly Column TauM = Declared.Parameter("tau_m", 10.0, "ms", Requirement.Positive("tau_m > 0 required"));
    private static readonly Column VMin = Declared.ParameterRelativeTo(EL, "V_min", -double.MaxValue, "mV");
    private static readonly Column EpropIsiTraceCutoff = Declared.Parameter("eprop_isi_trace_cutoff", double.PositiveInfinity, "ms",
        Requirement.NonNegative("eprop_isi_trace_cutoff ≥ 0 required"));
    private static readonly Column Vm = Declared.StateRelativeTo(EL, "V_m", 0.0, "mV");
    private static readonly Column ErrorSignal = Declared.State("error_signal", 0.0, "mV");
    private static readonly Column ReadoutSignal = Declared.State("readout_signal", 0.0, "mV");
    private static readonly Column TargetSignal = Declared.State("target_signal", 0.0, "mV");
    private static readonly Column LearningWindowSignal = Declared.Internal("learning_window_signal");
    private static readonly Column IIn = Declared.Internal("i_in");
    private static readonly SpikeAndCurrentInputs Inputs = new(Declared);
    private static readonly InputChannel LearningWindowInput = Declared.Input("eprop_learning_window");
    private static readonly InputChannel TargetInput = Declared.Input("target_signal");
    private static readonly InputChannel LearningWindowMark = Declared.Input("eprop_learning_window_mark");
    private static readonly InputChannel TargetMark = Declared.Input("target_signal_mark");

    static EpropReadout()
    {
        Declared.SpikeReceptor(1, LearningWindowInput, "eprop_learning_window");
        Declared.SpikeReceptor(2, TargetInput, "target_signal");
        Declared.Recordable(ErrorSignal, ReadoutSignal, TargetSignal, Vm);
        Declared.ReadOnly(ErrorSignal, ReadoutSignal, TargetSignal);
    }

    private SecondaryEventBuffer? _learningSignalOut;

    public EpropReadout(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, static () => new EpropReadoutHistory<EpropCurrentFamily>(EpropReadoutHistory<EpropCurrentFamily>.CurrentFamilyShift),
            EpropHistoryCheckpoint.Save, r => EpropHistoryCheckpoint.RestoreReadout<EpropCurrentFamily>(r, EpropReadoutHistory<EpropCurrentFamily>.CurrentFamilyShift))
    {
    }

    /// <summary>The readout sends no spikes (NEST's eprop_readout has no SpikeEvent), only learning signals.</summary>
    public override bool EmitsSpikes => false;

    public override bool SendsSecondaryEvents => true;

    public override bool SendsSecondary(SecondaryEventType type) => type == EpropEvents.LearningSignal;

    public override bool ReceivesSecondary(SecondaryEventType type) => type == RateEvents.Delayed;

    public override void Prepare(SimulationContext context)
    {
        PrepareHistories(context);
        PrepareMembrane(context.Time, TauM, Cm, EpropIsiTraceCutoff);
        _learningSignalOut = context.Secondary.Of(EpropEvents.LearningSignal);
    }

    /// <summary>Both rate receptors set their signal.</summary>
    public int SignalMarkChannel(int channel)
    {
        int input = (channel - ChannelBase) / Count, position = (channel - ChannelBase) % Count;
        if (input == LearningWindowInput.Index) return ChannelOf(LearningWindowMark) + position;
        return input == TargetInput.Index ? ChannelOf(TargetMark) + position : -1;
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        // The learning signals of the slice: zero where no step is updated, as NEST's buffer.
        if (_learningSignalOut is { } buffer)
            for (int i = start; i < end; i++) buffer.RowToSend(IdOf(i)).Clear();
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, _learningSignalOut));
    }

    private readonly struct Stepper(EpropReadout group, SecondaryEventBuffer? learningSignals) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, learningSignals);
    }

    /// <summary>One step of the chunk's nodes in NEST's order.</summary>
    private void Advance(in ChunkStep s, SecondaryEventBuffer? learningSignals)
    {
        double[] vm = this[Vm], iIn = this[IIn], vMin = this[VMin], el = this[EL], ie = this[Ie];
        double[] error = this[ErrorSignal], readout = this[ReadoutSignal], target = this[TargetSignal], window = this[LearningWindowSignal];
        Span<double> spikeIn = s.Input(Inputs.Spikes), currentIn = s.Input(Inputs.Currents);
        Span<double> windowIn = s.Input(LearningWindowInput), targetIn = s.Input(TargetInput);
        Span<double> windowSet = s.Input(LearningWindowMark), targetSet = s.Input(TargetMark);
        long t = s.Step;
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            if (windowSet[k] != 0.0) window[i] = windowIn[k];
            if (targetSet[k] != 0.0) target[i] = targetIn[k];
            vm[i] = PiIn[i] * iIn[i] + spikeIn[k] + PvM[i] * vm[i];
            vm[i] = Math.Max(vm[i], vMin[i]);
            readout[i] = vm[i] + el[i];
            error[i] = readout[i] - target[i];
            target[i] *= window[i];
            readout[i] *= window[i];
            error[i] *= window[i];
            if (learningSignals is not null) learningSignals.RowToSend(IdOf(i))[s.Lag] = error[i];
            var history = ArchiveAt(i);
            history.Append(t);
            history.WriteErrorSignal(t, error[i]);
            iIn[i] = currentIn[k] + ie[i];
        }
    }

    public void EraseUsedEpropHistory(int position, long tSpike, long tSpikePrevious) =>
        ArchiveAt(position).EraseUsedHistory(tSpike, tSpikePrevious, CutoffSteps[position]);

    /// <summary>NEST's compute_gradient of eprop_readout: the error signal times the filtered presynaptic spikes.</summary>
    public void ComputeGradient(int position, long tSpike, long tSpikePrevious, ref EpropSynapseTrace trace, ref double weight,
        WeightOptimizerSettings cp, ref WeightOptimizerState optimizer, bool isFlushEvent, bool previousWasFlushEvent) =>
        EpropGradient.Compute(ArchiveAt(position), new GradientStep(), IdOf(position), PvM[position], CutoffSteps[position],
            tSpike, tSpikePrevious, ref trace, ref weight, cp, ref optimizer, isFlushEvent, previousWasFlushEvent);

    /// <summary>The readout's increment of a step: the error signal times z̄; no traces of its own.</summary>
    private readonly struct GradientStep : IEpropGradientStep<EpropReadoutEntry>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Increment(in EpropReadoutEntry entry, ref EpropSynapseTrace trace) => entry.ErrorSignal * trace.ZBar;

        public void Decay(ref EpropSynapseTrace trace) { }
    }
}
