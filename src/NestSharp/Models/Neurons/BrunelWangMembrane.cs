namespace NestSharp.Models.Neurons;

/// <summary>
/// What NEST's iaf_bw_2001 and iaf_bw_2001_exact share, declared into a model's schema once: the parameters E_L, E_ex,
/// E_in, V_th, V_reset (mV), C_m (pF), g_L (nS), t_ref, tau_AMPA, tau_GABA, tau_rise_NMDA, tau_decay_NMDA (ms),
/// alpha (1/ms), conc_Mg2 (mM) and gsl_error_tol with NEST's defaults and checks; the state V_m (mV, absolute, starting
/// at E_L's default), s_AMPA and s_GABA (nS); the remaining refractory steps; the spike inputs of receptors AMPA (1) and
/// GABA (2), which add weight · multiplicity, and the current input of receptor 0. Each model declares its NMDA
/// receptor (3) and NMDA state itself. The currents, as NEST's dynamics compute them:
/// <code>
/// I_AMPA = (V - E_ex) s_AMPA,   I_GABA = (V - E_in) s_GABA,   I_NMDA = (V - E_ex) / (1 + conc_Mg2 exp(-0.062 V) / 3.57) s_NMDA
/// dV/dt = (-g_L (V - E_L) - I_syn + I_stim) / C_m
/// </code>
/// </summary>
internal sealed class BrunelWangMembrane
{
    /// <summary>The receptor numbers NEST registers (its SynapseTypes enum).</summary>
    public const int AmpaReceptor = 1, GabaReceptor = 2, Nmda = 3;

    private const string AllTimeConstantsPositive = "all time constants must be strictly positive";

    public readonly Column EL, EEx, EIn, VTh, VReset, Cm, GL, TRef, TauAmpa, TauGaba, TauDecayNmda, TauRiseNmda, Alpha, ConcMg2, GslErrorTol;

    /// <summary>V_m (mV), absolute as NEST keeps it in the integrated state, and the AMPA and GABA gating variables (nS).</summary>
    public readonly Column Vm, SAmpa, SGaba;

    /// <summary>Refractory steps remaining (NEST's r_).</summary>
    public readonly Column RefractorySteps;

    /// <summary>The spike inputs of AMPA and GABA (weight · multiplicity) and the current input (pA).</summary>
    public readonly InputChannel AmpaSpikes, GabaSpikes, Currents;

