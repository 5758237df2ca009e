namespace NestSharp.Numerics;

/// <summary>
/// Propagator elements of exact integration for current-based synapses onto a leaky membrane
/// (Rotter &amp; Diesmann 1999), computed as NEST 3.10's <c>IAFPropagator</c> computes them, operation for operation,
/// so that the propagators (and with them the traces) are NEST's to the last bit:
/// <code>
/// beta = tau_syn·tau_m / (tau_m - tau_syn), gamma = beta / C_m, 1/beta = (tau_m - tau_syn) / (tau_syn·tau_m)
/// P32 = gamma · exp(-h/tau_syn) · expm1(h/beta)                  (regular case)
/// P32 = h/C_m · exp(-h/tau_m)                                    (when the regular value is not a positive normal number)
/// P31 = gamma · exp(-h/tau_syn) · (beta · expm1(h/beta) - h)     (if h &gt; 1e-7 · tau_m² / |tau_m - tau_syn|)
/// P31 = h²/2 / C_m · exp(-h/tau_m)                               (otherwise: tau_m and tau_syn nearly equal)
/// </code>
/// The reciprocals are taken once and multiplied, as NEST does; expm1 is NEST's (<see cref="NumericsHelper.ExpM1"/>).
/// </summary>
internal static class ExactPropagators
{
    /// <summary>NEST's <c>IAFPropagator::NUMERICAL_STABILITY_FACTOR_</c>: where the regular P31 loses its accuracy.</summary>
    private const double NumericalStabilityFactor = 1e-7;

    /// <summary>P21 (exponential current) or P32 (alpha-state current): the effect of a unit current on V over one step h.</summary>
    public static double Exponential(double tauSyn, double tauM, double cM, double h) => EvaluateP32(tauSyn, tauM, cM, h, out _, out _);

    /// <summary>(P31, P32) of the alpha kernel: the effect of dI and of I on V over one step h.</summary>
    public static (double P31, double P32) Alpha(double tauSyn, double tauM, double cM, double h)
    {
        double p32 = EvaluateP32(tauSyn, tauM, cM, h, out double expHTauSyn, out double expm1HTau);
        double hMinRegular = NumericalStabilityFactor * tauM * tauM / Math.Abs(tauM - tauSyn);
        if (h > hMinRegular)
        {
            double beta = Beta(tauSyn, tauM);
            double gamma = beta / cM;
            return (gamma * expHTauSyn * (beta * expm1HTau - h), p32);
        }
        double expHTau = Math.Exp(-h * (1 / tauM));
        return (0.5 * h * h * (1 / cM) * expHTau, p32);
    }

    private static double EvaluateP32(double tauSyn, double tauM, double cM, double h, out double expHTauSyn, out double expm1HTau)
    {
        double gamma = Beta(tauSyn, tauM) / cM;
        double inverseBeta = (tauM - tauSyn) / (tauSyn * tauM);
        expHTauSyn = Math.Exp(-h * (1 / tauSyn));
        expm1HTau = NumericsHelper.ExpM1(h * inverseBeta);
        double p32 = gamma * expHTauSyn * expm1HTau;
        if (double.IsNormal(p32) && p32 > 0) return p32;
        return h * (1 / cM) * Math.Exp(-h * (1 / tauM));
    }

    /// <summary>tau_syn·tau_m / (tau_m - tau_syn); infinite when the two are equal.</summary>
    private static double Beta(double tauSyn, double tauM) => tauSyn * tauM / (tauM - tauSyn);
}
