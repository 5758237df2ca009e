using NestSharp.Models.Synapses;

namespace NestSharp.Models.Neurons;

/// <summary>
/// aeif_psc_delta_clopath: adaptive exponential integrate-and-fire neuron with delta-shaped synaptic input, an adaptive
/// threshold, a depolarising spike after-current and the low-pass filtered membrane potentials that voltage-based STDP
/// (clopath_synapse) reads (Clopath et al. 2010). With V the membrane potential as the dynamics see it,
/// <code>
/// C_m dV/dt      = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - w + z + I_e + I_stim
/// tau_w dw/dt    = a (V - E_L) - w
/// tau_z dz/dt    = -z
/// tau_V_th dV_th/dt = -(V_th - V_th_rest)
/// tau_u_bar_plus dū+/dt = V - ū+,   tau_u_bar_minus dū-/dt = V - ū-,   tau_u_bar_bar dū̄/dt = ū- - ū̄
/// </code>
/// V is min(V_m, V_peak) normally, V_clamp while clamped (then dV/dt = dw/dt = 0) and V_reset while refractory (then
/// dV/dt = 0); with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold instead of V_peak.
/// Each step h is integrated with adaptive embedded Runge-Kutta-Fehlberg 4(5) steps (<see cref="Rkf45Integrator"/>,
/// error control on h·dy/dt with eps_abs = eps_rel = gsl_error_tol, as NEST's GSL rkf45 set-up); the inner step size
/// carries over from step to step. After every inner step, in this order: spikes arriving in the step are added to V_m
/// (after the first inner step only, and dropped while clamped or refractory); V_m &gt;= V_peak (not clamped) is a spike:
/// V_m = V_clamp, w += b, z = I_sp, V_th = V_th_max, clamped for t_clamp; the last clamped step ends with V_m = V_reset
/// and the refractory time t_ref starts, during which V_m is held at V_reset. At the end of the step the state is
/// written to the neuron's <see cref="ClopathHistory"/>; a current input takes effect from the next step.
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th_max, V_th_rest, Delta_T, V_clamp (mV),
/// t_ref, t_clamp, tau_w, tau_z, tau_V_th, tau_u_bar_plus, tau_u_bar_minus, tau_u_bar_bar, delay_u_bars (ms),
/// a (nS), b, I_sp, I_e (pA), gsl_error_tol; Clopath rule: A_LTP (1/mV²), A_LTD (1/mV), A_LTD_const (bool), theta_plus,
/// theta_minus (mV), u_ref_squared (mV²); archiving: tau_minus, tau_minus_triplet, tau_Ca (ms), beta_Ca. State: V_m,
/// u_bar_plus, u_bar_minus, u_bar_bar (mV), w (pA), Ca. Recordables: V_m, w, z, V_th, u_bar_plus, u_bar_minus,
/// u_bar_bar. As in NEST, z and V_th are not part of the status (V_th starts at -50.4 mV, NEST's default V_th_rest,
/// whatever V_th_rest is set to), and u_bar_* start at -70.6 mV.</para>
/// <para>References: Clopath C, Büsing L, Vasilaki E, Gerstner W (2010) Connectivity reflects coding: a model of
/// voltage-based STDP with homeostasis. Nat Neurosci 13:344-352. Brette R, Gerstner W (2005) J Neurophysiol
/// 94:3637-3642. NEST model documentation, aeif_psc_delta_clopath (NEST 3.10).</para>
/// </summary>
[NodeModelName("aeif_psc_delta_clopath")]
internal sealed class AeifPscDeltaClopath : Rkf45NeuronGroup<AeifPscDeltaClopath.Constants, AeifPscDeltaClopath.Dynamics>, IKeepsHistory<ClopathHistory>
{
    private const string TimeConstantsPositive = "all time constants must be strictly positive";

    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column Cm = Declared.Parameter("C_m", 281.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
    private static readonly Column GL = Declared.Parameter("g_L", 30.0, "nS");
    private static readonly Column EL = Declared.Parameter("E_L", -70.6, "mV");
    private static readonly Column VReset = Declared.Parameter("V_reset", -60.0, "mV");
    private static readonly Column VPeak = Declared.Parameter("V_peak", 33.0, "mV");
    private static readonly Column TRef = Declared.Parameter("t_ref", 0.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
    private static readonly Column DeltaT = Declared.Parameter("Delta_T", 2.0, "mV", Requirement.NonNegative("must be greater than or equal to zero"));
    private static readonly Column VThMax = Declared.Parameter("V_th_max", 30.4, "mV");
    private static readonly Column VThRest = Declared.Parameter("V_th_rest", -50.4, "mV");
    private static readonly Column TauVTh = Declared.Parameter("tau_V_th", 50.0, "ms", Requirement.Positive(TimeConstantsPositive));
    private static readonly Column A = Declared.Parameter("a", 4.0, "nS");
    private static readonly Column B = Declared.Parameter("b", 80.5, "pA");
    private static readonly Column TauW = Declared.Parameter("tau_w", 144.0, "ms", Requirement.Positive(TimeConstantsPositive));
    private static readonly Column ISp = Declared.Parameter("I_sp", 400.0, "pA");
    private static readonly Column TauZ = Declared.Parameter("tau_z", 40.0, "ms", Requirement.Positive(TimeConstantsPositive));
    private static readonly Column TClamp = Declared.Parameter("t_clamp", 2.0, "ms", Requirement.NonNegative("ensure that t_clamp >= 0"));
    private static readonly Column VClamp = Declared.Parameter("V_clamp", 33.0, "mV");

    // tau_u_bar_plus, tau_u_bar_minus, tau_u_bar_bar, A_LTP, A_LTD, A_LTD_const, theta_plus, theta_minus, u_ref_squared,
    // delay_u_bars and the state u_bar_plus, u_bar_minus, u_bar_bar: shared with hh_psc_alpha_clopath
    private static readonly ClopathArchiving Clopath = new(Declared, tauUBarPlus: 7.0, uBarInitial: -70.6);

    private static readonly Column Ie = Declared.Parameter("I_e", 0.0, "pA");
    private static readonly Column GslErrorTol = Declared.Parameter("gsl_error_tol", 1e-6, "", Requirement.Positive("must be strictly positive"));

    private static readonly Column Vm = Declared.State("V_m", -70.6, "mV");
    private static readonly Column W = Declared.State("w", 0.0, "pA");

    /// <summary>
    /// The spike after-current and the adaptive threshold, not part of the status in NEST; V_th starts at -50.4 mV,
    /// NEST's default V_th_rest, whatever V_th_rest is set to.
    /// </summary>
    private static readonly Column Z = Declared.Internal("z");
    private static readonly Column VTh = Declared.Internal("V_th", -50.4);

    private static readonly SpikeAndCurrentInputs Inputs = new(Declared);

    static AeifPscDeltaClopath()
    {
        Declared.Recordable(Vm, W, Z, VTh, Clopath.UBarPlus, Clopath.UBarMinus, Clopath.UBarBar);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YW = 1, YZ = 2, YVTh = 3, YUBarPlus = 4, YUBarMinus = 5, YUBarBar = 6, StateSize = 7;

    /// <summary>The constants of one parameter row, as the dynamics and the update use them.</summary>
    internal struct Constants : IRkf45Row<Constants, Dynamics>
    {
        public Dynamics Dynamics;
        public ErrorControl Control;
        public double VPeak, VReset, VClamp, VThMax, B, ISp;
        public bool ExponentialTerm;
        public int RefractorySteps, ClampSteps;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.Dynamics;

        public static ErrorControl ControlOf(in Constants row) => row.Control;
    }

    /// <summary>The right-hand side of the seven state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem
    {
        public static int Dimension => StateSize;

        public double GL, Cm, EL, DeltaT, TauW, TauZ, TauVTh, VThRest, A, Ie;
        public ClopathArchiving.FilterTimeConstants Filters;
        public double VPeak, VReset, VClamp;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public bool Refractory, Clamped;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            bool held = Refractory || Clamped;
            double v = held ? (Clamped ? VClamp : VReset) : (VPeak < y[YV] ? VPeak : y[YV]);
            double w = y[YW], z = y[YZ], vTh = y[YVTh];
            double spikeCurrent = DeltaT == 0.0 ? 0.0 : GL * DeltaT * Math.Exp((v - vTh) / DeltaT);

            f[YV] = held ? 0.0 : (-GL * (v - EL) + spikeCurrent - w + z + Ie + IStim) / Cm;
            f[YW] = Clamped ? 0.0 : (A * (v - EL) - w) / TauW;
            f[YZ] = -z / TauZ;
            f[YVTh] = -(vTh - VThRest) / TauVTh;
            Filters.Derivatives(v, y, f, YUBarPlus);
        }
    }

    private readonly int[] _refractory, _clamp;
    private readonly ClopathHistory?[] _histories;

    public AeifPscDeltaClopath(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Inputs.Currents)
    {
        _refractory = new int[count];
        _clamp = new int[count];
        _histories = new ClopathHistory?[count];
        IntegratedState = [this[Vm], this[W], this[Z], this[VTh], this[Clopath.UBarPlus], this[Clopath.UBarMinus], this[Clopath.UBarBar]];
    }

    public override bool SupportsCheckpoint => true;

    protected override void SaveModelState(CheckpointWriter writer)
    {
        base.SaveModelState(writer);
        WriteInIdOrder(writer, _refractory);
        WriteInIdOrder(writer, _clamp);
        WriteInIdOrder(writer, _histories, history => history.SaveCheckpoint(writer));
    }

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        base.RestoreModelState(reader, context);
        ReadInIdOrder(reader, _refractory);
        ReadInIdOrder(reader, _clamp);
        ReadInIdOrder(reader, _histories, ClopathHistory.Restore);
    }

    protected override void Validate(in StatusRow row)
    {
        row.Require(row[VReset] < row[VPeak], VReset, $"ensure that V_reset < V_peak (V_peak = {row[VPeak]})");
        if (row[DeltaT] > 0)
        {
            // The exponential must stay representable at the spike, with a margin of 1e20 for what follows.
            double maxExponent = Math.Log(double.MaxValue / 1e20);
            row.Require((row[VPeak] - row[VThRest]) / row[DeltaT] < maxExponent, DeltaT,
                $"(V_peak - V_th_rest)/Delta_T = {(row[VPeak] - row[VThRest]) / row[DeltaT]} would overflow the exponential at spike time; increase Delta_T or reduce V_peak");
        }
        row.Require(row[VThMax] >= row[VThRest], VThMax, $"V_th_max >= V_th_rest required (V_th_rest = {row[VThRest]})");
        row.Require(row[VPeak] >= row[VThRest], VPeak, $"V_peak >= V_th_rest required (V_th_rest = {row[VThRest]})");
    }

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => new Constants
        {
            Dynamics = new Dynamics
            {
                GL = this[GL][i], Cm = this[Cm][i], EL = this[EL][i], DeltaT = this[DeltaT][i],
                TauW = this[TauW][i], TauZ = this[TauZ][i], TauVTh = this[TauVTh][i], VThRest = this[VThRest][i],
                A = this[A][i], Ie = this[Ie][i], Filters = Clopath.FiltersOf(column => this[column], i),
                VPeak = this[VPeak][i], VReset = this[VReset][i], VClamp = this[VClamp][i],
            },
            Control = ErrorControl.OnDerivatives(this[GslErrorTol][i], this[GslErrorTol][i]),
            VPeak = this[VPeak][i], VReset = this[VReset][i], VClamp = this[VClamp][i], VThMax = this[VThMax][i],
            B = this[B][i], ISp = this[ISp][i], ExponentialTerm = this[DeltaT][i] != 0.0,
            RefractorySteps = (int)time.MsToStepsCeil(this[TRef][i]),
            ClampSteps = (int)time.MsToStepsCeil(this[TClamp][i]),
        });

