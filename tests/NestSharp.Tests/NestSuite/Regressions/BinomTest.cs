using MathNet.Numerics.Distributions;

namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>The exact binomial test, as scipy.stats.binomtest(k, n, p).pvalue with the default two-sided alternative.</summary>
internal static class BinomTest
{
    /// <summary>
    /// The probability, under Binomial(<paramref name="n"/>, <paramref name="p"/>), of an outcome no more likely than
    /// <paramref name="k"/> (outcomes within a relative 1e-7 of k's probability count as equally likely, as in scipy).
    /// </summary>
    public static double PValue(int k, int n, double p)
    {
        if (k < 0 || k > n) throw new ArgumentOutOfRangeException(nameof(k), k, $"must lie in 0..{n}");
        double dk = Binomial.PMF(p, n, k);
        const double relativeTolerance = 1 + 1e-7;
        double sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double di = Binomial.PMF(p, n, i);
            if (di <= dk * relativeTolerance) sum += di;
        }
        return Math.Min(1.0, sum);
    }
}

/// <summary>The helper reproduces scipy's p-values (scipy 1.x, values taken from scipy.stats.binomtest).</summary>
public sealed class BinomTestTests
{
    [Theory]
    [InlineData(40, 100, 0.5, 0.05688793364098088)]
    [InlineData(50, 100, 0.5, 1.0)]
    [InlineData(3, 10, 0.3, 1.0)]
    [InlineData(7, 20, 0.2, 0.09822172861346881)]
    public void PValue_MatchesScipy(int k, int n, double p, double expected) =>
        Assert.Equal(expected, BinomTest.PValue(k, n, p), 1e-12);
}
