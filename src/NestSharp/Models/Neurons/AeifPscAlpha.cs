namespace NestSharp.Models.Neurons;

/// <summary>
/// aeif_psc_alpha: adaptive exponential integrate-and-fire neuron (AdEx, Brette and Gerstner 2005) with alpha-shaped
/// synaptic currents. With V the membrane potential as the dynamics see it (V_reset while refractory,
/// min(V_m, V_peak) otherwise),
/// <code>
/// C_m dV/dt  = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + I_syn_ex - I_syn_in - w + I_e + I_stim
/// tau_w dw/dt = a (V - E_L) - w
/// d(dI_syn_X)/dt = -dI_syn_X / tau_syn_X,   dI_syn_X/dt = dI_syn_X - I_syn_X / tau_syn_X     (X = ex, in)
/// </code>
/// (dV/dt = 0 while refractory; with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold). A
/// spike arriving in a step adds e/tau_syn_ex times its weight (pA) to dI_syn_ex when positive, e/tau_syn_in times its
/// magnitude to dI_syn_in otherwise (so both currents are positive), at the end of the step: a weight w gives a
/// current peaking at w after tau_syn. Integration, spike, reset and refractoriness as in
/// <see cref="AeifNeuronGroup{TSystem}"/>.
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th, Delta_T (mV), t_ref, tau_w, tau_syn_ex,
/// tau_syn_in (ms), a (nS), b, I_e (pA), gsl_error_tol; archiving: tau_minus, tau_minus_triplet, tau_Ca (ms), beta_Ca.
/// State: V_m (mV), I_syn_ex, I_syn_in (pA, not negative), dI_syn_ex, dI_syn_in (pA/ms), w (pA), Ca. Recordables:
/// I_syn_ex, I_syn_in, V_m, w.</para>
/// <para>References: Brette R, Gerstner W (2005) Adaptive exponential integrate-and-fire model as an effective
/// description of neuronal activity. J Neurophysiol 94:3637-3642. NEST model documentation, aeif_psc_alpha (NEST 3.10).</para>
/// </summary>
[NodeModelName("aeif_psc_alpha")]
internal sealed class AeifPscAlpha : AeifNeuronGroup<AeifPscAlpha.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly AeifMembrane Membrane = new(Declared, peakCheckedFirst: false);

    // tau_syn_ex, tau_syn_in, I_syn_ex, I_syn_in
    private static readonly AeifCurrents Synapses = new(Declared);
    private static readonly Column DISynEx = Declared.State("dI_syn_ex", 0.0, "pA/ms");
    private static readonly Column DISynIn = Declared.State("dI_syn_in", 0.0, "pA/ms");

    // spikes_ex, spikes_in and the current input, receptor 0
    private static readonly AeifInputs Inputs = new(Declared);

    static AeifPscAlpha()
    {
        Declared.Recordable(Synapses.ISynEx, Synapses.ISynIn, Membrane.Vm, Membrane.W);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YDISynEx = 1, YISynEx = 2, YDISynIn = 3, YISynIn = 4, YW = 5, StateSize = 6;

    /// <summary>The right-hand side of the six state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : IAeifSystem<Dynamics>
    {
        public static int Dimension => StateSize;

        public AeifMembrane.Constants Membrane;
        public double TauSynEx, TauSynIn;

        /// <summary>The jump of dI_syn_ex and dI_syn_in per pA of weight: e / tau_syn (1/ms).</summary>
        public double G0Ex, G0In;

        public double IStim { get; set; }

        public bool Refractory { get; set; }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Membrane.EffectivePotential(y[YV], Refractory);
            double dIEx = y[YDISynEx], iEx = y[YISynEx], dIIn = y[YDISynIn], iIn = y[YISynIn], w = y[YW];

            f[YV] = Refractory ? 0.0 : (Membrane.LeakAndSpikeCurrent(v) + iEx - iIn - w + Membrane.Ie + IStim) / Membrane.Cm;
            f[YDISynEx] = -dIEx / TauSynEx;
            f[YISynEx] = dIEx - iEx / TauSynEx;
            f[YDISynIn] = -dIIn / TauSynIn;
            f[YISynIn] = dIIn - iIn / TauSynIn;
            f[YW] = Membrane.AdaptationDerivative(v, w);
        }

        public static void AddSpikes(in Dynamics system, Span<double> y, double excitatory, double inhibitory)
        {
            y[YDISynEx] += excitatory * system.G0Ex;
            y[YDISynIn] += -inhibitory * system.G0In;
        }
    }

    public AeifPscAlpha(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, Membrane, Inputs)
    {
        IntegratedState = [this[Membrane.Vm], this[DISynEx], this[Synapses.ISynEx], this[DISynIn], this[Synapses.ISynIn], this[Membrane.W]];
    }

    public override bool SupportsCheckpoint => true;

    protected override Dynamics SystemOf(int position) => new()
    {
        Membrane = Membrane.ConstantsOf(Columns, position),
        TauSynEx = this[Synapses.TauSynEx][position], TauSynIn = this[Synapses.TauSynIn][position],
        G0Ex = 1.0 * Math.E / this[Synapses.TauSynEx][position], G0In = 1.0 * Math.E / this[Synapses.TauSynIn][position],
    };
}
