using MathNet.Numerics.Distributions;
using NestSharp.Random;

namespace NestSharp.Tests.Random;

public sealed class PoissonSamplerTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(1.78)]
    [InlineData(7.5)]
    [InlineData(29.0)]
    public void TableInversion_EqualsSequentialSearch(double mean)
    {
        var sampler = new PoissonSampler(mean);
        var stream = new RandomStream(42);
        for (int i = 0; i < 20_000; i++)
        {
            double u = stream.NextDouble();
            Assert.Equal(SequentialInversion(mean, u), sampler.FromUniform(u));
        }
    }

    private static int SequentialInversion(double mean, double u)
    {
        double p = Math.Exp(-mean), sum = p;
        int k = 0;
        while (u >= sum && k < 1000)
        {
            k++;
            p *= mean / k;
            sum += p;
        }
        return k;
    }

    [Theory]
    [InlineData(1.78)]
    [InlineData(12.0)]
    [InlineData(80.0)]
    [InlineData(1000.0)]
    public void Draws_FollowThePoissonDistribution(double mean)
    {
        var sampler = new PoissonSampler(mean);
        var stream = new RandomStream(RandomStream.Derive(7, (ulong)(mean * 100)));
        const int n = 50_000;
        var counts = new Dictionary<ulong, int>();
        for (int i = 0; i < n; i++)
        {
            ulong k = sampler.Sample(ref stream);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        // Chi-square over bins with expected count >= 20, tails pooled.
        var poisson = new Poisson(mean);
        int lo = (int)Math.Max(0, mean - 6 * Math.Sqrt(mean)), hi = (int)(mean + 6 * Math.Sqrt(mean)) + 2;
        double chi2 = 0, pooledObs = 0, pooledExp = 0;
        int bins = 0;
        for (int k = 0; k <= hi; k++)
        {
            double expected = n * poisson.Probability(k);
            double observed = counts.GetValueOrDefault((ulong)k);
            if (k < lo || expected < 20) { pooledObs += observed; pooledExp += expected; continue; }
            chi2 += (observed - expected) * (observed - expected) / expected;
            bins++;
        }
        pooledObs += counts.Where(c => c.Key > (ulong)hi).Sum(c => c.Value);
        pooledExp += n * (1 - poisson.CumulativeDistribution(hi));
        if (pooledExp > 5) { chi2 += (pooledObs - pooledExp) * (pooledObs - pooledExp) / pooledExp; bins++; }
        double pValue = 1 - ChiSquared.CDF(bins - 1, chi2);
        Assert.True(pValue > 0.001, $"chi2 = {chi2:F1} over {bins} bins, p = {pValue:G3}");
    }

    [Fact]
    public void NegativeMean_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoissonSampler(-1.0));
    }
}
