namespace NestSharp.Models.Neurons;

/// <summary>
/// aeif_cond_exp: adaptive exponential integrate-and-fire neuron (AdEx, Brette and Gerstner 2005) with exponentially
/// decaying synaptic conductances. With V the membrane potential as the dynamics see it (V_reset while refractory,
/// min(V_m, V_peak) otherwise),
/// <code>
/// C_m dV/dt  = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - g_ex (V - E_ex) - g_in (V - E_in) - w + I_e + I_stim
/// tau_w dw/dt = a (V - E_L) - w
/// dg_ex/dt = -g_ex / tau_syn_ex,   dg_in/dt = -g_in / tau_syn_in
/// </code>
/// (dV/dt = 0 while refractory; with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold). A
/// spike arriving in a step adds its weight (nS) to g_ex when positive, its magnitude to g_in otherwise, at the end
/// of the step. Integration, spike, reset and refractoriness as in <see cref="AeifNeuronGroup{TSystem}"/>.
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th, Delta_T, E_ex, E_in (mV), t_ref, tau_w,
/// tau_syn_ex, tau_syn_in (ms), a (nS), b, I_e (pA), gsl_error_tol; archiving: tau_minus, tau_minus_triplet, tau_Ca
/// (ms), beta_Ca. State: V_m (mV), g_ex, g_in (nS, not negative), w (pA), Ca. Recordables: V_m, g_ex, g_in, w.</para>
/// <para>References: Brette R, Gerstner W (2005) Adaptive exponential integrate-and-fire model as an effective
/// description of neuronal activity. J Neurophysiol 94:3637-3642. NEST model documentation, aeif_cond_exp (NEST 3.10).</para>
/// </summary>
[NodeModelName("aeif_cond_exp")]
internal sealed class AeifCondExp : AeifNeuronGroup<AeifCondExp.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly AeifMembrane Membrane = new(Declared, peakCheckedFirst: true);

    // E_ex, E_in, tau_syn_ex, tau_syn_in, g_ex, g_in
    private static readonly AeifConductances Synapses = new(Declared);

    // spikes_ex, spikes_in and the current input, receptor 0
    private static readonly AeifInputs Inputs = new(Declared);

    static AeifCondExp()
    {
        Declared.Recordable(Membrane.Vm, Synapses.GEx, Synapses.GIn, Membrane.W);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YGEx = 1, YGIn = 2, YW = 3, StateSize = 4;

    /// <summary>The right-hand side of the four state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : IAeifSystem<Dynamics>
    {
        public static int Dimension => StateSize;

        public AeifMembrane.Constants Membrane;
        public double EEx, EIn, TauSynEx, TauSynIn;

        public double IStim { get; set; }

        public bool Refractory { get; set; }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Membrane.EffectivePotential(y[YV], Refractory);
            double gEx = y[YGEx], gIn = y[YGIn], w = y[YW];
            double excitation = gEx * (v - EEx);
            double inhibition = gIn * (v - EIn);

            f[YV] = Refractory ? 0.0 : (Membrane.LeakAndSpikeCurrent(v) - excitation - inhibition - w + Membrane.Ie + IStim) / Membrane.Cm;
            f[YGEx] = -gEx / TauSynEx;
            f[YGIn] = -gIn / TauSynIn;
            f[YW] = Membrane.AdaptationDerivative(v, w);
        }

        public static void AddSpikes(in Dynamics system, Span<double> y, double excitatory, double inhibitory)
        {
            y[YGEx] += excitatory;
            y[YGIn] += -inhibitory;
        }
    }

    public AeifCondExp(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, Membrane, Inputs)
    {
        IntegratedState = [this[Membrane.Vm], this[Synapses.GEx], this[Synapses.GIn], this[Membrane.W]];
    }

    public override bool SupportsCheckpoint => true;

    protected override Dynamics SystemOf(int position) => new()
    {
        Membrane = Membrane.ConstantsOf(Columns, position),
        EEx = this[Synapses.EEx][position], EIn = this[Synapses.EIn][position], TauSynEx = this[Synapses.TauSynEx][position], TauSynIn = this[Synapses.TauSynIn][position],
    };
}
