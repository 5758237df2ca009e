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
    public static (double Statistic, double PValue) KsTestUniform(IReadOnlyList<double> values) =>
        Parameters.KolmogorovSmirnov.Test(values, x => Math.Clamp(x, 0.0, 1.0));
}
