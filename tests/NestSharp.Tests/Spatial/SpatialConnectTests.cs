namespace NestSharp.Tests.SpatialNetworks;

/// <summary>
/// Spatial Connect (NEST's ConnectLayers): exact pairs for masks with p = 1, statistics with bounds that a wrong
/// probability or mask would break, degree rules with masks, NEST's errors, and the same connections for 1 and 2
/// threads.
/// </summary>
public sealed class SpatialConnectTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static Simulator NewKernel(int threads = 1, long seed = 4711)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = seed, ["local_num_threads"] = threads });
        return nest;
    }

    private static Dictionary<string, object> Circle(double radius) => D(("circular", D(("radius", radius))));

    /// <summary>Every (source, target) pair whose periodic distance is at most <paramref name="radius"/>, by brute force.</summary>
    private static HashSet<(long, long)> PairsWithin(Simulator nest, NodeCollection layer, double radius)
    {
        var pairs = new HashSet<(long, long)>();
        foreach (int s in layer.Ids)
        {
            var distances = nest.Distance(nest.Nodes(s), layer);
            for (int t = 0; t < layer.Count; t++)
                if (distances[t] <= radius + 1e-12) pairs.Add((s, layer.Ids[t]));
        }
        return pairs;
    }

    private static HashSet<(long, long)> Pairs(SynapseCollection c) => c.Source.Zip(c.Target).ToHashSet();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PairwiseBernoulli_MaskWithPOne_ConnectsExactlyThePairsInside(bool edgeWrap)
    {
        var nest = NewKernel();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([7, 7], extent: [7.0, 7.0], edgeWrap: edgeWrap));
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", Circle(1.5))));
        var expected = PairsWithin(nest, layer, 1.5);
        Assert.Equal(expected, Pairs(nest.GetConnections()));
        Assert.Equal(edgeWrap ? 49 * 9 : expected.Count, nest.GetConnections().Count);
    }

    [Fact]
    public void PairwiseBernoulli_ProbabilityInsideTheMask_WithinABinomialBound()
    {
        var nest = NewKernel();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([20, 20], extent: [20.0, 20.0], edgeWrap: true));
        const double p = 0.3;
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", p), ("mask", Circle(3.0))));
        var inside = PairsWithin(nest, layer, 3.0);
        var made = Pairs(nest.GetConnections());
        Assert.Subset(inside, made);
        double n = inside.Count, mean = n * p, sd = Math.Sqrt(n * p * (1 - p));
        Assert.InRange(made.Count, mean - 5 * sd, mean + 5 * sd);
    }

    [Fact]
    public void PairwiseBernoulli_DistanceDependentProbability_FollowsTheKernel()
    {
        var nest = NewKernel();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([30, 30], extent: [30.0, 30.0], edgeWrap: true));
        var kernel = SpatialDistributions.Exponential(Spatial.Distance, beta: 2.0);
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", kernel), ("mask", Circle(6.0))));
        var conns = nest.GetConnections();
        // expected number: the sum of exp(-d/2) over all pairs within the mask
        double expected = 0, variance = 0;
        foreach (int s in layer.Ids.Take(1))
        {
            foreach (double d in nest.Distance(nest.Nodes(s), layer))
            {
                if (d > 6.0) continue;
                double q = Math.Exp(-d / 2.0);
                expected += q;
                variance += q * (1 - q);
            }
        }
        expected *= layer.Count;
        variance *= layer.Count;
        Assert.InRange(conns.Count, expected - 5 * Math.Sqrt(variance), expected + 5 * Math.Sqrt(variance));
        Assert.All(nest.Distance(conns), d => Assert.True(d <= 6.0 + 1e-12));
    }

    [Fact]
    public void SpatialWeightsAndDelays_AreTheDistance()
    {
        var nest = NewKernel();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0]));
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", Circle(2.0))),
            [new SynSpec { Weight = 1.0 + Spatial.Distance, Delay = 1.0 + Spatial.Distance }]);
        var conns = nest.GetConnections();
        var distances = nest.Distance(conns);
        Assert.Equal(distances.Select(d => 1.0 + d), conns.Weight);
        Assert.All(conns.Delay.Zip(distances), x => Assert.Equal(Math.Round((1.0 + x.Second) / 0.1) * 0.1, x.First, 12));
    }

    [Theory]
    [InlineData("fixed_indegree", "indegree")]
    [InlineData("fixed_outdegree", "outdegree")]
    public void FixedDegree_DrawsOnlyInsideTheMask(string rule, string key)
    {
        var nest = NewKernel();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([10, 10], extent: [10.0, 10.0], edgeWrap: true));
        nest.ConnectLayers(layer, layer, D(("rule", rule), (key, 5), ("mask", Circle(2.0)), ("allow_multapses", false), ("allow_autapses", false)));
        var conns = nest.GetConnections();
        Assert.Equal(500, conns.Count);
        var inside = PairsWithin(nest, layer, 2.0);
        Assert.Subset(inside, Pairs(conns));
        Assert.Equal(500, Pairs(conns).Count);                      // no multapses
        Assert.DoesNotContain(conns.Source.Zip(conns.Target), p => p.First == p.Second);
        var perNode = (rule == "fixed_indegree" ? conns.Target : conns.Source).GroupBy(x => x).Select(g => g.Count());
        Assert.All(perNode, n => Assert.Equal(5, n));
    }

    [Fact]
    public void FixedIndegree_NotEnoughSourcesInsideTheMask_IsNestsKernelException()
    {
        var nest = NewKernel();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0]));
        var error = Assert.Throws<KernelException>(() => nest.ConnectLayers(layer, layer,
            D(("rule", "fixed_indegree"), ("indegree", 10), ("mask", Circle(1.0)), ("allow_multapses", false))));
        Assert.Contains("Not enough sources found inside mask", error.Message);
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void OversizedMask_IsRefusedUnlessAllowed()
    {
        var nest = NewKernel();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([[0.0, 0.0]], extent: [1.0, 1.0], edgeWrap: true));
        Assert.Throws<BadPropertyException>(() => nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", Circle(0.51)))));
        Assert.Equal(0, nest.GetConnections().Count);
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", Circle(0.5))));
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", Circle(2.0)), ("allow_oversized_mask", true)));
        Assert.Equal(2, nest.GetConnections().Count);
    }

    [Fact]
    public void GridMask_SelectsGridCellsFromTheAnchor()
    {
        var nest = NewKernel();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0]));
        var centre = layer[12..13];
        var mask = D(("grid", D(("shape", new long[] { 3, 3 }))), ("anchor", new long[] { 1, 1 }));
        nest.ConnectLayers(centre, layer, D(("rule", "pairwise_bernoulli"), ("mask", mask)));
        // the 3x3 block of cells around the centre (node 13 at (0, 0))
        Assert.Equal([7, 8, 9, 12, 13, 14, 17, 18, 19], nest.GetConnections().Target.Select(t => (int)t).Order());
    }

    [Fact]
    public void BadCombinations_AreRefused()
    {
        var nest = NewKernel();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3]));
        var layer3D = nest.Create("iaf_psc_alpha", Positions.Grid([2, 2, 2]));
        var plain = nest.Create("iaf_psc_alpha", 3);
        Assert.Throws<BadPropertyException>(() => nest.ConnectLayers(layer, layer, D(("rule", "fixed_indegree"), ("indegree", 1), ("use_on_source", true))));
        Assert.Throws<BadPropertyException>(() => nest.ConnectLayers(layer, layer, D(("rule", "all_to_all"), ("p", 0.5))));
        Assert.Throws<TypeMismatchException>(() => nest.ConnectLayers(plain, layer, D(("rule", "pairwise_bernoulli"), ("p", 0.5))));
        Assert.Throws<BadPropertyException>(() => nest.ConnectLayers(layer, layer3D, D(("rule", "pairwise_bernoulli"), ("p", 0.5))));
        Assert.Throws<BadPropertyException>(() => nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("mask", D(("spherical", D(("radius", 1.0))))))));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("N", 3))));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Theory]
    [InlineData("pairwise_bernoulli", "p", false)]
    [InlineData("pairwise_bernoulli", "p", true)]
    [InlineData("fixed_indegree", "indegree", false)]
    [InlineData("fixed_outdegree", "outdegree", false)]
    [InlineData("pairwise_poisson", "pairwise_avg_num_conns", false)]
    public void Connections_DoNotDependOnTheNumberOfThreads(string rule, string key, bool useOnSource)
    {
        (long, long, double)[] Build(int threads)
        {
            var nest = NewKernel(threads, seed: 99);
            var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Uniform(-2.0, 2.0), numDimensions: 2, edgeWrap: true), n: 120);
            var conn = D(("rule", rule), ("mask", Circle(1.0)), ("p", SpatialDistributions.Gaussian(Spatial.Distance, std: 0.6)));
            conn[key] = key is "p" or "pairwise_avg_num_conns" ? conn["p"] : 4;
            if (rule == "pairwise_poisson") conn.Remove("p");
            if (useOnSource) conn["use_on_source"] = true;
            nest.ConnectLayers(layer, layer, conn, [new SynSpec { Weight = nest.Random.Normal(1.0, 0.1) * Spatial.Distance }]);
            var c = nest.GetConnections();
            return [.. c.Source.Zip(c.Target, c.Weight).Select(x => (x.First, x.Second, x.Third)).Order()];
        }
        var one = Build(1);
        Assert.NotEmpty(one);
        Assert.Equal(one, Build(2));
    }
}
