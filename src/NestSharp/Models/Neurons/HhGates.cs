namespace NestSharp.Models.Neurons;

/// <summary>
/// What NEST's Hodgkin-Huxley models (hh_psc_alpha, hh_cond_exp_traub) share, declared into a model's schema once: the
/// states V_m (mV), Act_m, Inact_h and Act_n (not negative), a new neuron starting at the model's initial potential with
/// its gates at the steady state of the model's rates there; and the spike detection after a step: a refractory neuron
/// counts down, otherwise V_m at or above the model's threshold and lower than at the start of the step (the peak of
/// the action potential has passed) is a spike, which starts the refractory period (V_m is not reset or clamped).
/// The rates themselves, and the synapses, are the model's.
/// </summary>
internal sealed class HhGates
{
    public const string GatesNonNegative = "all (in)activation variables must be non-negative";

    /// <summary>Positions of m, h and n in the integrated state of the models that store V_m, m, h, n first (NEST's order).</summary>
    public const int YM = 1, YH = 2, YN = 3;

    public readonly Column Vm, ActM, InactH, ActN;

    /// <param name="schema">The model's schema.</param>
    /// <param name="initialPotential">V_m of a new neuron (mV).</param>
    /// <param name="initialRates">The model's rates for the initial gates, as NEST evaluates them.</param>
    public HhGates(NeuronSchema schema, double initialPotential, GateRates initialRates)
    {
        var (m, h, n) = initialRates.SteadyState;
        Vm = schema.State("V_m", initialPotential, "mV");
        ActM = schema.State("Act_m", m, "", Requirement.NonNegative(GatesNonNegative));
        InactH = schema.State("Inact_h", h, "", Requirement.NonNegative(GatesNonNegative));
        ActN = schema.State("Act_n", n, "", Requirement.NonNegative(GatesNonNegative));
    }

    /// <summary>
    /// The spike detection after a step (see the class summary). Returns whether the neuron spiked.
    /// </summary>
    /// <param name="refractory">The remaining refractory steps of the node.</param>
    /// <param name="refractorySteps">t_ref in steps.</param>
    /// <param name="v">V_m at the end of the step (mV).</param>
    /// <param name="vBefore">V_m at the start of the step (mV).</param>
    /// <param name="threshold">The model's spike threshold (mV).</param>
    public static bool PeakPassed(ref double refractory, long refractorySteps, double v, double vBefore, double threshold)
    {
        if (refractory > 0)
        {
            refractory--;
            return false;
        }
        if (!(v >= threshold && vBefore > v)) return false;
        refractory = refractorySteps;
        return true;
    }

    /// <summary>
    /// <see cref="PeakPassed"/> of nodes <paramref name="first"/> .. + 3 of <paramref name="group"/>, which share
    /// <paramref name="refractorySteps"/> and <paramref name="threshold"/>, with V_m at the end of the step in the lanes
    /// of <paramref name="v"/> and at its start in <paramref name="vBefore"/>; run only in the lanes where it changes
    /// something (refractory, or a spike), in node order, their spikes going to <paramref name="spikes"/> at
    /// <paramref name="lag"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PeakPassedLanes(double[] refractory, int first, long refractorySteps, Vector256<double> v, double[] vBefore,
        double threshold, NeuronGroup group, SpikeBuffer spikes, int lag)
    {
        var counting = Vector256.GreaterThan(Vector256.LoadUnsafe(ref refractory[first]), Vector256<double>.Zero);
        var peak = Vector256.GreaterThanOrEqual(v, Vector256.Create(threshold)) & Vector256.GreaterThan(Vector256.LoadUnsafe(ref vBefore[first]), v);
        int eventful = Lanes.BitsOf(counting | peak);
        for (int lane = 0; eventful != 0; lane++, eventful >>= 1)
        {
            if ((eventful & 1) != 0 && PeakPassed(ref refractory[first + lane], refractorySteps, v.GetElement(lane), vBefore[first + lane], threshold))
                spikes.Add(lag, group.IdOf(first + lane));
        }
    }
}

