namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_cond_exp: leaky integrate-and-fire neuron with exponentially decaying synaptic conductances (Meffin et al. 2004).
/// <code>
/// C_m dV/dt = -g_L (V - E_L) + I_stim + I_e - g_ex (V - E_ex) - g_in (V - E_in)
/// dg_ex/dt  = -g_ex / tau_syn_ex,   dg_in/dt = -g_in / tau_syn_in
/// </code>
/// The currents see V = min(V_m, V_th), and V = V_reset with dV/dt = 0 while the neuron is refractory. Each step h is
/// integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>,
/// error control on the values with an absolute tolerance of 1e-3 mV or nS), the inner step size carrying over from
/// step to step. After the step, in this order: spikes arriving in the step add their weight (nS) to g_ex when positive
/// and its magnitude to g_in otherwise; a refractory neuron counts down with V_m held at V_reset, else V_m &gt;= V_th is
/// a spike (V_m = V_reset, refractory for t_ref); a current input takes effect from the next step.
/// <para>Parameters (units): V_th, V_reset, E_L, E_ex, E_in (mV), t_ref, tau_syn_ex, tau_syn_in (ms), g_L (nS),
/// C_m (pF), I_e (pA). State: V_m (mV), g_ex, g_in (nS). Recordables: V_m, g_ex, g_in.</para>
/// <para>References: Meffin H, Burkitt AN, Grayden DB (2004) An analytical model for the large, fluctuating synaptic
/// conductance state typical of neocortical neurons in vivo. J Comput Neurosci 16:159-175. NEST model documentation,
/// iaf_cond_exp (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_cond_exp")]
internal sealed class IafCondExp : IafCondExpGroup<IafCondExp.Dynamics, IafCondExp.LaneDynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly IafCondMembrane Membrane = new(Declared);

    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 0.2, "ms", Requirement.Positive(IafCondMembrane.AllTimeConstantsPositive));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive(IafCondMembrane.AllTimeConstantsPositive));

    // g_ex, g_in, spikes_ex, spikes_in and currents (receptor 0)
    private static readonly ConductanceInputs Inputs = new(Declared, SpikeRouting.BySignZeroInhibitory);

    static IafCondExp()
    {
        Declared.Recordable(Membrane.Vm, Inputs.GEx, Inputs.GIn);
    }

    /// <summary>
    /// The right-hand side for one node's parameters, its current input and whether it is refractory; also the
    /// constants of a parameter row (the row is its own system).
    /// </summary>
    internal struct Dynamics : IIafCondExpRow<Dynamics>
    {
        public static int Dimension => 3;

        public IafCondMembrane.Constants Membrane;
        public double TauSynEx, TauSynIn;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public bool Refractory { readonly get; set; }

        public static ref readonly IafCondMembrane.Constants MembraneOf(in Dynamics row) => ref row.Membrane;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            var (iSynEx, iSynIn, iLeak) = Membrane.Currents(y[YV], Refractory, y[YGEx], y[YGIn]);
            f[YV] = Refractory ? 0.0 : (-iLeak + IStim + Membrane.Ie - iSynEx - iSynIn) / Membrane.Cm;
            f[YGEx] = -y[YGEx] / TauSynEx;
            f[YGIn] = -y[YGIn] / TauSynIn;
        }
    }

    /// <summary>The right-hand side of four nodes, one per SIMD lane, each lane computing what <see cref="Dynamics"/> does.</summary>
    internal struct LaneDynamics : IIafCondExpLanes<Dynamics>
    {
        /// <summary>The membrane's constants of the lanes and which lanes are refractory.</summary>
        public IafCondMembrane.LaneConstants Membrane;

        // Own fields: through LaneExInSynapses (as the hh models) the simulation costs 0.8-2.8 % more instructions
        // (docs/performance.md, 2026-12-04).
        private Vector256<double> _tauSynEx, _tauSynIn, _iStim;

        public Vector256<double> Refractory { set => Membrane.Refractory = value; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void LoadShared(in Dynamics system, Vector256<double> iStim)
        {
            Membrane = new(system.Membrane);
            _tauSynEx = Vector256.Create(system.TauSynEx);
            _tauSynIn = Vector256.Create(system.TauSynIn);
            _iStim = iStim;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Load(in Dynamics lane0, in Dynamics lane1, in Dynamics lane2, in Dynamics lane3)
        {
            Membrane = new(lane0.Membrane, lane0.Refractory, lane1.Membrane, lane1.Refractory, lane2.Membrane, lane2.Refractory,
                lane3.Membrane, lane3.Refractory);
            _tauSynEx = Vector256.Create(lane0.TauSynEx, lane1.TauSynEx, lane2.TauSynEx, lane3.TauSynEx);
            _tauSynIn = Vector256.Create(lane0.TauSynIn, lane1.TauSynIn, lane2.TauSynIn, lane3.TauSynIn);
            _iStim = Vector256.Create(lane0.IStim, lane1.IStim, lane2.IStim, lane3.IStim);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Derivatives(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> f, int lanes)
        {
            var (iSynEx, iSynIn, iLeak) = Membrane.Currents(y[YV], y[YGEx], y[YGIn]);
            f[YV] = Membrane.UnlessRefractory((Lanes.Negate(iLeak) + _iStim + Membrane.Ie - iSynEx - iSynIn) / Membrane.Cm);
            f[YGEx] = Lanes.Negate(y[YGEx]) / _tauSynEx;
            f[YGIn] = Lanes.Negate(y[YGIn]) / _tauSynIn;
        }
    }

    public IafCondExp(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane, Inputs) { }

    protected override Dynamics RowOf(int i, in IafCondMembrane.Constants membrane) =>
        new() { Membrane = membrane, TauSynEx = this[TauSynEx][i], TauSynIn = this[TauSynIn][i] };
}
