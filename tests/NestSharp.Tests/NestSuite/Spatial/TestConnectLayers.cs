using MathNet.Numerics.Distributions;

namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's testsuite/pytests/spatial/test_connect_layers.py (class ConnectLayersTestCase): Connect between layers with
/// masks, kernels (p), degrees, autapses, multapses, sliced layers, weights, delays, labels and receptor types.
/// </summary>
/// <remarks>
/// PyNEST's TypeError for a mask or kernel between collections without positions is
/// <see cref="TypeMismatchException"/>; its ValueError for a rule the spatial path does not take is
/// <see cref="BadPropertyException"/> (NestSharp checks it in the kernel, naming the key <c>rule</c>). The reference
/// samples scipy draws for the two Kolmogorov-Smirnov tests come from MathNet's generators with a fixed seed.
/// </remarks>
public sealed class TestConnectLayers
{
    private static readonly long[] Dim = [4, 5];
    private static readonly double[] Extent = [10.0, 10.0];

    private readonly Simulator _nest;
    private readonly NodeCollection _layer;

    public TestConnectLayers()
    {
        _nest = new Simulator();
        _nest.SetKernelStatus(new() { ["rng_seed"] = 123L });
        _layer = _nest.Create("iaf_psc_alpha", Positions.Grid(Dim, extent: Extent));
    }

    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static Dictionary<string, object> Rectangle(double lower, double upper) =>
        D(("rectangular", D(("lower_left", new[] { lower, lower }), ("upper_right", new[] { upper, upper }))));

    /// <summary>Connects the layer to itself with <paramref name="connSpec"/> and checks the number of connections.</summary>
    private void CheckConnections(Dictionary<string, object> connSpec, int expectedNumConnections)
    {
        _nest.Connect(_layer, _layer, connSpec);
        Assert.Equal(expectedNumConnections, _nest.GetConnections().Count);
    }

    /// <summary>
    /// Connects N = 100 times, and compares the numbers of connections each call made with N sums of
    /// <paramref name="numPairs"/> reference draws by a two-sample Kolmogorov-Smirnov test, 5 times: the mean p-value
    /// must exceed 0.1 and the mean statistic stay below 0.2.
    /// </summary>
    private void CheckConnectionsStatistical(Dictionary<string, object> connSpec, Func<System.Random, int, double> referenceSum, int numPairs)
    {
        const int N = 100; // Number of samples per KS test
        const int KsN = 5; // Number of KS tests to perform.
        const double PValLim = 0.1; // Limit for the p value of the KS test
        const double KsStatLim = 0.2; // Limit for the KS statistic

        var reference = new System.Random(12345);
        var pVals = new double[KsN];
        var ksStats = new double[KsN];
        for (int ksI = 0; ksI < KsN; ksI++)
        {
            var nConns = new double[N];
            var refs = new double[N];
            for (int i = 0; i < N; i++)
            {
                _nest.Connect(_layer, _layer, connSpec);
                nConns[i] = _nest.NumConnections - nConns.Sum();
                refs[i] = referenceSum(reference, numPairs);
            }
            (ksStats[ksI], pVals[ksI]) = TwoSampleKs(nConns, refs);
        }
        Assert.True(pVals.Average() > PValLim, $"mean p-value {pVals.Average()} (p-values {string.Join(", ", pVals)})");
        Assert.True(ksStats.Average() < KsStatLim, $"mean KS statistic {ksStats.Average()}");
    }

    private static double BernoulliSum(System.Random random, int numPairs, double p)
    {
        int sum = 0;
        for (int i = 0; i < numPairs; i++) sum += random.NextDouble() < p ? 1 : 0;
        return sum;
    }

    private static double PoissonSum(System.Random random, int numPairs, double mean)
    {
        double sum = 0;
        for (int i = 0; i < numPairs; i++) sum += Poisson.Sample(random, mean);
        return sum;
    }

