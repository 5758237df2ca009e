namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>NEST's testsuite/pytests/synapses/test_set_delay_extrema.py: min_delay and max_delay set by the user stay through connections and Simulate.</summary>
public sealed class TestSetDelayExtrema
{
    private readonly Simulator _nest = new();

    /// <summary>The fixture prepare_network: user-set extrema, two neurons connected both ways with small and large delays, 1 ms simulated.</summary>
    public TestSetDelayExtrema()
    {
        const double h = 0.1;
        _nest.SetKernelStatus(new() { ["resolution"] = h, ["min_delay"] = h, ["max_delay"] = 2.0 });

        var n1 = _nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 1450.0 });
        var n2 = _nest.Create("iaf_psc_alpha");

        _nest.Connect(n1, n2, syn: new Dictionary<string, object> { ["weight"] = 100.0, ["delay"] = 0.5 }); // small delay
        _nest.Connect(n2, n1, syn: new Dictionary<string, object> { ["weight"] = 100.0, ["delay"] = 1.0 }); // large delay

        _nest.Simulate(1.0);
    }

    // NEST: testsuite/pytests/synapses/test_set_delay_extrema.py::test_setting_delay
    [Fact]
    public void Test_setting_delay()
    {
        double minDelay = (double)_nest.GetKernelStatus("min_delay"), maxDelay = (double)_nest.GetKernelStatus("max_delay");

        Assert.Equal(0.1, minDelay);
        Assert.Equal(2.0, maxDelay);
    }
}
