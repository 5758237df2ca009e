using NestSharp.Models.Synapses;

namespace NestSharp.Models.Neurons;

/// <summary>
/// hh_psc_alpha_gap: Hodgkin-Huxley neuron with alpha-shaped post-synaptic currents and gap junctions (Mancilla et al.
/// 2007 parameters; Hahne et al. 2015 for the gap junctions).
/// <code>
/// C_m dV/dt = -(g_Na m³h (V - E_Na) + (g_Kv1 n⁴ + g_Kv3 p²)(V - E_K) + g_L (V - E_L)) + I_stim + I_e + I_syn_ex + I_syn_in + I_gap
/// dx/dt     = alpha_x(V) (1 - x) - beta_x(V) x                                      (x = m, h, n, p; rates in 1/ms)
/// alpha_m = 40 (V - 75.5) / (1 - exp(-(V - 75.5)/13.5)),   beta_m = 1.2262 / exp(V/42.248)
/// alpha_h = 0.0035 / exp(V/24.186),                          beta_h = 0.017 (51.25 + V) / (1 - exp(-(51.25 + V)/5.2))
/// alpha_p = (V - 95) / (1 - exp(-(V - 95)/11.8)),            beta_p = 0.025 / exp(V/22.222)
/// alpha_n = 0.014 (V + 44) / (1 - exp(-(V + 44)/2.3)),       beta_n = 0.0043 / exp((V + 44)/34)
/// d(dI_X)/dt = -dI_X / tau_syn_X,   dI_syn_X/dt = dI_X - I_syn_X / tau_syn_X                (X = ex, in)
/// I_gap = -(Σ_j g_ij) V + c_0 + c_1 τ + c_2 τ² + c_3 τ³   (τ = t/h within the step; GapJunctionInput)
/// </code>
/// Each step h is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does (error control
/// on the values with an absolute tolerance of 1e-6, the inner step size carrying over from step to step). After the
/// step, in this order: spikes arriving in the step add w · e/tau_syn_X to dI_X (positive weights excitatory, the
/// others inhibitory); a refractory neuron counts down, else the neuron spikes when V_m is at least 0 mV and lower than
/// at the start of the step, and is then refractory for t_ref (V_m is not reset); a current input takes effect from the
/// next step. After its update the neuron sends its final V_m to its gap junctions as constant for every step of the
/// slice. With use_wfr (node_uses_wfr) each slice is first iterated (NEST's wfr_update): the neurons integrate the
/// slice from their state without spiking, with the current input of the slice's start and the spikes of each step,
/// send the coefficients of their potential per step (wfr_interpolation_order 0, 1 or 3: constant, linear or cubic
/// Hermite), and restore their state; the iterations stop when no neuron's V_m at any step moved by more than wfr_tol
/// since the last one (the first iteration of a slice compares with 0). The inner step size is not restored, as in NEST.
/// V_m starts at -69.60401191631222 mV and the gates at their steady state there.
/// <para>Parameters (units): t_ref (ms), g_Na, g_Kv1, g_Kv3, g_L (nS), C_m (pF), E_Na, E_K, E_L (mV), tau_syn_ex,
/// tau_syn_in (ms), I_e (pA). State: V_m (mV), Act_m, Inact_h, Act_n, Inact_p. Recordables: V_m, I_syn_ex, I_syn_in
/// (pA), Act_m, Inact_h, Act_n, Inact_p. Receptor 0: spikes, currents, gap junctions.</para>
/// <para>References: Gerstner W, Kistler W (2002) Spiking neuron models, Cambridge University Press. Mancilla JG, Lewis
/// TJ, Pinto DJ, Rinzel J, Connors BW (2007) Synchronization of electrically coupled pairs of inhibitory interneurons in
/// neocortex. J Neurosci 27:2058-2073. Hodgkin AL, Huxley AF (1952) J Physiol 117:500-544. Hahne J, Helias M, Kunkel S,
/// Igarashi J, Bolten M, Frommer A, Diesmann M (2015) A unified framework for spiking and gap-junction interactions in
/// distributed neuronal network simulations. Front Neuroinform 9:22. NEST model documentation, hh_psc_alpha_gap (NEST 3.10).</para>
/// </summary>
[NodeModelName("hh_psc_alpha_gap")]
internal sealed class HhPscAlphaGap : Rkf45NeuronGroup<HhPscAlphaGap.Constants, HhPscAlphaGap.Dynamics>, IGapJunctionNode
{
    private const string TimeConstantsPositive = "all time constants must be strictly positive";
    private const string ConductancesNonNegative = "all conductances must be non-negative";

