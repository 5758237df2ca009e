namespace NestSharp.Numerics;

/// <summary>
/// Dawson's integral D(x) = e^(-x²) ∫₀ˣ e^(t²) dt (GSL's gsl_sf_dawson, which siegert_neuron uses), odd in x. Below
/// |x| = 6 from the series D(x) = e^(-x²) Σ x^(2n+1) / (n!·(2n+1)) (e^(-x²) times √π/2·erfi(x)), whose terms are all
/// positive, so the sum keeps full relative accuracy and only e^(-x²) adds an error of about x² units in the last
/// place; from 6 on from the asymptotic series D(x) = 1/(2x)·Σ (2n-1)!!/(2x²)ⁿ, cut at its smallest term, which is
/// then below 1e-16 of the sum.
/// </summary>
internal static class DawsonFunction
{
    private const double SeriesLimit = 6.0;

    /// <summary>D(x).</summary>
    public static double Of(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return -Of(-x);
        if (double.IsPositiveInfinity(x)) return 0.0;
        return x < SeriesLimit ? Series(x) : Asymptotic(x);
    }

    private static double Series(double x)
    {
        double x2 = x * x;
        double power = x; // x^(2n+1)/n!
        double sum = x;
        for (int n = 1; n < 500; n++)
        {
            power *= x2 / n;
            double term = power / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return Math.Exp(-x2) * sum;
    }

    private static double Asymptotic(double x)
    {
        double q = 1.0 / (2.0 * x * x);
        double term = 1.0, sum = 1.0;
        for (int n = 1; n < 500; n++)
        {
            double next = term * (2 * n - 1) * q;
            if (next >= term) break; // the series diverges from here on
            term = next;
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum / (2.0 * x);
    }
}
