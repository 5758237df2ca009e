using Constants = NestSharp.Models.Neurons.HhAlphaCurrentRow<NestSharp.Models.Neurons.HhPscAlphaGap.Dynamics, NestSharp.Models.Neurons.HhPscAlphaGap.Layout>;

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
/// on the values with an absolute tolerance of 1e-6, the inner step size carrying over from step to step); the update
/// and the waveform relaxation are NEST's update_ of the gap models (<see cref="GapRkf45NeuronGroup{TConstants, TSystem, TLanes}"/>):
/// spikes arriving in the step add w · e/tau_syn_X to dI_X (positive weights excitatory, the others inhibitory), the
/// spike threshold is 0 mV.
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
internal sealed class HhPscAlphaGap : GapRkf45NeuronGroup<Constants, HhPscAlphaGap.Dynamics, HhPscAlphaGap.LaneDynamics>
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

    /// <summary>As <see cref="Rates"/> in each SIMD lane: the same operations in the same order, e^x by <see cref="LaneExp"/>.</summary>
    private readonly record struct LaneRates(Vector256<double> AlphaM, Vector256<double> BetaM, Vector256<double> AlphaH, Vector256<double> BetaH,
        Vector256<double> AlphaP, Vector256<double> BetaP, Vector256<double> AlphaN, Vector256<double> BetaN)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static LaneRates At(Vector256<double> v)
        {
            var one = Vector256<double>.One;
            var vm = v - Vector256.Create(75.5);
            var vh = Vector256.Create(51.25) + v;
            var vp = v - Vector256.Create(95.0);
            var vn = v + Vector256.Create(44.0);
            return new(
                AlphaM: Vector256.Create(40.0) * vm / (one - LaneExp.Exp(Lanes.Negate(vm) / Vector256.Create(13.5))),
                BetaM: Vector256.Create(1.2262) / LaneExp.Exp(v / Vector256.Create(42.248)),
                AlphaH: Vector256.Create(0.0035) / LaneExp.Exp(v / Vector256.Create(24.186)),
                BetaH: Vector256.Create(0.017) * vh / (one - LaneExp.Exp(Lanes.Negate(vh) / Vector256.Create(5.2))),
                AlphaP: vp / (one - LaneExp.Exp(Lanes.Negate(vp) / Vector256.Create(11.8))),
                BetaP: Vector256.Create(0.025) / LaneExp.Exp(v / Vector256.Create(22.222)),
                AlphaN: Vector256.Create(0.014) * vn / (one - LaneExp.Exp(Lanes.Negate(vn) / Vector256.Create(2.3))),
                BetaN: Vector256.Create(0.0043) / LaneExp.Exp(vn / Vector256.Create(34.0)));
        }
    }

    /// <summary>The right-hand side of the nine state equations, for one node's parameters, current input and gap input.</summary>
    internal struct Dynamics : IGapDrivenOdeSystem
    {
        public static int Dimension => 9;

        public double GNa, GKv1, GKv3, GL, Cm, ENa, EK, EL, Ie, TauSynEx, TauSynIn;

        /// <summary>The grid step h (ms): the gap polynomial's variable is t/h.</summary>
        public double Step;

        /// <summary>The gap input of the step being integrated.</summary>
        public GapCurrent Gap { readonly get; set; }

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

    /// <summary>The right-hand side of four nodes, one per SIMD lane, each lane computing what <see cref="Dynamics"/> does.</summary>
    internal struct LaneDynamics : IGapDrivenLaneOdeSystem<Dynamics>
    {
        private Vector256<double> _gNa, _gKv1, _gKv3, _gL, _cm, _eNa, _eK, _eL, _ie, _tauSynEx, _tauSynIn, _step, _iStim;

        public static bool DependsOnTime => true;

        /// <summary>The gap input of the step being integrated, lane l that of node l.</summary>
        public LaneGapCurrent Gap { readonly get; set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void LoadShared(in Dynamics system, Vector256<double> iStim)
        {
            _gNa = Vector256.Create(system.GNa);
            _gKv1 = Vector256.Create(system.GKv1);
            _gKv3 = Vector256.Create(system.GKv3);
            _gL = Vector256.Create(system.GL);
            _cm = Vector256.Create(system.Cm);
            _eNa = Vector256.Create(system.ENa);
            _eK = Vector256.Create(system.EK);
            _eL = Vector256.Create(system.EL);
            _ie = Vector256.Create(system.Ie);
            _tauSynEx = Vector256.Create(system.TauSynEx);
            _tauSynIn = Vector256.Create(system.TauSynIn);
            _step = Vector256.Create(system.Step);
            _iStim = iStim;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Load(in Dynamics lane0, in Dynamics lane1, in Dynamics lane2, in Dynamics lane3)
        {
            _gNa = Vector256.Create(lane0.GNa, lane1.GNa, lane2.GNa, lane3.GNa);
            _gKv1 = Vector256.Create(lane0.GKv1, lane1.GKv1, lane2.GKv1, lane3.GKv1);
            _gKv3 = Vector256.Create(lane0.GKv3, lane1.GKv3, lane2.GKv3, lane3.GKv3);
            _gL = Vector256.Create(lane0.GL, lane1.GL, lane2.GL, lane3.GL);
            _cm = Vector256.Create(lane0.Cm, lane1.Cm, lane2.Cm, lane3.Cm);
            _eNa = Vector256.Create(lane0.ENa, lane1.ENa, lane2.ENa, lane3.ENa);
            _eK = Vector256.Create(lane0.EK, lane1.EK, lane2.EK, lane3.EK);
            _eL = Vector256.Create(lane0.EL, lane1.EL, lane2.EL, lane3.EL);
            _ie = Vector256.Create(lane0.Ie, lane1.Ie, lane2.Ie, lane3.Ie);
            _tauSynEx = Vector256.Create(lane0.TauSynEx, lane1.TauSynEx, lane2.TauSynEx, lane3.TauSynEx);
            _tauSynIn = Vector256.Create(lane0.TauSynIn, lane1.TauSynIn, lane2.TauSynIn, lane3.TauSynIn);
            _step = Vector256.Create(lane0.Step, lane1.Step, lane2.Step, lane3.Step);
            _iStim = Vector256.Create(lane0.IStim, lane1.IStim, lane2.IStim, lane3.IStim);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Derivatives(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> f, int lanes)
        {
            Vector256<double> v = y[YV], m = y[YM], h = y[YH], n = y[YN], p = y[YP];
            var one = Vector256<double>.One;
            var r = LaneRates.At(v);
            var iNa = _gNa * m * m * m * h * (v - _eNa);
            var iK = (_gKv1 * n * n * n * n + _gKv3 * p * p) * (v - _eK);
            var iL = _gL * (v - _eL);
            var iGap = Gap.At(v, t / _step);
            f[YV] = (Lanes.Negate(iNa + iK + iL) + _iStim + _ie + y[YIEx] + y[YIIn] + iGap) / _cm;
            f[YM] = r.AlphaM * (one - m) - r.BetaM * m;
            f[YH] = r.AlphaH * (one - h) - r.BetaH * h;
            f[YP] = r.AlphaP * (one - p) - r.BetaP * p;
            f[YN] = r.AlphaN * (one - n) - r.BetaN * n;
            SynapticKernel.Derivatives(y, f, YDIEx, YIEx, _tauSynEx, _tauSynEx);
            SynapticKernel.Derivatives(y, f, YDIIn, YIIn, _tauSynIn, _tauSynIn);
        }
    }

    /// <summary>Where dI_ex and dI_in sit in the state vector, and the error control: gsl_odeiv_control_y_new(1e-6, 0).</summary>
    internal readonly struct Layout : IAlphaCurrentLayout
    {
        public static int DIEx => YDIEx;

        public static int DIIn => YDIIn;

        public static ErrorControl Control { get; } = ErrorControl.OnValues(1e-6, 0.0);
    }

    public HhPscAlphaGap(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Inputs, Gap, RefractorySteps)
    {
        IntegratedState = [this[Gates.Vm], this[Gates.ActM], this[Gates.InactH], this[Gates.ActN], this[InactP], this[DISynEx], this[ISynEx], this[DISynIn], this[ISynIn]];
    }

    public override void Prepare(SimulationContext context) => PrepareGapIntegration(context, ConstantsOf);

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
}