        AttachHistories(context, _histories, i => Clopath.NewHistory(column => this[column], i, context),
            (i, history, incoming) => Clopath.Configure(column => this[column], i, history, incoming, Resolution));
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegrateWithInnerSteps(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>
    /// Around the integration of a node over a step: the flags that hold V_m, the spike input after the first inner step,
    /// spike, clamp and refractoriness after every inner step; at the end the history, the counts and the next current.
    /// </summary>
    private readonly struct Bookkeeping(AeifPscDeltaClopath group, SpikeBuffer spikes) : IInnerStepBookkeeping<Constants, Dynamics>
    {
        /// <summary>Nothing: the flags that hold V_m are set before each inner step.</summary>
        public readonly void Begin(int node, in Constants constants, ref Dynamics system) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void BeforeInnerStep(int node, ref Dynamics system)
        {
            system.Refractory = group._refractory[node] > 0;
            system.Clamped = group._clamp[node] > 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AfterInnerStep(int node, in Constants constants, Span<double> y, bool first, in GridStep step)
        {
            ref int refractory = ref group._refractory[node];
            ref int clamp = ref group._clamp[node];
            if (y[YV] < -1e3 || y[YW] < -1e6 || y[YW] > 1e6)
                throw new NumericalInstabilityException($"{group.Model.Name} (node {group.IdOf(node)}): numerical instability at t = {step.End} ms (V_m = {y[YV]}, w = {y[YW]}).");

            // Input arriving in this step reaches V_m once, after the first inner step, unless V_m is held.
            double input = first ? step.Input(Inputs.Spikes, node) : 0.0;
            if (refractory == 0 && clamp == 0) y[YV] += input;

            double threshold = constants.ExponentialTerm ? constants.VPeak : y[YVTh];
            if (y[YV] >= threshold && clamp == 0)
            {
                y[YV] = constants.VClamp;
                y[YW] += constants.B;
                y[YZ] = constants.ISp;
                y[YVTh] = constants.VThMax;
                // One more than the clamp steps, as the count goes down at the end of this step already.
                clamp = constants.ClampSteps > 0 ? constants.ClampSteps + 1 : 0;
                spikes.Add(step.Lag, group.IdOf(node));
            }
            else if (clamp == 1)
            {
                y[YV] = constants.VReset;
                clamp = 0;
                refractory = constants.RefractorySteps > 0 ? constants.RefractorySteps + 1 : 0;
            }
            if (refractory > 0) y[YV] = constants.VReset;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Constants constants, Span<double> y, in GridStep step)
        {
            group._histories[node]!.Write(step.End, y[YV], y[YUBarPlus], y[YUBarMinus], y[YUBarBar]);
            if (group._clamp[node] > 0) group._clamp[node]--;
            if (group._refractory[node] > 0) group._refractory[node]--;
        }
    }
}
