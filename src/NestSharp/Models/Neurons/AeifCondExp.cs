using NestSharp.Kernel;
using NestSharp.Nodes;

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

    private static readonly Column EEx = Declared.Parameter("E_ex", 0.0, "mV");
    private static readonly Column EIn = Declared.Parameter("E_in", -85.0, "mV");
    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 0.2, "ms", Requirement.Positive(AeifMembrane.AllTimeConstantsPositive));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive(AeifMembrane.AllTimeConstantsPositive));

    private static readonly Column GEx = Declared.State("g_ex", 0.0, "nS", Requirement.NonNegative("conductances must not be negative"));
    private static readonly Column GIn = Declared.State("g_in", 0.0, "nS", Requirement.NonNegative("conductances must not be negative"));

    private static readonly InputChannel SpikesEx = Declared.Input("spikes_ex");
    private static readonly InputChannel SpikesIn = Declared.Input("spikes_in");
    private static readonly InputChannel Currents = Declared.Input("currents");

    static AeifCondExp()
    {
        Declared.SignedSpikeReceptor(0, SpikesEx, SpikesIn, SpikeRouting.BySignZeroInhibitory);
        Declared.CurrentReceptor(0, Currents);
        foreach (var column in (Column[])[Membrane.Vm, GEx, GIn, Membrane.W]) Declared.Recordable(column);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YGEx = 1, YGIn = 2, YW = 3, StateSize = 4;

    /// <summary>The right-hand side of the four state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : IAeifSystem<Dynamics>
    {
        public static int Dimension => StateSize;

        public double GL, Cm, EL, VTh, DeltaT, VPeak, VReset, EEx, EIn, TauSynEx, TauSynIn, A, TauW, Ie;

        public double IStim { get; set; }

        public bool Refractory { get; set; }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Refractory ? VReset : (VPeak < y[YV] ? VPeak : y[YV]);
            double gEx = y[YGEx], gIn = y[YGIn], w = y[YW];
            double excitation = gEx * (v - EEx);
            double inhibition = gIn * (v - EIn);
            double spikeCurrent = DeltaT == 0.0 ? 0.0 : GL * DeltaT * Math.Exp((v - VTh) / DeltaT);

            f[YV] = Refractory ? 0.0 : (-GL * (v - EL) + spikeCurrent - excitation - inhibition - w + Ie + IStim) / Cm;
            f[YGEx] = -gEx / TauSynEx;
            f[YGIn] = -gIn / TauSynIn;
            f[YW] = (A * (v - EL) - w) / TauW;
        }

        public static void AddSpikes(in Dynamics system, Span<double> y, double excitatory, double inhibitory)
        {
            y[YGEx] += excitatory;
            y[YGIn] += -inhibitory;
        }
    }

    public AeifCondExp(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, Membrane, SpikesEx, SpikesIn, Currents)
    {
        IntegratedState = [this[Membrane.Vm], this[GEx], this[GIn], this[Membrane.W]];
    }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row) => Membrane.Validate(row);

    protected override Dynamics SystemOf(int position) => new()
    {
        GL = this[Membrane.GL][position], Cm = this[Membrane.Cm][position], EL = this[Membrane.EL][position],
        VTh = this[Membrane.VTh][position], DeltaT = this[Membrane.DeltaT][position], VPeak = this[Membrane.VPeak][position],
        VReset = this[Membrane.VReset][position], EEx = this[EEx][position], EIn = this[EIn][position],
        TauSynEx = this[TauSynEx][position], TauSynIn = this[TauSynIn][position], A = this[Membrane.A][position],
        TauW = this[Membrane.TauW][position], Ie = this[Membrane.Ie][position],
    };
}
