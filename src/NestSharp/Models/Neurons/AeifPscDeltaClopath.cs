using System.Runtime.CompilerServices;
using NestSharp.Kernel;
using NestSharp.Nodes;
using NestSharp.Numerics;
using NestSharp.Plasticity;

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
internal sealed class AeifPscDeltaClopath : Rkf45NeuronGroup<AeifPscDeltaClopath.Constants, AeifPscDeltaClopath.Dynamics>
{
    public const string ModelName = "aeif_psc_delta_clopath";

    internal static readonly ColumnSchema ColumnsSchema = new(
        ("C_m", 281.0), ("g_L", 30.0), ("E_L", -70.6), ("V_reset", -60.0), ("V_peak", 33.0), ("t_ref", 0.0),
        ("Delta_T", 2.0), ("V_th_max", 30.4), ("V_th_rest", -50.4), ("tau_V_th", 50.0), ("a", 4.0), ("b", 80.5),
        ("tau_w", 144.0), ("I_sp", 400.0), ("tau_z", 40.0), ("t_clamp", 2.0), ("V_clamp", 33.0),
        ("tau_u_bar_plus", 7.0), ("tau_u_bar_minus", 10.0), ("tau_u_bar_bar", 500.0), ("I_e", 0.0), ("gsl_error_tol", 1e-6),
        ("A_LTP", 8.0e-5), ("A_LTD", 14.0e-5), ("A_LTD_const", 1.0), ("theta_plus", -45.3), ("theta_minus", -70.6),
        ("u_ref_squared", 60.0), ("delay_u_bars", 5.0),
        ("tau_minus", 20.0), ("tau_minus_triplet", 110.0), ("tau_Ca", 10000.0), ("beta_Ca", 0.001),
        ("V_m", -70.6), ("w", 0.0), ("u_bar_plus", -70.6), ("u_bar_minus", -70.6), ("u_bar_bar", -70.6), ("Ca", 0.0));

    private const int Cm = 0, GL = 1, EL = 2, VReset = 3, VPeak = 4, TRef = 5, DeltaT = 6, VThMax = 7, VThRest = 8, TauVTh = 9,
        A = 10, B = 11, TauW = 12, ISp = 13, TauZ = 14, TClamp = 15, VClamp = 16, TauUBarPlus = 17, TauUBarMinus = 18,
        TauUBarBar = 19, Ie = 20, GslErrorTol = 21, ALtp = 22, ALtd = 23, ALtdConst = 24, ThetaPlus = 25, ThetaMinus = 26,
        URefSquared = 27, DelayUBars = 28, TauMinus = 29, TauMinusTriplet = 30, TauCa = 31, BetaCa = 32;

    /// <summary>Columns that determine a node's dynamics and rule (everything before the state).</summary>
    private const int ParameterColumns = 33;

    private const int Vm = 33, W = 34, UBarPlus = 35, UBarMinus = 36, UBarBar = 37, Ca = 38;

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YW = 1, YZ = 2, YVTh = 3, YUBarPlus = 4, YUBarMinus = 5, YUBarBar = 6, StateSize = 7;

    /// <summary>The value V_th starts at: NEST initialises it from the default V_th_rest when a node is made.</summary>
    private const double InitialVTh = -50.4;

    private const int ChannelSpikes = 0, ChannelCurrent = 1;

    private static readonly string[] RecordableNames = ["V_m", "w", "z", "V_th", "u_bar_plus", "u_bar_minus", "u_bar_bar"];

    /// <summary>The constants of one parameter row, as the dynamics and the update use them.</summary>
    internal struct Constants
    {
        public Dynamics Dynamics;
        public ErrorControl Control;
        public double VPeak, VReset, VClamp, VThMax, B, ISp;
        public bool ExponentialTerm;
        public int RefractorySteps, ClampSteps;
    }