    /// <summary>The potential at which a new neuron starts (mV), with its gates at their steady state there.</summary>
    private const double InitialPotential = -69.60401191631222;

    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column TRef = Declared.Parameter("t_ref", 2.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
    private static readonly Column GNa = Declared.Parameter("g_Na", 4500.0, "nS", Requirement.NonNegative(ConductancesNonNegative));
    private static readonly Column GKv1 = Declared.Parameter("g_Kv1", 9.0, "nS", Requirement.NonNegative(ConductancesNonNegative));
    private static readonly Column GKv3 = Declared.Parameter("g_Kv3", 9000.0, "nS", Requirement.NonNegative(ConductancesNonNegative));
    private static readonly Column GL = Declared.Parameter("g_L", 10.0, "nS", Requirement.NonNegative(ConductancesNonNegative));
    private static readonly Column Cm = Declared.Parameter("C_m", 40.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
    private static readonly Column ENa = Declared.Parameter("E_Na", 74.0, "mV");
    private static readonly Column EK = Declared.Parameter("E_K", -90.0, "mV");
    private static readonly Column EL = Declared.Parameter("E_L", -70.0, "mV");
    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 0.2, "ms", Requirement.Positive(TimeConstantsPositive));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive(TimeConstantsPositive));
    private static readonly Column Ie = Declared.Parameter("I_e", 0.0, "pA");

    private static readonly HhGates Gates = new(Declared, InitialPotential, Rates.At(InitialPotential).Gates);
    private static readonly Column InactP = Declared.State("Inact_p", Rates.At(InitialPotential).PSteadyState, "", Requirement.NonNegative(HhGates.GatesNonNegative));
    private static readonly Column DISynEx = Declared.Internal("dI_syn_ex");
    private static readonly Column ISynEx = Declared.Internal("I_syn_ex");
    private static readonly Column DISynIn = Declared.Internal("dI_syn_in");
    private static readonly Column ISynIn = Declared.Internal("I_syn_in");
    private static readonly Column RefractorySteps = Declared.Internal("refractory_steps");

    private static readonly SignedSpikeAndCurrentInputs Inputs = new(Declared, SpikeRouting.BySignZeroInhibitory);
    private static readonly GapJunctionInput Gap = new(Declared);

    static HhPscAlphaGap()
    {
        Declared.Recordable(Gates.Vm, ISynEx, ISynIn, Gates.ActM, Gates.InactH, Gates.ActN, InactP);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YM = 1, YH = 2, YN = 3, YP = 4, YDIEx = 5, YIEx = 6, YDIIn = 7, YIIn = 8;

    /// <summary>The opening and closing rates of the gates (1/ms) at a potential, in NEST's order of operations.</summary>
    private readonly record struct Rates(double AlphaM, double BetaM, double AlphaH, double BetaH, double AlphaP, double BetaP, double AlphaN, double BetaN)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Rates At(double v) => new(
            AlphaM: 40.0 * (v - 75.5) / (1.0 - Math.Exp(-(v - 75.5) / 13.5)),
            BetaM: 1.2262 / Math.Exp(v / 42.248),
            AlphaH: 0.0035 / Math.Exp(v / 24.186),
            BetaH: 0.017 * (51.25 + v) / (1.0 - Math.Exp(-(51.25 + v) / 5.2)),
            AlphaP: (v - 95.0) / (1.0 - Math.Exp(-(v - 95.0) / 11.8)),
            BetaP: 0.025 / Math.Exp(v / 22.222),
            AlphaN: 0.014 * (v + 44.0) / (1.0 - Math.Exp(-(v + 44.0) / 2.3)),
            BetaN: 0.0043 / Math.Exp((v + 44.0) / 34.0));

        /// <summary>The rates of m, h and n, for their steady state.</summary>
        public GateRates Gates => new(AlphaN, BetaN, AlphaM, BetaM, AlphaH, BetaH);

        public double PSteadyState => AlphaP / (AlphaP + BetaP);
    }

