namespace NestSharp.Models.Neurons;

/// <summary>
/// hh_cond_exp_traub: Hodgkin-Huxley neuron after Traub and Miles (1991), as modified by Brette et al. (2007), with
/// exponentially decaying synaptic conductances.
/// <code>
/// C_m dV/dt = -g_Na m³h (V - E_Na) - g_K n⁴ (V - E_K) - g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) + I_stim + I_e
/// dx/dt     = alpha_x - (alpha_x + beta_x) x                                   (x = m, h, n; rates in 1/ms)
/// with u = V - V_T:
/// alpha_n = 0.032 (15 - u) / (exp((15 - u)/5) - 1),   beta_n = 0.5 exp((10 - u)/40)
/// alpha_m = 0.32 (13 - u) / (exp((13 - u)/4) - 1),    beta_m = 0.28 (u - 40) / (exp((u - 40)/5) - 1)
/// alpha_h = 0.128 exp((17 - u)/18),                   beta_h = 4 / (1 + exp((40 - u)/5))
/// dg_ex/dt = -g_ex / tau_syn_ex,   dg_in/dt = -g_in / tau_syn_in
/// </code>
/// Each step h is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does
/// (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>, error control on the values with an absolute tolerance of 1e-3),
/// the inner step size carrying over from step to step. After the step, in this order: spikes arriving in the step add
/// their weight (nS) to g_ex when positive and its magnitude to g_in otherwise; a refractory neuron counts down, else
/// the neuron spikes when V_m is at least V_T + 30 mV and lower than at the start of the step (past the peak of the
/// action potential), and is then refractory for t_ref (no spike is detected then; V_m is not reset or clamped); a
/// current input takes effect from the next step. A new neuron starts at V_m = -60 mV (NEST's default E_L) with m, h, n
/// at the steady state of the rates evaluated at u = -60 (as NEST initialises them).
/// <para>Parameters (units): g_Na, g_K, g_L (nS), C_m (pF), E_Na, E_K, E_L, V_T, E_ex, E_in (mV), tau_syn_ex,
/// tau_syn_in, t_ref (ms), I_e (pA). State: V_m (mV), Act_m, Inact_h, Act_n. Recordables: V_m, g_ex, g_in (nS; not in
/// the status), Act_m, Inact_h, Act_n.</para>
/// <para>References: Traub RD, Miles R (1991) Neuronal Networks of the Hippocampus. Cambridge University Press.
/// Brette R et al. (2007) Simulation of networks of spiking neurons: a review of tools and strategies. J Comput
/// Neurosci 23:349-398. NEST model documentation, hh_cond_exp_traub (NEST 3.10).</para>
/// </summary>
[NodeModelName("hh_cond_exp_traub")]
internal sealed class HhCondExpTraub : Rkf45NeuronGroup<HhCondExpTraub.Constants, HhCondExpTraub.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // g_Na, g_K, g_L, C_m, E_Na, E_K, E_L, V_T, E_ex, E_in (NEST does not check the conductances of this model),
    // tau_syn_ex, tau_syn_in, t_ref, I_e; V_m and the gates; g_ex, g_in; the refractory count; the inputs; the recordables
    private static readonly HhTraubMembrane Membrane = new(Declared, vT: -63.0, conductancesNonNegative: false,
        [("tau_syn_ex", 5.0), ("tau_syn_in", 10.0)], betaConductances: false);
    private static readonly Column TauSynEx = Membrane.TimeConstants[0];
    private static readonly Column TauSynIn = Membrane.TimeConstants[1];

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YM = 1, YH = 2, YN = 3, YGEx = 4, YGIn = 5;

    /// <summary>The opening and closing rates of the gates (1/ms) at u = V - V_T (also hh_cond_beta_gap_traub's).</summary>
    internal static class Rates
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static GateRates At(double u) => new(
            AlphaN: 0.032 * (15.0 - u) / (Math.Exp((15.0 - u) / 5.0) - 1.0),
            BetaN: 0.5 * Math.Exp((10.0 - u) / 40.0),
            AlphaM: 0.32 * (13.0 - u) / (Math.Exp((13.0 - u) / 4.0) - 1.0),
            BetaM: 0.28 * (u - 40.0) / (Math.Exp((u - 40.0) / 5.0) - 1.0),
            AlphaH: 0.128 * Math.Exp((17.0 - u) / 18.0),
            BetaH: 4.0 / (1.0 + Math.Exp((40.0 - u) / 5.0)));

        /// <summary>As <see cref="At(double)"/> in each SIMD lane: the same operations in the same order, e^x by <see cref="LaneExp"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static LaneGateRates At(Vector256<double> u)
        {
            var one = Vector256<double>.One;
            var five = Vector256.Create(5.0);
            var u15 = Vector256.Create(15.0) - u;
            var u13 = Vector256.Create(13.0) - u;
            var u40 = u - Vector256.Create(40.0);
            return new(
                AlphaN: Vector256.Create(0.032) * u15 / (LaneExp.Exp(u15 / five) - one),
                BetaN: Vector256.Create(0.5) * LaneExp.Exp((Vector256.Create(10.0) - u) / Vector256.Create(40.0)),
                AlphaM: Vector256.Create(0.32) * u13 / (LaneExp.Exp(u13 / Vector256.Create(4.0)) - one),
                BetaM: Vector256.Create(0.28) * u40 / (LaneExp.Exp(u40 / five) - one),
                AlphaH: Vector256.Create(0.128) * LaneExp.Exp((Vector256.Create(17.0) - u) / Vector256.Create(18.0)),
                BetaH: Vector256.Create(4.0) / (one + LaneExp.Exp((Vector256.Create(40.0) - u) / five)));
        }
    }

    /// <summary>The right-hand side of the six state equations, for one node's parameters and current input.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem, IExInSynapses<Dynamics>
    {
        public static int Dimension => 6;

        public TraubCell Cell;
        public double TauSynEx, TauSynIn;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public static (double TauSynEx, double TauSynIn, double IStim) ExInOf(in Dynamics system) => (system.TauSynEx, system.TauSynIn, system.IStim);

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = y[YV], m = y[YM], h = y[YH], n = y[YN];
            f[YV] = (Cell.ConductanceCurrents(v, m, h, n, y[YGEx], y[YGIn]) + IStim + Cell.Channels.Ie) / Cell.Channels.Cm;
            Cell.GateDerivatives(v, m, h, n, f);
            f[YGEx] = -y[YGEx] / TauSynEx;
            f[YGIn] = -y[YGIn] / TauSynIn;
        }
    }

    /// <summary>The right-hand side of four nodes, one per SIMD lane, each lane computing what <see cref="Dynamics"/> does.</summary>
    internal struct LaneDynamics : ILaneOdeSystem<Dynamics>
    {
        private LaneTraubCell _cell;
        private LaneExInSynapses _synapses;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void LoadShared(in Dynamics system, Vector256<double> iStim)
        {
            _cell = new(system.Cell);
            _synapses = new(system.TauSynEx, system.TauSynIn, iStim);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Load(in Dynamics lane0, in Dynamics lane1, in Dynamics lane2, in Dynamics lane3)
        {
            _cell = new(lane0.Cell, lane1.Cell, lane2.Cell, lane3.Cell);
            _synapses = LaneExInSynapses.Of(lane0, lane1, lane2, lane3);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Derivatives(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> f, int lanes)
        {
            Vector256<double> v = y[YV], m = y[YM], h = y[YH], n = y[YN];
            f[YV] = (_cell.ConductanceCurrents(v, m, h, n, y[YGEx], y[YGIn]) + _synapses.IStim + _cell.Channels.Ie) / _cell.Channels.Cm;
            _cell.GateDerivatives(v, m, h, n, f);
            _synapses.Decay(y, f, YGEx, YGIn);
        }
    }

    /// <summary>The dynamics of a parameter row, the spike threshold V_T + 30 mV and t_ref in steps.</summary>
    internal struct Constants : IHhLaneRow<Constants, Dynamics>
    {
        public Dynamics Dynamics;
        public double SpikeThreshold;
        public long RefractorySteps;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.Dynamics;

        public static ErrorControl ControlOf(in Constants row) => Control;

        /// <summary>The weights (nS) go to g_ex, the inhibitory ones' magnitude to g_in.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AddSpikes(in Constants row, Span<double> y, double excitatory, double inhibitory)
        {
            y[YGEx] += excitatory;
            y[YGIn] -= inhibitory;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AddSpikes(in Constants row, Span<Vector256<double>> y, Vector256<double> excitatory, Vector256<double> inhibitory)
        {
            y[YGEx] += excitatory;
            y[YGIn] -= inhibitory;
        }

        public static double ThresholdOf(in Constants row) => row.SpikeThreshold;

        public static long RefractoryStepsOf(in Constants row) => row.RefractorySteps;
    }

    /// <summary>NEST's error control of this model: gsl_odeiv_control_y_new(1e-3, 0).</summary>
    private static readonly ErrorControl Control = ErrorControl.OnValues(1e-3, 0.0);

    public HhCondExpTraub(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane.Inputs.Currents)
    {
        IntegratedState = Membrane.IntegratedStateOf(Columns);
    }

    public override bool SupportsCheckpoint => true;

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => new Constants
        {
            Dynamics = new Dynamics
            {
                Cell = Membrane.CellOf(Columns, i),
                TauSynEx = this[TauSynEx][i], TauSynIn = this[TauSynIn][i],
            },
            SpikeThreshold = Membrane.SpikeThresholdOf(Columns, i),
            RefractorySteps = Membrane.RefractoryStepsOf(Columns, i, time),
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegrateInLanes<HhLaneBookkeeping<Constants, Dynamics, LaneDynamics>, LaneDynamics>(
            new(this, Membrane.Inputs, this[Membrane.RefractorySteps], this[Membrane.Gates.Vm], context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);
}
