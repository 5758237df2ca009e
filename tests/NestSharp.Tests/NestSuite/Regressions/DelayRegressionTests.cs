namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// Delays: rounding to the grid (and min_delay/max_delay following), delays below the resolution, random delays
/// rounded to neighbouring steps, integer delays and weights.
/// </summary>
public sealed class DelayRegressionTests
{
    private static Simulator KernelAtResolution(double resolution)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", resolution);
        return nest;
    }

    private static double MinDelay(Simulator nest) => Convert.ToDouble(nest.GetKernelStatus("min_delay"));

    private static double MaxDelay(Simulator nest) => Convert.ToDouble(nest.GetKernelStatus("max_delay"));

    // NEST: testsuite/pytests/regressions/test_issue_105.py::test_min_delay_on_fresh_connection
    [Theory]
    [InlineData(0.81)]
    [InlineData(0.82)]
    [InlineData(0.8499)]
    public void DelayInSynSpec_IsRoundedToTheGrid_AndSetsMinDelay(double delay)
    {
        var nest = KernelAtResolution(0.1);
        var nrn = nest.Create("iaf_psc_alpha");
        nest.Connect(nrn, nrn, "one_to_one", new Dictionary<string, object> { ["delay"] = delay });
        var conn = nest.GetConnections(); // the collection Connect(..., return_synapsecollection=True) returns
        const double expectedDelay = 0.8;
        Assert.Equal(expectedDelay, Assert.Single(conn.Delay));
        Assert.Equal(expectedDelay, MinDelay(nest));
    }

    // NEST: testsuite/pytests/regressions/test_issue_105.py::test_min_delay_on_synapsecollection_set
    [Theory]
    [InlineData(0.81)]
    [InlineData(0.82)]
    [InlineData(0.8499)]
    public void DelaySetOnConnection_IsRoundedToTheGrid_AndSetsMinDelay(double delay)
    {
        var nest = KernelAtResolution(0.1);
        var nrn = nest.Create("iaf_psc_alpha");
        nest.Connect(nrn, nrn, "one_to_one");
        var conn = nest.GetConnections();
        conn.Set("delay", delay);
        const double expectedDelay = 0.8;
        Assert.Equal(expectedDelay, Assert.Single(nest.GetConnections().Delay));
        Assert.Equal(expectedDelay, MinDelay(nest));
    }

    // NEST: testsuite/pytests/regressions/test_issue_105.py::test_max_delay_on_fresh_connection
    [Theory]
    [InlineData(0.85)]
    [InlineData(0.86)]
    [InlineData(0.8999)]
    public void DelayInSynSpec_IsRoundedToTheGrid_AndSetsMaxDelay(double delay)
    {
        var nest = KernelAtResolution(0.1);
        var nrn = nest.Create("iaf_psc_alpha");
        nest.Connect(nrn, nrn, "one_to_one", new Dictionary<string, object> { ["delay"] = delay });
        var conn = nest.GetConnections();
        const double expectedDelay = 0.9;
        Assert.Equal(expectedDelay, Assert.Single(conn.Delay));
        Assert.Equal(expectedDelay, MaxDelay(nest));
    }

    // NEST: testsuite/pytests/regressions/test_issue_105.py::test_max_delay_on_synapsecollection_set
    [Theory]
    [InlineData(1.95)]
    [InlineData(1.96)]
    [InlineData(1.999)]
    public void DelaySetOnConnection_IsRoundedToTheGrid_AndSetsMaxDelay(double delay)
    {
        var nest = KernelAtResolution(0.1);
        var nrn = nest.Create("iaf_psc_alpha");
        nest.Connect(nrn, nrn, "one_to_one");
        var conn = nest.GetConnections();
        conn.Set("delay", delay);
        const double expectedDelay = 2.0;
        Assert.Equal(expectedDelay, Assert.Single(nest.GetConnections().Delay));
        Assert.Equal(expectedDelay, MaxDelay(nest));
    }

    // NEST: testsuite/pytests/regressions/test_issue_105.py::test_min_and_max_delay_on_set_kernel_status
    [Theory]
    [InlineData(0.81)]
    [InlineData(0.89)]
    public void MinAndMaxDelaySetOnKernel_AreRoundedToTheGrid(double minDelay)
    {
        var nest = KernelAtResolution(0.1);
        const double maxDelay = 1.49;
        nest.SetKernelStatus(new() { ["min_delay"] = minDelay, ["max_delay"] = maxDelay });
        var nrn = nest.Create("iaf_psc_alpha");
        nest.Connect(nrn, nrn, "one_to_one", new Dictionary<string, object> { ["delay"] = minDelay });
        nest.Connect(nrn, nrn, "one_to_one", new Dictionary<string, object> { ["delay"] = maxDelay });
        Assert.Equal(0.8, MinDelay(nest));
        Assert.Equal(1.5, MaxDelay(nest));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_903.py::test_correct_rounding_distributions
    [Fact]
    public void RandomDelays_AreRoundedToBothNeighbouringSteps_WithEqualProbability()
    {
        var nest = KernelAtResolution(1.0);
        var population = nest.Create("iaf_psc_alpha");
        const int indegree = 100;
        const double significance = 0.01;
        nest.Connect(population, population,
            new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = indegree },
            new Dictionary<string, object> { ["delay"] = nest.Random.Uniform(1.1, 1.9) });

        var delays = nest.GetConnections().Delay;
        Assert.Equal(new SortedSet<double> { 1.0, 2.0 }, new SortedSet<double>(delays));
        int twos = delays.Count(d => d == 2.0);
        Assert.True(BinomTest.PValue(twos, indegree, 0.5) > significance, $"{twos} of {indegree} delays rounded up");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_949.py::test_delay_less_than_resolution_throws
    [Fact]
    public void DelayBelowTheResolution_IsRejected()
    {
        var nest = KernelAtResolution(0.3);
        var population = nest.Create("iaf_psc_alpha");
        var e = Assert.ThrowsAny<NestException>(() =>
            nest.Connect(population, population, null, new Dictionary<string, object> { ["delay"] = 0.1 }));
        Assert.Matches("Delay must be greater than or equal to resolution", e.Message);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_772.py::test_integer_weights_and_delays_do_not_crash
    [Theory]
    [MemberData(nameof(IntegerWeightsAndDelays))]
    public void IntegerWeightsAndDelays_AreAccepted(string rule, int nTargets, object weights, object delays)
    {
        var nest = new Simulator();
        var n = nest.Create("parrot_neuron", 2);
        nest.Connect(n, n[..nTargets], new Dictionary<string, object> { ["rule"] = rule },
            new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = weights, ["delay"] = delays });
    }

    public static TheoryData<string, int, object, object> IntegerWeightsAndDelays() => new()
    {
        { "all_to_all", 1, 1, 4 },
        { "one_to_one", 2, new[] { 1, 1 }, new[] { 4, 6 } },
    };

    // NEST: testsuite/pytests/regressions/test_ticket_772.py::test_integer_weights_and_delays_do_not_crash (the all_to_all case with
    // weights [[1, 1]] and delays [[4, 6]])
    [Fact]
    public void IntegerWeightAndDelayMatrices_AreAccepted()
    {
        IntegerWeightsAndDelays_AreAccepted("all_to_all", 1, new[] { new[] { 1, 1 } }, new[] { new[] { 4, 6 } });
        // Beyond NEST's test: the matrix (one row per target, one column per source) gives each connection its values.
        var nest = new Simulator();
        var n = nest.Create("parrot_neuron", 2);
        nest.Connect(n, n[..1], new Dictionary<string, object> { ["rule"] = "all_to_all" },
            new Dictionary<string, object> { ["weight"] = new[] { new[] { 1, 2 } }, ["delay"] = new[] { new[] { 4, 6 } } });
        var connections = nest.GetConnections();
        Assert.Equal([1L, 2L], connections.Source);
        Assert.Equal([1.0, 2.0], connections.Weight);
        Assert.Equal([4.0, 6.0], connections.Delay);
    }
}