    /// <summary>The right-hand side of the nine state equations, for one node's parameters, current input and gap input.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem
    {
        public static int Dimension => 9;

        public double GNa, GKv1, GKv3, GL, Cm, ENa, EK, EL, Ie, TauSynEx, TauSynIn;

        /// <summary>The grid step h (ms): the gap polynomial's variable is t/h.</summary>
        public double Step;

        /// <summary>The gap input of the step being integrated.</summary>
        public GapCurrent Gap;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = y[YV], m = y[YM], h = y[YH], n = y[YN], p = y[YP];
            var r = Rates.At(v);
            double iNa = GNa * m * m * m * h * (v - ENa);
            double iK = (GKv1 * n * n * n * n + GKv3 * p * p) * (v - EK);
            double iL = GL * (v - EL);
            double iGap = Gap.At(v, t / Step);
            f[YV] = (-(iNa + iK + iL) + IStim + Ie + y[YIEx] + y[YIIn] + iGap) / Cm;
            f[YM] = r.AlphaM * (1 - m) - r.BetaM * m;
            f[YH] = r.AlphaH * (1 - h) - r.BetaH * h;
            f[YP] = r.AlphaP * (1 - p) - r.BetaP * p;
            f[YN] = r.AlphaN * (1 - n) - r.BetaN * n;
            SynapticKernel.Derivatives(y, f, YDIEx, YIEx, TauSynEx, TauSynEx);
            SynapticKernel.Derivatives(y, f, YDIIn, YIIn, TauSynIn, TauSynIn);
        }
    }

    /// <summary>The dynamics of a parameter row, the jumps of dI_ex and dI_in per unit weight (e/tau_syn) and t_ref in steps.</summary>
    internal struct Constants : IRkf45Row<Constants, Dynamics>
    {
        public Dynamics Dynamics;
        public double JumpEx, JumpIn;
        public long RefractorySteps;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.Dynamics;

        public static ErrorControl ControlOf(in Constants row) => Control;
    }

    /// <summary>NEST's error control of this model: gsl_odeiv_control_y_new(1e-6, 0).</summary>
    private static readonly ErrorControl Control = ErrorControl.OnValues(1e-6, 0.0);

    private SecondaryEventBuffer? _gapOut;
    private int[] _gapRow = [];
    private int _order;

    /// <summary>Per node and step of the slice: V_m of the last iteration of the waveform relaxation (NEST's last_y_values), 0 after an update.</summary>
    private double[] _lastValues = [];

    /// <summary>The integrated state before an iteration, restored after it (NEST's wfr_update).</summary>
    private double[][] _saved = [];

    public HhPscAlphaGap(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Inputs.Currents)
    {
        IntegratedState = [this[Gates.Vm], this[Gates.ActM], this[Gates.InactH], this[Gates.ActN], this[InactP], this[DISynEx], this[ISynEx], this[DISynIn], this[ISynIn]];
    }

    public override bool SupportsCheckpoint => true;

    public override bool SendsSecondaryEvents => true;

    public override bool SendsSecondary(SecondaryEventType type) => type == GapJunctionEvents.Type;

    public override bool ReceivesSecondary(SecondaryEventType type) => type == GapJunctionEvents.Type;

    public override bool SupportsWaveformRelaxation => true;

    public void MapGapChannels(int[] gapChannel, int[] gapStride)
    {
        int first = ChannelOf(Gap.First);
        for (int c = 0; c < ChannelsPerNode; c++)
        {
            for (int p = 0; p < Count; p++)
            {
                gapChannel[ChannelBase + c * Count + p] = first + p;
                gapStride[ChannelBase + c * Count + p] = Count;
            }
        }
    }

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        double h = time.StepToMs(1);
        PrepareIntegration(context, h);
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => ConstantsOf(i, h, time));
        int minDelay = context.MinDelaySteps;
        _gapOut = context.Secondary.Of(GapJunctionEvents.Type);
        _order = _gapOut is null ? 0 : _gapOut.ValuesPerSlice / minDelay - 1;
        _gapRow = new int[Count];
        for (int i = 0; i < Count; i++) _gapRow[i] = _gapOut is null ? -1 : _gapOut.RowOfNode[IdOf(i)];
        if (_lastValues.Length != Count * minDelay) _lastValues = new double[Count * minDelay];
        if (_saved.Length != Dynamics.Dimension || _saved[0].Length != Count)
            _saved = [.. Enumerable.Range(0, Dynamics.Dimension).Select(_ => new double[Count])];
        PlaceRestoredGapInput(context.Secondary.Instant);
    }

    private Constants ConstantsOf(int i, double h, TimeGrid time)
    {
        double tauEx = this[TauSynEx][i], tauIn = this[TauSynIn][i];
        return new Constants
        {
            Dynamics = new Dynamics
            {
                GNa = this[GNa][i], GKv1 = this[GKv1][i], GKv3 = this[GKv3][i], GL = this[GL][i], Cm = this[Cm][i],
                ENa = this[ENa][i], EK = this[EK][i], EL = this[EL][i], Ie = this[Ie][i], TauSynEx = tauEx, TauSynIn = tauIn,
                Step = h,
            },
            JumpEx = Math.E / tauEx,
            JumpIn = Math.E / tauIn,
            RefractorySteps = time.MsToStepsCeil(this[TRef][i]),
        };
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
        int n = end - start, channels = ChannelsPerNode, minDelay = context.MinDelaySteps, order = _order, perStep = order + 1;
        var instant = context.Secondary.Instant;
        double[] instantData = instant.Data;
        int gapFirst = ChannelOf(Gap.First);
        double[] sent = _gapOut?.Sent ?? [];
        int stride = _gapOut?.ValuesPerSlice ?? 0;
        double[][] state = IntegratedState;
        double[] refractory = this[RefractorySteps], vm = this[Gates.Vm];
        var sets = ParameterSets.Sets;
        var setOfNode = ParameterSets.SetOfNode;
        var spikes = context.SpikesOfVp[thread];
        double h = Resolution;
        bool converged = true;
        Span<double> y = stackalloc double[Dynamics.Dimension];
        Span<double> f = stackalloc double[Dynamics.Dimension];

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
            int rowStart = lag * instant.Channels;
            for (int i = start; i < end; i++)
            {
                ref readonly Constants c = ref sets[setOfNode[i]];
                for (int j = 0; j < y.Length; j++) y[j] = state[j][i];
                var system = c.Dynamics;
                system.IStim = CurrentInput(i);
                system.Gap = GapJunctionInput.Read(instantData, rowStart, 0, gapFirst, Count, order, i);
                double y0 = y[YV], f0 = 0.0;
                if (iteration && order == 3)
                {
                    system.Derivatives(0.0, y, f);
                    f0 = h * f[YV];
                }
                double vBefore = y[YV];
                EvolveOverStep(thread, i, ref system, Control, y);
                y[YDIEx] += input[Inputs.SpikesEx.Index * Count + i] * c.JumpEx;
                y[YDIIn] += input[Inputs.SpikesIn.Index * Count + i] * c.JumpIn;
                if (iteration)
                {
                    ref double last = ref _lastValues[i * minDelay + lag];
                    if (Math.Abs(y[YV] - last) > tolerance) converged = false;
                    last = y[YV];
                    if (_gapRow[i] >= 0)
                    {
                        double f1 = 0.0;
                        if (order == 3)
                        {
                            system.Derivatives(h, y, f);
                            f1 = h * f[YV];
                        }
                        GapJunctionInput.Interpolate(sent.AsSpan(_gapRow[i] * stride + lag * perStep, perStep), order, y0, y[YV], f0, f1);
                    }
                }
                else
                {
                    if (HhGates.PeakPassed(ref refractory[i], c.RefractorySteps, y[YV], vBefore, 0.0)) spikes.Add(lag, IdOf(i));
                    CurrentInput(i) = input[Inputs.Currents.Index * Count + i];
                }
                for (int j = 0; j < y.Length; j++) state[j][i] = y[j];
            }
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
        GapJunctionInput.Clear(instant, gapFirst, Count, start, end);
        return converged;
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
        int first = ChannelOf(Gap.First);
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
        int first = ChannelOf(Gap.First);
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
