namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_connect_arrays_mpi.py (TestConnectArraysMPICase), on 2 in-process ranks.
/// NEST gathers every rank's connections to rank 0 with mpi4py and compares there; NestSharp's GetConnections gives
/// every process's connections on every rank, so every rank compares them.
/// </summary>
public sealed class TestConnectArraysMpi
{
    private static readonly long[] NonUnique = [1, 1, 3, 5, 4, 5, 9, 7, 2, 8];

    /// <summary>assert_connections: all connections against the expected ones, each column sorted on its own (np.sort(axis=0)).</summary>
    private static void AssertConnections(Simulator nest, long[] expectedSources, long[] expectedTargets, double[]? expectedWeights,
        double expectedWeight, double[]? expectedDelays, double expectedDelay, string rule)
    {
        var conns = nest.GetConnections();
        long[][] expectedProjections = rule switch
        {
            "one_to_one" => [.. expectedSources.Zip(expectedTargets, (s, t) => new[] { s, t })],
            "all_to_all" => [.. expectedSources.SelectMany(s => expectedTargets.Select(t => new[] { s, t }))],
            _ => throw new Xunit.Sdk.XunitException($"rule={rule} is not valid"),
        };
        double[] weights = expectedWeights ?? Enumerable.Repeat(expectedWeight, expectedProjections.Length).ToArray();
        double[] delays = expectedDelays ?? Enumerable.Repeat(expectedDelay, expectedProjections.Length).ToArray();

        // Results must be sorted to make comparison possible (each column on its own, as np.sort(..., axis=0))
        Assert.Equal(expectedProjections.Select(p => p[0]).Order(), conns.Source.Order());
        Assert.Equal(expectedProjections.Select(p => p[1]).Order(), conns.Target.Order());
        AssertArrayAlmostEqual([.. weights.Order()], [.. conns.Weight.Order()]);
        AssertArrayAlmostEqual([.. delays.Order()], [.. conns.Delay.Order()]);
    }

    /// <summary>np.testing.assert_array_almost_equal (6 decimals).</summary>
    private static void AssertArrayAlmostEqual(double[] expected, double[] actual) => NestSuiteHelpers.AssertAlmostEqual(expected, actual, 6);

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_arrays_mpi.py::TestConnectArraysMPICase::test_connect_arrays_unique
    [Fact]
    public void ConnectingArraysOfUniqueIds_WithMpi() => MpiRanks.Run(2, nest =>
    {
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        long[] sources = [.. Enumerable.Range(1, n).Select(i => (long)i)];
        long[] targets = [.. Enumerable.Range(1, n).Select(i => (long)i)];
        const double weight = 1.5, delay = 1.4;

        nest.Connect(sources, targets, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = delay });

        AssertConnections(nest, sources, targets, null, weight, null, delay, "all_to_all");
    });

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_arrays_mpi.py::TestConnectArraysMPICase::test_connect_arrays_nonunique
    [Fact]
    public void ConnectingArraysWithRepeatedIds_WithMpi() => MpiRanks.Run(2, nest =>
    {
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        long[] sources = [.. Enumerable.Range(1, n).Select(i => (long)i)];
        long[] targets = NonUnique;
        double[] weights = Enumerable.Repeat(1.0, n).ToArray();
        double[] delays = Enumerable.Repeat(1.0, n).ToArray();
        nest.Connect(sources, targets, "one_to_one", new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays });

        AssertConnections(nest, sources, targets, weights, 0, delays, 0, "one_to_one");
    });

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_arrays_mpi.py::TestConnectArraysMPICase::test_connect_arrays_threaded
    [Fact]
    public void ConnectingArrays_ThreadedWithMpi() => MpiRanks.Run(2, nest =>
    {
        nest.SetKernelStatus("local_num_threads", 2);
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        long[] sources = [.. Enumerable.Range(1, n).Select(i => (long)i)];
        long[] targets = NonUnique;
        const string synModel = "static_synapse";
        // np.linspace: interval endpoints are carefully selected to get nice values, i.e., a step of 0.1 between values.
        double[] weights = [.. Enumerable.Range(0, n).Select(i => 0.6 + (i * (1.5 - 0.6) / (n - 1)))];
        double[] delays = [.. Enumerable.Range(0, n).Select(i => 0.4 + (i * (1.3 - 0.4) / (n - 1)))];

        var synSpec = new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays, ["synapse_model"] = synModel };
        nest.Connect(sources, targets, "one_to_one", synSpec);

        AssertConnections(nest, sources, targets, weights, 0, delays, 0, "one_to_one");
    });
}
