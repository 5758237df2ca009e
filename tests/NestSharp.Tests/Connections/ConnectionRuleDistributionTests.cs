using NestSharp.Tests.Statistics;
using Xunit.Abstractions;

namespace NestSharp.Tests.Connections;

/// <summary>
/// Where a rule draws, the drawn connectivity has the distribution the rule defines: Pearson chi-square tests at
/// significance <see cref="StatTest.Alpha"/> with a fixed seed (a correct rule fails one seed in 1000; a biased one, such
/// as an off-by-one in the source range or a skewed index draw, fails every seed at these sample sizes).
/// </summary>
public sealed class ConnectionRuleDistributionTests(ITestOutputHelper output)
{
    private static Simulator NewKernel(long seed, int threads = 2)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = seed, ["local_num_threads"] = threads });
        return nest;
    }

    [Fact]
    public void FixedIndegree_DrawsSourcesUniformly()
    {
        // 500 targets x k = 50 draws from 200 sources: 125 expected uses per source.
        const int nSources = 200, nTargets = 500, k = 50;
        var nest = NewKernel(seed: 101);
        var sources = nest.Create("parrot_neuron", nSources);
        var targets = nest.Create("parrot_neuron", nTargets);

        nest.Connect(sources, targets, Rule.FixedIndegree(k));

        var uses = StatTest.CountsPer(nest.GetConnections().Source, sources.Ids);
        Assert.Equal((double)nTargets * k / nSources, uses.Average(), 9);
        var test = StatTest.ChiSquareUniform(uses);
        output.WriteLine($"fixed_indegree source usage vs uniform: {test}");
        Assert.True(test.PValue > StatTest.Alpha, $"source usage is not uniform: {test}");
    }

    [Fact]
    public void FixedIndegree_WithoutMultapsesOrAutapses_UsesEachNodeAsSourceBinomiallyOften()
    {
        // Each of 400 nodes draws 30 distinct others: each other node is chosen with probability 30/399, independently
        // across targets, so the number of targets a node feeds is Binomial(399, 30/399).
        const int n = 400, k = 30;
        var nest = NewKernel(seed: 102);
        var a = nest.Create("parrot_neuron", n);

        nest.Connect(a, a, Rule.FixedIndegree(k, allowAutapses: false, allowMultapses: false));

        var uses = StatTest.CountsPer(nest.GetConnections().Source, a.Ids);
        var test = StatTest.ChiSquareBinomial(uses, n - 1, (double)k / (n - 1));
        output.WriteLine($"fixed_indegree (no autapses/multapses) source usage vs Binomial({n - 1}, {k}/{n - 1}): {test}");
        Assert.True(test.PValue > StatTest.Alpha, $"source usage is not Binomial: {test}");
    }

    [Fact]
    public void FixedOutdegree_InDegreesFollowBinomial()
    {
        // 1000 sources x k = 50 draws over 1000 targets: in-degree ~ Binomial(50000, 1/1000), mean 50.
        const int nSources = 1000, nTargets = 1000, k = 50;
        var nest = NewKernel(seed: 103);
        var sources = nest.Create("parrot_neuron", nSources);
        var targets = nest.Create("parrot_neuron", nTargets);

        nest.Connect(sources, targets, Rule.FixedOutdegree(k));

        var inDegrees = StatTest.CountsPer(nest.GetConnections().Target, targets.Ids);
        var test = StatTest.ChiSquareBinomial(inDegrees, nSources * k, 1.0 / nTargets);
        output.WriteLine($"fixed_outdegree in-degrees vs Binomial({nSources * k}, 1/{nTargets}): {test}; mean {inDegrees.Average():F2}");
        Assert.True(test.PValue > StatTest.Alpha, $"in-degrees are not Binomial: {test}");
    }

    [Fact]
    public void PairwiseBernoulli_InDegreesFollowBinomial()
    {
        // 400 sources, 1000 targets, p = 0.1: in-degree ~ Binomial(400, 0.1), mean 40.
        const int nSources = 400, nTargets = 1000;
        const double p = 0.1;
        var nest = NewKernel(seed: 104);
        var sources = nest.Create("parrot_neuron", nSources);
        var targets = nest.Create("parrot_neuron", nTargets);

        nest.Connect(sources, targets, Rule.PairwiseBernoulli(p));

        var inDegrees = StatTest.CountsPer(nest.GetConnections().Target, targets.Ids);
        var test = StatTest.ChiSquareBinomial(inDegrees, nSources, p);
        output.WriteLine($"pairwise_bernoulli in-degrees vs Binomial({nSources}, {p}): {test}; mean {inDegrees.Average():F2}");
        Assert.True(test.PValue > StatTest.Alpha, $"in-degrees are not Binomial: {test}");
    }

    [Fact]
    public void PairwiseBernoulli_OutDegreesFollowBinomial()
    {
        // The draws of different targets are independent: out-degree ~ Binomial(1000, 0.1), mean 100.
        const int nSources = 400, nTargets = 1000;
        const double p = 0.1;
        var nest = NewKernel(seed: 105);
        var sources = nest.Create("parrot_neuron", nSources);
        var targets = nest.Create("parrot_neuron", nTargets);

        nest.Connect(sources, targets, Rule.PairwiseBernoulli(p));

        var outDegrees = StatTest.CountsPer(nest.GetConnections().Source, sources.Ids);
        var test = StatTest.ChiSquareBinomial(outDegrees, nTargets, p);
        output.WriteLine($"pairwise_bernoulli out-degrees vs Binomial({nTargets}, {p}): {test}; mean {outDegrees.Average():F2}");
        Assert.True(test.PValue > StatTest.Alpha, $"out-degrees are not Binomial: {test}");
    }

    [Fact]
    public void PairwiseBernoulli_TotalIsWithinFourStandardDeviationsOfNMp()
    {
        const int nSources = 400, nTargets = 1000;
        const double p = 0.1;
        var nest = NewKernel(seed: 106);
        var sources = nest.Create("parrot_neuron", nSources);
        var targets = nest.Create("parrot_neuron", nTargets);

        nest.Connect(sources, targets, Rule.PairwiseBernoulli(p));

        double expected = (double)nSources * nTargets * p;
        double sd = Math.Sqrt(expected * (1 - p));
        long total = (long)nest.GetKernelStatus("num_connections");
        output.WriteLine($"pairwise_bernoulli total {total}, expected {expected} +- {sd:F1}: z = {(total - expected) / sd:F2}");
        Assert.InRange(total, expected - 4 * sd, expected + 4 * sd);
    }

    [Fact]
    public void PairwiseBernoulli_WithoutAutapses_InDegreesFollowBinomialOverTheOtherNodes()
    {
        // Onto itself without autapses a node can receive from the n - 1 others: in-degree ~ Binomial(n - 1, p).
        const int n = 600;
        const double p = 0.2;
        var nest = NewKernel(seed: 107);
        var a = nest.Create("parrot_neuron", n);

        nest.Connect(a, a, Rule.PairwiseBernoulli(p, allowAutapses: false));

        var inDegrees = StatTest.CountsPer(nest.GetConnections().Target, a.Ids);
        var test = StatTest.ChiSquareBinomial(inDegrees, n - 1, p);
        output.WriteLine($"pairwise_bernoulli (no autapses) in-degrees vs Binomial({n - 1}, {p}): {test}");
        Assert.True(test.PValue > StatTest.Alpha, $"in-degrees are not Binomial: {test}");
    }

    [Fact]
    public void FixedTotalNumber_InDegreesFollowBinomial()
    {
        // 40000 connections between 200 sources and 1000 targets: in-degree ~ Binomial(40000, 1/1000), mean 40.
        const int nSources = 200, nTargets = 1000, total = 40_000;
        var nest = NewKernel(seed: 108);
        var sources = nest.Create("parrot_neuron", nSources);
        var targets = nest.Create("parrot_neuron", nTargets);

        nest.Connect(sources, targets, Rule.FixedTotalNumber(total));

        var inDegrees = StatTest.CountsPer(nest.GetConnections().Target, targets.Ids);
        var test = StatTest.ChiSquareBinomial(inDegrees, total, 1.0 / nTargets);
        output.WriteLine($"fixed_total_number in-degrees vs Binomial({total}, 1/{nTargets}): {test}");
        Assert.True(test.PValue > StatTest.Alpha, $"in-degrees are not Binomial: {test}");
    }

    [Fact]
    public void FixedTotalNumber_OutDegreesFollowBinomial()
    {
        // The same draws seen from the sources: out-degree ~ Binomial(40000, 1/200), mean 200.
        const int nSources = 200, nTargets = 1000, total = 40_000;
        var nest = NewKernel(seed: 109);
        var sources = nest.Create("parrot_neuron", nSources);
        var targets = nest.Create("parrot_neuron", nTargets);

        nest.Connect(sources, targets, Rule.FixedTotalNumber(total));

        var outDegrees = StatTest.CountsPer(nest.GetConnections().Source, sources.Ids);
        var test = StatTest.ChiSquareBinomial(outDegrees, total, 1.0 / nSources);
        output.WriteLine($"fixed_total_number out-degrees vs Binomial({total}, 1/{nSources}): {test}");
        Assert.True(test.PValue > StatTest.Alpha, $"out-degrees are not Binomial: {test}");
    }

    [Fact]
    public void FixedIndegree_DifferentTargetsDrawIndependently()
    {
        // If targets shared a stream they would get the same sources. For independent draws of k = 20 from 100, two
        // targets share Binomial-like ~k^2/n = 4 sources on average; require the mean overlap to be near that.
        const int nSources = 100, nTargets = 200, k = 20;
        var nest = NewKernel(seed: 110);
        var sources = nest.Create("parrot_neuron", nSources);
        var targets = nest.Create("parrot_neuron", nTargets);

        nest.Connect(sources, targets, Rule.FixedIndegree(k, allowMultapses: false));

        var c = nest.GetConnections();
        var sets = c.Source.Zip(c.Target).GroupBy(p => p.Second).Select(g => g.Select(p => p.First).ToHashSet()).ToArray();
        var overlaps = new List<double>();
        for (int i = 0; i < sets.Length; i++)
        {
            for (int j = i + 1; j < sets.Length; j++)
                overlaps.Add(sets[i].Intersect(sets[j]).Count());
        }
        // Hypergeometric(100, 20, 20): mean 4, variance 2.59; the mean over all 19900 pairs is
        // sum_s C(u_s, 2) / C(200, 2) with u_s the uses of source s (sum fixed), whose SE is ~0.01.
        output.WriteLine($"mean overlap of two targets' source sets: {overlaps.Average():F3} (expected 4)");
        Assert.InRange(overlaps.Average(), 3.8, 4.2);
        Assert.True(overlaps.Max() < k, "two targets have identical source sets");
    }
}
