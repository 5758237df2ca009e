namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_cond_exp_sfa_rr: iaf_cond_exp with a spike-frequency adaptation conductance and a relative refractory
/// conductance, each increased at every spike and decaying exponentially (Dayan &amp; Abbott 2001; Meffin et al. 2004).
/// <code>
/// C_m dV/dt = -g_L (V - E_L) + I_stim + I_e - g_ex (V - E_ex) - g_in (V - E_in) - g_sfa (V - E_sfa) - g_rr (V - E_rr)
/// dg_ex/dt  = -g_ex / tau_syn_ex,   dg_in/dt = -g_in / tau_syn_in
/// dg_sfa/dt = -g_sfa / tau_sfa,     dg_rr/dt = -g_rr / tau_rr
/// at a spike: g_sfa ← g_sfa + q_sfa, g_rr ← g_rr + q_rr
/// </code>
/// The currents see V = min(V_m, V_th), and V = V_reset with dV/dt = 0 while the neuron is refractory
/// (<see cref="IafCondMembrane"/>). Each step h is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's
/// GSL set-up does (error control on the values, absolute tolerance 1e-3), four nodes per SIMD vector where they can
/// (<see cref="Rkf45NeuronGroup{TConstants, TSystem}.IntegrateInLanes"/>, bitwise the scalar path). After the step, in
/// this order: spikes arriving in the step add their weight (nS) to g_ex when positive and its magnitude to g_in
/// otherwise; a refractory neuron counts down with V_m held at V_reset, else V_m &gt;= V_th is a spike (V_m = V_reset,
/// refractory for t_ref, g_sfa and g_rr increased); a current input takes effect from the next step.
/// <para>Parameters (units): V_th, V_reset, E_L, E_ex, E_in, E_sfa, E_rr (mV), t_ref, tau_syn_ex, tau_syn_in, tau_sfa,
/// tau_rr (ms), g_L, q_sfa, q_rr (nS), C_m (pF), I_e (pA). State: V_m (mV), g_ex, g_in, g_sfa, g_rr (nS).
/// Recordables: V_m, g_ex, g_in, g_sfa, g_rr.</para>
/// <para>References: Meffin H, Burkitt AN, Grayden DB (2004) J Comput Neurosci 16:159-175. Dayan P, Abbott LF (2001)
/// Theoretical Neuroscience, MIT Press, p. 166. NEST model documentation, iaf_cond_exp_sfa_rr (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_cond_exp_sfa_rr")]
internal sealed class IafCondExpSfaRr : IafCondExpGroup<IafCondExpSfaRr.Dynamics, IafCondExpSfaRr.LaneDynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly IafCondMembrane Membrane = new(Declared,
        new IafCondMembrane.Defaults(VTh: -57.0, VReset: -70.0, TRef: 0.5, GL: 28.95, Cm: 289.5, EEx: 0.0, EIn: -75.0, EL: -70.0));

    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 1.5, "ms", Requirement.Positive(IafCondMembrane.AllTimeConstantsPositive));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 10.0, "ms", Requirement.Positive(IafCondMembrane.AllTimeConstantsPositive));
    private static readonly Column TauSfa = Declared.Parameter("tau_sfa", 110.0, "ms", Requirement.Positive(IafCondMembrane.AllTimeConstantsPositive));
    private static readonly Column TauRr = Declared.Parameter("tau_rr", 1.97, "ms", Requirement.Positive(IafCondMembrane.AllTimeConstantsPositive));
    private static readonly Column ESfa = Declared.Parameter("E_sfa", -70.0, "mV");
    private static readonly Column ERr = Declared.Parameter("E_rr", -70.0, "mV");
    private static readonly Column QSfa = Declared.Parameter("q_sfa", 14.48, "nS");
    private static readonly Column QRr = Declared.Parameter("q_rr", 3214.0, "nS");

    // g_ex, g_in, spikes_ex, spikes_in and currents (receptor 0)
    private static readonly ConductanceInputs Inputs = new(Declared, SpikeRouting.BySignZeroInhibitory);

    private static readonly Column GSfa = Declared.State("g_sfa", 0.0, "nS");
    private static readonly Column GRr = Declared.State("g_rr", 0.0, "nS");

    static IafCondExpSfaRr()
    {
        Declared.Recordable(Membrane.Vm);
        Declared.Recordable(Inputs.GEx);
        Declared.Recordable(Inputs.GIn);
        Declared.Recordable(GSfa);
        Declared.Recordable(GRr);
    }

    /// <summary>Positions of g_sfa and g_rr in the integrated state vector (NEST's order, after V_m, g_ex, g_in).</summary>
    private const int YGSfa = 3, YGRr = 4;

    /// <summary>
    /// The right-hand side for one node's parameters, its current input and whether it is refractory; also the
    /// constants of a parameter row (the row is its own system).
    /// </summary>
    internal struct Dynamics : IIafCondExpRow<Dynamics>
    {
        public static int Dimension => 5;

        public IafCondMembrane.Constants Membrane;
        public double TauSynEx, TauSynIn, TauSfa, TauRr, ESfa, ERr, QSfa, QRr;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public bool Refractory { readonly get; set; }

        public static ref readonly IafCondMembrane.Constants MembraneOf(in Dynamics row) => ref row.Membrane;

        /// <summary>A spike increases g_sfa by q_sfa and g_rr by q_rr.</summary>
        public static void AfterSpike(in Dynamics row, Span<double> y)
        {
            y[YGSfa] += row.QSfa;
            y[YGRr] += row.QRr;
        }

        public static void AfterSpike(in Dynamics row, Span<Vector256<double>> y, int fired)
        {
            for (int lane = 0; fired != 0; lane++, fired >>= 1)
            {
                if ((fired & 1) == 0) continue;
                Lanes.Element(ref y[YGSfa], lane) += row.QSfa;
                Lanes.Element(ref y[YGRr], lane) += row.QRr;
            }
        }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Membrane.EffectivePotential(y[YV], Refractory);
            var (iSynEx, iSynIn, iLeak) = Membrane.Currents(y[YV], Refractory, y[YGEx], y[YGIn]);
            double iSfa = y[YGSfa] * (v - ESfa);
            double iRr = y[YGRr] * (v - ERr);
            f[YV] = Refractory ? 0.0 : (-iLeak + IStim + Membrane.Ie - iSynEx - iSynIn - iSfa - iRr) / Membrane.Cm;
            f[YGEx] = -y[YGEx] / TauSynEx;
            f[YGIn] = -y[YGIn] / TauSynIn;
            f[YGSfa] = -y[YGSfa] / TauSfa;
            f[YGRr] = -y[YGRr] / TauRr;
        }
    }

    /// <summary>The right-hand side of four nodes, one per SIMD lane, each lane computing what <see cref="Dynamics"/> does.</summary>
    internal struct LaneDynamics : IIafCondExpLanes<Dynamics>
    {
        /// <summary>The membrane's constants of the lanes and which lanes are refractory.</summary>
        public IafCondMembrane.LaneConstants Membrane;

        // Own fields: through LaneExInSynapses (as the hh models) the simulation costs 0.8-2.8 % more instructions
        // (docs/performance.md, 2026-12-04).
        private Vector256<double> _tauSynEx, _tauSynIn, _tauSfa, _tauRr, _eSfa, _eRr, _iStim;

        public Vector256<double> Refractory { set => Membrane.Refractory = value; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void LoadShared(in Dynamics system, Vector256<double> iStim)
        {
            Membrane = new(system.Membrane);
            _tauSynEx = Vector256.Create(system.TauSynEx);
            _tauSynIn = Vector256.Create(system.TauSynIn);
            _tauSfa = Vector256.Create(system.TauSfa);
            _tauRr = Vector256.Create(system.TauRr);
            _eSfa = Vector256.Create(system.ESfa);
            _eRr = Vector256.Create(system.ERr);
            _iStim = iStim;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Load(in Dynamics lane0, in Dynamics lane1, in Dynamics lane2, in Dynamics lane3)
        {
            Membrane = new(lane0.Membrane, lane0.Refractory, lane1.Membrane, lane1.Refractory, lane2.Membrane, lane2.Refractory,
                lane3.Membrane, lane3.Refractory);
            _tauSynEx = Vector256.Create(lane0.TauSynEx, lane1.TauSynEx, lane2.TauSynEx, lane3.TauSynEx);
            _tauSynIn = Vector256.Create(lane0.TauSynIn, lane1.TauSynIn, lane2.TauSynIn, lane3.TauSynIn);
            _tauSfa = Vector256.Create(lane0.TauSfa, lane1.TauSfa, lane2.TauSfa, lane3.TauSfa);
            _tauRr = Vector256.Create(lane0.TauRr, lane1.TauRr, lane2.TauRr, lane3.TauRr);
            _eSfa = Vector256.Create(lane0.ESfa, lane1.ESfa, lane2.ESfa, lane3.ESfa);
            _eRr = Vector256.Create(lane0.ERr, lane1.ERr, lane2.ERr, lane3.ERr);
            _iStim = Vector256.Create(lane0.IStim, lane1.IStim, lane2.IStim, lane3.IStim);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Derivatives(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> f, int lanes)
        {
            var v = Membrane.EffectivePotential(y[YV]);
            var (iSynEx, iSynIn, iLeak) = Membrane.Currents(y[YV], y[YGEx], y[YGIn]);
            var iSfa = y[YGSfa] * (v - _eSfa);
            var iRr = y[YGRr] * (v - _eRr);
            f[YV] = Membrane.UnlessRefractory((Lanes.Negate(iLeak) + _iStim + Membrane.Ie - iSynEx - iSynIn - iSfa - iRr) / Membrane.Cm);
            f[YGEx] = Lanes.Negate(y[YGEx]) / _tauSynEx;
            f[YGIn] = Lanes.Negate(y[YGIn]) / _tauSynIn;
            f[YGSfa] = Lanes.Negate(y[YGSfa]) / _tauSfa;
            f[YGRr] = Lanes.Negate(y[YGRr]) / _tauRr;
        }
    }

    public IafCondExpSfaRr(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane, Inputs)
    {
        IntegratedState = [.. IntegratedState, this[GSfa], this[GRr]];
    }

    protected override Dynamics RowOf(int i, in IafCondMembrane.Constants membrane) => new()
    {
        Membrane = membrane,
        TauSynEx = this[TauSynEx][i],
        TauSynIn = this[TauSynIn][i],
        TauSfa = this[TauSfa][i],
        TauRr = this[TauRr][i],
        ESfa = this[ESfa][i],
        ERr = this[ERr][i],
        QSfa = this[QSfa][i],
        QRr = this[QRr][i],
    };
}