    /// <param name="schema">The model's schema.</param>
    public BrunelWangMembrane(NeuronSchema schema)
    {
        EL = schema.Parameter("E_L", -70.0, "mV");
        EEx = schema.Parameter("E_ex", 0.0, "mV");
        EIn = schema.Parameter("E_in", -70.0, "mV");
        VTh = schema.Parameter("V_th", -55.0, "mV");
        VReset = schema.Parameter("V_reset", -60.0, "mV");
        Cm = schema.Parameter("C_m", 500.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
        GL = schema.Parameter("g_L", 25.0, "nS");
        TRef = schema.Parameter("t_ref", 2.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
        TauAmpa = schema.Parameter("tau_AMPA", 2.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        TauGaba = schema.Parameter("tau_GABA", 5.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        TauRiseNmda = schema.Parameter("tau_rise_NMDA", 2.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        TauDecayNmda = schema.Parameter("tau_decay_NMDA", 100.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        Alpha = schema.Parameter("alpha", 0.5, "1/ms", Requirement.Positive("alpha > 0 required"));
        ConcMg2 = schema.Parameter("conc_Mg2", 1.0, "mM", Requirement.Positive("Mg2 concentration must be strictly positive"));
        GslErrorTol = schema.Parameter("gsl_error_tol", 1e-3, "", Requirement.Positive("the gsl_error_tol must be strictly positive"));
        Vm = schema.State("V_m", -70.0, "mV");
        SAmpa = schema.State("s_AMPA", 0.0, "nS");
        SGaba = schema.State("s_GABA", 0.0, "nS");
        RefractorySteps = schema.Internal("refractory_steps");
        AmpaSpikes = schema.Input("spikes_AMPA");
        GabaSpikes = schema.Input("spikes_GABA");
        Currents = schema.Input("currents");
        schema.SpikeReceptor(AmpaReceptor, AmpaSpikes, "AMPA");
        schema.SpikeReceptor(GabaReceptor, GabaSpikes, "GABA");
        schema.CurrentReceptor(0, Currents);
    }

    /// <summary>
    /// The NMDA receptor (<see cref="Nmda"/>: counted spikes into <paramref name="nmdaSpikes"/>) and NEST's recordables
    /// in its order: V_m, s_AMPA, s_GABA, then the model's s_NMDA (nS), I_NMDA, I_AMPA and I_GABA (pA).
    /// </summary>
    public void DeclareNmda(NeuronSchema schema, InputChannel nmdaSpikes, Column sNmda, Column iNmda, Column iAmpa, Column iGaba)
    {
        schema.CountingSpikeReceptor(Nmda, nmdaSpikes, "NMDA");
        schema.Recordable(Vm, SAmpa, SGaba, sNmda, iNmda, iAmpa, iGaba);
    }

    /// <summary>
    /// NEST's refractoriness and threshold after a step: a refractory neuron counts <paramref name="refractory"/> down
    /// and V_m is held at V_reset; otherwise V_m &gt;= V_th is a spike, V_m = V_reset and t_ref
    /// (<paramref name="refractorySteps"/> steps) starts. Returns whether the neuron spiked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RefractoryOrThreshold(in Constants c, long refractorySteps, ref double refractory, ref double vm)
    {
        if (refractory > 0)
        {
            refractory--;
            vm = c.VReset;
            return false;
        }
        if (!(vm >= c.VTh)) return false;
        refractory = refractorySteps;
        vm = c.VReset;
        return true;
    }

    /// <summary>NEST's check that the reset potential lies below the threshold, naming V_reset.</summary>
    public void Validate(in StatusRow row) =>
        row.Require(row[VReset] < row[VTh], VReset, $"reset potential must be smaller than threshold (V_th = {row[VTh]})");

    /// <summary>The constants of the node at storage position <paramref name="i"/> for a run.</summary>
    public Constants ConstantsOf(double[][] columns, int i) => new()
    {
        EL = columns[EL.Index][i],
        EEx = columns[EEx.Index][i],
        EIn = columns[EIn.Index][i],
        VTh = columns[VTh.Index][i],
        VReset = columns[VReset.Index][i],
        Cm = columns[Cm.Index][i],
        GL = columns[GL.Index][i],
        TauAmpa = columns[TauAmpa.Index][i],
        TauGaba = columns[TauGaba.Index][i],
        ConcMg2 = columns[ConcMg2.Index][i],
        Control = ErrorControl.OnValues(columns[GslErrorTol.Index][i], 0.0),
    };

    /// <summary>What the dynamics and the threshold need of one parameter row.</summary>
    internal struct Constants
    {
        public double EL, EEx, EIn, VTh, VReset, Cm, GL, TauAmpa, TauGaba, ConcMg2;

        /// <summary>NEST's gsl_odeiv_control_y_new(gsl_error_tol, 0).</summary>
        public ErrorControl Control;

        /// <summary>I_AMPA = (V - E_ex) s_AMPA (pA).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double Ampa(double v, double s) => (v - EEx) * s;

        /// <summary>I_GABA = (V - E_in) s_GABA (pA).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double Gaba(double v, double s) => (v - EIn) * s;

        /// <summary>I_NMDA = (V - E_ex) / (1 + conc_Mg2 exp(-0.062 V) / 3.57) s_NMDA (pA).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double Nmda(double v, double s) => (v - EEx) / (1 + ConcMg2 * Math.Exp(-0.062 * v) / 3.57) * s;

        /// <summary>dV/dt = (-g_L (V - E_L) - I_syn + I_stim) / C_m.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double Dvdt(double v, double iSyn, double iStim) => (-GL * (v - EL) - iSyn + iStim) / Cm;
    }
}
