namespace NestSharp.Models.Neurons;

/// <summary>
/// The ODE of a beta-shaped synaptic kernel in the state of an RKF45 model: the input jumps D (dg or dI), which decays
/// with one time constant and drives the conductance or current G, which decays with the other:
/// <code>
/// dD/dt = -D/tau_D,   dG/dt = D - G/tau_G
/// </code>
/// NEST's models name the two differently: tau_D is tau_decay and tau_G tau_rise in hh_cond_beta_gap_traub and
/// iaf_cond_beta, the other way round in ht_neuron and aeif_cond_beta_multisynapse. An alpha kernel is the
/// case tau_D = tau_G = tau_syn (hh_psc_alpha's currents); iaf_cond_alpha and iaf_cond_beta take their conductances
/// through <see cref="BetaConductanceGroup"/>.
/// </summary>
internal static class SynapticKernel
{
    /// <summary>
    /// Writes dD/dt and dG/dt into <paramref name="f"/> at <paramref name="d"/> and <paramref name="g"/>, from the
    /// state <paramref name="y"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Derivatives(ReadOnlySpan<double> y, Span<double> f, int d, int g, double tauOfD, double tauOfG)
    {
        f[d] = -y[d] / tauOfD;
        f[g] = y[d] - y[g] / tauOfG;
    }

    /// <summary>As <see cref="Derivatives(ReadOnlySpan{double}, Span{double}, int, int, double, double)"/> in each SIMD lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Derivatives(ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> f, int d, int g,
        Vector256<double> tauOfD, Vector256<double> tauOfG)
    {
        f[d] = Lanes.Negate(y[d]) / tauOfD;
        f[g] = y[d] - y[g] / tauOfG;
    }
}
