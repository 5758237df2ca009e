using MathNet.Numerics.Distributions;

namespace NestSharp.Tests.Statistics;

/// <summary>
/// Goodness-of-fit helpers for the statistical tests: Pearson's chi-square against a uniform or a discrete
/// distribution (bins merged until each expects at least <see cref="MinExpected"/> counts), and simple moments.
/// </summary>
internal static class StatTest
{
    /// <summary>The smallest expected count of a chi-square bin (the usual rule of thumb).</summary>
    public const double MinExpected = 5.0;

    /// <summary>The significance level of the goodness-of-fit tests: a correct implementation fails one seed in 1000.</summary>
    public const double Alpha = 1e-3;

    /// <summary>The outcome of a chi-square test: statistic, degrees of freedom, p-value (upper tail).</summary>
    public readonly record struct ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue)
    {
        public override string ToString() => $"chi2 = {Statistic:F1}, df = {DegreesOfFreedom}, p = {PValue:G3}";
    }

    /// <summary>Tests whether <paramref name="counts"/> (one per category) are compatible with equal probabilities.</summary>
    public static ChiSquareResult ChiSquareUniform(IReadOnlyList<long> counts)
    {
        double total = counts.Sum();
        double expected = total / counts.Count;
        if (expected < MinExpected) throw new ArgumentException($"expected count per category {expected} is below {MinExpected}");
        double stat = counts.Sum(c => (c - expected) * (c - expected) / expected);
        return Result(stat, counts.Count - 1);
    }

    /// <summary>
    /// Tests whether the integer samples <paramref name="values"/> come from the discrete distribution with probability
    /// mass function <paramref name="pmf"/> on 0..<paramref name="maxValue"/> (the pmf must sum to 1 over that range).
    /// Adjacent values are merged, from the left, until each bin expects at least <see cref="MinExpected"/>; the first
    /// bin therefore holds the left tail and the last bin the right tail.
    /// </summary>
    public static ChiSquareResult ChiSquareDiscrete(IReadOnlyList<long> values, Func<int, double> pmf, int maxValue)
    {
        int n = values.Count;
        var observedPerValue = new long[maxValue + 1];
        foreach (long v in values)
        {
            if (v < 0 || v > maxValue) throw new ArgumentOutOfRangeException(nameof(values), v, $"outside the support 0..{maxValue}");
            observedPerValue[v]++;
        }
        var expected = new List<double>();
        var observed = new List<long>();
        double e = 0;
        long o = 0;
        for (int k = 0; k <= maxValue; k++)
        {
            e += n * pmf(k);
            o += observedPerValue[k];
            if (e >= MinExpected)
            {
                expected.Add(e);
                observed.Add(o);
                e = 0;
                o = 0;
            }
        }
        // The remainder (right tail) joins the last bin.
        if (expected.Count == 0) throw new ArgumentException("too few samples for a single bin");
        expected[^1] += e;
        observed[^1] += o;
        if (expected.Count < 3) throw new ArgumentException($"only {expected.Count} bins: too few samples for a chi-square test");
        double stat = 0;
        for (int i = 0; i < expected.Count; i++) stat += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
        return Result(stat, expected.Count - 1);
    }

    /// <summary>Tests samples against Binomial(<paramref name="trials"/>, <paramref name="p"/>).</summary>
    public static ChiSquareResult ChiSquareBinomial(IReadOnlyList<long> values, int trials, double p) =>
        ChiSquareDiscrete(values, k => Binomial.PMF(p, trials, k), trials);

    /// <summary>Tests samples against Poisson(<paramref name="mean"/>); the last bin takes the whole right tail.</summary>
    public static ChiSquareResult ChiSquarePoisson(IReadOnlyList<long> values, double mean)
    {
        int max = (int)Math.Max(values.Max(), mean + 40 * Math.Sqrt(mean) + 40);
        return ChiSquareDiscrete(values, k => k == max ? 1 - Poisson.CDF(mean, max - 1) : Poisson.PMF(mean, k), max);
    }

    private static ChiSquareResult Result(double stat, int df) => new(stat, df, 1 - ChiSquared.CDF(df, stat));

    public static double Mean(IReadOnlyList<double> x) => x.Average();

    /// <summary>Unbiased sample variance.</summary>
    public static double Variance(IReadOnlyList<double> x)
    {
        double m = x.Average();
        return x.Sum(v => (v - m) * (v - m)) / (x.Count - 1);
    }

    /// <summary>Pearson correlation of two equally long series.</summary>
    public static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>How often each id in <paramref name="ids"/> occurs in <paramref name="values"/> (in the order of ids).</summary>
    public static long[] CountsPer(IEnumerable<long> values, IReadOnlyList<int> ids)
    {
        var index = new Dictionary<long, int>();
        for (int i = 0; i < ids.Count; i++) index[ids[i]] = i;
        var counts = new long[ids.Count];
        foreach (long v in values) counts[index[v]]++;
        return counts;
    }
}
