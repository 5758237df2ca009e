namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_delay_check.py: min_delay and max_delay follow the delays of the connections made.</summary>
public sealed class TestDelayCheck
{
    private readonly Simulator _nest = new();
    private readonly NodeCollection _n1, _n2;

    /// <summary>The fixture base_setup: two neurons, connected by a static synapse with delay 2.0 ms.</summary>
    public TestDelayCheck()
    {
        var nodes = _nest.Create("iaf_psc_alpha", 2);
        (_n1, _n2) = (nodes[0], nodes[1]);
        _nest.SetDefaults("static_synapse", new() { ["delay"] = 2.0 });
        _nest.Connect(_n1, _n2);
    }

    private double MinDelay => (double)_nest.GetKernelStatus("min_delay");

    private double MaxDelay => (double)_nest.GetKernelStatus("max_delay");

    // NEST: testsuite/pytests/connect/test_delay_check.py::test_standard_connect
    [Fact]
    public void Test_standard_connect() => Assert.True(MinDelay == 2.0 && MaxDelay == 2.0);

    // NEST: testsuite/pytests/connect/test_delay_check.py::test_candidate_not_reported
    [Fact]
    public void Test_candidate_not_reported()
    {
        // max_delay is not changed without connecting.
        _nest.SetDefaults("static_synapse", new() { ["delay"] = 10.0 });
        Assert.True(MinDelay == 2.0 && MaxDelay == 2.0);
    }

    // NEST: testsuite/pytests/connect/test_delay_check.py::test_min_delay
    [Fact]
    public void Test_min_delay()
    {
        // min_delay is changed after connecting with static synapse of delay 1.0 ms.
        _nest.SetDefaults("static_synapse", new() { ["delay"] = 1.0 });
        _nest.Connect(_n2, _n1);
        Assert.True(MinDelay == 1.0 && MaxDelay == 2.0);
    }

    // NEST: testsuite/pytests/connect/test_delay_check.py::test_connect
    [Fact]
    public void Test_connect()
    {
        // max_delay is changed when connecting and providing the delay in the synapse specification dictionary.
        _nest.Connect(_n2, _n1, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 6.0 });
        Assert.True(MinDelay == 2.0 && MaxDelay == 6.0);
    }

    // NEST: testsuite/pytests/connect/test_delay_check.py::test_set_min_delay
    [Fact]
    public void Test_set_min_delay()
    {
        // min_delay is changed after setting the status of the synapse.
        var conn = _nest.GetConnections(source: _n1, target: _n2, synapseModel: "static_synapse");
        conn.Set(new Dictionary<string, object> { ["delay"] = 0.1 });
        Assert.True(MinDelay == 0.1 && MaxDelay == 2.0);
    }
}
