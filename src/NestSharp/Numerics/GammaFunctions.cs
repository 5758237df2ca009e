namespace NestSharp.Numerics;

/// <summary>
/// The gamma function and its relatives, for real arguments: Γ(x) and ln Γ(x) by the Lanczos approximation (g = 7,
/// n = 9; relative error below 1e-15), and the upper incomplete gamma function Γ(a, x) = ∫_x^∞ t^(a-1) e^(-t) dt
/// (GSL's gsl_sf_gamma_inc for a &gt; 0, which sinusoidal_gamma_generator's hazard uses): for x &lt; a + 1 as
/// Γ(a) - γ(a, x) with the lower function's power series, else by its continued fraction (modified Lentz), each to
/// machine precision (Numerical Recipes, 3rd ed., 6.2).
/// </summary>
internal static class GammaFunctions
{
    private static ReadOnlySpan<double> Lanczos =>
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>Γ(x) for x &gt; 0.</summary>
    public static double Gamma(double x)
    {
        if (x < 0.5) return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1 - x));
        x -= 1;
        double a = Lanczos[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += Lanczos[i] / (x + i);
        return Math.Sqrt(2 * Math.PI) * Math.Pow(t, x + 0.5) * Math.Exp(-t) * a;
    }

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        double sum = Lanczos[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) sum += Lanczos[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>The upper incomplete gamma function Γ(a, x) for a &gt; 0, x &gt;= 0 (not regularised: Γ(a, 0) = Γ(a)).</summary>
    public static double UpperIncomplete(double a, double x)
    {
        if (x <= 0) return Gamma(a);
        // e^(-x)·x^a, the factor both expansions share
        double prefactor = Math.Exp(a * Math.Log(x) - x);
        if (x < a + 1) return Gamma(a) - prefactor * LowerSeries(a, x);
        return prefactor * UpperContinuedFraction(a, x);
    }

    /// <summary>
    /// The lower incomplete gamma function γ(a, x) = ∫_0^x t^(a-1) e^(-t) dt for a &gt; 0, x &gt;= 0 (not regularised;
    /// boost's tgamma_lower): the power series for x &lt; a + 1, else Γ(a) - Γ(a, x) with the continued fraction.
    /// </summary>
    public static double LowerIncomplete(double a, double x)
    {
        if (x <= 0) return 0.0;
        double prefactor = Math.Exp(a * Math.Log(x) - x);
        if (x < a + 1) return prefactor * LowerSeries(a, x);
        return Gamma(a) - prefactor * UpperContinuedFraction(a, x);
    }

    /// <summary>γ(a, x)·e^x·x^(-a) = Σ_n x^n / (a (a+1) ... (a+n)).</summary>
    private static double LowerSeries(double a, double x)
    {
        double term = 1.0 / a, sum = term;
        for (int n = 1; n < 1000; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * 1e-17) break;
        }
        return sum;
    }

    /// <summary>Γ(a, x)·e^x·x^(-a) as the continued fraction 1/(x+1-a- 1·(1-a)/(x+3-a- 2·(2-a)/(x+5-a- ...))).</summary>
    private static double UpperContinuedFraction(double a, double x)
    {
        double b = x + 1 - a;
        double c = 1 / ModifiedLentz.Tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++)
        {
            b += 2;
            double delta = ModifiedLentz.Factor(-i * (i - a), b, ref c, ref d);
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return h;
    }
}
