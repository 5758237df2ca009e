namespace NestSharp.Models.Neurons;

/// <summary>
/// What NEST's multi-timescale adaptive threshold models (mat2_psc_exp, amat2_psc_exp) share, declared into a model's
/// schema once: the leaky membrane with exponential synaptic currents (E_L, I_e, C_m, tau_m, tau_syn_ex, tau_syn_in,
/// t_ref) and the threshold with its resting value <c>omega</c> and two spike-triggered components (tau_1, tau_2,
/// alpha_1, alpha_2; state V_th_alpha_1, V_th_alpha_2), with NEST's checks. V_m and omega are stored relative to E_L as
/// NEST stores them (a change of E_L keeps their absolute values). The status shows the whole threshold V_th, kept by
/// the model in <see cref="VTh"/> (read only, as in NEST). Also shared: the synaptic currents, the current input of
/// the previous step, the refractory count, the inputs (receptor 0, weights &gt;= 0 excitatory; current receptor 0), the
/// recordables V_m and V_th, and the threshold test after a step (<see cref="Fires"/>).
/// </summary>
internal sealed class MatMembrane
{
    public const string AllTimeConstantsPositive = "all time constants must be strictly positive";

    public readonly Column EL, Ie, Cm, TauM, TauSynEx, TauSynIn, TRef, Tau1, Tau2, Alpha1, Alpha2, Omega;

    /// <summary>V_m, stored relative to E_L.</summary>
    public readonly Column Vm;

    /// <summary>The spike-triggered threshold components (mV, relative to omega).</summary>
    public readonly Column VThAlpha1, VThAlpha2;

    /// <summary>The whole threshold as NEST shows and records it: E_L + omega + V_th_alpha_1 + V_th_alpha_2 (+ V_th_v).</summary>
    public readonly Column VTh;

    /// <summary>The synaptic currents (pA; recordable where the model says so, not in the status).</summary>
    public readonly Column ISynEx, ISynIn;

    /// <summary>The current input of the previous step (NEST's i_0), used in this step.</summary>
    public readonly Column Current;

    /// <summary>Remaining refractory steps.</summary>
    public readonly Column RefractorySteps;

    public readonly InputChannel SpikesEx, SpikesIn, Currents;

    public MatMembrane(NeuronSchema schema, double cm, double tauM, double alpha1, double alpha2, double omega)
    {
        EL = schema.Parameter("E_L", -70.0, "mV");
        Ie = schema.Parameter("I_e", 0.0, "pA");
        Cm = schema.Parameter("C_m", cm, "pF", Requirement.Positive("capacitance must be strictly positive"));
        TauM = schema.Parameter("tau_m", tauM, "ms", Requirement.Positive(AllTimeConstantsPositive));
        TauSynEx = schema.Parameter("tau_syn_ex", 1.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        TauSynIn = schema.Parameter("tau_syn_in", 3.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        TRef = schema.Parameter("t_ref", 2.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        Tau1 = schema.Parameter("tau_1", 10.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        Tau2 = schema.Parameter("tau_2", 200.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        Alpha1 = schema.Parameter("alpha_1", alpha1, "mV");
        Alpha2 = schema.Parameter("alpha_2", alpha2, "mV");
        Omega = schema.ParameterRelativeTo(EL, "omega", -70.0 + omega, "mV");
        Vm = schema.StateRelativeTo(EL, "V_m", -70.0, "mV");
        VThAlpha1 = schema.State("V_th_alpha_1", 0.0, "mV");
        VThAlpha2 = schema.State("V_th_alpha_2", 0.0, "mV");
        VTh = schema.Internal("V_th", -70.0 + omega);
        ISynEx = schema.Internal("I_syn_ex");
        ISynIn = schema.Internal("I_syn_in");
        Current = schema.Internal("current");
        RefractorySteps = schema.Internal("refractory_steps");
        SpikesEx = schema.Input("spikes_ex");
        SpikesIn = schema.Input("spikes_in");
        Currents = schema.Input("currents");
        schema.SignedSpikeReceptor(0, SpikesEx, SpikesIn, SpikeRouting.BySignZeroExcitatory);
        schema.CurrentReceptor(0, Currents);
        schema.Recordable(Vm);
        schema.Recordable(VTh);
    }

    /// <summary>E_L + omega + V_th_alpha_1 + V_th_alpha_2 of the node at storage position <paramref name="i"/> (mV).</summary>
    public double ThresholdOf(double[][] columns, int i) =>
        columns[EL.Index][i] + columns[Omega.Index][i] + columns[VThAlpha1.Index][i] + columns[VThAlpha2.Index][i];

    /// <summary>
    /// NEST's threshold test after a step: outside the refractory period, V_m at or above the threshold (relative to
    /// E_L, as the model sums it) is a spike, which starts the refractory period and raises the threshold components
    /// by alpha_1 and alpha_2; inside it, the count goes down. Returns whether the neuron spiked.
    /// </summary>
    public static bool Fires(ref double refractory, ref double h1, ref double h2, double v, double threshold,
        int refractorySteps, double alpha1, double alpha2)
    {
        if (refractory != 0.0)
        {
            refractory--;
            return false;
        }
        if (!(v >= threshold)) return false;
        refractory = refractorySteps;
        h1 += alpha1;
        h2 += alpha2;
        return true;
    }

    /// <summary>NEST's check that the membrane time constant differs from the synaptic ones (the propagators divide by the difference).</summary>
    public void Validate(in StatusRow row)
    {
        row.Require(row[TauM] != row[TauSynEx], TauM, $"the membrane and synaptic time constants must differ (tau_syn_ex = {row[TauSynEx]})");
        row.Require(row[TauM] != row[TauSynIn], TauM, $"the membrane and synaptic time constants must differ (tau_syn_in = {row[TauSynIn]})");
    }
}
