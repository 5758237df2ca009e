namespace NestSharp.Models.Neurons;

/// <summary>
/// aeif_cond_alpha_astro: aeif_cond_alpha (adaptive exponential integrate-and-fire neuron, Brette and Gerstner 2005,
/// with alpha-shaped synaptic conductances) that also receives the slow inward current I_SIC of astrocytes through
/// sic_connection. With V the membrane potential as the dynamics see it (V_reset while refractory, min(V_m, V_peak)
/// otherwise),
/// <code>
/// C_m dV/dt  = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - g_ex (V - E_ex) - g_in (V - E_in) - w + I_e + I_stim + I_SIC
/// tau_w dw/dt = a (V - E_L) - w
/// d(dg_X)/dt = -dg_X / tau_syn_X,   dg_X/dt = dg_X - g_X / tau_syn_X     (X = ex, in)
/// </code>
/// (dV/dt = 0 while refractory; with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold). A
/// spike arriving in a step adds e/tau_syn_ex times its weight (nS) to dg_ex when positive, e/tau_syn_in times its
/// magnitude to dg_in otherwise, at the end of the step, so that a weight w gives a conductance peaking at w after
/// tau_syn. I_SIC is the sum of the slow inward currents (pA) that arrived for the step before, as I_stim is the current
/// input of the step before; both are taken up at the end of a step. Integration, spike, reset and refractoriness as in
/// <see cref="AeifNeuronGroup{TSystem}"/>.
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th, Delta_T, E_ex, E_in (mV), t_ref, tau_w,
/// tau_syn_ex, tau_syn_in (ms), a (nS), b, I_e (pA), gsl_error_tol; archiving: tau_minus, tau_minus_triplet, tau_Ca
/// (ms), beta_Ca. State: V_m (mV), g_ex, g_in (nS, not negative), dg_ex, dg_in (nS/ms), w (pA), Ca. Recordables: V_m, g_ex, g_in, w, I_SIC.</para>
/// <para>References: Brette R, Gerstner W (2005) Adaptive exponential integrate-and-fire model as an effective
/// description of neuronal activity. J Neurophysiol 94:3637-3642. Nadkarni S, Jung P (2003) Phys Rev Lett 91:268101.
/// NEST model documentation, aeif_cond_alpha_astro (NEST 3.10).</para>
/// </summary>
[NodeModelName("aeif_cond_alpha_astro")]
internal sealed class AeifCondAlphaAstro : AeifNeuronGroup<AeifCondAlphaAstro.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly AeifMembrane Membrane = new(Declared, peakCheckedFirst: false);

    // E_ex, E_in, tau_syn_ex, tau_syn_in, g_ex, g_in
    private static readonly AeifConductances Synapses = new(Declared);
    private static readonly Column DgEx = Declared.State("dg_ex", 0.0, "nS/ms");
    private static readonly Column DgIn = Declared.State("dg_in", 0.0, "nS/ms");

    // spikes_ex, spikes_in and the current input, receptor 0
    private static readonly AeifInputs Inputs = new(Declared);

    // The slow inward current of the step (pA): recordable, not in the status (NEST's I_sic_), and its input.
    private static readonly Column ISic = Declared.Internal("I_SIC");
    private static readonly InputChannel SicCurrents = Declared.Input("sic_currents");

    static AeifCondAlphaAstro()
    {
        Declared.Recordable(Membrane.Vm, Synapses.GEx, Synapses.GIn, Membrane.W, ISic);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YDgEx = 1, YGEx = 2, YDgIn = 3, YGIn = 4, YW = 5, StateSize = 6;

    /// <summary>The right-hand side of the six state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : IAeifSystem<Dynamics>
    {
        public static int Dimension => StateSize;

        public AeifMembrane.Constants Membrane;
        public double EEx, EIn, TauSynEx, TauSynIn;

        /// <summary>The jump of dg_ex and dg_in per nS of weight: e / tau_syn (1/ms).</summary>
        public double G0Ex, G0In;

        public double IStim { get; set; }

        /// <summary>The slow inward current of this step (pA).</summary>
        public double ISic;

        public static void SetSlowCurrent(ref Dynamics system, double current) => system.ISic = current;

        public bool Refractory { get; set; }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Membrane.EffectivePotential(y[YV], Refractory);
            double dgEx = y[YDgEx], gEx = y[YGEx], dgIn = y[YDgIn], gIn = y[YGIn], w = y[YW];
            double excitation = gEx * (v - EEx);
            double inhibition = gIn * (v - EIn);

            f[YV] = Refractory ? 0.0 : (Membrane.LeakAndSpikeCurrent(v) - excitation - inhibition - w + Membrane.Ie + IStim + ISic) / Membrane.Cm;
            f[YDgEx] = -dgEx / TauSynEx;
            f[YGEx] = dgEx - gEx / TauSynEx;
            f[YDgIn] = -dgIn / TauSynIn;
            f[YGIn] = dgIn - gIn / TauSynIn;
            f[YW] = Membrane.AdaptationDerivative(v, w);
        }

        public static void AddSpikes(in Dynamics system, Span<double> y, double excitatory, double inhibitory)
        {
            y[YDgEx] += excitatory * system.G0Ex;
            y[YDgIn] += -inhibitory * system.G0In;
        }
    }

    public AeifCondAlphaAstro(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, Membrane, Inputs, (ISic, SicCurrents))
    {
        IntegratedState = [this[Membrane.Vm], this[DgEx], this[Synapses.GEx], this[DgIn], this[Synapses.GIn], this[Membrane.W]];
    }

    public override bool SupportsCheckpoint => true;

    /// <summary>NEST's handles_test_event(SICEvent): the slow inward currents of sic_connection.</summary>
    public override bool ReceivesSecondary(SecondaryEventType type) => ReferenceEquals(type, AstrocyteEvents.SlowInwardCurrent);

    /// <summary>Slow inward currents go to <see cref="SicCurrents"/>, whatever their sign; receptor_type 0 only, as NEST's.</summary>
    public override int SecondaryChannelAt(SecondaryEventType type, int position, int receptor, double weight)
    {
        if (!ReferenceEquals(type, AstrocyteEvents.SlowInwardCurrent)) return base.SecondaryChannelAt(type, position, receptor, weight);
        if (receptor != 0)
            throw new UnknownReceptorTypeException($"{Model.Name}: it has no receptor_type {receptor} for slow inward currents; they go to receptor_type 0.");
        return SicCurrents.Index * Count + position;
    }

    protected override Dynamics SystemOf(int position) => new()
    {
        Membrane = Membrane.ConstantsOf(Columns, position),
        EEx = this[Synapses.EEx][position], EIn = this[Synapses.EIn][position], TauSynEx = this[Synapses.TauSynEx][position], TauSynIn = this[Synapses.TauSynIn][position],
        G0Ex = 1.0 * Math.E / this[Synapses.TauSynEx][position], G0In = 1.0 * Math.E / this[Synapses.TauSynIn][position],
    };
}
