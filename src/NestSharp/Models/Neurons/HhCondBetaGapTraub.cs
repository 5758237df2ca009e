namespace NestSharp.Models.Neurons;

/// <summary>
/// hh_cond_beta_gap_traub: Hodgkin-Huxley neuron after Traub and Miles (1991), as modified by Brette et al. (2007)
/// (hh_cond_exp_traub's channels), with beta-function synaptic conductances and gap junctions (Hahne et al. 2015).
/// <code>
/// C_m dV/dt = -g_Na m³h (V - E_Na) - g_K n⁴ (V - E_K) - g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) + I_stim + I_gap + I_e
/// dx/dt     = alpha_x - (alpha_x + beta_x) x                                   (x = m, h, n; rates in 1/ms)
/// with u = V - V_T:
/// alpha_n = 0.032 (15 - u) / (exp((15 - u)/5) - 1),   beta_n = 0.5 exp((10 - u)/40)
/// alpha_m = 0.32 (13 - u) / (exp((13 - u)/4) - 1),    beta_m = 0.28 (u - 40) / (exp((u - 40)/5) - 1)
/// alpha_h = 0.128 exp((17 - u)/18),                   beta_h = 4 / (1 + exp((40 - u)/5))
/// d(dg_X)/dt = -dg_X / tau_decay_X,   dg_X/dt = dg_X - g_X / tau_rise_X                       (X = ex, in)
/// I_gap = -(Σ_j g_ij) V + c_0 + c_1 τ + c_2 τ² + c_3 τ³   (τ = t/h within the step; GapJunctionInput)
/// </code>
/// Each step h is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does (error control
/// on the values with an absolute tolerance of 1e-3, the inner step size carrying over from step to step); the update
/// and the waveform relaxation are NEST's update_ of the gap models (<see cref="GapRkf45NeuronGroup{TConstants, TSystem, TLanes}"/>):
/// spikes arriving in the step add |w| · <see cref="BetaNormalization.Factor"/>(tau_rise_X, tau_decay_X) to dg_X
/// (positive weights to dg_ex, the others to dg_in; a weight of 1 gives a peak conductance of 1 nS); a refractory
/// neuron counts down, else the neuron spikes when V_m is at least V_T + 30 mV and lower than at the start of the step
/// (past the peak of the action potential), and is then refractory for t_ref (V_m is not reset or clamped). A new neuron
/// starts at V_m = -60 mV (NEST's default E_L) with m, h, n at the steady state of the rates evaluated at u = -60 (as
/// NEST initialises them).
/// <para>Parameters (units): g_Na, g_K, g_L (nS), C_m (pF), E_Na, E_K, E_L, V_T, E_ex, E_in (mV), tau_rise_ex,
/// tau_decay_ex, tau_rise_in, tau_decay_in, t_ref (ms), I_e (pA). State: V_m (mV), Act_m, Inact_h, Act_n.
/// Recordables: V_m, g_ex, g_in (nS; not in the status), Act_m, Inact_h, Act_n. Receptor 0: spikes, currents, gap
/// junctions.</para>
/// <para>References: Traub RD, Miles R (1991) Neuronal Networks of the Hippocampus. Cambridge University Press.
/// Brette R et al. (2007) Simulation of networks of spiking neurons: a review of tools and strategies. J Comput
/// Neurosci 23:349-398. Hahne J, Helias M, Kunkel S, Igarashi J, Bolten M, Frommer A, Diesmann M (2015) A unified
/// framework for spiking and gap-junction interactions in distributed neuronal network simulations. Front Neuroinform
/// 9:22. Rotter S, Diesmann M (1999) Exact digital simulation of time-invariant linear systems with applications to
/// neuronal modeling. Biol Cybern 81:381-402. Roth A, van Rossum M (2010) Modeling synapses, in De Schutter (ed)
/// Computational Modeling Methods for Neuroscientists, MIT Press. NEST model documentation, hh_cond_beta_gap_traub
/// (NEST 3.10).</para>
/// </summary>
[NodeModelName("hh_cond_beta_gap_traub")]
internal sealed class HhCondBetaGapTraub : GapRkf45NeuronGroup<HhCondBetaGapTraub.Constants, HhCondBetaGapTraub.Dynamics, HhCondBetaGapTraub.LaneDynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // g_Na, g_K, g_L (not negative), C_m, E_Na, E_K, E_L, V_T, E_ex, E_in, tau_rise_ex, tau_decay_ex, tau_rise_in,
    // tau_decay_in, t_ref, I_e; V_m and the gates; dg_ex, g_ex, dg_in, g_in; the refractory count; spikes_ex, spikes_in
    // and currents (receptor 0); the recordables
    private static readonly HhTraubMembrane Membrane = new(Declared, vT: -50.0, conductancesNonNegative: true,
        [("tau_rise_ex", 0.5), ("tau_decay_ex", 5.0), ("tau_rise_in", 0.5), ("tau_decay_in", 10.0)], betaConductances: true);
    private static readonly Column TauRiseEx = Membrane.TimeConstants[0];
    private static readonly Column TauDecayEx = Membrane.TimeConstants[1];
    private static readonly Column TauRiseIn = Membrane.TimeConstants[2];
    private static readonly Column TauDecayIn = Membrane.TimeConstants[3];

    // the gap inputs (receptor 0), after the membrane's inputs
    private static readonly GapJunctionInput Gap = new(Declared);

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YM = 1, YH = 2, YN = 3, YDGEx = 4, YGEx = 5, YDGIn = 6, YGIn = 7;

    /// <summary>The right-hand side of the eight state equations, for one node's parameters, current input and gap input.</summary>
    internal struct Dynamics : IGapDrivenOdeSystem
    {
        public static int Dimension => 8;

        public TraubCell Cell;
        public double TauRiseEx, TauDecayEx, TauRiseIn, TauDecayIn;

        /// <summary>The grid step h (ms): the gap polynomial's variable is t/h.</summary>
        public double Step;

        /// <summary>The gap input of the step being integrated.</summary>
        public GapCurrent Gap { readonly get; set; }

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = y[YV], m = y[YM], h = y[YH], n = y[YN];
            double iGap = Gap.At(v, t / Step);
            f[YV] = (Cell.ConductanceCurrents(v, m, h, n, y[YGEx], y[YGIn]) + IStim + iGap + Cell.Channels.Ie) / Cell.Channels.Cm;
            Cell.GateDerivatives(v, m, h, n, f);
            SynapticKernel.Derivatives(y, f, YDGEx, YGEx, TauDecayEx, TauRiseEx);
            SynapticKernel.Derivatives(y, f, YDGIn, YGIn, TauDecayIn, TauRiseIn);
        }
    }

    /// <summary>The right-hand side of four nodes, one per SIMD lane, each lane computing what <see cref="Dynamics"/> does.</summary>
    internal struct LaneDynamics : IGapDrivenLaneOdeSystem<Dynamics>
    {
        private LaneTraubCell _cell;
        private Vector256<double> _tauRiseEx, _tauDecayEx, _tauRiseIn, _tauDecayIn, _step, _iStim;

        public static bool DependsOnTime => true;

        /// <summary>The gap input of the step being integrated, lane l that of node l.</summary>
        public LaneGapCurrent Gap { readonly get; set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void LoadShared(in Dynamics system, Vector256<double> iStim)
        {
            _cell = new(system.Cell);
            _tauRiseEx = Vector256.Create(system.TauRiseEx);
            _tauDecayEx = Vector256.Create(system.TauDecayEx);
            _tauRiseIn = Vector256.Create(system.TauRiseIn);
            _tauDecayIn = Vector256.Create(system.TauDecayIn);
            _step = Vector256.Create(system.Step);
            _iStim = iStim;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Load(in Dynamics lane0, in Dynamics lane1, in Dynamics lane2, in Dynamics lane3)
        {
            _cell = new(lane0.Cell, lane1.Cell, lane2.Cell, lane3.Cell);
            _tauRiseEx = Vector256.Create(lane0.TauRiseEx, lane1.TauRiseEx, lane2.TauRiseEx, lane3.TauRiseEx);
            _tauDecayEx = Vector256.Create(lane0.TauDecayEx, lane1.TauDecayEx, lane2.TauDecayEx, lane3.TauDecayEx);
            _tauRiseIn = Vector256.Create(lane0.TauRiseIn, lane1.TauRiseIn, lane2.TauRiseIn, lane3.TauRiseIn);
            _tauDecayIn = Vector256.Create(lane0.TauDecayIn, lane1.TauDecayIn, lane2.TauDecayIn, lane3.TauDecayIn);
            _step = Vector256.Create(lane0.Step, lane1.Step, lane2.Step, lane3.Step);
            _iStim = Vector256.Create(lane0.IStim, lane1.IStim, lane2.IStim, lane3.IStim);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Derivatives(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> f, int lanes)
        {
            Vector256<double> v = y[YV], m = y[YM], h = y[YH], n = y[YN];
            var iGap = Gap.At(v, t / _step);
            f[YV] = (_cell.ConductanceCurrents(v, m, h, n, y[YGEx], y[YGIn]) + _iStim + iGap + _cell.Channels.Ie) / _cell.Channels.Cm;
            _cell.GateDerivatives(v, m, h, n, f);
            SynapticKernel.Derivatives(y, f, YDGEx, YGEx, _tauDecayEx, _tauRiseEx);
            SynapticKernel.Derivatives(y, f, YDGIn, YGIn, _tauDecayIn, _tauRiseIn);
        }
    }

    /// <summary>The dynamics of a parameter row, the jumps of dg_ex and dg_in per unit weight, the spike threshold V_T + 30 mV and t_ref in steps.</summary>
    internal struct Constants : IHhLaneRow<Constants, Dynamics>
    {
        public Dynamics Dynamics;
        public double JumpEx, JumpIn, SpikeThreshold;
        public long RefractorySteps;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.Dynamics;

        public static ErrorControl ControlOf(in Constants row) => Control;

        /// <summary>The inhibitory weights' magnitude goes to dg_in (NEST adds -w: a conductance).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AddSpikes(in Constants row, Span<double> y, double excitatory, double inhibitory)
        {
            y[YDGEx] += excitatory * row.JumpEx;
            y[YDGIn] += -inhibitory * row.JumpIn;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AddSpikes(in Constants row, Span<Vector256<double>> y, Vector256<double> excitatory, Vector256<double> inhibitory)
        {
            y[YDGEx] += excitatory * Vector256.Create(row.JumpEx);
            y[YDGIn] += Lanes.Negate(inhibitory) * Vector256.Create(row.JumpIn);
        }

        public static double ThresholdOf(in Constants row) => row.SpikeThreshold;

        public static long RefractoryStepsOf(in Constants row) => row.RefractorySteps;
    }

    /// <summary>NEST's error control of this model: gsl_odeiv_control_y_new(1e-3, 0).</summary>
    private static readonly ErrorControl Control = ErrorControl.OnValues(1e-3, 0.0);

    public HhCondBetaGapTraub(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane.Inputs, Gap, Membrane.RefractorySteps)
    {
        IntegratedState = Membrane.IntegratedStateOf(Columns);
    }

    public override void Prepare(SimulationContext context) => PrepareGapIntegration(context, ConstantsOf);

    private Constants ConstantsOf(int i, double h, TimeGrid time)
    {
        double tauRiseEx = this[TauRiseEx][i], tauDecayEx = this[TauDecayEx][i], tauRiseIn = this[TauRiseIn][i], tauDecayIn = this[TauDecayIn][i];
        return new Constants
        {
            Dynamics = new Dynamics
            {
                Cell = Membrane.CellOf(Columns, i),
                TauRiseEx = tauRiseEx, TauDecayEx = tauDecayEx, TauRiseIn = tauRiseIn, TauDecayIn = tauDecayIn,
                Step = h,
            },
            JumpEx = BetaNormalization.Factor(tauRiseEx, tauDecayEx),
            JumpIn = BetaNormalization.Factor(tauRiseIn, tauDecayIn),
            SpikeThreshold = Membrane.SpikeThresholdOf(Columns, i),
            RefractorySteps = Membrane.RefractoryStepsOf(Columns, i, time),
        };
    }
}
