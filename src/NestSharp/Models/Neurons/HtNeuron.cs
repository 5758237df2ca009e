namespace NestSharp.Models.Neurons;

/// <summary>
/// ht_neuron: the neuron of Hill &amp; Tononi (2005) as NEST has it: an integrate-and-fire neuron with a dynamic threshold,
/// a repolarising potassium current after each spike instead of a hard reset, four beta-shaped conductance synapses
/// (AMPA, NMDA with voltage-dependent magnesium unblocking, GABA_A, GABA_B) and four intrinsic currents (I_NaP,
/// I_KNa, I_T, I_h). Conductances are unitless and currents are in mV. With V the membrane potential (V_m, or the
/// clamped potential with voltage_clamp):
/// <code>
/// dV/dt     = (I_Na + I_K + I_syn + I_NaP + I_KNa + I_T + I_h + I_stim) / tau_m + I_spike
///   I_Na = -g_NaL (V - E_Na),   I_K = -g_KL (V - E_K),   I_spike = -(V - E_K) / tau_spike while refractory, else 0
///   I_syn = -g_AMPA (V - E_rev_AMPA) - g_NMDA m_NMDA (V - E_rev_NMDA) - g_GABA_A (V - E_rev_GABA_A) - g_GABA_B (V - E_rev_GABA_B)
/// dtheta/dt = -(theta - theta_eq) / tau_theta
/// d(dg_X)/dt = -dg_X / tau_rise_X,   dg_X/dt = dg_X - g_X / tau_decay_X          (X = AMPA, NMDA, GABA_A, GABA_B)
/// NMDA: m_eq(V) = 1 / (1 + exp(-S_act_NMDA (V - V_act_NMDA))), m_fast, m_slow taken as min(m_eq, m_fast/slow):
///   dm_fast/dt = (m_eq - m_fast) / tau_Mg_fast_NMDA,   dm_slow/dt = (m_eq - m_slow) / tau_Mg_slow_NMDA
///   m_NMDA = m_eq with instant_unblock_NMDA, else A1 m_fast + (1 - A1) m_slow with A1 = 0.51 - 0.0028 V
/// I_NaP = -g_peak_NaP m_inf^N_NaP (V - E_rev_NaP),   m_inf = 1 / (1 + exp(-(V + 55.7) / 7.7))
/// I_KNa = -g_peak_KNa / (1 + (0.25 / D)^3.5) (V - E_rev_KNa),
///   dD/dt = (tau_D_KNa · 0.025 / (1 + exp(-(V + 10) / 5)) + 0.001 - D) / tau_D_KNa
/// I_T = -g_peak_T m_T^N_T h_T (V - E_rev_T),
///   dm_T/dt = (1 / (1 + exp(-(V + 59) / 6.2)) - m_T) / tau_m_T,   tau_m_T = 0.22 / (exp(-(V + 132) / 16.7) + exp((V + 16.8) / 18.2)) + 0.13
///   dh_T/dt = (1 / (1 + exp((V + 83) / 4)) - h_T) / tau_h_T,     tau_h_T = 8.2 + (56.6 + 0.27 exp((V + 115.2) / 5)) / (1 + exp((V + 86) / 3.2))
/// I_h = -g_peak_h m_h (V - E_rev_h),
///   dm_h/dt = (1 / (1 + exp((V + 75) / 5.5)) - m_h) / tau_m_h,   tau_m_h = 1 / (exp(-14.59 - 0.086 V) + exp(-1.87 + 0.0701 V))
/// </code>
/// Each grid step h is covered by adaptive Runge-Kutta-Fehlberg 4(5) steps (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>,
/// error control on the values with an absolute tolerance of 1e-3, as NEST's GSL set-up), the inner step size carrying
/// over from step to step. After every inner step, in NEST's order: with voltage_clamp V_m is set back to the clamped
/// potential (V_m at the start of the run); m_fast and m_slow are bounded above by m_eq(V_m) (instantaneous blocking);
/// a neuron that is not refractory with V_m &gt;= theta spikes: V_m and theta are set to E_Na and the repolarising
/// current I_spike acts for t_ref (rounded up to whole steps). At the end of the step the refractory count goes down,
/// the spikes of the step on receptor X (1 AMPA, 2 NMDA, 3 GABA_A, 4 GABA_B) add weight · g_peak_X · f_X to dg_X (f_X
/// the beta normalisation, so that g_X peaks at weight · g_peak_X), and the current input (receptor 0) takes effect from
/// the next step. The recordables I_NaP, I_KNa, I_T and I_h hold what the right-hand side computed last (at the end of
/// the last inner step, before a spike's reset); g_NMDA is g_NMDA_timecourse · m_NMDA of the state.
/// A new neuron starts at V_m = (g_NaL E_Na + g_KL E_K) / (g_NaL + g_KL), theta = theta_eq and the gating variables at
/// their equilibrium there (for the default parameters); a Set with equilibrate = true puts them at the equilibrium of
/// the (new) V_m, with the parameters the node had before the Set, as NEST does.
/// <para>Parameters (units): E_Na, E_K, theta_eq, E_rev_X, V_act_NMDA, E_rev_NaP, E_rev_KNa, E_rev_T, E_rev_h (mV);
/// tau_m, tau_theta, tau_spike, t_ref, tau_rise_X, tau_decay_X, tau_Mg_slow_NMDA, tau_Mg_fast_NMDA, tau_D_KNa (ms);
/// g_NaL, g_KL, g_peak_X, g_peak_NaP, g_peak_KNa, g_peak_T, g_peak_h (unitless); S_act_NMDA (1/mV); N_NaP, N_T;
/// instant_unblock_NMDA, voltage_clamp (booleans). State: V_m, theta (mV). Set only: equilibrate. Recordables: V_m,
/// theta, g_AMPA, g_NMDA, g_GABA_A, g_GABA_B, I_NaP, I_KNa, I_T, I_h. Bad values fail with BadParameter, as in NEST.</para>
/// <para>References: Hill S, Tononi G (2005) Modeling sleep and wakefulness in the thalamocortical system. J
/// Neurophysiol 93:1671-1698. doi:10.1152/jn.00915.2004. Vargas-Caballero M, Robinson HPC (2003) A slow fraction of
/// Mg2+ unblock of NMDA receptors limits their contribution to spike generation in cortical pyramidal neurons. J
/// Neurophysiol 89:2778-2783. Compte A et al. (2003) J Neurophysiol 89:2707 (I_NaP). NEST model documentation, ht_neuron
/// (NEST 3.10).</para>
/// </summary>
[NodeModelName("ht_neuron")]
internal sealed class HtNeuron : Rkf45NeuronGroup<HtNeuron.Constants, HtNeuron.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // Leaks, threshold, post-spike potassium current (NEST's defaults; every check is in Validate, in NEST's order)
    private static readonly Column ENa = Declared.Parameter("E_Na", 30.0, "mV");
    private static readonly Column EK = Declared.Parameter("E_K", -90.0, "mV");
    private static readonly Column GNaL = Declared.Parameter("g_NaL", 0.2, "");
    private static readonly Column GKL = Declared.Parameter("g_KL", 1.0, "");
    private static readonly Column TauM = Declared.Parameter("tau_m", 16.0, "ms");
    private static readonly Column ThetaEq = Declared.Parameter("theta_eq", -51.0, "mV");
    private static readonly Column TauTheta = Declared.Parameter("tau_theta", 2.0, "ms");
    private static readonly Column TauSpike = Declared.Parameter("tau_spike", 1.75, "ms");
    private static readonly Column TRef = Declared.Parameter("t_ref", 2.0, "ms");

    // Synapses
    private static readonly Column GPeakAmpa = Declared.Parameter("g_peak_AMPA", 0.1, "");
    private static readonly Column TauRiseAmpa = Declared.Parameter("tau_rise_AMPA", 0.5, "ms");
    private static readonly Column TauDecayAmpa = Declared.Parameter("tau_decay_AMPA", 2.4, "ms");
    private static readonly Column ERevAmpa = Declared.Parameter("E_rev_AMPA", 0.0, "mV");
    private static readonly Column GPeakNmda = Declared.Parameter("g_peak_NMDA", 0.075, "");
    private static readonly Column TauRiseNmda = Declared.Parameter("tau_rise_NMDA", 4.0, "ms");
    private static readonly Column TauDecayNmda = Declared.Parameter("tau_decay_NMDA", 40.0, "ms");
    private static readonly Column ERevNmda = Declared.Parameter("E_rev_NMDA", 0.0, "mV");
    private static readonly Column VActNmda = Declared.Parameter("V_act_NMDA", -25.57, "mV");
    private static readonly Column SActNmda = Declared.Parameter("S_act_NMDA", 0.081, "1/mV");
    private static readonly Column TauMgSlowNmda = Declared.Parameter("tau_Mg_slow_NMDA", 22.7, "ms");
    private static readonly Column TauMgFastNmda = Declared.Parameter("tau_Mg_fast_NMDA", 0.68, "ms");
    private static readonly Column InstantUnblockNmda = Declared.Flag("instant_unblock_NMDA", false);
    private static readonly Column GPeakGabaA = Declared.Parameter("g_peak_GABA_A", 0.33, "");
    private static readonly Column TauRiseGabaA = Declared.Parameter("tau_rise_GABA_A", 1.0, "ms");
    private static readonly Column TauDecayGabaA = Declared.Parameter("tau_decay_GABA_A", 7.0, "ms");
    private static readonly Column ERevGabaA = Declared.Parameter("E_rev_GABA_A", -70.0, "mV");
    private static readonly Column GPeakGabaB = Declared.Parameter("g_peak_GABA_B", 0.0132, "");
    private static readonly Column TauRiseGabaB = Declared.Parameter("tau_rise_GABA_B", 60.0, "ms");
    private static readonly Column TauDecayGabaB = Declared.Parameter("tau_decay_GABA_B", 200.0, "ms");
    private static readonly Column ERevGabaB = Declared.Parameter("E_rev_GABA_B", -90.0, "mV");

    // Intrinsic currents
    private static readonly Column GPeakNaP = Declared.Parameter("g_peak_NaP", 1.0, "");
    private static readonly Column ERevNaP = Declared.Parameter("E_rev_NaP", 30.0, "mV");
    private static readonly Column NNaP = Declared.Parameter("N_NaP", 3.0, "");
    private static readonly Column GPeakKNa = Declared.Parameter("g_peak_KNa", 1.0, "");
    private static readonly Column ERevKNa = Declared.Parameter("E_rev_KNa", -90.0, "mV");
    private static readonly Column TauDKNa = Declared.Parameter("tau_D_KNa", 1250.0, "ms");
    private static readonly Column GPeakT = Declared.Parameter("g_peak_T", 1.0, "");
    private static readonly Column ERevT = Declared.Parameter("E_rev_T", 0.0, "mV");
    private static readonly Column NT = Declared.Parameter("N_T", 2.0, "");
    private static readonly Column GPeakH = Declared.Parameter("g_peak_h", 1.0, "");
    private static readonly Column ERevH = Declared.Parameter("E_rev_h", -40.0, "mV");
    private static readonly Column VoltageClamp = Declared.Flag("voltage_clamp", false);

    /// <summary>The resting potential of the default parameters, where a new neuron starts.</summary>
    private static readonly double RestingPotential = (0.2 * 30.0 + 1.0 * -90.0) / (0.2 + 1.0);

    // State shown in the status
    private static readonly Column Vm = Declared.State("V_m", RestingPotential, "mV");
    private static readonly Column Theta = Declared.State("theta", -51.0, "mV");

    // The rest of the integrated state (not in the status), at the equilibrium of the default parameters
    private static readonly Column DGAmpa = Declared.Internal("dg_AMPA");
    private static readonly Column GAmpa = Declared.Internal("g_AMPA");
    private static readonly Column DGNmda = Declared.Internal("dg_NMDA_timecourse");
    private static readonly Column GNmda = Declared.Internal("g_NMDA_timecourse");
    private static readonly Column DGGabaA = Declared.Internal("dg_GABA_A");
    private static readonly Column GGabaA = Declared.Internal("g_GABA_A");
    private static readonly Column DGGabaB = Declared.Internal("dg_GABA_B");
    private static readonly Column GGabaB = Declared.Internal("g_GABA_B");
    private static readonly Column MFastNmda = Declared.Internal("m_fast_NMDA", Gating.MEqNmda(RestingPotential, 0.081, -25.57));
    private static readonly Column MSlowNmda = Declared.Internal("m_slow_NMDA", Gating.MEqNmda(RestingPotential, 0.081, -25.57));
    private static readonly Column MIh = Declared.Internal("m_Ih", Gating.MEqH(RestingPotential));
    private static readonly Column DIKNa = Declared.Internal("D_IKNa", Gating.DEqKNa(RestingPotential, 1250.0));
    private static readonly Column MIT = Declared.Internal("m_IT", Gating.MEqT(RestingPotential));
    private static readonly Column HIT = Declared.Internal("h_IT", Gating.HEqT(RestingPotential));

    /// <summary>The intrinsic currents the right-hand side computed last (recordable only, 0 before the first step).</summary>
    private static readonly Column INaP = Declared.Internal("I_NaP");
    private static readonly Column IKNa = Declared.Internal("I_KNa");
    private static readonly Column IT = Declared.Internal("I_T");
    private static readonly Column IH = Declared.Internal("I_h");

    // Spike receptors 1-4 as NEST numbers them, the current input on receptor 0
    private static readonly InputChannel SpikesAmpa = Declared.Input("AMPA");
    private static readonly InputChannel SpikesNmda = Declared.Input("NMDA");
    private static readonly InputChannel SpikesGabaA = Declared.Input("GABA_A");
    private static readonly InputChannel SpikesGabaB = Declared.Input("GABA_B");
    private static readonly InputChannel Currents = Declared.CurrentInput("currents", 0);

    /// <summary>NEST's update_value_param key that equilibrates the gating variables (set only).</summary>
    private const string EquilibrateKey = "equilibrate";

    static HtNeuron()
    {
        Declared.SpikeReceptor(1, SpikesAmpa, "AMPA");
        Declared.SpikeReceptor(2, SpikesNmda, "NMDA");
        Declared.SpikeReceptor(3, SpikesGabaA, "GABA_A");
        Declared.SpikeReceptor(4, SpikesGabaB, "GABA_B");
        // NEST's handles_test_event: a receptor the connection cannot use is UnknownReceptorType, whatever its kind.
        Declared.RefusedReceptorsUnknown = true;
        Declared.Recordable(Vm, Theta, GAmpa);
        Declared.ComputedRecordable("g_NMDA");
        Declared.Recordable(GGabaA, GGabaB, INaP, IKNa, IT, IH);
    }

    /// <summary>Positions in the integrated state vector (NEST's State_::StateVecElems_).</summary>
    private const int YV = 0, YTheta = 1, YDGAmpa = 2, YGAmpa = 3, YDGNmda = 4, YGNmda = 5, YDGGabaA = 6, YGGabaA = 7,
        YDGGabaB = 8, YGGabaB = 9, YMFast = 10, YMSlow = 11, YMIh = 12, YDKNa = 13, YMIT = 14, YHIT = 15, StateSize = 16;

    /// <summary>
    /// The voltage-dependent functions of the model, each in NEST's order of operations (so that the right-hand side
    /// and the recorded currents agree bit for bit).
    /// </summary>
    private static class Gating
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double MEqNmda(double v, double sAct, double vAct) => 1.0 / (1.0 + Math.Exp(-sAct * (v - vAct)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double MNmda(double v, double mEq, double mFast, double mSlow, bool instant)
        {
            double a1 = 0.51 - 0.0028 * v;
            double a2 = 1 - a1;
            return instant ? mEq : a1 * mFast + a2 * mSlow;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double MEqH(double v) => 1.0 / (1.0 + Math.Exp((v - -75.0) / 5.5));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double HEqT(double v) => 1.0 / (1.0 + Math.Exp((v + 83.0) / 4));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double MEqT(double v) => 1.0 / (1.0 + Math.Exp(-(v + 59.0) / 6.2));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double DEqKNa(double v, double tauDKNa)
        {
            double influx = 0.025 / (1.0 + Math.Exp(-(v - -10.0) / 5.0));
            return tauDKNa * influx + 0.001;
        }

        /// <summary>C++'s std::min(a, b): b when b &lt; a, else a.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Min(double a, double b) => b < a ? b : a;
    }

    /// <summary>
    /// The parameters of one parameter row as the right-hand side reads them, the current input of the step, whether
    /// the neuron is refractory (I_spike acts) and the clamped potential.
    /// </summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem
    {
        public static int Dimension => StateSize;

        public double ENa, EK, GNaL, GKL, TauM, ThetaEq, TauTheta, TauSpike;
        public double TauRiseAmpa, TauDecayAmpa, ERevAmpa;
        public double TauRiseNmda, TauDecayNmda, ERevNmda, VActNmda, SActNmda, TauMgSlowNmda, TauMgFastNmda;
        public double TauRiseGabaA, TauDecayGabaA, ERevGabaA, TauRiseGabaB, TauDecayGabaB, ERevGabaB;
        public double GPeakNaP, ERevNaP, NNaP, GPeakKNa, ERevKNa, TauDKNa, GPeakT, ERevT, NT, GPeakH, ERevH;
        public bool InstantUnblockNmda, VoltageClamp;

        public double IStim { readonly get; set; }

        /// <summary>Whether the repolarising current acts (NEST's ref_steps_ &gt; 0).</summary>
        public bool Refractory;

        /// <summary>The clamped potential (V_m at the start of the run), read with voltage_clamp.</summary>
        public double VClamp;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double INaP(double v)
        {
            double mInf = 1.0 / (1.0 + Math.Exp(-(v - -55.7) / 7.7));
            return -GPeakNaP * Math.Pow(mInf, NNaP) * (v - ERevNaP);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double IKNa(double v, double d)
        {
            double mInf = 1.0 / (1.0 + Math.Pow(0.25 / d, 3.5));
            return -GPeakKNa * mInf * (v - ERevKNa);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double IT(double v, double m, double h) => -GPeakT * Math.Pow(m, NT) * h * (v - ERevT);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double IH(double v, double m) => -GPeakH * m * (v - ERevH);

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = VoltageClamp ? VClamp : y[YV];

            // NMDA: the unblocking variables are bounded by their equilibrium here, and again after each inner step.
            double mEq = Gating.MEqNmda(v, SActNmda, VActNmda);
            double mFast = Gating.Min(mEq, y[YMFast]);
            double mSlow = Gating.Min(mEq, y[YMSlow]);
            double mNmda = Gating.MNmda(v, mEq, mFast, mSlow, InstantUnblockNmda);

            double iSyn = -y[YGAmpa] * (v - ERevAmpa) - y[YGNmda] * mNmda * (v - ERevNmda) - y[YGGabaA] * (v - ERevGabaA)
                - y[YGGabaB] * (v - ERevGabaB);
            double iSpike = Refractory ? -(v - EK) / TauSpike : 0.0;
            double iNa = -GNaL * (v - ENa);
            double iK = -GKL * (v - EK);

            f[YV] = (iNa + iK + iSyn + INaP(v) + IKNa(v, y[YDKNa]) + IT(v, y[YMIT], y[YHIT]) + IH(v, y[YMIh]) + IStim) / TauM + iSpike;
            f[YTheta] = -(y[YTheta] - ThetaEq) / TauTheta;

            // Each dg_X decays with tau_rise_X and drives g_X, which decays with tau_decay_X.
            SynapticKernel.Derivatives(y, f, YDGAmpa, YGAmpa, TauRiseAmpa, TauDecayAmpa);
            SynapticKernel.Derivatives(y, f, YDGNmda, YGNmda, TauRiseNmda, TauDecayNmda);
            f[YMFast] = (mEq - mFast) / TauMgFastNmda;
            f[YMSlow] = (mEq - mSlow) / TauMgSlowNmda;
            SynapticKernel.Derivatives(y, f, YDGGabaA, YGGabaA, TauRiseGabaA, TauDecayGabaA);
            SynapticKernel.Derivatives(y, f, YDGGabaB, YGGabaB, TauRiseGabaB, TauDecayGabaB);

            f[YDKNa] = (Gating.DEqKNa(v, TauDKNa) - y[YDKNa]) / TauDKNa;

            double tauMT = 0.22 / (Math.Exp(-(v + 132.0) / 16.7) + Math.Exp((v + 16.8) / 18.2)) + 0.13;
            double tauHT = 8.2 + (56.6 + 0.27 * Math.Exp((v + 115.2) / 5.0)) / (1.0 + Math.Exp((v + 86.0) / 3.2));
            f[YMIT] = (Gating.MEqT(v) - y[YMIT]) / tauMT;
            f[YHIT] = (Gating.HEqT(v) - y[YHIT]) / tauHT;

            double tauMH = 1.0 / (Math.Exp(-14.59 - 0.086 * v) + Math.Exp(-1.87 + 0.0701 * v));
            f[YMIh] = (Gating.MEqH(v) - y[YMIh]) / tauMH;
        }
    }

    /// <summary>The constants of one parameter row: its system, the conductance jumps per unit weight and the refractory steps.</summary>
    internal struct Constants : IRkf45Row<Constants, Dynamics>
    {
        public Dynamics System;

        /// <summary>g_peak_X times the beta normalisation of receptor X (NEST's cond_steps_).</summary>
        public double StepAmpa, StepNmda, StepGabaA, StepGabaB;

        /// <summary>t_ref in steps, rounded up (NEST's PotassiumRefractoryCounts_).</summary>
        public int RefractorySteps;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.System;

        public static ErrorControl ControlOf(in Constants row) => ErrorControl.OnValues(1e-3, 0.0);
    }

    /// <summary>Per node: the refractory steps left, counting the current one (NEST's ref_steps_).</summary>
    private readonly int[] _refractory;

    /// <summary>Per node: the clamped potential, V_m when the run was prepared (NEST's V_clamp_).</summary>
    private double[] _vClamp = [];

    public HtNeuron(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Currents)
    {
        IntegratedState =
        [
            this[Vm], this[Theta], this[DGAmpa], this[GAmpa], this[DGNmda], this[GNmda], this[DGGabaA], this[GGabaA],
            this[DGGabaB], this[GGabaB], this[MFastNmda], this[MSlowNmda], this[MIh], this[DIKNa], this[MIT], this[HIT],
        ];
        _refractory = CountersOutsideColumns();
        KeepOutsideColumns(new Equilibration(this));
    }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row)
    {
        NonNegative(row, GPeakAmpa);
        NonNegative(row, GPeakGabaA);
        NonNegative(row, GPeakGabaB);
        NonNegative(row, GPeakKNa);
        NonNegative(row, SActNmda);
        NonNegative(row, GPeakNmda);
        NonNegative(row, GPeakT);
        NonNegative(row, GPeakH);
        NonNegative(row, GPeakNaP);
        NonNegative(row, GKL);
        NonNegative(row, GNaL);
        NonNegative(row, TRef);
        Positive(row, TauRiseAmpa);
        Positive(row, TauDecayAmpa);
        Positive(row, TauRiseGabaA);
        Positive(row, TauDecayGabaA);
        Positive(row, TauRiseGabaB);
        Positive(row, TauDecayGabaB);
        Positive(row, TauRiseNmda);
        Positive(row, TauDecayNmda);
        Positive(row, TauMgFastNmda);
        Positive(row, TauMgSlowNmda);
        Positive(row, TauSpike);
        Positive(row, TauTheta);
        Positive(row, TauM);
        Positive(row, TauDKNa);
        Below(row, TauRiseAmpa, TauDecayAmpa);
        Below(row, TauRiseGabaA, TauDecayGabaA);
        Below(row, TauRiseGabaB, TauDecayGabaB);
        Below(row, TauRiseNmda, TauDecayNmda);
        Below(row, TauMgFastNmda, TauMgSlowNmda);
    }

    private static void NonNegative(in StatusRow row, Column column)
    {
        if (!(row[column] >= 0)) Fail(row, column, $"{Declared.NameOf(column)} >= 0 required");
    }

    private static void Positive(in StatusRow row, Column column)
    {
        if (!(row[column] > 0)) Fail(row, column, $"{Declared.NameOf(column)} > 0 required");
    }

    private static void Below(in StatusRow row, Column smaller, Column larger)
    {
        if (!(row[smaller] < row[larger]))
            Fail(row, smaller, $"{Declared.NameOf(smaller)} < {Declared.NameOf(larger)} required ({Declared.NameOf(larger)} = {StatusValue.Format(row[larger])})");
    }

    /// <summary>NEST's ht_neuron throws BadParameter (not BadProperty) for its parameters.</summary>
    private static void Fail(in StatusRow row, Column column, string allowed) =>
        throw new BadParameterException(Declared.NameOf(column), row[column], allowed);

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => new Constants
        {
            System = SystemOf(i),
            StepAmpa = ConductanceStepOf(i, GPeakAmpa, TauRiseAmpa, TauDecayAmpa),
            StepNmda = ConductanceStepOf(i, GPeakNmda, TauRiseNmda, TauDecayNmda),
            StepGabaA = ConductanceStepOf(i, GPeakGabaA, TauRiseGabaA, TauDecayGabaA),
            StepGabaB = ConductanceStepOf(i, GPeakGabaB, TauRiseGabaB, TauDecayGabaB),
            RefractorySteps = (int)time.MsToStepsCeil(this[TRef][i]),
        });
        if (_vClamp.Length != Count) _vClamp = new double[Count];
        Array.Copy(this[Vm], _vClamp, Count);
    }

    /// <summary>g_peak_X times the beta normalisation of receptor X for the node at storage position <paramref name="i"/>.</summary>
    private double ConductanceStepOf(int i, Column gPeak, Column tauRise, Column tauDecay) =>
        this[gPeak][i] * BetaNormalization.Factor(this[tauRise][i], this[tauDecay][i]);

    /// <summary>The right-hand side's parameters of the node at storage position <paramref name="i"/>.</summary>
    private Dynamics SystemOf(int i) => new()
    {
        ENa = this[ENa][i], EK = this[EK][i], GNaL = this[GNaL][i], GKL = this[GKL][i], TauM = this[TauM][i],
        ThetaEq = this[ThetaEq][i], TauTheta = this[TauTheta][i], TauSpike = this[TauSpike][i],
        TauRiseAmpa = this[TauRiseAmpa][i], TauDecayAmpa = this[TauDecayAmpa][i], ERevAmpa = this[ERevAmpa][i],
        TauRiseNmda = this[TauRiseNmda][i], TauDecayNmda = this[TauDecayNmda][i], ERevNmda = this[ERevNmda][i],
        VActNmda = this[VActNmda][i], SActNmda = this[SActNmda][i], TauMgSlowNmda = this[TauMgSlowNmda][i],
        TauMgFastNmda = this[TauMgFastNmda][i], InstantUnblockNmda = this[InstantUnblockNmda][i] != 0.0,
        TauRiseGabaA = this[TauRiseGabaA][i], TauDecayGabaA = this[TauDecayGabaA][i], ERevGabaA = this[ERevGabaA][i],
        TauRiseGabaB = this[TauRiseGabaB][i], TauDecayGabaB = this[TauDecayGabaB][i], ERevGabaB = this[ERevGabaB][i],
        GPeakNaP = this[GPeakNaP][i], ERevNaP = this[ERevNaP][i], NNaP = this[NNaP][i],
        GPeakKNa = this[GPeakKNa][i], ERevKNa = this[ERevKNa][i], TauDKNa = this[TauDKNa][i],
        GPeakT = this[GPeakT][i], ERevT = this[ERevT][i], NT = this[NT][i], GPeakH = this[GPeakH][i], ERevH = this[ERevH][i],
        VoltageClamp = this[VoltageClamp][i] != 0.0,
    };

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegrateWithInnerSteps(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>g_NMDA = g_NMDA_timecourse · m_NMDA of the node's state (the only computed recordable).</summary>
    protected override double ReadComputedRecordable(int index, int position)
    {
        double v = this[Vm][position];
        double mEq = Gating.MEqNmda(v, this[SActNmda][position], this[VActNmda][position]);
        return this[GNmda][position] * Gating.MNmda(v, mEq, this[MFastNmda][position], this[MSlowNmda][position], this[InstantUnblockNmda][position] != 0.0);
    }

    /// <summary>
    /// After each inner step: the clamp, the instantaneous NMDA blocking and the threshold; at the end of the grid step
    /// the recorded intrinsic currents, the refractory count and the input spikes.
    /// </summary>
    private struct Bookkeeping(HtNeuron group, SpikeBuffer spikes) : IInnerStepBookkeeping<Constants, Dynamics>
    {
        /// <summary>The potential the right-hand side saw at the end of the last inner step (before a spike's reset).</summary>
        private double _vSeen;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Begin(int node, in Constants constants, ref Dynamics system) => system.VClamp = group._vClamp[node];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void BeforeInnerStep(int node, ref Dynamics system) => system.Refractory = group._refractory[node] > 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AfterInnerStep(int node, in Constants constants, Span<double> y, bool first, in GridStep step)
        {
            ref readonly Dynamics p = ref constants.System;
            double vClamp = group._vClamp[node];
            _vSeen = p.VoltageClamp ? vClamp : y[YV];
            if (p.VoltageClamp) y[YV] = vClamp;

            double mEq = Gating.MEqNmda(y[YV], p.SActNmda, p.VActNmda);
            y[YMFast] = Gating.Min(mEq, y[YMFast]);
            y[YMSlow] = Gating.Min(mEq, y[YMSlow]);

            ref int refractory = ref group._refractory[node];
            if (refractory == 0 && y[YV] >= y[YTheta])
            {
                y[YV] = p.ENa;
                y[YTheta] = p.ENa;
                // One more than the refractory steps, as the count goes down at the end of this step already.
                refractory = constants.RefractorySteps + 1;
                spikes.Add(step.Lag, group.IdOf(node));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void End(int node, in Constants constants, Span<double> y, in GridStep step)
        {
            ref readonly Dynamics p = ref constants.System;
            double v = _vSeen;
            group[INaP][node] = p.INaP(v);
            group[IKNa][node] = p.IKNa(v, y[YDKNa]);
            group[IT][node] = p.IT(v, y[YMIT], y[YHIT]);
            group[IH][node] = p.IH(v, y[YMIh]);

            ref int refractory = ref group._refractory[node];
            if (refractory > 0) refractory--;

            y[YDGAmpa] += constants.StepAmpa * step.Input(SpikesAmpa, node);
            y[YDGNmda] += constants.StepNmda * step.Input(SpikesNmda, node);
            y[YDGGabaA] += constants.StepGabaA * step.Input(SpikesGabaA, node);
            y[YDGGabaB] += constants.StepGabaB * step.Input(SpikesGabaB, node);
        }
    }

    /// <summary>
    /// The set-only key equilibrate (NEST's State_::set): given true, the gating variables of the node (m_fast_NMDA,
    /// m_slow_NMDA, m_Ih, D_IKNa, m_IT, h_IT) are put at their equilibrium for the node's V_m after the Set, computed with
    /// the parameters the node had before it. The status does not show it.
    /// </summary>
    private sealed class Equilibration(HtNeuron group) : IStateOutsideColumns
    {
        public IReadOnlyList<string> Keys => [EquilibrateKey];

        public bool Owns(string key) => key == EquilibrateKey;

        public void WriteStatus(int position, Dictionary<string, object> status) { }

        public Action Stage(int position, IReadOnlyDictionary<string, object> values)
        {
            if (!values.TryGetValue(EquilibrateKey, out var given) || !StatusValue.ToBool(EquilibrateKey, given)) return static () => { };
            double v = values.TryGetValue("V_m", out var vm) ? StatusValue.ToDouble("V_m", vm) : group[Vm][position];
            double mNmda = Gating.MEqNmda(v, group[SActNmda][position], group[VActNmda][position]);
            double mIh = Gating.MEqH(v), d = Gating.DEqKNa(v, group[TauDKNa][position]), mIT = Gating.MEqT(v), hIT = Gating.HEqT(v);
            return () =>
            {
                group[MFastNmda][position] = mNmda;
                group[MSlowNmda][position] = mNmda;
                group[MIh][position] = mIh;
                group[DIKNa][position] = d;
                group[MIT][position] = mIT;
                group[HIT][position] = hIT;
            };
        }

        public void CopyDefaultsFrom(IStateOutsideColumns prototype) { }

        public void SaveCheckpoint(CheckpointWriter writer, NeuronGroup group) { }

        public void RestoreCheckpoint(CheckpointReader reader, NeuronGroup group) { }
    }
}
