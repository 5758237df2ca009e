using MathNet.Numerics.Distributions;

namespace NestSharp.Tests.NestSuite;

/// <summary>
/// The statistics NEST's pytests take from scipy.stats, computed as scipy computes them: <c>chisquare</c> (Pearson's
/// statistic, k - 1 degrees of freedom), <c>kstest(x, "uniform")</c> (the one-sample two-sided Kolmogorov-Smirnov test
/// against U(0, 1), with the exact p-value scipy uses for these sample sizes), <c>ks_2samp</c> (the two-sample test,
/// exact or asymptotic) and <c>binom.pmf</c>.
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
    public static (double Statistic, double PValue) KsTestUniform(IReadOnlyList<double> values) =>
        Parameters.KolmogorovSmirnov.Test(values, x => Math.Clamp(x, 0.0, 1.0));

    /// <summary>
    /// scipy.stats.ks_2samp(a, b) (two-sided): D = max |F_a - F_b| over the pooled values (right-continuous empirical
    /// distribution functions). The exact p-value (scipy's method "auto" for these sizes) rounds D to h / lcm(n_a, n_b)
    /// and counts the lattice paths leaving the band |x/m - y/n| &lt; h / lcm, as scipy's _compute_prob_outside_square
    /// (equal sizes) and _compute_outer_prob_inside_method (Hodges 1958; Viehmann 2021) do; the asymptotic one (method
    /// "asymp") is kstwo.sf(D, round(m n / (m + n))).
    /// </summary>
    public static (double Statistic, double PValue) KsTwoSample(IReadOnlyList<double> a, IReadOnlyList<double> b, bool asymptotic = false)
    {
        double[] x = [.. a.Order()], y = [.. b.Order()];
        int n1 = x.Length, n2 = y.Length;
        double d = 0;
        foreach (double v in x.Concat(y)) d = Math.Max(d, Math.Abs(CountAtMost(x, v) / (double)n1 - CountAtMost(y, v) / (double)n2));
        if (asymptotic)
        {
            double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
            int en = (int)Math.Round(m * n / (m + n), MidpointRounding.ToEven);
            return (d, Parameters.KolmogorovSmirnov.PValue(en, d));
        }
        int g = Gcd(n1, n2);
        long lcm = (long)(n1 / g) * n2;
        int h = (int)Math.Round(d * lcm, MidpointRounding.ToEven);
        d = h * 1.0 / lcm;
        if (h == 0) return (d, 1.0);
        double p = n1 == n2 ? ProbOutsideSquare(n1, h) : OuterProbInside(n1, n2, g, h);
        return (d, Math.Clamp(p, 0.0, 1.0));
    }

    private static int CountAtMost(double[] sorted, double value)
    {
        int count = 0;
        while (count < sorted.Length && sorted[count] <= value) count++;
        return count;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>P(D_n,n &gt;= h/n) for two samples of size n.</summary>
    private static double ProbOutsideSquare(int n, int h)
    {
        double p = 0.0;
        for (int k = n / h; k >= 0; k--)
        {
            double p1 = 1.0;
            for (int j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            p = p1 * (1.0 - p);
        }
        return 2 * p;
    }

    /// <summary>The proportion of lattice paths from (0, 0) to (m, n) that do not stay strictly inside |x/m - y/n| &lt; h/lcm.</summary>
    private static double OuterProbInside(int m, int n, int g, int h)
    {
        if (m < n) (m, n) = (n, m);
        int mg = m / g, ng = n / g;
        int minj = 0, maxj = Math.Min((int)Math.Ceiling(h / (double)mg), n + 1);
        int curlen = maxj - minj;
        int lenA = Math.Min(2 * maxj + 2, n + 1);
        var A = new double[lenA];
        Array.Fill(A, 1.0);
        for (int j = minj; j < maxj; j++) A[j] = 0.0;
        for (int i = 1; i <= m; i++)
        {
            int lastminj = minj, lastlen = curlen;
            minj = Math.Min(Math.Max((int)Math.Floor((ng * (double)i - h) / mg) + 1, 0), n);
            maxj = Math.Min((int)Math.Ceiling((ng * (double)i + h) / mg), n + 1);
            if (maxj <= minj) return 1.0;
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++)
            {
                int j = jj + minj;
                val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
                A[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                for (int q = maxj - minj; q < maxj - minj + (lastlen - curlen) && q < A.Length; q++) A[q] = 1.0;
            }
        }
        return A[maxj - minj - 1];
    }
}
