namespace NestSharp.Tests.Parameters;

/// <summary>
/// The one-sample, two-sided Kolmogorov-Smirnov test as NEST's pytests call it (<c>scipy.stats.kstest(values, cdf)</c>):
/// the statistic D = max(D+, D-) over the sorted sample, with D+ = max(i/n - F(x_i)) and D- = max(F(x_i) - (i-1)/n),
/// and the p-value P(D_n &gt;= D) from the exact distribution of D_n (Marsaglia, Tsang &amp; Wang 2003, J. Stat. Softw.
/// 8(18)), which scipy also uses for samples of this size.
/// </summary>
internal static class KolmogorovSmirnov
{
    /// <summary>The statistic and p-value of <paramref name="values"/> against the distribution function <paramref name="cdf"/>.</summary>
    public static (double Statistic, double PValue) Test(IEnumerable<double> values, Func<double, double> cdf)
    {
        double[] sorted = values.Order().ToArray();
        int n = sorted.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        return (d, PValue(n, d));
    }

    /// <summary>P(D_n &gt;= d) for a sample of <paramref name="n"/> from the hypothesised continuous distribution.</summary>
    public static double PValue(int n, double d) => Math.Clamp(1.0 - Cdf(n, d), 0.0, 1.0);

    /// <summary>P(D_n &lt; d), by the matrix method of Marsaglia, Tsang &amp; Wang (exponents kept apart to avoid overflow).</summary>
    public static double Cdf(int n, double d)
    {
        if (d <= 0) return 0.0;
        if (d >= 1) return 1.0;
        int k = (int)(n * d) + 1;
        int m = 2 * k - 1;
        double h = k - n * d;
        var matrix = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
                matrix[i, j] = i - j + 1 < 0 ? 0.0 : 1.0;
        }
        for (int i = 0; i < m; i++)
        {
            matrix[i, 0] -= Math.Pow(h, i + 1);
            matrix[m - 1, i] -= Math.Pow(h, m - i);
        }
        matrix[m - 1, 0] += 2 * h - 1 > 0 ? Math.Pow(2 * h - 1, m) : 0.0;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                for (int g = 1; g <= i - j + 1; g++) matrix[i, j] /= g;
            }
        }
        var (power, exponent) = Power(matrix, 0, n);
        double s = power[k - 1, k - 1];
        for (int i = 1; i <= n; i++)
        {
            s = s * i / n;
            if (s < 1e-140)
            {
                s *= 1e140;
                exponent -= 140;
            }
        }
        return s * Math.Pow(10.0, exponent);
    }

    private static (double[,] Matrix, int Exponent) Power(double[,] a, int aExponent, int n)
    {
        if (n == 1) return (a, aExponent);
        var (half, halfExponent) = Power(a, aExponent, n / 2);
        var square = Multiply(half, half);
        int exponent = 2 * halfExponent;
        if (n % 2 == 1)
        {
            square = Multiply(a, square);
            exponent += aExponent;
        }
        int m = a.GetLength(0);
        if (square[m / 2, m / 2] > 1e140)
        {
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < m; j++) square[i, j] *= 1e-140;
            }
            exponent += 140;
        }
        return (square, exponent);
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int m = a.GetLength(0);
        var c = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int l = 0; l < m; l++)
            {
                double ail = a[i, l];
                if (ail == 0) continue;
                for (int j = 0; j < m; j++) c[i, j] += ail * b[l, j];
            }
        }
        return c;
    }

    /// <summary>
    /// The two-sample Kolmogorov-Smirnov statistic D = max |F_a - F_b| and its asymptotic p-value
    /// Q_KS((sqrt(n_e) + 0.12 + 0.11/sqrt(n_e)) D), n_e = n_a n_b / (n_a + n_b) (Press et al., Numerical Recipes, 14.3).
    /// </summary>
    public static (double Statistic, double PValue) TwoSample(double[] a, double[] b)
    {
        double[] x = [.. a.Order()], y = [.. b.Order()];
        int i = 0, j = 0;
        double d = 0.0;
        while (i < x.Length && j < y.Length)
        {
            double value = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] == value) i++;
            while (j < y.Length && y[j] == value) j++;
            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        double ne = (double)x.Length * y.Length / (x.Length + y.Length);
        double lambda = (Math.Sqrt(ne) + 0.12 + 0.11 / Math.Sqrt(ne)) * d;
        return (d, AsymptoticQ(lambda));
    }

    /// <summary>
    /// Q_KS(λ) = 2 Σ (-1)^(k-1) exp(-2 k² λ²); for small λ, where that series converges slowly, from the equivalent
    /// 1 - sqrt(2π)/λ Σ exp(-(2k-1)² π² / (8 λ²)).
    /// </summary>
    private static double AsymptoticQ(double lambda)
    {
        double sum = 0.0;
        if (lambda < 1.18)
        {
            if (lambda <= 0.0) return 1.0;
            for (int k = 1; k <= 20; k++)
                sum += Math.Exp(-(2 * k - 1) * (2 * k - 1) * Math.PI * Math.PI / (8.0 * lambda * lambda));
            return Math.Clamp(1.0 - Math.Sqrt(2.0 * Math.PI) / lambda * sum, 0.0, 1.0);
        }
        for (int k = 1; k <= 100; k++) sum += 2.0 * (k % 2 == 1 ? 1.0 : -1.0) * Math.Exp(-2.0 * k * k * lambda * lambda);
        return Math.Clamp(sum, 0.0, 1.0);
    }
}
