using NestSharp.Numerics;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>The closed-form peak time of an alpha-current PSP (with the lower branch of Lambert W) is the derivative's root.</summary>
public sealed class IafPspPeakTests
{
    // NEST: neurons/test_iaf_psp_peak.py::test_iaf_psp_peak
    // NEST checks scipy's lambertw; here NestSharp's LambertW.Wm1, against a bisection in place of scipy's brentq.
    [Fact]
    public void IafPspPeak()
    {
        const double tauM = 20.0; // ms
        const double tauSyn = 0.5; // ms
        const double cM = 1.0; // pF
        const double e = 1.0; // unit amplitude
        double denom = 1.0 / tauSyn - 1.0 / tauM;

        double Dpsp(double t) => e / tauSyn * 1.0 / cM * (
            (-1.0 / tauM * Math.Exp(-t / tauM) + 1.0 / tauSyn * Math.Exp(-t / tauSyn)) / (denom * denom)
            - (Math.Exp(-t / tauSyn) - 1.0 / tauSyn * t * Math.Exp(-t / tauSyn)) / denom);

        // Numerical solution: the root of the derivative for strictly positive t
        double lo = 0.1, hi = 5.0;
        Assert.True(Dpsp(lo) > 0 && Dpsp(hi) < 0);
        while (hi - lo > 1e-13)
        {
            double mid = 0.5 * (lo + hi);
            if (Dpsp(mid) > 0) lo = mid;
            else hi = mid;
        }
        double t0 = 0.5 * (lo + hi);

        // Closed form with the -1 branch of Lambert W
        double a = tauM / tauSyn;
        double w = LambertW.Wm1(-Math.Exp(-1.0 / a) / a);
        double tPeak = (-a * w - 1.0) / a / denom;

        Assert.True(Math.Abs(tPeak - t0) < 1e-10, $"{tPeak} vs {t0}");
    }
}
