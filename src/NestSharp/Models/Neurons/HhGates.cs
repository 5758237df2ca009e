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

/// <summary>The opening and closing rates of the gates m, h, n (1/ms) at a potential.</summary>
internal readonly record struct GateRates(double AlphaN, double BetaN, double AlphaM, double BetaM, double AlphaH, double BetaH)
{
    /// <summary>The steady state of the gates at these rates: x = alpha_x / (alpha_x + beta_x).</summary>
    public (double M, double H, double N) SteadyState => (AlphaM / (AlphaM + BetaM), AlphaH / (AlphaH + BetaH), AlphaN / (AlphaN + BetaN));
}

/// <summary>The rates of <see cref="GateRates"/> of four nodes, one per SIMD lane.</summary>
internal readonly record struct LaneGateRates(Vector256<double> AlphaN, Vector256<double> BetaN, Vector256<double> AlphaM,
    Vector256<double> BetaM, Vector256<double> AlphaH, Vector256<double> BetaH);
