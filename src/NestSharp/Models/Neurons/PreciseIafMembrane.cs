namespace NestSharp.Models.Neurons;

/// <summary>
/// The membrane of NEST's precise integrate-and-fire models (iaf_psc_exp_ps, iaf_psc_alpha_ps, iaf_psc_delta_ps,
/// iaf_psc_exp_ps_lossless),
/// declared into a model's schema once: C_m (pF), tau_m, t_ref (ms), E_L, V_reset, V_th, V_min (mV), I_e (pA) with
/// NEST's defaults and checks, V_m (mV, stored relative to E_L as NEST stores it), and the hidden state every precise
/// model keeps: the step input current (NEST's y0), whether the node is refractory, and the stamp and offset of its
/// last spike (refractoriness ends at that spike's precise time plus t_ref). The status shows is_refractory. The inputs
/// of receptor 0 are the same in every precise model: "spikes", counted, whose times and weights come with
/// <see cref="PreciseIafGroup.ReceivePrecise"/>, and "currents"; V_m is the first recordable.
/// <para>Checks (NEST's messages, to which the BadProperty text adds the final period): C_m &gt; 0 ("Capacitance must be
/// strictly positive"), tau_m and the model's synaptic time constants &gt; 0 ("All time constants must be strictly
/// positive"), V_reset &lt; V_th, V_reset &gt;= V_min, and t_ref at least one step of the current resolution
/// (<see cref="CheckRefractoryTime"/>); iaf_psc_exp_ps_lossless (<see cref="PreciseIafMembrane(NeuronSchema, double, bool)"/>
/// with lossless true) asks only t_ref &gt;= 0 ("Refractory time must not be negative") and words the V_min check as
/// its NEST source does.</para>
/// </summary>
internal sealed class PreciseIafMembrane
{
    public const string AllTimeConstantsPositive = "All time constants must be strictly positive";
    public const string RefractoryAtLeastOneStep = "Refractory time must be at least one time step";
    public const string RefractoryNotNegative = "Refractory time must not be negative";

    /// <summary>The machine epsilon of doubles (C++'s numeric_limits&lt;double&gt;::epsilon()).</summary>
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>
    /// The offset of the spike of a node found at or above threshold when an update starts (set so): just after the
    /// start of the step, h·(1 - ε) before its end, as NEST places it.
    /// </summary>
    public static double InstantSpikeOffset(double h) => h * (1.0 - Epsilon);

    public readonly Column Cm, TauM, TRef, EL, VReset, VTh, VMin, Ie;

    /// <summary>V_m, stored relative to E_L (NEST's y2, or y3 in the alpha model).</summary>
    public readonly Column Vm;

    /// <summary>The current input of the step (pA), constant within it (NEST's y0 / y_input).</summary>
    public readonly Column StepCurrent;

    /// <summary>1 while the node is refractory, 0 otherwise (NEST's is_refractory).</summary>
    public readonly Column IsRefractory;

    /// <summary>The stamp (step) of the last spike, -1 before the first (NEST's last_spike_step).</summary>
    public readonly Column LastSpikeStep;

    /// <summary>The offset (ms) of the last spike within its step (NEST's last_spike_offset).</summary>
    public readonly Column LastSpikeOffset;

    /// <summary>Spikes on receptor 0, counted (multiplicity); their times and weights come with <see cref="PreciseIafGroup.ReceivePrecise"/>.</summary>
    public readonly InputChannel Spikes;

    /// <summary>Currents on receptor 0 (pA).</summary>
    public readonly InputChannel Currents;

    /// <summary>
    /// Whether t_ref must last at least one step of the resolution (checked when a status is set and before a run):
    /// every precise model but iaf_psc_exp_ps_lossless, which asks only t_ref &gt;= 0.
    /// </summary>
    public bool RefractoryAtLeastOneStepRequired { get; }

    private readonly string _resetAboveMinimum;

    /// <param name="schema">The model's schema.</param>
    /// <param name="vMinDefault">The default of V_min: -inf for the exp and alpha models, -DBL_MAX for the delta model.</param>
    /// <param name="lossless">iaf_psc_exp_ps_lossless's checks: t_ref &gt;= 0 instead of at least one step, its wording of the V_min check.</param>
    public PreciseIafMembrane(NeuronSchema schema, double vMinDefault, bool lossless = false)
    {
        RefractoryAtLeastOneStepRequired = !lossless;
        _resetAboveMinimum = lossless
            ? "Reset potential must be greater than or equal to minimum potential"
            : "Reset potential must be greater equal minimum potential";
        Cm = schema.Parameter("C_m", 250.0, "pF", Requirement.Positive("Capacitance must be strictly positive"));
        TauM = schema.Parameter("tau_m", 10.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        TRef = schema.Parameter("t_ref", 2.0, "ms", lossless ? Requirement.NonNegative(RefractoryNotNegative) : null);
        EL = schema.Parameter("E_L", -70.0, "mV");
        VReset = schema.Parameter("V_reset", -70.0, "mV");
        VTh = schema.Parameter("V_th", -55.0, "mV");
        VMin = schema.Parameter("V_min", vMinDefault, "mV");
        Ie = schema.Parameter("I_e", 0.0, "pA");
        Vm = schema.StateRelativeTo(EL, "V_m", -70.0, "mV");
        StepCurrent = schema.Internal("step_current");
        IsRefractory = schema.Internal("is_refractory");
        LastSpikeStep = schema.Internal("last_spike_step", -1.0);
        LastSpikeOffset = schema.Internal("last_spike_offset");
        Spikes = schema.Input("spikes");
        Currents = schema.Input("currents");
        schema.CountingSpikeReceptor(0, Spikes);
        schema.CurrentReceptor(0, Currents);
        schema.Recordable(Vm);
    }

    /// <summary>NEST's checks of the potentials: V_reset below V_th and not below V_min (the message gives V_th or V_min too).</summary>
    public void Validate(in StatusRow row)
    {
        // NEST's sentence, then the other value of the comparison
        row.Require(row[VReset] < row[VTh], VReset, $"Reset potential must be smaller than threshold. V_th = {row[VTh]}");
        row.Require(row[VReset] >= row[VMin], VReset, $"{_resetAboveMinimum}. V_min = {row[VMin]}");
    }

    /// <summary>
    /// NEST's check that t_ref lasts at least one step of the resolution (Time(Time::ms(t_ref)).get_steps() &gt;= 1):
    /// made when a status is set and again before a run.
    /// </summary>
    public static void CheckRefractoryTime(double tRef, TimeGrid time)
    {
        if (double.IsNaN(tRef) || time.MsToStepsCeil(tRef) < 1) throw new BadPropertyException("t_ref", tRef, RefractoryAtLeastOneStep);
    }

    /// <summary>The t_ref a Set of <paramref name="values"/> leaves node <paramref name="local"/> of <paramref name="group"/> with.</summary>
    public double NewRefractoryTime(NeuronGroup group, int local, IReadOnlyDictionary<string, object> values) =>
        values.TryGetValue("t_ref", out var given) ? StatusValue.ToDouble("t_ref", given) : group.ValueOf(TRef, local);
}
