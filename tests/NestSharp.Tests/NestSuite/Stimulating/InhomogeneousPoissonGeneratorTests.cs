namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_inhomogeneous_poisson_generator.py</c>.</summary>
public sealed class InhomogeneousPoissonGeneratorTests
{
    private static Simulator PrepareKernel()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);
        nest.SetKernelStatus("local_num_threads", 1);
        return nest;
    }

    private static void AssertBadProperty(string match, Action action)
    {
        var e = Assert.Throws<BadPropertyException>(action);
        Assert.Contains(match, e.Message, StringComparison.Ordinal);
    }

    // NEST: testsuite/pytests/stimulating/test_inhomogeneous_poisson_generator.py::test_rate_times_and_values_match
    [Fact]
    public void RateTimesAndValuesMatch()
    {
        var g = PrepareKernel().Create("inhomogeneous_poisson_generator");
        AssertBadProperty("Rate times and values must be reset together", () => g.Set("rate_values", new[] { 10.0 }));
    }

    // NEST: testsuite/pytests/stimulating/test_inhomogeneous_poisson_generator.py::test_rate_times_len_and_values_match
    [Fact]
    public void RateTimesLenAndValuesMatch()
    {
        var g = PrepareKernel().Create("inhomogeneous_poisson_generator");
        AssertBadProperty("Rate times and values have to be the same size",
            () => g.Set(new Dictionary<string, object> { ["rate_times"] = new[] { 1.0, 2.0 }, ["rate_values"] = new[] { 10.0 } }));
    }

    // NEST: testsuite/pytests/stimulating/test_inhomogeneous_poisson_generator.py::test_rate_times_strictly_increasing
    [Fact]
    public void RateTimesStrictlyIncreasing()
    {
        var g = PrepareKernel().Create("inhomogeneous_poisson_generator");
        AssertBadProperty("Rate times must be strictly increasing",
            () => g.Set(new Dictionary<string, object> { ["rate_times"] = new[] { 1.0, 5.0, 3.0 }, ["rate_values"] = new[] { 10.0, 20.0, 5.0 } }));
    }

    // NEST: testsuite/pytests/stimulating/test_inhomogeneous_poisson_generator.py::test_offgrid_time_point
    [Fact]
    public void OffgridTimePoint()
    {
        var g = PrepareKernel().Create("inhomogeneous_poisson_generator");
        AssertBadProperty("Time point 1.23 is not representable in current resolution",
            () => g.Set(new Dictionary<string, object> { ["rate_times"] = new[] { 1.23 }, ["rate_values"] = new[] { 10.0 } }));
    }

    // NEST: testsuite/pytests/stimulating/test_inhomogeneous_poisson_generator.py::test_allow_offgrid_time_point
    [Fact]
    public void AllowOffgridTimePoint()
    {
        var g = PrepareKernel().Create("inhomogeneous_poisson_generator", 1, new() { ["allow_offgrid_times"] = true });
        g.Set(new Dictionary<string, object> { ["rate_times"] = new[] { 1.23 }, ["rate_values"] = new[] { 10.0 } });
        // the rate time is rounded up to the next step
        Assert.Equal([1.3], g.Get<double[]>("rate_times"));
    }

    // NEST: testsuite/pytests/stimulating/test_inhomogeneous_poisson_generator.py::test_no_allow_offgrid_times_after_rate_set
    [Fact]
    public void NoAllowOffgridTimesAfterRateSet()
    {
        var g = PrepareKernel().Create("inhomogeneous_poisson_generator");
        g.Set(new Dictionary<string, object> { ["rate_times"] = new[] { 1.2 }, ["rate_values"] = new[] { 10.0 } });
        AssertBadProperty("Option can only be set together with rate times or if no rate times have been set", () => g.Set("allow_offgrid_times", true));
    }

    // NEST: testsuite/pytests/stimulating/test_inhomogeneous_poisson_generator.py::test_allow_offgrid_times_modified_after_rate_set
    [Fact]
    public void AllowOffgridTimesModifiedAfterRateSet()
    {
        var g = PrepareKernel().Create("inhomogeneous_poisson_generator", 1, new() { ["allow_offgrid_times"] = true });
        g.Set(new Dictionary<string, object> { ["rate_times"] = new[] { 1.23 }, ["rate_values"] = new[] { 10.0 } });
        AssertBadProperty("Time point 1.25 is not representable in current resolution", () => g.Set(new Dictionary<string, object>
        {
            ["allow_offgrid_times"] = false, ["rate_times"] = new[] { 1.25 }, ["rate_values"] = new[] { 10.0 },
        }));
    }

    // NEST: testsuite/pytests/stimulating/test_inhomogeneous_poisson_generator.py::test_time_points_in_future
    [Fact]
    public void TimePointsInFuture()
    {
        var g = PrepareKernel().Create("inhomogeneous_poisson_generator");
        AssertBadProperty("Time points must lie strictly in the future.",
            () => g.Set(new Dictionary<string, object> { ["rate_times"] = new[] { 0.0 }, ["rate_values"] = new[] { 30.0 } }));
    }
}