/// <summary>
/// The membrane and the sodium, potassium and leak channels of a Hodgkin-Huxley model for one node: g_Na, g_K, g_L (nS),
/// E_Na, E_K, E_L (mV), C_m (pF), I_e (pA).
/// </summary>
internal struct HhChannels
{
    public double GNa, GK, GL, Cm, ENa, EK, EL, Ie;

    /// <summary>The channel currents (pA) at <paramref name="v"/> (mV) with the gates <paramref name="m"/>, <paramref name="h"/>, <paramref name="n"/>: g_Na m³h (V - E_Na), g_K n⁴ (V - E_K), g_L (V - E_L).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly (double Na, double K, double Leak) Currents(double v, double m, double h, double n) =>
        (GNa * m * m * m * h * (v - ENa), GK * n * n * n * n * (v - EK), GL * (v - EL));
}

/// <summary>The <see cref="HhChannels"/> of four nodes, one per SIMD lane, the currents computed lane by lane as for one node.</summary>
internal struct LaneHhChannels
{
    public Vector256<double> GNa, GK, GL, Cm, ENa, EK, EL, Ie;

    /// <summary>Every lane with the channels <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LaneHhChannels(in HhChannels c)
    {
        GNa = Vector256.Create(c.GNa);
        GK = Vector256.Create(c.GK);
        GL = Vector256.Create(c.GL);
        Cm = Vector256.Create(c.Cm);
        ENa = Vector256.Create(c.ENa);
        EK = Vector256.Create(c.EK);
        EL = Vector256.Create(c.EL);
        Ie = Vector256.Create(c.Ie);
    }

    /// <summary>Lane l with the channels of node l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LaneHhChannels(in HhChannels c0, in HhChannels c1, in HhChannels c2, in HhChannels c3)
    {
        GNa = Vector256.Create(c0.GNa, c1.GNa, c2.GNa, c3.GNa);
        GK = Vector256.Create(c0.GK, c1.GK, c2.GK, c3.GK);
        GL = Vector256.Create(c0.GL, c1.GL, c2.GL, c3.GL);
        Cm = Vector256.Create(c0.Cm, c1.Cm, c2.Cm, c3.Cm);
        ENa = Vector256.Create(c0.ENa, c1.ENa, c2.ENa, c3.ENa);
        EK = Vector256.Create(c0.EK, c1.EK, c2.EK, c3.EK);
        EL = Vector256.Create(c0.EL, c1.EL, c2.EL, c3.EL);
        Ie = Vector256.Create(c0.Ie, c1.Ie, c2.Ie, c3.Ie);
    }

    /// <summary>As <see cref="HhChannels.Currents"/>, per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly (Vector256<double> Na, Vector256<double> K, Vector256<double> Leak) Currents(Vector256<double> v, Vector256<double> m,
        Vector256<double> h, Vector256<double> n) =>
        (GNa * m * m * m * h * (v - ENa), GK * n * n * n * n * (v - EK), GL * (v - EL));
}

/// <summary>The opening and closing rates of the gates m, h, n (1/ms) at a potential.</summary>
internal readonly record struct GateRates(double AlphaN, double BetaN, double AlphaM, double BetaM, double AlphaH, double BetaH)
{
    /// <summary>The steady state of the gates at these rates: x = alpha_x / (alpha_x + beta_x).</summary>
    public (double M, double H, double N) SteadyState => (AlphaM / (AlphaM + BetaM), AlphaH / (AlphaH + BetaH), AlphaN / (AlphaN + BetaN));
}

/// <summary>The rates of <see cref="GateRates"/> of four nodes, one per SIMD lane.</summary>
internal readonly record struct LaneGateRates(Vector256<double> AlphaN, Vector256<double> BetaN, Vector256<double> AlphaM,
    Vector256<double> BetaM, Vector256<double> AlphaH, Vector256<double> BetaH);
