using MathNet.Numerics.Distributions;

namespace NestSharp.Tests.NestSuite;

/// <summary>
/// The statistics NEST's pytests take from scipy.stats, computed as scipy computes them: <c>chisquare</c> (Pearson's
/// statistic, k - 1 degrees of freedom), <c>kstest(x, "uniform")</c> (the one-sample two-sided Kolmogorov-Smirnov test
/// against U(0, 1), with the exact p-value scipy uses for these sample sizes) and <c>binom.pmf</c>.
/// </summary>
internal static class SciPyStats
{
    /// <summary>scipy.stats.chisquare(f_obs, f_exp): the statistic and its p-value with len - 1 degrees of freedom.</summary>
    public static (double Statistic, double PValue) ChiSquare(IReadOnlyList<double> observed, IReadOnlyList<double> expected)
    {
        if (observed.Count != expected.Count) throw new ArgumentException("observed and expected differ in length");
        double statistic = 0;
        for (int i = 0; i < observed.Count; i++) statistic += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
        int df = observed.Count - 1;
        return (statistic, 1.0 - ChiSquared.CDF(df, statistic));
    }

    /// <summary>scipy.stats.chisquare(f_obs): against equal expected frequencies.</summary>
    public static (double Statistic, double PValue) ChiSquare(IReadOnlyList<double> observed)
    {
        double mean = observed.Average();
        return ChiSquare(observed, Enumerable.Repeat(mean, observed.Count).ToArray());
    }

    /// <summary>scipy.stats.binom.pmf(k, n, p).</summary>
    public static double BinomPmf(int k, int n, double p) => Binomial.PMF(p, n, k);

    /// <summary>scipy.stats.kstest(values, "uniform"): the statistic D and the exact two-sided p-value.</summary>
    public static (double Statistic, double PValue) KsTestUniform(IReadOnlyList<double> values)
    {
        var x = values.Order().ToArray();
        int n = x.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double cdf = Math.Clamp(x[i], 0.0, 1.0);
            d = Math.Max(d, Math.Max((i + 1.0) / n - cdf, cdf - ((double)i / n)));
        }
        return (d, Math.Clamp(1.0 - KolmogorovCdf(n, d), 0.0, 1.0));
    }

    /// <summary>
    /// P(D_n &lt; d) for the two-sided one-sample Kolmogorov statistic, exactly: Marsaglia, Tsang and Wang (2003),
    /// Evaluating Kolmogorov's distribution, J Stat Softw 8(18).
    /// </summary>
    public static double KolmogorovCdf(int n, double d)
    {
        if (d <= 0) return 0;
        if (d >= 1) return 1;
        int k = (int)(n * d) + 1;
        int m = (2 * k) - 1;
        double h = k - (n * d);
        var hm = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++) hm[(i * m) + j] = i - j + 1 < 0 ? 0 : 1;
        }
        for (int i = 0; i < m; i++)
        {
            hm[i * m] -= Math.Pow(h, i + 1);
            hm[((m - 1) * m) + i] -= Math.Pow(h, m - i);
        }
        hm[(m - 1) * m] += (2 * h) - 1 > 0 ? Math.Pow((2 * h) - 1, m) : 0;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                if (i - j + 1 > 0)
                {
                    for (int g = 1; g <= i - j + 1; g++) hm[(i * m) + j] /= g;
                }
            }
        }
        var (q, eq) = MatrixPower(hm, 0, m, n);
        double s = q[((k - 1) * m) + k - 1];
        for (int i = 1; i <= n; i++)
        {
            s = s * i / n;
            if (s < 1e-140)
            {
                s *= 1e140;
                eq -= 140;
            }
        }
        return s * Math.Pow(10, eq);
    }

    private static (double[] Matrix, int Exponent) MatrixPower(double[] a, int ea, int m, int n)
    {
        if (n == 1) return ((double[])a.Clone(), ea);
        var (half, eHalf) = MatrixPower(a, ea, m, n / 2);
        var b = Multiply(half, half, m);
        int eb = 2 * eHalf;
        if (n % 2 == 1)
        {
            b = Multiply(a, b, m);
            eb += ea;
        }
        if (b[((m / 2) * m) + (m / 2)] > 1e140)
        {
            for (int i = 0; i < m * m; i++) b[i] *= 1e-140;
            eb += 140;
        }
        return (b, eb);
    }

    private static double[] Multiply(double[] x, double[] y, int m)
    {
        var z = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int k = 0; k < m; k++) s += x[(i * m) + k] * y[(k * m) + j];
                z[(i * m) + j] = s;
            }
        }
        return z;
    }
}
