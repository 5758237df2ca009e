namespace NestSharp.Numerics;

/// <summary>
/// The post-synaptic potential (PSP) of a leaky integrate-and-fire neuron (membrane time constant tau_m, capacitance
/// C_m, as <c>iaf_psc_alpha</c>) for an alpha-shaped synaptic current of unit amplitude, I(t) = e/tau_s t exp(-t/tau_s)
/// pA (peak 1 pA at t = tau_s): with b = 1/tau_s - 1/tau_m,
/// <c>V(t) = e / (tau_s C_m b) ((exp(-t/tau_m) - exp(-t/tau_s)) / b - t exp(-t/tau_s))</c> mV.
/// The network examples divide the PSP they want (in mV) by its peak to get the synaptic weight (in pA).
/// </summary>
public static class PostSynapticPotential
{
    /// <summary>
    /// The peak of the PSP of a unit alpha current (mV per pA), as NEST's <c>brunel_alpha_nest.py</c> computes it
    /// (<c>ComputePSPnorm</c>): with a = tau_m/tau_s and b = 1/tau_s - 1/tau_m, the PSP is maximal at
    /// <c>t_max = (-W_-1(-exp(-1/a)/a) - 1/a) / b</c> (W_-1 the lower branch of the Lambert W function), and the peak is
    /// <c>e / (tau_s C_m b) ((exp(-t_max/tau_m) - exp(-t_max/tau_s)) / b - t_max exp(-t_max/tau_s))</c>.
    /// </summary>
    /// <param name="tauMem">Membrane time constant tau_m in ms.</param>
    /// <param name="cMem">Membrane capacitance C_m in pF.</param>
    /// <param name="tauSyn">Synaptic time constant tau_s in ms (not equal to tau_m).</param>
    public static double PeakOfUnitAlphaCurrent(double tauMem, double cMem, double tauSyn)
    {
        double a = tauMem / tauSyn;
        double b = 1.0 / tauSyn - 1.0 / tauMem;
        double tMax = 1.0 / b * (-LambertW.Wm1(-Math.Exp(-1.0 / a) / a) - 1.0 / a);
        return Math.E / (tauSyn * cMem * b)
            * ((Math.Exp(-tMax / tauMem) - Math.Exp(-tMax / tauSyn)) / b - tMax * Math.Exp(-tMax / tauSyn));
    }

    /// <summary>
    /// The PSP of a unit alpha current (mV per pA) as NEST's ignore_and_fire example computes it (<c>J_unit</c>): with
    /// a = tau_s/tau_m and b = 1/tau_s - 1/tau_m, the PSP is evaluated at <c>t_max = (-W_-1(-a exp(a)) - a) / b</c>,
    /// <c>J_unit = e / C_m / (1 - a) ((exp(-t_max/tau_m) - exp(-t_max/tau_s)) / b - t_max exp(-t_max/tau_s))</c>.
    /// </summary>
    /// <remarks>
    /// This is the example's formula, kept so that its weights equal NEST's (I_E = 31.9008 pA for its defaults). It is
    /// not the peak: the PSP is maximal where <c>b t = -W_-1(-a exp(-a)) - a</c> (8.03 ms for the example's tau_m = 20 ms,
    /// tau_s = 2 ms, against the 7.42 ms used here), which <see cref="PeakOfUnitAlphaCurrent"/> computes; the peak is
    /// 0.4 % higher (0.015734 against 0.015674 mV/pA).
    /// </remarks>
    /// <param name="tauMem">Membrane time constant tau_m in ms.</param>
    /// <param name="cMem">Membrane capacitance C_m in pF.</param>
    /// <param name="tauSyn">Synaptic time constant tau_s in ms, shorter than tau_m.</param>
    public static double UnitAlphaCurrentAsIgnoreAndFireExample(double tauMem, double cMem, double tauSyn)
    {
        double a = tauSyn / tauMem;
        double b = 1.0 / tauSyn - 1.0 / tauMem;
        double tMax = 1.0 / b * (-LambertW.Wm1(-a * Math.Exp(a)) - a);
        return Math.Exp(1.0) / cMem / (1.0 - tauSyn / tauMem)
            * ((Math.Exp(-tMax / tauMem) - Math.Exp(-tMax / tauSyn)) / b - tMax * Math.Exp(-tMax / tauSyn));
    }
}