    /// <summary>The right-hand side of the seven state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : IFixedDimensionOdeSystem
    {
        public static int Dimension => StateSize;

        public double GL, Cm, EL, DeltaT, TauW, TauZ, TauVTh, VThRest, TauUBarPlus, TauUBarMinus, TauUBarBar, A, Ie;
        public double VPeak, VReset, VClamp;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim;

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
            f[YUBarPlus] = (-y[YUBarPlus] + v) / TauUBarPlus;
            f[YUBarMinus] = (-y[YUBarMinus] + v) / TauUBarMinus;
            f[YUBarBar] = (-y[YUBarBar] + y[YUBarMinus]) / TauUBarBar;
        }
    }

    private readonly double[] _z, _vTh;
    private readonly int[] _refractory, _clamp;
    private readonly ClopathHistory?[] _histories;

    public AeifPscDeltaClopath(NodeModel model, int firstId, int count) : base(model, firstId, count, ColumnsSchema, ChannelCurrent)
    {
        _z = new double[count];
        _vTh = new double[count];
        Array.Fill(_vTh, InitialVTh);
        _refractory = new int[count];
        _clamp = new int[count];
        _histories = new ClopathHistory?[count];
        IntegratedState = [Columns[Vm], Columns[W], _z, _vTh, Columns[UBarPlus], Columns[UBarMinus], Columns[UBarBar]];
    }

    public override int ChannelsPerNode => 2;

    public override IReadOnlyList<string> Recordables => RecordableNames;

    protected override NeuronGroup CreateEmpty(NodeModel model, int firstId, int n) => new AeifPscDeltaClopath(model, firstId, n);

    public override int SpikeChannel(int local, int receptor, double weight)
    {
        if (receptor != 0) throw new IllegalConnectionException($"{Model.Name} accepts spikes only on receptor_type 0, got {receptor}.");
        return ChannelSpikes * Count + local;
    }

    public override int CurrentChannel(int local, int receptor)
    {
        if (receptor != 0) throw new IllegalConnectionException($"{Model.Name} accepts currents only on receptor_type 0, got {receptor}.");
        return ChannelCurrent * Count + local;
    }

    public override double ReadRecordable(int index, int local) => index switch
    {
        0 => Columns[Vm][local],
        1 => Columns[W][local],
        2 => _z[local],
        3 => _vTh[local],
        4 => Columns[UBarPlus][local],
        5 => Columns[UBarMinus][local],
        _ => Columns[UBarBar][local],
    };

    /// <summary>A_LTD_const is a boolean in the status; it is stored as 1 or 0.</summary>
    public override Action Stage(int local, IReadOnlyDictionary<string, object> values)
    {
        if (!values.TryGetValue("A_LTD_const", out var flag)) return base.Stage(local, values);
        var converted = new Dictionary<string, object>(values) { ["A_LTD_const"] = StatusValue.ToBool("A_LTD_const", flag) ? 1.0 : 0.0 };
        return base.Stage(local, converted);
    }

    protected override void WriteExtraStatus(int local, Dictionary<string, object> status)
    {
        status["A_LTD_const"] = Columns[ALtdConst][local] != 0.0;
        status["element_type"] = "neuron";
    }

    protected override void Validate(ReadOnlySpan<double> row)
    {
        Require(row[VReset] < row[VPeak], "V_reset", row[VReset], $"ensure that V_reset < V_peak (V_peak = {row[VPeak]})");
        Require(row[DeltaT] >= 0, "Delta_T", row[DeltaT], "must be greater than or equal to zero");
        if (row[DeltaT] > 0)
        {
            // The exponential must stay representable at the spike, with a margin of 1e20 for what follows.
            double maxExponent = Math.Log(double.MaxValue / 1e20);
            Require((row[VPeak] - row[VThRest]) / row[DeltaT] < maxExponent, "Delta_T", row[DeltaT],
                $"(V_peak - V_th_rest)/Delta_T = {(row[VPeak] - row[VThRest]) / row[DeltaT]} would overflow the exponential at spike time; increase Delta_T or reduce V_peak");
        }
        Require(row[VThMax] >= row[VThRest], "V_th_max", row[VThMax], $"V_th_max >= V_th_rest required (V_th_rest = {row[VThRest]})");
        Require(row[VPeak] >= row[VThRest], "V_peak", row[VPeak], $"V_peak >= V_th_rest required (V_th_rest = {row[VThRest]})");
        Require(row[Cm] > 0, "C_m", row[Cm], "capacitance must be strictly positive");
        Require(row[TRef] >= 0, "t_ref", row[TRef], "refractory time cannot be negative");
        Require(row[TClamp] >= 0, "t_clamp", row[TClamp], "ensure that t_clamp >= 0");
        foreach (int c in (ReadOnlySpan<int>)[TauW, TauVTh, TauZ, TauUBarPlus, TauUBarMinus, TauUBarBar])
            Require(row[c] > 0, ColumnsSchema.Names[c], row[c], "all time constants must be strictly positive");
        Require(row[GslErrorTol] > 0, "gsl_error_tol", row[GslErrorTol], "must be strictly positive");
        Require(row[URefSquared] > 0, "u_ref_squared", row[URefSquared], "ensure that u_ref_squared > 0");
        Require(row[DelayUBars] >= 0 && double.IsFinite(row[DelayUBars]), "delay_u_bars", row[DelayUBars], "must be a non-negative time");
    }

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns[..ParameterColumns], Count, i => new Constants
        {
            Dynamics = new Dynamics
            {
                GL = Columns[GL][i], Cm = Columns[Cm][i], EL = Columns[EL][i], DeltaT = Columns[DeltaT][i],
                TauW = Columns[TauW][i], TauZ = Columns[TauZ][i], TauVTh = Columns[TauVTh][i], VThRest = Columns[VThRest][i],
                TauUBarPlus = Columns[TauUBarPlus][i], TauUBarMinus = Columns[TauUBarMinus][i],
                TauUBarBar = Columns[TauUBarBar][i], A = Columns[A][i], Ie = Columns[Ie][i],
                VPeak = Columns[VPeak][i], VReset = Columns[VReset][i], VClamp = Columns[VClamp][i],
            },
            Control = ErrorControl.OnDerivatives(Columns[GslErrorTol][i], Columns[GslErrorTol][i]),
            VPeak = Columns[VPeak][i], VReset = Columns[VReset][i], VClamp = Columns[VClamp][i], VThMax = Columns[VThMax][i],
            B = Columns[B][i], ISp = Columns[ISp][i], ExponentialTerm = Columns[DeltaT][i] != 0.0,
            RefractorySteps = (int)time.MsToStepsCeil(Columns[TRef][i]),
            ClampSteps = (int)time.MsToStepsCeil(Columns[TClamp][i]),
        });

        var archive = context.Archive;
        archive.EnsureCapacity(LastId);
        for (int i = 0; i < Count; i++)
        {
            int id = FirstId + i;
            // Made on the first run of this node (NEST's init_buffers_): the buffer sizes are fixed from here on.
            var history = _histories[i] ??= new ClopathHistory((int)time.DelayToSteps(Columns[DelayUBars][i]), context.MaxDelaySteps + 1);
            history.Configure(Columns[ALtp][i], Columns[ALtd][i], Columns[ALtdConst][i] != 0.0, Columns[URefSquared][i],
                Columns[ThetaPlus][i], Columns[ThetaMinus][i], archive.Of(id)?.Incoming ?? 0, Resolution);
            archive.AttachVoltageHistory(id, history);
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Integrate(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>
    /// Around the integration of a node over a step: the flags that hold V_m, the spike input after the first inner step,
    /// spike, clamp and refractoriness after every inner step; at the end the history, the counts and the next current.
    /// </summary>
    private readonly struct Bookkeeping(AeifPscDeltaClopath group, SpikeBuffer spikes) : IGridStepBookkeeping<Constants, Dynamics>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Dynamics Begin(int node, in Constants constants, double current, out ErrorControl control)
        {
            control = constants.Control;
            var dynamics = constants.Dynamics;
            dynamics.IStim = current;
            return dynamics;
        }

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
                throw new KernelException($"{group.Model.Name} (node {group.FirstId + node}): numerical instability at t = {step.End} ms (V_m = {y[YV]}, w = {y[YW]}).");

            // Input arriving in this step reaches V_m once, after the first inner step, unless V_m is held.
            double input = first ? step.Input(ChannelSpikes, node) : 0.0;
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
                spikes.Add(step.Lag, group.FirstId + node);
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
