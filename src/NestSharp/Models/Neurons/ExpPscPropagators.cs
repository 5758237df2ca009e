namespace NestSharp.Models.Neurons;

/// <summary>
/// The exact step of NEST's integrate-and-fire membrane with exponentially decaying synaptic currents (iaf_psc_exp,
/// iaf_psc_exp_htum), computed once per parameter set: over a step h, with y = V - E_L,
/// y ← P22·y + P21ex·I_ex + P21in·I_in + P20·(I_e + I_0) and I_X ← P11X·I_X, where P22 = exp(-h/tau_m),
/// P20 = tau_m/C_m·(1 - P22), P11X = exp(-h/tau_syn_X) and P21X is the exact current-to-voltage propagator. The
/// operations are NEST's, in its order; the models add their threshold and refractoriness around them.
/// </summary>
internal struct ExpPscPropagators
{
    public double P11Ex, P11In, P22, P21Ex, P21In, P20, Ie;

    /// <summary>The propagators over a step of <paramref name="h"/> ms for one node's parameters.</summary>
    public static ExpPscPropagators Of(double tauM, double cM, double tauSynEx, double tauSynIn, double ie, double h)
    {
        double p22 = Math.Exp(-h / tauM);
        return new ExpPscPropagators
        {
            P11Ex = Math.Exp(-h / tauSynEx),
            P11In = Math.Exp(-h / tauSynIn),
            P22 = p22,
            P21Ex = ExactPropagators.Exponential(tauSynEx, tauM, cM, h),
            P21In = ExactPropagators.Exponential(tauSynIn, tauM, cM, h),
            P20 = tauM / cM * (1.0 - p22),
            Ie = ie,
        };
    }

    /// <summary>
    /// The membrane's step: <paramref name="v"/> (relative to E_L) integrates from the synaptic currents and the
    /// step's current input <paramref name="i0"/>, unless the node is refractory (<paramref name="refractorySteps"/>
    /// not 0), whose count of steps left goes down by one instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void IntegrateUnlessRefractory(ref double v, ref int refractorySteps, double iEx, double iIn, double i0)
    {
        if (refractorySteps == 0)
            v = v * P22 + iEx * P21Ex + iIn * P21In + (Ie + i0) * P20;
        else
            refractorySteps--;
    }

    /// <summary>The synaptic currents' decay over the step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Decay(ref double iEx, ref double iIn)
    {
        iEx *= P11Ex;
        iIn *= P11In;
    }
}
