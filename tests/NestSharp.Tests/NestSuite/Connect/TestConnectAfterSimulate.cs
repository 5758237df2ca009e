namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_connect_after_simulate.py. test_connect_after_simulate needs iaf_psc_delta
/// and is not ported.
/// </summary>
public sealed class TestConnectAfterSimulate
{
    // NEST: testsuite/pytests/connect/test_connect_after_simulate.py::test_connections_before_after_simulate
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Test_connections_before_after_simulate(bool useCompressedSpikes)
    {
        // Pre-condition: GetConnections returns the same connection handles before and after calling Simulate, for
        // connections sorted by source and for connections not sorted.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["use_compressed_spikes"] = useCompressedSpikes });

        var neurons = nest.Create("iaf_psc_alpha", 10);
        nest.Connect(neurons, neurons, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 2 });

        var connectionsBefore = nest.GetConnections();

        nest.Simulate(1.0);

        var connectionsAfter = nest.GetConnections();

        Assert.True(connectionsBefore == connectionsAfter);
    }
}