    /// <summary>
    /// scipy.stats.ks_2samp(a, b) for two samples of equal size n (method "exact"): D = max |F_a - F_b| over the pooled
    /// values, and P(D_n,n &gt;= D) from the exact distribution of the two-sample statistic (scipy's
    /// _compute_prob_outside_square with h = round(D n)).
    /// </summary>
    internal static (double Statistic, double PValue) TwoSampleKs(double[] a, double[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException("the samples differ in size");
        int n = a.Length;
        double[] x = [.. a.Order()], y = [.. b.Order()];
        double d = 0;
        foreach (double v in x.Concat(y))
        {
            double fx = CountAtMost(x, v) / (double)n, fy = CountAtMost(y, v) / (double)n;
            d = Math.Max(d, Math.Abs(fx - fy));
        }
        int h = (int)Math.Round(d * n);
        if (h == 0) return (d, 1.0);
        double p = 0.0;
        for (int k = n / h; k >= 0; k--)
        {
            double p1 = 1.0;
            for (int j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            p = p1 * (1.0 - p);
        }
        return (d, Math.Clamp(2 * p, 0.0, 1.0));
    }

    private static int CountAtMost(double[] sorted, double value)
    {
        int count = 0;
        while (count < sorted.Length && sorted[count] <= value) count++;
        return count;
    }

    /// <summary>Connects with or without autapses (pairwise_bernoulli, p = 1) and counts the autapses.</summary>
    private void AssertConnectLayersAutapses(bool autapses, int expectedNumAutapses)
    {
        _nest.Connect(_layer, _layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("allow_autapses", autapses)));
        var conns = _nest.GetConnections();
        var sources = conns.Source;
        var targets = conns.Target;
        int nAutapses = 0;
        for (int i = 0; i < sources.Length; i++) nAutapses += sources[i] == targets[i] ? 1 : 0;
        Assert.Equal(expectedNumAutapses, nAutapses);
    }

    /// <summary>Connects by fixed_indegree 10 with p = 1, without autapses, with or without multapses, and counts repeated pairs.</summary>
    private void AssertConnectLayersMultapses(bool multapses)
    {
        _nest.Connect(_layer, _layer, D(("rule", "fixed_indegree"), ("indegree", 10), ("p", 1.0), ("allow_autapses", false),
            ("allow_multapses", multapses)));
        var conns = _nest.GetConnections();
        var pairs = conns.Source.Zip(conns.Target).ToArray();
        int numNonuniqueConns = pairs.Length - pairs.Distinct().Count();
        if (multapses) Assert.True(numNonuniqueConns > 0);
        else Assert.Equal(0, numNonuniqueConns);
    }

    /// <summary>Connects <paramref name="pre"/> to <paramref name="post"/> by a spatial p = 1 + 0 · distance: every pair.</summary>
    private static void AssertConnectSliced(Simulator nest, NodeCollection pre, NodeCollection post, string kind)
    {
        // Using distance based probability with zero weight to use ConnectLayers
        var p = 1.0 + 0.0 * Spatial.Distance;
        nest.Connect(pre, post, D(("rule", "pairwise_bernoulli"), ("p", p)));
        int expectedConns = pre.Count * post.Count;
        Assert.True(expectedConns == nest.GetConnections().Count, $"pre length={pre.Count}, post length={post.Count} (kind {kind})");
    }

    /// <summary>A new kernel with a layer at <paramref name="positions"/> (20 nodes when free) and three slices of it.</summary>
    private static (Simulator Nest, Dictionary<string, NodeCollection> Layers) ResetAndCreateSliced(Func<Positions> positions)
    {
        var nest = new Simulator();
        var pos = positions();
        var layer = pos.IsGrid ? nest.Create("iaf_psc_alpha", pos) : nest.Create("iaf_psc_alpha", pos, n: 20);
        return (nest, new() { ["layer"] = layer, ["single"] = layer[10], ["range"] = layer[8..12], ["step"] = layer.Slice(0, layer.Count, 2) });
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_indegree
    [Fact]
    public void ConnectLayersIndegree() => CheckConnections(D(("rule", "fixed_indegree"), ("indegree", 2), ("p", 1.0)), 40);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_outdegree
    [Fact]
    public void ConnectLayersOutdegree() => CheckConnections(D(("rule", "fixed_outdegree"), ("outdegree", 2), ("p", 1.0)), 40);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_bernoulli
    [Fact]
    public void ConnectLayersBernoulli() =>
        CheckConnections(D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("use_on_source", false)), 400);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_bernoulli_source
    [Fact]
    public void ConnectLayersBernoulliSource() =>
        CheckConnections(D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("use_on_source", true)), 400);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_poisson
    [Fact]
    public void ConnectLayersPoisson()
    {
        _nest.Connect(_layer, _layer, D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", 0.5)));
        Assert.InRange(_nest.GetConnections().Count, 200 - 5, 200 + 5);
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_indegree_mask
    [Fact]
    public void ConnectLayersIndegreeMask() =>
        CheckConnections(D(("rule", "fixed_indegree"), ("indegree", 1), ("mask", Rectangle(-5.0, 0.1))), 20);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_indegree_kernel
    [Fact]
    public void ConnectLayersIndegreeKernel() => CheckConnections(D(("rule", "fixed_indegree"), ("indegree", 1), ("p", 0.5)), 20);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_indegree_kernel_mask
    [Fact]
    public void ConnectLayersIndegreeKernelMask() =>
        CheckConnections(D(("rule", "fixed_indegree"), ("indegree", 1), ("mask", Rectangle(-5.0, 0.1)), ("p", 0.5)), 20);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_indegree_parameter
    [Fact]
    public void ConnectLayersIndegreeParameter()
    {
        // Parameter will give numbers close to 5. With std=0.1 they should all be rounded to an indegree of exactly 5.
        const double mean = 5.0;
        var param = _nest.Random.Normal(mean: mean, std: 0.1);
        CheckConnections(D(("rule", "fixed_indegree"), ("indegree", param), ("p", 1.0), ("allow_multapses", true)), (int)mean * 20);
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_outdegree_parameter
    [Fact]
    public void ConnectLayersOutdegreeParameter()
    {
        // Parameter will give numbers close to 5. With std=0.1 they should all be rounded to an outdegree of exactly 5.
        const double mean = 5.0;
        var param = _nest.Random.Normal(mean: mean, std: 0.1);
        CheckConnections(D(("rule", "fixed_outdegree"), ("outdegree", param), ("p", 1.0), ("allow_multapses", true)), (int)mean * 20);
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_outdegree_mask
    [Fact]
    public void ConnectLayersOutdegreeMask() =>
        CheckConnections(D(("rule", "fixed_outdegree"), ("outdegree", 1), ("mask", Rectangle(-5.0, 0.1))), 20);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_outdegree_kernel
    [Fact]
    public void ConnectLayersOutdegreeKernel() => CheckConnections(D(("rule", "fixed_outdegree"), ("outdegree", 1), ("p", 0.5)), 20);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_outdegree_kernel_mask
    [Fact]
    public void ConnectLayersOutdegreeKernelMask() =>
        CheckConnections(D(("rule", "fixed_outdegree"), ("outdegree", 1), ("mask", Rectangle(-5.0, 0.1)), ("p", 0.5)), 20);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_bernoulli_mask
    [Fact]
    public void ConnectLayersBernoulliMask() =>
        CheckConnections(D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", Rectangle(-5.0, 0.1))), 108);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_bernoulli_kernel_mask
    [Fact]
    public void ConnectLayersBernoulliKernelMask()
    {
        const double p = 0.5;
        CheckConnectionsStatistical(D(("rule", "pairwise_bernoulli"), ("p", p), ("mask", Rectangle(-5.0, 0.1))),
            (random, numPairs) => BernoulliSum(random, numPairs, p), 108);
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_poisson_kernel_mask
    [Fact]
    public void ConnectLayersPoissonKernelMask()
    {
        const double pairwiseAvgNumConns = 0.5;
        CheckConnectionsStatistical(D(("rule", "pairwise_poisson"), ("pairwise_avg_num_conns", pairwiseAvgNumConns), ("mask", Rectangle(-5.0, 0.1))),
            (random, numPairs) => PoissonSum(random, numPairs, pairwiseAvgNumConns), 108);
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_bernoulli_kernel_mask_source
    [Fact]
    public void ConnectLayersBernoulliKernelMaskSource()
    {
        const double p = 0.5;
        CheckConnectionsStatistical(D(("rule", "pairwise_bernoulli"), ("p", p), ("mask", Rectangle(-5.0, 0.1)), ("use_on_source", true)),
            (random, numPairs) => BernoulliSum(random, numPairs, p), 108);
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_nonlayers_mask_bernoulli
    [Fact]
    public void ConnectNonlayersMaskBernoulli()
    {
        var neurons = _nest.Create("iaf_psc_alpha", 20);
        Assert.Throws<TypeMismatchException>(() =>
            _nest.Connect(neurons, neurons, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", Rectangle(-5.0, 0.1)))));
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_nonlayers_mask_poisson
    [Fact]
    public void ConnectNonlayersMaskPoisson()
    {
        var neurons = _nest.Create("iaf_psc_alpha", 20);
        Assert.Throws<TypeMismatchException>(() =>
            _nest.Connect(neurons, neurons, D(("rule", "pairwise_poisson"), ("p", 1.0), ("mask", Rectangle(-5.0, 0.1)))));
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_nonlayers_kernel
    [Fact]
    public void ConnectNonlayersKernel()
    {
        var neurons = _nest.Create("iaf_psc_alpha", 20);
        Assert.Throws<TypeMismatchException>(() =>
            _nest.Connect(neurons, neurons, D(("rule", "fixed_outdegree"), ("outdegree", 1), ("p", 1.0))));
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_kernel_mask_wrong_rule
    [Fact]
    public void ConnectKernelMaskWrongRule()
    {
        var connSpecKernel = D(("rule", "all_to_all"), ("p", 0.5));
        var connSpecMask = D(("rule", "all_to_all"), ("mask", Rectangle(-5.0, 0.1)));
        foreach (var connSpec in new[] { connSpecKernel, connSpecMask })
            Assert.Throws<BadPropertyException>(() => _nest.Connect(_layer, _layer, connSpec));
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_oversized_mask
    [Fact]
    public void ConnectOversizedMask()
    {
        var freeLayer = _nest.Create("iaf_psc_alpha", Positions.Free([[0.0, 0.0]], extent: [1.0, 1.0], edgeWrap: true));
        var connSpec = D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", D(("circular", D(("radius", 2.0))))));
        Assert.ThrowsAny<NestException>(() => _nest.Connect(freeLayer, freeLayer, connSpec));
        Assert.Equal(0, _nest.NumConnections);
        connSpec["allow_oversized_mask"] = true;
        _nest.Connect(freeLayer, freeLayer, connSpec);
        Assert.Equal(1, _nest.NumConnections);
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_weights
    [Fact]
    public void ConnectLayersWeights()
    {
        _nest.Connect(_layer, _layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0)), D(("weight", _nest.Random.Uniform(min: 0.5))));
        var connWeights = _nest.GetConnections().Weight;
        Assert.True(connWeights.Distinct().Count() > 1);
        Assert.All(connWeights, w => Assert.True(w >= 0.5));
        Assert.All(connWeights, w => Assert.True(w <= 1.0));
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_delays
    [Fact]
    public void ConnectLayersDelays()
    {
        _nest.Connect(_layer, _layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0)), D(("delay", _nest.Random.Uniform(min: 0.5))));
        var connDelays = _nest.GetConnections().Delay;
        Assert.True(connDelays.Distinct().Count() > 1);
        Assert.All(connDelays, d => Assert.True(d >= 0.5));
        Assert.All(connDelays, d => Assert.True(d <= 1.0));
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_autapses_possible
    [Fact]
    public void ConnectLayersAutapsesPossible() => AssertConnectLayersAutapses(true, 20);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_autapses_impossible
    [Fact]
    public void ConnectLayersAutapsesImpossible() => AssertConnectLayersAutapses(false, 0);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_multapses_possible
    [Fact]
    public void ConnectLayersMultapsesPossible() => AssertConnectLayersMultapses(true);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_layers_multapses_impossible
    [Fact]
    public void ConnectLayersMultapsesImpossible() => AssertConnectLayersMultapses(false);

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_sliced_grid_layer
    [Fact]
    public void ConnectSlicedGridLayer() => ConnectSliced(() => Positions.Grid([4, 5], extent: [10.0, 10.0]));

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_sliced_free_layer
    [Fact]
    public void ConnectSlicedFreeLayer() => ConnectSliced(() => Positions.Free(new RandomParameters().Uniform(), extent: [10.0, 10.0]));

    private static void ConnectSliced(Func<Positions> positions)
    {
        foreach (string sliced in new[] { "single", "range", "step" })
        {
            var (nest, layers) = ResetAndCreateSliced(positions);
            AssertConnectSliced(nest, layers[sliced], layers["layer"], $"{sliced} pre");
        }
        foreach (string sliced in new[] { "single", "range", "step" })
        {
            var (nest, layers) = ResetAndCreateSliced(positions);
            AssertConnectSliced(nest, layers["layer"], layers[sliced], $"{sliced} post");
        }
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_synapse_label
    [Fact]
    public void ConnectSynapseLabel()
    {
        const int indegree = 10;
        const long synLabel = 123;
        _nest.Connect(_layer, _layer,
            D(("rule", "fixed_indegree"), ("indegree", indegree), ("p", 1.0), ("mask", Rectangle(-5.0, 0.0))),
            D(("synapse_model", "stdp_synapse_lbl"), ("synapse_label", synLabel)));
        Assert.Equal(Enumerable.Repeat(synLabel, _layer.Count * indegree), (long[])_nest.GetConnections().Get("synapse_label"));
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_receptor_type
    [Fact]
    public void ConnectReceptorType()
    {
        const long receptorType = 7;
        var multisynLayer = _nest.Create("iaf_psc_exp_multisynapse", Positions.Grid(Dim, extent: Extent),
            new() { ["tau_syn"] = Enumerable.Range(0, (int)receptorType).Select(i => 0.1 + i).ToArray() });
        const int indegree = 10;
        _nest.Connect(multisynLayer, multisynLayer,
            D(("rule", "fixed_indegree"), ("indegree", indegree), ("p", 1.0), ("mask", Rectangle(-5.0, 0.0))),
            D(("receptor_type", receptorType)));
        Assert.Equal(Enumerable.Repeat(receptorType, multisynLayer.Count * indegree), (long[])_nest.GetConnections().Get("receptor"));
    }

    // NEST: testsuite/pytests/spatial/test_connect_layers.py::ConnectLayersTestCase::test_connect_integer_param
    [Fact]
    public void ConnectIntegerParam()
    {
        // weight and delay are intentionally integers for this test.
        const long weight = 2;
        const long delay = 2;
        var multisynLayer = _nest.Create("iaf_psc_exp", Positions.Grid(Dim, extent: Extent));
        const int indegree = 10;
        // Combination of fixed_indegree and connection probability (kernel) to trigger ConnectLayers.
        _nest.Connect(multisynLayer, multisynLayer, D(("rule", "fixed_indegree"), ("indegree", indegree), ("p", 1.0)),
            D(("weight", weight), ("delay", delay)));
        var conns = _nest.GetConnections();
        Assert.Equal(Enumerable.Repeat((double)weight, multisynLayer.Count * indegree), conns.Weight);
        Assert.Equal(Enumerable.Repeat((double)delay, multisynLayer.Count * indegree), conns.Delay);
    }
}
