namespace NestSharp.Models.Neurons;

/// <summary>
/// The ODE of a beta-shaped synaptic kernel in the state of an RKF45 model: the input jumps D (dg or dI), which decays
/// with tau_decay and drives the conductance or current G, which decays with tau_rise:
/// <code>
/// dD/dt = -D/tau_decay,   dG/dt = D - G/tau_rise
/// </code>
/// An alpha kernel is the case tau_rise = tau_decay = tau_syn (hh_psc_alpha's currents); iaf_cond_alpha and
/// iaf_cond_beta take their conductances through <see cref="BetaConductanceGroup"/>.
/// </summary>
internal static class SynapticKernel
{
    /// <summary>
    /// Writes dD/dt and dG/dt into <paramref name="f"/> at <paramref name="d"/> and <paramref name="g"/>, from the
    /// state <paramref name="y"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Derivatives(ReadOnlySpan<double> y, Span<double> f, int d, int g, double tauDecay, double tauRise)
    {
        f[d] = -y[d] / tauDecay;
        f[g] = y[d] - y[g] / tauRise;
    }

    /// <summary>As <see cref="Derivatives(ReadOnlySpan{double}, Span{double}, int, int, double, double)"/> in each SIMD lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Derivatives(ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> f, int d, int g,
        Vector256<double> tauDecay, Vector256<double> tauRise)
    {
        f[d] = Lanes.Negate(y[d]) / tauDecay;
        f[g] = y[d] - y[g] / tauRise;
    }
}
