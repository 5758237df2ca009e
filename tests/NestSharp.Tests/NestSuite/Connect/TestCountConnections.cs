namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_count_connections.py.</summary>
public sealed class TestCountConnections
{
    // NEST: testsuite/pytests/connect/test_count_connections.py::test_count_connections
    [Fact]
    public void Test_count_connections()
    {
        // Test that correct number of connections is created for fixed_indegree: 100 neurons with 89 connections each,
        // first static, then additional stdp connections.
        var nest = new Simulator();
        const int numNeurons = 100;
        const int indegree = 89;
        const int expectedNumConns = numNeurons * indegree;

        nest.SetKernelStatus("total_num_virtual_procs", 4);

        var n = nest.Create("parrot_neuron", numNeurons);
        nest.Connect(n, n, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = indegree }, "static_synapse");

        Assert.Equal(expectedNumConns, nest.NumConnections);
        Assert.Equal(expectedNumConns, nest.GetDefaults<long>("static_synapse", "num_connections"));

        nest.Connect(n, n, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = indegree }, "stdp_synapse");

        Assert.Equal(2 * expectedNumConns, nest.NumConnections);
        Assert.Equal(expectedNumConns, nest.GetDefaults<long>("static_synapse", "num_connections"));
        Assert.Equal(expectedNumConns, nest.GetDefaults<long>("stdp_synapse", "num_connections"));
    }
}
