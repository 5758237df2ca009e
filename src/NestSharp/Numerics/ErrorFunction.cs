namespace NestSharp.Numerics;

/// <summary>
/// The complementary error function, which .NET's Math lacks (erfc_neuron's gain function, C's std::erfc). Below
/// |x| = 2.5 from the series erf(x) = 2/√π · e^(-x²) · Σ (2x²)ⁿ x / (2n+1)!!, whose terms are all positive (no
/// cancellation); above it from the continued fraction erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
/// by Lentz's method, which keeps the relative accuracy of the tail. Both are accurate to a few units in the last place;
/// erfc(-x) = 2 - erfc(x). The scaled form erfcx(x) = e^(x²)·erfc(x) (GSL's exp(x² + log_erfc(x)), which
/// siegert_neuron integrates) takes the continued fraction without the factor e^(-x²) from x = 2.5 on, so it neither
/// underflows nor overflows there.
/// </summary>
internal static class ErrorFunction
{
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double OneOverSqrtPi = 0.5641895835477563;

    /// <summary>erfc(x) = 1 - erf(x).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2.0 - Erfc(-x);
        if (x < 2.5) return 1.0 - ErfSeries(x);
        if (x > 27.3) return 0.0; // e^(-x²) underflows
        return Math.Exp(-x * x) * OneOverSqrtPi * ContinuedFraction(x);
    }

    /// <summary>erfcx(x) = e^(x²)·erfc(x) (≈ 1/(x√π) for large x; +∞ below x ≈ -26.6).</summary>
    public static double Erfcx(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 2.5) return Math.Exp(x * x) * Erfc(x);
        if (double.IsPositiveInfinity(x)) return 0.0;
        return OneOverSqrtPi * ContinuedFraction(x);
    }

    /// <summary>erf(x) for 0 ≤ x &lt; 2.5 by the series of positive terms.</summary>
    private static double ErfSeries(double x)
    {
        double x2 = x * x;
        double term = x, sum = x;
        for (int n = 1; n < 200; n++)
        {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return TwoOverSqrtPi * Math.Exp(-x2) * sum;
    }

    /// <summary>1/(x + a₁/(x + a₂/(x + ...))) with aₙ = n/2, by the modified Lentz method.</summary>
    private static double ContinuedFraction(double x)
    {
        double f = x, c = x, d = 0.0;
        for (int n = 1; n < 1000; n++)
        {
            double delta = ModifiedLentz.Factor(0.5 * n, x, ref c, ref d);
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16) break;
        }
        return 1.0 / f;
    }
}
