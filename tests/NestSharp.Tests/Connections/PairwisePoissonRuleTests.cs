using NestSharp.Tests.Statistics;
using Xunit.Abstractions;

namespace NestSharp.Tests.Connections;

/// <summary>
/// pairwise_poisson (NEST's PoissonBuilder and its spatial variant): each pair is connected a Poisson number of times
/// with mean pairwise_avg_num_conns. Chi-square tests at <see cref="StatTest.Alpha"/> with fixed seeds; NEST's errors.
/// </summary>
public sealed class PairwisePoissonRuleTests(ITestOutputHelper output)
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static Simulator NewKernel(long seed, int threads = 2)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = seed, ["local_num_threads"] = threads });
        return nest;
    }

    /// <summary>How many connections each (source, target) pair of the collections has, zeros included.</summary>
    private static long[] Multiplicities(SynapseCollection connections, NodeCollection sources, NodeCollection targets)
    {
        var counts = new long[sources.Count * targets.Count];
        foreach (var (s, t) in connections.Source.Zip(connections.Target))
            counts[sources.IndexOf((int)s) * targets.Count + targets.IndexOf((int)t)]++;
        return counts;
    }

    [Fact]
    public void EachPair_IsConnectedAPoissonNumberOfTimes()
    {
        const double mean = 1.5;
        var nest = NewKernel(seed: 201);
        var sources = nest.Create("parrot_neuron", 60);
        var targets = nest.Create("parrot_neuron", 80);
        nest.Connect(sources, targets, Rule.PairwisePoisson(mean));
        var counts = Multiplicities(nest.GetConnections(), sources, targets);
        var test = StatTest.ChiSquarePoisson(counts, mean);
        output.WriteLine($"multiplicities vs Poisson({mean}): {test}; mean {counts.Average():F3}");
        Assert.True(test.PValue > StatTest.Alpha, $"multiplicities are not Poisson: {test}");
        Assert.Contains(counts, c => c >= 4);
    }

    [Fact]
    public void InDegrees_ArePoissonWithTheSumOfThePairMeans()
    {
        const double mean = 0.05;
        const int nSources = 400;
        var nest = NewKernel(seed: 202);
        var sources = nest.Create("parrot_neuron", nSources);
        var targets = nest.Create("parrot_neuron", 1000);
        nest.Connect(sources, targets, Rule.PairwisePoisson(mean));
        var inDegrees = StatTest.CountsPer(nest.GetConnections().Target, targets.Ids);
        var test = StatTest.ChiSquarePoisson(inDegrees, nSources * mean);
        output.WriteLine($"in-degrees vs Poisson({nSources * mean}): {test}; mean {inDegrees.Average():F2}");
        Assert.True(test.PValue > StatTest.Alpha, $"in-degrees are not Poisson: {test}");
    }

    [Fact]
    public void WithoutAutapses_NoNodeConnectsToItself_AndOtherPairsKeepTheirMean()
    {
        var nest = NewKernel(seed: 203);
        var nodes = nest.Create("iaf_psc_alpha", 50);
        nest.Connect(nodes, nodes, Rule.PairwisePoisson(3.0, allowAutapses: false));
        var connections = nest.GetConnections();
        Assert.DoesNotContain(connections.Source.Zip(connections.Target), c => c.First == c.Second);
        double pairs = 50 * 49, expected = 3.0 * pairs, sd = Math.Sqrt(expected);
        Assert.InRange(connections.Count, expected - 5 * sd, expected + 5 * sd);
    }

    [Fact]
    public void ARandomMean_IsDrawnForEveryPair()
    {
        var nest = NewKernel(seed: 204);
        var sources = nest.Create("parrot_neuron", 100);
        var targets = nest.Create("parrot_neuron", 100);
        // Mean uniform on [0, 2): the total has mean 10^4 and variance 10^4 (1 + 1/3) (Poisson mixed over the means).
        nest.Connect(sources, targets, D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", nest.Random.Uniform(0.0, 2.0))));
        double expected = 1e4, sd = Math.Sqrt(1e4 * (1 + 1.0 / 3));
        Assert.InRange(nest.GetConnections().Count, expected - 5 * sd, expected + 5 * sd);

        var negative = D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", nest.Random.Uniform(-2.0, -1.0)));
        Assert.Throws<BadPropertyException>(() => nest.Connect(sources, targets, negative));
        Assert.InRange(nest.GetConnections().Count, expected - 5 * sd, expected + 5 * sd);
    }

    [Fact]
    public void BadSpecs_AreNestsErrors_AndChangeNothing()
    {
        var nest = NewKernel(seed: 205);
        var nodes = nest.Create("iaf_psc_alpha", 5);
        // NEST: "Multapses must be allowed for this connection rule."
        var multapses = Assert.Throws<BadPropertyException>(() =>
            nest.Connect(nodes, nodes, D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", 0.5), ("allow_multapses", false))));
        Assert.Contains("Multapses must be allowed", multapses.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<BadPropertyException>(() => nest.Connect(nodes, nodes, D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", -0.1))));
        Assert.Contains("pairwise_avg_num_conns", negative.Message, StringComparison.Ordinal);
        Assert.Throws<BadPropertyException>(() => nest.Connect(nodes, nodes, D(("rule", "pairwise_poisson"))));
        // p with a rule other than pairwise_bernoulli takes PyNEST's spatial path, which needs positions (its TypeError)
        Assert.Throws<TypeMismatchException>(() => nest.Connect(nodes, nodes, D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", 0.5), ("p", 0.5))));
        Assert.ThrowsAny<NestException>(() => nest.Connect(nodes, nodes, D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", 0.5)),
            D(("weight", new double[] { 1, 2, 3, 4, 5 }))));
        Assert.ThrowsAny<NestException>(() => nest.Connect(nodes, nest.Create("spike_recorder"), Rule.PairwisePoisson(0.5)));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void Spatial_ConnectsOnlyInsideTheMask_APoissonNumberOfTimes()
    {
        const double mean = 2.0;
        var nest = NewKernel(seed: 206);
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([15, 15], extent: [15.0, 15.0], edgeWrap: true));
        var circle = D(("circular", D(("radius", 2.0))));
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", mean), ("mask", circle)));
        var connections = nest.GetConnections();
        var distances = connections.Source.Zip(connections.Target)
            .Select(c => nest.Distance(nest.Nodes((int)c.First), nest.Nodes((int)c.Second))[0]).ToArray();
        Assert.All(distances, d => Assert.True(d <= 2.0 + 1e-12, $"a connection at distance {d}, outside the mask"));
        // 13 grid points lie within 2 of each node (the periodic grid has no border).
        var perPair = connections.Source.Zip(connections.Target).GroupBy(c => c).Select(g => (long)g.Count()).ToList();
        perPair.AddRange(Enumerable.Repeat(0L, 225 * 13 - perPair.Count));
        var test = StatTest.ChiSquarePoisson(perPair, mean);
        output.WriteLine($"spatial multiplicities vs Poisson({mean}): {test}");
        Assert.True(test.PValue > StatTest.Alpha, $"multiplicities inside the mask are not Poisson: {test}");
    }

    [Fact]
    public void Spatial_ADistanceDependentMean_FollowsTheKernel()
    {
        var nest = NewKernel(seed: 207);
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([21, 21], extent: [21.0, 21.0], edgeWrap: true));
        // Mean 4 at distance 0, 4/e at distance 1: near pairs get e times as many connections as pairs one step away.
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", 4.0 * SpatialDistributions.Exponential(Spatial.Distance, beta: 1.0)),
            ("mask", D(("circular", D(("radius", 1.0)))))));
        var connections = nest.GetConnections();
        long self = connections.Source.Zip(connections.Target).Count(c => c.First == c.Second);
        long neighbours = connections.Count - self;
        double expectedSelf = 441 * 4.0, expectedNeighbours = 441 * 4 * 4.0 / Math.E;
        Assert.InRange(self, expectedSelf - 5 * Math.Sqrt(expectedSelf), expectedSelf + 5 * Math.Sqrt(expectedSelf));
        Assert.InRange(neighbours, expectedNeighbours - 5 * Math.Sqrt(expectedNeighbours), expectedNeighbours + 5 * Math.Sqrt(expectedNeighbours));
        Assert.Throws<BadPropertyException>(() => nest.ConnectLayers(layer, layer,
            D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", 1.0), ("allow_multapses", false))));
    }
}
