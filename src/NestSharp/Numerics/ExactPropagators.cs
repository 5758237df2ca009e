namespace NestSharp.Numerics;

/// <summary>
/// Propagator elements of exact integration for current-based synapses onto a leaky membrane
/// (Rotter &amp; Diesmann 1999), with NEST's treatment of the singular case tau_m = tau_syn: close to it
/// (|tau_m - tau_syn| &lt; 0.1 ms) the regular formula is replaced by its limit when it deviates from the limit by more
/// than twice the first-order term (numerical cancellation).
/// </summary>
internal static class ExactPropagators
{
    /// <summary>P32: effect of a unit exponential (or alpha-state) current on V over one step h.</summary>
    public static double Exponential(double tauSyn, double tauM, double cM, double h)
    {
        var (alpha, gamma) = Coefficients(tauSyn, tauM, cM);
        double expHTauSyn = Math.Exp(-h / tauSyn);
        double expm1HTau = NumericsHelper.ExpM1(-h / tauM + h / tauSyn);
        double p32 = gamma * expHTauSyn * expm1HTau;
        if (Math.Abs(tauM - tauSyn) < 0.1)
            p32 = Stabilised(p32, h / cM * Math.Exp(-h / tauM), alpha * h * h * Math.Exp(-h / tauM) / 2.0, tauM == tauSyn);
        return p32;
    }

    /// <summary>(P31, P32) of the alpha kernel: effect of dI and of I on V over one step h.</summary>
    public static (double P31, double P32) Alpha(double tauSyn, double tauM, double cM, double h)
    {
        var (alpha, gamma) = Coefficients(tauSyn, tauM, cM);
        double beta = tauSyn * tauM / (tauM - tauSyn);
        double expHTauSyn = Math.Exp(-h / tauSyn);
        double expm1HTau = NumericsHelper.ExpM1(-h / tauM + h / tauSyn);
        double p31 = gamma * expHTauSyn * (beta * expm1HTau - h);
        double p32 = gamma * expHTauSyn * expm1HTau;
        if (Math.Abs(tauM - tauSyn) < 0.1)
        {
            double expHTau = Math.Exp(-h / tauM);
            bool equal = tauM == tauSyn;
            p31 = Stabilised(p31, h * h / 2 / cM * expHTau, alpha * h * h * h * expHTau / 3.0, equal);
            p32 = Stabilised(p32, h / cM * expHTau, alpha * h * h * expHTau / 2.0, equal);
        }
        return (p31, p32);
    }

    private static (double Alpha, double Gamma) Coefficients(double tauSyn, double tauM, double cM)
    {
        double alpha = 1 / (cM * tauM * tauM) * (tauSyn - tauM);
        double beta = tauSyn * tauM / (tauM - tauSyn);
        return (alpha, beta / cM);
    }

    private static double Stabilised(double regular, double singular, double linear, bool equal)
    {
        if (equal) return singular;
        return Math.Abs(regular - singular) > 2 * Math.Abs(linear) ? singular : regular;
    }
}
