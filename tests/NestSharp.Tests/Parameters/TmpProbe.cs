using Xunit.Abstractions;
using MathNet.Numerics.Distributions;
using NestSharp.Tests.NestSuite.Other;
namespace NestSharp.Tests.Parameters;

public sealed class TmpProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        foreach (int n in new[] { 100, 2000 })
        {
            int rejected = 0, seeds = 300;
            for (int seed = 1; seed <= seeds; seed++)
            {
                var nest = new Simulator();
                nest.SetKernelStatus("rng_seed", (long)seed);
                var p = nest.Random.UniformInt(100);
                var values = Enumerable.Range(0, n).Select(_ => nest.GetValue(p)).ToArray();
                if (KolmogorovSmirnov.Test(values, x => DiscreteUniform.CDF(0, 99, x)).PValue <= 0.05) rejected++;
            }
            output.WriteLine($"n={n}: scipy-style KS rejects {rejected}/{seeds}");
        }
        output.WriteLine($"{KolmogorovSmirnov.PValue(10, 0.3)} {KolmogorovSmirnov.PValue(100, 0.1)} {KolmogorovSmirnov.PValue(100, 0.134)} {KolmogorovSmirnov.PValue(2000, 0.03)} {KolmogorovSmirnov.PValue(10, 0.05)} {KolmogorovSmirnov.PValue(1, 0.7)}");
        output.WriteLine($"{KolmogorovSmirnov.Test([0.1, 0.5, 0.35, 0.8, 0.99, 0.05, 0.6], x => ContinuousUniform.CDF(0, 1, x))}");
        output.WriteLine($"{KolmogorovSmirnov.Test([3, 0, 7, 7, 1, 9, 2, 5, 5, 8], x => DiscreteUniform.CDF(0, 9, x))}");
    }
}
